"""The typed shapes shared by the engine and its callers: programs, vocabulary, scenarios, advice.

They are frozen dataclasses; `programs.py` validates data files into these same classes with
pydantic, and attribute docstrings become the descriptions of the published JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, get_args

from annotated_types import Ge, Gt, Le, Len

from ratbond.limits import MAX_PROGRAM_DAYS

Text = Annotated[str, Len(min_length=1)]
SeedRef = Text  # a source document by its seed number, e.g. "003"

Species = Literal["cat", "rat"]
SignalClass = Literal["calm", "stress", "aggression", "danger", "illness"]
SessionClass = Literal["calm", "stress", "aggression", "danger"]
Origin = Literal["breeder", "pet_store", "rescue", "unknown"]
PreyDrive = Literal["low", "moderate", "high"]
Action = Literal["start", "wait", "repeat", "advance", "step_back", "stop", "complete"]
Prerequisite = Literal["health_check", "prey_drive"]
AlertCode = Literal[
    "intervene",
    "unsupervised",
    "vet_now",
    "separate_housing",
    "health_check_needed",
    "assessment_needed",
    "high_prey_drive",
    "quarantine_breach",
    "illness_signs",
    "too_soon",
    "use_gloves",
    "long_break",
    "skipped_stage",
    "always_supervise",
    "rushed",
    "pregnancy_risk",
]
# Alerts ratbond raises beyond the contract's section 6: the contract's JSON lists them under the
# extra field `cautions`, so `alerts` keeps exactly the contract's codes.
CAUTIONS: frozenset[AlertCode] = frozenset({"pregnancy_risk"})
Severity = Literal["danger", "warning", "info"]

SPECIES: tuple[Species, ...] = get_args(Species)
ORIGINS: tuple[Origin, ...] = get_args(Origin)
PREY_DRIVES: tuple[PreyDrive, ...] = get_args(PreyDrive)
ALERT_CODES: tuple[AlertCode, ...] = get_args(AlertCode)

# Worst first: the class of a session is the most severe class among its signals.
CLASS_RANK: dict[SessionClass, int] = {"calm": 0, "stress": 1, "aggression": 2, "danger": 3}

_STRICT: dict[str, Any] = {"extra": "forbid", "use_attribute_docstrings": True}
# `class` is a keyword in Python: the field is `class_`, the file key is `class`.
_SIGNAL_CONFIG: dict[str, Any] = {**_STRICT, "alias_generator": lambda name: name.rstrip("_")}


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing an owner can see an animal do during a session."""

    __pydantic_config__ = _SIGNAL_CONFIG

    class_: SignalClass
    """How the signal weighs: calm, stress, aggression, danger or illness."""
    description: Text
    """One line an owner understands."""
    looks_like: Text
    """What the owner actually sees or hears."""
    seeds: tuple[SeedRef, ...] = ()
    """Source documents the signal comes from, by seed number."""
    phrases: tuple[Text, ...] = ()
    """Words and phrases owners use for it in their notes."""


@dataclass(frozen=True, slots=True)
class AlertInfo:
    """What an alert code asks of the owner."""

    __pydantic_config__ = _STRICT

    title: Text
    advice: Text
    severity: Severity


@dataclass(frozen=True, slots=True)
class Minutes:
    """Session length policy of a timed stage, in minutes."""

    __pydantic_config__ = _STRICT

    start: Annotated[float, Gt(0)]
    """Length of the first session at this stage."""
    step: Annotated[float, Gt(0)]
    """How much a calm session adds, and a stressed one takes away."""
    max: Annotated[float, Gt(0)]
    """The longest a session at this stage should last."""


