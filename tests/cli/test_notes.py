"""`ratbond notes parse` as a user runs it: signals, unattributed readings and spans as JSON;
a bad request is one line naming the field, exit 2."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.cli.process import run_ratbond

REQUEST: dict[str, Any] = {
    "program": "rat-rat",
    "animals": [
        {"id": "ziggy", "name": "Ziggy", "species": "rat"},
        {"id": "rex", "name": "Rex", "species": "rat"},
    ],
    "roles": {"newcomer": ["ziggy"], "residents": ["rex"]},
    "text": "The new boy puffed up at Rex. Rex didn't bite.",
}


def test_notes_parse_prints_signals_unattributed_and_spans() -> None:
    done = run_ratbond("notes", "parse", "-", stdin=json.dumps(REQUEST))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["signals"] == {"ziggy": ["puffed_up"]}
    assert data["unattributed"] == []
    bite = next(span for span in data["spans"] if span["signal"] == "biting")
    start = REQUEST["text"].index("bite")
    assert bite == {
        "start": start,
        "end": start + 4,
        "text": "bite",
        "signal": "biting",
        "animal": "rex",
        "negated": True,
        "confirm": False,
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"animals": [{"id": "a", "species": "dog"}]}, "animals[0].species: unknown species"),
        (
            {"animals": [{"id": "a", "species": "rat"}, {"id": "a", "species": "rat"}]},
            "animals[1].id: id 'a' is used by another animal",
        ),
        ({"program": "rat-rats"}, "program: unknown program 'rat-rats' (did you mean 'rat-rat'?)"),
        ({"text": None}, "text: expected text"),
        ({"roles": {"newcomer": ["nobody"]}}, "roles.newcomer[0]: unknown animal"),
        ({"colour": "red"}, "colour: unknown field"),
    ],
)
def test_notes_parse_bad_input_names_the_field(change: dict[str, Any], message: str) -> None:
    request = {**REQUEST, **change}
    done = run_ratbond("notes", "parse", "-", stdin=json.dumps(request))
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_notes_parse_missing_field_and_bad_json() -> None:
    request = {key: value for key, value in REQUEST.items() if key != "text"}
    done = run_ratbond("notes", "parse", "-", stdin=json.dumps(request))
    assert done.returncode == 2
    assert "text: required field is missing" in done.stderr
    done = run_ratbond("notes", "parse", "-", stdin="{")
    assert done.returncode == 2
    assert "not valid JSON" in done.stderr
