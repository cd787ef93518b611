"""The Typer application: registers every command group and turns user errors into exit 2."""

from __future__ import annotations

import importlib
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from ratbond import __version__
from ratbond.cli.paths import file_name, file_path
from ratbond.errors import RatbondError
from ratbond.limits import PLAN_AHEAD_DAYS

if TYPE_CHECKING:
    from typer._click import Command as ClickCommand
    from typer._click import Context

DAILY = "Every day"
RECORDS = "Household records"
CARE = "Care and bonding"
ADVICE = "Programs and advice"


@dataclass(frozen=True, slots=True)
class Command:
    """A top-level command: where it lives, and how `ratbond --help` lists it."""

    name: str
    module: str
    """Its module in ratbond.cli."""
    attribute: str
    kind: str
    """"command" (a function) or "group" (a Typer app)."""
    panel: str
    summary: str
    """Its line in `ratbond --help`; the command's own `--help` gives the whole story."""


# The order is the order of `ratbond --help`: daily work first. A run imports and builds only
# the command it invokes, and `ratbond --help` lists them all from here without importing any,
# so neither pays for the database, the web app or the care tools unless it uses them.
COMMANDS: tuple[Command, ...] = (
    Command(
        "today",
        "app",
        "today",
        "command",
        DAILY,
        "Every active introduction's next step and date, most urgent first, then the care due.",
    ),
    Command(
        "log",
        "sessions",
        "log",
        "command",
        DAILY,
        "Log a session and see the new advice at once. With no options, asks step by step.",
    ),
    Command(
        "next",
        "sessions",
        "next_step",
        "command",
        DAILY,
        "Show the next step of an introduction: alerts, what to do, when, and how to set it up.",
    ),
    Command(
        "history",
        "sessions",
        "history",
        "command",
        DAILY,
        "List an introduction's sessions, with the class of each.",
    ),
    Command(
        "fix",
        "corrections",
        "fix",
        "command",
        DAILY,
        "Correct a session of an introduction; the new advice follows.",
    ),
    Command(
        "unlog",
        "corrections",
        "unlog",
        "command",
        DAILY,
        "Withdraw a session logged by mistake (kept in the history, left out of the advice).",
    ),
    Command(
        "serve",
        "serve",
        "serve",
        "command",
        DAILY,
        "Start the web app (Today, animals, introductions, session log, JSON API) on this machine.",
    ),
    Command(
        "animal",
        "animals",
        "app",
        "group",
        RECORDS,
        "Your animals: add, list, show, edit, archive.",
    ),
    Command(
        "vet",
        "animals",
        "vet_app",
        "group",
        RECORDS,
        "Vet checks (the latest counts as the health check).",
    ),
    Command("weigh", "animals", "weigh", "command", RECORDS, "Record an animal's weight in grams."),
    Command(
        "intro",
        "introductions",
        "app",
        "group",
        RECORDS,
        "Introductions: which program, who plays which role, and where they stand.",
    ),
    Command(
        "export",
        "transfer",
        "export",
        "command",
        RECORDS,
        "Export every record (and every earlier version) as JSON.",
    ),
    Command(
        "import",
        "transfer",
        "import_",
        "command",
        RECORDS,
        "Import an export into an empty database, or a scenario file as a new introduction.",
    ),
    Command(
        "backup",
        "transfer",
        "backup",
        "command",
        RECORDS,
        "Copy the SQLite database safely, even while it is in use.",
    ),
    Command(
        "restore",
        "transfer",
        "restore",
        "command",
        RECORDS,
        "Restore a backup made by 'ratbond backup', replacing the SQLite database.",
    ),
    Command(
        "people",
        "people",
        "people_app",
        "group",
        RECORDS,
        "People of the household: add, list, give a role, remove, invite, reset a password.",
    ),
    Command(
        "household",
        "people",
        "household_app",
        "group",
        RECORDS,
        "Households: add, list, choose the one to work in.",
    ),
    Command(
        "cage", "care", "cage_app", "group", CARE, "Check a cage against the figures in the seeds."
    ),
    Command(
        "food",
        "care",
        "food",
        "command",
        CARE,
        "Is a food safe for rats? Why, and how much. Typos and plurals are fine.",
    ),
    Command(
        "freeroam",
        "care_records",
        "freeroam_app",
        "group",
        CARE,
        "Safety checks before rats play outside the cage, and the record of each run.",
    ),
    Command(
        "signs",
        "care",
        "signs",
        "command",
        CARE,
        "What rats' sounds and body language mean, and what to do about each sign.",
    ),
    Command(
        "ask",
        "care",
        "ask",
        "command",
        CARE,
        "Ask a question; the answer comes from the knowledge base, with its seed.",
    ),
    Command(
        "trust",
        "care_records",
        "trust_app",
        "group",
        CARE,
        "Log the trust signs each rat shows, and see the trend.",
    ),
    Command(
        "groom",
        "care_records",
        "groom",
        "command",
        CARE,
        "Record a grooming session and health check; any finding raises a see-a-vet alert.",
    ),
    Command(
        "care",
        "care_records",
        "care_app",
        "group",
        CARE,
        "Recurring care tasks: weigh-in, health check, toy rotation, cage cleaning.",
    ),
    Command(
        "evaluate",
        "app",
        "evaluate",
        "command",
        ADVICE,
        "Print the advice for a scenario as one JSON object (the advice contract).",
    ),
    Command(
        "programs",
        "programs",
        "app",
        "group",
        ADVICE,
        "Introduction programs: list them, read their stages, write your own.",
    ),
    Command(
        "signals",
        "signals",
        "signals",
        "command",
        ADVICE,
        "The signals to give in 'log --signal': id, class, what each looks like.",
    ),
    Command(
        "notes",
        "notes",
        "app",
        "group",
        ADVICE,
        "Session notes: see which signals the reader finds in free text.",
    ),
)
BY_NAME = {command.name: command for command in COMMANDS}


