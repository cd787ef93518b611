"""Ask meets its quality targets on the labelled owners' questions (behaviour, not timing)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def quality() -> ModuleType:
    path = ROOT / "scripts" / "ask_quality.py"
    spec = importlib.util.spec_from_file_location("ask_quality", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered first: the module's dataclasses look themselves up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_held_out_questions_meet_the_targets() -> None:
    scorer = quality()
    training, heldout = scorer.score(heldout=False), scorer.score(heldout=True)
    assert training.questions + heldout.questions >= 120
    assert heldout.top1_rate >= 0.90, "\n".join(heldout.misses)
    assert heldout.off_topic >= 5
    assert training.answered_off_topic == 0, "\n".join(training.misses)
    assert heldout.answered_off_topic == 0, "\n".join(heldout.misses)


def test_the_split_is_by_style() -> None:
    scorer = quality()
    training, heldout = scorer.score(heldout=False), scorer.score(heldout=True)
    assert set(training.styles).isdisjoint(heldout.styles)
    assert "| held-out |" in scorer.report([training, heldout])
