"""Builders for scenario documents used across the engine tests (plain dicts, as a caller sends)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ratbond.evaluate import advise_text

TODAY = dt.date(2026, 11, 20)

ANIMALS: dict[str, list[dict[str, Any]]] = {
    "cat-rat": [
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
    "rat-rat": [
        {"id": "nova", "species": "rat", "arrived": "2026-10-01"},
        {"id": "rex", "species": "rat", "arrived": "2025-05-01"},
        {"id": "max", "species": "rat", "arrived": "2025-05-01"},
    ],
    "rat-human": [{"id": "pip", "species": "rat", "origin": "breeder", "arrived": "2026-10-01"}],
}
ROLES: dict[str, dict[str, list[str]]] = {
    "cat-rat": {"cat": ["tom"], "rat": ["pip"]},
    "rat-rat": {"newcomer": ["nova"], "residents": ["rex", "max"]},
    "rat-human": {"rat": ["pip"]},
}


def day(offset: int) -> str:
    """The ISO date `offset` days before TODAY (0 is today)."""
    return (TODAY - dt.timedelta(days=offset)).isoformat()


def session(
    ago: int,
    stage: str,
    minutes: float | None = None,
    signals: dict[str, list[str]] | None = None,
    supervised: bool = True,
    notes: str | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {"date": day(ago), "stage": stage, "supervised": supervised}
    if minutes is not None:
        entry["minutes"] = minutes
    if signals:
        entry["signals"] = signals
    if notes is not None:
        entry["notes"] = notes
    return entry


def calm_run(
    stage: str, count: int, first_ago: int, minutes: float | None = None
) -> list[dict[str, Any]]:
    """`count` calm sessions at `stage`, one a day, the first `first_ago` days before today."""
    return [session(first_ago - i, stage, minutes) for i in range(count)]


def scenario(
    program: str,
    sessions: list[dict[str, Any]] | None = None,
    animals: list[dict[str, Any]] | None = None,
    roles: dict[str, list[str]] | None = None,
    today: dt.date = TODAY,
) -> dict[str, Any]:
    return {
        "program": program,
        "today": today.isoformat(),
        "animals": json.loads(json.dumps(animals if animals is not None else ANIMALS[program])),
        "roles": json.loads(json.dumps(roles if roles is not None else ROLES[program])),
        "sessions": sessions or [],
    }


def advise(document: dict[str, Any]) -> dict[str, Any]:
    """The advice JSON for a scenario document, as `ratbond evaluate` would print it."""
    return advise_text(json.dumps(document)).to_json()


def cat_rat(sessions: list[dict[str, Any]], **changes: Any) -> dict[str, Any]:
    """The advice for Tom and Pip's cat-rat scenario with `sessions`; `changes` updates an
    animal by id (`pip={"health_check": ...}`)."""
    document = scenario("cat-rat", sessions)
    for animal in document["animals"]:
        animal.update(changes.get(animal["id"], {}))
    return advise(document)
