"""Cage check: volume per rat, units, bars, height, levels, checklist answers, bad input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ratbond.care.cage import check_cage, parse_unit, required_cubic_ft
from ratbond.errors import InputError

GOOD = {"length": 80, "width": 50, "height": 60, "unit": "cm", "levels": 3, "bar_spacing": 1.2}


def status(verdict: object, check_id: str) -> str:
    return next(c.status for c in verdict.checks if c.id == check_id)  # type: ignore[attr-defined]


def test_seed_figure_passes_two_rats_and_is_scaled_per_extra_rat() -> None:
    assert required_cubic_ft(2) == pytest.approx(8.0)
    assert required_cubic_ft(1) == pytest.approx(8.0)  # a lone rat still needs the pair's cage
    assert required_cubic_ft(4) == pytest.approx(12.0)
    verdict = check_cage(rats=2, **GOOD)
    assert verdict.passed
    assert verdict.fits_rats == 2
    assert verdict.volume_litres == pytest.approx(240, abs=1)


def test_too_many_rats_fails_on_volume_with_a_reason() -> None:
    verdict = check_cage(rats=3, **GOOD)
    assert not verdict.passed
    assert [c.id for c in verdict.failures] == ["volume"]
    assert "3 rats need at least 10.0 cubic ft" in verdict.failures[0].detail
    assert verdict.failures[0].seeds == ("003",)


@pytest.mark.parametrize("rats", [1, 2, 3, 6])
def test_metric_and_imperial_give_the_same_verdict(rats: int) -> None:
    metric = check_cage(rats=rats, **GOOD)
    inches = check_cage(
        rats=rats,
        length=80 / 2.54,
        width=50 / 2.54,
        height=60 / 2.54,
        unit="inches",
        levels=3,
        bar_spacing=1.2 / 2.54,
    )
    assert metric.passed == inches.passed
    assert [c.status for c in metric.checks] == [c.status for c in inches.checks]
    assert metric.volume_cubic_ft == pytest.approx(inches.volume_cubic_ft)


def test_seed_cube_in_inches_passes_for_two() -> None:
    verdict = check_cage(length=24, width=24, height=24, unit="in", rats=2, levels=2)
    assert verdict.passed
    assert verdict.volume_cubic_ft == pytest.approx(8.0)


def test_wide_bars_low_cage_and_one_level_fail() -> None:
    verdict = check_cage(
        length=200, width=100, height=30, unit="cm", rats=2, levels=1, bar_spacing=2.5
    )
    assert {c.id for c in verdict.failures} == {"height", "bar_spacing", "levels"}


def test_half_inch_bars_pass() -> None:
    verdict = check_cage(length=36, width=24, height=24, unit="in", rats=2, bar_spacing=0.5)
    assert status(verdict, "bar_spacing") == "pass"


def test_missing_measurements_and_answers_are_unanswered_not_failures() -> None:
    verdict = check_cage(length=80, width=50, height=60, unit="cm", rats=2)
    assert verdict.passed
    unanswered = {c.id for c in verdict.unanswered}
    assert {"bar_spacing", "levels", "paper_bedding", "hideaways"} <= unanswered


def test_checklist_no_fails_and_yes_passes() -> None:
    verdict = check_cage(rats=2, answers={"paper_bedding": True, "hideaways": False}, **GOOD)
    assert not verdict.passed
    assert status(verdict, "paper_bedding") == "pass"
    assert [c.id for c in verdict.failures] == ["hideaways"]


def test_lone_rat_gets_the_social_note() -> None:
    verdict = check_cage(rats=1, **GOOD)
    assert verdict.passed
    assert "social" in verdict.notes[0]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rats": 0}, "rats"),
        ({"rats": -2}, "rats"),
        ({"length": 0}, "length"),
        ({"width": -5}, "width"),
        ({"height": float("nan")}, "height"),
        ({"bar_spacing": 0}, "bar_spacing"),
        ({"levels": 0}, "levels"),
        ({"unit": "furlongs"}, "unit"),
        ({"answers": {"paper_beding": True}}, "answers.paper_beding"),
    ],
)
def test_bad_input_names_the_field(changes: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {"rats": 2, **GOOD, **changes}
    with pytest.raises(InputError) as caught:
        check_cage(**arguments)  # type: ignore[arg-type]
    assert caught.value.path == field


def test_unknown_checklist_answer_suggests_the_right_id() -> None:
    with pytest.raises(InputError, match="did you mean 'paper_bedding'"):
        check_cage(rats=2, answers={"paper_beding": True}, **GOOD)


@pytest.mark.parametrize(("text", "unit"), [("CM", "cm"), (" inch ", "in"), ("Inches", "in")])
def test_unit_names(text: str, unit: str) -> None:
    assert parse_unit(text) == unit


def test_verdict_json_is_plain_data() -> None:
    data = check_cage(rats=2, **GOOD).to_json()
    assert data["passed"] is True
    assert data["checks"][0]["id"] == "volume"


def test_a_side_larger_than_a_room_is_refused_by_name() -> None:
    with pytest.raises(InputError) as raised:
        check_cage(length=1e12, width=50, height=60, unit="cm", rats=2)
    assert raised.value.path == "length"
    assert "larger than a room" in raised.value.message
    with pytest.raises(InputError) as raised:
        check_cage(length=80, width=50, height=60, unit="cm", rats=10**9)
    assert raised.value.path == "rats"


@given(st.floats(1, 1000), st.floats(1, 1000), st.floats(1, 1000))
def test_the_rats_a_cage_fits_are_counted_in_one_step(
    length: float, width: float, height: float
) -> None:
    verdict = check_cage(length=length, width=width, height=height, unit="cm", rats=2)
    fits = verdict.fits_rats
    volume = verdict.volume_cubic_ft
    if fits == 0:
        assert volume < required_cubic_ft(2)
    else:
        assert required_cubic_ft(fits) <= volume < required_cubic_ft(fits + 1)


@pytest.mark.parametrize(
    ("typed", "unit"), [("ft", "ft"), ("Feet", "ft"), ("foot", "ft"), ("m", "m")]
)
def test_feet_and_metres_are_units_of_a_cage(typed: str, unit: str) -> None:
    assert parse_unit(typed) == unit


def test_the_room_is_said_in_words_and_a_too_small_cage_is_not_room_for_0_rats() -> None:
    assert check_cage(rats=2, **GOOD).room == "room for 2 rats"
    small = check_cage(rats=2, **{**GOOD, "length": 70})
    assert small.fits_rats == 0
    assert small.room == "too small even for a pair"


@pytest.mark.parametrize("levels", [51, 10**20])
def test_more_levels_than_a_cage_can_hold_is_refused_by_field(levels: int) -> None:
    with pytest.raises(InputError) as caught:
        check_cage(**{**GOOD, "levels": levels}, rats=2)  # type: ignore[arg-type]
    assert caught.value.path == "levels"
    assert "at most 50 levels" in str(caught.value)