def today(
    date: Annotated[
        str | None,
        typer.Option(
            help=f"Plan for another day (YYYY-MM-DD): up to {PLAN_AHEAD_DAYS} days ahead (as if "
            "nothing is logged before then), or a past day whose plan is kept."
        ),
    ] = None,
) -> None:
    """Every active introduction's next step and date, most urgent first, then the care due."""
    from ratbond.cli.agenda import today as show_today

    show_today(date)


def evaluate(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-",
            parser=file_name,
            help="Scenario JSON file (or JSON lines), or - for standard input.",
        ),
    ],
    program_file: Annotated[
        Path | None,
        typer.Option(
            parser=file_path, help="Use your own program file instead of the built-in ones."
        ),
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help="One scenario per line in, one advice per line out; blank lines are skipped. "
            "A bad line stops the run (exit 2) with an error naming its line number, after the "
            "advice of every line before it.",
        ),
    ] = False,
) -> None:
    """Print the advice for a scenario as one JSON object (the advice contract)."""
    from ratbond.evaluate import run as run_evaluate

    raise typer.Exit(
        run_evaluate(source, program_file, sys.stdout, sys.stderr, sys.stdin, jsonl=jsonl)
    )


def print_version(wanted: bool) -> None:
    if wanted:
        print(f"ratbond {__version__}")
        raise typer.Exit()


def ratbond(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print ratbond's version and exit.",
            is_eager=True,
            callback=print_version,
        ),
    ] = False,
    as_: Annotated[
        str | None,
        typer.Option(
            "--as",
            envvar="RATBOND_PERSON",
            show_envvar=False,
            help="Act as this person (their role in the household applies); also "
            "RATBOND_PERSON. Without it: the household's owner, as the login name.",
        ),
    ] = None,
) -> None:
    """Safe, staged introductions between cats, rats and their people."""
    from ratbond.cli.acting import ACTING

    ACTING.set(as_ or None)


class Commands(TyperGroup):
    """The root group: lists every command of COMMANDS, holding only those built."""

    def list_commands(self, ctx: Context) -> list[str]:
        return [command.name for command in COMMANDS]

    def get_command(self, ctx: Context, cmd_name: str) -> ClickCommand | None:
        built = super().get_command(ctx, cmd_name)
        if built is not None or cmd_name not in BY_NAME:
            return built
        # Not built, so not invoked: all the help listing needs is its name, line and panel.
        listed = BY_NAME[cmd_name]
        return TyperCommand(cmd_name, short_help=listed.summary, rich_help_panel=listed.panel)


