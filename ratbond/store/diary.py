"""Import a diary, sessions kept on paper or in a spreadsheet, into an existing introduction.

A diary is CSV with a header row, or JSON lines (one object per line). Its columns (keys):
`date` (required), `minutes`, `signals` (`tom:slow_blink pip:relaxed` in CSV, an object of
lists in JSON), `notes`, `stage`, `supervised`, `attempts`, `rewarded`. Sessions go in in
date order, each through the store's own writer (`add_session_in`), so a session without a
stage takes the one the advice had on its date; the whole diary is one transaction, and an
error names its line and field. The file is read line by line, refused if larger than
`MAX_DIARY_BYTES`, and a line longer than `MAX_LINE_CHARS` is refused before it is parsed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func, select

from ratbond.errors import InputError, RatbondError
from ratbond.limits import MAX_ATTEMPTS
from ratbond.scenario import parse_date
from ratbond.store.advice import build_scenario, refresh
from ratbond.store.db import Database
from ratbond.store.introductions import open_introduction
from ratbond.store.queries import load_history, today_or
from ratbond.store.replays import replay, resumable
from ratbond.store.sessions import NewSession, add_session_in, check_open
from ratbond.store.tables import sessions

MAX_DIARY_BYTES = 5 * 1024 * 1024
"""A diary of years of daily sessions is far smaller; anything larger is the wrong file."""
MAX_LINE_CHARS = 20_000
"""Room for long notes; a longer line is not a diary's."""
COLUMNS = ("date", "minutes", "signals", "notes", "stage", "supervised", "attempts", "rewarded")
LOGGED_BY = "diary import"
"""Who logged a diary's sessions, as `history` shows it: where they came from."""
ONE_PER_LINE = (
    "a diary in JSON has one object of a session's fields per line (JSON lines), "
    'e.g. {"date": "2026-11-02", "minutes": 5}'
)
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}


@dataclass(frozen=True, slots=True)
class DiaryImported:
    """What a diary import wrote."""

    introduction_key: str
    sessions: int
    first: dt.date | None
    last: dt.date | None


def import_diary(
    db: Database, ref: str, path: Path, *, today: dt.date | None = None
) -> DiaryImported:
    """Add the diary at `path` to introduction `ref`, in one transaction (see the module)."""
    day = today_or(today)
    entries = sorted(read_diary(path), key=lambda entry: entry[1].date or day)
    with db.write() as connection:
        intro = open_introduction(connection, ref)
        check_open(intro)
        base = build_scenario(intro, [], day)
        known = resumable(connection, intro.id, base)
        last_seq = connection.execute(
            select(func.max(sessions.c.seq)).where(sessions.c.introduction_id == intro.id)
        ).scalar()
        seq = last_seq or 0
        for line, new in entries:
            seq += 1
            try:
                known = add_session_in(
                    connection, intro, seq, replace(new, logged_by=LOGGED_BY), day, known
                ) or replay(base, *load_history(connection, intro.id))
            except InputError as error:
                raise InputError(_where(line, error.path), error.message) from None
        refresh(connection, intro, day, base=base, replayed=known)
    dates = [new.date for _, new in entries if new.date is not None]
    return DiaryImported(
        introduction_key=intro.key,
        sessions=len(entries),
        first=min(dates, default=None),
        last=max(dates, default=None),
    )


def _where(line: int, field: str) -> str:
    return f"line {line}" + (f", {field}" if field else "")


def read_diary(path: Path) -> list[tuple[int, NewSession]]:
    """The diary's sessions with the line each starts on; errors name the line and field."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise RatbondError(f"{path}: no such file") from None
    except OSError as error:
        raise RatbondError(f"{path}: cannot be read ({error.strerror})") from None
    if size > MAX_DIARY_BYTES:
        raise RatbondError(
            f"{path}: {size:,} bytes is more than a diary's {MAX_DIARY_BYTES:,}; split it, "
            "or check that it is the right file"
        )
    try:
        with path.open(encoding="utf-8", newline="") as file:
            lines = _bounded_lines(file)
            first = next((item for item in lines if item[1].strip()), None)
            if first is None:
                raise RatbondError(f"{path}: empty; a diary has a header row or JSON lines")
            if first[1].lstrip().startswith(("{", "[")):
                return list(_json_lines(first, lines))
            rows = list(_csv_rows(first, lines))
            if not rows:
                raise RatbondError(
                    f"{path}: a header row and no session; add a row under the header for "
                    "each session"
                )
            return rows
    except UnicodeDecodeError:
        raise RatbondError(f"{path}: not UTF-8 text; save the diary as UTF-8 CSV") from None
    except OSError as error:  # a folder, a file it may not read
        raise RatbondError(f"{path}: cannot be read ({error.strerror})") from None


def _bounded_lines(file: TextIO) -> Iterator[tuple[int, str]]:
    """Each line with its number, refusing one longer than `MAX_LINE_CHARS` unread."""
    number = 0
    while True:
        line = file.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_CHARS and not line.endswith("\n"):
            raise InputError(f"line {number}", f"longer than {MAX_LINE_CHARS:,} characters")
        yield number, line


def _json_lines(
    first: tuple[int, str], rest: Iterator[tuple[int, str]]
) -> Iterator[tuple[int, NewSession]]:
    for number, line in chain((first,), rest):
        if not line.strip():
            continue
        if line.lstrip().startswith("["):
            raise InputError(f"line {number}", "a JSON array; " + ONE_PER_LINE)
        try:
            item = json.loads(line, object_pairs_hook=_once_each)
        except ValueError as error:
            raise InputError(f"line {number}", f"not JSON ({error})") from None
        except InputError as error:
            raise InputError(f"line {number}, {error.path}", error.message) from None
        if not isinstance(item, dict):
            raise InputError(f"line {number}", "expected an object; " + ONE_PER_LINE)
        yield number, _session(number, item, _json_signals)


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each given once: of a key given twice, which one is meant?"""
    item: dict[str, Any] = {}
    for key, value in pairs:
        if key in item:
            raise InputError(key[:40], "given twice; keep the one you mean")
        item[key] = value
    return item


