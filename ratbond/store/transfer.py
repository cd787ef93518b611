"""Export the whole database as JSON lines and import it back exactly, a row at a time, so
memory stays flat however large the database; import a contract scenario file as a new
introduction. An import is one transaction: a bad file writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

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
from ratbond.limits import MAX_DOCUMENT_CHARS, MAX_EXPORT_LINE_CHARS, MAX_NOTES
from ratbond.model import Animal, Scenario, Session
from ratbond.scenario import parse_date, parse_json, parse_scenario, storable_text
from ratbond.store import transfer_people
from ratbond.store.advice import refresh
from ratbond.store.animals import NewAnimal, add_animal_in, add_vet_check_in
from ratbond.store.common import (
    programs,
    vocabulary,
)
from ratbond.store.db import Database
from ratbond.store.ids import MAX_ROW_ID
from ratbond.store.introductions import fitted_key, start_introduction_in
from ratbond.store.migrations import head_revision, unknown_revision
from ratbond.store.queries import load_animal, load_introductions, today_or
from ratbond.store.sessions import NewSession, add_session_in
from ratbond.store.tables import (
    animals,
    audit,
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
FORMAT_VERSION = 2
"""Version 2 is JSON lines, written and read a row at a time (see docs/store.md); version 1,
one JSON object of tables, is still read (whole, as it was written)."""
LEGACY_VERSION = 1
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
BY_NAME = {table.name: table for table in TABLES}
# Sessions go out grouped by introduction, so an import checks one introduction's at a time.
EXPORT_ORDER: dict[str, tuple[Column[Any], ...]] = {
    "sessions": (sessions.c.introduction_id, sessions.c.id)
}
BATCH = 1_000
"""Rows read from the database, or written to it, at a time."""
Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Counts:
    """The records an export or import moved; both say them the same way (`summary`)."""

    animals: int = 0
    introductions: int = 0
    sessions: int = 0
    """Every session, withdrawn ones included."""
    withdrawn: int = 0

    def summary(self) -> str:
        """`2 animals, 1 introduction and 3 sessions (1 withdrawn)`."""
        withdrawn = f" ({self.withdrawn} withdrawn)" if self.withdrawn else ""
        return (
            f"{_count(self.animals, 'animal')}, {_count(self.introductions, 'introduction')} "
            f"and {_count(self.sessions, 'session')}{withdrawn}"
        )


@dataclass(frozen=True)
class Imported:
    """What an import wrote."""

    kind: str
    """`export` (a whole database) or `scenario` (one introduction)."""
    counts: Counts
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


def _value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


class _Tally:
    """Counts rows as they pass, in `Counts`' terms."""

    def __init__(self) -> None:
        self.rows = {"animals": 0, "introductions": 0, "sessions": 0}
        self.withdrawn = 0

    def add(self, table: str, row: dict[str, Any]) -> None:
        if table in self.rows:
            self.rows[table] += 1
        if table == "sessions" and row["deleted_at"] is not None:
            self.withdrawn += 1

    def counts(self) -> Counts:
        return Counts(**self.rows, withdrawn=self.withdrawn)


