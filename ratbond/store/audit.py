"""The audit trail: who changed what, when, and through what (web, API or command line).

Every write transaction adds its writes as it commits (`record_writes`, called by
`Database.write`, from the notes `ratbond.store.scope` takes of each statement); sign-ins and
their failures are added by `ratbond.store.people`. Only an owner reads it (`read_audit`);
nobody changes it: the scope refuses any UPDATE or DELETE of an audit row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, and_, insert, or_, select

from ratbond.store import scope as scoping
from ratbond.store.common import now
from ratbond.store.db import Database
from ratbond.store.scope import Scope
from ratbond.store.tables import audit, people

# How many rows one page of the trail shows, at most.
PAGE = 200
# The verbs `record_writes` notes a write with (`ratbond.store.scope.writes`).
WRITE_VERBS = ("insert", "update", "delete")
# What the trail calls each channel, where pages and tables show it.
VIA_WORDS = {"web": "web", "api": "API", "cli": "CLI"}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    via: str
    action: str
    row_id: int | None
    detail: str | None

    @property
    def verb(self) -> str:
        """`insert`, `update` or `delete` for a write; the whole action otherwise."""
        return self.action.split(" ", 1)[0]

    @property
    def table(self) -> str | None:
        """The table a write changed (`sessions`); None for another action (a sign-in)."""
        verb, _, table = self.action.partition(" ")
        return table if verb in WRITE_VERBS else None

    def said(self) -> str:
        """One line: who, through what, when (UTC), and how for a change."""
        how = {"insert": "added by ", "update": "changed by ", "delete": "removed by "}
        through = VIA_WORDS.get(self.via, self.via)
        return f"{how.get(self.verb, '')}{self.actor} ({through}, {self.at:%Y-%m-%d %H:%M})"


def record(
    connection: Connection,
    scope: Scope,
    action: str,
    row_id: int | None = None,
    detail: str | None = None,
) -> None:
    """Add one entry for `scope`'s actor, now."""
    connection.execute(
        insert(audit).values(
            person_id=scope.person_id,
            actor=scope.actor[:100],
            via=scope.via,
            at=now(),
            action=action[:40],
            row_id=row_id,
            detail=None if detail is None else detail[:400],
        )
    )


def record_writes(connection: Connection, scope: Scope) -> None:
    """One entry per write the transaction made (`insert sessions`, row 12), as it commits."""
    for verb, table, row_id in scoping.writes(connection):
        record(connection, scope, f"{verb} {table}", row_id)


def read_audit(
    db: Database,
    *,
    before: int | None = None,
    limit: int = PAGE,
    rows: Mapping[str, Collection[int]] | None = None,
) -> list[AuditEntry]:
    """The newest entries first (older than entry `before`, when given); owners only. With
    `rows` (table name to row ids): only the writes to those rows."""
    with db.read() as connection:
        scope = scoping.current(connection)
        assert scope is not None
        scope.require("audit")
        return _entries(connection, before=before, limit=limit, rows=rows)


def changes(db: Database, rows: Mapping[str, Collection[int]]) -> list[AuditEntry] | None:
    """Who wrote `rows` (table name to row ids), through what and when, oldest first: what
    `history` and the animal pages show. None unless the scope may read the audit trail
    (owners): the others see those pages without it. None too while nobody can sign in: one
    person at one computer wrote every row, and the column would only take room."""
    with db.read() as connection:
        scope = scoping.current(connection)
        assert scope is not None
        if (
            not scope.may("audit")
            or connection.execute(select(people.c.id).limit(1)).first() is None
        ):
            return None
        if not any(rows.values()):
            return []
        return list(reversed(_entries(connection, limit=None, rows=rows)))


def per_row(entries: list[AuditEntry] | None, table: str) -> dict[int, list[AuditEntry]] | None:
    """`changes` by row of `table`, for a table with a row per line (a history)."""
    if entries is None:
        return None
    found: dict[int, list[AuditEntry]] = {}
    for entry in entries:
        if entry.table == table and entry.row_id is not None:
            found.setdefault(entry.row_id, []).append(entry)
    return found


def _entries(
    connection: Connection,
    *,
    before: int | None = None,
    limit: int | None = PAGE,
    rows: Mapping[str, Collection[int]] | None = None,
) -> list[AuditEntry]:
    """The one query of the trail, newest first (the scope keeps it to the household)."""
    query = select(audit).order_by(audit.c.id.desc())
    if limit is not None:
        query = query.limit(min(limit, PAGE))
    if before is not None:
        query = query.where(audit.c.id < before)
    if rows is not None:
        query = query.where(
            or_(
                *(
                    and_(
                        audit.c.action.in_([f"{verb} {table}" for verb in WRITE_VERBS]),
                        audit.c.row_id.in_(sorted(ids)),
                    )
                    for table, ids in rows.items()
                    if ids
                )
            )
        )
    return [
        AuditEntry(
            id=row.id,
            at=row.at,
            actor=row.actor,
            via=row.via,
            action=row.action,
            row_id=row.row_id,
            detail=row.detail,
        )
        for row in connection.execute(query)
    ]
