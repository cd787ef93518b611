"""`ratbond today`: the day's plan across every active introduction, most urgent first, then
the care part (health alerts, care tasks due or overdue).

The console script sends `ratbond today [--date DAY]` to `fast_today`, which reads both from
the SQLite store with the standard library's sqlite3, in one read transaction, without
building the Typer application or importing SQLAlchemy; `--help`, other options and other
stores go through Typer (`ratbond.cli.app.today`) and SQLAlchemy. Both print with `show_plan`,
with Rich only where it would write colours; `ratbond care tasks` prints with `care_lines` too.
"""

from __future__ import annotations

import gc
import os

from ratbond.cli.plain import (
    SEVERITY_STYLE,
    parse_day,
    plain_width,
    step_text,
    styled_output,
    when,
    write_plain,
)

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing `typing`
if TYPE_CHECKING:
    import datetime as dt

    from ratbond.cli.plain import Segment
    from ratbond.store.agenda import AgendaItem
    from ratbond.store.care_plan import CarePlan
    from ratbond.store.sqltext import Run
    from ratbond.store.today import PlanEntry, TaskEntry
    from ratbond.store.today_facts import TodayFacts

    # The care part as the screen shows it: the alerts' messages, the tasks' lines, how many
    # tasks are for later, and whether there are any tasks at all.
    CarePart = tuple[list[str], list[list[Segment]], int, bool]
else:
    from ratbond import leandate as dt

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
# Each kind's column as a plan line starts with it: its label padded, its style.
KIND_COLUMN = {kind: (label.ljust(INDENT), style) for kind, (label, style) in KIND_LABELS.items()}
# The widest each column may grow (key, animals, step, status) before it is cut with `…`.
WIDEST = (24, 30, 34, 44)
# On a console too narrow for one line per introduction, the first line holds the kind, key,
# animals and step (key and animals at most this wide), the second the status and alerts.
NARROW = (16, 20)


# The kinds whose status says more than the day (`_status`).
WORDED = frozenset({"overdue", "waiting", "prerequisite", "complete"})


def _status(entry: PlanEntry, today: dt.date, titles: dict[str, str]) -> Segment:
    kind, key, not_before = entry[3], entry[2], entry[8]
    if kind == "overdue":
        return f"{entry[10]} days overdue (due {entry[11]})", "yellow"
    if kind == "waiting" and not_before is not None:
        return f"{entry[12]} ends {when(not_before, today)}", "cyan"
    if kind == "prerequisite":
        missing = [titles[a] for a in entry[9] if a in ("health_check_needed", "assessment_needed")]
        return "; ".join(missing), "magenta"
    if kind == "complete":
        return "program complete: ratbond intro complete " + key, "green"
    return when(not_before, today), ""


def plan_entry(item: AgendaItem) -> PlanEntry:
    """An item of the store's plan as `ratbond.store.today.read_plan` gives it."""
    advice = item.advice
    return (
        *item.rank[:2],
        item.key,
        item.kind,
        item.label,
        advice.action,
        advice.stage,
        advice.minutes,
        advice.not_before,
        advice.alerts,
        advice.overdue_days,
        advice.due_on,
        item.gate,
    )


