"""How a step of advice, a length of session and a day read to an owner, on the command line and
on the web pages alike: `Move on to visual, 5 min`, `45 seconds`, `in 3 days (2026-11-23)`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ratbond.model import Action

ACTION_WORDS: dict[Action, str] = {
    "start": "Start",
    "wait": "Wait",
    "repeat": "Repeat",
    "advance": "Move on to",
    "step_back": "Go back to",
    "stop": "Stop the introduction",
    "complete": "Complete",
}
"""Each action as the first words of a step; the stage follows them (`Repeat visual`)."""


def minutes_text(minutes: float | None) -> str:
    """`8 min`, `2.5 min`, `45 seconds` under a minute, or empty when there is no length."""
    if minutes is None:
        return ""
    if minutes < 1:
        seconds = round(minutes * 60)
        return f"{seconds} second" + ("" if seconds == 1 else "s")
    return f"{round(minutes, 1):g} min"


def step_text(action: Action, stage: str, minutes: float | None = None) -> str:
    """`Repeat visual, 8 min`; a stop or a completion names the stage it ended on. `stage` is
    whatever names the stage on the screen: its id or its title."""
    if action in ("stop", "complete"):
        return f"{ACTION_WORDS[action]} (last stage {stage})"
    length = minutes_text(minutes)
    return f"{ACTION_WORDS[action]} {stage}" + (f", {length}" if length else "")


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
