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
            help="Only the signals this program offers for each of its roles, with the "
            "classes it gives them (e.g. squeaking is calm between rats in rat-rat)."
        ),
    ] = None,
) -> None:
    """List the signals to give in `ratbond log --signal ANIMAL:SIGNAL`: id, class, what it
    looks like."""
    vocabulary = builtin_vocabulary()
    overrides: dict[Species, dict[str, str]] = {}
    # Each list to print: its heading, species and signal ids.
    lists: list[tuple[str, Species, tuple[str, ...]]] = [
        (f"{kind.capitalize()} signals", kind, tuple(signals))
        for kind, signals in vocabulary.signals.items()
    ]
    if program is not None:
        from ratbond.programs import builtin_program, role_signals
        from ratbond.scenario import unknown_program

        files = builtin_program_files()
        if program not in files:
            raise NotFound(unknown_program(program, files), "--program")
        chosen = builtin_program(program)
        overrides = {k: dict(v) for k, v in chosen.signal_class_overrides.items()}
        # Roles offered the same signals share one list (rat-rat's newcomer and residents).
        by_list: dict[tuple[Species, tuple[str, ...]], list[str]] = {}
        for role, part in chosen.roles.items():
            offered = role_signals(chosen, vocabulary, role)
            by_list.setdefault((part.species, offered), []).append(role)
        lists = [
            (f"{kind.capitalize()} signals in {program} ({', '.join(roles)})", kind, offered)
            for (kind, offered), roles in by_list.items()
        ]
    if species is not None:
        lists = [item for item in lists if item[1] == species]
    for heading, kind, offered in lists:
        out.print(Text(heading, style="bold underline"))
        for name in offered:
            signal = vocabulary.signals[kind][name]
            class_ = overrides.get(kind, {}).get(name, signal.class_)
            line = Text(name, style="bold")
            line.append(f"  {class_}", style=CLASS_STYLE[class_])
            out.print(line)
            out.print(Padding(Text(signal.looks_like), (0, 0, 0, 2), expand=False))
        out.print()