def plan_lines(
    entries: list[PlanEntry], today: dt.date, width: int, facts: TodayFacts, *, styled: bool
) -> list[list[Segment]]:
    """The plan as styled lines: a heading, one line per introduction (two when `width` is too
    narrow for one), and a count per kind. Columns are as wide as their longest entry. Unless
    `styled`, an introduction's line is one segment, its text (what a pipe gets)."""
    titles = facts.titles
    # Column by column (thousands of rows at a rescue): kind, key, label, step, status, alerts.
    kinds = [e[3] for e in entries]
    keys = [e[2] for e in entries]
    labels = [e[4] for e in entries]
    steps = [step_text(e[5], e[6], e[7]) for e in entries]
    # Most introductions are due or later: their status is the day alone.
    statuses = [
        _status(e, today, titles) if e[3] in WORDED else (when(e[8], today), "") for e in entries
    ]
    texts = [status for status, _ in statuses]
    alerts = [e[9] for e in entries]
    widths = [
        min(max(map(len, keys)), WIDEST[0]),
        min(max(map(len, labels)), WIDEST[1]),
        min(max(map(len, steps)), WIDEST[2]),
        min(max(map(len, texts)), WIDEST[3]),
    ]
    # Two spaces, then the codes, each after a comma and a space but the first.
    alerts_width = max((len(", ".join(codes)) + 2 for codes in alerts if codes), default=0)
    one_line = INDENT + sum(widths) + 2 * len(widths) - 2 + alerts_width <= width
    if not one_line:
        widths[0], widths[1] = min(widths[0], NARROW[0]), min(widths[1], NARROW[1])
        widths[2] = max(width - INDENT - widths[0] - widths[1] - 4, 8)
    keys, labels, steps = _fit(keys, widths[0]), _fit(labels, widths[1]), _fit(steps, widths[2])
    if one_line:
        texts = _fit(texts, widths[3])
    lines: list[list[Segment]] = [
        [
            (
                f"Plan for {today.isoformat()}: {len(entries)} active introduction"
                + ("" if len(entries) == 1 else "s"),
                "bold",
            )
        ]
    ]
    if styled:
        lines += _styled_rows(kinds, keys, labels, steps, statuses, texts, alerts, facts, one_line)
    else:  # one segment per line: the text, as the styled segments spell it
        heads = [
            f"{KIND_COLUMN[kind][0]}{key}  {label}  "
            for kind, key, label in zip(kinds, keys, labels, strict=True)
        ]
        if one_line:
            rows = [
                f"{head}{step}  {text}"
                for head, step, text in zip(heads, steps, texts, strict=True)
            ]
            lines += [
                [(row + "  " + ", ".join(codes) if codes else row, "")]
                for row, codes in zip(rows, alerts, strict=True)
            ]
        else:
            for head, step, text, codes in zip(heads, steps, texts, alerts, strict=True):
                lines.append([(head + step.rstrip(), "")])
                row = " " * INDENT + text
                lines.append([(row + "  " + ", ".join(codes) if codes else row, "")])
    # Entries come sorted by kind, so each kind's count comes in its order of rank.
    counts = {kind: kinds.count(kind) for kind in dict.fromkeys(kinds)}
    lines.append([(", ".join(f"{n} {KIND_LABELS[k][0]}" for k, n in counts.items()), "dim")])
    return lines


def _fit(texts: list[str], width: int) -> list[str]:
    """Each text padded to `width`, or cut to it with `…`."""
    return [text.ljust(width) if len(text) <= width else text[: width - 1] + "…" for text in texts]


def _styled_rows(
    kinds: list[str],
    keys: list[str],
    labels: list[str],
    steps: list[str],
    statuses: list[Segment],
    texts: list[str],
    alerts: list[tuple[str, ...]],
    facts: TodayFacts,
    one_line: bool,
) -> list[list[Segment]]:
    """The introductions' lines of `plan_lines`, in their styles (a terminal's)."""
    alert_style = {code: SEVERITY_STYLE[level] for code, level in facts.severity.items()}
    lines: list[list[Segment]] = []
    for kind, key, label, step, (_, status_style), status, codes in zip(
        kinds, keys, labels, steps, statuses, texts, alerts, strict=True
    ):
        line: list[Segment] = [KIND_COLUMN[kind], (key + "  ", "cyan"), (label + "  ", "")]
        if one_line:
            line.append((step + "  ", ""))
            line.append((status, status_style))
        else:
            line.append((step.rstrip(), ""))
            lines.append(line)
            line = [(" " * INDENT, ""), (status, status_style)]
        for index, code in enumerate(codes):
            line.append((", " if index else "  ", ""))
            line.append((code, alert_style[code]))
        lines.append(line)
    return lines


def task_line(status: str, entry: TaskEntry, day: dt.date) -> list[Segment]:
    """A care task's animals of one status, on one line: who, and when the first of them is
    due (or since when it is overdue)."""
    _, title, names, last_done, due = entry
    whom = f" ({', '.join(names)})" if any(names) else ""
    if last_done is None:
        detail = "never recorded"
    elif status == "overdue":
        detail = f"{(day - due).days} days overdue, last {last_done}"
    else:
        detail = f"due {when(due, day)}"
    return [(status.ljust(8), CARE_STATUS_STYLE[status]), (f"{title}{whom}: {detail}", "")]


def care_part(plan: CarePlan, day: dt.date, *, everything: bool = False) -> CarePart:
    """The store's care plan as `fast_today` reads it (`ratbond.store.today.read_care`): every
    task when `everything`, else the ones due or overdue."""
    from ratbond.care.routine import group_tasks

    pressing = plan.pressing  # worked out per task each time it is asked
    lines: list[list[Segment]] = []
    for group in group_tasks(plan.tasks if everything else pressing):
        for status in CARE_STATUS_STYLE:
            items = [item for item in group.items if item.status == status]
            if items:
                names = [item.animal_label or item.animal or "" for item in items]
                first = min(items, key=lambda item: item.due)
                entry = (status, group.task.title, names, first.last_done, first.due)
                lines.append(task_line(status, entry, day))
    alerts = [alert.message for alert in plan.alerts]
    return alerts, lines, len(plan.tasks) - len(pressing), bool(plan.tasks)


