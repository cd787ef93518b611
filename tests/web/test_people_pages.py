"""Signing in on the web: pages and the API ask for it once people exist; sessions are kept
server-side and revocable; failed sign-ins are slowed and leak nothing; invitations carry a
QR code; roles decide each route; a household never sees another's records."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from ratbond.store import Database, open_database
from ratbond.store.people import (
    REFUSED,
    add_household,
    add_person,
    invite,
    make_token,
    remove_member,
    set_role,
)
from ratbond.store.scope import Scope
from tests.store.helpers import cat_and_rat, day
from tests.web.conftest import TODAY, csrf_token, make_client

PASSWORD = "correct horse battery"
ANN = Scope(household_id=1, role="owner", actor="Ann", person_id=1)


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
    return posted(client, "/sign-in", {"name": name, "password": password, "next": "/"}).status_code


def posted(client: TestClient, url: str, data: dict[str, str], page: str = "/sign-in") -> Response:
    """A form sent as a browser sends it: with the CSRF token `page` hands out."""
    token = csrf_token(client, page)
    return client.post(url, data={**data, "csrf_token": token}, follow_redirects=False)


@contextmanager
def signed_in(url: str, name: str) -> Iterator[TestClient]:
    """A browser of its own, signed in as `name`."""
    for client in make_client(url):
        assert sign_in(client, name) == 303
        yield client


def shown_link(page: Response, kind: str) -> str:
    """The path of the link a page shows once (`invitation-link`, `share-link`, `new-feed`)."""
    found = re.search(rf'id="{kind}">http://localhost(/[^<]+)<', page.text)
    assert found is not None, f"no {kind} on the page"
    return found.group(1)


def shared(client: TestClient, kind: str, ref: str) -> str:
    made = posted(
        client, "/shares", {"kind": kind, "ref": ref, "until": TODAY.isoformat()}, "/people"
    )
    return shown_link(made, "share-link")


def test_pages_and_the_api_ask_for_a_sign_in_once_people_exist(web: TestClient) -> None:
    page = web.get("/animals", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/sign-in?next=%2Fanimals"
    api = web.get("/api/v1/animals")
    assert api.status_code == 401
    assert api.headers["www-authenticate"].startswith("Bearer")
    assert "Pip" not in page.text + api.text


def test_a_sign_in_is_a_server_side_session_with_a_safe_cookie(web: TestClient) -> None:
    answer = posted(
        web, "/sign-in", {"name": " ann ", "password": PASSWORD, "next": "//evil.example"}
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Pip" in web.get("/animals").text
    posted(web, "/sign-in/out?everywhere=1", {}, "/account")
    assert web.get("/animals", follow_redirects=False).status_code == 303


def test_failed_sign_ins_are_slowed_and_name_nobody(web: TestClient) -> None:
    unknown = posted(web, "/sign-in", {"name": "Zed", "password": "whatever1"})
    wrong = posted(web, "/sign-in", {"name": "Ann", "password": "whatever1"})
    assert unknown.status_code == wrong.status_code == 401
    assert REFUSED in unknown.text
    assert REFUSED in wrong.text
    for _ in range(4):
        assert sign_in(web, "Ann", "wrong-guess") == 401
    # Five failures: even the right password waits now, and says so the same for anyone.
    assert sign_in(web, "Ann") == 401
    slowed = posted(web, "/sign-in", {"name": "Ann", "password": PASSWORD})
    assert "too many tries" in slowed.text
    assert "Pip" not in slowed.text


def test_an_invited_sitter_sees_and_logs_only_the_chosen_animal(
    web: TestClient, home: Database, sqlite_url: str
) -> None:
    assert sign_in(web, "Ann") == 303
    page = posted(
        web,
        "/people/invite",
        {"role": "sitter", "animal": "pip", "until": TODAY.isoformat()},
        "/people",
    )
    assert page.status_code == 200
    assert "<svg" in page.text
    link = shown_link(page, "invitation-link")
    for sitter in make_client(sqlite_url):
        joined = posted(sitter, link, {"name": "Sam", "password": PASSWORD})
        assert joined.status_code == 303
        animals = sitter.get("/animals").text
        assert "Pip" in animals
        assert "Tom" not in animals
        assert sitter.get("/audit").status_code == 403
        assert sitter.get("/people").status_code == 403
        # The link is single-use.
        assert "not valid any more" in sitter.get(link).text


def test_a_sitter_past_the_end_date_is_refused_everything(home: Database, sqlite_url: str) -> None:
    add_person(
        home,
        "Sam",
        role="sitter",
        password=PASSWORD,
        animals_chosen=["pip"],
        until=TODAY,
        today=TODAY,
    )
    with signed_in(sqlite_url, "Sam") as client:
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
    add_person(home.scoped(ANN), "Vi", role="viewer", password=PASSWORD)
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
    link = shared(web, "animal", "pip")
    for stranger in make_client(sqlite_url):
        shown = stranger.get(link)
        assert shown.status_code == 200
        assert "Pip" in shown.text
        assert "Tom" not in shown.text
        assert stranger.get("/animals", follow_redirects=False).status_code == 303
        assert stranger.get(link[:-3] + "abc").status_code == 404


def test_a_share_link_for_ever_or_already_ended_is_refused(home: Database, sqlite_url: str) -> None:
    with signed_in(sqlite_url, "Ann") as owner:
        for until, said in (
            ("9999-12-31", "9999-12-31 is more than a year ahead; a link ends by 2027-11-21"),
            ("2026-11-19", "2026-11-19 is in the past; a link&#39;s last day is today"),
        ):
            answer = posted(
                owner, "/shares", {"kind": "animal", "ref": "pip", "until": until}, "/people"
            )
            assert answer.status_code == 422
            assert said in answer.text
            assert "/share/" not in answer.text


def test_a_share_link_to_an_introduction_shows_it_and_its_animals(
    web: TestClient, sqlite_url: str
) -> None:
    assert sign_in(web, "Ann") == 303
    link = shared(web, "introduction", "tom-pip")
    for stranger in make_client(sqlite_url):
        shown = stranger.get(link)
        assert shown.status_code == 200
        for text in ("tom-pip", "Tom", "Pip", "cat-rat"):
            assert text in shown.text


# --- invitation and reset links: signed, single-use, expiring -------------------------------


def refused_plainly(response: Response) -> None:
    """One 404 page for any link that cannot be used, naming nothing of the household."""
    assert response.status_code == 404
    assert "not valid any more" in response.text
    for private in ("Home", "Ann", "Pip", "sitter", "Traceback"):
        assert private not in response.text


def test_an_invitation_is_refused_once_used_altered_or_expired(
    home: Database, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = home.scoped(ANN)
    used, altered, aged, lapsed = (
        f"/sign-in/link/{invite(owner, 'carer').token}" for _ in range(4)
    )
    for client in make_client(sqlite_url):
        assert posted(client, used, {"name": "Cy", "password": PASSWORD}).status_code == 303
        refused_plainly(client.get(used))
        refused_plainly(posted(client, used, {"name": "Di", "password": PASSWORD}))
        # One character inside the signature changed (the last one may carry only padding bits,
        # which decode the same): refused before any row is read.
        middle = altered[-5]
        changed = altered[:-5] + ("A" if middle != "A" else "B") + altered[-4:]
        refused_plainly(client.get(changed))
        # The row says it expired, though the signature is young: the row is checked too.
        with home.engine.begin() as connection:
            from sqlalchemy import update

            from ratbond.store.tables import invitations

            connection.execute(
                update(invitations)
                .where(invitations.c.id == 4)
                .values(expires_at=dt.datetime(2000, 1, 1))
            )
        refused_plainly(client.get(lapsed))
        assert client.get(aged).status_code == 200
        # 73 hours on, the signature itself is too old, whatever the row says.
        from itsdangerous.timed import TimestampSigner

        later = int(time.time()) + 73 * 3600
        monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _signer, at=later: at)
        refused_plainly(client.get(aged))


def test_a_reset_link_sets_a_new_password_once(home: Database, sqlite_url: str) -> None:
    link = f"/sign-in/link/{invite(home.scoped(ANN), 'owner', name='Ann', purpose='reset').token}"
    for client in make_client(sqlite_url):
        assert "Ann" in client.get(link).text
        new = "a brand new password"
        assert posted(client, link, {"password": new}).status_code == 303
        refused_plainly(client.get(link))
    for client in make_client(sqlite_url):
        assert sign_in(client, "Ann") == 401
        assert sign_in(client, "Ann", new) == 303


# --- who sees the audit: owners only ------------------------------------------------------------


def members(home: Database) -> None:
    """Vi the viewer, Cy the carer, Sam the sitter of Pip, beside Ann; a session Cy logged."""
    owner = home.scoped(ANN)
    add_person(owner, "Vi", role="viewer", password=PASSWORD)
    add_person(owner, "Cy", role="carer", password=PASSWORD)
    add_person(
        owner,
        "Sam",
        role="sitter",
        password=PASSWORD,
        animals_chosen=["pip"],
        until=TODAY,
        today=TODAY,
    )


def test_only_an_owner_sees_who_changed_what(home: Database, sqlite_url: str) -> None:
    members(home)
    from ratbond.store.animals import edit_animal
    from ratbond.store.sessions import NewSession, log_session

    carer = home.scoped(Scope(household_id=1, role="carer", actor="Cy", person_id=3, via="api"))
    edit_animal(carer, "pip", {"notes": "shy at first"}, today=TODAY)
    log_session(carer, "tom-pip", NewSession(stage="visual", date=TODAY, minutes=5), today=TODAY)
    with signed_in(sqlite_url, "Ann") as owner:
        history = owner.get("/introductions/tom-pip").text
        assert "Who (UTC)" in history
        assert "added by Cy (API," in history
        page = owner.get("/animals/pip").text
        assert "Changes" in page
        assert "changed by Cy (API," in page
    for name in ("Vi", "Cy", "Sam"):
        with signed_in(sqlite_url, name) as reader:
            for path in ("/animals/pip", "/introductions/tom-pip", "/audit"):
                answer = reader.get(path)
                assert "Who (UTC)" not in answer.text, (name, path)
                assert "changed by" not in answer.text, (name, path)
                assert "added by" not in answer.text, (name, path)
            assert reader.get("/audit").status_code == 403


@pytest.mark.parametrize("number", ["9223372036854775808", "-9223372036854775809", "0"])
def test_an_audit_page_or_token_number_no_row_can_have_is_a_422(
    home: Database, sqlite_url: str, number: str
) -> None:
    """Past 64 bits the database could not take it: a 500 (OverflowError) before."""
    with signed_in(sqlite_url, "Ann") as owner:
        page = owner.get(f"/audit?before={number}")
        assert page.status_code == 422  # the error page, naming the field
        assert "before: &#34;" in page.text
        assert "is out of range" in page.text
        revoke = posted(owner, f"/account/tokens/{number}/revoke", {}, "/account")
        assert revoke.status_code == 422
        assert "token_id: &#34;" in revoke.text


# --- calendar feed links ----------------------------------------------------------------------


def feed_link(client: TestClient, name: str = "phone") -> str:
    return shown_link(posted(client, "/account/feeds", {"name": name}, "/account"), "new-feed")


def test_the_calendar_needs_a_sign_in_or_a_personal_feed_link(
    home: Database, sqlite_url: str
) -> None:
    with signed_in(sqlite_url, "Ann") as owner:
        link = feed_link(owner)
        assert owner.get("/calendar.ics").status_code == 200
    for stranger in make_client(sqlite_url):
        assert stranger.get("/calendar.ics", follow_redirects=False).status_code == 303
        feed = stranger.get(link)
        assert feed.status_code == 200
        assert feed.headers["content-type"].startswith("text/calendar")
        assert re.search(r"\bTom\b", feed.text)
        # The feed's token opens the feed, nothing else.
        token = link.removeprefix("/calendar/").removesuffix(".ics")
        bearer = {"Authorization": f"Bearer {token}"}
        assert stranger.get("/api/v1/animals", headers=bearer).status_code == 401
        assert stranger.get("/calendar/rb_unknown.ics").status_code == 404
    with signed_in(sqlite_url, "Ann") as owner:
        revoke = re.search(r'action="(/account/tokens/\d+/revoke)"', owner.get("/account").text)
        assert revoke is not None
        assert posted(owner, revoke.group(1), {}, "/account").status_code == 303
    for stranger in make_client(sqlite_url):
        assert stranger.get(link).status_code == 404


def test_a_feed_link_shows_what_the_role_sees_and_ends_with_the_membership(
    home: Database, sqlite_url: str
) -> None:
    members(home)
    with signed_in(sqlite_url, "Sam") as sitter:
        sitters = feed_link(sitter)
    with signed_in(sqlite_url, "Vi") as viewer:
        viewers = feed_link(viewer)
    rescue = add_household(home.scoped(ANN), "rescue", "Rescue")
    rex = Scope(household_id=rescue.id, role="owner", actor="Ann", person_id=1)
    from ratbond.store.animals import NewAnimal, add_animal

    add_animal(home.scoped(rex), NewAnimal(species="rat", name="Secretname"), today=TODAY)
    theirs = f"/calendar/{make_token(home.scoped(rex), 'rescue phone', 'feed')}.ics"
    for stranger in make_client(sqlite_url):
        feed = stranger.get(sitters).text
        assert re.search(r"\bPip\b", feed)
        assert not re.search(r"\bTom\b", feed)
        assert re.search(r"\bTom\b", stranger.get(viewers).text)
        assert "Secretname" not in stranger.get(viewers).text
        rescue_feed = stranger.get(theirs)
        assert rescue_feed.status_code == 200
        assert not re.search(r"\b(Tom|Pip)\b", rescue_feed.text)
        # Vi leaves the household: her link ends with it; Sam's ends with the last day.
        remove_member(home.scoped(ANN), "Vi")
        assert stranger.get(viewers).status_code == 404
        set_role(home.scoped(ANN), "Sam", "sitter", animals_chosen=["pip"], until=day(-1))
        assert stranger.get(sitters).status_code == 404
