"""`ratbond notes`: show what the notes reader understands in an owner's words."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from typing import Annotated, Any

import typer

from ratbond.errors import InputError, did_you_mean, format_path
from ratbond.model import SPECIES, Animal

app = typer.Typer(
    help="Session notes: see which signals the reader finds in free text.",
    no_args_is_help=True,
)

REQUEST_FIELDS = ("program", "animals", "roles", "text")
ANIMAL_FIELDS = (
    "id",
    "name",
    "species",
    "sex",
    "arrived",
    "born",
    "origin",
    "prey_drive",
    "health_check",
)
ANIMAL_ID = re.compile(r"[a-z0-9_-]+")


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
    from ratbond.scenario import parse_date

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
        raise _fail(
            ("program",),
            f"unknown program '{program}'"
            + did_you_mean(program, known)
            + "; known: "
            + ", ".join(known),
        )
    text = _text(document["text"], ("text",))
    items = document["animals"]
    if not isinstance(items, list) or not items:
        raise _fail(("animals",), "expected a non-empty list of animals")
    animals: list[Animal] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        path: tuple[str | int, ...] = ("animals", index)
        if not isinstance(item, dict):
            raise _fail(path, "expected an animal (a JSON object)")
        for key in item:
            if key not in ANIMAL_FIELDS:
                raise _fail((*path, key), "unknown field" + did_you_mean(key, ANIMAL_FIELDS))
        if "id" not in item:
            raise _fail((*path, "id"), "required field is missing")
        animal_id = _text(item["id"], (*path, "id"))
        if not ANIMAL_ID.fullmatch(animal_id):
            raise _fail((*path, "id"), f"'{animal_id}' is not a valid id; use a-z, 0-9, - and _")
        if animal_id in seen:
            raise _fail((*path, "id"), f"id '{animal_id}' is used by another animal")
        seen.add(animal_id)
        if "species" not in item:
            raise _fail((*path, "species"), "required field is missing; 'cat' or 'rat'")
        species = item["species"]
        if species not in SPECIES:
            hint = did_you_mean(species, SPECIES) if isinstance(species, str) else ""
            raise _fail(
                (*path, "species"),
                f"unknown species {json.dumps(species)}{hint}; expected 'cat' or 'rat'",
            )
        name = item.get("name")
        sex = item.get("sex")
        arrived = item.get("arrived")
        animals.append(
            Animal(
                id=animal_id,
                species=species,
                name=None if name is None else _text(name, (*path, "name")),
                sex=None if sex is None else _text(sex, (*path, "sex")),
                arrived=None if arrived is None else parse_date(arrived, (*path, "arrived")),
            )
        )
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
