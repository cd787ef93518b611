"""The stored advice's columns as the day's plan and the advice read them.

The statements are built in Python, so the household's scope (`ratbond.store.scope`) filters
them like every other; the advice row's payload is read as text, the same on both backends,
and decoded by the record when read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Text, and_, cast, or_

from ratbond.store.tables import advice

if TYPE_CHECKING:
    from ratbond.store.records import StoredAdvice

PAYLOAD_TEXT = cast(advice.c.payload, Text)
# An advice row's columns, in the order `stored_advice` reads them.
ADVICE_COLUMNS = (
    advice.c.introduction_id,
    advice.c.action,
    advice.c.stage,
    advice.c.minutes,
    advice.c.not_before,
    advice.c.alerts,
    advice.c.due_on,
    advice.c.last_session,
    advice.c.session_count,
    PAYLOAD_TEXT,
)


def advice_holds(day: dt.date) -> ColumnElement[bool]:
    """The advice row holding on `day`: from valid_from up to, not including, valid_to
    (NULL: open)."""
    return and_(
        advice.c.valid_from <= day, or_(advice.c.valid_to.is_(None), advice.c.valid_to > day)
    )


def stored_advice(values: Sequence[Any], today: dt.date) -> StoredAdvice:
    """An advice row (its `ADVICE_COLUMNS`) as it reads on `today`: a `not_before` that has
    passed means today (in its payload too, once decoded)."""
    from ratbond.store.records import StoredAdvice

    intro, action, stage, minutes, not_before, alerts, due_on, last, count, text = values
    shown = not_before
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
        due_on=due_on,
        last_session=last,
        session_count=count,
        payload_json=text,
    )