def care_lines(plan: CarePlan, day: dt.date, *, everything: bool = False) -> list[list[Segment]]:
    """The store's care plan as `_care_lines` prints it (`ratbond care tasks`)."""
    return _care_lines(care_part(plan, day, everything=everything), everything=everything)


def _care_lines(care: CarePart, *, everything: bool = False) -> list[list[Segment]]:
    """Health alerts, then care tasks gathered per task, one line per task and status with the
    animals' names. Only the tasks due or overdue and a hint unless `everything`; with nothing
    due and no alert, one line saying so."""
    alerts, tasks, later, _ = care
    if not everything and not alerts and not tasks:
        return [
            [
                ("Nothing due.", "green"),
                (" ", ""),
                ("All care tasks are up to date: ratbond care tasks", "dim"),
            ]
        ]
    lines: list[list[Segment]] = [[("ALERT", "bold red"), ("   " + alert, "")] for alert in alerts]
    lines += tasks
    if not everything:
        hint = f"{later} more later; " if later else ""
        lines.append([(f"{hint}record one with 'ratbond care done TASK'", "dim")])
    return lines


def today_lines(
    entries: list[PlanEntry],
    care: CarePart,
    day: dt.date,
    width: int,
    facts: TodayFacts,
    *,
    styled: bool = True,
) -> list[list[Segment]]:
    """The plan, then (when there is any care to show) a blank line and the care part."""
    lines = plan_lines(entries, day, width, facts, styled=styled) if entries else [[(NOTHING, "")]]
    if care[0] or care[3]:
        lines += [[], [("Care", "bold")], *_care_lines(care)]
    return lines


def show_plan(entries: list[PlanEntry], care: CarePart, day: dt.date, facts: TodayFacts) -> None:
    """Print the plan and the care part."""
    if styled_output():
        from ratbond.cli.display import out, write_lines

        write_lines(today_lines(entries, care, day, out.width, facts))
    else:  # as Rich would write it, without importing it
        write_plain(today_lines(entries, care, day, plain_width(), facts, styled=False))


def today(date: str | None) -> None:
    """`ratbond today` through Typer, on any store: the store's records, printed as the fast
    path prints its rows."""
    from ratbond.cli.plain import database
    from ratbond.store.agenda import agenda
    from ratbond.store.care_plan import care_plan
    from ratbond.store.today_facts import today_facts

    day = parse_day(date, "--date") or dt.date.today()
    db = database()
    entries = [plan_entry(item) for item in agenda(db, today=day)]
    show_plan(entries, care_part(care_plan(db, today=day), day), day, today_facts())


def fast_today(args: list[str]) -> int | None:
    """`ratbond today [--date DAY]` on a SQLite store: the exit status, or None to leave the
    command to Typer (other arguments, a store that is not a plain SQLite file, or one that is
    missing or needs migrating: the store creates, migrates and explains)."""
    from ratbond.store.sqltext import read_sqlite, sqlite_file
    from ratbond.store.today import read_care, read_plan
    from ratbond.store.today_facts import today_facts

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
        facts = today_facts()

        def read(run: Run) -> tuple[list[PlanEntry], CarePart]:
            alerts, tasks, later, any_tasks = read_care(run, day, facts)
            lines = [task_line(entry[0], entry, day) for entry in tasks]
            return read_plan(run, day, facts), (alerts, lines, later, any_tasks)

        # Thousands of small objects for a rescue, none in a cycle, in a process about to
        # exit: the collector's passes over them would cost a tenth of the command.
        gc.disable()
        found = read_sqlite(file, day, read)
        if found is None:
            gc.enable()  # the store's own path, as any other command
            return None
        show_plan(*found, day, facts)
        # The process exits next: what is left (every module's objects) moves out of the
        # collector's sight, so the collection Python runs at exit skips it (about 3 ms).
        gc.freeze()
    except Exception as error:
        from ratbond.errors import RatbondError

        if not isinstance(error, RatbondError):
            raise
        from ratbond.cli.display import print_error

        return print_error(error)
    return 0
