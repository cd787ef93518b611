"""Errors a user can cause, each carrying where it happened and how to fix it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RatbondError(Exception):
    """Base of every error that is the user's to fix; callers print it and exit 2 (HTTP 422)."""

    def __str__(self) -> str:
        # Always one line: control characters a user typed into a value show escaped.
        return CONTROL.sub(lambda m: json.dumps(m.group())[1:-1], super().__str__())


class InputError(RatbondError):
    """Bad input, located by a field path such as `sessions[3].signals.tom[1]`."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


class NotFound(InputError):
    """An animal, introduction, session or record asked for by name or number that does not
    exist. The command line says so like any other mistake; the web answers 404. `path` names
    the form field that asked for it, if one did."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(path, message)


class Forbidden(RatbondError):
    """The person's role in the household does not allow this (`ratbond.store.roles`). The
    command line exits 2; the web answers 403. Nothing was saved."""


class StoreUnavailable(RatbondError):
    """The database is locked by another program, read-only, full, or its server went away:
    nothing of the transaction was saved. The command line exits 2; the web answers 503."""


class DataFileError(RatbondError):
    """A program, vocabulary or knowledge file that does not validate."""

    def __init__(self, file: str, path: str, message: str, line: int | None = None) -> None:
        where = file if line is None else f"{file}, line {line}"
        super().__init__(f"{where}: {path}: {message}" if path else f"{where}: {message}")
        self.file = file
        self.path = path
        self.line = line
        self.message = message


def format_path(parts: Sequence[str | int]) -> str:
    """Render ('sessions', 3, 'signals', 'tom', 1) as `sessions[3].signals.tom[1]`."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not PLAIN_KEY.fullmatch(part):
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
        else:
            text += f".{part}" if text else part
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` suffix naming the closest valid choice, or an empty string."""
    import difflib  # only on the error path: it is slow to import

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f" (did you mean '{match[0]}'?)" if match else ""
