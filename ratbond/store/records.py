"""The typed records the store functions return: frozen dataclasses, safe to keep around."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ratbond.model import Action, AlertCode, Animal, Origin, PreyDrive, Session, Species


@dataclass(frozen=True, slots=True)
class AnimalRecord:
    """An animal of the household; `key` is its contract id, `health_check` its last vet check."""

    id: int
    key: str
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
    health_check: dt.date | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def label(self) -> str:
        """The name owners use, else the id."""
        return self.name or self.key

    def to_model(self) -> Animal:
        return Animal(
            id=self.key,
            species=self.species,
            name=self.name,
            sex=self.sex,
            born=self.born,
            arrived=self.arrived,
            origin=self.origin,
            prey_drive=self.prey_drive,
            health_check=self.health_check,
        )

    def to_contract(self) -> dict[str, Any]:
        """The animal as an entry of a scenario's `animals` list (empty fields left out)."""
        entry: dict[str, Any] = {"id": self.key, "species": self.species}
        for name in ("name", "sex", "born", "arrived", "origin", "prey_drive", "health_check"):
            value = getattr(self, name)
            if value is not None:
                entry[name] = value.isoformat() if isinstance(value, dt.date) else value
        return entry


@dataclass(frozen=True, slots=True)
class VetCheck:
    id: int
    animal_id: int
    date: dt.date
    vet: str | None
    findings: str | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Weight:
    id: int
    animal_id: int
    date: dt.date
    grams: float
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Member:
    """An animal playing a role in an introduction."""

    role: str
    animal: AnimalRecord


@dataclass(frozen=True, slots=True)
class IntroductionRecord:
    id: int
    key: str
    program: str
    status: str
    started: dt.date
    notes: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    members: tuple[Member, ...]

    @property
    def roles(self) -> dict[str, tuple[str, ...]]:
        """Role -> animal keys, in the order they were given."""
        roles: dict[str, tuple[str, ...]] = {}
        for member in self.members:
            roles[member.role] = (*roles.get(member.role, ()), member.animal.key)
        return roles

    @property
    def label(self) -> str:
        """`Tom & Pip`: the animals' names in role order."""
        return " & ".join(member.animal.label for member in self.members)

    def shown_status(self, advice: StoredAdvice) -> str:
        """The status owners see everywhere: an active or paused introduction whose advice is
        `stop` reads `stopped` before anyone marks it so, since nothing logged after a stop
        un-stops it."""
        if self.status in ("active", "paused") and advice.stopped:
            return "stopped"
        return self.status


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: int
    introduction_id: int
    seq: int
    date: dt.date
    stage: str
    minutes: float | None
    supervised: bool
    signals: dict[str, tuple[str, ...]]
    notes: str | None
    attempts: int | None
    """Training stages: tries at the behaviour; None elsewhere."""
    rewarded: int | None
    """Training stages: the tries that earned a click and a treat."""
    session_class: str
    logged_by: str
    logged_at: dt.datetime
    version: int

    @property
    def rewarded_share(self) -> float | None:
        """The share of attempts rewarded (0 to 1), or None without both counts or attempts."""
        if not self.attempts or self.rewarded is None:
            return None
        return self.rewarded / self.attempts

    def to_model(self) -> Session:
        return Session(
            date=self.date,
            stage=self.stage,
            minutes=self.minutes,
            supervised=self.supervised,
            signals=self.signals,
            notes=self.notes,
            attempts=self.attempts,
            rewarded=self.rewarded,
        )

    def to_contract(self) -> dict[str, Any]:
        """The session as an entry of a scenario's `sessions` list."""
        entry: dict[str, Any] = {
            "date": self.date.isoformat(),
            "stage": self.stage,
            "supervised": self.supervised,
            "signals": {animal: list(names) for animal, names in self.signals.items()},
        }
        if self.minutes is not None:
            entry["minutes"] = self.minutes
        for name in ("notes", "attempts", "rewarded"):
            value = getattr(self, name)
            if value is not None:
                entry[name] = value
        return entry


# No slots: `payload` is cached in the instance's `__dict__`.
@dataclass(frozen=True)
class StoredAdvice:
    """An introduction's advice as it stands on `today`, read from the store without a replay."""

    introduction_id: int
    today: dt.date
    action: Action
    stage: str
    minutes: float | None
    not_before: dt.date | None
    alerts: tuple[AlertCode, ...]
    due_on: dt.date | None
    last_session: dt.date | None
    session_count: int
    payload_json: str
    """The contract's advice JSON as stored. `payload` decodes it when first read: the day's
    plan reads an advice per introduction and prints none of their payloads."""

    @cached_property
    def payload(self) -> dict[str, Any]:
        """The contract's advice JSON, with `not_before` moved to `today` when it has passed."""
        payload: dict[str, Any] = json.loads(self.payload_json)
        payload["not_before"] = self.not_before.isoformat() if self.not_before else None
        return payload

    @property
    def stopped(self) -> bool:
        """The advice is `stop`: the introduction is over whatever status it was left in."""
        return self.action == "stop"

    @property
    def program(self) -> str:
        """The id of the program the advice follows."""
        return str(self.payload["program"])

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(self.payload.get("reasons", ()))

    @property
    def overdue_days(self) -> int:
        """Days since the next session fell due (0 when it is not due yet or nothing is due)."""
        if self.action in ("wait", "stop", "complete") or self.due_on is None:
            return 0
        return max(0, (self.today - self.due_on).days)
