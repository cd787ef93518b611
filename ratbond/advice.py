"""The one door every caller (CLI, store, web) uses to get advice for a validated scenario."""

from __future__ import annotations

from ratbond.engine import evaluate
from ratbond.model import Advice, Scenario, Vocabulary
from ratbond.programs import builtin_vocabulary


def advise(scenario: Scenario, vocabulary: Vocabulary | None = None) -> Advice:
    """The advice for a scenario, with the built-in vocabulary unless another is given.

    Session notes are read first: the signals they report fill each session's `noted` field
    (ticked signals win; see `ratbond.notes.read_notes_into` and docs/notes.md), and the
    engine's reasons mark them "(from the notes)".
    """
    vocabulary = vocabulary or builtin_vocabulary()
    if any(session.notes for session in scenario.sessions):
        # Imported only when some session has notes: the reader and rapidfuzz cost start-up.
        from ratbond.notes import read_notes_into

        scenario = read_notes_into(scenario, vocabulary)
    return evaluate(scenario, vocabulary)
