"""The notes reader's quality on the labelled notes (behaviour, not timing): the targets of
issue 16 on the held-out writers, and the report that states both parts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "notes_quality", ROOT / "scripts" / "notes_quality.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered first: the module's dataclasses look themselves up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.xfail(
    strict=True,
    reason=(
        "issue 16's targets are not met on the held-out writers yet (see docs/notes-quality.md: "
        "F1, danger recall and false danger there); strict, so this fails once they are met "
        "and the marker must go"
    ),
)
def test_the_held_out_notes_meet_the_targets() -> None:
    scorer = quality()
    result = scorer.score(scorer.HELDOUT)
    assert result.notes >= 200
    assert set(result.programs) == {"cat-rat", "rat-rat", "rat-human"}
    # Figures only: the held-out notes are never printed, so they stay unseen while tuning.
    assert scorer.meets_targets(result) == []


def test_the_train_notes_read_their_danger() -> None:
    scorer = quality()
    result = scorer.score(scorer.LABELLED)
    assert result.notes >= 600
    assert result.by_class["danger"].recall >= 0.93, "\n".join(result.misses)
    assert scorer.false_danger_share(result) <= scorer.TARGET_FALSE_DANGER


def test_the_report_states_both_parts_and_the_targets() -> None:
    scorer = quality()
    results = [*(scorer.score(path) for path in scorer.TUNED), scorer.score(scorer.HELDOUT)]
    text = scorer.report(results)
    assert "## notes-labelled.yaml" in text
    assert "## notes-unseen.yaml" in text
    assert "## notes-sealed.yaml" in text
    assert "| **overall** |" in text
    assert "danger recall >= 0.98" in text
    # The held-out notes' misses are never shown; the tuned parts' are.
    assert text.count("not read perfectly") == len(scorer.TUNED)