@dataclass(frozen=True, slots=True)
class Gate:
    """A waiting period that must pass before the animals may have contact."""

    __pydantic_config__ = _STRICT

    role: Text
    """The role whose latest `arrived` date starts the clock."""
    days: Annotated[int, Ge(1), Le(MAX_PROGRAM_DAYS)]
    """Length of the waiting period in days."""
    early_alert: AlertCode
    """Alert raised when a contact session is logged before the period ends."""
    restart_on_contact: bool = False
    """A contact session before the end restarts the period from its date."""
    restart_on_illness: bool = False
    """Illness seen in a session at this stage restarts the period from its date."""
    contact_signals: dict[Species, tuple[str, ...]] = field(default_factory=dict)
    """Signals, by species, that only animals in contact can show (boxing, pinning): a
    session at this stage showing one before the end is contact, not an observation."""


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of a program."""

    __pydantic_config__ = _STRICT

    id: Annotated[str, Len(min_length=1)]
    """Stable identifier used in session logs, e.g. `visual`."""
    title: Text
    setup: Text
    """What to set up before the session, in plain words."""
    watch_for: tuple[Text, ...]
    """What to watch during the session."""
    end_early_if: tuple[Text, ...]
    """When to end a session early."""
    seeds: tuple[SeedRef, ...]
    """Source documents, by seed number."""
    minutes: Minutes | None = None
    """Length policy; absent for untimed stages."""
    calm_to_advance: Annotated[int, Ge(1)] | None = None
    """Calm sessions in a row needed to move on (unless the program sets it by origin)."""
    gate: Gate | None = None
    """Makes this a waiting stage; only the first stage may have one."""
    supervision_required: bool = True
    """A session logged unsupervised at this stage raises the `unsupervised` alert."""
    progress_signal: Text | None = None
    """A calm session counts towards moving on only when some animal shows this signal."""
    min_success_rate: Annotated[float, Gt(0), Le(1)] | None = None
    """Training stages: a calm session counts towards moving on only when at least this share
    of its attempts was rewarded; a session below it starts the streak again."""


@dataclass(frozen=True, slots=True)
class Role:
    """A part an animal plays in a program."""

    __pydantic_config__ = _STRICT

    species: Species
    description: Text
    signals: tuple[Text, ...] | None = None
    """The signals offered for an animal in this role when a session is logged (the web
    form, `ratbond signals --program`, the prompts); None: every signal of its species."""


@dataclass(frozen=True, slots=True)
class InjuryStop:
    """Signals that end the introduction at once, and the alerts they raise."""

    __pydantic_config__ = _STRICT

    signals: dict[Species, tuple[Text, ...]]
    alerts: tuple[AlertCode, ...]


@dataclass(frozen=True, slots=True)
class Rules:
    """The numbers and switches of the contract's rules for one program."""

    __pydantic_config__ = _STRICT

    long_break_days: Annotated[int, Ge(1), Le(MAX_PROGRAM_DAYS)] = 14
    """A longer gap since the last session loses the streak and restarts the stage."""
    sessions_per_day: Annotated[int, Ge(1)] = 1
    """How many sessions a day are fine; a day adds at most this many calm sessions to a
    calm streak."""
    min_fraction: Annotated[float, Gt(0), Le(1)] = 0.5
    """A calm session shorter than this share of its stage's first session earns nothing
    (timed stages; training stages, which count rewarded attempts, are exempt)."""
    stop_after: Annotated[int, Ge(1)] | None = None
    """Stop when this many sessions in a row showed aggression or danger; absent: never."""
    step_back_classes: tuple[SessionClass, ...] = ("aggression", "danger")
    """Session classes that, repeated at a stage, send the animals back a stage."""
    step_back_in_a_row: Annotated[int, Ge(1)] = 2
    """How many such sessions at the same stage step back (danger always does)."""
    calm_to_advance_by_origin: dict[Origin, Annotated[int, Ge(1)]] | None = None
    """Calm sessions needed to advance by the rats' origin; the slowest origin rules."""
    prerequisites: tuple[Prerequisite, ...] = ()
    """Checks that must pass before the first session."""
    health_check_max_age_days: Annotated[int, Ge(1), Le(MAX_PROGRAM_DAYS)] = 365
    """A vet check older than this counts as missing."""
    high_prey_drive_extra_calm: Annotated[int, Ge(0)] = 0
    """Extra calm sessions per stage when a cat has a high prey drive (also alerts)."""
    unsupervised_class: SessionClass | None = None
    """An unsupervised session counts as at least this class; absent: no effect on class."""
    class_alerts: dict[SessionClass, tuple[AlertCode, ...]] = field(default_factory=dict)
    """Alerts raised when the last session is of a class."""
    signal_alerts: dict[Species, dict[str, tuple[AlertCode, ...]]] = field(default_factory=dict)
    """Alerts raised when a signal appears in the last session."""
    injury_stop: InjuryStop | None = None
    """Signals that stop the introduction whenever they appear in the history."""
    complete_alerts: tuple[AlertCode, ...] = ()
    """Alerts that accompany `complete`."""
    mixed_sexes_alert: AlertCode | None = None
    """Alert raised on every answer while the animals include an intact male and an intact
    female (`read_sex`): they can breed."""
    alert_advice: dict[AlertCode, Text] = field(default_factory=dict)
    """What an alert asks of the owner in this program, instead of the catalogue's words
    (`ratbond.alerts.alert_info`): a fight between rats is not a cat's bite."""


