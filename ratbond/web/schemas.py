"""Shapes the JSON API publishes in its OpenAPI document: the scenario body and the advice."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from ratbond.model import Action, AlertCode, Origin, PreyDrive, Species
from ratbond.scenario import ANIMAL_ID

_DATE: dict[str, Any] = {"type": "string", "format": "date"}


def _enum(literal: Any) -> dict[str, Any]:
    return {"type": "string", "enum": list(get_args(literal))}


# The request body of POST /api/v1/advice. The route validates with `ratbond.scenario` (so the
# messages match the command line word for word); this schema only documents the shape.
SCENARIO_SCHEMA: dict[str, Any] = {
    "title": "Scenario",
    "description": "A program, its animals and roles, and the sessions logged so far.",
    "type": "object",
    "additionalProperties": False,
    "required": ["animals", "roles"],
    "properties": {
        "program": {"type": "string", "examples": ["cat-rat", "rat-rat", "rat-human"]},
        "today": {**_DATE, "description": "Defaults to the server's local date."},
        "animals": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "species"],
                "properties": {
                    "id": {"type": "string", "pattern": f"^{ANIMAL_ID.pattern}$"},
                    "species": _enum(Species),
                    "name": {"type": "string"},
                    "sex": {"type": "string"},
                    "born": _DATE,
                    "arrived": _DATE,
                    "origin": _enum(Origin),
                    "prey_drive": _enum(PreyDrive),
                    "health_check": _DATE,
                },
            },
        },
        "roles": {
            "type": "object",
            "description": "Role name to the ids of the animals that play it.",
            "additionalProperties": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "string"},
            },
        },
        "sessions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["date", "stage"],
                "properties": {
                    "date": _DATE,
                    "stage": {"type": "string"},
                    "minutes": {"type": "number", "minimum": 0},
                    "supervised": {"type": "boolean", "default": True},
                    "signals": {
                        "type": "object",
                        "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    },
                    "notes": {"type": "string"},
                    "attempts": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Required at a training stage: tries at the behaviour.",
                    },
                    "rewarded": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Required at a training stage: tries that earned a "
                        "click and a treat; at most `attempts`.",
                    },
                },
            },
        },
    },
}

SCENARIO_EXAMPLE: dict[str, Any] = {
    "program": "cat-rat",
    "today": "2026-11-20",
    "animals": [
        {
            "id": "tom",
            "name": "Tom",
            "species": "cat",
            "prey_drive": "moderate",
            "health_check": "2026-10-01",
        },
        {
            "id": "pip",
            "name": "Pip",
            "species": "rat",
            "origin": "breeder",
            "arrived": "2026-09-01",
            "health_check": "2026-10-03",
        },
    ],
    "roles": {"cat": ["tom"], "rat": ["pip"]},
    "sessions": [
        {
            "date": "2026-11-18",
            "stage": "visual",
            "minutes": 5,
            "signals": {"tom": ["ears_forward", "slow_blink"], "pip": ["relaxed"]},
        }
    ],
}


class AdviceOut(BaseModel):
    """The advice of the contract (section 3), with the extra fields it allows."""

    model_config = ConfigDict(extra="allow")

    program: str
    action: Action
    stage: str
    minutes: float | None = Field(description="Length of the next session; null when untimed.")
    not_before: str | None = Field(description="Earliest date of the next session (ISO).")
    alerts: list[AlertCode]
    reasons: list[str] = Field(min_length=1)
    streak: int = 0
    needed: int | None = None
    earned_stage: str | None = None
    seeds: list[str] = []


_FORBID = ConfigDict(extra="forbid")


class AnimalIn(BaseModel):
    """A new animal; only `species` is required, the id is made from the name when absent."""

    model_config = _FORBID

    species: Species
    id: str | None = Field(default=None, description="Lower-case letters, digits, '-', '_'.")
    name: str | None = None
    sex: str | None = None
    born: dt.date | None = None
    arrived: dt.date | None = None
    origin: Origin | None = None
    prey_drive: PreyDrive | None = Field(default=None, description="Cats only.")
    markings: str | None = None
    notes: str | None = None


class AnimalPatch(BaseModel):
    """Fields to change; a field sent as null is cleared, a field left out is kept."""

    model_config = _FORBID

    species: Species | None = None
    name: str | None = None
    sex: str | None = None
    born: dt.date | None = None
    arrived: dt.date | None = None
    origin: Origin | None = None
    prey_drive: PreyDrive | None = None
    markings: str | None = None
    notes: str | None = None


class AnimalOut(BaseModel):
    id: str
    species: Species
    name: str | None
    sex: str | None
    born: dt.date | None
    arrived: dt.date | None
    origin: Origin | None
    prey_drive: PreyDrive | None
    markings: str | None
    status: str
    notes: str | None
    health_check: dt.date | None = Field(description="Date of the latest vet check.")
    version: int


class VetCheckIn(BaseModel):
    model_config = _FORBID

    date: dt.date
    vet: str | None = None
    findings: str | None = None


class VetCheckOut(BaseModel):
    id: int
    date: dt.date
    vet: str | None
    findings: str | None


class WeightIn(BaseModel):
    model_config = _FORBID

    grams: float = Field(gt=0)
    date: dt.date | None = Field(default=None, description="Defaults to today.")


class WeightOut(BaseModel):
    id: int
    date: dt.date
    grams: float


class MemberOut(BaseModel):
    role: str
    animal: str = Field(description="The animal's id.")
    name: str | None


class IntroductionIn(BaseModel):
    """A new introduction: the program and which animals (ids or names) play each role."""

    model_config = _FORBID

    program: str
    roles: dict[str, list[str]]
    id: str | None = None
    started: dt.date | None = None
    notes: str | None = None
    cleared_by: str | None = Field(
        default=None,
        description="Only when these animals' last introduction of this program ended in "
        "`stop`: who (the vet, the behaviourist) agreed they may try again. Without it such "
        "a start is refused (422, path `cleared_by`); given when there was no such stop, it "
        "is refused too. Kept in the new introduction's `notes`.",
    )


class IntroductionOut(BaseModel):
    id: str
    program: str
    status: str
    started: dt.date
    notes: str | None
    members: list[MemberOut]


class StatusIn(BaseModel):
    model_config = _FORBID

    status: Literal["paused", "active", "stopped", "completed"]


class SessionIn(BaseModel):
    """A session as logged at the cage; signals map animal ids (or names) to signal ids."""

    model_config = _FORBID

    stage: str
    date: dt.date | None = Field(default=None, description="Defaults to today.")
    minutes: float | None = Field(default=None, ge=0)
    supervised: bool = True
    signals: dict[str, list[str]] = {}
    notes: str | None = None
    # The minimum is documented, not enforced here: the store says what is wrong with a count
    # in the same words as the command line.
    attempts: int | None = Field(
        default=None,
        json_schema_extra={"minimum": 0},
        description="Required at a training stage: tries at the behaviour.",
    )
    rewarded: int | None = Field(
        default=None,
        json_schema_extra={"minimum": 0},
        description="Required at a training stage: tries that earned a click and a treat; "
        "at most `attempts`.",
    )


class SessionOut(BaseModel):
    id: int
    seq: int
    date: dt.date
    stage: str
    minutes: float | None
    supervised: bool
    signals: dict[str, list[str]]
    notes: str | None
    attempts: int | None = Field(description="Training stages only; null elsewhere.")
    rewarded: int | None = Field(description="Training stages only; null elsewhere.")
    session_class: str
    logged_by: str
    logged_at: dt.datetime


class LoggedOut(BaseModel):
    """A logged session and the advice that follows it."""

    session: SessionOut
    advice: AdviceOut
    advised_day: dt.date | None = Field(
        description="Set when the session is dated before the day the earlier advice named: "
        "that day. The session is saved and counts all the same; null when it was on time."
    )
    pacing_warning: str | None = Field(
        description="What to tell the owner about a session dated before `advised_day` "
        "(rushing stages is how animals get hurt); null when it was on time."
    )
