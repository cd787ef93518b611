"""Errors a user can cause, each carrying where it happened and how to fix it."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

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


CLIPPED = 40
"""The most characters of a value a message repeats: a mistyped value is recognised by its
start, and one line stays one line however long the value was."""


def clipped(text: str) -> str:
    """`text` as a message repeats it: whole when short, else its start and its length."""
    if len(text) <= CLIPPED:
        return text
    return f"{text[:CLIPPED]}... ({len(text):,} characters)"


def format_path(parts: Sequence[str | int]) -> str:
    """Render ('sessions', 3, 'signals', 'tom', 1) as `sessions[3].signals.tom[1]`; a key
    too long to repeat is cut short (`clipped`)."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
            continue
        part = clipped(part)
        if not PLAIN_KEY.fullmatch(part):
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
        else:
            text += f".{part}" if text else part
    return text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` suffix naming the closest valid choice, or an empty string."""
    import difflib  # only on the error path: it is slow to import

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f" (did you mean '{match[0]}'?)" if match else ""


def kind_of(value: object) -> str:
    """What a value is, in an owner's words: `a number`, `text`, `a list`..."""
    names = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        tuple: "a list",
        dict: "an object",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _given(value: object) -> str:
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def plain_message(error: Mapping[str, Any]) -> str:
    """One field's validation error (a pydantic error dict) in plain words, without the path:
    what is wrong with the value given, and what to give instead. Every caller that validates
    with pydantic words its errors here: data files (`ratbond.datafiles`) and the web's forms
    and API (`ratbond.web.errors`)."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    got = f"got {kind_of(value)}"
    if kind == "missing":
        return "required field is missing"
    if kind in {"extra_forbidden", "unexpected_keyword_argument"}:
        return "unknown field"
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])  # ours, from a validator: without pydantic's prefix
    bounds = {
        "greater_than": ("gt", "give a number greater than"),
        "greater_than_equal": ("ge", "give a number of at least"),
        "less_than": ("lt", "give a number less than"),
        "less_than_equal": ("le", "give a number of at most"),
    }
    if kind in bounds:
        key, wanted = bounds[kind]
        bound = ctx.get(key)
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)  # 0, not 0.0
        return f"{_given(value)} is out of range; {wanted} {bound}"
    if kind == "literal_error" or kind == "enum":
        return f"unknown value {_given(value)}; expected {ctx.get('expected', 'a listed value')}"
    expected = {
        "int": "a whole number",
        "float": "a number",
        "bool": "true or false",
        "string": "text",
        "date": "a date (YYYY-MM-DD)",
        "dict": "a mapping of keys to values",
        "list": "a list",
        "tuple": "a list",
        "dataclass": "a mapping of fields",
        "model": "a mapping of fields",
    }
    family = kind.split("_", 1)[0]
    if kind == "int_from_float":
        return f"{_given(value)} is not a whole number; give one without a fraction"
    if family in expected and kind.endswith(("_type", "_parsing", "_args_type")):
        return f"expected {expected[family]}, {got} ({_given(value)})"
    if kind == "string_too_short":
        return "is empty; write some text"
    if kind == "string_too_long":
        return f"is too long; at most {ctx.get('max_length')} characters"
    if kind == "too_short":
        least = ctx.get("min_length")
        return f"list at least {least} item{'' if least == 1 else 's'}"
    if kind == "too_long":
        return f"list at most {ctx.get('max_length')} items"
    message = str(error.get("msg", "is not valid"))
    return message[0].lower() + message[1:] if message else "is not valid"
