"""`ratbond intro`: start an introduction, list and show them, pause, resume, stop, complete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Annotated

import typer
from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ratbond.cli.display import (
    alert_lines,
    database,
    out,
    parse_day,
    print_advice,
    shown,
    when,
)
from ratbond.cli.options import typed
from ratbond.cli.sessions import rewarded_text
from ratbond.errors import InputError, RatbondError
from ratbond.store.introductions import (
    TRANSITIONS,
    TwinError,
    get_advice,
    list_introductions_with_advice,
    set_status,
    shared_with_others,
    start_introduction,
)
from ratbond.store.records import IntroductionRecord
from ratbond.store.sessions import list_sessions
from ratbond.store.urgency import PREREQUISITE_ALERTS
from ratbond.wording import advice_step

app = typer.Typer(
    help="Introductions: which program, who plays which role, and where they stand.",
    no_args_is_help=True,
)
# The option of each role.
ROLE_OPTIONS = {"cat": "--cat", "rat": "--rat", "newcomer": "--newcomer", "residents": "--resident"}
IntroRef = Annotated[str, typer.Argument(metavar="INTRO", help="Introduction id (any case).")]
Animals = Annotated[
    list[str] | None,
    typer.Option(help="Animal id or name (repeatable, or several separated by commas)."),
]


@app.command()
def start(
    program: Annotated[
        str,
        typer.Argument(
            help="cat-rat, rat-rat, rat-human or a clicker trick such as trick-spin "
            "(all of them: 'ratbond programs list')."
        ),
    ],
    cat: Animals = None,
    rat: Animals = None,
    newcomer: Animals = None,
    resident: Annotated[
        list[str] | None,
        typer.Option(
            "--resident",
            "--residents",
            help="A resident rat (repeatable, or several separated by commas).",
        ),
    ] = None,
    key: Annotated[
        str | None, typer.Option("--id", help="Id for the introduction; default: the animals' ids.")
    ] = None,
    started: Annotated[str | None, typer.Option(help="Start date; default today.")] = None,
    notes: Annotated[str | None, typer.Option(help="Anything worth remembering.")] = None,
    cleared_by: Annotated[
        str | None,
        typer.Option(
            help="Only after an earlier introduction of these animals ended in stop: who "
            "(their vet and a behaviourist) cleared them to meet again. Kept in the notes."
        ),
    ] = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again",
            help="Start it although an active or paused introduction of this program has the "
            "same animals in the same roles (without it, that is refused as a slip).",
        ),
    ] = False,
) -> None:
    """Start an introduction, e.g. `ratbond intro start cat-rat --cat tom --rat pip` or
    `ratbond intro start trick-spin --rat pip`."""
    given = {"cat": cat, "rat": rat, "newcomer": newcomer, "residents": resident}
    # `--resident rex,max` reads as `--resident rex --resident max`, as the prompts accept.
    roles = {
        role: [ref.strip() for option in refs for ref in option.split(",") if ref.strip()]
        for role, refs in given.items()
        if refs
    }
    db = database()
    program = program.strip().lower()
    try:
        intro = start_introduction(
            db,
            program,
            roles,
            key=key,
            started=parse_day(started, "--started"),
            notes=notes,
            cleared_by=cleared_by,
            again=again,
        )
    except TwinError as error:
        twin = error.twin
        go_on = (
            f"ratbond intro resume {twin.key}"
            if twin.status == "paused"
            else f"ratbond next {twin.key}"
        )
        raise RatbondError(
            f"introduction '{twin.key}' ({twin.program}, {twin.status}) already has these animals "
            f"in these roles; nothing was started. Go on with it: {go_on}. To run a second one "
            "beside it, add --again"
        ) from None
    except InputError as error:
        if error.path != "cleared_by" or typed("cleared_by"):
            raise  # named by the option typed, or the option to give (`ratbond.cli.options`)
        # Refused for an earlier stop: the store's words, then the option to give.
        raise InputError(
            "--cleared-by", f'{error.message}: give --cleared-by "who cleared them"'
        ) from None
    today = dt.date.today()
    cast: dict[str, list[str]] = {}
    for member in intro.members:
        cast.setdefault(member.role, []).append(member.animal.label)
    out.print(
        f"Started [cyan]{shown(intro.key)}[/] ({intro.program}): "
        + "; ".join(f"{role} {shown(', '.join(labels))}" for role, labels in cast.items())
    )
    warning = shared_with_others(db, intro.key, today=today)
    if warning is not None:
        out.print(Text("Warning: ", style="bold yellow") + Text(warning))
    _, advice = get_advice(db, intro.key, today=today)
    print_advice(advice, today)
    # Waiting for a vet check or an assessment: the session comes once that is recorded.
    first = "Once that is done, log" if not PREREQUISITE_ALERTS.isdisjoint(advice.alerts) else "Log"
    out.print(f"[dim]{first} a session: ratbond log {shown(intro.key)}[/]")


@app.command("list")
def list_command(
    all_: Annotated[
        bool, typer.Option("--all", help="Include stopped and completed ones.")
    ] = False,
) -> None:
    """List introductions and their next step."""
    today = dt.date.today()
    intros = [
        (intro, advice, intro.shown_status(advice))
        for intro, advice in list_introductions_with_advice(database(), today=today)
    ]
    intros = [row for row in intros if all_ or row[2] in ("active", "paused")]
    if not intros:
        out.print("No introductions. Start one: ratbond intro start cat-rat --cat tom --rat pip")
        return
    rows = [
        (
            intro.key,
            intro.program,
            intro.label,
            status,
            advice_step(advice),
            when(advice.not_before, today) if status == "active" else "",
        )
        for intro, advice, status in intros
    ]
    out.print(introductions_view(rows, out.width))


# The columns of `intro list`; the id, program and status are never wrapped.
LIST_COLUMNS = ("id", "program", "animals", "status", "next step", "when")
WHOLE = frozenset({"id", "program", "status"})


def introductions_view(rows: Sequence[Sequence[str]], width: int) -> RenderableType:
    """`intro list` for a console `width` wide, each row (id, program, animals, status, step,
    day). A table with a line per introduction when that fits; else the day (or the status,
    for one that is not active) goes under the step, in its column, and the animals and the
    step wrap between words; on a console too narrow even for that, a few lines per
    introduction. An id is never cut."""
    headers = list(LIST_COLUMNS)
    cells = [list(row) for row in rows]
    if _table_width(_ranges(headers, cells)) > width:
        # The second line of the step: its day, or why there is none (paused, stopped).
        headers = ["id", "program", "animals", "next step"]
        cells = [
            [key, program, animals, f"{step}\n{day or status}"]
            for key, program, animals, status, step, day in rows
        ]
    ranges = _ranges(headers, cells)
    widths = _widths(headers, ranges, width)
    if widths is None:
        return _stacked(rows)
    table = Table(title="Introductions")
    for header, column_width in zip(headers, widths, strict=True):
        table.add_column(
            header,
            width=column_width,
            no_wrap=header in WHOLE,
            style="cyan" if header == "id" else "",
        )
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    return table


def _stacked(rows: Sequence[Sequence[str]]) -> RenderableType:
    """Each introduction as a few lines: its id, program and status, then its animals, then
    the next step and its day."""
    lines = [Text("Introductions", style="bold")]
    for key, program, animals, status, step, day in rows:
        lines.append(Text())
        lines.append(Text.assemble((key, "cyan"), f"  {program}  {status}"))
        lines.append(Text("  " + animals))
        lines.append(Text("  Next: " + step + (f" — {day}" if day else "")))
    return Group(*lines)


def _ranges(headers: Sequence[str], cells: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Each column's (longest word, longest line), in cells, header included."""
    ranges = []
    for index, header in enumerate(headers):
        texts = [header, *(row[index] for row in cells)]
        lines = [line for text in texts for line in text.splitlines()]
        ranges.append(
            (
                max(cell_len(word) for line in lines for word in line.split() or [""]),
                max(cell_len(line) for line in lines),
            )
        )
    return ranges


