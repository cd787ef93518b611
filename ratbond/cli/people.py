"""`ratbond people` and `ratbond household`: who works in which household, with which role.

Every command runs as a person when one is named (`--as NAME` before the command, or
`RATBOND_PERSON`), in the household `ratbond household use` chose (or `RATBOND_HOUSEHOLD`);
with nobody named it acts as the first household's owner under the login name, as ratbond
always did for a household of one (whoever runs the command line owns the database file).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ratbond.cli.acting import ACTING
from ratbond.cli.console import shown
from ratbond.cli.display import out, parse_day
from ratbond.errors import InputError, NotFound, RatbondError

if TYPE_CHECKING:
    from ratbond.store import Database
    from ratbond.store.roles import Role

PERSON_ENV = "RATBOND_PERSON"
HOUSEHOLD_ENV = "RATBOND_HOUSEHOLD"
DEFAULT_URL = "http://127.0.0.1:8000"
MAX_SELECTION = 1_000
"""The most characters the file `ratbond household use` writes is read for: an id is far
shorter, so a longer file is not one it wrote."""

people_app = typer.Typer(
    help="People of the household: add, list, give a role, remove, invite, reset a password.",
    no_args_is_help=True,
)
household_app = typer.Typer(
    help="Households (a family, a rattery, a rescue): add, list, choose the one to work in.",
    no_args_is_help=True,
)


def _selection_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("ratbond")) / "household"


def chosen_household() -> str | None:
    """`RATBOND_HOUSEHOLD`, else the household `ratbond household use` chose, else None."""
    return _chosen()[0]


def _chosen() -> tuple[str | None, str]:
    """The chosen household's id and where it was chosen, as an error names it."""
    configured = os.environ.get(HOUSEHOLD_ENV, "").strip()
    if configured:
        return configured, HOUSEHOLD_ENV
    file = _selection_file()
    where = f"{file} (the household chosen with 'ratbond household use')"
    again = "; choose it again: ratbond household use KEY ('ratbond household list' lists them)"
    try:
        with file.open(encoding="utf-8") as selection:
            text = selection.read(MAX_SELECTION + 1)
    except UnicodeDecodeError:
        raise RatbondError(f"{where}: not text" + again) from None
    except OSError:
        return None, where
    if len(text) > MAX_SELECTION:
        raise RatbondError(f"{where}: longer than any household's id" + again)
    return text.strip() or None, where


def acting_person() -> str | None:
    named = ACTING.get() or os.environ.get(PERSON_ENV, "").strip()
    return named or None


def scoped(db: Database) -> Database:
    """`db` as the person and household this run acts as (see the module)."""
    from ratbond.store.people import household_scope, scope_for_name

    person = acting_person()
    household, where = _chosen()
    try:
        if person is not None:
            return db.scoped(scope_for_name(db, person, household, "cli", dt.date.today()))
        if household is not None:
            return db.scoped(household_scope(db, household, dt.date.today()))
    except NotFound as error:
        if error.path != "household":
            raise
        # Neither typed nor asked for here: name where it was chosen, and how to choose.
        fix = "" if where == HOUSEHOLD_ENV else "; choose one: ratbond household use KEY"
        raise RatbondError(f"{where}: {error.message}{fix}") from None
    return db


def _any_household() -> Database:
    """The database as the acting person, whatever household was chosen: `household list`
    and `household use` must work when the choice names one that is gone, or one of another
    database (RATBOND_DATABASE_URL changed), or is damaged, for they are how to mend it."""
    from ratbond.store import open_database
    from ratbond.store.people import scope_for_name

    db = open_database()
    person = acting_person()
    if person is None:
        return db
    return db.scoped(scope_for_name(db, person, None, "cli", dt.date.today()))


def _db() -> Database:
    from ratbond.cli.display import database

    return database()


RoleOption = Annotated[
    str, typer.Option("--role", help="owner, carer, viewer or sitter (see docs/people.md).")
]
AnimalOption = Annotated[
    list[str] | None,
    typer.Option("--animal", help="A sitter's animal, by id or name (repeat for several)."),
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="A sitter's last day (YYYY-MM-DD).")
]
UrlOption = Annotated[
    str, typer.Option("--url", help="The address the phone opens ratbond at, for the link.")
]


def _link_base(url: str) -> str:
    """The address a one-time link starts with, checked before anything is saved, so a typo
    does not add a person whose link cannot be opened."""
    from urllib.parse import urlsplit

    text = url.strip()
    try:
        parts = urlsplit(text)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        parts, port_ok = None, False
    if (
        parts is None
        or not port_ok
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() or not c.isprintable() for c in text)
        or parts.query
        or parts.fragment
    ):
        raise InputError(
            "url",
            f"'{text}' is not a web address ratbond can be opened at; give one such as "
            f"{DEFAULT_URL} or http://192.168.1.20:8000 (where 'ratbond serve' listens)",
        )
    return text.rstrip("/")


def _role(value: str) -> Role:
    from ratbond.store.roles import ROLES

    wanted = value.strip().lower()
    for role in ROLES:
        if role == wanted:
            return role
    raise InputError("role", f"'{value}' is no role; choose one of " + ", ".join(ROLES))


