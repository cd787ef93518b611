"""Care records on both backends: free-roam checks, trust signs, grooming, tasks done, the
day's care plan with its alerts, soft deletes, and the export round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from ratbond.errors import InputError
from ratbond.store import Database, open_database
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check, add_weight, archive_animal
from ratbond.store.care import (
    care_plan,
    delete_done,
    delete_free_roam,
    delete_grooming,
    delete_trust,
    list_done,
    list_free_roam,
    list_grooming,
    list_trust,
    log_grooming,
    log_trust,
    mark_done,
    record_free_roam,
)
from ratbond.store.tables import care_done, free_roam_checks, grooming, history, trust_signs
from ratbond.store.transfer import export_database, import_document
from tests.store.helpers import TODAY, but_the_import, day

ALL_YES = {
    "windows_closed": True,
    "no_toxic_plants": True,
    "cords_covered": True,
    "cats_elsewhere": True,
    "comfortable_temperature": True,
    "supervised": True,
}


def household(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Pip"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Ada"), today=TODAY)
    add_animal(db, NewAnimal(species="cat", name="Tom"), today=TODAY)


def count(db: Database, table: object) -> int:
    with db.read() as connection:
        return len(connection.execute(select(table)).all())  # type: ignore[call-overload]


def test_free_roam_check_is_dated_signed_and_ready_only_when_every_required_item_is_yes(
    db: Database,
) -> None:
    ready = record_free_roam(db, ALL_YES, checked_by="Sam", today=TODAY)
    assert ready.ready
    assert ready.date == TODAY
    assert ready.checked_by == "Sam"
    blocked = record_free_roam(
        db, {**ALL_YES, "cats_elsewhere": False}, date=day(-1), notes="cat in", today=TODAY
    )
    assert not blocked.ready
    assert blocked.failed == ["cats_elsewhere"]
    assert [r.id for r in list_free_roam(db)] == [ready.id, blocked.id]
    assert list_free_roam(db)[1].answers["cats_elsewhere"] is False


@pytest.mark.parametrize(
    ("answers", "date", "path"),
    [
        ({"windows_shut": True}, None, "answers.windows_shut"),
        (ALL_YES, day(1), "date"),
    ],
)
def test_a_bad_free_roam_check_writes_nothing(
    db: Database, answers: dict[str, bool], date: object, path: str
) -> None:
    with pytest.raises(InputError) as caught:
        record_free_roam(db, answers, date=date, today=TODAY)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert count(db, free_roam_checks) == 0


def test_trust_signs_are_logged_per_rat_one_row_per_sign(db: Database) -> None:
    household(db)
    rows = log_trust(db, "Pip", ["bruxing", "climbs_on_you", "bruxing"], date=day(-2), today=TODAY)
    assert [r.sign for r in rows] == ["bruxing", "climbs_onto_hand"]
    rat, seen = list_trust(db, "pip")
    assert rat.key == "pip"
    assert [s.date for s in seen] == [day(-2), day(-2)]


@pytest.mark.parametrize(
    ("animal", "signs", "date", "path", "message"),
    [
        ("tom", ["bruxing"], None, "animal", "is a cat; trust signs are kept for rats only"),
        ("nobody", ["bruxing"], None, "animal", "no animal 'nobody'"),
        ("pip", ["brxing"], None, "sign", "did you mean 'bruxing'?"),
        ("pip", [], None, "sign", "name at least one trust sign"),
        ("pip", ["bruxing"], day(1), "date", "after today"),
    ],
)
def test_a_bad_trust_log_names_the_field_and_writes_nothing(
    db: Database, animal: str, signs: list[str], date: object, path: str, message: str
) -> None:
    household(db)
    with pytest.raises(InputError, match=message) as caught:
        log_trust(db, animal, signs, date=date, today=TODAY)  # type: ignore[arg-type]
    assert caught.value.path == path
    assert count(db, trust_signs) == 0


def test_archived_rats_take_no_new_records(db: Database) -> None:
    household(db)
    archive_animal(db, "ada", "rehomed", today=TODAY)
    with pytest.raises(InputError, match="rehomed"):
        log_grooming(db, "ada", today=TODAY)


def test_a_finding_alerts_until_a_vet_has_seen_the_rat(db: Database) -> None:
    household(db)
    log_grooming(db, "pip", ["Lump", "porphyrin"], notes="left side", date=day(-3), today=TODAY)
    (alert,) = care_plan(db, today=TODAY).alerts
    assert alert.kind == "finding"
    assert alert.animal == "pip"
    assert alert.findings == ("lump", "red_tears")
    assert "see a vet" in alert.message
    add_vet_check(db, "pip", day(-1), today=TODAY)
    assert care_plan(db, today=TODAY).alerts == ()
    later = log_grooming(db, "pip", ["cut"], today=TODAY)
    assert [a.kind for a in care_plan(db, today=TODAY).alerts] == ["finding"]
    # A grooming that finds nothing is no vet: the cut still wants one.
    log_grooming(db, "pip", [], today=TODAY)
    (still,) = care_plan(db, today=TODAY).alerts
    assert still.findings == ("cut",)
    assert [g.findings for g in list_grooming(db, "pip")][1] == later.findings
    add_vet_check(db, "pip", TODAY, today=TODAY)
    assert care_plan(db, today=TODAY).alerts == ()


def test_unknown_finding_and_a_cat_are_refused(db: Database) -> None:
    household(db)
    with pytest.raises(InputError, match="did you mean 'lump'") as caught:
        log_grooming(db, "pip", ["lumpp"], today=TODAY)
    assert caught.value.path == "finding"
    with pytest.raises(InputError, match="rats only"):
        log_grooming(db, "tom", today=TODAY)
    assert count(db, grooming) == 0


@pytest.mark.parametrize(
    ("before", "after", "days", "alert"),
    [
        (300, 270, 30, True),  # exactly 10 % exactly 30 days apart
        (300, 271, 30, False),
        (300, 270, 31, False),  # the heavier weighing is outside the window
        (300, 240, 5, True),
    ],
)
def test_weight_loss_alert(
    db: Database, before: float, after: float, days: int, alert: bool
) -> None:
    household(db)
    add_weight(db, "pip", before, day(-days), today=TODAY)
    add_weight(db, "pip", after, TODAY, today=TODAY)
    alerts = care_plan(db, today=TODAY).alerts
    assert [a.kind for a in alerts] == (["weight_loss"] if alert else [])


def test_no_weights_no_alert_and_tasks_never_done_are_due_now(db: Database) -> None:
    household(db)
    plan = care_plan(db, today=TODAY)
    assert plan.alerts == ()
    rat_tasks = [(t.task.id, t.animal) for t in plan.tasks if t.animal]
    # Per-animal tasks are for rats only: the cat has none.
    assert sorted(rat_tasks) == [
        ("health_check", "ada"),
        ("health_check", "pip"),
        ("weigh_in", "ada"),
        ("weigh_in", "pip"),
    ]
    assert all(t.never_done and t.due == TODAY and t.status == "due" for t in plan.tasks)


def test_due_dates_come_from_the_last_time_done(db: Database) -> None:
    household(db)
    mark_done(db, "cage-cleaning", date=day(-9), today=TODAY)
    mark_done(db, "Toy rotation", date=day(-2), today=TODAY)
    add_weight(db, "pip", 300, day(-7), today=TODAY)
    mark_done(db, "weigh-in", ["ada"], date=day(-3), today=TODAY)
    log_grooming(db, "ada", date=day(-1), today=TODAY)
    due = {(t.task.id, t.animal): t for t in care_plan(db, today=TODAY).tasks}
    assert due["cage_cleaning", None].status == "overdue"
    assert due["cage_cleaning", None].days_left == -2
    assert due["toy_rotation", None].due == day(5)
    assert due["weigh_in", "pip"].status == "due"  # the weighing counts as the weigh-in
    assert due["weigh_in", "ada"].due == day(4)
    assert due["health_check", "ada"].due == day(6)  # the grooming counts as the check
    assert due["health_check", "pip"].never_done


def test_marking_an_animal_task_for_everyone_and_the_mistakes(db: Database) -> None:
    household(db)
    done = mark_done(db, "weigh_in", today=TODAY)
    assert sorted(d.animal_key or "" for d in done) == ["ada", "pip"]
    for args, path in (
        (("cage-cleaning", ["pip"]), "animal"),
        (("weigh-in", ["tom"]), "animal"),
        (("dusting", []), "task"),
    ):
        with pytest.raises(InputError) as caught:
            mark_done(db, *args, today=TODAY)  # type: ignore[arg-type]
        assert caught.value.path == path
    assert count(db, care_done) == 2
    assert [d.task for d in list_done(db, task="weigh in")] == ["weigh_in", "weigh_in"]


def test_no_rats_means_an_animal_task_cannot_be_marked(db: Database) -> None:
    with pytest.raises(InputError, match="no active rats"):
        mark_done(db, "weigh-in", today=TODAY)


def test_deletes_are_soft_and_keep_history(db: Database) -> None:
    household(db)
    check = record_free_roam(db, ALL_YES, today=TODAY)
    (sighting,) = log_trust(db, "pip", ["boggling"], today=TODAY)
    groom = log_grooming(db, "pip", ["skin"], today=TODAY)
    (done,) = mark_done(db, "cage-cleaning", today=TODAY)
    delete_free_roam(db, check.id)
    delete_trust(db, sighting.id)
    delete_grooming(db, groom.id)
    delete_done(db, done.id)
    assert list_free_roam(db) == []
    assert list_trust(db, "pip")[1] == []
    assert list_grooming(db) == []
    assert list_done(db) == []
    assert care_plan(db, today=TODAY).alerts == ()
    for table in (free_roam_checks, trust_signs, grooming, care_done):
        assert count(db, table) == 1
    with db.read() as connection:
        names = sorted(connection.execute(select(history.c.table_name)).scalars())
    assert names == ["care_done", "free_roam_checks", "grooming", "trust_signs"]


def test_care_records_survive_export_and_import(db: Database, tmp_path: Path) -> None:
    household(db)
    record_free_roam(db, {**ALL_YES, "toys": None}, today=TODAY)
    log_trust(db, "pip", ["seeks_company"], today=TODAY)
    log_grooming(db, "ada", ["breathing noise"], today=TODAY)
    (done,) = mark_done(db, "cage-cleaning", today=TODAY)
    delete_done(db, done.id)
    exported = export_database(db)
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    import_document(copy, json.loads(json.dumps(exported)), today=TODAY)
    assert but_the_import(export_database(copy)) == exported
    assert care_plan(copy, today=TODAY) == care_plan(db, today=TODAY)
    copy.close()
