"""Shapes the JSON API publishes in its OpenAPI document: the scenario body and the advice."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from ratbond.model import Action, AlertCode, Origin, PreyDrive, Species
from ratbond.scenario import ANIMAL_ID


def _iso_text(value: object) -> object:
    """A date comes as ISO text (`2026-11-20`): a number would be read as a timestamp, and
    `{"arrived": 0}` stored as 1970-01-01."""
    if isinstance(value, str | dt.date):
        return value
    raise ValueError("give the date as text, YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_text)]
"""A date of the API, in and out: ISO text only."""

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
ID_RULE = "Lower-case letters, digits, '-', '_'."


class AnimalFields(BaseModel):
    """What the advice contract knows of an animal, as the API and a scenario both take it."""

    model_config = _FORBID

    species: Species
    name: str | None = None
    sex: str | None = None
    born: IsoDate | None = None
    arrived: IsoDate | None = None
    origin: Origin | None = None
    prey_drive: PreyDrive | None = Field(default=None, description="Cats only.")


class AnimalIn(AnimalFields):
    """A new animal; only `species` is required, the id is made from the name when absent."""

    id: str | None = Field(default=None, description=ID_RULE)
    markings: str | None = None
    notes: str | None = None


class AnimalPatch(BaseModel):
    """Fields to change; a field sent as null is cleared, a field left out is kept."""

    model_config = _FORBID

    species: Species | None = None
    name: str | None = None
    sex: str | None = None
    born: IsoDate | None = None
    arrived: IsoDate | None = None
    origin: Origin | None = None
    prey_drive: PreyDrive | None = None
    markings: str | None = None
    notes: str | None = None


class AnimalOut(BaseModel):
    id: str
    species: Species
    name: str | None
    sex: str | None
    born: IsoDate | None
    arrived: IsoDate | None
    origin: Origin | None
    prey_drive: PreyDrive | None
    markings: str | None
    status: str
    notes: str | None
    health_check: IsoDate | None = Field(description="Date of the latest vet check.")
    version: int


class VetCheckIn(BaseModel):
    model_config = _FORBID

    date: IsoDate
    vet: str | None = None
    findings: str | None = None


class VetCheckOut(BaseModel):
    id: int
    date: IsoDate
    vet: str | None
    findings: str | None


class WeightIn(BaseModel):
    model_config = _FORBID

    grams: float = Field(gt=0)
    date: IsoDate | None = Field(default=None, description="Defaults to today.")


class WeightOut(BaseModel):
    id: int
    date: IsoDate
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
    started: IsoDate | None = None
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
    started: IsoDate
    notes: str | None
    members: list[MemberOut]


class StatusIn(BaseModel):
    model_config = _FORBID

    status: Literal["paused", "active", "stopped", "completed"]


class SessionFields(BaseModel):
    """What a session records, as the API and a scenario both take it."""

    model_config = _FORBID

    stage: str
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


class SessionIn(SessionFields):
    """A session as logged at the cage; signals map animal ids (or names) to signal ids."""

    stage: str | None = Field(  # type: ignore[assignment]
        default=None,
        description="Defaults to the stage advised on the session's date, and then its "
        "minutes too when none are given.",
    )
    date: IsoDate | None = Field(default=None, description="Defaults to today.")


class SessionOut(BaseModel):
    id: int
    seq: int
    date: IsoDate
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
    advised_day: IsoDate | None = Field(
        description="Set when the session is dated before the day the earlier advice named: "
        "that day. The session is saved and counts all the same; null when it was on time."
    )
    pacing_warning: str | None = Field(
        description="What to tell the owner about a session dated before `advised_day` "
        "(rushing stages is how animals get hurt); null when it was on time."
    )


# The request body of POST /api/v1/advice. The route validates with `ratbond.scenario` (so the
# messages match the command line word for word); these models only document the shape.


class ScenarioAnimal(AnimalFields):
    """An animal taking part."""

    id: str = Field(pattern=f"^{ANIMAL_ID.pattern}$", description=ID_RULE)
    health_check: IsoDate | None = Field(default=None, description="Date of the last vet check.")


class ScenarioSession(SessionFields):
    """A session logged so far."""

    date: IsoDate


class ScenarioIn(BaseModel):
    """A program, its animals and roles, and the sessions logged so far."""

    model_config = ConfigDict(extra="forbid", title="Scenario")

    # Optional, but never null: a scenario names its program or leaves the field out.
    program: str | SkipJsonSchema[None] = Field(
        default=None, examples=["cat-rat", "rat-rat", "rat-human"]
    )
    today: IsoDate | None = Field(default=None, description="Defaults to the server's local date.")
    animals: list[ScenarioAnimal] = Field(min_length=1)
    roles: dict[str, Annotated[list[str], Field(min_length=1)]] = Field(
        description="Role name to the ids of the animals that play it."
    )
    sessions: list[ScenarioSession] = []


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema with its parts written in place: a body given in `openapi_extra`
    cannot carry the `$defs` its references point into."""
    schema = model.model_json_schema()
    parts = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return resolve(parts[node["$ref"].rsplit("/", 1)[1]])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(value) for value in node]
        return node

    return dict(resolve(schema))


SCENARIO_SCHEMA = inline_schema(ScenarioIn)
