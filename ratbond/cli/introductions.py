"""`ratbond intro`: start an introduction, list and show them, pause, resume, stop, complete."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.table import Table

from ratbond.cli.display import (
    alert_lines,
    database,
    out,
    parse_day,
    print_advice,
    step_text,
    when,
)
from ratbond.cli.sessions import rewarded_text
from ratbond.errors import InputError
from ratbond.store.introductions import (
    get_advice,
    list_introductions_with_advice,
    set_status,
    start_introduction,
)
from ratbond.store.sessions import list_sessions

app = typer.Typer(
    help="Introductions: which program, who plays which role, and where they stand.",
    no_args_is_help=True,
)
# Store error paths and the option each is about.
OPTION_OF_PATH = {
    **{f"roles.{role}": f"--{role}" for role in ("cat", "rat", "newcomer")},
    "roles.residents": "--resident",
    "cleared_by": "--cleared-by",
    "id": "--id",
}
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
            "(a vet, a behaviourist) cleared them to meet again. Kept in the notes."
        ),
    ] = None,
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
    try:
        intro = start_introduction(
            db,
            program.strip().lower(),
            roles,
            key=key,
            started=parse_day(started, "--started"),
            notes=notes,
            cleared_by=cleared_by,
        )
    except InputError as error:
        option = OPTION_OF_PATH.get(error.path)
        if option is None:
            raise
        message = error.message
        if error.path == "cleared_by" and cleared_by is None:
            # Refused for an earlier stop: the store's words, then the option to give.
            message += f': give {option} "who cleared them"'
        raise InputError(option, message) from None
    today = dt.date.today()
    cast: dict[str, list[str]] = {}
    for member in intro.members:
        cast.setdefault(member.role, []).append(member.animal.label)
    out.print(
        f"Started [cyan]{intro.key}[/] ({intro.program}): "
        + "; ".join(f"{role} {', '.join(labels)}" for role, labels in cast.items())
    )
    _, advice = get_advice(db, intro.key, today=today)
    print_advice(advice, today)
    out.print(f"[dim]Log a session: ratbond log {intro.key}[/]")


@app.command("list")
def list_command(
    all_: Annotated[
        bool, typer.Option("--all", help="Include stopped and completed ones.")
    ] = False,
) -> None:
    """List introductions and their next step."""
    today = dt.date.today()
    intros = [
        (intro, advice)
        for intro, advice in list_introductions_with_advice(database(), today=today)
        if all_ or intro.status in ("active", "paused")
    ]
    if not intros:
        out.print("No introductions. Start one: ratbond intro start cat-rat --cat tom --rat pip")
        return
    table = Table(title="Introductions")
    for column in ("id", "animals", "program", "status", "next step", "when"):
        table.add_column(column, no_wrap=column in ("id", "program"))
    for intro, advice in intros:
        table.add_row(
            f"[cyan]{intro.key}[/]",
            intro.label,
            intro.program,
            intro.status,
            step_text(advice.action, advice.stage, advice.minutes),
            when(advice.not_before, today) if intro.status == "active" else "",
        )
    out.print(table)


@app.command()
def show(intro: IntroRef) -> None:
    """Show an introduction: animals, status, sessions so far and the current advice."""
    db = database()
    today = dt.date.today()
    record, advice = get_advice(db, intro, today=today)
    _, sessions = list_sessions(db, record.key)
    out.rule(f"[bold]{record.key}[/] — {record.label}", align="left")
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("program", record.program)
    table.add_row("status", record.status)
    table.add_row("started", record.started.isoformat())
    for member in record.members:
        table.add_row(member.role, f"{member.animal.label} ({member.animal.key})")
    last = "none yet"
    if sessions:
        last = ", ".join(filter(None, (sessions[-1].date.isoformat(), rewarded_text(sessions[-1]))))
    table.add_row("sessions", f"{len(sessions)}, last {last}")
    if record.notes:
        table.add_row("notes", record.notes)
    out.print(table)
    if record.status != "active":
        out.print(f"[yellow]This introduction is {record.status}.[/]")
    if record.status in ("stopped", "completed"):
        # Finished: no next step, but its alerts (see a vet, keep apart) still hold.
        for line in alert_lines(advice.alerts):
            out.print(line)
        return
    print_advice(advice, today)


def _change(intro: str, status: str, done: str) -> None:
    record = set_status(database(), intro, status)
    out.print(f"Introduction [cyan]{record.key}[/] {done}.")


@app.command()
def pause(intro: IntroRef) -> None:
    """Pause an introduction (nothing can be logged until it resumes)."""
    _change(intro, "paused", "is paused; resume it with 'ratbond intro resume'")


@app.command()
def resume(intro: IntroRef) -> None:
    """Resume a paused introduction."""
    _change(intro, "active", "is active again")


@app.command()
def stop(intro: IntroRef) -> None:
    """Stop an introduction for good (its records are kept)."""
    _change(intro, "stopped", "is stopped")


@app.command()
def complete(intro: IntroRef) -> None:
    """Mark an introduction completed (its records are kept)."""
    _change(intro, "completed", "is completed")
