"""`ratbond today`: the day's plan across every active introduction, most urgent first, then
the care part (health alerts, care tasks due or overdue).

The console script sends `ratbond today [--date DAY]` to `fast_today`, which reads both from
the SQLite store with the standard library's sqlite3, in one read transaction, without
building the Typer application or importing SQLAlchemy; `--help`, other options and other
stores go through Typer (`ratbond.cli.app.today`) and SQLAlchemy. Both print with `show_plan`,
with Rich only where it would write colours; `ratbond care tasks` prints with `care_lines` too.
"""

from __future__ import annotations

import datetime as dt
import gc
import os

from ratbond.cli.plain import (
    SEVERITY_STYLE,
    database,
    parse_day,
    plain_width,
    step_text,
    styled_output,
    when,
    write_plain,
)
from ratbond.errors import RatbondError
from ratbond.model import TYPE_CHECKING
from ratbond.programs import builtin_vocabulary
from ratbond.store.agenda import read_agenda
from ratbond.store.care_plan import read_care_plan
from ratbond.store.sqltext import read_sqlite, sqlite_file

if TYPE_CHECKING:
    from ratbond.care.routine import TaskDue
    from ratbond.cli.plain import Segment
    from ratbond.store.agenda import AgendaItem
    from ratbond.store.care_plan import CarePlan
    from ratbond.store.sqltext import Run

KIND_LABELS = {
    "alert": ("ALERT", "bold red"),
    "overdue": ("overdue", "yellow"),
    "due": ("due", "green"),
    "prerequisite": ("blocked", "magenta"),
    "waiting": ("waiting", "cyan"),
    "later": ("later", "dim"),
    "complete": ("done", "green"),
}
NOTHING = "Nothing planned: no active introductions. Start one with 'ratbond intro start'."
CARE_STATUS_STYLE = {"overdue": "yellow", "due": "green", "later": "dim"}
INDENT = 8  # the kind column
# The widest each column may grow (key, animals, step, status) before it is cut with `…`.
WIDEST = (24, 30, 34, 44)
# On a console too narrow for one line per introduction, the first line holds the kind, key,
# animals and step (key and animals at most this wide), the second the status and alerts.
NARROW = (16, 20)


