"""Scenario validation: every bad input gives one message naming the field path."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from scenarios import day, scenario, session

from ratbond.errors import InputError
from ratbond.evaluate import advise_text


def error_of(document: Any) -> str:
    text = document if isinstance(document, str) else json.dumps(document)
    with pytest.raises(InputError) as caught:
        advise_text(text)
    return str(caught.value)


def with_sessions(*sessions: dict[str, Any]) -> dict[str, Any]:
    return scenario("cat-rat", list(sessions))


def test_misspelled_signal_names_the_path_and_the_nearest_id() -> None:
    document = with_sessions(
        *[session(5 - i, "visual", 5) for i in range(3)],
        session(1, "visual", 5, {"tom": ["slow_blink", "hiss"]}),
    )
    assert error_of(document) == (
        "sessions[3].signals.tom[1]: unknown signal 'hiss' for a cat (did you mean 'hissing'?); "
        "see 'ratbond signals --species cat'"
    )


def test_signal_of_the_other_species_is_refused() -> None:
    message = error_of(with_sessions(session(1, "visual", 5, {"pip": ["slow_blink"]})))
    assert message.startswith("sessions[0].signals.pip[0]: unknown signal 'slow_blink' for a rat")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"program": "cat-rats"}, "program: unknown program 'cat-rats' (did you mean 'cat-rat'?)"),
        ({"today": "20/11/2026"}, "today: '20/11/2026' is not a date; write it as YYYY-MM-DD"),
        (
            {"roles": {"cat": ["pip"], "rat": ["tom"]}},
            "roles.cat[0]: 'pip' is a rat, but the cat role needs a cat",
        ),
        ({"roles": {"cat": ["tom"]}}, "roles.rat: required role is missing"),
        ({"roles": {"cat": ["tom"], "rat": []}}, "roles.rat: list at least one rat"),
        ({"roles": {"cat": ["tom"], "rat": ["pip"], "dog": ["rex"]}}, "roles.dog: unknown field"),
        ({"animals": []}, "animals: list at least one animal"),
        ({"sesions": []}, "sesions: unknown field (did you mean 'sessions'?)"),
        (
            {"roles": {"cat": ["tom"], "rat": ["pipp"]}},
            "roles.rat[0]: unknown animal 'pipp' (did you mean 'pip'?)",
        ),
    ],
)
def test_top_level_mistakes(change: dict[str, Any], expected: str) -> None:
    assert error_of({**scenario("cat-rat"), **change}).startswith(expected)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            {"date": day(-1), "stage": "visual", "minutes": 5},
            f"sessions[0].date: {day(-1)} is after today",
        ),
        ({"date": day(1), "stage": "visual", "minutes": -1}, "sessions[0].minutes: -1 is negative"),
        (
            {"date": day(1), "stage": "visual", "minutes": True},
            "sessions[0].minutes: expected a number of minutes, got true/false",
        ),
        (
            {"date": day(1), "stage": "visual"},
            "sessions[0].minutes: required at the timed stage 'visual'",
        ),
        (
            {"date": day(1), "stage": "visaul", "minutes": 5},
            "sessions[0].stage: unknown stage 'visaul' for cat-rat (did you mean 'visual'?)",
        ),
        (
            {"date": day(1), "stage": "visual", "minutes": 5, "supervised": "yes"},
            "sessions[0].supervised: expected true or false, got text",
        ),
        (
            {"date": day(1), "stage": "visual", "minutes": 5, "signal": {}},
            "sessions[0].signal: unknown field (did you mean 'signals'?)",
        ),
        ({"stage": "visual", "minutes": 5}, "sessions[0].date: required field is missing"),
        (
            {"date": day(1), "stage": "visual", "minutes": 5, "signals": {"bob": ["relaxed"]}},
            "sessions[0].signals.bob: unknown animal 'bob'",
        ),
    ],
)
def test_session_mistakes(entry: dict[str, Any], expected: str) -> None:
    assert error_of(with_sessions(entry)).startswith(expected)


def test_non_finite_minutes_are_refused() -> None:
    text = json.dumps(with_sessions(session(1, "visual", 5))).replace(
        '"minutes": 5', '"minutes": NaN'
    )
    assert "NaN" in error_of(text)
    assert "finite" in error_of(text.replace("NaN", "1e999"))


def test_json_syntax_errors_give_line_and_column() -> None:
    assert error_of('{"program": "cat-rat",\n  "today": }').startswith(
        "not valid JSON at line 2, column 12"
    )


def test_an_animal_plays_one_role() -> None:
    document = scenario("rat-rat")
    document["roles"] = {"newcomer": ["nova"], "residents": ["nova", "rex"]}
    assert error_of(document) == (
        "roles.residents[0]: 'nova' already plays the newcomer role; an animal plays one role"
    )


def test_duplicate_and_malformed_animal_ids() -> None:
    document = scenario("cat-rat")
    document["animals"].append(dict(document["animals"][0]))
    assert error_of(document) == "animals[2].id: id 'tom' is used by another animal"
    document = scenario("cat-rat")
    document["animals"][0]["id"] = "Tom Cat"
    assert error_of(document).startswith("animals[0].id: 'Tom Cat' is not a valid id")


def test_only_cats_have_a_prey_drive() -> None:
    document = scenario("cat-rat")
    document["animals"][1]["prey_drive"] = "low"
    assert error_of(document).startswith("animals[1].prey_drive: only cats have a prey drive")


def test_future_vet_check_is_refused() -> None:
    document = scenario("cat-rat")
    document["animals"][0]["health_check"] = day(-3)
    assert error_of(document).startswith("animals[0].health_check:")


def test_sessions_out_of_date_order_are_refused_naming_the_first_one_out_of_place() -> None:
    """Section 2 asks for date order; they were sorted, guessing where a day's sessions went."""
    same_day = with_sessions(session(3, "visual", 5), session(3, "visual", 8))
    assert advise_text(json.dumps(same_day)).action == "repeat"
    shuffled = with_sessions(
        session(3, "visual", 5), session(2, "visual", 8), session(4, "visual", 5)
    )
    with pytest.raises(InputError) as refused:
        advise_text(json.dumps(shuffled))
    assert str(refused.value) == (
        f"sessions[2].date: {day(4)} is before the session before it ({day(2)}); give the "
        "sessions in date order, a day's in the order they happened"
    )


