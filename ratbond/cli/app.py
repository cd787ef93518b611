"""The Typer application: registers every command group and turns user errors into exit 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ratbond.cli import programs
from ratbond.errors import RatbondError

app = typer.Typer(
    name="ratbond",
    help="Safe, staged introductions between cats, rats and their people.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
app.add_typer(programs.app, name="programs")

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
    """Run the app; a user's mistake prints one line and exits 2, never a traceback."""
    try:
        app(standalone_mode=False)
    except RatbondError as error:
        err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(1)
    except Exception as error:  # click usage errors carry their own exit code (2)
        import click

        if isinstance(error, click.ClickException):
            error.show()
            sys.exit(error.exit_code)
        raise
