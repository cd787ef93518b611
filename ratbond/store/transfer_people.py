"""The household's people and audit trail in an export, and back in on import.

An export ends with the household (`household`: its id and name), its people (`people`: name,
e-mail, role, a sitter's animals and last day; never a password or a session), and its audit
trail (`audit`). An import adds the people to the household it imports into, without a
password (`ratbond people reset NAME` prints each a link to choose one), and keeps the audit
trail as it was, with the import itself added to it. Files from before these sections import
as they always did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, insert, select

from ratbond.errors import InputError
from ratbond.scenario import parse_date
from ratbond.store import scope as scoping
from ratbond.store.audit import record
from ratbond.store.common import now
from ratbond.store.people import NAME_MAX, login_of
from ratbond.store.roles import ROLES
from ratbond.store.tables import audit, households, memberships, people

SECTIONS = ("household", "people", "audit")
AUDIT_COLUMNS = tuple(c.name for c in audit.columns if c.name != "household_id")


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def export_rows(connection: Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    """The household, its people and its audit trail, as rows of the export."""
    scope = scoping.current(connection)
    assert scope is not None
    row = connection.execute(
        select(households.c.key, households.c.name).where(households.c.id == scope.household_id)
    ).one()
    yield "household", {"id": row.key, "name": row.name}
    members = connection.execute(
        select(people.c.id, people.c.name, people.c.email, memberships)
        .join(memberships, memberships.c.person_id == people.c.id)
        .where(memberships.c.household_id == scope.household_id)
        .order_by(people.c.id)
    )
    for member in members:
        yield (
            "people",
            {
                "id": member.id,
                "name": member.name,
                "email": member.email,
                "role": member.role,
                "animals": member.animals,
                "until": _iso(member.until),
            },
        )
    for entry in connection.execute(select(audit).order_by(audit.c.id)):
        yield "audit", {name: _iso(entry._mapping[name]) for name in AUDIT_COLUMNS}


def import_rows(connection: Connection, rows: list[tuple[str, Any, str]]) -> str:
    """Add the file's people to the household, then its audit trail (see the module); what
    was added, for `record_import`."""
    scope = scoping.current(connection)
    assert scope is not None
    ids: dict[int, int] = {}
    for name, item, where in rows:
        if not isinstance(item, dict):
            raise InputError(where, "expected an object")
        if name == "people":
            old, new = _person(connection, scope.household_id, item, where)
            ids[old] = new
    # The file's trail as it was (its row ids too), then one entry for the import itself in
    # place of one per row it wrote.
    for name, item, where in rows:
        if name == "audit":
            connection.execute(insert(audit).values(**_entry(item, where, ids)))
    return f"{len(ids)} people and {sum(n == 'audit' for n, _, _ in rows)} audit entries"


def record_import(connection: Connection, detail: str) -> None:
    """One audit entry for the whole import, in place of one per row it wrote (once the id
    sequences have moved past the file's rows)."""
    scope = scoping.current(connection)
    assert scope is not None
    scoping.forget_writes(connection)
    record(connection, scope, "import", None, detail)


def _person(
    connection: Connection, household_id: int, item: dict[str, Any], where: str
) -> tuple[int, int]:
    person_id, name, role = item.get("id"), item.get("name"), item.get("role")
    if not isinstance(person_id, int) or isinstance(person_id, bool):
        raise InputError(f"{where}.id", "expected a whole number")
    if not isinstance(name, str) or not name.strip() or len(name) > NAME_MAX:
        raise InputError(f"{where}.name", f"expected a name of 1 to {NAME_MAX} characters")
    if role not in ROLES:
        raise InputError(f"{where}.role", "expected one of " + ", ".join(ROLES))
    chosen = item.get("animals")
    if chosen is not None and (
        not isinstance(chosen, list) or not all(isinstance(a, int) for a in chosen)
    ):
        raise InputError(f"{where}.animals", "expected a list of animal row ids")
    until = item.get("until")
    email = item.get("email")
    if email is not None and (not isinstance(email, str) or len(email) > 254):
        raise InputError(f"{where}.email", "expected an e-mail address")
    login = login_of(name)
    if connection.execute(select(people.c.id).where(people.c.login == login)).first():
        raise InputError(
            f"{where}.name",
            f"someone is called '{name}' on this server already; rename them in the file "
            "or remove them from it",
        )
    new = connection.execute(
        insert(people).values(name=name.strip(), login=login, email=email, created_at=now())
    ).inserted_primary_key[0]  # type: ignore[index]
    connection.execute(
        insert(memberships).values(
            person_id=new,
            household_id=household_id,
            role=role,
            animals=chosen,
            until=None if until is None else parse_date(until, (where, "until")),
            created_at=now(),
        )
    )
    return person_id, int(new)


def _entry(item: dict[str, Any], where: str, ids: dict[int, int]) -> dict[str, Any]:
    unknown = set(item) - set(AUDIT_COLUMNS)
    if unknown:
        raise InputError(f"{where}.{sorted(unknown)[0]}", "unknown field")
    at, actor, via, action = item.get("at"), item.get("actor"), item.get("via"), item.get("action")
    if not isinstance(at, str):
        raise InputError(f"{where}.at", "expected a date and time")
    try:
        when = dt.datetime.fromisoformat(at)
    except ValueError:
        raise InputError(f"{where}.at", f"'{at}' is not a date and time") from None
    if (
        not isinstance(actor, str)
        or not isinstance(action, str)
        or via not in ("web", "api", "cli")
    ):
        raise InputError(where, "expected actor, action and via (web, api or cli)")
    detail, row_id, person = item.get("detail"), item.get("row_id"), item.get("person_id")
    entry_id = item.get("id")
    return {
        **({"id": entry_id} if isinstance(entry_id, int) and entry_id > 0 else {}),
        "actor": actor[:100],
        "via": via,
        "at": when,
        "action": action[:40],
        "row_id": row_id if isinstance(row_id, int) else None,
        "detail": detail[:400] if isinstance(detail, str) else None,
        "person_id": ids.get(person) if isinstance(person, int) else None,
    }
