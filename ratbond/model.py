"""The typed shapes shared by the engine and its callers: programs, vocabulary, scenarios, advice.

They are frozen records (`@record`, below) so the engine path never imports pydantic, nor even
`dataclasses` or `typing`; `programs.py` validates data files into these same classes with
pydantic, which sees them as dataclasses, and attribute docstrings become the descriptions of
the published JSON Schema.
"""

from __future__ import annotations

import datetime as dt

# `typing.TYPE_CHECKING` without importing `typing` (type checkers know the name).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Annotated, Any, ClassVar, Literal, TypeVar, dataclass_transform

    from annotated_types import Ge, Gt, Le, Len

    T = TypeVar("T")
    R = TypeVar("R", bound="Record")
    Text = Annotated[str, Len(min_length=1)]
    SeedRef = Annotated[str, Len(min_length=1)]
    # Each Literal type spells out the values of its tuple below; a test holds them equal.
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
    ]
    Severity = Literal["danger", "warning", "info"]
else:

    def dataclass_transform(**_options: object) -> Callable[[T], T]:
        """Stands in for `typing.dataclass_transform`, which only informs type checkers."""
        return lambda function: function

    def __getattr__(name: str) -> object:
        """The Literal types, for pydantic and other run-time readers, made on first use."""
        if name not in LITERALS:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals().update(literal_types())
        return globals()[name]


SPECIES: tuple[Species, ...] = ("cat", "rat")
SIGNAL_CLASSES: tuple[SignalClass, ...] = ("calm", "stress", "aggression", "danger", "illness")
SESSION_CLASSES: tuple[SessionClass, ...] = ("calm", "stress", "aggression", "danger")
ORIGINS: tuple[Origin, ...] = ("breeder", "pet_store", "rescue", "unknown")
PREY_DRIVES: tuple[PreyDrive, ...] = ("low", "moderate", "high")
ACTIONS: tuple[Action, ...] = (
    "start",
    "wait",
    "repeat",
    "advance",
    "step_back",
    "stop",
    "complete",
)
PREREQUISITES: tuple[Prerequisite, ...] = ("health_check", "prey_drive")
ALERT_CODES: tuple[AlertCode, ...] = (
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
)
SEVERITIES: tuple[Severity, ...] = ("danger", "warning", "info")
# The values of each Literal type, by its name.
LITERALS: dict[str, tuple[str, ...]] = {
    "Species": SPECIES,
    "SignalClass": SIGNAL_CLASSES,
    "SessionClass": SESSION_CLASSES,
    "Origin": ORIGINS,
    "PreyDrive": PREY_DRIVES,
    "Action": ACTIONS,
    "Prerequisite": PREREQUISITES,
    "AlertCode": ALERT_CODES,
    "Severity": SEVERITIES,
}


def literal_types() -> dict[str, object]:
    """The Literal types by name, as `typing` makes them (which the engine path never imports)."""
    from typing import Literal

    return {name: Literal[values] for name, values in LITERALS.items()}


