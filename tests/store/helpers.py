"""Building blocks of the store tests: a pinned date and households ready to log."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ratbond.store import Database
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check, add_weight, archive_animal
from ratbond.store.care import log_grooming, mark_done
from ratbond.store.introductions import set_status, start_introduction
from ratbond.store.records import IntroductionRecord
from ratbond.store.sessions import NewSession, log_session

TODAY = dt.date(2026, 11, 20)


def day(offset: int) -> dt.date:
    """TODAY shifted by `offset` days."""
    return TODAY + dt.timedelta(days=offset)


def cat_and_rat(db: Database) -> IntroductionRecord:
    """Tom the cat and Pip the rat, both vet-checked, in a cat-rat introduction `tom-pip`."""
    add_animal(db, NewAnimal(species="cat", name="Tom", prey_drive="moderate"), today=TODAY)
    add_animal(
        db,
        NewAnimal(species="rat", name="Pip", origin="breeder", arrived=day(-80)),
        today=TODAY,
    )
    add_vet_check(db, "tom", day(-50), vet="Dr Lee", today=TODAY)
    add_vet_check(db, "pip", day(-48), today=TODAY)
    return start_introduction(db, "cat-rat", {"cat": ["Tom"], "rat": ["PIP"]}, today=TODAY)


def bitten(db: Database) -> None:
    """`cat_and_rat`, and Tom bit Pip yesterday: the advice of `tom-pip` is `stop`."""
    cat_and_rat(db)
    logged = log_session(
        db,
        "tom-pip",
        NewSession(stage="visual", date=day(-1), minutes=5, signals={"tom": ["biting"]}),
        today=TODAY,
    )
    assert logged.advice.action == "stop"


def rat_in_training(db: Database) -> IntroductionRecord:
    """Pip the rat in a clicker-training introduction `pip` (trick-spin)."""
    add_animal(
        db, NewAnimal(species="rat", name="Pip", origin="breeder", arrived=day(-80)), today=TODAY
    )
    return start_introduction(db, "trick-spin", {"rat": ["pip"]}, today=TODAY)


def every_kind_of_introduction(db: Database) -> None:
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


def care_records(db: Database) -> None:
    """Rats with every case the care plan tells apart: a grooming finding (one later cleared by
    a vet check), a weight lost and one kept, tasks done for one rat or the household, a rat
    never cared for, and an archived rat whose records no longer count."""
    for name in ("Kit", "Lou", "Max", "Ned"):
        add_animal(db, NewAnimal(species="rat", name=name, arrived=day(-90)), today=TODAY)
    log_grooming(db, "kit", ["lump"], date=day(-6), today=TODAY)
    log_grooming(db, "lou", ["cut"], date=day(-8), today=TODAY)
    add_vet_check(db, "lou", day(-4), today=TODAY)
    log_grooming(db, "max", date=day(-2), today=TODAY)
    add_weight(db, "kit", 400, day(-12), today=TODAY)
    add_weight(db, "kit", 340, day(-1), today=TODAY)
    add_weight(db, "lou", 300, day(-10), today=TODAY)
    mark_done(db, "weigh-in", ["lou"], date=day(-3), today=TODAY)
    mark_done(db, "cage-cleaning", date=day(-9), today=TODAY)
    mark_done(db, "toy-rotation", date=day(-1), today=TODAY)
    log_grooming(db, "ned", ["lump"], date=day(-5), today=TODAY)
    add_weight(db, "ned", 300, day(-20), today=TODAY)
    add_weight(db, "ned", 200, day(-2), today=TODAY)
    archive_animal(db, "ned", "rehomed", today=TODAY)


def without_the_import(text: str) -> str:
    """An export of an imported database as the file was: the audit trail's one entry for
    the import itself left out."""
    lines = text.splitlines(keepends=True)
    imports = [line for line in lines if '"action": "import"' in line]
    assert len(imports) == 1
    kept = [line for line in lines if line not in imports]
    rows = len(kept) - 2
    return "".join(kept[:-1]) + json.dumps({"end": {"rows": rows}}) + "\n"


def but_the_import(document: dict[str, Any]) -> dict[str, Any]:
    """`without_the_import` for an export as one object."""
    trail = document["tables"]["audit"]
    kept = [entry for entry in trail if entry["action"] != "import"]
    assert len(kept) == len(trail) - 1
    return {**document, "tables": {**document["tables"], "audit": kept}}
