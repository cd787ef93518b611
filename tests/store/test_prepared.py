"""`Prepared` statements store and read exactly what SQLAlchemy would, on both backends."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, delete, select

from ratbond.store import Database
from ratbond.store.prepared import Prepared, insert_into
from ratbond.store.queries import _INTRODUCTION_BY_KEY
from ratbond.store.tables import advice, sessions
from tests.store.helpers import TODAY, cat_and_rat

SESSION = {
    "seq": 1,
    "date": TODAY,
    "stage": "visual",
    "minutes": 7.5,
    "supervised": True,
    "signals": {"tom": ["slow_blink"], "pip": ["relaxed", "grooming"]},
    "notes": "Pip groomed \u2014 then 'slept'",
    "attempts": None,
    "rewarded": None,
    "session_class": "calm",
    "logged_by": "sam",
    "logged_at": dt.datetime(2026, 11, 20, 9, 30, 0, 123),
    "version": 1,
}
INSERT_SESSION = insert_into(sessions, leave_out=("id", "deleted_at"))


def stored(db: Database, table: Any, ids: list[int]) -> list[dict[str, Any]]:
    """The rows as the database holds them (on SQLite: as the driver reads them, no type
    processing), without their ids."""
    names = [column.name for column in table.c if column.name != "id"]
    with db.read() as connection:
        if db.is_sqlite:
            driver = connection.connection.driver_connection
            assert driver is not None
            sql = (
                f"SELECT {', '.join(names)} FROM {table.name} "
                f"WHERE id IN ({', '.join(map(str, ids))}) ORDER BY id"
            )
            rows = driver.execute(sql).fetchall()
        else:
            query = select(*(table.c[name] for name in names)).where(table.c.id.in_(ids))
            rows = connection.execute(query.order_by(table.c.id)).all()
    return [dict(zip(names, row, strict=True)) for row in rows]


def test_an_insert_stores_what_sqlalchemy_stores(db: Database) -> None:
    intro = cat_and_rat(db)
    values = {**SESSION, "introduction_id": intro.id}
    with db.write() as connection:
        prepared_id = INSERT_SESSION.run(connection, values)
        result = connection.execute(INSERT_SESSION.statement, {**values, "seq": 2})
        assert result.inserted_primary_key is not None
        plain_id = int(result.inserted_primary_key[0])
    assert prepared_id is not None
    mine, theirs = stored(db, sessions, [prepared_id, plain_id])
    assert (mine.pop("seq"), theirs.pop("seq")) == (1, 2)
    assert mine == theirs
    if db.is_sqlite:  # the text SQLAlchemy writes for dates, times, booleans and JSON
        assert mine["date"] == "2026-11-20"
        assert mine["logged_at"] == "2026-11-20 09:30:00.000123"
        assert mine["supervised"] == 1
        assert mine["signals"].startswith('{"tom": ["slow_blink"]')


def test_many_rows_and_a_delete(db: Database) -> None:
    intro = cat_and_rat(db)
    rows = [
        {
            "introduction_id": intro.id,
            "valid_from": TODAY + dt.timedelta(days=n),
            "valid_to": None if n == 2 else TODAY + dt.timedelta(days=n + 1),
            "action": "wait",
            "stage": "visual",
            "minutes": None,
            "not_before": TODAY,
            "due_on": None,
            "last_session": None,
            "session_count": n,
            "alerts": "",
            "payload": {"action": "wait", "n": n},
            "computed_at": dt.datetime(2026, 11, 20, 8, 0),
        }
        for n in range(3)
    ]
    clear = Prepared(delete(advice).where(advice.c.introduction_id == bindparam("intro")))
    with db.write() as connection:
        assert clear.run(connection, {"intro": intro.id}) is None
        insert_into(advice).run_many(connection, rows)
    with db.read() as connection:
        read = connection.execute(
            select(advice).where(advice.c.introduction_id == intro.id).order_by(advice.c.id)
        ).all()
    assert [row.session_count for row in read] == [0, 1, 2]
    assert [row.payload for row in read] == [{"action": "wait", "n": n} for n in range(3)]
    assert [row.valid_to for row in read] == [
        TODAY + dt.timedelta(days=1),
        TODAY + dt.timedelta(days=2),
        None,
    ]
    with db.write() as connection:
        clear.run(connection, {"intro": intro.id})
    with db.read() as connection:
        left = connection.execute(select(advice.c.id).where(advice.c.introduction_id == intro.id))
        assert left.all() == []


def test_rows_read_as_sqlalchemy_reads_them(db: Database) -> None:
    cat_and_rat(db)
    with db.read() as connection:
        mine = _INTRODUCTION_BY_KEY.rows(connection, {"key": "tom-pip"})
        theirs = connection.execute(_INTRODUCTION_BY_KEY.statement, {"key": "tom-pip"}).all()
    assert [dict(row) for row in mine] == [dict(row._mapping) for row in theirs]
    assert len(mine) == 2
    first = mine[0]
    assert isinstance(first["intro_started"], dt.date)
    assert isinstance(first["intro_created_at"], dt.datetime)
    assert first["health_check"] == TODAY - dt.timedelta(days=50)
    with db.read() as connection:
        assert _INTRODUCTION_BY_KEY.rows(connection, {"key": "nobody"}) == []
