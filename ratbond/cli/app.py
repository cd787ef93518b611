"""The Typer application: registers every command group and turns user errors into exit 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ratbond.cli import care, programs
from ratbond.errors import RatbondError

app = typer.Typer(
    name="ratbond",
    help="Safe, staged introductions between cats, rats and their people.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
app.add_typer(programs.app, name="programs")
from ratbond.cli import notes as notes_cli  # noqa: E402

app.add_typer(notes_cli.app, name="notes")
app.add_typer(care.cage_app, name="cage")
app.add_typer(care.freeroam_app, name="freeroam")
app.command("food")(care.food)
app.command("signs")(care.signs)
app.command("ask")(care.ask)
# Household records: animals, introductions, sessions, the day's plan, export and backup.
from ratbond.cli import agenda, animals, introductions, sessions, transfer  # noqa: E402

app.add_typer(animals.app, name="animal")
app.add_typer(animals.vet_app, name="vet")
app.command("weigh")(animals.weigh)
app.add_typer(introductions.app, name="intro")
app.command("log")(sessions.log)
app.command("next")(sessions.next_step)
app.command("history")(sessions.history)
app.command("today")(agenda.today)
app.command("export")(transfer.export)
app.command("import")(transfer.import_)
app.command("backup")(transfer.backup)
# The web app (FastAPI and uvicorn are imported only when it starts).
from ratbond.cli import serve  # noqa: E402

app.command("serve")(serve.serve)

err = Console(stderr=True)


@app.command()
def evaluate(
    source: Annotated[
        str, typer.Argument(metavar="FILE|-", help="Scenario JSON file, or - for standard input.")
    ],
    program_file: Annotated[
        Path | None, typer.Option(help="Use your own program file instead of the built-in ones.")
    ] = None,
) -> None:
    """Print the advice for a scenario as one JSON object (the advice contract)."""
    from ratbond.evaluate import run as run_evaluate

    raise typer.Exit(run_evaluate(source, program_file, sys.stdout, sys.stderr, sys.stdin))


def run() -> None:
    """Run the app; a user's mistake prints one line and exits 2, never a traceback.

    Typer's standalone mode already turns usage errors into exit 2 and honours `typer.Exit`;
    only ratbond's own errors, raised by the library, need catching here.
    """
    try:
        app()
    except RatbondError as error:
        err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
        sys.exit(2)