def _table_width(ranges: Sequence[tuple[int, int]]) -> int:
    # Each cell has a space either side, and a line between and around the columns.
    return sum(longest for _, longest in ranges) + 3 * len(ranges) + 1


def _widths(
    headers: Sequence[str], ranges: Sequence[tuple[int, int]], width: int
) -> list[int] | None:
    """Column widths (inside the padding) that fit `width`: the whole columns as wide as their
    longest cell, the room left shared by the others, first their longest words, then the
    rest in proportion to what each still lacks. None when the words do not fit."""
    widths = [longest for _, longest in ranges]
    wrapping = [i for i, header in enumerate(headers) if header not in WHOLE]
    room = width - _table_width(ranges) + sum(widths[i] for i in wrapping)
    if sum(widths[i] for i in wrapping) <= room:
        return widths
    shortest = {i: ranges[i][0] for i in wrapping}
    spare = room - sum(shortest.values())
    if spare < 0:
        return None
    lacking = {i: widths[i] - shortest[i] for i in wrapping}
    total = sum(lacking.values())
    for i in wrapping:
        widths[i] = shortest[i] + spare * lacking[i] // total
    # What the rounding left goes to the columns that lack the most.
    left = room - sum(widths[i] for i in wrapping)
    for i in sorted(wrapping, key=lambda i: -lacking[i])[:left]:
        widths[i] += 1
    return widths


