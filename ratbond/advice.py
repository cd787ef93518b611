"""The one door every caller (CLI, store, web) uses to get advice for a validated scenario."""

from __future__ import annotations

from ratbond.engine import evaluate
from ratbond.model import Advice, Scenario, Vocabulary
from ratbond.programs import builtin_vocabulary


def advise(scenario: Scenario, vocabulary: Vocabulary | None = None) -> Advice:
    """The advice for a scenario, with the built-in vocabulary unless another is given."""
    return evaluate(scenario, vocabulary or builtin_vocabulary())
