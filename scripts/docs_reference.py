#!/usr/bin/env python3
"""Write the command reference of docs/cli.md from the commands' own help.

Run `.venv/bin/python scripts/docs_reference.py` after changing a command, its options or
their help; `--check` writes nothing and exits 1 when the reference in the doc is out of date
(tests/test_docs.py runs the same check). The reference sits between two marker lines; the rest
of docs/cli.md is written by hand.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "cli.md"
START = "<!-- reference:start: written by scripts/docs_reference.py from each command's help -->"
END = "<!-- reference:end -->"


def commands(command: Any, path: tuple[str, ...], context: Any) -> Iterator[tuple[str, Any, Any]]:
    """(full name, command, its context) for `command` and every command under it, in
    `--help` order."""
    context = command.make_context(path[-1], [], parent=context, resilient_parsing=True)
    yield " ".join(path), command, context
    for name in getattr(command, "list_commands", lambda _: [])(context):
        yield from commands(command.get_command(context, name), (*path, name), context)


def root_command() -> Any:
    import typer

    from ratbond.cli.app import app

    return typer.main.get_command(app)


def section(name: str, command: Any, context: Any) -> list[str]:
    """The reference of one command: its help, how to call it, and each argument and option."""
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    options = [p for p in command.params if p.param_type_name == "option"]
    words = [name, "[OPTIONS]"] if options else [name]
    for argument in arguments:
        word = (argument.metavar or argument.name.upper()) + ("..." if argument.nargs == -1 else "")
        words.append(word if argument.required else f"[{word}]")
    if hasattr(command, "commands"):
        words.append("COMMAND [ARGS]...")
    lines = [f"### `{name}`", "", inspect.cleandoc(command.help or ""), "", f"`{' '.join(words)}`"]
    records = [p.get_help_record(context) for p in (*arguments, *options)]
    items = [f"- `{usage}`: {' '.join(text.split())}" for usage, text in filter(None, records)]
    return [*lines, "", *items, ""] if items else [*lines, ""]


def reference() -> str:
    """The whole reference: every command, group and subcommand, the markers included."""
    parts = [START, ""]
    for name, command, context in commands(root_command(), ("ratbond",), None):
        parts += section(name, command, context)
    return "\n".join([*parts, END])


def current(text: str) -> str:
    """`text` (a docs/cli.md) with its reference replaced by the one the code gives."""
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{DOC}: the lines {START!r} and {END!r} are missing")
    return head + reference() + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when the doc is out of date"
    )
    args = parser.parse_args(argv)
    text = DOC.read_text(encoding="utf-8")
    wanted = current(text)
    if args.check:
        if text != wanted:
            print(f"{DOC.relative_to(ROOT)} is out of date: run scripts/docs_reference.py")
            return 1
        return 0
    DOC.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
