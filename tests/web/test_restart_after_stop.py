"""Starting again a pair whose introduction ended in `stop` (the form's and the API's "cleared
by"), and the API's word on a session logged before its advised day; SQLite and PostgreSQL."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient

from .helpers import cat_and_rat, field_errors, post_form

START = {"program": "cat-rat", "roles.cat": "tom", "roles.rat": "pip"}
API_START = {"program": "cat-rat", "roles": {"cat": ["tom"], "rat": ["pip"]}}
SESSIONS = "/api/v1/introductions/tom-pip/sessions"


def bitten(client: TestClient) -> None:
    """Tom bit Pip yesterday: the advice of `tom-pip` is `stop`."""
    cat_and_rat(client)
    bite = {"date": "2026-11-19", "stage": "visual", "minutes": 5, "signals": {"tom": ["biting"]}}
    logged = client.post(SESSIONS, json=bite)
    assert logged.status_code == 201
    assert logged.json()["advice"]["action"] == "stop"


def keys(client: TestClient) -> list[str]:
    return [intro["id"] for intro in client.get("/api/v1/introductions").json()]


def test_the_form_refuses_a_restart_without_cleared_by(store_client: TestClient) -> None:
    bitten(store_client)
    refused = post_form(store_client, "/introductions", START)
    assert refused.status_code == 422
    [message] = field_errors(refused)
    assert message.startswith("cannot start cat-rat again: introduction 'tom-pip' (Tom & Pip)")
    assert "ended in 'stop' after its session of 2026-11-19" in message
    assert "(Step in now; House them apart for good; See a vet today)" in message
    assert "[vet_now]" not in message
    assert message.endswith(
        'saying who cleared them: write who agreed in "Cleared by" and press Start.'
    )
    assert "--cleared-by" not in refused.text
    assert 'id="e-cleared_by"' in refused.text
    assert '<details class="cleared" open>' in refused.text
    assert 'value="tom" checked' in refused.text
    assert keys(store_client) == ["tom-pip"]


def test_the_form_starts_again_with_cleared_by_and_keeps_who(store_client: TestClient) -> None:
    bitten(store_client)
    started = post_form(
        store_client, "/introductions", {**START, "cleared_by": "Dr Lee <vet> & Sam (behaviourist)"}
    )
    assert started.status_code == 303
    assert started.headers["location"] == "/introductions/tom-pip-2"
    stored = store_client.get("/api/v1/introductions/tom-pip-2").json()
    assert "cleared by Dr Lee <vet> & Sam (behaviourist)" in stored["notes"]
    assert "'tom-pip'" in stored["notes"]
    page = store_client.get("/introductions/tom-pip-2").text
    assert "Dr Lee &lt;vet&gt; &amp; Sam (behaviourist)" in page
    assert "<vet>" not in page


def test_the_form_refuses_cleared_by_with_nothing_to_clear(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    refused = post_form(store_client, "/introductions", {**START, "cleared_by": "Dr Lee"})
    assert refused.status_code == 422
    [message] = field_errors(refused)
    assert "nothing to clear" in message
    assert "press Start" not in message
    assert 'id="e-cleared_by"' in refused.text
    assert 'value="Dr Lee"' in refused.text
    assert keys(store_client) == ["tom-pip"]


def test_the_new_form_folds_the_field_away_until_needed(store_client: TestClient) -> None:
    page = store_client.get("/introductions/new?program=cat-rat").text
    assert '<details class="cleared">' in page
    assert 'name="cleared_by"' in page
    assert "their vet and a behaviourist, both" in html.unescape(page)


def test_the_api_refuses_a_restart_without_cleared_by(store_client: TestClient) -> None:
    bitten(store_client)
    refused = store_client.post("/api/v1/introductions", json=API_START)
    assert refused.status_code == 422
    body = refused.json()
    assert body["path"] == "cleared_by"
    assert body["error"] == f"cleared_by: {body['message']}"
    assert "ended in 'stop'" in body["message"]
    assert body["message"].endswith("saying who cleared them: send `cleared_by` naming who agreed.")
    assert "--cleared-by" not in body["error"]
    assert 'in "Cleared by"' not in body["error"]
    blank = store_client.post("/api/v1/introductions", json={**API_START, "cleared_by": "  "})
    assert (blank.status_code, blank.json()["path"]) == (422, "cleared_by")
    assert "send `cleared_by`" not in blank.json()["message"]
    assert keys(store_client) == ["tom-pip"]


def test_the_api_starts_again_with_cleared_by(store_client: TestClient) -> None:
    bitten(store_client)
    started = store_client.post(
        "/api/v1/introductions", json={**API_START, "cleared_by": "Dr Lee", "notes": "slowly"}
    )
    assert started.status_code == 201
    body = started.json()
    assert body["id"] == "tom-pip-2"
    assert body["notes"].startswith("slowly\n")
    assert "cleared by Dr Lee" in body["notes"]
    assert store_client.get("/api/v1/introductions/tom-pip-2").json()["notes"] == body["notes"]


def test_the_api_refuses_cleared_by_with_nothing_to_clear(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    body = {"program": "rat-human", "roles": {"rat": ["pip"]}, "cleared_by": "Dr Lee"}
    refused = store_client.post("/api/v1/introductions", json=body)
    assert (refused.status_code, refused.json()["path"]) == (422, "cleared_by")
    assert "nothing to clear" in refused.json()["message"]
    assert "send `cleared_by`" not in refused.json()["message"]


def test_the_api_says_when_a_session_came_before_its_advised_day(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    calm = {"date": "2026-11-20", "stage": "visual", "minutes": 5}
    on_time = store_client.post(SESSIONS, json=calm)
    assert on_time.status_code == 201
    assert on_time.json()["pacing_warning"] is None
    assert on_time.json()["advised_day"] is None
    assert on_time.json()["advice"]["not_before"] == "2026-11-21"
    early = store_client.post(SESSIONS, json=calm)
    assert early.status_code == 201
    body = early.json()
    assert body["session"]["seq"] == 2
    assert body["advised_day"] == "2026-11-21"
    assert "before the advised day (2026-11-21)" in body["pacing_warning"]
    # The day had counted its calm session: this one is kept and earns nothing.
    assert "earned nothing" in body["pacing_warning"]
    assert "rushed" in body["advice"]["alerts"]


def test_the_openapi_document_has_cleared_by_and_the_pacing_warning(client: TestClient) -> None:
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert "cleared_by" in schemas["IntroductionIn"]["properties"]
    logged = schemas["LoggedOut"]
    assert {"session", "advice", "advised_day", "pacing_warning"} <= set(logged["required"])
    warning = logged["properties"]["pacing_warning"]
    assert {"type": "null"} in warning["anyOf"]
    assert warning["description"]
    assert {"type": "string", "format": "date"} in logged["properties"]["advised_day"]["anyOf"]
