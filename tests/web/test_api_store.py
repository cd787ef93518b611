"""The JSON API on the store, on SQLite and PostgreSQL: created, listed, refused by the field; a
pair that ended apart starts again with `cleared_by`; a session before its advised day says so."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .helpers import bitten, cat_and_rat, keys

API_START = {"program": "cat-rat", "roles": {"cat": ["tom"], "rat": ["pip"]}}
SESSIONS = "/api/v1/introductions/tom-pip/sessions"


def test_animals_round_trip(store_client: TestClient) -> None:
    created = store_client.post(
        "/api/v1/animals", json={"species": "rat", "name": "Pip", "born": "2026-03-01"}
    )
    assert created.status_code == 201
    assert created.json()["id"] == "pip"
    patched = store_client.patch("/api/v1/animals/pip", json={"name": "Pippa", "born": None})
    assert patched.status_code == 200
    assert (patched.json()["name"], patched.json()["born"]) == ("Pippa", None)
    assert [a["id"] for a in store_client.get("/api/v1/animals").json()] == ["pip"]


def test_validation_errors_name_the_field(store_client: TestClient) -> None:
    cases = [
        ("/api/v1/animals", {"species": "dog"}, "species"),
        ("/api/v1/animals", {"species": "cat", "nmae": "Tom"}, "nmae"),
        ("/api/v1/animals", {"species": "cat", "born": "yesterday"}, "born"),
        ("/api/v1/animals", {"species": "rat", "name": "Pip", "prey_drive": "high"}, "prey_drive"),
        ("/api/v1/animals", {"species": "cat", "name": "Tom", "born": "2027-01-01"}, "born"),
    ]
    for url, body, path in cases:
        response = store_client.post(url, json=body)
        assert response.status_code == 422, body
        assert response.json()["path"] == path, response.json()
        assert response.json()["error"].startswith(f"{path}: ")


def test_sessions_and_advice(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    advice = store_client.get("/api/v1/introductions/tom-pip/advice").json()
    assert (advice["action"], advice["stage"]) == ("start", "visual")
    body = {"date": "2026-11-19", "stage": "visual", "minutes": 5, "signals": {"Tom": ["hiss"]}}
    refused = store_client.post("/api/v1/introductions/tom-pip/sessions", json=body)
    assert refused.status_code == 422
    assert refused.json()["path"] == "signals.tom[0]"
    assert "did you mean 'hissing'" in refused.json()["message"]
    body["signals"] = {"Tom": ["hissing"]}
    logged = store_client.post("/api/v1/introductions/tom-pip/sessions", json=body)
    assert logged.status_code == 201
    assert logged.json()["session"]["session_class"] == "aggression"
    assert logged.json()["advice"]["action"] == "repeat"
    assert "intervene" in logged.json()["advice"]["alerts"]
    listed = store_client.get("/api/v1/introductions/tom-pip/sessions").json()
    assert [s["signals"] for s in listed] == [{"tom": ["hissing"]}]


def test_status_changes_and_unknown_ids(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    paused = store_client.post("/api/v1/introductions/tom-pip/status", json={"status": "paused"})
    assert paused.json()["status"] == "paused"
    bad = store_client.post("/api/v1/introductions/tom-pip/status", json={"status": "napping"})
    assert (bad.status_code, bad.json()["path"]) == (422, "status")
    assert store_client.get("/api/v1/introductions/nope").status_code == 404
    missing = store_client.post(
        "/api/v1/introductions",
        json={"program": "cat-rat", "roles": {"cat": ["ghost"], "rat": ["pip"]}},
    )
    assert missing.status_code in (404, 422)
    assert "ghost" in missing.json()["error"]


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


def test_the_api_refuses_an_unfinished_twin_unless_again(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    refused = store_client.post("/api/v1/introductions", json=API_START)
    assert (refused.status_code, refused.json()["path"]) == (422, "again")
    assert "'tom-pip' (cat-rat, active) already has these animals" in refused.json()["message"]
    assert keys(store_client) == ["tom-pip"]
    started = store_client.post("/api/v1/introductions", json={**API_START, "again": True})
    assert (started.status_code, started.json()["id"]) == (201, "tom-pip-2")


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


@pytest.mark.parametrize("ref", ["%C2%B3", "9223372036854775808", "9" * 300])
def test_an_absurd_introduction_id_is_404_everywhere(store_client: TestClient, ref: str) -> None:
    cat_and_rat(store_client)
    for url in (
        f"/api/v1/introductions/{ref}/advice",
        f"/api/v1/introductions/{ref}/sessions",
        f"/introductions/{ref}",
    ):
        assert store_client.get(url).status_code == 404, url


@pytest.mark.parametrize("value", [0, 1700000000, 20261120, True])
def test_a_date_given_as_a_number_is_refused_by_field(
    store_client: TestClient, value: object
) -> None:
    answer = store_client.post(
        "/api/v1/animals", json={"name": "Rex", "species": "rat", "arrived": value}
    )
    assert answer.status_code == 422
    assert answer.json()["path"] == "arrived"
    assert "YYYY-MM-DD" in answer.json()["message"]
    assert store_client.get("/api/v1/animals").json() == []


@pytest.mark.parametrize(
    ("url", "body", "path", "message"),
    [
        # JSON readers keep the last of a key given twice: this added a cat.
        ("/api/v1/animals", '{"name": "Zed", "species": "rat", "species": "cat"}', "species",
         "given twice in the same object; keep one of them"),
        ("/api/v1/introductions/tom-pip/sessions", '{"minutes": 5, "minutes": 500}', "minutes",
         "given twice in the same object; keep one of them"),
        ("/api/v1/introductions/tom-pip/sessions", '{"signals": {"tom": [], "tom": []}}',
         "signals.tom", "given twice in the same object; keep one of them"),
        # Was "[17]: jSON decode error".
        ("/api/v1/animals", '{"name": "Zed"} x', "",
         "not valid JSON at line 1, column 17: Extra data"),
        # pydantic's lax mode stored `true` as 1 minute, "5" as 5 and 1 as true.
        ("/api/v1/introductions/tom-pip/sessions", '{"minutes": true}', "minutes",
         "expected a number, got true/false (true)"),
        ("/api/v1/introductions/tom-pip/sessions", '{"minutes": "5"}', "minutes",
         'expected a number, got text ("5")'),
        ("/api/v1/introductions/tom-pip/sessions", '{"minutes": 5, "supervised": 1}',
         "supervised", "expected true or false, got a number (1)"),
        ("/api/v1/animals/pip/weights", '{"grams": true}', "grams",
         "expected a number, got true/false (true)"),
    ],
)  # fmt: skip
def test_a_body_that_says_two_things_or_a_slip_of_type_is_refused_by_path(
    store_client: TestClient, url: str, body: str, path: str, message: str
) -> None:
    cat_and_rat(store_client)
    before = store_client.get("/api/v1/introductions/tom-pip/sessions").json()
    answer = store_client.post(url, content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert (answer.json()["path"], answer.json()["message"]) == (path, message)
    assert [a["id"] for a in store_client.get("/api/v1/animals").json()] == ["pip", "tom"]
    assert store_client.get("/api/v1/introductions/tom-pip/sessions").json() == before


def test_a_session_sent_again_with_its_idempotency_key_is_logged_once(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    body = {"date": "2026-11-19", "stage": "visual", "minutes": 5}
    key = {"Idempotency-Key": "5b7f0c2e-9d1a-4e55-8a3b-2f6c1d0e9a77"}
    first = store_client.post(SESSIONS, json=body, headers=key)
    again = store_client.post(SESSIONS, json=body, headers=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert (first.json()["repeated"], again.json()["repeated"]) == (False, True)
    assert again.json()["session"] == first.json()["session"]
    assert len(store_client.get(SESSIONS).json()) == 1
    bad = store_client.post(SESSIONS, json=body, headers={"Idempotency-Key": "not a key"})
    assert (bad.status_code, bad.json()["path"]) == (422, "submission")
    assert len(store_client.get(SESSIONS).json()) == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # Were "[0]: jSON decode error" and "required field is missing" at the path "".
        (b"\xff\xfe{}", "the body is not UTF-8 text; send it as JSON in UTF-8"),
        (b"", "the body is empty; send one JSON object"),
        (b"  \n", "the body is empty; send one JSON object"),
    ],
)
def test_a_body_that_is_no_text_or_nothing_is_refused_in_plain_words(
    store_client: TestClient, body: bytes, message: str
) -> None:
    for url in ("/api/v1/animals", "/api/v1/advice"):
        answer = store_client.post(url, content=body, headers={"content-type": "application/json"})
        assert answer.status_code == 422
        assert (answer.json()["path"], answer.json()["message"]) == ("", message)
    assert store_client.get("/api/v1/animals").json() == []


@pytest.mark.parametrize(
    "value",
    [
        "1763596800",
        "1763596800.0",
        "-1",
        "20261120",
        "2026-11-20T00:00",
        "2026-11-20 00:00:00Z",
        "2026-W47-5",
        "2026-11-\uff120",
    ],
)
def test_a_date_given_as_a_timestamp_or_a_time_is_refused_by_field(
    store_client: TestClient, value: str
) -> None:
    """pydantic reads digits as a Unix timestamp ('1763596800' stored 2025-11-20) and takes a
    time of midnight as a date: the API takes YYYY-MM-DD only, as `ratbond evaluate` does."""
    answer = store_client.post(
        "/api/v1/animals", json={"name": "Rex", "species": "rat", "arrived": value}
    )
    assert answer.status_code == 422
    assert answer.json()["path"] == "arrived"
    assert answer.json()["message"] == f"'{value}' is not a date; write it as YYYY-MM-DD"
    assert store_client.get("/api/v1/animals").json() == []


@pytest.mark.parametrize(
    ("url", "body", "message"),
    [
        # Was pydantic's "string should match pattern '^[a-z0-9_-]+$'".
        ("/api/v1/animals", {"species": "rat", "id": "Bad Id"},
         "'Bad Id' is not a valid id; use lower-case letters, digits, '-' and '_' only"),
        ("/api/v1/animals", {"species": "rat", "id": "x" * 65},
         "is 65 characters long; at most 64"),
        ("/api/v1/introductions", {**API_START, "id": "tom pip"},
         "'tom pip' is not a valid id; use lower-case letters, digits, '-' and '_' only"),
    ],
)  # fmt: skip
def test_an_id_out_of_form_is_refused_in_the_command_line_s_words(
    store_client: TestClient, url: str, body: dict[str, object], message: str
) -> None:
    cat_and_rat(store_client)
    answer = store_client.post(url, json=body)
    assert answer.status_code == 422
    assert (answer.json()["path"], answer.json()["message"]) == ("id", message)
    assert [a["id"] for a in store_client.get("/api/v1/animals").json()] == ["pip", "tom"]
