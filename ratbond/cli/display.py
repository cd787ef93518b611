"""Shared pieces of the household commands: the database, date options, advice rendering."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from ratbond.alerts import alert_info, most_severe_first
from ratbond.cli.console import err as err
from ratbond.cli.console import out as out
from ratbond.cli.console import shown as shown
from ratbond.errors import InputError, RatbondError
from ratbond.model import Advice
from ratbond.scenario import parse_date
from ratbond.wording import ACTION_WORDS as ACTION_WORDS
from ratbond.wording import advice_step, during_session
from ratbond.wording import minutes_text as minutes_text
from ratbond.wording import step_text as step_text
from ratbond.wording import when as when

if TYPE_CHECKING:
    from ratbond.model import AlertCode
    from ratbond.store import Database
    from ratbond.store.records import StoredAdvice

SEVERITY_STYLE = {"danger": "bold red", "warning": "yellow", "info": "cyan"}
CLASS_STYLE = {
    "calm": "green",
    "stress": "yellow",
    "aggression": "bold dark_orange",
    "danger": "bold red",
    "illness": "magenta",
}


def print_error(error: RatbondError) -> int:
    """A user's mistake as one line on standard error; the exit status to give (2)."""
    err.print(f"[bold red]error:[/] {shown(error)}", highlight=False, soft_wrap=True)
    return 2


def database() -> Database:
    """The database the environment selects (RATBOND_DATABASE_URL, else the default file),
    as the person and household this run acts as (`ratbond.cli.people.scoped`)."""
    from ratbond.cli.people import scoped
    from ratbond.store import open_database  # SQLAlchemy: imported only when a command needs it

    return scoped(open_database())


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


def alert_lines(alerts: tuple[AlertCode, ...], program: str | None = None) -> list[Text]:
    """One coloured line per alert, the most severe first, in `program`'s words."""
    lines = []
    for code, info in most_severe_first(alerts, program):
        style = SEVERITY_STYLE[info.severity]
        line = Text("! ", style=style)
        line.append(info.title, style=style)
        line.append(f" [{code}] ", style="dim")
        line.append(info.advice)
        lines.append(line)
    return lines


def print_advice(advice: Advice | StoredAdvice, today: dt.date) -> None:
    """Alerts first and in colour, then the next step, its date and why; last, alerts that
    belonged to a past day's session, as what happened then."""
    # Here, not at the top: listing signals needs no database.
    from ratbond.store.records import StoredAdvice
    from ratbond.store.urgency import called_on, past_alerts, past_of, seen

    program = advice.program
    if isinstance(advice, StoredAdvice):
        past, called, shown = past_alerts(advice), called_on(advice), seen(advice)
    else:  # as it stands on `today`, e.g. the date of a diary's session
        called, shown = advice.decided_on, advice.seen
        past = past_of(advice.alerts, called, today)
    now = tuple(code for code in advice.alerts if code not in past)
    for line in alert_lines(now, program):
        out.print(line)
    step = Text("Next: ", style="bold")
    step.append(advice_step(advice), style="bold cyan")
    if advice.not_before is not None:
        step.append(f" — {when(advice.not_before, today)}")
    out.print(step)
    for reason in advice.reasons:
        out.print(Text("  " + reason, style="dim"))
    if isinstance(advice, StoredAdvice) and advice.overdue_days:
        out.print(Text(f"  Overdue by {advice.overdue_days} days.", style="yellow"))
    for code in past:
        title = alert_info(code, program).title
        out.print(Text(f"  {title} — {during_session(str(called), shown)}.", "dim"))


def print_rows(
    title: str, rows: Sequence[dict[str, str | Text]], no_wrap: Iterable[str] = ()
) -> None:
    """`rows` (column name to cell, the same columns in each) as a table, leaving out every
    column nobody filled in: an empty column only takes room from the others at 80 columns."""
    from rich.table import Table

    columns = [name for name in rows[0] if any(row[name] for row in rows)] if rows else []
    keep_whole = set(no_wrap)
    table = Table(title=shown(title))
    for column in columns:
        table.add_column(column, no_wrap=column in keep_whole)
    for row in rows:
        cells = (row[column] for column in columns)
        table.add_row(*(shown(cell) if isinstance(cell, str) else cell for cell in cells))
    out.print(table)
