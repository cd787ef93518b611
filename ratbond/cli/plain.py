"""Plain-text pieces of the command line's output, without Rich: step and date wording, date
options, the database, and the console's width and colours as Rich would choose them.

`ratbond today` prints its plan with these alone when the output goes to a file or a pipe, so
it does not import Rich there; `ratbond.cli.display` re-exports them for the other commands.
"""

from __future__ import annotations

import os
import sys
from functools import cache

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing `typing`
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

    from ratbond.store import Database
else:
    from ratbond import leandate as dt

# A piece of a line and its Rich style ("" for none).
Segment = tuple[str, str]

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
    from ratbond.store import open_database  # SQLAlchemy: imported only when a command needs it

    return open_database()


def parse_day(value: str | None, option: str) -> dt.date | None:
    """A date option: YYYY-MM-DD, `today` or `yesterday`."""
    if value is None:
        return None
    # The errors and the scenario's date rules: imported only for a date to read.
    from ratbond.errors import InputError
    from ratbond.scenario import parse_date

    word = value.strip().lower()
    if word == "today":
        return dt.date.today()
    if word == "yesterday":
        return dt.date.today() - dt.timedelta(days=1)
    try:
        return parse_date(value.strip(), (option,))
    except InputError as error:
        raise InputError(option, error.message + " (or 'today', 'yesterday')") from None


@cache  # a rescue's plan asks the same few days and steps thousands of times
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


@cache
def step_text(action: str, stage: str, minutes: float | None) -> str:
    """`Repeat visual, 8 min`."""
    if action in ("stop", "complete"):
        return f"{ACTION_WORDS[action]} (last stage {stage})"
    length = minutes_text(minutes)
    return f"{ACTION_WORDS[action]} {stage}" + (f", {length}" if length else "")


def styled_output() -> bool:
    """Whether Rich would write escape codes to standard output: a terminal, or one forced on
    with `TTY_COMPATIBLE` or `FORCE_COLOR` (Rich's rules; when unsure, leave it to Rich)."""
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ:
        return True
    try:
        return sys.stdout.isatty()
    except ValueError:  # closed
        return False


def plain_width() -> int:
    """The width Rich gives output that is not a terminal: `COLUMNS`, else the size of the
    terminal on standard input, output or error, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def write_plain(lines: Iterable[Sequence[Segment]]) -> None:
    """Lines as text, their styles dropped: what Rich writes where it writes no escape codes."""
    # Most lines are one segment (a plan's introductions, unstyled): taken as they are.
    texts = [
        line[0][0] if len(line) == 1 else "".join([text for text, _ in line]) for line in lines
    ]
    texts.append("")  # the last line ends with a newline too
    sys.stdout.write("\n".join(texts))
    sys.stdout.flush()
