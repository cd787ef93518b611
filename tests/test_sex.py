"""An animal's sex, read into ratbond's small set from the words owners write."""

from __future__ import annotations

import pytest

from ratbond.model import SEXES, can_breed, read_sex


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("intact male", "male"),
        ("Male", "male"),
        ("buck", "male"),
        ("m", "male"),
        ("not neutered male", "male"),
        ("neutered male", "neutered male"),
        ("male (neutered)", "neutered male"),
        ("castrated buck", "neutered male"),
        ("neutered", "neutered male"),
        ("female", "female"),
        ("doe", "female"),
        ("entire female", "female"),
        ("Female, spayed", "spayed female"),
        ("spayed", "spayed female"),
        ("unknown", "unknown"),
        ("not sure", "unknown"),
        ("blue", None),
        ("male and female", None),
        ("", None),
        (None, None),
    ],
)
def test_an_owners_words_for_a_sex_are_read_into_the_set(written: str | None, read: str) -> None:
    assert read_sex(written) == read
    assert read is None or read in SEXES


def test_only_an_intact_male_with_an_intact_female_can_breed() -> None:
    assert can_breed(["male", "female", None])
    assert not can_breed(["neutered male", "female"])
    assert not can_breed(["male", "spayed female", "unknown"])