def test_today_defaults_to_the_local_date() -> None:
    document = scenario("cat-rat")
    del document["today"]
    assert advise_text(json.dumps(document)).action == "start"


def test_empty_signal_lists_and_null_fields_are_fine() -> None:
    document = with_sessions(
        {"date": day(1), "stage": "visual", "minutes": 5, "signals": {"tom": []}, "notes": None}
    )
    assert advise_text(json.dumps(document)).action == "repeat"


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("name", "A" * 61, "animals[0].name: is 61 characters long; at most 60"),
        ("name", "Ca\u0001t", 'animals[0].name: holds a control character ("\\u0001")'),
        ("name", "Tom\nand Jerry", 'animals[0].name: holds a control character ("\\n")'),
        ("name", "Rtl\u202eevil", 'animals[0].name: holds an invisible character ("\\u202e")'),
        ("name", "Pip\u200b", 'animals[0].name: holds an invisible character ("\\u200b")'),
        ("sex", "x" * 41, "animals[0].sex: is 41 characters long; at most 40"),
        ("id", "a" * 65, "animals[0].id: is 65 characters long; at most 64"),
    ],
)
def test_an_animal_s_text_fits_one_line_and_shows_as_typed(
    field: str, value: str, expected: str
) -> None:
    document = scenario("cat-rat")
    document["animals"][0][field] = value
    if field == "id":
        document["roles"]["cat"] = [value]
    with pytest.raises(InputError) as raised:
        advise_text(json.dumps(document))
    assert str(raised.value).startswith(expected)


def test_notes_longer_than_a_few_pages_are_refused_before_they_are_read() -> None:
    document = scenario("cat-rat", [session(2, "visual", 5, notes="calm " * 2001)])
    with pytest.raises(InputError) as raised:
        advise_text(json.dumps(document))
    assert str(raised.value).startswith("sessions[0].notes: is 10,005 characters long")
    document["sessions"][0]["notes"] = "calm " * 1999
    assert advise_text(json.dumps(document)).action == "repeat"


def test_a_number_of_thousands_of_digits_is_one_clear_error() -> None:
    from ratbond.scenario import parse_json

    with pytest.raises(InputError, match="thousands of digits"):
        parse_json('{"today": ' + "9" * 5000 + "}")


