"""Correcting and withdrawing a session on the web: reached from the introduction's history, the
form opens with the session as stored, a correction refreshes the advice, a bad value is shown
by its field, and withdrawing asks for a confirmation and keeps the record."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient

from .helpers import cat_and_rat, field_errors, post_form

SESSION = {"date": "2026-11-18", "stage": "visual", "minutes": 5, "signals": {"tom": ["hissing"]}}
EDIT = "/introductions/tom-pip/sessions/1/edit"
WITHDRAW = "/introductions/tom-pip/sessions/1/withdraw"


def logged(client: TestClient) -> None:
    cat_and_rat(client)
    answer = client.post("/api/v1/introductions/tom-pip/sessions", json=SESSION)
    assert answer.status_code == 201


def sessions(client: TestClient) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = client.get("/api/v1/introductions/tom-pip/sessions").json()
    return listed


def test_the_history_links_each_session_to_its_correction_form(client: TestClient) -> None:
    logged(client)
    page = client.get("/introductions/tom-pip").text
    assert f'href="{EDIT}"' in page
    form = client.get(EDIT).text
    assert 'name="minutes" type="text" value="5"' in form
    assert '<option value="visual" selected>' in form
    assert 'value="tom:hissing" data-label="hissing" data-description' in form
    assert " checked><span>hissing</span>" in form


def test_a_correction_is_saved_and_the_advice_follows(store_client: TestClient) -> None:
    logged(store_client)
    before = store_client.get("/api/v1/introductions/tom-pip/advice").json()
    corrected = post_form(
        store_client,
        EDIT,
        {"date": "2026-11-18", "stage": "visual", "minutes": "7", "supervised": "on"},
    )
    assert corrected.status_code == 303
    assert corrected.headers["location"] == "/introductions/tom-pip"
    (session,) = sessions(store_client)
    assert (session["minutes"], session["signals"]) == (7.0, {})
    after = store_client.get("/api/v1/introductions/tom-pip/advice").json()
    assert "intervene" in before["alerts"]
    assert "intervene" not in after["alerts"]


def test_a_bad_correction_is_shown_by_its_field_and_saves_nothing(client: TestClient) -> None:
    logged(client)
    refused = post_form(client, EDIT, {"date": "2026-11-18", "stage": "visual", "minutes": "lots"})
    assert refused.status_code == 422
    assert field_errors(refused) == ["'lots' is not a number of minutes"]
    assert 'value="lots"' in refused.text
    assert sessions(client)[0]["minutes"] == 5.0


def test_withdrawing_asks_for_confirmation_then_keeps_the_record(client: TestClient) -> None:
    logged(client)
    unconfirmed = post_form(client, WITHDRAW, {})
    assert unconfirmed.status_code == 422
    assert "tick the box to confirm" in html.unescape(unconfirmed.text)
    assert len(sessions(client)) == 1
    withdrawn = post_form(client, WITHDRAW, {"confirm": "on"})
    assert withdrawn.status_code == 303
    assert sessions(client) == []
    assert client.get(EDIT).status_code == 404


def test_a_correction_without_its_token_is_refused(client: TestClient) -> None:
    logged(client)
    forged = client.post(WITHDRAW, data={"confirm": "on"}, follow_redirects=False)
    assert forged.status_code == 403
    assert len(sessions(client)) == 1


def test_withdrawing_or_calming_a_bite_is_refused_without_clearance(client: TestClient) -> None:
    cat_and_rat(client)
    bite = {**SESSION, "signals": {"tom": ["biting"]}}
    assert client.post("/api/v1/introductions/tom-pip/sessions", json=bite).status_code == 201
    withdrawn = post_form(client, WITHDRAW, {"confirm": "on"})
    assert withdrawn.status_code == 422
    assert "cannot withdraw session 1" in html.unescape(withdrawn.text)
    calmed = post_form(
        client, EDIT, {"date": "2026-11-18", "stage": "visual", "minutes": "5", "supervised": "on"}
    )
    assert calmed.status_code == 422
    assert "cannot correct session 1" in html.unescape(calmed.text)
    assert len(sessions(client)) == 1
    assert client.get("/api/v1/introductions/tom-pip/advice").json()["action"] == "stop"


def test_a_bite_is_taken_back_once_someone_is_named_as_clearing_it(client: TestClient) -> None:
    cat_and_rat(client)
    bite = {**SESSION, "signals": {"tom": ["biting"]}}
    assert client.post("/api/v1/introductions/tom-pip/sessions", json=bite).status_code == 201
    assert 'name="cleared_by"' in client.get(EDIT).text
    cleared = {"confirm": "on", "cleared_by": "Dr Lee (vet) and Sam (behaviourist)"}
    withdrawn = post_form(client, WITHDRAW, cleared)
    assert withdrawn.status_code == 303, withdrawn.text
    assert client.get("/api/v1/introductions/tom-pip/advice").json()["action"] != "stop"
