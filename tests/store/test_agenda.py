"""The day's plan read from the stored advice: every active introduction, most urgent first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from ratbond.store import Database
from ratbond.store.agenda import agenda
from ratbond.store.records import StoredAdvice
from ratbond.store.urgency import KINDS, kind_of
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
