"""`ratbond evaluate`: read a scenario, print its advice as one JSON object; kept light."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from typing import TextIO

from ratbond.advice import advise
from ratbond.datafiles import FilePath
from ratbond.errors import InputError, RatbondError
from ratbond.model import Advice, Program
from ratbond.programs import BuiltinCatalog, builtin_vocabulary, load_program
from ratbond.scenario import parse_json, parse_scenario


def read_source(source: str, stdin: TextIO) -> str:
    """The text of FILE, or standard input for `-`."""
    if source == "-":
        return stdin.read()
    try:
        with open(source, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise RatbondError(
            f"{source}: no such file; give a scenario file or '-' for standard input"
        ) from None
    except IsADirectoryError:
        raise RatbondError(f"{source}: is a folder; give a scenario file") from None
    except UnicodeDecodeError:
        raise RatbondError(f"{source}: not UTF-8 text; save the scenario as UTF-8 JSON") from None
    except OSError as error:
        raise RatbondError(f"{source}: cannot be read ({error.strerror})") from None


def advise_text(
    text: str, program_file: FilePath | None = None, today: dt.date | None = None
) -> Advice:
    """Validate a scenario given as JSON text and return its advice."""
    vocabulary = builtin_vocabulary()
    programs: Mapping[str, Program]
    if program_file is not None:
        program = load_program(program_file, vocabulary)
        programs = {program.id: program}
    else:
        programs = BuiltinCatalog()
    scenario = parse_scenario(parse_json(text), vocabulary, programs, today or dt.date.today())
    return advise(scenario, vocabulary)


def run(
    source: str, program_file: FilePath | None, stdout: TextIO, stderr: TextIO, stdin: TextIO
) -> int:
    """The whole command: 0 with the advice on stdout, or 2 with one line on stderr."""
    try:
        advice = advise_text(read_source(source, stdin), program_file)
    except RatbondError as error:
        # A field's error names it by its path, as the contract asks; an error of the whole
        # document (not JSON, say) names the file instead, so the owner knows which one.
        whole = isinstance(error, InputError) and not error.path
        where = f"{source}: " if whole and source != "-" else ""
        print(f"error: {where}{error}", file=stderr)
        return 2
    stdout.write(json.dumps(advice.to_json(), ensure_ascii=False) + "\n")
    return 0


def main(argv: list[str]) -> int:
    """Fast path used by the console script for `ratbond evaluate` (no Typer, no Rich)."""
    program_file: str | None = None
    source: str | None = None
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--program-file" and args:
            program_file = args.pop(0)
        elif arg.startswith("--program-file="):
            program_file = arg.split("=", 1)[1]
        elif source is None and (arg == "-" or not arg.startswith("-")):
            source = arg
        else:
            print(
                f"error: unexpected argument '{arg}'; usage: ratbond evaluate FILE|- "
                "[--program-file FILE]",
                file=sys.stderr,
            )
            return 2
    if source is None:
        print(
            "error: missing FILE; usage: ratbond evaluate FILE|- [--program-file FILE]",
            file=sys.stderr,
        )
        return 2
    return run(source, program_file, sys.stdout, sys.stderr, sys.stdin)
