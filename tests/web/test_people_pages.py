"""Signing in on the web: pages and the API ask for it once people exist; sessions are kept
server-side and revocable; failed sign-ins are slowed and leak nothing; invitations carry a
QR code; roles decide each route; a household never sees another's records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from ratbond.store import Database, open_database
from ratbond.store.people import REFUSED, add_household, add_person, make_token, set_role
from ratbond.store.scope import Scope
from tests.store.helpers import cat_and_rat
from tests.web.conftest import TODAY, csrf_token, make_client

PASSWORD = "correct horse battery"


@pytest.fixture
def home(sqlite_url: str) -> Iterator[Database]:
    """Tom and Pip in `tom-pip`, owned by Ann (who signs in with PASSWORD)."""
    db = open_database(sqlite_url)
    cat_and_rat(db)
    add_person(db, "Ann", password=PASSWORD)
    yield db
    db.close()


@pytest.fixture
def web(home: Database, sqlite_url: str) -> Iterator[TestClient]:
    yield from make_client(sqlite_url)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> int:
    token = csrf_token(client, "/sign-in")
    answer = client.post(
        "/sign-in",
        data={"name": name, "password": password, "next": "/", "csrf_token": token},
        follow_redirects=False,
    )
    return answer.status_code


def test_pages_and_the_api_ask_for_a_sign_in_once_people_exist(web: TestClient) -> None:
    page = web.get("/animals", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/sign-in?next=%2Fanimals"
    api = web.get("/api/v1/animals")
    assert api.status_code == 401
    assert api.headers["www-authenticate"].startswith("Bearer")
    assert "Pip" not in page.text + api.text


def test_a_sign_in_is_a_server_side_session_with_a_safe_cookie(web: TestClient) -> None:
    token = csrf_token(web, "/sign-in")
    answer = web.post(
        "/sign-in",
        data={"name": " ann ", "password": PASSWORD, "next": "//evil.example", "csrf_token": token},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Pip" in web.get("/animals").text
    token = csrf_token(web, "/account")
    web.post("/sign-in/out?everywhere=1", data={"csrf_token": token}, follow_redirects=False)
    assert web.get("/animals", follow_redirects=False).status_code == 303


def test_failed_sign_ins_are_slowed_and_name_nobody(web: TestClient) -> None:
    unknown = web.post(
        "/sign-in",
        data={"name": "Zed", "password": "whatever1", "csrf_token": csrf_token(web, "/sign-in")},
    )
    wrong = web.post(
        "/sign-in",
        data={"name": "Ann", "password": "whatever1", "csrf_token": csrf_token(web, "/sign-in")},
    )
    assert unknown.status_code == wrong.status_code == 401
    assert REFUSED in unknown.text
    assert REFUSED in wrong.text
    for _ in range(4):
        assert sign_in(web, "Ann", "wrong-guess") == 401
    # Five failures: even the right password waits now, and says so the same for anyone.
    assert sign_in(web, "Ann") == 401
    slowed = web.post(
        "/sign-in",
        data={"name": "Ann", "password": PASSWORD, "csrf_token": csrf_token(web, "/sign-in")},
    )
    assert "too many tries" in slowed.text
    assert "Pip" not in slowed.text


def test_an_invited_sitter_sees_and_logs_only_the_chosen_animal(
    web: TestClient, home: Database, sqlite_url: str
) -> None:
    assert sign_in(web, "Ann") == 303
    page = web.post(
        "/people/invite",
        data={
            "role": "sitter",
            "animal": "pip",
            "until": TODAY.isoformat(),
            "csrf_token": csrf_token(web, "/people"),
        },
    )
    assert page.status_code == 200
    assert "<svg" in page.text
    link = re.search(r'id="invitation-link">http://localhost(/sign-in/link/[^<]+)<', page.text)
    assert link is not None
    for sitter in make_client(sqlite_url):
        joined = sitter.post(
            link.group(1),
            data={
                "name": "Sam",
                "password": PASSWORD,
                "csrf_token": csrf_token(sitter, "/sign-in"),
            },
            follow_redirects=False,
        )
        assert joined.status_code == 303
        animals = sitter.get("/animals").text
        assert "Pip" in animals
        assert "Tom" not in animals
        assert sitter.get("/audit").status_code == 403
        assert sitter.get("/people").status_code == 403
        # The link is single-use.
        assert "not valid any more" in sitter.get(link.group(1)).text


def test_a_sitter_past_the_end_date_is_refused_everything(home: Database, sqlite_url: str) -> None:
    add_person(home, "Sam", role="sitter", password=PASSWORD, animals_chosen=["pip"], until=TODAY)
    for client in make_client(sqlite_url):
        assert sign_in(client, "Sam") == 303
        assert client.get("/animals").status_code == 200
        # The end date moves into the past: the session already open loses everything.
        set_role(home, "Sam", "sitter", animals_chosen=["pip"], until=TODAY - dt.timedelta(days=1))
        refused = client.get("/animals")
        assert refused.status_code == 403
        assert "ended" in refused.text
        assert "Pip" not in refused.text
        assert sign_in(client, "Sam") == 403


def test_api_tokens_are_scoped_to_the_household_and_the_role(
    home: Database, sqlite_url: str
) -> None:
    rescue = add_household(home, "rescue", "Rescue")
    owner = home.scoped(Scope(household_id=1, role="owner", actor="Ann", person_id=1))
    add_person(owner, "Vi", role="viewer", password=PASSWORD)
    viewer = home.scoped(Scope(household_id=1, role="viewer", actor="Vi", person_id=2))
    token = make_token(viewer, "phone")
    theirs = home.scoped(Scope(household_id=rescue.id, role="owner", actor="Rex"))
    from ratbond.store.animals import NewAnimal, add_animal

    add_animal(theirs, NewAnimal(species="rat", name="Secretname"), today=TODAY)
    for client in make_client(sqlite_url):
        bearer = {"Authorization": f"Bearer {token}"}
        listed = client.get("/api/v1/animals", headers=bearer)
        assert listed.status_code == 200
        assert "Pip" in listed.text
        assert "Secretname" not in listed.text
        refused = client.post(
            "/api/v1/animals", json={"species": "rat", "name": "Nib"}, headers=bearer
        )
        assert refused.status_code == 403
        assert (
            client.get("/api/v1/animals", headers={"Authorization": "Bearer rb_x"}).status_code
            == 401
        )


def test_a_share_link_shows_one_animal_and_nothing_else_until_its_last_day(
    web: TestClient, sqlite_url: str
) -> None:
    assert sign_in(web, "Ann") == 303
    made = web.post(
        "/shares",
        data={
            "kind": "animal",
            "ref": "pip",
            "until": TODAY.isoformat(),
            "csrf_token": csrf_token(web, "/people"),
        },
    )
    link = re.search(r'id="share-link">http://localhost(/share/[^<]+)<', made.text)
    assert link is not None
    for stranger in make_client(sqlite_url):
        shown = stranger.get(link.group(1))
        assert shown.status_code == 200
        assert "Pip" in shown.text
        assert "Tom" not in shown.text
        assert stranger.get("/animals", follow_redirects=False).status_code == 303
        assert stranger.get(link.group(1)[:-3] + "abc").status_code == 404


def test_a_share_link_to_an_introduction_shows_it_and_its_animals(
    web: TestClient, sqlite_url: str
) -> None:
    assert sign_in(web, "Ann") == 303
    made = web.post(
        "/shares",
        data={
            "kind": "introduction",
            "ref": "tom-pip",
            "until": TODAY.isoformat(),
            "csrf_token": csrf_token(web, "/people"),
        },
    )
    link = re.search(r'id="share-link">http://localhost(/share/[^<]+)<', made.text)
    assert link is not None
    for stranger in make_client(sqlite_url):
        shown = stranger.get(link.group(1))
        assert shown.status_code == 200
        for text in ("tom-pip", "Tom", "Pip", "cat-rat"):
            assert text in shown.text
