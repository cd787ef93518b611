"""Shapes the JSON API publishes in its OpenAPI document: the scenario body and the advice."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationInfo,
)
from pydantic.json_schema import SkipJsonSchema

from ratbond.errors import InputError
from ratbond.limits import (
    DATE_FLOOR,
    MAX_ATTEMPTS,
    MAX_GRAMS,
    MAX_ID,
    MAX_MINUTES,
    MAX_NAME,
    MAX_NOTES,
    MAX_SEX,
    MIN_GRAMS,
)
from ratbond.model import Action, AlertCode, Origin, PreyDrive, SessionClass, Species
from ratbond.scenario import ANIMAL_ID, ONE_LINE_PATTERN, id_problem, parse_date, storable_text
from ratbond.store.tables import ANIMAL_STATUSES, INTRODUCTION_STATUSES


def _iso_text(value: object) -> object:
    """A date comes as ISO text (`2026-11-20`), read as `ratbond evaluate` reads one
    (`ratbond.scenario.parse_date`): a number would be read as a timestamp, and
    `{"arrived": 0}` stored as 1970-01-01; so would digits in text (`"1763596800"`), and a
    time of midnight (`"2026-11-20T00:00"`) would pass for a date."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value, ())
        except InputError as error:
            raise ValueError(error.message) from None
    raise ValueError("give the date as text, YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_text)]
"""A date of the API, in and out: ISO text only."""


def _storable(value: str, info: ValidationInfo) -> str:
    try:
        return storable_text(value, (info.field_name or "",))
    except InputError as error:
        raise ValueError(error.message) from None


Text = Annotated[str, AfterValidator(_storable)]
"""Text the API takes in: no NUL character, no lone surrogate (`storable_text`)."""


def limits(**bounds: float | str) -> dict[str, Any]:
    """Keywords of `Field` that state `bounds` (`maxLength`, `minimum`, ...) in the OpenAPI
    document without pydantic enforcing them: the validation in `ratbond.scenario` and
    `ratbond.store` refuses a value beyond them, in the command line's words, and the
    numbers come from `ratbond.limits`, the one place they are set."""
    return {"json_schema_extra": dict(bounds)}


def _key(value: str) -> str:
    problem = id_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


Key = Annotated[
    str, AfterValidator(_key), Field(**limits(pattern=f"^{ANIMAL_ID.pattern}$", maxLength=MAX_ID))
]
"""An id the API takes in: checked by `ratbond.scenario.id_problem`, in the command line's
words (the OpenAPI document states the pattern and length, `limits`)."""


DAY_RULE = (
    f"ISO text (YYYY-MM-DD), from {DATE_FLOOR.isoformat()} to today; a date given as a "
    "number is refused."
)
PastDay = Annotated[IsoDate, Field(description=DAY_RULE)]
"""A date something happened: ISO text, between the floor and today."""

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
    alerts: list[AlertCode] = Field(description="The contract's alert codes (section 6).")
    cautions: list[AlertCode] = Field(
        default=[], description="Alerts ratbond adds beyond the contract (pregnancy_risk)."
    )
    reasons: list[str] = Field(min_length=1)
    streak: int = 0
    needed: int | None = None
    earned_stage: str | None = None
    seeds: list[str] = []


_FORBID = ConfigDict(extra="forbid")
# Numbers, counts and yes-or-no as JSON writes them: pydantic's lax mode took `true` for 1
# minute (or 1 try), "5" for 5 and 1 or "yes" for true, so a slip was stored as a value.
Number = Annotated[float, Strict()]
Count = Annotated[int, Strict()]
Flag = Annotated[bool, Strict()]
ID_RULE = "Lower-case letters, digits, '-', '_'."


NAME = limits(maxLength=MAX_NAME, pattern=ONE_LINE_PATTERN)
SEX = limits(maxLength=MAX_SEX, pattern=ONE_LINE_PATTERN)
NOTES = limits(maxLength=MAX_NOTES)
COUNT = limits(minimum=0, maximum=MAX_ATTEMPTS)


class AnimalFields(BaseModel):
    """What the advice contract knows of an animal, as the API and a scenario both take it."""

    model_config = _FORBID

    species: Species
    name: Text | None = Field(default=None, description="One line.", **NAME)
    sex: Text | None = Field(default=None, **SEX)
    born: PastDay | None = None
    arrived: PastDay | None = Field(default=None, description=f"{DAY_RULE} Not before `born`.")
    origin: Origin | None = None
    prey_drive: PreyDrive | None = Field(default=None, description="Cats only.")


class AnimalIn(AnimalFields):
    """A new animal; only `species` is required, the id is made from the name when absent."""

    id: Key | None = Field(default=None, description=ID_RULE)
    markings: Text | None = None
    notes: Text | None = None


class AnimalPatch(BaseModel):
    """Fields to change; a field sent as null is cleared, a field left out is kept."""

    model_config = _FORBID

    species: Species | None = None
    name: Text | None = Field(default=None, **NAME)
    sex: Text | None = Field(default=None, **SEX)
    born: PastDay | None = None
    arrived: PastDay | None = None
    origin: Origin | None = None
    prey_drive: PreyDrive | None = None
    markings: Text | None = None
    notes: Text | None = None


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
    status: Literal[ANIMAL_STATUSES]  # type: ignore[valid-type]
    notes: str | None
    health_check: IsoDate | None = Field(description="Date of the latest vet check.")
    version: int


class VetCheckIn(BaseModel):
    model_config = _FORBID

    date: PastDay
    vet: Text | None = None
    findings: Text | None = None


class VetCheckOut(BaseModel):
    id: int
    date: IsoDate
    vet: str | None
    findings: str | None


class WeightIn(BaseModel):
    model_config = _FORBID

    grams: Number = Field(
        description=f"At least {MIN_GRAMS:g}; under "
        + ", ".join(f"{grams:,} for a {species}" for species, grams in MAX_GRAMS.items())
        + ".",
        **limits(minimum=MIN_GRAMS, exclusiveMaximum=max(MAX_GRAMS.values())),
    )
    date: PastDay | None = Field(default=None, description=f"Defaults to today. {DAY_RULE}")


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

    program: Text
    roles: dict[str, list[str]]
    id: Key | None = Field(default=None, description=ID_RULE)
    started: PastDay | None = Field(
        default=None,
        description=f"Defaults to today. {DAY_RULE} Not before any of its animals arrived.",
    )
    notes: Text | None = None
    cleared_by: Text | None = Field(
        default=None,
        description="Only when these animals' last introduction of this program ended in "
        "`stop`: who (the vet, the behaviourist) agreed they may try again. Without it such "
        "a start is refused (422, path `cleared_by`); given when there was no such stop, it "
        "is refused too. Kept in the new introduction's `notes`.",
    )
    again: Flag = Field(
        default=False,
        description="Start it although an active or paused introduction of this program has "
        "the same animals in the same roles; without it, that is refused (422, path `again`) "
        "as a slip.",
    )


class IntroductionOut(BaseModel):
    id: str
    program: str
    status: Literal[INTRODUCTION_STATUSES]  # type: ignore[valid-type]
    started: IsoDate
    notes: str | None
    members: list[MemberOut]


class StatusIn(BaseModel):
    model_config = _FORBID

    status: Literal["paused", "active", "stopped", "completed"]


class SessionFields(BaseModel):
    """What a session records, as the API and a scenario both take it."""

    model_config = _FORBID

    stage: Text
    minutes: Number | None = Field(default=None, ge=0)
    supervised: Flag = True
    signals: dict[str, list[str]] | None = {}
    notes: Text | None = Field(default=None, **NOTES)
    attempts: Count | None = Field(
        default=None,
        description="Required at a training stage: tries at the behaviour.",
        **COUNT,
    )
    rewarded: Count | None = Field(
        default=None,
        description="Required at a training stage: tries that earned a click and a treat; "
        "at most `attempts`.",
        **COUNT,
    )


class SessionIn(SessionFields):
    """A session as logged at the cage; signals map animal ids (or names) to signal ids."""

    stage: Text | None = Field(  # type: ignore[assignment]
        default=None,
        description="Defaults to the stage advised on the session's date, and then its "
        "minutes too when none are given.",
    )
    minutes: Number | None = Field(default=None, ge=0, **limits(maximum=MAX_MINUTES))
    date: PastDay | None = Field(
        default=None,
        description=f"Defaults to today. {DAY_RULE} Not before its animals arrived.",
    )


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
    session_class: SessionClass
    logged_by: str
    logged_at: AwareDatetime = Field(description="When it was logged, in UTC, with its offset.")


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
    repeated: bool = Field(
        default=False,
        description="True when a request with the same `Idempotency-Key` logged `session` "
        "before: nothing new was logged, and `advice` is the advice as it stands.",
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
    sessions: list[ScenarioSession] | None = []


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
