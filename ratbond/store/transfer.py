"""Export the whole database as JSON and import it back exactly; import a contract scenario
file as a new introduction. An import is one transaction: a bad file writes nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError

from ratbond.errors import InputError, RatbondError, format_path
from ratbond.model import Animal, Scenario, Session
from ratbond.scenario import parse_date, parse_json, parse_scenario
from ratbond.store.advice import refresh
from ratbond.store.animals import NewAnimal, add_animal_in, add_vet_check_in
from ratbond.store.common import (
    programs,
    vocabulary,
)
from ratbond.store.db import Database
from ratbond.store.introductions import start_introduction_in
from ratbond.store.migrations import head_revision
from ratbond.store.queries import load_animal, load_introductions, today_or
from ratbond.store.sessions import NewSession, add_session_in
from ratbond.store.tables import (
    animals,
    care_done,
    free_roam_checks,
    grooming,
    history,
    introduction_animals,
    introductions,
    sessions,
    trust_signs,
    vet_checks,
    weights,
)

FORMAT = "ratbond-export"
FORMAT_VERSION = 1
# In foreign-key order; `advice` is derived and recomputed on import, so it is not exported.
TABLES: tuple[Table, ...] = (
    animals,
    vet_checks,
    weights,
    introductions,
    introduction_animals,
    sessions,
    # Care records (migration 0002); older exports simply have none. Columns added later
    # (sessions' training counts, 0003) are nullable, so older files leave them empty.
    free_roam_checks,
    trust_signs,
    grooming,
    care_done,
    history,
)
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Imported:
    """What an import wrote."""

    kind: str
    """`export` (a whole database) or `scenario` (one introduction)."""
    animals: int
    introductions: int
    sessions: int
    introduction_key: str | None = None
    program: str | None = None
    """A scenario's program."""
    taken_key: str | None = None
    """A scenario's id when no key was given, if another introduction had it: the new one has
    the same id with a number added."""