@dataclass(frozen=True, slots=True)
class Program:
    """A staged introduction program, as written in a program file."""

    __pydantic_config__ = _STRICT

    id: Annotated[str, Len(min_length=1)]
    title: Text
    summary: Text
    seeds: tuple[SeedRef, ...]
    roles: dict[str, Role]
    stages: Annotated[tuple[Stage, ...], Len(min_length=1)]
    rules: Rules = field(default_factory=Rules)
    signal_class_overrides: dict[Species, dict[str, SignalClass]] = field(default_factory=dict)
    """Per-program classes for signals, e.g. a squeak is calm between rats."""

    def stage_index(self, stage_id: str) -> int:
        for index, stage in enumerate(self.stages):
            if stage.id == stage_id:
                return index
        raise KeyError(stage_id)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """All signals by species, and the alert catalogue."""

    signals: dict[Species, dict[str, Signal]]
    alerts: dict[AlertCode, AlertInfo]


Sex = Literal["female", "spayed female", "male", "neutered male", "unknown"]
SEXES: tuple[Sex, ...] = get_args(Sex)

# The words an owner writes for an animal's sex: the sex itself, and whether it was neutered.
_FEMALE = frozenset({"f", "female", "doe", "girl", "queen"})
_MALE = frozenset({"m", "male", "buck", "boy", "tom"})
_DESEXED = frozenset({"spayed", "neutered", "castrated", "desexed", "fixed", "speyed"})
_INTACT = frozenset({"intact", "entire", "unneutered", "unspayed", "not"})
_UNKNOWN = frozenset({"unknown", "unsure", "?", "not sure", "dont know", "don't know"})


def read_sex(text: str | None) -> Sex | None:
    """An animal's sex as written (`intact male`, `Female, spayed`, `buck`) in the small set
    ratbond reasons with; None for no text or text it cannot read (`unknown` is an owner's
    own "don't know"). A record written before the set existed reads through this too."""
    if text is None or not text.strip():
        return None
    cleaned = " ".join(
        "".join(c if c.isalnum() or c in "?'" else " " for c in text.lower()).split()
    )
    if cleaned in _UNKNOWN:
        return "unknown"
    words = set(cleaned.split())
    female, male = bool(words & _FEMALE), bool(words & _MALE)
    desexed = bool(words & _DESEXED) and not (words & _INTACT)
    if female == male:
        if not (female or male) and desexed and len(words) == 1:
            # `spayed` alone is a female, `neutered` or `castrated` alone a male.
            return "spayed female" if "spayed" in words or "speyed" in words else "neutered male"
        return None
    if female:
        return "spayed female" if desexed else "female"
    return "neutered male" if desexed else "male"


def can_breed(sexes: list[Sex | None]) -> bool:
    """Whether a group holds an intact male and an intact female."""
    return "male" in sexes and "female" in sexes


@dataclass(frozen=True, slots=True)
class Animal:
    id: str
    species: Species
    name: str | None = None
    sex: str | None = None
    born: dt.date | None = None
    arrived: dt.date | None = None
    origin: Origin | None = None
    prey_drive: PreyDrive | None = None
    health_check: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Session:
    date: dt.date
    stage: str
    minutes: float | None = None
    supervised: bool = True
    signals: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notes: str | None = None
    attempts: int | None = None  # training sessions: tries at the behaviour
    rewarded: int | None = None  # ... and how many earned a click and a treat
    # Signals found in the notes rather than ticked, by animal (filled by the notes parser).
    noted: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Scenario:
    program: Program
    today: dt.date
    animals: dict[str, Animal]
    roles: dict[str, tuple[str, ...]]
    sessions: tuple[Session, ...]


@dataclass(frozen=True, slots=True)
class Advice:
    program: str
    action: Action
    stage: str
    minutes: float | None
    not_before: dt.date | None
    alerts: tuple[AlertCode, ...]
    reasons: tuple[str, ...]
    streak: int = 0
    needed: int | None = None
    earned_stage: str | None = None
    seeds: tuple[str, ...] = ()
    decided_on: dt.date | None = None
    """The date of the session the action is decided on (whose alerts the answer carries)."""
    seen: tuple[tuple[str, str], ...] = ()
    """What that session showed that set its class: (animal's name, signal) pairs, the name
    as the owner gave it (else the animal's id)."""

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object, with a few extra fields the contract allows."""
        return {
            "program": self.program,
            "action": self.action,
            "stage": self.stage,
            "minutes": _number(self.minutes),
            "not_before": self.not_before.isoformat() if self.not_before else None,
            "alerts": [code for code in self.alerts if code not in CAUTIONS],
            "cautions": [code for code in self.alerts if code in CAUTIONS],
            "reasons": list(self.reasons),
            "streak": self.streak,
            "needed": self.needed,
            "earned_stage": self.earned_stage,
            "seeds": list(self.seeds),
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "seen": [list(pair) for pair in self.seen],
        }


def _number(value: float | None) -> float | int | None:
    """Whole numbers print as integers (8, not 8.0); fractions keep at most 6 decimals."""
    if value is None:
        return None
    rounded = round(value, 6)
    return int(rounded) if rounded.is_integer() else rounded
