"""The notes reader meets its quality targets on the labelled notes (behaviour, not timing)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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


def test_labelled_notes_meet_the_targets() -> None:
    scorer = quality()
    result = scorer.score(scorer.LABELLED)
    assert result.notes >= 250
    assert set(result.programs) == {"cat-rat", "rat-rat", "rat-human"}
    assert result.overall.f1 >= 0.95, "\n".join(result.misses)
    assert result.by_class["danger"].recall >= 0.98, "\n".join(result.misses)
    assert result.false_danger_on_calm == 0, "\n".join(result.misses)
    # About a tenth of the notes carry danger signs.
    danger = result.by_class["danger"].tp + result.by_class["danger"].fn
    assert danger >= result.notes // 10


def test_the_report_states_both_sets() -> None:
    scorer = quality()
    results = [scorer.score(scorer.LABELLED), scorer.score(scorer.HELDOUT)]
    text = scorer.report(results)
    assert "## notes-labelled.yaml" in text
    assert "## notes-heldout.yaml" in text
    assert "| **overall** |" in text