class AlreadyImported(RatbondError):
    """A scenario whose introduction is already in the database: the same program, the same
    animals in the same roles, and sessions that begin with the file's (the same ones, or
    those and more logged since). Nothing is imported unless the caller asks for it again."""

    def __init__(self, key: str, program: str, sessions: int, logged: int) -> None:
        if sessions == logged:
            same = f"the same {_count(sessions, 'session')}"
        else:
            same = f"the file's {_count(sessions, 'session')} and {logged - sessions} logged since"
        super().__init__(
            f"this scenario is already in the database as introduction '{key}' ({program}, the "
            f"same animals in the same roles, {same}); nothing was imported"
        )
        self.key = key
        self.program = program
        self.sessions = sessions
        self.logged = logged


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _value(column: Column[Any], value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def export_database(db: Database) -> dict[str, Any]:
    """Every record, every earlier version and every deleted row, as one JSON-ready object."""
    with db.read() as connection:
        tables = {
            table.name: [
                {column.name: _value(column, row._mapping[column.name]) for column in table.columns}
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in TABLES
        }
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": head_revision(),
        "tables": tables,
    }


def read_document(path: Path) -> Any:
    """A JSON file, parsed; errors name the file and, for bad JSON, the line and column."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RatbondError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise RatbondError(f"{path}: not UTF-8 text; is it really a ratbond export?") from None
    except OSError as error:
        raise RatbondError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        return parse_json(raw)
    except InputError as error:
        raise RatbondError(f"{path}: {error.message}") from None


def import_document(
    db: Database,
    document: Any,
    *,
    key: str | None = None,
    today: dt.date | None = None,
    again: bool = False,
) -> Imported:
    """Import an export (into an empty database) or a contract scenario (as a new introduction).

    A scenario already imported (`AlreadyImported`) is refused unless `again`, which imports it
    as one more introduction of the same animals."""
    day = today_or(today)
    if isinstance(document, dict) and document.get("format") == FORMAT:
        return _import_export(db, document, day)
    if isinstance(document, dict) and ("program" in document or "animals" in document):
        return _import_scenario(db, document, key, day, again=again)
    raise InputError(
        "",
        "neither a ratbond export (made by 'ratbond export') nor a scenario of the advice "
        "contract (with 'program', 'animals', 'roles' and 'sessions')",
    )


# --- whole-database import ---------------------------------------------------------------


def _converter(column: Column[Any]) -> Callable[[Any, Path_], Any]:
    kind = column.type

    def check(value: Any, path: Path_) -> Any:
        if value is None:
            if not column.nullable:
                raise InputError(format_path(path), "required, cannot be null")
            return None
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise InputError(format_path(path), "expected true or false")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise InputError(format_path(path), "expected a whole number")
            return value
        if isinstance(kind, Float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InputError(format_path(path), "expected a number")
            if not math.isfinite(value):
                raise InputError(format_path(path), "expected a finite number")
            return float(value)
        if isinstance(kind, DateTime):
            if not isinstance(value, str):
                raise InputError(format_path(path), "expected a date and time as text")
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                raise InputError(format_path(path), f"'{value}' is not a date and time") from None
        if isinstance(kind, Date):
            return parse_date(value, path)
        if isinstance(kind, String):
            if not isinstance(value, str):
                raise InputError(format_path(path), "expected text")
            if kind.length is not None and len(value) > kind.length:
                raise InputError(format_path(path), f"longer than {kind.length} characters")
            return value
        if isinstance(kind, JSON):
            if not isinstance(value, dict):
                raise InputError(format_path(path), "expected an object")
            return value
        raise AssertionError(f"no converter for {kind!r}")

    return check


def _rows(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The file's rows, every value checked against its column; one error names the first fault."""
    if document.get("version") != FORMAT_VERSION:
        raise InputError(
            "version",
            f"this ratbond reads export version {FORMAT_VERSION}, "
            f"the file says {document.get('version')!r}",
        )
    data = document.get("tables")
    if not isinstance(data, dict):
        raise InputError("tables", "missing, or not an object of tables")
    names = [table.name for table in TABLES]
    for name in data:
        if name not in names:
            raise InputError(f"tables.{name}", "unknown table; expected " + ", ".join(names))
    result: dict[str, list[dict[str, Any]]] = {}
    for table in TABLES:
        items = data.get(table.name, [])
        if not isinstance(items, list):
            raise InputError(f"tables.{table.name}", "expected a list of rows")
        checks = {column.name: _converter(column) for column in table.columns}
        rows: list[dict[str, Any]] = []
        for index, item in enumerate(items):
            path: Path_ = ("tables", table.name, index)
            if not isinstance(item, dict):
                raise InputError(format_path(path), "expected a row (an object)")
            for field in item:
                if field not in checks:
                    raise InputError(format_path((*path, field)), "unknown column")
            rows.append(
                {name: check(item.get(name), (*path, name)) for name, check in checks.items()}
            )
        result[table.name] = rows
    return result


def _check_sessions(rows: dict[str, list[dict[str, Any]]], day: dt.date) -> None:
    """Run every introduction's live sessions through the contract's validation."""
    animal_rows = {row["id"]: row for row in rows["animals"]}
    by_intro: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    for index, row in enumerate(rows["sessions"]):
        by_intro.setdefault(row["introduction_id"], []).append((index, row))
    members: dict[int, list[dict[str, Any]]] = {}
    for row in sorted(rows["introduction_animals"], key=lambda r: r["position"]):
        members.setdefault(row["introduction_id"], []).append(row)
    checks: dict[int, dt.date] = {}
    for row in rows["vet_checks"]:
        if row["deleted_at"] is None:
            checks[row["animal_id"]] = max(checks.get(row["animal_id"], row["date"]), row["date"])
    for index, intro in enumerate(rows["introductions"]):
        where = f"tables.introductions[{index}]"
        roles: dict[str, list[str]] = {}
        entries: list[dict[str, Any]] = []
        for member in members.get(intro["id"], []):
            animal = animal_rows.get(member["animal_id"])
            if animal is None:
                raise InputError(where, f"animal {member['animal_id']} is not in the file")
            roles.setdefault(member["role"], []).append(animal["key"])
            entries.append(
                {
                    k: (v.isoformat() if isinstance(v, dt.date) else v)
                    for k, v in {
                        "id": animal["key"],
                        "species": animal["species"],
                        "name": animal["name"],
                        "sex": animal["sex"],
                        "born": animal["born"],
                        "arrived": animal["arrived"],
                        "origin": animal["origin"],
                        "prey_drive": animal["prey_drive"],
                        "health_check": checks.get(animal["id"]),
                    }.items()
                    if v is not None
                }
            )
        live = [(i, s) for i, s in by_intro.get(intro["id"], []) if s["deleted_at"] is None]
        scenario_sessions = []
        for _, session in live:
            entry: dict[str, Any] = {
                "date": session["date"].isoformat(),
                "stage": session["stage"],
                "supervised": session["supervised"],
                "signals": session["signals"],
            }
            for optional in ("minutes", "notes", "attempts", "rewarded"):
                if session[optional] is not None:
                    entry[optional] = session[optional]
            scenario_sessions.append(entry)
        document = {
            "program": intro["program"],
            "today": day.isoformat(),
            "animals": entries,
            "roles": roles,
            "sessions": scenario_sessions,
        }
        try:
            parse_scenario(document, vocabulary(), programs(), day)
        except InputError as error:
            path = error.path
            if path.startswith("sessions["):
                number = int(path[len("sessions[") : path.index("]")])
                rest = path[path.index("]") + 1 :]
                path = f"tables.sessions[{live[number][0]}]{rest}"
            else:
                path = f"{where} ({intro['key']}): {path}"
            raise InputError(path, error.message) from None


def _import_export(db: Database, document: dict[str, Any], day: dt.date) -> Imported:
    rows = _rows(document)
    _check_sessions(rows, day)
    with db.write() as connection:
        existing = connection.execute(select(func.count()).select_from(animals)).scalar_one()
        existing += connection.execute(select(func.count()).select_from(introductions)).scalar_one()
        if existing:
            raise RatbondError(
                "the database already has records; import a full export into an empty "
                "database (point RATBOND_DATABASE_URL at a new file), or import a scenario"
            )
        try:
            for table in TABLES:
                if rows[table.name]:
                    connection.execute(insert(table), rows[table.name])
        except IntegrityError as error:
            reason = str(error.orig).strip().splitlines()[0]
            raise RatbondError(
                f"the file's records do not fit together ({reason}); it is damaged or edited "
                "by hand, so nothing was imported"
            ) from None
        if db.dialect == "postgresql":
            _reset_sequences(connection)
        for intro in load_introductions(connection):
            refresh(connection, intro, day)
    return Imported(
        kind="export",
        animals=len(rows["animals"]),
        introductions=len(rows["introductions"]),
        sessions=sum(1 for row in rows["sessions"] if row["deleted_at"] is None),
    )


def _reset_sequences(connection: Connection) -> None:
    # Rows came with their ids, so each id sequence must move past the largest one.
    for table in TABLES:
        if "id" in table.columns and table is not introduction_animals:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
                )
            )


