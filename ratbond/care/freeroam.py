"""The checklist to run before rats play outside the cage, and a pure check of the answers.

Storing a dated record of each run is the store's job; `evaluate_free_roam` only judges.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ratbond.care.knowledge import builtin_free_roam
from ratbond.care.model import ChecklistItem, FreeRoamChecklist
from ratbond.errors import InputError, did_you_mean


@dataclass(frozen=True)
class FreeRoamResult:
    """Whether it is safe to let the rats out, and which items stand in the way."""

    ready: bool
    """Every required item was answered yes."""
    answers: tuple[tuple[ChecklistItem, bool | None], ...]
    """Each item with its answer (None: not answered), in checklist order."""

    @property
    def blocking(self) -> tuple[ChecklistItem, ...]:
        """Required items answered no."""
        return tuple(item for item, answer in self.answers if item.required and answer is False)

    @property
    def unanswered(self) -> tuple[ChecklistItem, ...]:
        """Required items not answered (they also keep `ready` false)."""
        return tuple(item for item, answer in self.answers if item.required and answer is None)

    @property
    def hints(self) -> tuple[ChecklistItem, ...]:
        """Optional items not answered yes."""
        return tuple(item for item, answer in self.answers if not item.required and not answer)

    def to_json(self) -> dict[str, Any]:
        return {
            "ready": self.ready,
            "answers": {item.id: answer for item, answer in self.answers},
            "blocking": [item.id for item in self.blocking],
            "unanswered": [item.id for item in self.unanswered],
            "hints": [item.id for item in self.hints],
        }


def free_roam_checklist() -> FreeRoamChecklist:
    """The built-in checklist, for a screen or a prompt to walk through."""
    return builtin_free_roam()


def evaluate_free_roam(
    answers: Mapping[str, bool | None], checklist: FreeRoamChecklist | None = None
) -> FreeRoamResult:
    """Judge answers given by item id; an id not on the checklist is an InputError."""
    checklist = checklist or builtin_free_roam()
    known = [item.id for item in checklist.items]
    for key in answers:
        if key not in known:
            raise InputError(
                f"answers.{key}",
                "not a free-roam checklist item"
                + did_you_mean(key, known)
                + "; known: "
                + ", ".join(known),
            )
    pairs = tuple((item, answers.get(item.id)) for item in checklist.items)
    ready = all(answer is True for item, answer in pairs if item.required)
    return FreeRoamResult(ready=ready, answers=pairs)
