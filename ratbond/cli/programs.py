"""`ratbond programs`: list, show and publish the schema of introduction programs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ratbond.cli.console import out, shown
from ratbond.cli.paths import file_path
from ratbond.errors import NotFound, RatbondError
from ratbond.model import Program
from ratbond.programs import builtin_programs, builtin_vocabulary, load_program, program_schema
from ratbond.scenario import unknown_program
from ratbond.wording import minutes_text

app = typer.Typer(
    help="Introduction programs: list them, read their stages, write your own.",
    no_args_is_help=True,
)


def find_program(name: str, program_file: Path | None = None) -> Program:
    if program_file is not None:
        return load_program(program_file, builtin_vocabulary())
    programs = builtin_programs()
    if name not in programs:
        raise NotFound(unknown_program(name, programs))
    return programs[name]


@app.command("list")
def list_programs() -> None:
    """List the built-in programs and their stages."""
    table = Table(title="Programs", show_lines=True)
    table.add_column("id", style="bold cyan", no_wrap=True)
    table.add_column("title")
    table.add_column("stages")
    table.add_column("seeds", no_wrap=True)
    for program in builtin_programs().values():
        table.add_row(
            program.id,
            program.title,
            " → ".join(s.id for s in program.stages),
            ", ".join(program.seeds),
        )
    out.print(table)


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="Program id, e.g. cat-rat.")] = "",
    program_file: Annotated[
        Path | None, typer.Option(parser=file_path, help="Show your own program file.")
    ] = None,
) -> None:
    """Show a program's stages: what to set up, what to watch, when to stop early."""
    if not name and program_file is None:
        raise RatbondError("name a program (see 'ratbond programs list') or give --program-file")
    program = find_program(name, program_file)
    out.print(
        f"[bold]{shown(program.title)}[/] ([cyan]{shown(program.id)}[/]) — "
        f"seeds {shown(', '.join(program.seeds))}"
    )
    out.print(shown(program.summary), highlight=False)
    for number, stage in enumerate(program.stages, start=1):
        table = Table(show_header=False, box=None, padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        if stage.gate is not None:
            length = f"wait {stage.gate.days} days (from the {stage.gate.role}'s arrival)"
        elif stage.minutes is not None:
            m = stage.minutes
            length = (
                f"{minutes_text(m.start)}, {minutes_text(m.step)} more per calm session, "
                f"at most {minutes_text(m.max)}"
            )
        else:
            length = "untimed"
        table.add_row("length", length)
        if stage.calm_to_advance is not None:
            table.add_row("move on", f"after {stage.calm_to_advance} calm sessions in a row")
        table.add_row("set up", shown(stage.setup))
        table.add_row("watch for", shown("\n".join(f"• {w}" for w in stage.watch_for)))
        table.add_row("end early", shown("\n".join(f"• {w}" for w in stage.end_early_if)))
        table.add_row("seeds", shown(", ".join(stage.seeds)))
        out.rule(f"{number}. {shown(stage.title)} [cyan]({shown(stage.id)})[/]", align="left")
        out.print(table, highlight=False)
    by_origin = program.rules.calm_to_advance_by_origin
    if by_origin:
        out.print(
            "Calm sessions to move on, by origin: "
            + shown(", ".join(f"{k} {v}" for k, v in by_origin.items())),
            highlight=False,
        )


@app.command()
def schema() -> None:
    """Print the JSON Schema of a program file, to write your own program."""
    typer.echo(json.dumps(program_schema(), indent=2))
