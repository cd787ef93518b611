"""`ratbond today`: the day's plan across every active introduction, most urgent first."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
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


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def today(
    date: Annotated[str | None, typer.Option(help="Plan for another day (YYYY-MM-DD).")] = None,
) -> None:
    """Every active introduction's next step and date, most urgent first."""
    day = parse_day(date, "--date") or dt.date.today()
    from ratbond.cli.care_records import print_care_today

    db = database()
    items = agenda(db, today=day)
    if not items:
        out.print("Nothing planned: no active introductions. Start one with 'ratbond intro start'.")
        print_care_today(db, day)
        return
    # Plain aligned lines rather than a Rich table: a rescue's plan has thousands of rows and
    # measuring a table that size costs seconds; this costs milliseconds.
    catalogue = builtin_vocabulary().alerts
    rows = [
        (
            item,
            item.key,
            item.label,
            step_text(item.advice.action, item.advice.stage, item.advice.minutes),
            _status(item, day),
        )
        for item in items
    ]
    widths = [
        min(max(len(row[1]) for row in rows), 24),
        min(max(len(row[2]) for row in rows), 30),
        min(max(len(row[3]) for row in rows), 34),
        min(max(len(row[4].plain) for row in rows), 44),
    ]
    page = Text(f"Plan for {day.isoformat()}: {len(items)} active introductions\n", style="bold")
    for item, key, label, step, status in rows:
        kind, style = KIND_LABELS[item.kind]
        page.append(kind.ljust(8), style=style)
        page.append(_fit(key, widths[0]) + "  ", style="cyan")
        page.append(_fit(label, widths[1]) + "  ")
        page.append(_fit(step, widths[2]) + "  ")
        status_text = status.copy()
        status_text.truncate(widths[3], pad=True)
        page.append_text(status_text)
        for index, code in enumerate(item.advice.alerts):
            page.append(", " if index else "  ")
            page.append(code, style=SEVERITY_STYLE[catalogue[code].severity])
        page.append("\n")
    out.print(page, soft_wrap=True, end="")
    counts: dict[str, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    out.print(", ".join(f"{n} {KIND_LABELS[k][0]}" for k, n in counts.items()), style="dim")
    print_care_today(db, day)