class Factory:
    """A field default made anew for each record, as `field(default_factory=...)` asks."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], object]) -> Any:
    """A field whose default is made per record, like `dataclasses.field(default_factory=...)`."""
    return Factory(default_factory)


class DataclassFields:
    """A record class's `__dataclass_fields__`, made by `dataclasses` itself on first use.

    With it `dataclasses.replace`, `fields`, `asdict` and pydantic take records for dataclasses,
    while the engine path never imports `dataclasses` (which brings `inspect`, `ast` and
    `tokenize`, together slower to import than the whole engine run of `ratbond evaluate`).
    """

    def __get__(self, instance: object, owner: type[Record]) -> dict[str, Any]:
        if "_names" not in vars(owner):
            raise AttributeError("__dataclass_fields__")  # the `Record` base is no dataclass
        import dataclasses

        annotations = vars(owner)["__annotations__"]
        namespace: dict[str, Any] = {
            "__module__": owner.__module__,
            "__annotations__": {name: annotations[name] for name in owner._names},
        }
        for name, default in owner._defaults.items():
            namespace[name] = (
                dataclasses.field(default_factory=default.make)
                if isinstance(default, Factory)
                else default
            )
        shadow: Any = dataclasses.dataclass(init=False, repr=False, eq=False)(
            type(owner.__name__, (), namespace)
        )
        fields: dict[str, Any] = shadow.__dataclass_fields__
        setattr(owner, "__dataclass_fields__", fields)  # noqa: B010 (a class attribute, once)
        return fields


class Record:
    """Frozen value semantics shared by every record: equal when of one type with equal fields.

    Written once here rather than generated per class, so defining the records at start-up
    compiles one `__init__` each and nothing else.
    """

    __slots__ = ()
    if TYPE_CHECKING:
        _names: ClassVar[tuple[str, ...]]  # the fields, in order
        _defaults: ClassVar[dict[str, object]]  # a value or a `Factory`, by field
        __dataclass_fields__: ClassVar[dict[str, Any]]
    else:
        __dataclass_fields__ = DataclassFields()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._names)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field '{name}' of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field '{name}' of a frozen {type(self).__name__}")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[R] | None = None, /, *, slots: bool = False) -> Any:
    """A frozen record class: fields from the annotations, defaults from the class body.

    The class gets a compiled `__init__` that sets each field (a `field(default_factory=...)`
    default is made per record); `slots=True` remakes the class with a slot per field.
    """

    def wrap(target: type[R]) -> type[R]:
        body = vars(target)
        names = tuple(body.get("__annotations__", {}))
        defaults = {name: body[name] for name in names if name in body}
        if slots:
            namespace = {
                key: value
                for key, value in body.items()
                if key not in defaults and key not in ("__dict__", "__weakref__")
            }
            namespace |= {"__slots__": names, "__reduce__": rebuild}
            remade: Any = type(target.__name__, target.__bases__, namespace)
            target = remade
        else:
            for name, default in defaults.items():
                if isinstance(default, Factory):
                    delattr(target, name)  # not a value: made per record
        target._names = names
        target._defaults = defaults
        target.__init__ = make_init(target, names, defaults)  # type: ignore[method-assign]
        return target

    return wrap if cls is None else wrap(cls)


def rebuild(self: Record) -> tuple[type[Record], tuple[Any, ...]]:
    """`__reduce__` of a slotted record: pickled and copied by its fields, remade by `__init__`."""
    return type(self), self._values()


def make_init(target: type, names: tuple[str, ...], defaults: dict[str, object]) -> Any:
    """Compile the `__init__` of a record class: a parameter per field, each set in turn."""
    scope: dict[str, object] = {"_set": object.__setattr__}
    parameters = ["self"]
    lines = []
    for name in names:
        value = name
        if name in defaults:
            scope[f"_default_{name}"] = default = defaults[name]
            parameters.append(f"{name}=_default_{name}")
            if isinstance(default, Factory):
                value = f"_default_{name}.make() if {name} is _default_{name} else {name}"
        else:
            parameters.append(name)
        lines.append(f"    _set(self, {name!r}, {value})\n")
    source = f"def __init__({', '.join(parameters)}):\n" + "".join(lines)
    exec(source, scope)  # names are identifiers from a class body, values are passed in scope
    init: Any = scope["__init__"]
    init.__qualname__ = f"{target.__qualname__}.__init__"
    return init


# Worst first: the class of a session is the most severe class among its signals.
CLASS_RANK: dict[SessionClass, int] = {"calm": 0, "stress": 1, "aggression": 2, "danger": 3}

_STRICT: dict[str, Any] = {"extra": "forbid", "use_attribute_docstrings": True}
# `class` is a keyword in Python: the field is `class_`, the file key is `class`.
_SIGNAL_CONFIG: dict[str, Any] = {**_STRICT, "alias_generator": lambda name: name.rstrip("_")}


def validation_names() -> dict[str, Any]:
    """Names used only in annotations, supplied when a data file is validated.

    Importing `annotated_types` (or `typing`) costs more than the whole engine run of `ratbond
    evaluate`, whose data comes validated from the cache; so the names resolve only when
    pydantic asks.
    """
    from typing import Annotated

    from annotated_types import Ge, Gt, Le, Len

    text = Annotated[str, Len(min_length=1)]
    names = {"Annotated": Annotated, "Ge": Ge, "Gt": Gt, "Le": Le, "Len": Len}
    names |= {"Text": text, "SeedRef": text}
    return literal_types() | names


@record
class Signal(Record):
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


@record
class AlertInfo(Record):
    """What an alert code asks of the owner."""

    __pydantic_config__ = _STRICT

    title: Text
    advice: Text
    severity: Severity


@record
class Minutes(Record):
    """Session length policy of a timed stage, in minutes."""

    __pydantic_config__ = _STRICT

    start: Annotated[float, Gt(0)]
    """Length of the first session at this stage."""
    step: Annotated[float, Gt(0)]
    """How much a calm session adds, and a stressed one takes away."""
    max: Annotated[float, Gt(0)]
    """The longest a session at this stage should last."""


@record
class Gate(Record):
    """A waiting period that must pass before the animals may have contact."""

    __pydantic_config__ = _STRICT

    role: Text
    """The role whose latest `arrived` date starts the clock."""
    days: Annotated[int, Ge(1)]
    """Length of the waiting period in days."""
    early_alert: AlertCode
    """Alert raised when a contact session is logged before the period ends."""
    restart_on_contact: bool = False
    """A contact session before the end restarts the period from its date."""
    restart_on_illness: bool = False
    """Illness seen in a session at this stage restarts the period from its date."""


@record
class Stage(Record):
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


@record
class Role(Record):
    """A part an animal plays in a program."""

    __pydantic_config__ = _STRICT

    species: Species
    description: Text


@record
class InjuryStop(Record):
    """Signals that end the introduction at once, and the alerts they raise."""

    __pydantic_config__ = _STRICT

    signals: dict[Species, tuple[Text, ...]]
    alerts: tuple[AlertCode, ...]


@record
class Rules(Record):
    """The numbers and switches of the contract's rules for one program."""

    __pydantic_config__ = _STRICT

    long_break_days: Annotated[int, Ge(1)] = 14
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
    health_check_max_age_days: Annotated[int, Ge(1)] = 365
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


