"""Shared pieces of the household commands: the database, date options, advice rendering."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.text import Text

from ratbond.errors import InputError
from ratbond.model import Advice, AlertCode
from ratbond.programs import builtin_vocabulary
from ratbond.scenario import parse_date
from ratbond.store import Database, open_database
from ratbond.store.records import StoredAdvice

out = Console(highlight=False)

SEVERITY_STYLE = {"danger": "bold red", "warning": "yellow", "info": "cyan"}
CLASS_STYLE = {
    "calm": "green",
    "stress": "yellow",
    "aggression": "bold dark_orange",
    "danger": "bold red",
    "illness": "magenta",
}
ACTION_WORDS = {
    "start": "Start",
    "wait": "Wait",
    "repeat": "Repeat",
    "advance": "Move on to",
    "step_back": "Go back to",
    "stop": "Stop the introduction",
    "complete": "Complete",
}


def database() -> Database:
    """The database the environment selects (RATBOND_DATABASE_URL, else the default file)."""
    return open_database()


def parse_day(value: str | None, option: str) -> dt.date | None:
    """A date option: YYYY-MM-DD, `today` or `yesterday`."""
    if value is None:
        return None
    word = value.strip().lower()
    if word == "today":
        return dt.date.today()
    if word == "yesterday":
        return dt.date.today() - dt.timedelta(days=1)
    try:
        return parse_date(value.strip(), (option,))
    except InputError as error:
        raise InputError(option, error.message + " (or 'today', 'yesterday')") from None


def when(day: dt.date | None, today: dt.date) -> str:
    """`today`, `tomorrow`, `in 5 days (2026-12-01)`, `2 days ago (...)`."""
    if day is None:
        return "—"
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return f"yesterday ({day.isoformat()})"
    if delta > 0:
        return f"in {delta} days ({day.isoformat()})"
    return f"{-delta} days ago ({day.isoformat()})"


def minutes_text(minutes: float | None) -> str:
    if minutes is None:
        return ""
    if minutes < 1:
        return f"{minutes * 60:.0f} seconds"
    return f"{minutes:g} min"


def step_text(action: str, stage: str, minutes: float | None) -> str:
    """`Repeat visual, 8 min`."""
    if action in ("stop", "complete"):
        return f"{ACTION_WORDS[action]} (last stage {stage})"
    length = minutes_text(minutes)
    return f"{ACTION_WORDS[action]} {stage}" + (f", {length}" if length else "")


def alert_lines(alerts: tuple[AlertCode, ...]) -> list[Text]:
    """One coloured line per alert, the most severe first."""
    catalogue = builtin_vocabulary().alerts
    order = {"danger": 0, "warning": 1, "info": 2}
    lines = []
    for code in sorted(alerts, key=lambda c: (order[catalogue[c].severity], c)):
        info = catalogue[code]
        style = SEVERITY_STYLE[info.severity]
        line = Text("! ", style=style)
        line.append(info.title, style=style)
        line.append(f" [{code}] ", style="dim")
        line.append(info.advice)
        lines.append(line)
    return lines


def print_advice(advice: Advice | StoredAdvice, today: dt.date) -> None:
    """Alerts first and in colour, then the next step, its date and why."""
    for line in alert_lines(advice.alerts):
        out.print(line)
    step = Text("Next: ", style="bold")
    step.append(step_text(advice.action, advice.stage, advice.minutes), style="bold cyan")
    if advice.not_before is not None:
        step.append(f" — {when(advice.not_before, today)}")
    out.print(step)
    for reason in advice.reasons:
        out.print(Text("  " + reason, style="dim"))
    if isinstance(advice, StoredAdvice) and advice.overdue_days:
        out.print(Text(f"  Overdue by {advice.overdue_days} days.", style="yellow"))