def _csv_rows(
    first: tuple[int, str], rest: Iterator[tuple[int, str]]
) -> Iterator[tuple[int, NewSession]]:
    read = [first[0]]
    """The number of the last line the CSV reader took."""

    def text() -> Iterator[str]:
        for number, line in chain((first,), rest):
            read[0] = number
            yield line

    reader = csv.reader(text())
    try:
        header = [name.strip().lower() for name in next(reader)]
        for place, name in enumerate(header):
            if name not in COLUMNS:
                raise InputError(
                    f"line {first[0]}, {name[:40]}",
                    "unknown column; a diary's columns: " + ", ".join(COLUMNS),
                )
            if name in header[:place]:
                raise InputError(
                    f"line {first[0]}, {name}",
                    "column given twice; keep the one you mean",
                )
        if "date" not in header:
            raise InputError(f"line {first[0]}", "no date column; every session needs its date")
        while True:
            # A quoted field may run over several lines: a row starts after the last read.
            number = read[0] + 1
            row = next(reader, None)
            if row is None:
                return
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise InputError(
                    f"line {number}", f"{len(row)} fields where the header has {len(header)}"
                )
            item = {name: cell for name, cell in zip(header, row, strict=False) if cell.strip()}
            yield number, _session(number, item, _csv_signals)
    except csv.Error as error:
        raise InputError(f"line {read[0]}", f"not CSV ({error})") from None


Signals = dict[str, list[str]]


def _csv_signals(value: Any) -> Signals:
    """`tom:slow_blink pip:relaxed` (or `tom:a,b`): signals grouped by animal."""
    signals: Signals = {}
    for part in str(value).split():
        animal, sep, names = part.partition(":")
        if not sep or not animal or not names.strip(","):
            raise InputError("", f"'{part}' should be ANIMAL:SIGNAL, e.g. tom:slow_blink")
        signals.setdefault(animal, []).extend(n for n in names.split(",") if n)
    return signals


def _json_signals(value: Any) -> Signals:
    """An object of an animal's signals, each a list (or one signal as text)."""
    if not isinstance(value, dict):
        raise InputError("", 'expected an object, e.g. {"tom": ["slow_blink"]}')
    signals: Signals = {}
    for animal, names in value.items():
        listed = [names] if isinstance(names, str) else names
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            raise InputError(animal, "expected a list of signal names")
        signals[animal] = listed
    return signals


def _session(number: int, item: dict[str, Any], signals: Callable[[Any], Signals]) -> NewSession:
    """A diary line's session; an error names the line and the field."""
    for name in item:
        if name not in COLUMNS:
            raise InputError(
                f"line {number}, {name}", "unknown field; a diary's: " + ", ".join(COLUMNS)
            )
    convert = {**CONVERT, "signals": signals}
    values: dict[str, Any] = {}
    for name, value in item.items():
        if value is None:
            continue  # JSON's null: as if the field were left out
        try:
            values[name] = convert[name](value)
        except InputError as error:
            where = f"{name}.{error.path}" if error.path else name
            raise InputError(f"line {number}, {where}", error.message) from None
    if "date" not in values:
        raise InputError(f"line {number}, date", "required: the day of the session")
    return NewSession(**values)


def _date(value: Any) -> dt.date:
    return parse_date(value.strip() if isinstance(value, str) else value, ())


def _number(value: Any) -> float:
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise InputError("", f"'{value}' is not a number of minutes") from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError("", "expected a number of minutes")
    return float(value)


def _count(value: Any) -> int:
    if isinstance(value, str):
        digits = value.strip()
        # ASCII digits only ('²' is a digit to str.isdigit but no number to int), and no
        # more of them than a count can need: the training check names the limit.
        if digits.isascii() and digits.isdigit():
            if len(digits) > 9:
                raise InputError(
                    "", f"a {len(digits):,}-digit number; count at most {MAX_ATTEMPTS:,} tries"
                )
            return int(digits)
        raise InputError("", f"'{value[:40]}' is not a whole number")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InputError("", "expected a whole number")


def _yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in YES | NO:
        return word in YES
    raise InputError("", f"'{value}' is not yes or no")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise InputError("", "expected text")
    return value


CONVERT: dict[str, Callable[[Any], Any]] = {
    "date": _date,
    "minutes": _number,
    "notes": _text,
    "stage": lambda value: _text(value).strip() or None,
    "supervised": _yes_no,
    "attempts": _count,
    "rewarded": _count,
}
