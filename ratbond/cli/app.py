"""The Typer application: registers every command group and turns user errors into exit 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ratbond.cli import (
    agenda,
    animals,
    care,
    introductions,
    programs,
    serve,
    sessions,
    transfer,
)
from ratbond.cli import notes as notes_cli
from ratbond.errors import RatbondError

DAILY = "Every day"
RECORDS = "Household records"
CARE = "Care and bonding"
ADVICE = "Programs and advice"

app = typer.Typer(
    name="ratbond",
    help="Safe, staged introductions between cats, rats and their people.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
# The order here is the order of `ratbond --help`: daily work first.
app.command("today", rich_help_panel=DAILY)(agenda.today)
app.command("log", rich_help_panel=DAILY)(sessions.log)
app.command("next", rich_help_panel=DAILY)(sessions.next_step)
app.command("history", rich_help_panel=DAILY)(sessions.history)
app.command("serve", rich_help_panel=DAILY)(serve.serve)
app.add_typer(animals.app, name="animal", rich_help_panel=RECORDS)
app.add_typer(animals.vet_app, name="vet", rich_help_panel=RECORDS)
app.command("weigh", rich_help_panel=RECORDS)(animals.weigh)
app.add_typer(introductions.app, name="intro", rich_help_panel=RECORDS)
app.command("export", rich_help_panel=RECORDS)(transfer.export)
app.command("import", rich_help_panel=RECORDS)(transfer.import_)
app.command("backup", rich_help_panel=RECORDS)(transfer.backup)
app.add_typer(care.cage_app, name="cage", rich_help_panel=CARE)
app.command("food", rich_help_panel=CARE)(care.food)
app.add_typer(care.freeroam_app, name="freeroam", rich_help_panel=CARE)
app.command("signs", rich_help_panel=CARE)(care.signs)
app.command("ask", rich_help_panel=CARE)(care.ask)
app.add_typer(programs.app, name="programs", rich_help_panel=ADVICE)
app.add_typer(notes_cli.app, name="notes", rich_help_panel=ADVICE)

err = Console(stderr=True)


@app.command(rich_help_panel=ADVICE)
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
