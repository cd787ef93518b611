"""Shared pieces of the household commands: the database, date options, advice rendering.

The pieces that need no Rich live in `ratbond.cli.plain` (for `ratbond today`'s fast path) and
are re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style
from rich.text import Text

from ratbond.cli.plain import ACTION_WORDS as ACTION_WORDS
from ratbond.cli.plain import CLASS_STYLE as CLASS_STYLE
from ratbond.cli.plain import SEVERITY_STYLE as SEVERITY_STYLE
from ratbond.cli.plain import Segment
from ratbond.cli.plain import database as database
from ratbond.cli.plain import minutes_text as minutes_text
from ratbond.cli.plain import parse_day as parse_day
from ratbond.cli.plain import step_text as step_text
from ratbond.cli.plain import when as when
from ratbond.errors import RatbondError
from ratbond.model import Advice
from ratbond.programs import builtin_vocabulary
from ratbond.store.records import StoredAdvice

if TYPE_CHECKING:
    from ratbond.model import AlertCode

out = Console(highlight=False)
err = Console(stderr=True)


def print_error(error: RatbondError) -> int:
    """A user's mistake as one line on standard error; the exit status to give (2)."""
    err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
    return 2


def write_lines(lines: Iterable[Sequence[Segment]]) -> None:
    """Styled lines, written as `out.print(Text.assemble(*line), soft_wrap=True)` would write
    them, byte for byte: each segment goes through its Rich `Style` for this console's colours.
    It skips Rich's layout of every line, which costs seconds for a rescue's plan.
    """
    colours = COLOR_SYSTEMS.get(out.color_system or "")
    styles: dict[str, Style] = {}

    def render(text: str, name: str) -> str:
        if not name:
            return text
        if name not in styles:
            style = Style.parse(name)
            styles[name] = style.without_color if out.no_color and colours else style
        return styles[name].render(text, color_system=colours, legacy_windows=out.legacy_windows)

    out.file.write("".join("".join(render(*s) for s in line) + "\n" for line in lines))
    out.file.flush()


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


def print_rows(
    title: str, rows: Sequence[dict[str, str | Text]], no_wrap: Iterable[str] = ()
) -> None:
    """`rows` (column name to cell, the same columns in each) as a table, leaving out every
    column nobody filled in: an empty column only takes room from the others at 80 columns."""
    from rich.table import Table

    columns = [name for name in rows[0] if any(row[name] for row in rows)] if rows else []
    keep_whole = set(no_wrap)
    table = Table(title=title)
    for column in columns:
        table.add_column(column, no_wrap=column in keep_whole)
    for row in rows:
        table.add_row(*(row[column] for column in columns))
    out.print(table)
