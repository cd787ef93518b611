"""`ratbond export`, `ratbond import` and `ratbond backup`: move or copy the household records."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from ratbond.cli.display import database, out, shown
from ratbond.cli.options import as_typed
from ratbond.cli.paths import file_name, file_path
from ratbond.errors import InputError, NotFound, RatbondError
from ratbond.store.db import describe
from ratbond.store.transfer import (
    AlreadyImported,
    WouldOverwrite,
    backup_sqlite,
    import_file,
    restore_sqlite,
    write_export,
)


def export(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-",
            parser=file_name,
            help="Where to write the JSON lines; - for standard output.",
        ),
    ] = "-",
) -> None:
    """Export every record (and every earlier version and withdrawn session) as JSON lines,
    written as they are read."""
    db = database()
    if file == "-":
        write_export(db, sys.stdout)
        return
    target = Path(file)
    try:
        with target.open("x", encoding="utf-8") as out_file:
            try:
                counts = write_export(db, out_file)
            except BaseException:
                # Never leave half an export that looks like a whole one.
                out_file.close()
                target.unlink()
                raise
    except FileExistsError:
        raise RatbondError(f"{file}: already exists; choose a new file name") from None
    except OSError as error:
        raise RatbondError(f"{file}: cannot be written ({error.strerror})") from None
    out.print(f"Exported {counts.summary()} to {shown(file)}.")


def import_(
    file: Annotated[
        Path,
        typer.Argument(
            parser=file_path,
            help="A ratbond export, a scenario file, or a diary (with --into).",
        ),
    ],
    into: Annotated[
        str | None,
        typer.Option(
            "--into",
            metavar="INTRO",
            help="Add a diary (CSV with a header, or JSON lines: date, minutes, signals, notes, "
            "and optionally stage, supervised, attempts, rewarded) to this introduction.",
        ),
    ] = None,
    key: Annotated[
        str | None, typer.Option("--id", help="Id for an imported scenario's introduction.")
    ] = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again",
            help="Import a scenario that is already in the database once more, as another "
            "introduction of the same animals.",
        ),
    ] = False,
) -> None:
    """Import an export into an empty database, a scenario file as a new introduction, or a
    diary into an introduction (--into).

    A scenario already imported (the same program, animals and sessions) is refused unless
    --again. A diary goes in whole or not at all; a session without a stage takes the one
    advised on its date."""
    if into is not None:
        if key is not None or again:
            raise InputError(
                "--into", "a diary adds to an introduction: leave out --id and --again"
            )
        _import_diary(file, into)
        return
    try:
        result = import_file(database(), file, key=key, again=again)
    except InputError as error:
        typed = as_typed(error, left_out=False)  # --id; else the file's field
        if typed is not error:
            raise typed from None
        raise in_file(file, error) from None
    except AlreadyImported as error:
        # The same --id again, unless it is the one the scenario already has.
        named = ["--id", key] if key and key.lower() != error.key.lower() else []
        command = ["ratbond", "import", str(file), *named, "--again"]
        raise RatbondError(
            f"{file}: {error}. If you mean to have it twice, import it again as another "
            f"introduction: {shlex.join(command)}"
        ) from None
    counts = result.counts
    if result.kind == "export":
        out.print(f"Imported {counts.summary()}.")
        return
    intro = result.introduction_key
    sessions = f"{counts.sessions} session" + ("" if counts.sessions == 1 else "s")
    animals = f"{counts.animals} new animal" + ("" if counts.animals == 1 else "s")
    out.print(
        f"Imported introduction [cyan]{shown(intro)}[/] ({result.program}) "
        f"with {sessions} ({animals})."
    )
    if result.taken_key is not None:
        out.print(
            f"[yellow]Its id is {shown(intro)}, not {shown(result.taken_key)}: another "
            f"introduction has that one (ratbond intro show {shown(result.taken_key)}). "
            "To choose the id, import with "
            "--id.[/]"
        )
    out.print(f"See: ratbond next {shown(intro)}")


def in_file(file: Path, error: InputError) -> RatbondError:
    """`error`, a field of the file, named after the file: no longer an `InputError`, so the
    command does not take a field of the file (`animals.id`), or the file's own name
    (`id.csv`), for an option of its own (`--id`) the user never typed."""
    return RatbondError(
        f"{file}: {error.path}: {error.message}" if error.path else f"{file}: {error.message}"
    )


def _import_diary(file: Path, into: str) -> None:
    from ratbond.store.diary import import_diary

    try:
        result = import_diary(database(), into, file)
    except NotFound:
        raise
    except InputError as error:
        raise in_file(file, error) from None
    sessions = f"{result.sessions} session" + ("" if result.sessions == 1 else "s")
    span = (
        f" ({result.first.isoformat()} to {result.last.isoformat()})"
        if result.first is not None and result.last is not None
        else ""
    )
    out.print(f"Imported {sessions}{span} into [cyan]{shown(result.introduction_key)}[/].")
    out.print(f"See: ratbond next {shown(result.introduction_key)}")


def backup(
    file: Annotated[Path, typer.Argument(parser=file_path, help="The copy to create.")],
) -> None:
    """Copy the SQLite database safely, even while it is in use."""
    db = database()
    backup_sqlite(db, file)
    out.print(f"Backed up {shown(describe(db.url))} to {shown(file)}.")


def restore(
    file: Annotated[
        Path, typer.Argument(parser=file_path, help="A copy made by 'ratbond backup'.")
    ],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Replace a database that has records.")
    ] = False,
) -> None:
    """Restore a backup made by 'ratbond backup', replacing the SQLite database; one that
    has records is replaced only with --yes."""
    db = database()
    try:
        counts = restore_sqlite(db, file, overwrite=yes)
    except WouldOverwrite as error:
        command = shlex.join(["ratbond", "restore", str(file), "--yes"])
        raise RatbondError(f"{error}. To replace them: {command}") from None
    out.print(f"Restored {shown(describe(db.url))} from {shown(file)}: {counts.summary()}.")
