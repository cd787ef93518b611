"""`ratbond today`: the day's plan across every active introduction, most urgent first, then
the care part (health alerts, care tasks due or overdue); `ratbond care tasks` prints the care
part too (`care_text`). Both read the store's plan (`ratbond.store.agenda`,
`ratbond.store.care_plan`) and print it with Rich."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from rich.text import Text

from ratbond.alerts import most_severe_first
from ratbond.care.routine import Status, group_tasks
from ratbond.cli.display import SEVERITY_STYLE, database, out, parse_day
from ratbond.errors import InputError
from ratbond.limits import PLAN_AHEAD_DAYS
from ratbond.programs import builtin_vocabulary, stage_title
from ratbond.store.agenda import AgendaItem, agenda, plan_kept_since
from ratbond.store.care_plan import CarePlan, care_plan
from ratbond.store.urgency import (
    PREREQUISITE_ALERTS,
    Kind,
    alerts_now,
    called_on,
    past_alerts,
    seen,
)
from ratbond.wording import advice_step, days_text, during_session, when

if TYPE_CHECKING:
    from ratbond.model import AlertCode, AlertInfo
    from ratbond.store.db import Database

KIND_LABELS: dict[Kind, tuple[str, str]] = {
    "alert": ("ALERT", "bold red"),
    "overdue": ("overdue", "yellow"),
    "due": ("due", "green"),
    "prerequisite": ("blocked", "magenta"),
    "waiting": ("waiting", "cyan"),
    "later": ("later", "dim"),
    "complete": ("done", "green"),
}
STOPPED = ("STOPPED", "bold red")
"""The label of an introduction whose advice is `stop`, first among the alerts."""
CARE_STATUS_STYLE: dict[Status, str] = {"overdue": "yellow", "due": "green", "later": "dim"}
NOTHING = "Nothing planned: no active introductions. Start one with 'ratbond intro start'."
INDENT = 8
"""The width of the first column (the kind, the care status); a line that goes on is indented
by as much."""
GAP = "  "


def plan_day(db: Database | None, date: str | None, today: dt.date) -> dt.date:
    """The day `--date` asks the plan for: today (by default), a day ahead up to
    `PLAN_AHEAD_DAYS`, or a past day whose introductions' plan is kept (`plan_kept_since`:
    nothing was worked out again since; without `db`, the care part alone, any past day).
    Any other day is a mistake, named with what to do instead."""
    day = parse_day(date, "--date") or today
    ahead = (day - today).days
    if ahead > PLAN_AHEAD_DAYS:
        last = today + dt.timedelta(days=PLAN_AHEAD_DAYS)
        raise InputError(
            "--date",
            f"{day.isoformat()} is {ahead:,} days ahead; the plan looks at most "
            f"{PLAN_AHEAD_DAYS} days ahead, as each later day assumes nothing is logged "
            f"before it: give a date up to {last.isoformat()}",
        )
    if ahead < 0 and db is not None:
        kept = plan_kept_since(db)
        if kept is not None and day < kept:
            raise InputError(
                "--date",
                f"{day.isoformat()} is before {kept.isoformat()}, when the plan was last "
                "worked out again (something was logged or changed), so the plan of that day "
                "is not kept; give a later date, or see what happened with "
                "'ratbond history INTRO'",
            )
    return day


def plan_label(day: dt.date, today: dt.date) -> str:
    """What a plan for another day than today is: `in 5 days (2026-12-09), if nothing is
    logged before then`, `3 days ago (2026-12-01), as it stood then`; empty for today."""
    if day == today:
        return ""
    if day > today:
        return f"Planning ahead: {when(day, today)}, if nothing is logged before then."
    return f"The plan of {days_text((day - today).days)} ({day.isoformat()}), as it stood then."


def today(date: str | None) -> None:
    """Print the plan and the care part for `date` (default: today; `plan_day` says which
    other days)."""
    db = database()
    now = dt.date.today()
    day = plan_day(db, date, now)
    items = agenda(db, today=day)
    care = care_plan(db, today=day)
    text = Text()
    label = plan_label(day, now)
    if label:
        text.append(label + "\n\n", style="bold yellow")
    if care.alerts:
        # An animal's health comes before any pacing or routine.
        text.append("Health\n", style="bold")
        text.append_text(health_text(care))
        text.append("\n")
    text.append_text(plan_text(items, day, out.width) if items else Text(NOTHING + "\n"))
    if care.tasks:
        text.append("\nCare\n", style="bold")
        text.append_text(care_text(care, day, health=False))
    out.print(text, end="")


def _columns(item: AgendaItem, day: dt.date, catalogue: dict[AlertCode, AlertInfo]) -> list[Text]:
    """An introduction's columns after its kind: id, program, animals, next step, when (or
    what it waits for), and its alerts when it has any."""
    advice = item.advice
    if item.kind == "overdue":
        days = advice.overdue_days
        status = Text(
            f"{days} day{'' if days == 1 else 's'} overdue (due {advice.due_on})", style="yellow"
        )
    elif item.kind == "waiting":
        gate = stage_title(item.program, item.gate or "")
        status = Text(f"{gate} ends {when(advice.not_before, day)}", style="cyan")
    elif item.kind == "prerequisite":
        missing = [catalogue[code].title for code in advice.alerts if code in PREREQUISITE_ALERTS]
        status = Text("; ".join(missing), style="magenta")
    elif item.kind == "complete":
        status = Text(f"program complete: ratbond intro complete {item.key}", style="green")
    else:
        status = Text(when(advice.not_before, day))
    columns = [
        Text(item.key, style="cyan"),
        Text(item.program),
        Text(item.label),
        Text(advice_step(advice)),
        status,
    ]
    if advice.alerts:
        # What needs doing today first, by title; a past session's own alerts then, as what
        # happened that day and what was seen.
        day_of = str(called_on(advice))
        columns.append(
            Text(", ").join(
                [
                    *(
                        Text(info.title, style=SEVERITY_STYLE[info.severity])
                        for _, info in most_severe_first(alerts_now(advice), item.program)
                    ),
                    *(
                        Text(f"{catalogue[code].title} {during_session(day_of, seen(advice))}")
                        for code in past_alerts(advice)
                    ),
                ]
            )
        )
    return columns


def plan_text(items: list[AgendaItem], day: dt.date, width: int) -> Text:
    """A heading, then a line per introduction with its columns aligned when every line fits
    in `width`; otherwise each introduction's columns follow one another, going on to indented
    lines where the next would not fit (`_hanging`). Then a count per kind."""
    # An introduction whose advice is `stop` is over, whatever its status says: it is listed
    # (its animals must be kept apart) but not counted as active.
    stopped = sum(1 for item in items if item.advice.stopped)
    count = len(items) - stopped
    text = Text()
    text.append(
        f"Plan for {day.isoformat()}: {count} active introduction{'' if count == 1 else 's'}"
        + (f", {stopped} stopped (keep those animals apart)" if stopped else "")
        + "\n",
        style="bold",
    )
    catalogue = builtin_vocabulary().alerts
    rows = [_columns(item, day, catalogue) for item in items]
    widths = [
        max(row[i].cell_len for row in rows if len(row) > i) for i in range(max(map(len, rows)))
    ]
    aligned = INDENT + sum(widths) + len(GAP) * (len(widths) - 1) <= width
    labels = [STOPPED if item.advice.stopped else KIND_LABELS[item.kind] for item in items]
    for (label, style), row in zip(labels, rows, strict=True):
        if not aligned:
            text.append_text(_hanging(Text(label, style=style), row, width))
            continue
        text.append(label.ljust(INDENT), style=style)
        for index, column in enumerate(row):
            if index:
                text.append(GAP + " " * (widths[index - 1] - row[index - 1].cell_len))
            text.append_text(column)
        text.append("\n")
    counts = Counter(label for label, _ in labels)
    text.append(
        ", ".join(
            f"{counts[label]} {label}"
            for label, _ in (STOPPED, *KIND_LABELS.values())
            if counts[label]
        )
        + "\n",
        style="dim",
    )
    return text


def health_text(plan: CarePlan) -> Text:
    """A line per health alert of the care plan (a weight loss, a grooming finding)."""
    text = Text()
    for alert in plan.alerts:
        text.append_text(
            _hanging(Text("ALERT", style="bold red"), [Text(alert.message)], out.width)
        )
    return text


def care_text(
    plan: CarePlan, day: dt.date, *, everything: bool = False, health: bool = True
) -> Text:
    """Health alerts (unless not `health`: printed apart), then the care tasks, one line per
    task and status with the animals' names: only the tasks due or overdue and a hint unless
    `everything`; with nothing due and no alert, one line saying so."""
    tasks = plan.tasks if everything else plan.pressing
    if not everything and not (health and plan.alerts) and not tasks:
        return Text.assemble(
            ("Nothing due.", "green"),
            " ",
            ("All care tasks are up to date: ratbond care tasks", "dim"),
            "\n",
        )
    width = out.width
    text = health_text(plan) if health else Text()
    for group in group_tasks(tasks):
        for line in group.lines:
            first = line.first
            whom = f" ({', '.join(line.names)})" if line.names else ""
            if first.last_done is None:
                detail = "never recorded"
            elif line.status == "overdue":
                days = -first.days_left
                detail = f"{days} day{'' if days == 1 else 's'} overdue, last {first.last_done}"
            else:
                detail = f"due {when(first.due, day)}"
            status = Text(line.status, style=CARE_STATUS_STYLE[line.status])
            text.append_text(_hanging(status, [Text(f"{group.task.title}{whom}: {detail}")], width))
    if not everything:
        later = len(plan.tasks) - len(tasks)
        hint = f"{later} more later; " if later else ""
        text.append(f"{hint}record one with 'ratbond care done TASK'\n", style="dim")
    return text


def _hanging(head: Text, parts: list[Text], width: int) -> Text:
    """`head` in the first column, then `parts` one after another on lines of `width`, each
    line after the first indented past the first column: a part goes on to the next line where
    it would not fit, and one too long for any line is wrapped between its words."""
    room = max(width - INDENT, INDENT)
    lines: list[Text] = []
    for part in parts:
        if lines and lines[-1].cell_len + len(GAP) + part.cell_len <= room:
            lines[-1].append(GAP)
            lines[-1].append_text(part)
            continue
        for piece in part.wrap(out, room):
            piece.rstrip()
            lines.append(Text().append_text(piece))  # a line of its own style, not the piece's
    text = Text()
    text.append_text(head)
    text.append(" " * (INDENT - head.cell_len))
    text.append_text(Text("\n" + " " * INDENT).join(lines))
    text.append("\n")
    return text
