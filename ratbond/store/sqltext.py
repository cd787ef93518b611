"""Read statements written as SQL text.

A statement takes the day as `:today`. Date columns come back as dates from PostgreSQL and as
the ISO text SQLAlchemy stored from SQLite (`as_date` reads both).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, overload

from sqlalchemy import Connection, Date, bindparam, text

if TYPE_CHECKING:
    from ratbond.store.records import StoredAdvice

# An advice row's columns, in the order `stored_advice` reads them. The payload is read as
# text, the same on both backends and both readers, and decoded by the record when read.
ADVICE_FIELDS = (
    "advice.introduction_id",
    "advice.action",
    "advice.stage",
    "advice.minutes",
    "advice.not_before",
    "advice.alerts",
    "advice.due_on",
    "advice.last_session",
    "advice.session_count",
    "CAST(advice.payload AS TEXT)",
)
ADVICE_COLUMNS = ", ".join(ADVICE_FIELDS)
# The advice row holding on :today: from valid_from up to, not including, valid_to (NULL: open).
ADVICE_HOLDS = (
    "advice.valid_from <= :today AND (advice.valid_to IS NULL OR advice.valid_to > :today)"
)


if TYPE_CHECKING:

    @overload
    def as_date(value: dt.date | str) -> dt.date: ...

    @overload
    def as_date(value: None) -> None: ...


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date column as either reader returns it."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def stored_advice(values: Sequence[Any], today: dt.date) -> StoredAdvice:
    """An advice row (its `ADVICE_FIELDS`) as it reads on `today`: a `not_before` that has
    passed means today (in its payload too, once decoded)."""
    from ratbond.store.records import StoredAdvice

    intro, action, stage, minutes, not_before, alerts, due_on, last, count, text = values
    shown = as_date(not_before)
    if shown is not None and shown < today:
        shown = today
    return StoredAdvice(
        introduction_id=intro,
        today=today,
        action=action,
        stage=stage,
        minutes=minutes,
        not_before=shown,
        alerts=tuple(alerts.split()),
        due_on=as_date(due_on),
        last_session=as_date(last),
        session_count=count,
        payload_json=text,
    )


def execute(
    connection: Connection, sql: str, today: dt.date | None = None, **params: Any
) -> Sequence[Sequence[Any]]:
    """Run a statement of this module's kind in an open transaction, with `:today` bound as a
    date when given (other parameters are plain numbers or text)."""
    statement = text(sql)
    if today is not None:
        params["today"] = today
        statement = statement.bindparams(bindparam("today", type_=Date))
    return connection.execute(statement, params).all()
