"""What `ratbond ask` answers first, as the ask tests check it: an entry id, or "none"."""

from __future__ import annotations

from ratbond.care.ask import ask


def first(question: str) -> str:
    """The id of the first answer to `question`, or "none" when ask gives none."""
    answers = ask(question).answers
    return answers[0].id if answers else "none"