@people_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The name they sign in with.")],
    role: RoleOption = "carer",
    email: Annotated[str | None, typer.Option(help="Their e-mail address (optional).")] = None,
    animal: AnimalOption = None,
    until: UntilOption = None,
    url: UrlOption = DEFAULT_URL,
) -> None:
    """Add a person to the household; prints a one-time link where they choose a password.
    The first person ever added owns the household (and every record already in it)."""
    from ratbond.store.people import add_person, invite

    base = _link_base(url)
    db = _db()
    member = add_person(
        db,
        name,
        role=_role(role),
        email=email,
        animals_chosen=animal or [],
        until=parse_day(until, "--until"),
    )
    out.print(f"Added {shown(member.name)} as {member.role}.")
    link = invite(db, member.role, name=member.name, purpose="reset")
    out.print(f"{shown(member.name)} chooses a password at (once, within 72 hours):")
    out.print(f"{base}/sign-in/link/{link.token}", soft_wrap=True)


@people_app.command("list")
def list_() -> None:
    """The household's people, with their roles."""
    from ratbond.store.animals import list_animals
    from ratbond.store.people import list_members

    db = _db()
    members = list_members(db)
    if not members:
        out.print("Nobody yet: add the first person (the owner) with `ratbond people add NAME`.")
    # A sitter's animals are kept as row ids; owners know them by name.
    names = {animal.id: animal.label for animal in list_animals(db, include_archived=True)}
    for member in members:
        extra = ""
        if member.role == "sitter":
            cared = ", ".join(sorted(names.get(row, str(row)) for row in member.animals))
            extra = f" until {member.until}, animals: {cared}"
        signed = "" if member.has_password else " (no password yet)"
        out.print(shown(f"{member.name}: {member.role}{extra}{signed}"))


@people_app.command("role")
def role_(
    name: Annotated[str, typer.Argument(help="Who.")],
    role: Annotated[str, typer.Argument(help="owner, carer, viewer or sitter.")],
    animal: AnimalOption = None,
    until: UntilOption = None,
) -> None:
    """Give a person another role in the household (owners only)."""
    from ratbond.store.people import set_role

    member = set_role(
        _db(), name, _role(role), animals_chosen=animal or [], until=parse_day(until, "--until")
    )
    out.print(shown(f"{member.name} is now {member.role}."))


@people_app.command("remove")
def remove(name: Annotated[str, typer.Argument(help="Who.")]) -> None:
    """Take a person out of the household; their sign-ins and tokens there end at once."""
    from ratbond.store.people import remove_member

    out.print(f"Removed {shown(remove_member(_db(), name))} from the household.")


@people_app.command("invite")
def invite_(
    role: RoleOption = "carer",
    animal: AnimalOption = None,
    until: UntilOption = None,
    url: UrlOption = DEFAULT_URL,
) -> None:
    """A single-use link (valid 72 hours) to join the household with a role; the web app
    shows it as a QR code too."""
    from ratbond.store.people import invite

    base = _link_base(url)
    link = invite(
        _db(), _role(role), animals_chosen=animal or [], until=parse_day(until, "--until")
    )
    out.print(f"{base}/sign-in/link/{link.token}", soft_wrap=True)


@people_app.command("reset")
def reset(
    name: Annotated[str, typer.Argument(help="Who forgot their password.")],
    url: UrlOption = DEFAULT_URL,
) -> None:
    """Print a one-time link (valid 72 hours) where the person chooses a new password; their
    sign-ins elsewhere end when they use it."""
    from ratbond.store.people import invite

    base = _link_base(url)
    link = invite(_db(), "owner", name=name, purpose="reset")
    out.print(f"{base}/sign-in/link/{link.token}", soft_wrap=True)


@household_app.command("add")
def household_add(
    name: Annotated[str, typer.Argument(help="The household's name, e.g. 'The Rescue'.")],
    key: Annotated[str | None, typer.Option(help="Its id (default: made from the name).")] = None,
) -> None:
    """Add a household; the person acting (`--as`) owns it."""
    from ratbond.store.people import add_household

    made = add_household(_db(), key or "", name)
    out.print(
        shown(
            f"Added household {made.key} ({made.name}); work in it: "
            f"ratbond household use {made.key}"
        )
    )


@household_app.command("list")
def household_list() -> None:
    """The households (yours, when you act as a person), the chosen one marked."""
    from ratbond.store.people import list_households

    try:
        chosen = chosen_household()
    except RatbondError:
        chosen = ""  # a damaged choice marks none
    for number, household in enumerate(list_households(_any_household())):
        mark = "*" if household.key == chosen or (chosen is None and number == 0) else " "
        role = f" ({household.role})" if household.role else ""
        out.print(shown(f"{mark} {household.key}: {household.name}{role}"))


@household_app.command("use")
def household_use(key: Annotated[str, typer.Argument(help="The household's id.")]) -> None:
    """Work in this household from now on, at this computer's command line."""
    from ratbond.store.people import list_households

    known = [h.key for h in list_households(_any_household())]
    if key not in known:
        raise InputError("key", f"no household '{key}'; yours: " + ", ".join(known))
    target = _selection_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(key + "\n", encoding="utf-8")
    except OSError as error:
        raise RatbondError(
            f"{target}: the choice cannot be written ({error.strerror}); nothing was chosen. "
            f"Set {HOUSEHOLD_ENV}={key} instead, or make the folder writable"
        ) from None
    out.print(f"Working in {key}.")