def test_dates_lie_between_the_floor_and_today_and_in_order() -> None:
    from ratbond.limits import DATE_FLOOR
    from ratbond.scenario import parse_animal

    today = dt.date(2026, 11, 20)
    rat = {"id": "pip", "species": "rat"}
    with pytest.raises(InputError, match="before 1980-01-01"):
        parse_animal({**rat, "born": "1979-12-31"}, (), today)
    with pytest.raises(InputError, match="before the animal was born"):
        parse_animal({**rat, "born": "2026-05-02", "arrived": "2026-05-01"}, (), today)
    with pytest.raises(InputError, match="after today"):
        parse_animal({**rat, "arrived": "2026-11-21"}, (), today)
    assert parse_animal({**rat, "born": DATE_FLOOR.isoformat()}, (), today).born == DATE_FLOOR


def test_a_lone_surrogate_is_not_text() -> None:
    from ratbond.scenario import parse_animal, storable_text

    with pytest.raises(InputError, match="lone surrogate"):
        parse_animal({"id": "pip", "species": "rat", "name": "P\ud800"}, (), dt.date(2026, 1, 1))
    with pytest.raises(InputError, match="NUL"):
        storable_text("a\x00b", ("markings",))


def test_the_joiners_and_marks_that_scripts_need_stay_allowed_in_a_name() -> None:
    document = scenario("cat-rat")
    document["animals"][0]["name"] = "\u0645\u06cc\u200c\u0634\u06cc \u200f"  # Persian, ZWNJ, RLM
    assert advise_text(json.dumps(document)).action


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"colour": "red"}, "colour: unknown field; the fields are program, today, animals"),
        (
            {"roles": {"cat": ["tom"], "rat": ["pip"], "dog": ["rex"]}},
            "roles.dog: unknown field; the fields are cat, rat",
        ),
    ],
)
def test_an_unknown_field_with_no_near_match_lists_the_fields(
    change: dict[str, Any], expected: str
) -> None:
    assert error_of({**scenario("cat-rat"), **change}).startswith(expected)


def test_an_animal_listed_twice_in_one_role_is_asked_for_once() -> None:
    document = {**scenario("cat-rat"), "roles": {"cat": ["tom", "tom"], "rat": ["pip"]}}
    assert error_of(document) == "roles.cat[1]: 'tom' is listed twice in the cat role; list it once"


def test_an_unknown_animal_with_no_near_match_lists_the_animals() -> None:
    document = scenario("cat-rat", [session(1, "visual", 5, {"zed": ["relaxed"]})])
    assert error_of(document) == (
        "sessions[0].signals.zed: unknown animal 'zed'; give the id of one of the animals: tom, pip"
    )


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            {"stage": "visual", "minutes": 5},
            "sessions[0].date: required field is missing; give the session's date as YYYY-MM-DD",
        ),
        (
            {"date": day(1), "minutes": 5},
            "sessions[0].stage: required field is missing; name one of the stages of cat-rat: "
            "visual, scent, barrier, proximity, supervised",
        ),
    ],
)
def test_a_missing_session_field_says_what_to_give(entry: dict[str, Any], expected: str) -> None:
    assert error_of(scenario("cat-rat", [entry])) == expected


@pytest.mark.parametrize("value", [None, ["cat"], 3, {}])
def test_a_species_that_is_not_text_is_asked_for_as_text(value: object) -> None:
    document = scenario("cat-rat")
    document["animals"][0]["species"] = value
    assert error_of(document).startswith(
        "animals[0].species: expected the species as text, one of 'cat', 'rat'; got "
    )


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"sessions": [{"date": day(1), "stage": "v" * 100_000, "minutes": 5}]}, "stage"),
        (
            {
                "sessions": [
                    {
                        "date": day(1),
                        "stage": "visual",
                        "minutes": 5,
                        "signals": {"tom": ["x" * 100_000]},
                    }
                ]
            },
            "signal",
        ),
        ({"x" * 100_000: 1}, "field"),
    ],
)
def test_a_value_too_long_to_repeat_is_cut_short_in_its_message(
    change: dict[str, Any], path: str
) -> None:
    message = error_of({**scenario("cat-rat"), **change})
    assert len(message) < 300, path
    assert "... (100,000 characters)" in message
