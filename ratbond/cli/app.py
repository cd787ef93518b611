"""The Typer application: registers every command group and turns user errors into exit 2."""

from __future__ import annotations

import importlib
import sys
from functools import cache
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from ratbond.errors import RatbondError

DAILY = "Every day"
RECORDS = "Household records"
CARE = "Care and bonding"
ADVICE = "Programs and advice"

# name, module in ratbond.cli, attribute, "command" or "group", help panel. The order is the
# order of `ratbond --help`: daily work first. A run imports and builds only the command it
# invokes, so `ratbond today` does not pay for the web app's or the care tools' imports.
COMMANDS: tuple[tuple[str, str, str, str, str], ...] = (
    ("today", "app", "today", "command", DAILY),
    ("log", "sessions", "log", "command", DAILY),
    ("next", "sessions", "next_step", "command", DAILY),
    ("history", "sessions", "history", "command", DAILY),
    ("fix", "corrections", "fix", "command", DAILY),
    ("unlog", "corrections", "unlog", "command", DAILY),
    ("serve", "serve", "serve", "command", DAILY),
    ("animal", "animals", "app", "group", RECORDS),
    ("vet", "animals", "vet_app", "group", RECORDS),
    ("weigh", "animals", "weigh", "command", RECORDS),
    ("intro", "introductions", "app", "group", RECORDS),
    ("export", "transfer", "export", "command", RECORDS),
    ("import", "transfer", "import_", "command", RECORDS),
    ("backup", "transfer", "backup", "command", RECORDS),
    ("restore", "transfer", "restore", "command", RECORDS),
    ("cage", "care", "cage_app", "group", CARE),
    ("food", "care", "food", "command", CARE),
    ("freeroam", "care_records", "freeroam_app", "group", CARE),
    ("signs", "care", "signs", "command", CARE),
    ("ask", "care", "ask", "command", CARE),
    ("trust", "care_records", "trust_app", "group", CARE),
    ("groom", "care_records", "groom", "command", CARE),
    ("care", "care_records", "care_app", "group", CARE),
    ("evaluate", "app", "evaluate", "command", ADVICE),
    ("programs", "programs", "app", "group", ADVICE),
    ("notes", "notes", "app", "group", ADVICE),
)


def today(
    date: Annotated[str | None, typer.Option(help="Plan for another day (YYYY-MM-DD).")] = None,
) -> None:
    """Every active introduction's next step and date, most urgent first, then the care due."""
    from ratbond.cli.agenda import today as show_today

    show_today(date)


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


def ratbond() -> None:
    """Safe, staged introductions between cats, rats and their people."""


@cache
def build(only: str | None = None) -> typer.Typer:
    """The application with every command, or with just the command named `only`."""
    application = typer.Typer(
        name="ratbond",
        no_args_is_help=True,
        rich_markup_mode="markdown",
        pretty_exceptions_enable=False,
    )
    # A callback keeps the app a group even when it holds a single command.
    application.callback()(ratbond)
    from ratbond.cli.options import OptionCommand

    for name, module, attribute, kind, panel in COMMANDS:
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(f"ratbond.cli.{module}"), attribute)
        if kind == "group":
            name_typed_options(target, OptionCommand)
            application.add_typer(target, name=name, rich_help_panel=panel)
        else:
            application.command(name, rich_help_panel=panel, cls=OptionCommand)(target)
    return application


def name_typed_options(group: typer.Typer, command_class: type[TyperCommand]) -> None:
    """Give every command of `group` `command_class`: their errors name the options typed."""
    for command in group.registered_commands:
        if command.cls in (None, TyperCommand):  # Typer's default, by release
            command.cls = command_class
    for subgroup in group.registered_groups:
        if subgroup.typer_instance is not None:
            name_typed_options(subgroup.typer_instance, command_class)


def __getattr__(name: str) -> typer.Typer:
    """`app`: the whole application, for tests and tools (built on first use)."""
    if name == "app":
        return build()
    raise AttributeError(name)


def run() -> None:
    """Run the app; a user's mistake prints one line and exits 2, never a traceback.

    Click's own usage errors (a bad option value, a missing argument, an unknown command) are
    printed here as one line too, instead of Typer's boxed panel; `typer.Exit` keeps its code.
    """
    from ratbond.cli.display import print_error

    try:  # Typer 0.2x carries its own copy of Click; earlier releases use Click itself
        from typer._click.exceptions import UsageError
    except ImportError:  # pragma: no cover - depends on the installed Typer
        from click import UsageError  # type: ignore[assignment]

    command = sys.argv[1] if len(sys.argv) > 1 else None
    known = {name for name, *_ in COMMANDS}
    try:
        code = build(command if command in known else None)(standalone_mode=False)
    except RatbondError as error:
        sys.exit(print_error(error))
    except UsageError as error:
        if not error.format_message():  # no command given: the help was shown, not a mistake
            sys.exit(0)
        where = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        sys.exit(print_error(RatbondError(error.format_message() + where)))
    except typer.Abort as error:
        if isinstance(error.__context__, EOFError):
            sys.exit(print_error(RatbondError(INPUT_ENDED)))
        sys.exit(130)  # interrupted (Ctrl-C): the shell's convention, nothing was saved
    sys.exit(code if isinstance(code, int) else 0)


INPUT_ENDED = (
    "the input ended before every question was answered; nothing was saved. Answer each "
    "prompt, or give the answers as options (see --help)"
)
