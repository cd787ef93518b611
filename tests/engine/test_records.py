"""The frozen dataclasses of `ratbond.model` survive the validated-data cache: pickled, copied."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest

from ratbond.model import Advice, Animal, Session
from ratbond.programs import builtin_program

DAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    "value",
    [
        Session(DAY, "visual", signals={"tom": ("hissing",)}),
        Animal("pip", "rat", arrived=DAY),
        Advice("cat-rat", "repeat", "visual", 8, DAY, ("intervene",), ("why",)),
    ],
    ids=["session", "animal", "advice"],
)
def test_records_pickle_and_copy(value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value
    assert copy.copy(value) == value


def test_a_program_round_trips_through_pickle_as_the_cache_stores_it() -> None:
    program = builtin_program("cat-rat")
    assert pickle.loads(pickle.dumps(program, protocol=pickle.HIGHEST_PROTOCOL)) == program
