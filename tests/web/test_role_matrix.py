"""Each role against every route of the app: a read answers or is refused (403/404), a write
by a role that may not make it is refused and saves nothing, and no answer ever holds another
household's records."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import func, select

from ratbond.store import Database, open_database
from ratbond.store.animals import NewAnimal, add_animal
from ratbond.store.people import add_household, add_person, make_token
from ratbond.store.roles import ROLES, Role
from ratbond.store.scope import Scope
from ratbond.store.tables import audit
from tests.store.helpers import cat_and_rat
from tests.web.conftest import TODAY, csrf_token, make_client

PASSWORD = "correct horse battery"
SECRET = "Quercusmaximus"
# What each path parameter is filled with: records of the home household.
PARAMETERS = {
    "ref": "tom-pip",
    "number": "1",
    "task": "weigh-in",
    "token": "1.1.nothing",
    "token_id": "1",
    "program_id": "cat-rat",
}
ANIMAL_PATHS = ("/animals/{ref}", "/api/v1/animals/{ref}")


def routes() -> list[tuple[str, str]]:
    """Every method and path of the app's routers (the routers the app includes)."""
    from ratbond.web.routes import (
        animals,
        api,
        calendar,
        care,
        corrections,
        introductions,
        people,
        programs,
        sessions,
        today,
    )

    found = []
    for module in (animals, api, calendar, care, corrections, introductions, people, programs):
        found += _paths(module.router.routes)
    return found + _paths(sessions.router.routes) + _paths(today.router.routes)


def _paths(items: list[Any]) -> list[tuple[str, str]]:
    return [
        (method, route.path)
        for route in items
        if isinstance(route, APIRoute)
        for method in sorted(route.methods - {"HEAD"})
    ]


ROUTES = routes()
assert len(ROUTES) > 50


@pytest.fixture
def household(sqlite_url: str) -> Iterator[tuple[str, dict[Role, str], Database]]:
    """Tom and Pip at home, a person of each role there (the sitter with Pip only), and a
    rescue household holding an animal named SECRET."""
    db = open_database(sqlite_url)
    cat_and_rat(db)
    add_person(db, "Ann", password=PASSWORD)
    owner = db.scoped(Scope(1, "owner", "Ann", person_id=1))
    tokens: dict[Role, str] = {"owner": make_token(owner, "t")}
    for role in ROLES:
        if role == "owner":
            continue
        sitter = role == "sitter"
        member = add_person(
            owner,
            role.title(),
            role=role,
            password=PASSWORD,
            animals_chosen=["pip"] if sitter else None,
            until=TODAY if sitter else None,
            today=TODAY,
        )
        acting = Scope(1, role, role, person_id=member.person_id)
        tokens[role] = make_token(db.scoped(acting), "t")
    rescue = add_household(db, "rescue", "Rescue")
    add_animal(db.scoped(Scope(rescue.id, "owner", "r")), NewAnimal(species="rat", name=SECRET))
    yield sqlite_url, tokens, db
    db.close()


def _writes(db: Database) -> int:
    with db.read() as connection:
        return int(connection.execute(select(func.count()).select_from(audit)).scalar_one())


@pytest.mark.parametrize("role", ROLES)
def test_every_route_for_every_role(
    household: tuple[str, dict[Role, str], Database], role: Role
) -> None:
    url, tokens, db = household
    owner_view = db.scoped(Scope(1, "owner", "Ann", person_id=1))
    name = "Ann" if role == "owner" else role.title()
    for client in make_client(url):
        token = csrf_token(client, "/sign-in")
        signed = client.post(
            "/sign-in",
            data={"name": name, "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        assert signed.status_code == 303
        token = csrf_token(client, "/account")
        bearer = {"Authorization": f"Bearer {tokens[role]}"}
        for method, path in ROUTES:
            filled = path
            for key, value in PARAMETERS.items():
                wanted = "pip" if key == "ref" and path in ANIMAL_PATHS else value
                filled = filled.replace("{" + key + "}", wanted)
            assert "{" not in filled, path
            api = filled.startswith("/api/")
            if filled.startswith("/sign-in") and method == "POST":
                continue  # signing in and out is tested on its own
            before = _writes(owner_view)
            if method == "GET":
                answer = client.get(filled, headers=bearer if api else None)
            elif api:
                answer = client.request(method, filled, json={}, headers=bearer)
            else:
                answer = client.request(method, filled, data={"csrf_token": token})
            where = f"{role} {method} {path}: {answer.status_code}"
            assert answer.status_code < 500, where
            assert SECRET.lower() not in answer.text.lower(), where
            # A person's own account (their API tokens) is theirs whatever their role.
            own = path.startswith(("/api/v1/advice", "/account"))
            if role == "viewer" and method != "GET" and not own:
                # Refused, or a POST that only reads (a preview, the cage check): either way,
                # nothing was written.
                assert _writes(owner_view) == before, where
            if role in ("viewer", "carer", "sitter") and re.match(r"^/(audit|people)", path):
                assert answer.status_code == 403, where
            if role == "sitter" and method == "GET" and re.search(r"\btom\b", answer.text, re.I):
                # Tom is not the sitter's: only a refusal may name him (it names the path).
                assert answer.status_code in (403, 404), where