# --- scenario import ---------------------------------------------------------------------


def _import_scenario(
    db: Database, document: dict[str, Any], key: str | None, day: dt.date, *, again: bool
) -> Imported:
    """The scenario as the household would have recorded it: its animals added (or found by
    id), then the introduction started and its sessions logged by the store's own writers."""
    # Dates are checked against the real today: the store never holds a future session.
    document = {k: v for k, v in document.items() if k != "today"}
    scenario = parse_scenario(document, vocabulary(), programs(), day)
    created = 0
    with db.write() as connection:
        ids: dict[str, int] = {}
        for index, animal in enumerate(scenario.animals.values()):
            row = connection.execute(select(animals).where(animals.c.key == animal.id)).first()
            if row is not None:
                if row.species != animal.species:
                    raise InputError(
                        f"animals[{index}].species",
                        f"the database's '{animal.id}' is a {row.species}, the file's a "
                        f"{animal.species}; rename one of them",
                    )
                record = load_animal(connection, row.id)
            else:
                created += 1
                record = add_animal_in(connection, _new_animal(animal), day)
            ids[animal.id] = record.id
            if animal.health_check is not None and (
                record.health_check is None or record.health_check < animal.health_check
            ):
                add_vet_check_in(
                    connection,
                    record,
                    animal.health_check,
                    day,
                    findings="health check date from an imported scenario",
                )
        members = [a for keys in scenario.roles.values() for a in keys]
        if not again:
            _check_not_imported(connection, scenario, [ids[a] for a in members])
        wanted = "-".join(members)[:60]
        try:
            intro = start_introduction_in(
                connection,
                scenario.program.id,
                scenario.roles,
                day,
                key=key,
                started=scenario.sessions[0].date if scenario.sessions else day,
            )
        except InputError as refused:
            if refused.path != "cleared_by":
                raise
            # A scenario file has no field for who cleared the pair: say how to start it.
            raise RatbondError(
                f"{refused.message}. An import cannot do that; start the introduction with "
                "its animals and who cleared them instead (`ratbond intro start` with "
                "--cleared-by), then log its sessions"
            ) from None
        for seq, session in enumerate(scenario.sessions, start=1):
            try:
                add_session_in(connection, intro, seq, _new_session(session), day)
            except InputError as error:
                path = f"sessions[{seq - 1}]" + (f".{error.path}" if error.path else "")
                raise InputError(path, error.message) from None
        refresh(connection, intro, day)
    return Imported(
        kind="scenario",
        animals=created,
        introductions=1,
        sessions=len(scenario.sessions),
        introduction_key=intro.key,
        program=scenario.program.id,
        taken_key=wanted if key is None and intro.key != wanted else None,
    )


