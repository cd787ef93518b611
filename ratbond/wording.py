"""How a step of advice, a length of session and a day read to an owner, on the command line and
on the web pages alike: `Move on to Swapping scents, 2 hours`, `45 seconds`, `in 3 days
(2026-11-23)`. A stage is always named by its title (`ratbond.programs.stage_title`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ratbond.model import Action, Advice
    from ratbond.store.records import StoredAdvice

ACTION_WORDS: dict[Action, str] = {
    "start": "Start with",
    "wait": "Wait",
    "repeat": "Repeat",
    "advance": "Move on to",
    "step_back": "Go back to",
    "stop": "Stop the introduction",
    "complete": "Complete",
}
"""Each action as the first words of a step; the stage's title follows them (`Repeat Seeing
each other`)."""


def minutes_text(minutes: float | None) -> str:
    """`8 min`, `2.5 min`, `45 seconds` under a minute, or empty when there is no length."""
    if minutes is None:
        return ""
    if minutes < 1:
        seconds = round(minutes * 60)
        return f"{seconds} second" + ("" if seconds == 1 else "s")
    return f"{round(minutes, 1):g} min"


def step_text(action: Action, stage: str, minutes: float | None = None) -> str:
    """`Repeat Seeing each other, 8 min`; a wait names the stage it waits in, a stop or a
    completion the stage it ended on. `stage` is the stage's title (`stage_title`)."""
    if action in ("stop", "complete"):
        return f"{ACTION_WORDS[action]} (last stage: {stage})"
    if action == "wait":
        return f"{ACTION_WORDS[action]} ({stage})"
    length = minutes_text(minutes)
    return f"{ACTION_WORDS[action]} {stage}" + (f", {length}" if length else "")


def advice_step(advice: Advice | StoredAdvice, *, minutes: bool = True) -> str:
    """The step an advice asks for, its stage named by its title: `Move on to Swapping
    scents, 2 hours` (without the length unless `minutes`)."""
    from ratbond.programs import stage_title

    title = stage_title(advice.program, advice.stage)
    return step_text(advice.action, title, advice.minutes if minutes else None)


def seen_text(seen: Iterable[tuple[str, str]]) -> str:
    """What a session showed, by animal: `Tom: hissing, ears flat; Pip: freezing`."""
    by_animal: dict[str, list[str]] = {}
    for animal, signal in seen:
        by_animal.setdefault(animal, []).append(signal.replace("_", " "))
    return "; ".join(f"{animal}: {', '.join(names)}" for animal, names in by_animal.items())


def during_session(day: str, seen: Iterable[tuple[str, str]]) -> str:
    """An alert of a past session's, read on a later day as what happened then: `on DAY,
    during that session (seen: Tom: hissing)`."""
    shown = seen_text(seen)
    return f"on {day}, during that session" + (f" (seen: {shown})" if shown else "")


def days_text(days: int) -> str:
    """`today`, `tomorrow`, `yesterday`, `in 5 days`, `2 days ago`."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def when(day: dt.date | None, today: dt.date) -> str:
    """`today`, `tomorrow`, else the days and the date: `in 5 days (2026-12-01)`; `—` for none."""
    if day is None:
        return "—"
    days = (day - today).days
    if days in (0, 1):
        return days_text(days)
    return f"{days_text(days)} ({day.isoformat()})"
