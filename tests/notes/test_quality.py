"""The notes reader's quality on the labelled notes (behaviour, not timing): the targets of
issue 16 on the held-out writers, and the report that states both parts."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType
from typing import Any

import pytest


def quality() -> ModuleType:
    return importlib.import_module("scripts.notes_quality")


@pytest.mark.xfail(
    strict=True,
    reason=(
        "issue 16's targets are not met on the held-out writers yet (see docs/notes-quality.md: "
        "F1, danger recall and false danger there); strict, so this fails once they are met "
        "and the marker must go"
    ),
)
def test_the_held_out_notes_meet_the_targets(notes_quality_parts: Sequence[Any]) -> None:
    scorer = quality()
    result = notes_quality_parts[-1]
    assert result.notes >= 200
    assert set(result.programs) == {"cat-rat", "rat-rat", "rat-human"}
    # Figures only: the held-out notes are never printed, so they stay unseen while tuning.
    assert scorer.meets_targets(result) == []


def test_the_train_notes_read_their_danger(notes_quality_parts: Sequence[Any]) -> None:
    scorer = quality()
    result = notes_quality_parts[0]
    assert result.name == scorer.LABELLED.name
    assert result.notes >= 600
    assert result.by_class["danger"].recall >= 0.93, "\n".join(result.misses)
    assert scorer.false_danger_share(result) <= scorer.TARGET_FALSE_DANGER


def test_the_report_states_both_parts_and_the_targets(notes_quality_parts: Sequence[Any]) -> None:
    scorer = quality()
    text = scorer.report(notes_quality_parts)
    assert "## notes-labelled.yaml" in text
    assert "## notes-unseen.yaml" in text
    assert "## notes-sealed.yaml" in text
    assert "| **overall** |" in text
    assert "danger recall >= 0.98" in text
    # The held-out notes' misses are never shown; the tuned parts' are.
    assert text.count("not read perfectly") == len(scorer.TUNED)