@cache
def build(names: tuple[str, ...]) -> typer.Typer:
    """The application holding the commands `names` (the others are listed, not built)."""
    application = typer.Typer(
        name="ratbond",
        cls=Commands,
        no_args_is_help=True,
        rich_markup_mode="markdown",
        pretty_exceptions_enable=False,
    )
    # A callback keeps the app a group even when it holds a single command.
    application.callback()(ratbond)
    from ratbond.cli.options import OptionCommand

    for command in COMMANDS:
        if command.name not in names:
            continue
        target = getattr(
            importlib.import_module(f"ratbond.cli.{command.module}"), command.attribute
        )
        if command.kind == "group":
            name_typed_options(target, OptionCommand)
            application.add_typer(
                target, name=command.name, rich_help_panel=command.panel, short_help=command.summary
            )
        else:
            application.command(
                command.name,
                rich_help_panel=command.panel,
                short_help=command.summary,
                cls=OptionCommand,
            )(target)
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
        return build(tuple(BY_NAME))
    raise AttributeError(name)


def run() -> None:
    """Run the app; a user's mistake prints one line and exits 2, never a traceback.

    Click's own usage errors (a bad option value, a missing argument, an unknown command) are
    printed here as one line too, instead of Typer's boxed panel; `typer.Exit` keeps its code.
    """
    try:  # Typer 0.2x carries its own copy of Click; earlier releases use Click itself
        from typer._click.exceptions import UsageError
    except ImportError:  # pragma: no cover - depends on the installed Typer
        from click import UsageError  # type: ignore[assignment]

    for argument in sys.argv[1:]:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:  # bytes the locale could not decode, kept as surrogates
            raw = argument.encode("utf-8", "surrogateescape")
            shown = raw.decode("utf-8", "backslashreplace")
            sys.exit(report(RatbondError(f"'{shown}' is not UTF-8 text; type it again")))
    first = command_named(sys.argv[1:])
    if first in BY_NAME:
        names: tuple[str, ...] = (first,)
    elif first.startswith("-"):
        names = ()  # ratbond's own options (--help, --version) need no command built
    else:
        names = tuple(BY_NAME)  # a mistyped command: Typer suggests the nearest of them all
    try:
        code = build(names)(standalone_mode=False)
    except RatbondError as error:
        sys.exit(report(error))
    except UsageError as error:
        if not error.format_message():  # no command given: the help was shown, not a mistake
            sys.exit(0)
        where = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        message = error.format_message() + date_hint(error)
        sys.exit(report(RatbondError(message + where)))
    except typer.Abort as error:
        if isinstance(error.__context__, EOFError):
            sys.exit(report(RatbondError(INPUT_ENDED)))
        sys.exit(130)  # interrupted (Ctrl-C): the shell's convention, nothing was saved
    sys.exit(code if isinstance(code, int) else 0)


EXTRA_ARGUMENTS = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$")
DATE_WORD = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2}|today|yesterday)$", re.IGNORECASE)
DATE_OPTIONS = ("--date", "--started", "--arrived", "--born", "--until")
"""The options that take a day (`ratbond.cli.display.parse_day`)."""


def date_hint(error: Any) -> str:
    """For an extra argument that reads as a day (`ratbond vet add tom 2026-11-20`): the
    command's date options, one of which it was surely meant for; empty otherwise."""
    extra = EXTRA_ARGUMENTS.match(error.format_message())
    if extra is None or error.ctx is None:
        return ""
    day = next((word for word in extra.group(1).split() if DATE_WORD.match(word)), None)
    options = [
        name
        for param in error.ctx.command.params
        for name in getattr(param, "opts", ())
        if name in DATE_OPTIONS
    ]
    if day is None or not options:
        return ""
    return f"; a day goes after its option: {' or '.join(f'{o} {day}' for o in options)}"


def command_named(args: list[str]) -> str:
    """The command the arguments name, after ratbond's own `--as NAME` (or `--help`)."""
    rest = list(args)
    while rest and (rest[0] == "--as" or rest[0].startswith("--as=")):
        rest = rest[2:] if rest[0] == "--as" else rest[1:]
    return rest[0] if rest else "--help"


def report(error: RatbondError) -> int:
    from ratbond.cli.display import print_error  # Rich's console: only when there is an error

    return print_error(error)


INPUT_ENDED = (
    "the input ended before every question was answered; nothing was saved. Answer each "
    "prompt, or give the answers as options (see --help)"
)
