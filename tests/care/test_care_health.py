"""Weight-loss warning and grooming findings: pure functions over plain values."""

from __future__ import annotations

import datetime as dt

import pytest

from ratbond.care.health import find_findings, weight_loss
from ratbond.care.model import WeightLossRule
from ratbond.errors import InputError

TODAY = dt.date(2026, 11, 20)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def test_no_weights_or_one_weight_warn_about_nothing() -> None:
    assert weight_loss([]) is None
    assert weight_loss([(TODAY, 300.0)]) is None


def test_ten_percent_exactly_thirty_days_apart_warns() -> None:
    loss = weight_loss([(ago(30), 300.0), (TODAY, 270.0)])
    assert loss is not None
    assert loss.percent == 10.0
    assert (loss.peak_date, loss.latest_date) == (ago(30), TODAY)


@pytest.mark.parametrize(
    ("series", "warns"),
    [
        ([(ago(31), 300.0), (TODAY, 270.0)], False),  # day 31 is outside the window
        ([(ago(30), 300.0), (TODAY, 270.1)], False),  # just under 10 %
        ([(ago(30), 250.0), (TODAY, 225.0)], True),
        ([(ago(20), 330.0), (ago(10), 300.0), (TODAY, 297.0)], True),  # from the peak
        ([(ago(20), 300.0), (ago(10), 250.0), (TODAY, 300.0)], False),  # lost, then regained
        ([(TODAY, 270.0), (ago(5), 300.0)], True),  # order of input does not matter
        ([(ago(5), 300.0), (TODAY, 330.0)], False),  # a gain
    ],
)
def test_weight_loss_window(series: list[tuple[dt.date, float]], warns: bool) -> None:
    assert (weight_loss(series) is not None) is warns


def test_the_rule_comes_from_the_data() -> None:
    strict = WeightLossRule(percent=5, within_days=7, why="test", seeds=("003",))
    assert weight_loss([(ago(7), 100.0), (TODAY, 95.0)], strict) is not None
    assert weight_loss([(ago(8), 100.0), (TODAY, 90.0)], strict) is None


def test_findings_by_id_title_or_alias() -> None:
    found = find_findings(["lump", "Porphyrin", "noisy breathing", "LUMP"])
    assert [f.id for f in found] == ["lump", "red_tears", "breathing_noise"]
    assert find_findings([]) == ()


def test_unknown_finding_names_the_field_and_suggests() -> None:
    with pytest.raises(InputError, match=r"unknown finding 'lmp'.*did you mean 'lump'") as caught:
        find_findings(["lmp"])
    assert caught.value.path == "finding"
    with pytest.raises(InputError) as caught:
        find_findings(["cut", "bruise"])
    assert caught.value.path == "finding[1]"
