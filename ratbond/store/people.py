"""People, households and their roles; signing in, web sessions, API tokens and links.

A person signs in by name and password (an argon2 hash, `argon2-cffi`). They belong to one or
more households, each with a role (`ratbond.store.roles`); what they may do there is the
`Scope` this module makes for them (`scope_of`), which every transaction then carries.

Secrets (a web session's cookie, an API or calendar feed token, an invitation or reset link,
a share link) are random, shown once, and stored only as their SHA-256: a copy of the database
signs nobody in. A link names its household and row in the clear (`h.i.secret`), so it is
looked up in the household it belongs to, and only there; it is single-use (invitations,
resets) or revocable with an end date (shares). An invitation or reset link is moreover signed
with the server's key (`itsdangerous`, its age checked against `LINK_HOURS` as it is opened,
and again against the row's own expiry): a link altered by one character, or older than its
hours, is refused before any row is read.

Failed sign-ins are kept per name and per address, and a name or an address with too many
recent failures must wait (`SIGN_IN_LIMITS`) whatever the password: the same message whether
the name exists or not, and the same work (one argon2 check) either way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import Connection, and_, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from ratbond.errors import Forbidden, InputError, NotFound, RatbondError
from ratbond.limits import MAX_AHEAD_DAYS, MAX_HOUSEHOLD_NAME, MAX_ID
from ratbond.store import audit as auditing
from ratbond.store import scope as scoping
from ratbond.store.common import now
from ratbond.store.db import Database
from ratbond.store.roles import ROLES, Role
from ratbond.store.scope import Scope, Via
from ratbond.store.tables import (
    animals,
    api_tokens,
    households,
    introduction_animals,
    introductions,
    invitations,
    memberships,
    people,
    server_keys,
    shares,
    sign_in_failures,
    web_sessions,
)
from ratbond.store.text import line_text

# A web session lasts this long from sign-in (then the person signs in again).
SESSION_DAYS = 30
# An invitation or reset link is good for this long, once.
LINK_HOURS = 72
# (how many failures, within how many minutes) a name, and an address, may have before the
# next sign-in must wait for the oldest of them to age out.
SIGN_IN_LIMITS = {"name": (5, 15), "address": (20, 15)}
PASSWORD_MIN = 8
PASSWORD_MAX = 200
NAME_MAX = 100
REFUSED = "that name and password do not match; check both and try again"


# --- passwords -------------------------------------------------------------------------------


@cache
def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    checked_password(password)
    return str(_hasher().hash(password))


def checked_password(password: str) -> str:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        raise InputError("password", f"use between {PASSWORD_MIN} and {PASSWORD_MAX} characters")
    return password


def _verify(stored: str | None, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    # A name with no password (or none at all) costs the same check, against a dummy hash.
    target = stored or _dummy_hash()
    try:
        return bool(_hasher().verify(target, password)) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


@cache
def _dummy_hash() -> str:
    return str(_hasher().hash(secrets.token_hex(16)))


def login_of(name: str) -> str:
    """The name as sign-in compares it: spaces trimmed, case folded."""
    return " ".join(name.split()).casefold()


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    person_id: int
    name: str
    email: str | None
    role: Role
    animals: tuple[int, ...]
    until: dt.date | None
    has_password: bool


@dataclass(frozen=True)
class Household:
    id: int
    key: str
    name: str
    role: Role | None


@dataclass(frozen=True)
class Link:
    """A secret link's path part (`h.i.secret`), shown once."""

    token: str
    expires: dt.datetime | dt.date


# --- who acts ---------------------------------------------------------------------------------


def any_people(db: Database) -> bool:
    """Whether anyone can sign in yet (with nobody, ratbond serves 127.0.0.1 only)."""
    with db.read() as connection:
        return connection.execute(select(people.c.id).limit(1)).first() is not None


