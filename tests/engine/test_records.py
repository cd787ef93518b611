"""The frozen records of `ratbond.model`: value semantics; dataclass tools work on them."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
from typing import get_args

import pytest

from ratbond import model
from ratbond.model import Advice, Animal, Rules, Session
from ratbond.programs import builtin_program

DAY = dt.date(2026, 11, 20)


def test_fields_and_defaults_come_from_the_class_body() -> None:
    session = Session(DAY, "visual", minutes=5)
    assert (session.date, session.stage, session.minutes, session.supervised) == (
        DAY,
        "visual",
        5,
        True,
    )
    assert session.signals == {}
    assert session.noted == {}


def test_a_factory_default_is_made_for_each_record() -> None:
    assert Rules().class_alerts is not Rules().class_alerts
    assert Session(DAY, "visual").signals is not Session(DAY, "visual").signals
    assert "class_alerts" not in vars(Rules)  # a factory is no class attribute


def test_missing_and_unknown_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="stage"):
        Session(DAY)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="colour"):
        Animal("pip", "rat", colour="agouti")  # type: ignore[call-arg]


def test_records_are_frozen() -> None:
    session = Session(DAY, "visual")
    with pytest.raises(AttributeError, match="frozen Session"):
        session.stage = "scent"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="frozen Session"):
        del session.stage
    rules = Rules()
    with pytest.raises(AttributeError, match="frozen Rules"):
        rules.stop_after = 3  # type: ignore[misc]


def test_equality_hash_and_repr_follow_the_fields() -> None:
    one = Animal("pip", "rat", origin="breeder")
    assert one == Animal("pip", "rat", origin="breeder")
    assert one != Animal("pip", "rat", origin="rescue")
    assert hash(one) == hash(Animal("pip", "rat", origin="breeder"))
    assert repr(one).startswith("Animal(id='pip', species='rat', name=None,")
    assert Rules() == Rules()
    assert Rules() != Rules(stop_after=3)


def test_only_records_declared_with_slots_have_them() -> None:
    assert Session.__slots__ == tuple(f.name for f in dataclasses.fields(Session))
    assert not hasattr(Session(DAY, "visual"), "__dict__")
    assert hasattr(Rules(), "__dict__")


@pytest.mark.parametrize(
    "value",
    [
        Session(DAY, "visual", signals={"tom": ("hissing",)}),
        Animal("pip", "rat", arrived=DAY),
        Advice("cat-rat", "repeat", "visual", 8, DAY, ("intervene",), ("why",)),
    ],
    ids=["slotted session", "slotted animal", "advice"],
)
def test_records_pickle_and_copy(value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value
    assert copy.copy(value) == value


def test_a_program_round_trips_through_pickle_as_the_cache_stores_it() -> None:
    program = builtin_program("cat-rat")
    assert pickle.loads(pickle.dumps(program, protocol=pickle.HIGHEST_PROTOCOL)) == program


def test_dataclass_tools_see_records_as_dataclasses() -> None:
    session = Session(DAY, "visual", minutes=5)
    assert dataclasses.is_dataclass(session)
    assert not dataclasses.is_dataclass(model.Record)
    assert [f.name for f in dataclasses.fields(Session)] == list(Session._names)
    assert dataclasses.replace(session, stage="scent") == Session(DAY, "scent", minutes=5)
    assert dataclasses.asdict(Animal("pip", "rat"))["species"] == "rat"
    rules = {f.name: f for f in dataclasses.fields(Rules)}
    assert rules["step_back_in_a_row"].default == 2
    assert rules["class_alerts"].default_factory is dict


def test_each_literal_type_names_exactly_the_values_of_its_tuple() -> None:
    for name, values in model.LITERALS.items():
        assert get_args(getattr(model, name)) == values, name
    assert "Species" in vars(model)  # made once, then an ordinary module attribute
    with pytest.raises(AttributeError):
        _ = model.Nonexistent  # type: ignore[attr-defined]
