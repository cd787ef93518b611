"""`ratbond export`, `ratbond import` and `ratbond backup`: move or copy the household records."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ratbond.cli.display import database, out
from ratbond.cli.options import as_typed
from ratbond.errors import InputError, RatbondError
from ratbond.store.db import describe
from ratbond.store.transfer import backup_sqlite, export_database, import_document, read_document


def export(
    file: Annotated[
        str,
        typer.Argument(metavar="FILE|-", help="Where to write the JSON; - for standard output."),
    ] = "-",
) -> None:
    """Export every record (and every earlier version) as JSON."""
    document = export_database(database())
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if file == "-":
        sys.stdout.write(text)
        return
    target = Path(file)
    if target.exists():
        raise RatbondError(f"{file}: already exists; choose a new file name")
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise RatbondError(f"{file}: cannot be written ({error.strerror})") from None
    tables = document["tables"]
    out.print(
        f"Exported {len(tables['animals'])} animals, {len(tables['introductions'])} "
        f"introductions and {len(tables['sessions'])} sessions to {file}."
    )


def import_(
    file: Annotated[Path, typer.Argument(help="A ratbond export, or a scenario file.")],
    key: Annotated[
        str | None, typer.Option("--id", help="Id for an imported scenario's introduction.")
    ] = None,
) -> None:
    """Import an export into an empty database, or a scenario file as a new introduction."""
    document = read_document(file)
    try:
        result = import_document(database(), document, key=key)
    except InputError as error:
        typed = as_typed(error)  # --id
        if typed is not error:
            raise typed from None
        raise InputError(
            f"{file}: {error.path}" if error.path else str(file), error.message
        ) from None
    if result.kind == "export":
        out.print(
            f"Imported {result.animals} animals, {result.introductions} introductions and "
            f"{result.sessions} sessions."
        )
    else:
        out.print(
            f"Imported introduction [cyan]{result.introduction_key}[/] with {result.sessions} "
            f"sessions ({result.animals} new animals). See: ratbond next {result.introduction_key}"
        )


def backup(file: Annotated[Path, typer.Argument(help="The copy to create.")]) -> None:
    """Copy the SQLite database safely, even while it is in use."""
    db = database()
    backup_sqlite(db, file)
    out.print(f"Backed up {describe(db.url)} to {file}.")