def scope_of(
    connection: Connection, person_id: int, household_id: int, via: Via, today: dt.date
) -> Scope:
    """What `person_id` may do in `household_id` today, or Forbidden saying why not."""
    row = connection.execute(
        select(people.c.name, memberships.c.role, memberships.c.animals, memberships.c.until)
        .join(memberships, memberships.c.person_id == people.c.id)
        .where(people.c.id == person_id, memberships.c.household_id == household_id)
    ).first()
    if row is None:
        raise Forbidden("you do not belong to this household; ask one of its owners")
    if row.role == "sitter" and (row.until is None or row.until < today):
        ended = "" if row.until is None else f" on {row.until.isoformat()}"
        raise Forbidden(f"your time as a sitter here ended{ended}; ask an owner for more")
    return Scope(
        household_id=household_id,
        role=row.role,
        actor=row.name,
        via=via,
        person_id=person_id,
        animals=frozenset(row.animals or ()) if row.role == "sitter" else None,
        until=row.until,
    )


def scope_for_name(
    db: Database, name: str, household_key: str | None, via: Via, today: dt.date
) -> Scope:
    """The scope of the person called `name` (the CLI's `--as`), in `household_key` or their
    only (else first) household."""
    with db.read() as connection:
        person = connection.execute(
            select(people.c.id).where(people.c.login == login_of(name))
        ).first()
        if person is None:
            known = [r.name for r in connection.execute(select(people.c.name))]
            hint = "see `ratbond people list`" if known else "add one: ratbond people add NAME"
            raise NotFound(f"no person '{name}'; {hint}", "as")
        return scope_of(
            connection,
            person.id,
            _household_for(connection, person.id, household_key),
            via,
            today,
        )


def _household_for(connection: Connection, person_id: int | None, key: str | None) -> int:
    query = select(households.c.id, households.c.key).order_by(households.c.id)
    if person_id is not None:
        query = query.join(memberships, memberships.c.household_id == households.c.id).where(
            memberships.c.person_id == person_id
        )
    rows = connection.execute(query).all()
    if key is None:
        if not rows:
            raise Forbidden("you belong to no household yet; ask an owner for an invitation")
        return int(rows[0].id)
    for row in rows:
        if row.key == key:
            return int(row.id)
    raise NotFound(
        f"no household '{key}' of yours; yours: " + ", ".join(r.key for r in rows), "household"
    )


def household_scope(db: Database, key: str | None, today: dt.date) -> Scope:
    """At the command line with no person named: the household `key` (else the first), as
    its owner, acting under the login name. Refused once people exist and `key` is not the
    first household: then name yourself with `--as`."""
    with db.read() as connection:
        default = db.default_scope(connection)
        if key is None:
            return default
        return Scope(
            household_id=_household_for(connection, None, key),
            role="owner",
            actor=default.actor,
            via="cli",
        )


# --- households -------------------------------------------------------------------------------


def add_household(db: Database, key: str, name: str) -> Household:
    """A new household; the acting person (if any) owns it."""
    from ratbond.store.animals import slug  # the one rule for ids made from names

    # One line, controls removed, refused (never cut) past the column's 200 characters.
    name = line_text(name, "name", longest=MAX_HOUSEHOLD_NAME) or ""
    wanted = slug(key or name)
    if not wanted:
        raise InputError("name", "give the household a name with a letter or a digit")
    if len(wanted) > MAX_ID:
        raise InputError(
            "key" if key else "name",
            f"its id '{wanted[:20]}...' is {len(wanted)} characters long, and an id is at most "
            f"{MAX_ID}: "
            + ("choose a shorter one" if key else "give a shorter name, or the id with --key"),
        )
    with db.write() as connection:
        scope = _scope(connection)
        taken = connection.execute(select(households.c.id).where(households.c.key == wanted))
        if taken.first() is not None:
            raise InputError("key", f"a household '{wanted}' exists; choose another id")
        household_id = connection.execute(
            insert(households).values(key=wanted, name=name, created_at=now())
        ).inserted_primary_key[0]  # type: ignore[index]
        if scope.person_id is not None:
            connection.execute(
                insert(memberships).values(
                    person_id=scope.person_id,
                    household_id=household_id,
                    role="owner",
                    created_at=now(),
                )
            )
        auditing.record(connection, scope, "add household", household_id, wanted)
    return Household(id=household_id, key=wanted, name=name, role="owner")


