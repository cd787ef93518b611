"""The day's plan read from the stored advice: every active introduction, most urgent first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from ratbond.store import Database
from ratbond.store import agenda as plan
from ratbond.store.agenda import agenda, agenda_page
from ratbond.store.records import StoredAdvice
from ratbond.store.urgency import KINDS, kind_of, rank_of
from tests.store.helpers import TODAY, day, every_kind_of_introduction

if TYPE_CHECKING:
    from ratbond.model import Action, AlertCode

# Days to read the plan on: the household's first day, the next, a few days on, weeks later.
DAYS = (0, 1, 5, 12, 40)


def test_every_kind_of_the_plan_comes_in_its_order_of_urgency(db: Database) -> None:
    every_kind_of_introduction(db)
    kinds: set[str] = set()
    for offset in DAYS:
        items = agenda(db, today=day(offset))
        assert [KINDS.index(item.kind) for item in items] == sorted(
            KINDS.index(item.kind) for item in items
        ), offset
        assert "ozzy-pim" not in {item.key for item in items}  # paused
        kinds |= {item.kind for item in items}
    assert kinds == {"alert", "overdue", "due", "prerequisite", "waiting", "later"}


def test_each_item_names_its_program(db: Database) -> None:
    every_kind_of_introduction(db)
    programs = {item.key: item.program for item in agenda(db, today=TODAY)}
    assert programs == {
        "tom-pip": "cat-rat",
        "cy-ada-bo": "rat-rat",
        "rex-dot": "cat-rat",
        "mo-nib": "cat-rat",
    }


def test_the_plan_is_sorted_and_labelled(db: Database) -> None:
    every_kind_of_introduction(db)
    items = agenda(db, today=TODAY)
    assert [item.key for item in items][:1] == ["tom-pip"]
    assert [item.rank for item in items] == sorted(item.rank for item in items)
    waiting = next(item for item in items if item.key == "cy-ada-bo")
    assert (waiting.kind, waiting.gate, waiting.countdown) == ("waiting", "quarantine", 11)
    assert waiting.label == "Cy & Ada & Bo"
    blocked = next(item for item in items if item.key == "rex-dot")
    assert blocked.kind == "prerequisite"
    assert blocked.gate is None
    later = agenda(db, today=day(5))
    overdue = next(item for item in later if item.key == "mo-nib")
    assert (overdue.kind, overdue.advice.overdue_days) == ("overdue", 4)
    assert overdue.advice.not_before == day(5)  # a date that has passed reads as today
    assert overdue.advice.payload["not_before"] == day(5).isoformat()


def test_the_plan_narrows_to_one_animal_by_its_id_or_name(db: Database) -> None:
    every_kind_of_introduction(db)
    assert [item.key for item in agenda(db, today=TODAY, animal="pip")] == ["tom-pip"]
    assert [item.key for item in agenda(db, today=TODAY, animal=" Ada ")] == ["cy-ada-bo"]
    assert agenda(db, today=TODAY, animal="a") == []  # an animal, not part of a name
    assert agenda(db, today=TODAY, animal="pim") == []  # paused


@pytest.mark.parametrize(
    ("search", "keys"),
    [
        ("rat-rat", {"cy-ada-bo"}),  # a program
        ("REX", {"rex-dot"}),  # an animal's name, any case
        ("o-n", {"mo-nib"}),  # part of the introduction's id
        ("cat", {"tom-pip", "rex-dot", "mo-nib"}),
        ("%", set()),  # LIKE's wildcards are plain characters
        ("_", set()),
        ("!", set()),
    ],
)
def test_a_search_matches_ids_names_and_programs(db: Database, search: str, keys: set[str]) -> None:
    every_kind_of_introduction(db)
    assert {item.key for item in agenda(db, today=TODAY, search=search)} == keys


def test_a_small_plan_is_shown_whole_in_sections_of_a_kind(db: Database) -> None:
    every_kind_of_introduction(db)
    sections = agenda_page(db, today=TODAY)
    assert [(s.kind, s.total, s.page, s.pages) for s in sections] == [
        ("alert", 1, 1, 1),
        ("prerequisite", 1, 1, 1),
        ("waiting", 1, 1, 1),
        ("later", 1, 1, 1),
    ]
    assert [item.key for s in sections for item in s.items] == [
        item.key for item in agenda(db, today=TODAY)
    ]


def test_a_large_plan_shows_the_pressing_kinds_and_counts_the_others(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    every_kind_of_introduction(db)
    monkeypatch.setattr(plan, "PAGE_SIZE", 1)  # four introductions: more than a page
    sections = {s.kind: s for s in agenda_page(db, today=TODAY)}
    assert [item.key for item in sections["alert"].items] == ["tom-pip"]
    assert [item.key for item in sections["prerequisite"].items] == ["rex-dot"]
    assert (sections["waiting"].total, sections["waiting"].page, sections["waiting"].items) == (
        1,
        0,
        (),
    )
    chosen = {s.kind: s for s in agenda_page(db, today=TODAY, section="waiting")}
    assert [item.key for item in chosen["waiting"].items] == ["cy-ada-bo"]


def test_a_page_past_the_last_shows_the_last(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    every_kind_of_introduction(db)
    monkeypatch.setattr(plan, "PAGE_SIZE", 1)
    due = [item.key for item in agenda(db, today=day(40)) if item.kind == "overdue"]
    assert len(due) >= 2
    for page, key in ((1, due[0]), (2, due[1]), (99, due[-1])):
        sections = {s.kind: s for s in agenda_page(db, today=day(40), section="overdue", page=page)}
        assert [item.key for item in sections["overdue"].items] == [key]
        assert sections["overdue"].pages == len(due)


def advice(action: Action, alerts: tuple[AlertCode, ...] = ()) -> StoredAdvice:
    return StoredAdvice(
        introduction_id=1,
        today=TODAY,
        action=action,
        stage="visual",
        minutes=None,
        not_before=None,
        alerts=alerts,
        due_on=None,
        last_session=TODAY,
        session_count=1,
        payload_json="{}",
    )


@pytest.mark.parametrize(
    ("action", "alerts", "kind"),
    [
        ("stop", (), "alert"),
        ("wait", ("intervene",), "alert"),
        ("complete", (), "complete"),
        ("wait", ("health_check_needed",), "prerequisite"),
        ("wait", (), "later"),
    ],
)
def test_a_stop_or_a_danger_alert_comes_first(
    action: Action, alerts: tuple[AlertCode, ...], kind: str
) -> None:
    assert kind_of(advice(action, alerts), counting_down=False) == kind


@pytest.mark.parametrize("offset", DAYS)
def test_the_pages_of_each_section_are_the_whole_plan_in_its_order(
    db: Database, monkeypatch: pytest.MonkeyPatch, offset: int
) -> None:
    """A section read a page at a time lists the introductions of its kind the whole plan lists,
    in the same order, with the same advice."""
    every_kind_of_introduction(db)
    monkeypatch.setattr(plan, "PAGE_SIZE", 1)
    whole = agenda(db, today=day(offset))
    for section in agenda_page(db, today=day(offset)):
        of_kind = [item for item in whole if item.kind == section.kind]
        assert section.total == len(of_kind) == section.pages
        paged = [
            item
            for page in range(1, section.pages + 1)
            for item in next(
                s
                for s in agenda_page(db, today=day(offset), section=section.kind, page=page)
                if s.kind == section.kind
            ).items
        ]
        assert paged == of_kind


def test_an_animals_health_comes_first_among_the_alerts() -> None:
    ill, stopped = advice("wait", ("illness_signs",)), advice("stop")
    assert kind_of(ill, counting_down=False) == kind_of(stopped, counting_down=False) == "alert"
    assert rank_of("alert", ill) < rank_of("alert", stopped)
