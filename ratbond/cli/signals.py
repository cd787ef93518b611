"""`ratbond signals`: the signals an owner can tick in `log --signal`, with what each looks like."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.padding import Padding
from rich.text import Text

from ratbond.cli.display import CLASS_STYLE, out
from ratbond.errors import NotFound
from ratbond.model import Species
from ratbond.programs import builtin_program_files, builtin_vocabulary


def signals(
    species: Annotated[
        Species | None, typer.Option(help="Only this species' signals: cat or rat.")
    ] = None,
    program: Annotated[
        str | None,
        typer.Option(
            help="Only the species of this program's roles, with the classes it gives them "
            "(e.g. squeaking is calm between rats in rat-rat)."
        ),
    ] = None,
) -> None:
    """List the signals to give in `ratbond log --signal ANIMAL:SIGNAL`: id, class, what it
    looks like."""
    vocabulary = builtin_vocabulary()
    overrides: dict[Species, dict[str, str]] = {}
    kinds: list[Species] = list(vocabulary.signals)
    if program is not None:
        from ratbond.programs import builtin_program
        from ratbond.scenario import unknown_program

        files = builtin_program_files()
        if program not in files:
            raise NotFound(unknown_program(program, files), "--program")
        chosen = builtin_program(program)
        overrides = {k: dict(v) for k, v in chosen.signal_class_overrides.items()}
        kinds = [k for k in kinds if k in {role.species for role in chosen.roles.values()}]
    if species is not None:
        kinds = [k for k in kinds if k == species]
    for kind in kinds:
        out.print(Text(f"{kind.capitalize()} signals", style="bold underline"))
        for name, signal in vocabulary.signals[kind].items():
            class_ = overrides.get(kind, {}).get(name, signal.class_)
            line = Text(name, style="bold")
            line.append(f"  {class_}", style=CLASS_STYLE[class_])
            out.print(line)
            out.print(Padding(Text(signal.looks_like), (0, 0, 0, 2), expand=False))
        out.print()