def list_households(db: Database) -> list[Household]:
    """Every household (at the command line with no person), or the acting person's."""
    with db.read() as connection:
        scope = _scope(connection)
        query = select(households).order_by(households.c.id)
        if scope.person_id is None:
            return [
                Household(id=r.id, key=r.key, name=r.name, role=None)
                for r in connection.execute(query)
            ]
        rows = connection.execute(
            query.add_columns(memberships.c.role)
            .join(memberships, memberships.c.household_id == households.c.id)
            .where(memberships.c.person_id == scope.person_id)
        )
        return [Household(id=r.id, key=r.key, name=r.name, role=r.role) for r in rows]


# --- people -----------------------------------------------------------------------------------


def _scope(connection: Connection) -> Scope:
    scope = scoping.current(connection)
    assert scope is not None, "people are read and written in a scoped transaction"
    return scope


def _first_person(connection: Connection) -> bool:
    return connection.execute(select(people.c.id).limit(1)).first() is None


def _checked_name(name: str) -> str:
    shown = line_text(name, "name", longest=NAME_MAX) or ""
    if not shown:
        raise InputError("name", f"give a name of 1 to {NAME_MAX} characters")
    return shown


def far_ahead(until: dt.date, today: dt.date, what: str, instead: str) -> None:
    """Refuse an end date more than `MAX_AHEAD_DAYS` after `today`, on the field `until`."""
    last = today + dt.timedelta(days=MAX_AHEAD_DAYS)
    if until > last:
        raise InputError(
            "until",
            f"{until.isoformat()} is more than a year ahead; {what} ends by {last.isoformat()} "
            f"at the latest (for longer, {instead})",
        )


def _sitter_terms(
    connection: Connection,
    role: Role,
    chosen: list[str],
    until: dt.date | None,
    today: dt.date | None = None,
) -> tuple[list[int] | None, dt.date | None]:
    """A sitter's animals (by id or name) as row ids, and the end date; None for others. Given
    `today` (a sitter added or invited), an end date before it is refused: such a sitter could
    never sign in. A role changed to end before today is how an owner ends a stay early."""
    if role not in ROLES:
        raise InputError("role", f"'{role}' is no role; choose one of " + ", ".join(ROLES))
    if role != "sitter":
        if chosen or until is not None:
            # Named by what was given: the animals, else the end date.
            raise InputError(
                "animal" if chosen else "until",
                "only a sitter is limited to animals and an end date",
            )
        return None, None
    if not chosen or until is None:
        raise InputError(
            "animal", "a sitter needs the animals they care for and an end date (--until)"
        )
    if today is not None and until < today:
        raise InputError(
            "until",
            f"{until.isoformat()} is in the past; a sitter's last day is today "
            f"({today.isoformat()}) or later",
        )
    far_ahead(until, today or dt.date.today(), "a sitter's stay", "give them the carer role")
    rows = connection.execute(select(animals.c.id, animals.c.key, animals.c.name)).all()
    found: list[int] = []
    for wanted in chosen:
        match = [r.id for r in rows if wanted.strip().lower() in (r.key, (r.name or "").lower())]
        if not match:
            raise NotFound(f"no animal '{wanted}' in this household; see 'ratbond animal list'")
        found.append(match[0])
    return sorted(set(found)), until