@record
class Program(Record):
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


@record
class Vocabulary(Record):
    """All signals by species, and the alert catalogue."""

    signals: dict[Species, dict[str, Signal]]
    alerts: dict[AlertCode, AlertInfo]


@record(slots=True)
class Animal(Record):
    id: str
    species: Species
    name: str | None = None
    sex: str | None = None
    born: dt.date | None = None
    arrived: dt.date | None = None
    origin: Origin | None = None
    prey_drive: PreyDrive | None = None
    health_check: dt.date | None = None


@record(slots=True)
class Session(Record):
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


@record
class Scenario(Record):
    program: Program
    today: dt.date
    animals: dict[str, Animal]
    roles: dict[str, tuple[str, ...]]
    sessions: tuple[Session, ...]


@record
class Advice(Record):
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

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object, with a few extra fields the contract allows."""
        return {
            "program": self.program,
            "action": self.action,
            "stage": self.stage,
            "minutes": _number(self.minutes),
            "not_before": self.not_before.isoformat() if self.not_before else None,
            "alerts": list(self.alerts),
            "reasons": list(self.reasons),
            "streak": self.streak,
            "needed": self.needed,
            "earned_stage": self.earned_stage,
            "seeds": list(self.seeds),
        }


def _number(value: float | None) -> float | int | None:
    """Whole numbers print as integers (8, not 8.0); fractions keep at most 6 decimals."""
    if value is None:
        return None
    rounded = round(value, 6)
    return int(rounded) if rounded.is_integer() else rounded
