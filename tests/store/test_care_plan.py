"""The day's care plan: every kind of task status and both kinds of health alert, on both
backends."""

from __future__ import annotations

import pytest

from ratbond.care.routine import group_tasks
from ratbond.errors import InputError
from ratbond.store import Database, agenda
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check
from ratbond.store.care import care_plan as care_plan_from_care
from ratbond.store.care import log_grooming
from ratbond.store.care_plan import NAMED, CarePlan, care_page, care_plan
from tests.store.helpers import TODAY, care_records, day

# Days to read the plan on: before and after records, and weeks on.
DAYS = (-20, 0, 1, 5, 30)


def test_every_status_of_a_task_comes_on_some_day(db: Database) -> None:
    care_records(db)
    statuses = {task.status for offset in DAYS for task in care_plan(db, today=day(offset)).tasks}
    assert statuses == {"overdue", "due", "later"}


def test_the_plan_has_both_alerts_and_only_for_active_animals(db: Database) -> None:
    care_records(db)
    plan = care_plan(db, today=TODAY)
    assert [(alert.kind, alert.animal) for alert in plan.alerts] == [
        ("finding", "kit"),
        ("weight_loss", "kit"),
    ]
    assert plan.alerts[0].message == "Kit: lump or swelling found on 2026-11-14; see a vet"
    assert {task.animal for task in plan.tasks} == {None, "kit", "lou", "max"}
    due = {(task.task.id, task.animal): task for task in plan.tasks}
    assert due["weigh_in", "lou"].last_done == day(-3)
    assert due["weigh_in", "kit"].last_done == day(-1)  # a weighing counts as the weigh-in
    assert due["health_check", "max"].last_done == day(-2)  # so does a grooming, the check
    assert due["cage_cleaning", None].status == "overdue"
    assert care_plan(db, today=day(-20)).alerts == ()  # nothing recorded yet on that day


def test_the_care_module_re_exports_the_care_plan() -> None:
    assert care_plan_from_care is care_plan


def finding_alerts(db: Database, offset: int = 0) -> list[tuple[str, tuple[str, ...]]]:
    return [(a.animal, a.findings) for a in care_plan(db, today=day(offset)).alerts]


def test_a_finding_stays_until_a_vet_check_on_or_after_it(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Kit", arrived=day(-90)), today=TODAY)
    log_grooming(db, "kit", ["lump"], date=day(-6), today=TODAY)
    add_vet_check(db, "kit", day(-7), today=TODAY)  # the day before: it saw no lump
    assert finding_alerts(db) == [("kit", ("lump",))]
    log_grooming(db, "kit", [], date=day(-3), today=TODAY)  # found nothing: still a lump
    assert finding_alerts(db) == [("kit", ("lump",))]
    add_vet_check(db, "kit", day(-6), today=TODAY)  # the same day counts
    assert finding_alerts(db) == []
    assert finding_alerts(db, -6) == []
    assert finding_alerts(db, -7) == []  # nothing found yet on that day


def test_a_later_finding_asks_for_a_later_vet_check(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Kit", arrived=day(-90)), today=TODAY)
    log_grooming(db, "kit", ["lump"], date=day(-6), today=TODAY)
    add_vet_check(db, "kit", day(-4), today=TODAY)
    log_grooming(db, "kit", ["cut"], date=day(-2), today=TODAY)
    assert finding_alerts(db) == [("kit", ("cut",))]
    assert finding_alerts(db, -3) == []  # between the vet check and the cut
    add_vet_check(db, "kit", TODAY, today=TODAY)
    assert finding_alerts(db) == []


def test_a_later_finding_does_not_hide_an_earlier_one_no_vet_has_seen(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Gus", arrived=day(-90)), today=TODAY)
    log_grooming(db, "gus", ["red_tears"], date=day(-2), today=TODAY)
    log_grooming(db, "gus", ["cut"], date=day(-1), today=TODAY)
    assert finding_alerts(db) == [("gus", ("red_tears",)), ("gus", ("cut",))]
    add_vet_check(db, "gus", day(-2), today=TODAY)  # saw the red tears, not the later cut
    assert finding_alerts(db) == [("gus", ("cut",))]


def pressing(plan: CarePlan) -> dict[str, list[tuple[str | None, str]]]:
    """Each task's copies due or overdue, (animal, status), in the order a screen lists them."""
    return {
        group.task.id: [
            (item.animal, line.status)
            for line in group.lines
            if line.status != "later"
            for item in line.items
        ]
        for group in group_tasks(plan.tasks)
        if group.status != "later"
    }


@pytest.mark.parametrize("offset", DAYS)
def test_the_today_page_counts_each_task_and_pages_its_animals(
    db: Database, monkeypatch: pytest.MonkeyPatch, offset: int
) -> None:
    """Every pressing copy of the care plan comes on exactly one page of its task, in the care
    plan's order; a task with more than a page is counted and names its first animals."""
    care_records(db)
    add_animal(db, NewAnimal(species="rat", name="Oz", arrived=day(-90)), today=TODAY)
    monkeypatch.setattr(agenda, "PAGE_SIZE", 2)
    expected = pressing(care_plan(db, today=day(offset)))
    summary = care_page(db, today=day(offset))
    assert [card.task.id for card in summary.cards] == list(expected)
    for card in summary.cards:
        copies = expected[card.task.id]
        assert card.total == len(copies) == sum(line.total for line in card.lines)
        assert card.pages == (len(copies) + 1) // 2
        first = [(item.animal, item.status) for item in card.shown]
        assert first == copies[: 2 if card.pages == 1 else NAMED]
        assert card.page == (1 if card.pages == 1 else 0)
        paged = [
            (item.animal, item.status)
            for page in range(1, card.pages + 1)
            for opened in care_page(db, today=day(offset), task=card.task.id, page=page).cards
            if opened.task.id == card.task.id
            for item in opened.shown
        ]
        assert paged == copies


def test_the_today_page_narrows_the_care_to_an_animal(db: Database) -> None:
    care_records(db)
    whole = care_page(db, today=day(30))
    assert {card.task.scope for card in whole.cards} == {"animal", "household"}
    assert any(card.marks_all for card in whole.cards)
    kit = care_page(db, today=day(30), animal="KIT")
    assert {item.animal for card in kit.cards for item in card.shown} == {"kit"}
    assert not any(card.marks_all for card in kit.cards)  # marking all would mark the others
    assert [alert.animal for alert in kit.alerts] == ["kit", "kit"]
    assert care_page(db, today=day(30), search="ou").alerts == ()  # Lou's finding was seen to
    searched = care_page(db, today=day(30), search="ou")
    assert {item.animal for card in searched.cards for item in card.shown} == {"lou"}


def test_an_unknown_task_to_open_is_refused_by_name(db: Database) -> None:
    with pytest.raises(InputError, match="no care task 'bath'"):
        care_page(db, today=TODAY, task="bath")