def add_person(
    db: Database,
    name: str,
    *,
    role: Role = "owner",
    email: str | None = None,
    password: str | None = None,
    animals_chosen: list[str] | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> Member:
    """A new person in the household, with `role`. The first person ever owns the household
    (an existing database's records become theirs); after that only an owner adds people."""
    shown = _checked_name(name)
    hashed = None if password is None else hash_password(password)
    with db.write() as connection:
        scope = _scope(connection)
        first = _first_person(connection)
        if first:
            if animals_chosen or until is not None:
                raise InputError(
                    "role",
                    f"the first person added owns the household, so '{shown}' cannot be its "
                    "sitter; add the owner first (ratbond people add YOUR-NAME), then the sitter",
                )
            role = "owner"
        else:
            scope.require("people")
        if email is not None and ("@" not in email or len(email) > 254):
            raise InputError("email", f"'{email}' is not an e-mail address")
        if connection.execute(select(people.c.id).where(people.c.login == login_of(shown))).first():
            raise InputError("name", f"someone is called '{shown}' already; choose another name")
        chosen, end = _sitter_terms(
            connection, role, animals_chosen or [], until, today or dt.date.today()
        )
        person_id = connection.execute(
            insert(people).values(
                name=shown,
                login=login_of(shown),
                email=email,
                password_hash=hashed,
                created_at=now(),
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        connection.execute(
            insert(memberships).values(
                person_id=person_id,
                household_id=scope.household_id,
                role=role,
                animals=chosen,
                until=end,
                created_at=now(),
            )
        )
        auditing.record(connection, scope, "add person", person_id, f"{shown} as {role}")
    return Member(person_id, shown, email, role, tuple(chosen or ()), end, hashed is not None)


def list_members(db: Database) -> list[Member]:
    """The household's people, by name."""
    with db.read() as connection:
        scope = _scope(connection)
        rows = connection.execute(
            select(people, memberships.c.role, memberships.c.animals, memberships.c.until)
            .join(memberships, memberships.c.person_id == people.c.id)
            .where(memberships.c.household_id == scope.household_id)
            .order_by(people.c.login)
        )
        return [
            Member(
                r.id,
                r.name,
                r.email,
                r.role,
                tuple(r.animals or ()),
                r.until,
                r.password_hash is not None,
            )
            for r in rows
        ]


def _member(connection: Connection, scope: Scope, name: str) -> Any:
    row = connection.execute(
        select(people.c.id, people.c.name, memberships.c.role)
        .join(memberships, memberships.c.person_id == people.c.id)
        .where(people.c.login == login_of(name), memberships.c.household_id == scope.household_id)
    ).first()
    if row is None:
        raise NotFound(f"no person '{name}' in this household; see `ratbond people list`")
    return row


def _owners_left(connection: Connection, scope: Scope, without: int) -> int:
    return int(
        connection.execute(
            select(func.count()).where(
                memberships.c.household_id == scope.household_id,
                memberships.c.role == "owner",
                memberships.c.person_id != without,
            )
        ).scalar_one()
    )


def set_role(
    db: Database,
    name: str,
    role: Role,
    *,
    animals_chosen: list[str] | None = None,
    until: dt.date | None = None,
) -> Member:
    """Give a member of the household another role (owners only; never the last owner's)."""
    with db.write() as connection:
        scope = _scope(connection)
        scope.require("people")
        row = _member(connection, scope, name)
        chosen, end = _sitter_terms(connection, role, animals_chosen or [], until)
        if row.role == "owner" and role != "owner" and not _owners_left(connection, scope, row.id):
            raise InputError("role", f"{row.name} is the household's only owner; add another")
        connection.execute(
            update(memberships)
            .where(
                memberships.c.person_id == row.id,
                memberships.c.household_id == scope.household_id,
            )
            .values(role=role, animals=chosen, until=end)
        )
        auditing.record(connection, scope, "set role", row.id, f"{row.name} as {role}")
    return Member(row.id, row.name, None, role, tuple(chosen or ()), end, True)


def remove_member(db: Database, name: str) -> str:
    """Take a person out of the household: their sessions and tokens there end at once."""
    with db.write() as connection:
        scope = _scope(connection)
        scope.require("people")
        row = _member(connection, scope, name)
        if row.role == "owner" and not _owners_left(connection, scope, row.id):
            raise InputError("name", f"{row.name} is the household's only owner; add another")
        mine = and_(
            memberships.c.person_id == row.id, memberships.c.household_id == scope.household_id
        )
        connection.execute(delete(memberships).where(mine))
        _revoke(connection, row.id, scope.household_id)
        auditing.record(connection, scope, "remove person", row.id, row.name)
        return str(row.name)


def _revoke(connection: Connection, person_id: int, household_id: int | None) -> None:
    for table in (web_sessions, api_tokens):
        query = update(table).where(table.c.person_id == person_id, table.c.revoked_at.is_(None))
        if household_id is not None:
            query = query.where(table.c.household_id == household_id)
        connection.execute(query.values(revoked_at=now()))


# --- links: invitations, resets, shares -----------------------------------------------------------


def _new_secret(household_id: int, row_id: int) -> tuple[str, str]:
    secret = secrets.token_urlsafe(24)
    return f"{household_id}.{row_id}.{secret}", _digest(secret)


def _parse_link(token: str) -> tuple[int, int, str] | None:
    parts = token.strip().split(".")
    return _link_parts(parts)


def _link_parts(parts: list[str]) -> tuple[int, int, str] | None:
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    if len(parts[0]) > 18 or len(parts[1]) > 18 or len(parts[2]) > 64:
        return None
    return int(parts[0]), int(parts[1]), parts[2]


def invite(
    db: Database,
    role: Role,
    *,
    animals_chosen: list[str] | None = None,
    until: dt.date | None = None,
    name: str | None = None,
    purpose: Literal["join", "reset"] = "join",
    today: dt.date | None = None,
) -> Link:
    """A single-use link that expires in `LINK_HOURS`: to join the household with `role`, or
    (purpose reset) for the member `name` to choose a new password. Owners only."""
    with db.write() as connection:
        scope = _scope(connection)
        scope.require("people")
        person_id = None
        chosen: list[int] | None = None
        end = None
        if purpose == "reset":
            assert name is not None
            person_id = int(_member(connection, scope, name).id)
        else:
            chosen, end = _sitter_terms(
                connection, role, animals_chosen or [], until, today or dt.date.today()
            )
        expires = now() + dt.timedelta(hours=LINK_HOURS)
        row_id = connection.execute(
            insert(invitations).values(
                purpose=purpose,
                token_hash="-" + secrets.token_hex(16),
                person_id=person_id,
                role=None if purpose == "reset" else role,
                animals=chosen,
                until=end,
                created_by=scope.actor[:100],
                created_at=now(),
                expires_at=expires,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        token, digest = _new_secret(scope.household_id, row_id)
        connection.execute(
            update(invitations).where(invitations.c.id == row_id).values(token_hash=digest)
        )
        signed = _link_signer(_made_server_key(connection, "link")).dumps(token.split("."))
    return Link(token=str(signed), expires=expires)


def _server_key(connection: Connection, name: str) -> str | None:
    """The server's key `name`, if made (see migration 0008 for why it is in the database)."""
    return connection.execute(
        select(server_keys.c.value).where(server_keys.c.name == name)
    ).scalar()


def _made_server_key(connection: Connection, name: str) -> str:
    """The server's key `name`, made on first use, once, even when two processes ask at the
    same moment."""
    found = _server_key(connection, name)
    if found is not None:
        return found
    try:
        with connection.begin_nested():
            connection.execute(
                insert(server_keys).values(
                    name=name, value=secrets.token_urlsafe(48), created_at=now()
                )
            )
    except IntegrityError:  # another process made it first: theirs is the key
        pass
    made = _server_key(connection, name)
    assert made is not None
    return made


def _link_signer(key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(key, salt="ratbond.invitation")


def _verified_link(connection: Connection, token: str) -> tuple[int, int, str] | None:
    """The link's parts if its signature is the server's and it is younger than its hours."""
    key = _server_key(connection, "link")
    if key is None or len(token) > 400:
        return None
    try:
        parts = _link_signer(key).loads(token.strip(), max_age=LINK_HOURS * 3600)
    except BadData:  # tampered, made by another server, expired, or not ours at all
        return None
    if not isinstance(parts, list) or not all(isinstance(part, str) for part in parts):
        return None
    return _link_parts(parts)


@dataclass(frozen=True)
class Invitation:
    household_id: int
    household: str
    purpose: str
    role: Role | None
    name: str | None


def _link_scope(household_id: int) -> Scope:
    # Looking a link up: the household it names, seen as its owner would (only the link's row
    # is read), before anyone signs in.
    return Scope(household_id=household_id, role="owner", actor="link", via="web")


def _open_invitation(connection: Connection, token: str) -> Any:
    parsed = _verified_link(connection, token)
    # One message for a link altered, expired, used or unknown: it says nothing of which.
    invalid = NotFound(
        "this link is not valid any more; ask an owner of the household for a new one"
    )
    if parsed is None:
        raise invalid
    household_id, row_id, secret = parsed
    scoping.enter(connection, _link_scope(household_id))
    row = connection.execute(select(invitations).where(invitations.c.id == row_id)).first()
    if (
        row is None
        or not secrets.compare_digest(row.token_hash, _digest(secret))
        or row.used_at is not None
        or row.expires_at < now()
    ):
        raise invalid
    return row


def read_invitation(db: Database, token: str) -> Invitation:
    """What a link is for, or one message if it is unknown, used or expired."""
    with db.read() as connection:
        row = _open_invitation(connection, token)
        household = connection.execute(
            select(households.c.name).where(households.c.id == row.household_id)
        ).scalar_one()
        name = None
        if row.person_id is not None:
            name = connection.execute(
                select(people.c.name).where(people.c.id == row.person_id)
            ).scalar_one()
        return Invitation(row.household_id, household, row.purpose, row.role, name)


def accept_invitation(
    db: Database, token: str, name: str | None, password: str, email: str | None = None
) -> tuple[int, int]:
    """Use a link: join (a new person named `name`) or set the password; once only.
    Returns (person id, household id)."""
    hashed = hash_password(password)
    with db.write() as connection:
        row = _open_invitation(connection, token)
        scope = _scope(connection)
        if row.purpose == "reset":
            person_id = int(row.person_id)
            connection.execute(
                update(people).where(people.c.id == person_id).values(password_hash=hashed)
            )
            _revoke(connection, person_id, None)
            action = "reset password"
        else:
            shown = _checked_name(name or "")
            login = login_of(shown)
            if connection.execute(select(people.c.id).where(people.c.login == login)).first():
                raise InputError("name", f"someone is called '{shown}' already; choose another")
            person_id = connection.execute(
                insert(people).values(
                    name=shown, login=login, email=email, password_hash=hashed, created_at=now()
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            connection.execute(
                insert(memberships).values(
                    person_id=person_id,
                    household_id=row.household_id,
                    role=row.role,
                    animals=row.animals,
                    until=row.until,
                    created_at=now(),
                )
            )
            action = f"joined as {row.role}"
        connection.execute(
            update(invitations).where(invitations.c.id == row.id).values(used_at=now())
        )
        who = Scope(scope.household_id, "owner", actor=name or "link", via="web")
        auditing.record(connection, who, action[:40], person_id)
        return person_id, int(row.household_id)


def make_share(
    db: Database,
    kind: Literal["animal", "introduction"],
    ref: str,
    until: dt.date,
    today: dt.date | None = None,
) -> Link:
    """A read-only link to one animal or introduction until `until` (owners only): from today
    to a year ahead."""
    day = today or dt.date.today()
    if until < day:
        raise InputError(
            "until",
            f"{until.isoformat()} is in the past; a link's last day is today "
            f"({day.isoformat()}) or later",
        )
    far_ahead(until, day, "a link", "make a new link when this one ends")
    with db.write() as connection:
        scope = _scope(connection)
        scope.require("share")
        table = animals if kind == "animal" else introductions
        row = connection.execute(
            select(table.c.id).where(table.c.key == ref.strip().lower())
        ).first()
        if row is None:
            raise NotFound(f"no {kind} '{ref}' in this household")
        share_id = connection.execute(
            insert(shares).values(
                kind=kind,
                row_id=row.id,
                token_hash="-" + secrets.token_hex(16),
                until=until,
                created_by=scope.actor[:100],
                created_at=now(),
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        token, digest = _new_secret(scope.household_id, share_id)
        connection.execute(update(shares).where(shares.c.id == share_id).values(token_hash=digest))
    return Link(token=token, expires=until)


def revoke_share(db: Database, share_id: int) -> None:
    with db.write() as connection:
        _scope(connection).require("share")
        connection.execute(update(shares).where(shares.c.id == share_id).values(revoked_at=now()))


def share_scope(db: Database, token: str, today: dt.date) -> tuple[Scope, str, int]:
    """The scope a share link reads in (one animal, or one introduction and its animals),
    and what it shows; one message for anything unknown, revoked or past its end date."""
    parsed = _parse_link(token)
    gone = NotFound("this share link is not valid any more; ask its owner for a new one")
    if parsed is None:
        raise gone
    household_id, share_id, secret = parsed
    with db.read() as connection:
        scoping.enter(connection, _link_scope(household_id))
        row = connection.execute(select(shares).where(shares.c.id == share_id)).first()
        if (
            row is None
            or not secrets.compare_digest(row.token_hash, _digest(secret))
            or row.revoked_at is not None
            or row.until < today
        ):
            raise gone
        chosen: set[int] = {row.row_id}
        intros: frozenset[int] = frozenset()
        if row.kind == "introduction":
            chosen = set(
                connection.execute(
                    select(introduction_animals.c.animal_id).where(
                        introduction_animals.c.introduction_id == row.row_id
                    )
                ).scalars()
            )
            intros = frozenset({row.row_id})
    scope = Scope(
        household_id=household_id,
        role="viewer",
        actor="share link",
        via="web",
        animals=frozenset(chosen),
        introductions=intros,
    )
    return scope, str(row.kind), int(row.row_id)


# --- signing in --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignedIn:
    person_id: int
    household_id: int
    cookie: str


def _recent_failures(connection: Connection, column: Any, value: str, minutes: int) -> list[Any]:
    since = now() - dt.timedelta(minutes=minutes)
    return list(
        connection.execute(
            select(sign_in_failures.c.at).where(column == value, sign_in_failures.c.at >= since)
        ).scalars()
    )


def wait_before_sign_in(connection: Connection, login: str, address: str) -> int:
    """Seconds the next try of `login` from `address` must wait (0: it may go ahead)."""
    waits = [0]
    for what, column, value in (
        ("name", sign_in_failures.c.login, login),
        ("address", sign_in_failures.c.address, address),
    ):
        limit, minutes = SIGN_IN_LIMITS[what]
        recent = _recent_failures(connection, column, value, minutes)
        if len(recent) >= limit:
            free = min(recent) + dt.timedelta(minutes=minutes)
            waits.append(max(1, int((free - now()).total_seconds()) + 1))
    return max(waits)


class SignInRefused(RatbondError):
    """Wrong name or password, or too many tries: one message either way."""


def sign_in(
    db: Database, name: str, password: str, address: str, today: dt.date | None = None
) -> SignedIn:
    """Check a name and password from `address`; a new web session (its cookie) if they
    match. Every failure is kept and slows the next try of the name and of the address."""
    login = login_of(name)[:NAME_MAX]
    address = address[:64] or "unknown"
    with db.read() as connection:
        waiting = wait_before_sign_in(connection, login, address)
        person = connection.execute(
            select(people.c.id, people.c.password_hash).where(people.c.login == login)
        ).first()
    if waiting:
        raise SignInRefused(
            f"too many tries; wait {max(1, waiting // 60 + (waiting % 60 > 0))} minute(s), "
            "then try again"
        )
    good = _verify(None if person is None else person.password_hash, password[:PASSWORD_MAX])
    with db.write() as connection:
        if not good or person is None:
            connection.execute(
                insert(sign_in_failures).values(login=login, address=address, at=now())
            )
            if person is not None:
                for household_id in _households_of(connection, person.id):
                    who = Scope(household_id, "owner", actor=name[:NAME_MAX], via="web")
                    auditing.record(connection, who, "sign-in failed", person.id, address)
        if not good or person is None:
            pass
        else:
            theirs = _households_of(connection, person.id)
            if not theirs:
                raise Forbidden("you belong to no household yet; ask an owner for an invitation")
            cookie = secrets.token_urlsafe(32)
            connection.execute(
                insert(web_sessions).values(
                    id=_digest(cookie),
                    person_id=person.id,
                    household_id=theirs[0],
                    created_at=now(),
                    expires_at=now() + dt.timedelta(days=SESSION_DAYS),
                    address=address,
                )
            )
            scope = scope_of(connection, person.id, theirs[0], "web", today or dt.date.today())
            scoping.enter(connection, scope)
            auditing.record(connection, scope, "sign-in", person.id, address)
            return SignedIn(person.id, theirs[0], cookie)
    raise SignInRefused(REFUSED)


def _households_of(connection: Connection, person_id: int) -> list[int]:
    return list(
        connection.execute(
            select(memberships.c.household_id)
            .where(memberships.c.person_id == person_id)
            .order_by(memberships.c.household_id)
        ).scalars()
    )


def session_scope(db: Database, cookie: str, today: dt.date) -> Scope | None:
    """The scope of a web session's cookie; None when unknown, expired or revoked."""
    if not cookie or len(cookie) > 100:
        return None
    with db.read() as connection:
        row = connection.execute(
            select(web_sessions.c.person_id, web_sessions.c.household_id).where(
                web_sessions.c.id == _digest(cookie),
                web_sessions.c.revoked_at.is_(None),
                web_sessions.c.expires_at > now(),
            )
        ).first()
        if row is None:
            return None
        return scope_of(connection, row.person_id, row.household_id, "web", today)


def sign_out(db: Database, cookie: str, *, everywhere: bool = False) -> None:
    """End this web session, or (everywhere) every session and token of its person."""
    with db.write() as connection:
        row = connection.execute(
            select(web_sessions.c.person_id).where(web_sessions.c.id == _digest(cookie))
        ).first()
        if row is None:
            return
        if everywhere:
            _revoke(connection, row.person_id, None)
        else:
            connection.execute(
                update(web_sessions)
                .where(web_sessions.c.id == _digest(cookie))
                .values(revoked_at=now())
            )


def switch_household(db: Database, cookie: str, key: str) -> None:
    """Move a web session to another household of its person."""
    with db.write() as connection:
        row = connection.execute(
            select(web_sessions.c.person_id).where(web_sessions.c.id == _digest(cookie))
        ).first()
        if row is None:
            raise Forbidden("sign in first")
        household_id = _household_for(connection, row.person_id, key)
        connection.execute(
            update(web_sessions)
            .where(web_sessions.c.id == _digest(cookie))
            .values(household_id=household_id)
        )


# --- API tokens -----------------------------------------------------------------------------------


TokenKind = Literal["api", "feed"]
# What the audit says a token acted through: a calendar app reads the feed over the web.
VIA_OF_TOKEN: dict[TokenKind, Via] = {"api": "api", "feed": "web"}


@dataclass(frozen=True)
class ApiToken:
    id: int
    name: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked: bool
    kind: TokenKind = "api"


def make_token(db: Database, name: str, kind: TokenKind = "api") -> str:
    """A personal token for the acting person in this household, with their role: for the
    API, or (`feed`) for their calendar feed only. It is returned once; only its hash is
    kept, and either kind is listed and revoked the same way."""
    with db.write() as connection:
        scope = _scope(connection)
        if scope.person_id is None:
            raise Forbidden("API tokens belong to a person: name yourself with --as NAME")
        token = "rb_" + secrets.token_urlsafe(32)
        row_id = connection.execute(
            insert(api_tokens).values(
                person_id=scope.person_id,
                household_id=scope.household_id,
                name=_checked_name(name),
                token_hash=_digest(token),
                created_at=now(),
                kind=kind,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        what = "make API token" if kind == "api" else "make calendar feed link"
        auditing.record(connection, scope, what, row_id, name[:100])
        return token


def list_tokens(db: Database) -> list[ApiToken]:
    with db.read() as connection:
        scope = _scope(connection)
        rows = connection.execute(
            select(api_tokens)
            .where(
                api_tokens.c.person_id == scope.person_id,
                api_tokens.c.household_id == scope.household_id,
            )
            .order_by(api_tokens.c.id)
        )
        return [
            ApiToken(r.id, r.name, r.created_at, r.last_used_at, r.revoked_at is not None, r.kind)
            for r in rows
        ]


def revoke_token(db: Database, token_id: int) -> None:
    with db.write() as connection:
        scope = _scope(connection)
        done = connection.execute(
            update(api_tokens)
            .where(api_tokens.c.id == token_id, api_tokens.c.person_id == scope.person_id)
            .values(revoked_at=now())
        )
        if not done.rowcount:
            raise NotFound(f"no API token {token_id} of yours")
        auditing.record(connection, scope, "revoke API token", token_id)


def token_scope(db: Database, token: str, today: dt.date, kind: TokenKind = "api") -> Scope | None:
    """The scope of a token of `kind` (an API bearer token, or a calendar feed link's); None
    when unknown, revoked, or of the other kind (a feed link opens no API, and the reverse)."""
    if not token.startswith("rb_") or len(token) > 100:
        return None
    with db.read() as connection:
        row = connection.execute(
            select(api_tokens.c.person_id, api_tokens.c.household_id).where(
                api_tokens.c.token_hash == _digest(token),
                api_tokens.c.revoked_at.is_(None),
                api_tokens.c.kind == kind,
            )
        ).first()
        if row is None:
            return None
        return scope_of(connection, row.person_id, row.household_id, VIA_OF_TOKEN[kind], today)
