"""What the notes reader hands back: spans read, signals by animal, signals with no animal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A phrase the reader understood, with the signal and animal it stands for."""

    start: int
    end: int
    text: str
    signal: str
    animal: str | None
    negated: bool
    confirm: bool = False
    """A danger reading the words cannot rule out (hedged: "I think he bit her"): it counts,
    and the owner is asked to confirm it (see `ratbond.notes.review`)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "signal": self.signal,
            "animal": self.animal,
            "negated": self.negated,
            "confirm": self.confirm,
        }


@dataclass(frozen=True, slots=True)
class Unattributed:
    """A signal the notes report without saying which animal showed it."""

    start: int
    end: int
    text: str
    signal: str
    candidates: tuple[tuple[str, str], ...]
    """Each animal that could have shown it, with the signal it would be for that animal."""
    confirm: bool = False
    """As `Span.confirm`."""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "signal": self.signal,
            "candidates": dict(self.candidates),
            "confirm": self.confirm,
        }


@dataclass(frozen=True, slots=True)
class NotesResult:
    """What a note says: signals by animal, signals without an animal, and every span read."""

    signals: dict[str, tuple[str, ...]]
    unattributed: tuple[Unattributed, ...]
    spans: tuple[Span, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "signals": {animal: list(names) for animal, names in self.signals.items()},
            "unattributed": [item.to_json() for item in self.unattributed],
            "spans": [span.to_json() for span in self.spans],
        }
