"""HTML form helpers: read what the owner typed, turn it into values, and map errors to fields.

A form keeps the raw text it was given (`Form.values`), so a form re-rendered after an error
shows exactly what the owner typed; the conversions raise `InputError` naming the field, the
same kind of error the store raises, and `Form.fail` turns either into a message by a field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import ImmutableMultiDict

from ratbond.errors import InputError, RatbondError
from ratbond.scenario import parse_date, storable_text


@dataclass
class Form:
    """The submitted values of one form and the errors found in them."""

    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    """A message about the form as a whole (not one field)."""

    @classmethod
    def read(cls, data: ImmutableMultiDict[str, Any], lists: Iterable[str] = ()) -> Form:
        """A posted form or a query string: single values stripped of surrounding blanks;
        `lists` names multi-valued fields."""
        multi = set(lists)
        for key, value in data.multi_items():
            if isinstance(value, str):
                storable_text(value, (key,))
        values = {
            key: str(value).strip()
            for key, value in data.items()
            if isinstance(value, str) and key not in multi
        }
        return cls(
            values=values,
            lists={key: [str(v) for v in data.getlist(key) if isinstance(v, str)] for key in multi},
        )

    def get(self, name: str) -> str:
        return self.values.get(name, "")

    def text(self, name: str) -> str | None:
        """The field's text, or None when left empty."""
        return self.get(name) or None

    def date(self, name: str) -> dt.date | None:
        raw = self.get(name)
        return parse_date(raw, (name,)) if raw else None

    def number(self, name: str, what: str = "a number") -> float | None:
        raw = self.get(name).replace(",", ".")
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            raise InputError(name, f"'{self.get(name)}' is not {what}") from None
        if not math.isfinite(value):
            raise InputError(name, f"'{self.get(name)}' is not {what}")
        return value

    def count(self, name: str, what: str) -> int | None:
        """A whole number the owner counted (the store checks its range), or None when empty."""
        raw = self.get(name)
        if not raw:
            return None
        try:
            return int(raw)
        except ValueError:
            raise InputError(name, f"'{raw}' is not a whole number of {what}") from None

    def checked(self, name: str) -> bool:
        return self.get(name) in {"on", "true", "1", "yes"}

    def fail(self, error: RatbondError, fields: dict[str, str] | None = None) -> Form:
        """Record `error` by the field it names (`fields` maps store paths to form fields)."""
        if isinstance(error, InputError) and error.path:
            known = set(self.values) | set(self.lists)
            name = field_of(error.path, fields or {}, known)
            if name is None:
                self.error = str(error)
            else:
                self.errors[name] = error.message
        else:
            self.error = str(error)
        return self

    @property
    def invalid(self) -> bool:
        return bool(self.errors) or self.error is not None


def field_of(path: str, fields: dict[str, str], known: set[str]) -> str | None:
    """The form field a store error path is about, trying `signals.tom[1]`, `signals.tom`,
    `signals` in turn: mapped through `fields`, or a field the form has; None if none fits."""
    without_index = re.sub(r"\[\d+\]", "", path)
    for candidate in (path, without_index, without_index.split(".", 1)[0]):
        if candidate in fields:
            return fields[candidate]
        if candidate in known:
            return candidate
    return None
