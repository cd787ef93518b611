"""`ratbond evaluate`: read a scenario, print its advice as one JSON object; kept light."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any, BinaryIO, TextIO

from ratbond.advice import advice_answer
from ratbond.datafiles import FilePath
from ratbond.errors import InputError, RatbondError
from ratbond.limits import MAX_DOCUMENT_CHARS
from ratbond.model import Advice, Program
from ratbond.programs import BuiltinCatalog, builtin_vocabulary, load_program
from ratbond.scenario import parse_json, parse_scenario


def opened(source: str, stdin: TextIO) -> AbstractContextManager[TextIO]:
    """FILE opened as UTF-8 text, or standard input for `-`."""
    if source == "-":
        # JSON is UTF-8 (RFC 8259) whatever the locale or PYTHONIOENCODING says, and a byte
        # that is not UTF-8 is refused as in a file (a C locale would let it through escaped).
        buffer = getattr(stdin, "buffer", None)
        return nullcontext(stdin) if buffer is None else as_utf8(buffer)
    try:
        return open(source, encoding="utf-8")
    except FileNotFoundError:
        raise RatbondError(
            f"{source}: no such file; give a scenario file or '-' for standard input"
        ) from None
    except IsADirectoryError:
        raise RatbondError(f"{source}: is a folder; give a scenario file") from None
    except OSError as error:
        raise RatbondError(f"{source}: cannot be read ({error.strerror})") from None


@contextmanager
def as_utf8(buffer: BinaryIO) -> Iterator[TextIO]:
    """Standard input's bytes read as UTF-8 text; the stream itself is left open."""
    text = io.TextIOWrapper(buffer, encoding="utf-8")
    try:
        yield text
    finally:
        text.detach()


def not_utf8(source: str) -> RatbondError:
    return RatbondError(f"{named(source)}: not UTF-8 text; save the scenario as UTF-8 JSON")


def read_source(source: str, stdin: TextIO) -> str:
    """The text of FILE, or standard input for `-`."""
    with opened(source, stdin) as handle:
        try:
            text = handle.read(MAX_DOCUMENT_CHARS + 1)
        except UnicodeDecodeError:
            raise not_utf8(source) from None
    if len(text) > MAX_DOCUMENT_CHARS:
        check = "send one scenario" if source == "-" else "check the path"
        raise RatbondError(
            f"{named(source)}: larger than {MAX_DOCUMENT_CHARS:,} characters, so not a "
            f"scenario; {check}"
        )
    return text


def named(source: str) -> str:
    """How a message names where the scenario came from: the file, or standard input."""
    return "standard input" if source == "-" else source


def catalogue(program_file: FilePath | None) -> Mapping[str, Program]:
    """The built-in programs, or only the one in `program_file`."""
    if program_file is None:
        return BuiltinCatalog()
    program = load_program(program_file, builtin_vocabulary())
    return {program.id: program}


def advise_text(
    text: str, programs: Mapping[str, Program] | None = None, today: dt.date | None = None
) -> Advice:
    """Validate a scenario given as JSON text and return its advice (built-in programs unless
    `programs` is given)."""
    return advise_answer(text, programs, today)[0]


def advise_answer(
    text: str, programs: Mapping[str, Program] | None = None, today: dt.date | None = None
) -> tuple[Advice, dict[str, Any]]:
    """The advice for a scenario given as JSON text, and what `evaluate` prints
    (`ratbond.advice.advice_answer`)."""
    vocabulary = builtin_vocabulary()
    scenario = parse_scenario(
        parse_json(text),
        vocabulary,
        BuiltinCatalog() if programs is None else programs,
        today or dt.date.today(),
    )
    return advice_answer(scenario, vocabulary)


def write_advice(answer: dict[str, Any], stdout: TextIO) -> None:
    """One JSON object on one line: names as typed where the output can hold them, else as
    JSON escapes (`"T\\u00f5m"`, the same JSON), never an encoding error half way through."""
    text = json.dumps(answer, ensure_ascii=False)
    encoding = getattr(stdout, "encoding", None)
    if encoding:
        try:
            text.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            text = json.dumps(answer)
    stdout.write(text + "\n")


def advise_lines(
    source: str, programs: Mapping[str, Program], stdin: TextIO, stdout: TextIO
) -> None:
    """One advice per scenario line, each written as soon as it is known, so a program talking
    to `evaluate --jsonl -` gets each answer before sending the next line. Blank lines are
    skipped; the first bad line stops the run, its error naming the file and the line."""
    today = dt.date.today()
    where = "line" if source == "-" else f"{source}, line"
    answered = 0
    with opened(source, stdin) as handle:
        try:
            for number, line in enumerate(handle, 1):
                if number == 1:
                    line = line.removeprefix("\ufeff")  # a byte order mark some editors write
                if not line.strip():
                    continue
                try:
                    _, answer = advise_answer(line.rstrip("\r\n"), programs, today)
                except RatbondError as error:
                    raise RatbondError(f"{where} {number}: {error}") from None
                write_advice(answer, stdout)
                stdout.flush()
                answered += 1
        except UnicodeDecodeError:  # decoded ahead, a block at a time: no line number to give
            raise not_utf8(source) from None
    if not answered and source != "-":
        # A stream may end before its first line; a file without one is a wrong file.
        raise RatbondError(f"{source}: is empty; expected one scenario (a JSON object) a line")


def run(
    source: str,
    program_file: FilePath | None,
    stdout: TextIO,
    stderr: TextIO,
    stdin: TextIO,
    *,
    jsonl: bool = False,
) -> int:
    """The whole command: 0 with the advice on stdout, or 2 with one line on stderr. With
    `jsonl`, one scenario per line in and one advice per line out; a bad line stops the run
    with 2, after the advice of every line before it."""
    try:
        programs = catalogue(program_file)
        if jsonl:
            advise_lines(source, programs, stdin, stdout)
            return 0
        _, answer = advise_answer(read_source(source, stdin), programs)
    except RatbondError as error:
        # A field's error names it by its path, as the contract asks; an error of the whole
        # document (not JSON, say) names the file instead, so the owner knows which one.
        whole = isinstance(error, InputError) and not error.path
        where = f"{source}: " if whole and source != "-" else ""
        print(f"error: {where}{error}", file=stderr)
        return 2
    write_advice(answer, stdout)
    return 0


def main(argv: list[str]) -> int:
    """Fast path used by the console script for `ratbond evaluate` (no Typer, no Rich)."""
    program_file: str | None = None
    source: str | None = None
    jsonl = False
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--jsonl":
            jsonl = True
        elif arg == "--program-file" or arg.startswith("--program-file="):
            given = arg.split("=", 1)[1] if "=" in arg else (args.pop(0) if args else "")
            if not given:
                print(
                    f"error: --program-file: give the program file after it; usage: {USAGE}",
                    file=sys.stderr,
                )
                return 2
            program_file = given
        elif source is None and (arg == "-" or not arg.startswith("-")):
            source = arg
        else:
            print(f"error: unexpected argument '{arg}'; usage: {USAGE}", file=sys.stderr)
            return 2
    if source is None:
        print(f"error: missing FILE; usage: {USAGE}", file=sys.stderr)
        return 2
    if not source.strip():
        print(f"error: FILE is empty; give the path of a file; usage: {USAGE}", file=sys.stderr)
        return 2
    return run(source, program_file, sys.stdout, sys.stderr, sys.stdin, jsonl=jsonl)


USAGE = "ratbond evaluate [--jsonl] FILE|- [--program-file FILE]"
