"""`ratbond today`: the day's plan across every active introduction, most urgent first."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ratbond.cli.display import SEVERITY_STYLE, database, out, parse_day, step_text, when
from ratbond.programs import builtin_vocabulary
from ratbond.store.agenda import AgendaItem, agenda

KIND_LABELS = {
    "alert": ("ALERT", "bold red"),
    "overdue": ("overdue", "yellow"),
    "due": ("due", "green"),
    "prerequisite": ("blocked", "magenta"),
    "waiting": ("waiting", "cyan"),
    "later": ("later", "dim"),
    "complete": ("done", "green"),
}


def _status(item: AgendaItem, today: dt.date) -> Text:
    advice = item.advice
    catalogue = builtin_vocabulary().alerts
    if item.kind == "overdue":
        return Text(f"{advice.overdue_days} days overdue (due {advice.due_on})", style="yellow")
    if item.kind == "waiting" and item.countdown is not None:
        return Text(f"{item.gate} ends {when(advice.not_before, today)}", style="cyan")
    if item.kind == "prerequisite":
        missing = [
            catalogue[a].title
            for a in advice.alerts
            if a in ("health_check_needed", "assessment_needed")
        ]
        return Text("; ".join(missing), style="magenta")
    if item.kind == "complete":
        return Text("program complete: ratbond intro complete " + item.key, style="green")
    return Text(when(advice.not_before, today))


def today(
    date: Annotated[str | None, typer.Option(help="Plan for another day (YYYY-MM-DD).")] = None,
) -> None:
    """Every active introduction's next step and date, most urgent first."""
    day = parse_day(date, "--date") or dt.date.today()
    items = agenda(database(), today=day)
    if not items:
        out.print("Nothing planned: no active introductions. Start one with 'ratbond intro start'.")
        return
    catalogue = builtin_vocabulary().alerts
    table = Table(title=f"Plan for {day.isoformat()}", title_justify="left")
    table.add_column("", no_wrap=True)
    table.add_column("intro", style="cyan", no_wrap=True)
    table.add_column("animals")
    table.add_column("next step")
    table.add_column("when / status")
    table.add_column("alerts")
    for item in items:
        label, style = KIND_LABELS[item.kind]
        alerts = Text()
        for code in item.advice.alerts:
            if alerts:
                alerts.append(", ")
            alerts.append(code, style=SEVERITY_STYLE[catalogue[code].severity])
        table.add_row(
            Text(label, style=style),
            item.key,
            item.label,
            step_text(item.advice.action, item.advice.stage, item.advice.minutes),
            _status(item, day),
            alerts,
        )
    out.print(table)
    counts: dict[str, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    out.print(", ".join(f"{n} {KIND_LABELS[k][0]}" for k, n in counts.items()), style="dim")
