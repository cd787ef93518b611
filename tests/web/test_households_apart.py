"""Two households on one server, each working through pages and the API in a random order:
no response to one ever holds the other's animal ids or names (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from ratbond.store import open_database
from ratbond.store.people import add_household, add_person, make_token
from ratbond.store.scope import Scope
from tests.web.conftest import make_client

PASSWORD = "correct horse battery"
# Every animal of a household is named with its prefix, so any leak is a prefix found.
PREFIX = {"home": "Hazelnut", "rescue": "Rowanberry"}
PAGES = ("/", "/animals", "/introductions", "/care", "/account")


@pytest.fixture
def households(db_url: str) -> tuple[str, dict[str, str]]:
    """The URL, and each household's owner's API token (Ann owns home, Rex the rescue)."""
    db = open_database(db_url)
    add_person(db, "Ann", password=PASSWORD)
    rescue = add_household(db, "rescue", "Rescue")
    owner = Scope(household_id=rescue.id, role="owner", actor="Ann", person_id=1)
    rex = add_person(db.scoped(owner), "Rex", role="owner", password=PASSWORD)
    tokens = {
        "home": make_token(db.scoped(Scope(1, "owner", "Ann", person_id=1)), "t"),
        "rescue": make_token(
            db.scoped(Scope(rescue.id, "owner", "Rex", person_id=rex.person_id)), "t"
        ),
    }
    db.close()
    return db_url, tokens


def _signed_in(url: str, name: str) -> Iterator[TestClient]:
    for client in make_client(url):
        page = client.get("/sign-in")
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        answer = client.post(
            "/sign-in",
            data={"name": name, "password": PASSWORD, "csrf_token": token},
            follow_redirects=False,
        )
        assert answer.status_code == 303
        yield client


@pytest.mark.parametrize("seed", [1, 2])
def test_no_response_of_one_household_holds_the_others_records(
    households: tuple[str, dict[str, str]], seed: int
) -> None:
    url, tokens = households
    rng = random.Random(seed)
    for home_client in _signed_in(url, "Ann"):
        for rescue_client in _signed_in(url, "Rex"):
            # Rex's session starts in his first household: the home one only lists Ann.
            clients = {"home": home_client, "rescue": rescue_client}
            counts = {"home": 0, "rescue": 0}
            for _ in range(24):
                house = rng.choice(("home", "rescue"))
                other = PREFIX["rescue" if house == "home" else "home"].lower()
                client = clients[house]
                bearer = {"Authorization": f"Bearer {tokens[house]}"}
                operation = rng.choice(("animal", "intro", "session", "page", "api"))
                if operation == "animal" or counts[house] == 0:
                    counts[house] += 1
                    name = f"{PREFIX[house]}{counts[house]}"
                    answer = client.post(
                        "/api/v1/animals", json={"species": "rat", "name": name}, headers=bearer
                    )
                    assert answer.status_code == 201, answer.text
                elif operation == "intro":
                    rat = f"{PREFIX[house]}{rng.randint(1, counts[house])}"
                    answer = client.post(
                        "/api/v1/introductions",
                        json={"program": "trick-spin", "roles": {"rat": [rat]}},
                        headers=bearer,
                    )
                    assert answer.status_code in (201, 422), answer.text
                elif operation == "session":
                    answer = client.get("/api/v1/introductions", headers=bearer)
                    intros = answer.json()
                    if intros:
                        key = rng.choice(intros)["id"]
                        answer = client.post(
                            f"/api/v1/introductions/{key}/sessions", json={}, headers=bearer
                        )
                        assert answer.status_code in (201, 422), answer.text
                elif operation == "page":
                    answer = client.get(rng.choice(PAGES))
                    assert answer.status_code == 200
                else:
                    answer = client.get(
                        rng.choice(("/api/v1/animals", "/api/v1/introductions")), headers=bearer
                    )
                    assert answer.status_code == 200
                assert other not in answer.text.lower(), (house, operation)
            for house, client in clients.items():
                other = PREFIX["rescue" if house == "home" else "home"].lower()
                for page in PAGES:
                    assert other not in client.get(page).text.lower()
                for animal in client.get(
                    "/api/v1/animals", headers={"Authorization": f"Bearer {tokens[house]}"}
                ).json():
                    assert animal["name"].startswith(PREFIX[house])