def _new_animal(animal: Animal) -> NewAnimal:
    return NewAnimal(
        key=animal.id,
        species=animal.species,
        name=animal.name,
        sex=animal.sex,
        born=animal.born,
        arrived=animal.arrived,
        origin=animal.origin,
        prey_drive=animal.prey_drive,
    )


def _new_session(session: Session) -> NewSession:
    return NewSession(
        stage=session.stage,
        date=session.date,
        minutes=session.minutes,
        supervised=session.supervised,
        signals=session.signals,
        notes=session.notes,
        attempts=session.attempts,
        rewarded=session.rewarded,
        logged_by="import",
    )


def _check_not_imported(
    connection: Connection, scenario: Scenario, animal_ids: Sequence[int]
) -> None:
    """Refuse a scenario whose introduction is already here (`AlreadyImported`)."""
    candidates = connection.execute(
        select(introduction_animals.c.introduction_id)
        .join(introductions, introductions.c.id == introduction_animals.c.introduction_id)
        .where(
            introductions.c.program == scenario.program.id,
            introduction_animals.c.animal_id.in_(animal_ids),
        )
        .distinct()
    ).scalars()
    roles = {role: sorted(keys) for role, keys in scenario.roles.items()}
    wanted = [_session_facts(s) for s in scenario.sessions]
    for intro in load_introductions(connection, list(candidates)):
        if {role: sorted(keys) for role, keys in intro.roles.items()} != roles:
            continue
        logged = [
            _session_facts(row)
            for row in connection.execute(
                select(sessions)
                .where(sessions.c.introduction_id == intro.id, sessions.c.deleted_at.is_(None))
                .order_by(sessions.c.seq)
            )
        ]
        # The same sessions, or those and more logged since; a file without sessions is
        # the same only as an introduction without any.
        if logged[: len(wanted)] == wanted and (wanted or not logged):
            raise AlreadyImported(intro.key, intro.program, len(wanted), len(logged))


def _session_facts(session: Any) -> tuple[Any, ...]:
    """What a session records, from a scenario's session or a stored row, to compare them."""
    signals = {animal: list(names) for animal, names in session.signals.items() if names}
    return (
        session.date,
        session.stage,
        session.minutes,
        session.supervised,
        signals,
        session.notes or None,
        session.attempts,
        session.rewarded,
    )


def backup_sqlite(db: Database, target: Path) -> None:
    """Copy a SQLite database to `target` with SQLite's online backup (safe while in use)."""
    import sqlite3

    if not db.is_sqlite:
        raise RatbondError(
            "backup copies SQLite databases only; for PostgreSQL run "
            f"pg_dump --format=custom --file {target} '{_pg_conninfo(db)}' (restore with "
            "pg_restore), or use 'ratbond export' for a portable JSON copy"
        )
    if target.exists():
        raise RatbondError(f"{target}: already exists; choose a new file name")
    if not target.parent.is_dir():
        raise RatbondError(f"{target.parent}: no such folder")
    db.ensure_schema()
    assert db.url.database is not None
    source = sqlite3.connect(db.url.database)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()


def _pg_conninfo(db: Database) -> str:
    url = db.url.set(drivername="postgresql", password=None)
    return url.render_as_string(hide_password=True)
