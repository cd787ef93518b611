"""`ratbond notes`: show what the notes reader understands in an owner's words."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import typer

from ratbond.errors import InputError, did_you_mean, format_path
from ratbond.model import Animal

app = typer.Typer(
    help="Session notes: see which signals the reader finds in free text.",
    no_args_is_help=True,
)

REQUEST_FIELDS = ("program", "animals", "roles", "text")


def _fail(path: tuple[str | int, ...], message: str) -> InputError:
    return InputError(format_path(path), message)


def _text(value: object, path: tuple[str | int, ...]) -> str:
    if not isinstance(value, str):
        raise _fail(path, "expected text")
    return value


def parse_request(
    document: object,
) -> tuple[str, list[Animal], str, dict[str, list[str]] | None]:
    """Validate a notes request: (text, animals, program, roles); errors name the field."""
    from ratbond.programs import builtin_program, builtin_program_files
    from ratbond.scenario import animal_list, unknown_program

    if not isinstance(document, dict):
        raise _fail((), "expected a JSON object with program, animals and text")
    for key in document:
        if key not in REQUEST_FIELDS:
            raise _fail((key,), "unknown field" + did_you_mean(key, REQUEST_FIELDS))
    for key in ("program", "animals", "text"):
        if key not in document:
            raise _fail((key,), "required field is missing")
    program = _text(document["program"], ("program",))
    known = builtin_program_files()
    if program not in known:
        raise _fail(("program",), unknown_program(program, known))
    text = _text(document["text"], ("text",))
    items = document["animals"]
    if not isinstance(items, list) or not items:
        raise _fail(("animals",), "expected a non-empty list of animals")
    animals = list(animal_list(items, ("animals",), dt.date.today()).values())
    roles = _roles(document.get("roles"), builtin_program(program).roles, animals)
    return text, animals, program, roles


def _roles(
    value: object, known: Mapping[str, Any], animals: list[Animal]
) -> dict[str, list[str]] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _fail(("roles",), "expected an object mapping role names to animal ids")
    ids = {animal.id: animal for animal in animals}
    roles: dict[str, list[str]] = {}
    for role, members in value.items():
        if role not in known:
            raise _fail(("roles", role), "unknown role" + did_you_mean(role, known))
        if not isinstance(members, list):
            raise _fail(("roles", role), "expected a list of animal ids")
        for index, member in enumerate(members):
            if member not in ids:
                hint = did_you_mean(member, ids) if isinstance(member, str) else ""
                raise _fail(("roles", role, index), f"unknown animal {json.dumps(member)}{hint}")
        roles[role] = list(members)
    return roles


@app.command()
def parse(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-|TEXT",
            help="Request JSON file, or - for standard input; with --intro, the note itself.",
        ),
    ],
    intro: Annotated[
        str | None,
        typer.Option(
            "--intro",
            help="Read the note against this introduction's animals and program (no request "
            "file needed), e.g. --intro tom-pip 'Tom hissed twice'.",
        ),
    ] = None,
) -> None:
    """Print the signals found in a note: by animal, unattributed, and every span read.

    The request is `{"program": ..., "animals": [{"id", "name", "species"}, ...], "text": ...}`
    (optional `roles` as in a scenario). With `--intro`, give the note's text instead.
    """
    from ratbond.notes import parse_notes

    roles: dict[str, list[str]] | None
    if intro is not None:
        from ratbond.cli.display import database
        from ratbond.store.introductions import get_introduction

        text = sys.stdin.read() if source == "-" else source
        record = get_introduction(database(), intro)
        animals = [member.animal.to_model() for member in record.members]
        program, roles = record.program, {role: list(keys) for role, keys in record.roles.items()}
    else:
        from ratbond.evaluate import read_source
        from ratbond.scenario import parse_json

        document = parse_json(read_source(source, sys.stdin))
        text, animals, program, roles = parse_request(document)
    result = parse_notes(text, animals, program, roles)
    typer.echo(json.dumps(result.to_json(), ensure_ascii=False))
