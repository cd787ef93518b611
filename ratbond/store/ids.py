"""Numbers typed where a record is named: a row's id as the database can hold it, or none."""

from __future__ import annotations

# The largest value of a 64-bit signed integer column, on SQLite and PostgreSQL alike.
MAX_ROW_ID = 2**63 - 1


def row_id(text: str) -> int | None:
    """`text` as a row id when it is one (ASCII digits naming a number the database can hold),
    else None: `³` is a digit to `str.isdigit` but no number, and `2**63` fits no column."""
    wanted = text.strip()
    if not wanted.isascii() or not wanted.isdigit() or len(wanted) > len(str(MAX_ROW_ID)):
        return None
    number = int(wanted)
    return number if 0 < number <= MAX_ROW_ID else None
