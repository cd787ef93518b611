"""Free-roam checklist: every required item must be a yes; unknown items are input errors."""

from __future__ import annotations

import pytest

from ratbond.care.freeroam import evaluate_free_roam, free_roam_checklist
from ratbond.errors import InputError


def required_ids() -> list[str]:
    return [item.id for item in free_roam_checklist().items if item.required]


def test_checklist_covers_the_seed_items() -> None:
    ids = set(required_ids())
    assert {"windows_closed", "no_toxic_plants", "cords_covered", "cats_elsewhere"} <= ids
    assert "comfortable_temperature" in ids


def test_all_required_yes_is_ready_and_lists_optional_hints() -> None:
    result = evaluate_free_roam(dict.fromkeys(required_ids(), True))
    assert result.ready
    assert result.blocking == ()
    assert {item.id for item in result.hints} == {"boundaries", "hideaways_water_treats", "toys"}


def test_a_no_blocks_and_an_unanswered_item_is_not_ready() -> None:
    answers: dict[str, bool | None] = dict.fromkeys(required_ids(), True)
    answers["cats_elsewhere"] = False
    answers["cords_covered"] = None
    result = evaluate_free_roam(answers)
    assert not result.ready
    assert [item.id for item in result.blocking] == ["cats_elsewhere"]
    assert [item.id for item in result.unanswered] == ["cords_covered"]
    assert result.to_json()["blocking"] == ["cats_elsewhere"]


def test_nothing_answered_is_not_ready() -> None:
    assert not evaluate_free_roam({}).ready


def test_unknown_item_is_an_input_error_with_a_hint() -> None:
    with pytest.raises(InputError, match="did you mean 'cats_elsewhere'"):
        evaluate_free_roam({"cat_elsewhere": True})
