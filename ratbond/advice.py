"""The one door for advice on a scenario given whole (`ratbond evaluate`, the API's
`POST /api/v1/advice`): its notes read, and the answer they print."""

from __future__ import annotations

from typing import Any

from ratbond.engine import evaluate
from ratbond.model import Advice, Scenario, Vocabulary
from ratbond.programs import builtin_vocabulary


def advise(scenario: Scenario, vocabulary: Vocabulary | None = None) -> Advice:
    """The advice for a scenario, with the built-in vocabulary unless another is given.

    Session notes are read first: the signals they report fill each session's `noted` field
    (see `ratbond.notes.read_notes_into` and docs/notes.md), and the engine's reasons mark
    them "(from the notes)". A scenario given whole answered no question about its notes, so
    a danger its words cannot rule out counts even beside ticked signals (`reviewed` false);
    the store's sessions went through the owner's review when logged.
    """
    vocabulary = vocabulary or builtin_vocabulary()
    if any(session.notes for session in scenario.sessions):
        # Imported only when some session has notes: the reader and rapidfuzz cost start-up.
        from ratbond.notes import read_notes_into

        scenario = read_notes_into(scenario, vocabulary, reviewed=False)
    return evaluate(scenario, vocabulary)


def advice_answer(
    scenario: Scenario, vocabulary: Vocabulary | None = None
) -> tuple[Advice, dict[str, Any]]:
    """The advice, and the answer `ratbond evaluate` prints and the API returns: the advice's
    fields, plus `to_confirm` when some session has notes (the danger readings the words could
    not rule out, each counted: `ratbond.notes.review`)."""
    vocabulary = vocabulary or builtin_vocabulary()
    advice = advise(scenario, vocabulary)
    answer = advice.to_json()
    if any(session.notes for session in scenario.sessions):
        from ratbond.notes import readings_to_confirm

        answer["to_confirm"] = readings_to_confirm(scenario, vocabulary, reviewed=False)
    return advice, answer
