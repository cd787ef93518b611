"""Building blocks of the store tests: a pinned date and households ready to log."""

from __future__ import annotations

import datetime as dt

from ratbond.store import Database
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check
from ratbond.store.introductions import start_introduction
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