@app.command()
def show(intro: IntroRef) -> None:
    """Show an introduction: animals, status, sessions so far and the current advice."""
    db = database()
    today = dt.date.today()
    record, advice = get_advice(db, intro, today=today)
    _, sessions = list_sessions(db, record.key)
    out.rule(f"[bold]{shown(record.key)}[/] — {shown(record.label)}", align="left")
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("program", record.program)
    status = record.shown_status(advice)
    table.add_row("status", status)
    table.add_row("started", record.started.isoformat())
    for member in record.members:
        table.add_row(member.role, shown(f"{member.animal.label} ({member.animal.key})"))
    last = "none yet"
    if sessions:
        last = ", ".join(filter(None, (sessions[-1].date.isoformat(), rewarded_text(sessions[-1]))))
    table.add_row("sessions", f"{len(sessions)}, last {last}")
    if record.notes:
        table.add_row("notes", shown(record.notes))
    out.print(table)
    if status != "active":
        out.print(f"[yellow]This introduction is {status}.[/]")
    if status in ("stopped", "completed"):
        # Finished: no next step, but its alerts (see a vet, keep apart) still hold.
        for line in alert_lines(advice.alerts, record.program):
            out.print(line)
        return
    print_advice(advice, today)


def _change(intro: str, status: str, done: Callable[[str], str]) -> None:
    """Move `intro` to `status`; `done(key)` ends the line that says so."""
    db = database()
    try:
        record = set_status(db, intro, status)
    except InputError:
        raise
    except RatbondError as refused:
        # The store says what cannot be done; said again here with what to do instead.
        try:
            record, _ = get_advice(db, intro)
        except RatbondError:
            raise refused from None
        if record.status in TRANSITIONS[status][0]:
            raise  # not the status: a completion the advice does not allow yet
        raise RatbondError(not_now(record, status)) from None
    out.print(
        f"Introduction [cyan]{shown(record.key)}[/] ({record.program}) {shown(done(record.key))}"
    )


def not_now(intro: IntroductionRecord, status: str) -> str:
    """Why `intro` cannot move to `status` from the one it has, and what to do instead."""
    key, now = intro.key, intro.status
    if now == status == "paused":
        return (
            f"introduction '{key}' is already paused; to carry on with it: "
            f"ratbond intro resume {key}"
        )
    if now == status == "active":
        return (
            f"introduction '{key}' is already active (it is not paused), so there is nothing "
            f"to resume; its next step: ratbond next {key}"
        )
    if now == status:
        return f"introduction '{key}' is already {now}; its records are kept"
    if status == "stopped":  # a completed introduction
        return f"introduction '{key}' is completed, so it cannot be stopped; its records are kept"
    verb = {"paused": "paused", "active": "resumed", "completed": "completed"}[status]
    return (
        f"introduction '{key}' is {now}, so it cannot be {verb}: a finished introduction stays "
        f"as it ended. To work with these animals again, start a new one: {start_command(intro)}"
    )


def start_command(intro: IntroductionRecord) -> str:
    """The `ratbond intro start` command for the same program and animals in the same roles."""
    options = [f"{ROLE_OPTIONS[role]} {','.join(keys)}" for role, keys in intro.roles.items()]
    return " ".join(["ratbond intro start", intro.program, *options])


@app.command()
def pause(intro: IntroRef) -> None:
    """Pause an introduction (nothing can be logged until it resumes)."""
    _change(intro, "paused", lambda key: f"is paused; resume it with: ratbond intro resume {key}")


@app.command()
def resume(intro: IntroRef) -> None:
    """Resume a paused introduction."""
    _change(intro, "active", lambda key: "is active again.")


@app.command()
def stop(intro: IntroRef) -> None:
    """Stop an introduction for good (its records are kept)."""
    _change(intro, "stopped", lambda key: "is stopped; its records are kept.")


@app.command()
def complete(intro: IntroRef) -> None:
    """Mark an introduction completed (its records are kept)."""
    _change(intro, "completed", lambda key: "is completed.")