def _export_rows(connection: Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every row of every exported table, JSON-ready, read in batches (a server-side cursor on
    PostgreSQL), so no table is ever held whole."""
    streaming = connection.execution_options(stream_results=True, yield_per=BATCH)
    for table in TABLES:
        order = EXPORT_ORDER.get(table.name, tuple(table.primary_key.columns))
        # A row's household is the one exported (and, on import, the one imported into).
        columns = [column for column in table.columns if column.name != "household_id"]
        names = [column.name for column in columns]
        for row in streaming.execute(select(*columns).order_by(*order)):
            yield table.name, {name: _value(value) for name, value in zip(names, row, strict=True)}
    yield from transfer_people.export_rows(connection)


def write_export(db: Database, out: TextIO) -> Counts:
    """Write every record, every earlier version and every deleted row to `out` as JSON lines:
    a header line, then one line per row (`{"table": ..., "row": ...}`) as it is read, then an
    end line with the number of rows, so a file cut short is refused on import."""
    tally = _Tally()
    total = 0
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": head_revision(),
        "tables": [table.name for table in TABLES],
    }
    out.write(json.dumps(header) + "\n")
    with db.read() as connection:
        for name, values in _export_rows(connection):
            out.write(json.dumps({"table": name, "row": values}, ensure_ascii=False) + "\n")
            tally.add(name, values)
            total += 1
    out.write(json.dumps({"end": {"rows": total}}) + "\n")
    return tally.counts()


def export_database(db: Database) -> dict[str, Any]:
    """The export as one object in version 1's layout (what `import_document` reads), for a
    database small enough to hold in memory: a script's or a test's. `write_export` streams."""
    tables: dict[str, list[dict[str, Any]]] = {table.name: [] for table in TABLES}
    with db.read() as connection:
        for name, values in _export_rows(connection):
            tables.setdefault(name, []).append(values)
    return {
        "format": FORMAT,
        "version": LEGACY_VERSION,
        "schema": head_revision(),
        "tables": tables,
    }


def read_document(path: Path) -> Any:
    """A JSON file, parsed; errors name the file and, for bad JSON, the line and column."""
    try:
        with path.open(encoding="utf-8") as file:
            raw = file.read(MAX_DOCUMENT_CHARS + 1)
    except FileNotFoundError:
        raise RatbondError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise RatbondError(f"{path}: not UTF-8 text; is it really a ratbond export?") from None
    except OSError as error:
        raise RatbondError(f"{path}: cannot be read ({error.strerror})") from None
    if len(raw) > MAX_DOCUMENT_CHARS:
        raise RatbondError(
            f"{path}: larger than {MAX_DOCUMENT_CHARS:,} characters, so not a scenario or an "
            "export this ratbond can read whole; check the path"
        )
    try:
        return parse_json(raw)
    except InputError as error:
        raise RatbondError(f"{path}: {error.message}") from None


def import_file(
    db: Database,
    path: Path,
    *,
    key: str | None = None,
    today: dt.date | None = None,
    again: bool = False,
) -> Imported:
    """Import a file: an export of version 2 read a line at a time; anything else (an export
    of version 1, a scenario) read whole by `import_document`."""
    day = today_or(today)
    try:
        with path.open(encoding="utf-8") as file:
            first = _line(file, 1)
            if _is_export(first):
                return _import_export(db, _lines(file), day)
    except FileNotFoundError:
        raise RatbondError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise RatbondError(f"{path}: not UTF-8 text; is it really a ratbond export?") from None
    except OSError as error:
        raise RatbondError(f"{path}: cannot be read ({error.strerror})") from None
    return import_document(db, read_document(path), key=key, today=day, again=again)


def _is_export(line: str) -> bool:
    """Whether `line` is the header of a JSON-lines export (of the version this reads: any
    other version is refused, saying which)."""
    try:
        header = json.loads(line)
    except ValueError:
        return False
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return False
    if header.get("version") == LEGACY_VERSION:
        return False  # a version 1 export written on one line: read whole
    if header.get("version") != FORMAT_VERSION:
        raise InputError(
            "version",
            f"this ratbond reads export versions {LEGACY_VERSION} and {FORMAT_VERSION}, "
            f"the file says {header.get('version')!r}",
        )
    return True


Rows = Iterator[tuple[str, Any, str]]
"""An export's rows as (table name, row, where the row is in the file)."""


def _line(file: TextIO, number: int) -> str:
    """Line `number` of `file`, read no further than `MAX_EXPORT_LINE_CHARS`; empty at the end."""
    line = file.readline(MAX_EXPORT_LINE_CHARS + 1)
    if len(line) > MAX_EXPORT_LINE_CHARS:
        raise InputError(
            f"line {number}",
            f"longer than {MAX_EXPORT_LINE_CHARS:,} characters, so not a line of a ratbond export",
        )
    return line


def _lines(file: TextIO) -> Rows:
    """The rows of a JSON-lines export after its header; refuses a file without its end."""
    number = 1
    while line := _line(file, number := number + 1):
        where = f"line {number}"
        try:
            item = json.loads(line)
        except ValueError as error:
            raise InputError(where, f"not valid JSON ({error})") from None
        if isinstance(item, dict) and set(item) == {"end"}:
            rows = number - 2
            if item["end"] != {"rows": rows}:
                raise InputError(where, f"the end line does not match the {rows} rows before it")
            if _line(file, number + 1):
                raise InputError(f"line {number + 1}", "more after the end line")
            return
        if not isinstance(item, dict) or set(item) != {"table", "row"}:
            raise InputError(where, 'expected {"table": ..., "row": {...}}')
        yield item["table"], item["row"], f"{where}, {item['table']}"
    raise InputError(
        "", "the file ends before its end line: it was cut short, so nothing was imported"
    )


def _document_rows(document: dict[str, Any]) -> Rows:
    """The rows of a version 1 export, an object of tables."""
    if document.get("version") != LEGACY_VERSION:
        raise InputError(
            "version",
            f"this ratbond reads export versions {LEGACY_VERSION} and {FORMAT_VERSION}, "
            f"the file says {document.get('version')!r}",
        )
    data = document.get("tables")
    if not isinstance(data, dict):
        raise InputError("tables", "missing, or not an object of tables")
    for name in data:
        if name not in BY_NAME and name not in transfer_people.SECTIONS:
            raise InputError(f"tables.{name}", "unknown table; expected " + ", ".join(BY_NAME))
    for table in TABLES:
        items = data.get(table.name, [])
        if not isinstance(items, list):
            raise InputError(f"tables.{table.name}", "expected a list of rows")
        for index, item in enumerate(items):
            yield table.name, item, format_path(("tables", table.name, index))
    for name in transfer_people.SECTIONS:
        for index, item in enumerate(data.get(name, [])):
            yield name, item, format_path(("tables", name, index))


def import_document(
    db: Database,
    document: Any,
    *,
    key: str | None = None,
    today: dt.date | None = None,
    again: bool = False,
) -> Imported:
    """Import an export of version 1 (into an empty database) or a contract scenario (as a new
    introduction), already parsed.

    A scenario already imported (`AlreadyImported`) is refused unless `again`, which imports it
    as one more introduction of the same animals."""
    day = today_or(today)
    if isinstance(document, dict) and document.get("format") == FORMAT:
        return _import_export(db, _document_rows(document), day)
    if isinstance(document, dict) and ("program" in document or "animals" in document):
        return _import_scenario(db, document, key, day, again=again)
    raise InputError(
        "",
        "neither a ratbond export (made by 'ratbond export') nor a scenario of the advice "
        "contract (with 'program', 'animals', 'roles' and 'sessions')",
    )


# --- whole-database import ---------------------------------------------------------------


def _converter(column: Column[Any]) -> Callable[[Any, str], Any]:
    kind = column.type

    def check(value: Any, path: str) -> Any:
        if value is None:
            if not column.nullable:
                raise InputError(path, "required, cannot be null")
            return None
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise InputError(path, "expected true or false")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise InputError(path, "expected a whole number")
            if not -MAX_ROW_ID - 1 <= value <= MAX_ROW_ID:
                raise InputError(path, "larger than any number a record holds")
            return value
        if isinstance(kind, Float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InputError(path, "expected a number")
            if not math.isfinite(value):
                raise InputError(path, "expected a finite number")
            return float(value)
        if isinstance(kind, DateTime):
            if not isinstance(value, str):
                raise InputError(path, "expected a date and time as text")
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                raise InputError(path, f"'{value}' is not a date and time") from None
        if isinstance(kind, Date):
            try:
                return parse_date(value, ())
            except InputError as error:
                raise InputError(path, error.message) from None
        if isinstance(kind, String):
            if not isinstance(value, str):
                raise InputError(path, "expected text")
            # The longest text every writer keeps (`ratbond.store.text`): a column's own
            # length, else the limit of free text, so whatever was written imports again.
            longest = kind.length if kind.length is not None else MAX_NOTES
            if len(value) > longest:
                raise InputError(
                    path,
                    f"is {len(value):,} characters long; at most {longest:,} are kept: "
                    "shorten it in the file and import it again",
                )
            return storable_text(value, (path,))
        if isinstance(kind, JSON):
            if not isinstance(value, dict):
                raise InputError(path, "expected an object")
            return value
        raise AssertionError(f"no converter for {kind!r}")

    return check


CHECKS = {
    table.name: {
        column.name: _converter(column) for column in table.columns if column.name != "household_id"
    }
    for table in TABLES
}


def _checked(table: str, item: Any, where: str) -> dict[str, Any]:
    """A row of the file, every value checked against its column."""
    checks = CHECKS.get(table)
    if checks is None:
        raise InputError(where, "unknown table; expected " + ", ".join(BY_NAME))
    if not isinstance(item, dict):
        raise InputError(where, "expected a row (an object)")
    for field in item:
        if field not in checks:
            raise InputError(f"{where}.{field}", "unknown column")
    return {name: check(item.get(name), f"{where}.{name}") for name, check in checks.items()}


class _Households:
    """What checking an introduction's sessions needs from the tables before them: the
    animals, their latest vet checks, the introductions and their members (small beside the
    sessions, so kept while the sessions stream past)."""

    def __init__(self) -> None:
        self.animals: dict[int, dict[str, Any]] = {}
        self.checks: dict[int, dt.date] = {}
        self.introductions: dict[int, dict[str, Any]] = {}
        self.members: dict[int, list[dict[str, Any]]] = {}

    def add(self, table: str, row: dict[str, Any]) -> None:
        if table == "animals":
            self.animals[row["id"]] = row
        elif table == "vet_checks" and row["deleted_at"] is None:
            animal = row["animal_id"]
            self.checks[animal] = max(self.checks.get(animal, row["date"]), row["date"])
        elif table == "introductions":
            self.introductions[row["id"]] = row
        elif table == "introduction_animals":
            self.members.setdefault(row["introduction_id"], []).append(row)

    def check(self, intro_id: int, live: list[tuple[str, dict[str, Any]]], day: dt.date) -> None:
        """Run one introduction's live sessions (with where each is) through the contract, in
        the engine's order (by date, then as logged), which the contract asks of a scenario."""
        live = sorted(live, key=lambda item: item[1]["date"])
        intro = self.introductions.get(intro_id)
        if intro is None:
            # Not in the file: the insert says so ("do not fit together").
            return
        where = f"introduction {intro['key']}"
        roles: dict[str, list[str]] = {}
        entries: list[dict[str, Any]] = []
        for member in sorted(self.members.get(intro_id, []), key=lambda m: m["position"]):
            animal = self.animals.get(member["animal_id"])
            if animal is None:
                raise InputError(where, f"animal {member['animal_id']} is not in the file")
            roles.setdefault(member["role"], []).append(animal["key"])
            facts = {
                **{name: animal[name] for name in ANIMAL_FACTS},
                "id": animal["key"],
                "health_check": self.checks.get(animal["id"]),
            }
            entries.append({k: _value(v) for k, v in facts.items() if v is not None})
        document = {
            "program": intro["program"],
            "today": day.isoformat(),
            "animals": entries,
            "roles": roles,
            "sessions": [_scenario_session(row) for _, row in live],
        }
        try:
            parse_scenario(document, vocabulary(), programs(), day)
        except InputError as error:
            path = error.path
            if path.startswith("sessions["):
                number = int(path[len("sessions[") : path.index("]")])
                path = live[number][0] + path[path.index("]") + 1 :]
            else:
                path = f"{where}: {path}"
            raise InputError(path, error.message) from None


ANIMAL_FACTS = ("species", "name", "sex", "born", "arrived", "origin", "prey_drive")


def _scenario_session(row: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "date": row["date"].isoformat(),
        "stage": row["stage"],
        "supervised": row["supervised"],
        "signals": row["signals"],
    }
    for optional in ("minutes", "notes", "attempts", "rewarded"):
        if row[optional] is not None:
            entry[optional] = row[optional]
    return entry


def _import_export(db: Database, rows: Rows, day: dt.date) -> Imported:
    """Insert the rows in batches as they are read, each introduction's sessions checked by
    the contract before they go in, then refresh every introduction's advice; one transaction."""
    households = _Households()
    tally = _Tally()
    with db.write() as connection:
        existing = connection.execute(select(func.count()).select_from(animals)).scalar_one()
        existing += connection.execute(select(func.count()).select_from(introductions)).scalar_one()
        if existing:
            raise RatbondError(
                "the database already has records; import a full export into an empty "
                "database (point RATBOND_DATABASE_URL at a new file), or import a scenario"
            )
        batch: list[dict[str, Any]] = []
        batch_table: str | None = None
        # The sessions of one introduction, with where each is, waiting for their check.
        group: list[tuple[str, dict[str, Any]]] = []

        def flush() -> None:
            if group:
                live = [(where, row) for where, row in group if row["deleted_at"] is None]
                households.check(group[0][1]["introduction_id"], live, day)
                batch.extend(row for _, row in group)
                group.clear()
            if batch and batch_table is not None:
                connection.execute(insert(BY_NAME[batch_table]), batch)
                batch.clear()

        # The household's people and audit trail, added once its records are in.
        extras: list[tuple[str, Any, str]] = []
        try:
            seen: list[str] = []
            for name, item, where in rows:
                if name in transfer_people.SECTIONS:
                    extras.append((name, item, where))
                    continue
                row = _checked(name, item, where)
                if name != batch_table:
                    flush()
                    if name in seen:
                        raise InputError(where, f"the rows of {name} are not together")
                    seen.append(name)
                    batch_table = name
                tally.add(name, row)
                households.add(name, row)
                if name == "sessions":
                    if group and group[0][1]["introduction_id"] != row["introduction_id"]:
                        flush()
                    group.append((where, row))
                else:
                    batch.append(row)
                    if len(batch) >= BATCH:
                        flush()
            flush()
            added = transfer_people.import_rows(connection, extras)
        except IntegrityError as error:
            reason = str(error.orig).strip().splitlines()[0]
            raise RatbondError(
                f"the file's records do not fit together ({reason}); it is damaged or edited "
                "by hand, so nothing was imported"
            ) from None
        if db.dialect == "postgresql":
            _reset_sequences(connection)
        transfer_people.record_import(connection, f"{tally.counts().summary()}; {added}")
        for intro in load_introductions(connection):
            refresh(connection, intro, day)
    return Imported(kind="export", counts=tally.counts())


def _reset_sequences(connection: Connection) -> None:
    # Rows came with their ids, so each id sequence must move past the largest one (the
    # household's rows are the ones this transaction sees; other households' ids the sequence
    # has already given, so it never goes back).
    for table in (*TABLES, audit):
        if "id" in table.columns and table is not introduction_animals:
            sequence = f"pg_get_serial_sequence('{table.name}', 'id')"
            last = f"pg_sequence_last_value({sequence}::regclass)"
            connection.execute(
                text(
                    f"SELECT setval({sequence}, GREATEST(COALESCE(MAX(id), 1), "
                    f"COALESCE({last}, 1)), MAX(id) IS NOT NULL OR {last} IS NOT NULL) "
                    f"FROM {table.name} WHERE household_id = :household"
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
        wanted = fitted_key("-".join(members))
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
        counts=Counts(animals=created, introductions=1, sessions=len(scenario.sessions)),
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
    except sqlite3.Error as error:
        # A folder it may not write in, a full disk: no half copy that looks like a backup.
        target.unlink(missing_ok=True)
        raise RatbondError(
            f"{target}: the copy cannot be written ({error}); nothing was copied. Choose a "
            "file in a folder you can write to, on a disk with room"
        ) from None
    finally:
        source.close()


class WouldOverwrite(RatbondError):
    """A restore onto a database that has records, not confirmed: nothing was changed."""

    def __init__(self, counts: Counts) -> None:
        super().__init__(
            f"the database has records ({counts.summary()}), and restoring replaces them all "
            "with the backup's; nothing was changed"
        )
        self.counts = counts


def restore_sqlite(db: Database, source: Path, *, overwrite: bool = False) -> Counts:
    """Replace the SQLite database with `source`, a copy made by `backup_sqlite`, with
    SQLite's online backup; the copy's records, counted. A database with records is replaced
    only when `overwrite` (else `WouldOverwrite`)."""
    if not db.is_sqlite:
        raise RatbondError(
            "restore replaces SQLite databases only; for PostgreSQL restore a pg_dump copy "
            f"with pg_restore --clean --dbname '{_pg_conninfo(db)}' FILE"
        )
    if not source.is_file():
        if source.exists():
            raise RatbondError(
                f"{source}: a folder or a device, not a file; restore a copy made by "
                "'ratbond backup'"
            )
        raise RatbondError(f"{source}: no such file")
    assert db.url.database is not None
    target = Path(db.url.database).expanduser()
    if target.exists() and target.samefile(source):
        raise RatbondError(f"{source}: is the database itself; choose a backup")
    try:
        backup = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise RatbondError(f"{source}: cannot be opened ({error})") from None
    try:
        counts = _sqlite_counts(backup, source)
        if target.exists():
            with closing(sqlite3.connect(target)) as current:
                present = _sqlite_counts(current, target, missing_ok=True)
            if present != Counts() and not overwrite:
                raise WouldOverwrite(present)
        db.close()  # no pooled connection holds the file while it is replaced
        destination = sqlite3.connect(target)
        try:
            backup.backup(destination)
        finally:
            destination.close()
    finally:
        backup.close()
    return counts


def _sqlite_counts(
    connection: sqlite3.Connection, path: Path, *, missing_ok: bool = False
) -> Counts:
    """The records of a ratbond SQLite file, counted as an export counts them."""
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if not {"animals", "introductions", "sessions"} <= names:
            if missing_ok and not names - {"alembic_version"}:
                return Counts()
            raise RatbondError(
                f"{path}: not a ratbond database; restore a copy made by 'ratbond backup'"
            )
        if "alembic_version" in names:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            refusal = unknown_revision(None if row is None else str(row[0]), str(path))
            if refusal is not None:
                raise RatbondError(refusal)
        (animals_, intros, total, withdrawn) = connection.execute(
            "SELECT (SELECT count(*) FROM animals), (SELECT count(*) FROM introductions), "
            "(SELECT count(*) FROM sessions), "
            "(SELECT count(*) FROM sessions WHERE deleted_at IS NOT NULL)"
        ).fetchone()
    except sqlite3.DatabaseError as error:
        raise RatbondError(
            f"{path}: not a SQLite database ({error}); restore a copy made by 'ratbond backup'"
        ) from None
    return Counts(animals=animals_, introductions=intros, sessions=total, withdrawn=withdrawn)


def _pg_conninfo(db: Database) -> str:
    url = db.url.set(drivername="postgresql", password=None)
    return url.render_as_string(hide_password=True)
