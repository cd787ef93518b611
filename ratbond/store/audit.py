"""The audit trail: who changed what, when, and through what (web, API or command line).

Every write transaction adds its writes as it commits (`record_writes`, called by
`Database.write`, from the notes `ratbond.store.scope` takes of each statement); sign-ins and
their failures are added by `ratbond.store.people`. Only an owner reads it (`read_audit`);
nobody changes it: the scope refuses any UPDATE or DELETE of an audit row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from ratbond.store import scope as scoping
from ratbond.store.common import now
from ratbond.store.db import Database
from ratbond.store.scope import Scope
from ratbond.store.tables import audit

# How many rows one page of the trail shows, at most.
PAGE = 200


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str
    via: str
    action: str
    row_id: int | None
    detail: str | None


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


def read_audit(db: Database, *, before: int | None = None, limit: int = PAGE) -> list[AuditEntry]:
    """The newest entries first (older than entry `before`, when given); owners only."""
    with db.read() as connection:
        scope = scoping.current(connection)
        assert scope is not None
        scope.require("audit")
        query = select(audit).order_by(audit.c.id.desc()).limit(min(limit, PAGE))
        if before is not None:
            query = query.where(audit.c.id < before)
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