def _status(item: AgendaItem, today: dt.date) -> Segment:
    advice = item.advice
    if item.kind == "overdue":
        return f"{advice.overdue_days} days overdue (due {advice.due_on})", "yellow"
    if item.kind == "waiting" and item.countdown is not None:
        return f"{item.gate} ends {when(advice.not_before, today)}", "cyan"
    if item.kind == "prerequisite":
        catalogue = builtin_vocabulary().alerts
        missing = [
            catalogue[a].title
            for a in advice.alerts
            if a in ("health_check_needed", "assessment_needed")
        ]
        return "; ".join(missing), "magenta"
    if item.kind == "complete":
        return "program complete: ratbond intro complete " + item.key, "green"
    return when(advice.not_before, today), ""


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def plan_lines(items: list[AgendaItem], today: dt.date, width: int) -> list[list[Segment]]:
    """The plan as styled lines: a heading, one line per introduction (two when `width` is too
    narrow for one), and a count per kind. Columns are as wide as their longest entry."""
    catalogue = builtin_vocabulary().alerts
    rows = [
        (
            item,
            item.key,
            item.label,
            step_text(item.advice.action, item.advice.stage, item.advice.minutes),
            _status(item, today),
        )
        for item in items
    ]
    widths = [
        min(max(len(row[1]) for row in rows), WIDEST[0]),
        min(max(len(row[2]) for row in rows), WIDEST[1]),
        min(max(len(row[3]) for row in rows), WIDEST[2]),
        min(max(len(row[4][0]) for row in rows), WIDEST[3]),
    ]
    alerts_width = max(
        (sum(len(code) + 2 for code in item.advice.alerts) for item in items), default=0
    )
    one_line = INDENT + sum(widths) + 2 * len(widths) - 2 + alerts_width <= width
    if not one_line:
        widths[0], widths[1] = min(widths[0], NARROW[0]), min(widths[1], NARROW[1])
        widths[2] = max(width - INDENT - widths[0] - widths[1] - 4, 8)
    key_width, label_width, step_width, status_width = widths
    kinds = {kind: (label.ljust(INDENT), style) for kind, (label, style) in KIND_LABELS.items()}
    lines: list[list[Segment]] = [
        [
            (
                f"Plan for {today.isoformat()}: {len(items)} active introduction"
                + ("" if len(items) == 1 else "s"),
                "bold",
            )
        ]
    ]
    for item, key, label, step, (status, status_style) in rows:
        line: list[Segment] = [
            kinds[item.kind],
            (_fit(key, key_width) + "  ", "cyan"),
            (_fit(label, label_width) + "  ", ""),
        ]
        if one_line:
            line.append((_fit(step, step_width) + "  ", ""))
            line.append((_fit(status, status_width), status_style))
        else:
            line.append((_fit(step, step_width).rstrip(), ""))
            lines.append(line)
            line = [(" " * INDENT, ""), (status, status_style)]
        for index, code in enumerate(item.advice.alerts):
            line.append((", " if index else "  ", ""))
            line.append((code, SEVERITY_STYLE[catalogue[code].severity]))
        lines.append(line)
    counts: dict[str, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    lines.append([(", ".join(f"{n} {KIND_LABELS[k][0]}" for k, n in counts.items()), "dim")])
    return lines


def care_lines(plan: CarePlan, day: dt.date, *, everything: bool = False) -> list[list[Segment]]:
    """Health alerts, then care tasks gathered per task, one line per task and status with the
    animals' names. Only the tasks due or overdue and a hint unless `everything`; with nothing
    due and no alert, one line saying so."""
    from ratbond.care.routine import group_tasks

    pressing = plan.pressing  # worked out per task each time it is asked
    if not everything and not plan.alerts and not pressing:
        return [
            [
                ("Nothing due.", "green"),
                (" ", ""),
                ("All care tasks are up to date: ratbond care tasks", "dim"),
            ]
        ]
    lines: list[list[Segment]] = [
        [("ALERT", "bold red"), ("   " + alert.message, "")] for alert in plan.alerts
    ]
    for group in group_tasks(plan.tasks if everything else pressing):
        by_status: dict[str, list[TaskDue]] = {}
        for item in group.items:
            by_status.setdefault(item.status, []).append(item)
        for status, style in CARE_STATUS_STYLE.items():
            items = by_status.get(status)
            if not items:
                continue
            names = [item.animal_label or item.animal or "" for item in items]
            whom = f" ({', '.join(names)})" if any(names) else ""
            first = min(items, key=lambda item: item.due)
            if first.never_done:
                detail = "never recorded"
            elif status == "overdue":
                detail = f"{-first.days_left} days overdue, last {first.last_done}"
            else:
                detail = f"due {when(first.due, day)}"
            lines.append([(status.ljust(8), style), (f"{group.task.title}{whom}: {detail}", "")])
    if not everything:
        later = len(plan.tasks) - len(pressing)
        hint = f"{later} more later; " if later else ""
        lines.append([(f"{hint}record one with 'ratbond care done TASK'", "dim")])
    return lines


def today_lines(
    items: list[AgendaItem], care: CarePlan, day: dt.date, width: int
) -> list[list[Segment]]:
    """The plan, then (when there is any care to show) a blank line and the care part."""
    lines = plan_lines(items, day, width) if items else [[(NOTHING, "")]]
    if care.alerts or care.tasks:
        lines += [[], [("Care", "bold")], *care_lines(care, day)]
    return lines


def show_plan(items: list[AgendaItem], care: CarePlan, day: dt.date) -> None:
    """Print the plan and the care part."""
    if styled_output():
        from ratbond.cli.display import out, write_lines

        write_lines(today_lines(items, care, day, out.width))
    else:  # as Rich would write it, without importing it
        write_plain(today_lines(items, care, day, plain_width()))


def today(date: str | None) -> None:
    """`ratbond today` through Typer, on any store."""
    from ratbond.store.agenda import agenda
    from ratbond.store.care_plan import care_plan

    day = parse_day(date, "--date") or dt.date.today()
    db = database()
    show_plan(agenda(db, today=day), care_plan(db, today=day), day)


def fast_today(args: list[str]) -> int | None:
    """`ratbond today [--date DAY]` on a SQLite store: the exit status, or None to leave the
    command to Typer (other arguments, a store that is not a plain SQLite file, or one that is
    missing or needs migrating: the store creates, migrates and explains)."""
    if args[:1] == ["--date"] and len(args) == 2:
        date: str | None = args[1]
    elif len(args) == 1 and args[0].startswith("--date="):
        date = args[0].removeprefix("--date=")
    elif args:
        return None
    else:
        date = None
    file = sqlite_file(os.environ)
    if file is None:
        return None
    try:
        day = parse_day(date, "--date") or dt.date.today()

        def read(run: Run) -> tuple[list[AgendaItem], CarePlan]:
            return read_agenda(run, day), read_care_plan(run, day)

        # Tens of thousands of small objects for a rescue, none in a cycle, in a process about
        # to exit: the collector's passes over them would cost a tenth of the command.
        gc.disable()
        found = read_sqlite(file, day, read)
        if found is None:
            gc.enable()  # the store's own path, as any other command
            return None
        show_plan(*found, day)
        # The process exits next: what is left (every module's objects) moves out of the
        # collector's sight, so the collection Python runs at exit skips it (about 3 ms).
        gc.freeze()
    except RatbondError as error:
        from ratbond.cli.display import print_error

        return print_error(error)
    return 0
