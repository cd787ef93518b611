"""Every introduction's current advice read in one query equals reading it one at a time."""

from __future__ import annotations

import pytest

from ratbond.store import Database
from ratbond.store.introductions import (
    get_advice,
    list_introductions,
    list_introductions_with_advice,
)
from tests.store.helpers import day, every_kind_of_introduction

# Before any advice row (the earliest one is read), the first day, and days when it changes.
DAYS = (-30, -1, 0, 1, 5, 12, 40, 400)


@pytest.mark.parametrize("status", [None, "active", "paused"])
def test_one_query_reads_what_get_advice_reads(db: Database, status: str | None) -> None:
    every_kind_of_introduction(db)
    for offset in DAYS:
        listed = list_introductions_with_advice(db, status=status, today=day(offset))
        assert [intro for intro, _ in listed] == list_introductions(db, status=status)
        for intro, advice in listed:
            assert (intro, advice) == get_advice(db, intro.key, today=day(offset)), offset
    assert len(list_introductions_with_advice(db, today=day(0))) == 5
