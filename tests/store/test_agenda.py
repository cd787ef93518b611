"""The day's plan read from the stored advice: every active introduction, most urgent first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from ratbond.store import Database
from ratbond.store.agenda import agenda
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check
from ratbond.store.introductions import set_status, start_introduction
from ratbond.store.records import StoredAdvice
from ratbond.store.sessions import NewSession, log_session
from ratbond.store.urgency import KINDS, kind_of
from tests.store.helpers import TODAY, cat_and_rat, day

if TYPE_CHECKING:
    from ratbond.model import Action, AlertCode

# Days to read the plan on: the household's first day, the next, a few days on, weeks later.
DAYS = (0, 1, 5, 12, 40)


def household(db: Database) -> None:
    """An introduction of every kind the plan sorts: an alert, a calm one due, a quarantine,
    a missing vet check, a paused one (left out), and a training introduction."""
    cat_and_rat(db)
    log_session(
        db,
        "tom-pip",
        NewSession(stage="visual", minutes=5, signals={"tom": ["lunging"]}),
        today=TODAY,
    )
    for name in ("Ada", "Bo"):
        add_animal(db, NewAnimal(species="rat", name=name, arrived=day(-100)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Cy", arrived=day(-3)), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["cy"], "residents": ["ada", "bo"]}, today=TODAY)
    add_animal(db, NewAnimal(species="cat", name="Rex", prey_drive="high"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Dot", arrived=day(-60)), today=TODAY)
    start_introduction(db, "cat-rat", {"cat": ["rex"], "rat": ["dot"]}, today=TODAY)
    add_animal(db, NewAnimal(species="cat", name="Mo", prey_drive="low"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Nib", arrived=day(-60)), today=TODAY)
    for animal in ("mo", "nib"):
        add_vet_check(db, animal, day(-10), today=TODAY)
    start_introduction(db, "cat-rat", {"cat": ["mo"], "rat": ["nib"]}, today=TODAY)
    calm = {"mo": ["slow_blink"], "nib": ["relaxed"]}
    log_session(db, "mo-nib", NewSession(stage="visual", minutes=5, signals=calm), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Ozzy", arrived=day(-60)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Pim", arrived=day(-60)), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["ozzy"], "residents": ["pim"]}, today=TODAY)
    set_status(db, "ozzy-pim", "paused", today=TODAY)


def test_every_kind_of_the_plan_comes_in_its_order_of_urgency(db: Database) -> None:
    household(db)
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
    household(db)
    programs = {item.key: item.program for item in agenda(db, today=TODAY)}
    assert programs == {
        "tom-pip": "cat-rat",
        "cy-ada-bo": "rat-rat",
        "rex-dot": "cat-rat",
        "mo-nib": "cat-rat",
    }


def test_the_plan_is_sorted_and_labelled(db: Database) -> None:
    household(db)
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
