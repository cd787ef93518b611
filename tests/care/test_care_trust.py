"""Trust signs by name and the weekly trend: counts, points, empty weeks kept."""

from __future__ import annotations

import datetime as dt

import pytest

from ratbond.care.trust import find_trust_signs, trust_trend, week_start
from ratbond.errors import InputError

TODAY = dt.date(2026, 11, 20)  # a Friday
MONDAY = dt.date(2026, 11, 16)


def test_names_and_aliases_from_both_vocabularies() -> None:
    found = find_trust_signs(["climbs_on_you", "Grooms you", "bruxing", "climbs onto hand"])
    assert [s.id for s in found] == ["climbs_onto_hand", "grooms_person", "bruxing"]


def test_unknown_or_missing_sign() -> None:
    with pytest.raises(InputError, match="did you mean 'boggling'") as caught:
        find_trust_signs(["bogling"])
    assert caught.value.path == "sign"
    with pytest.raises(InputError, match="at least one"):
        find_trust_signs([])


def test_week_start_is_monday() -> None:
    assert week_start(TODAY) == MONDAY
    assert week_start(MONDAY) == MONDAY


def test_trend_counts_and_scores_each_week_with_gaps() -> None:
    sightings = [
        (MONDAY - dt.timedelta(days=14), "takes_treat_from_hand"),
        (MONDAY - dt.timedelta(days=13), "takes_treat_from_hand"),
        (TODAY, "grooms_person"),
        (TODAY, "bruxing"),
        (TODAY + dt.timedelta(days=1), "bruxing"),  # after today: ignored
    ]
    weeks = trust_trend(sightings, TODAY)
    assert [w.start for w in weeks] == [MONDAY - dt.timedelta(weeks=n) for n in (2, 1, 0)]
    assert [(w.count, w.score) for w in weeks] == [(2, 2), (0, 0), (2, 5)]
    assert weeks[-1].signs == {"bruxing": 1, "grooms_person": 1}
    assert weeks[0].end == MONDAY - dt.timedelta(days=8)


def test_trend_with_a_fixed_number_of_weeks_and_none_logged() -> None:
    assert trust_trend([], TODAY) == []
    weeks = trust_trend([], TODAY, weeks=4)
    assert len(weeks) == 4
    assert all(w.count == 0 for w in weeks)
    with pytest.raises(InputError):
        trust_trend([], TODAY, weeks=0)


def test_a_sign_no_longer_in_the_file_counts_one_point() -> None:
    (week,) = trust_trend([(TODAY, "retired_sign")], TODAY)
    assert (week.count, week.score) == (1, 1)
