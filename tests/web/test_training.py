"""Clicker training in the web app: the log form asks for attempts and rewarded counts only at
a training stage, and the JSON API carries them; on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .helpers import cat_and_rat, field_errors, post_form, rat_in_training

LOG = "/introductions/pip/sessions"
API = "/api/v1/introductions/pip/sessions"
COUNT_INPUT = re.compile(r'<input id="f-(attempts|rewarded)" name="\1" type="number"[^>]*>')


def clicks(day: str, attempts: str, rewarded: str) -> dict[str, str]:
    return {
        "date": day,
        "stage": "charge_clicker",
        "minutes": "3",
        "supervised": "on",
        "attempts": attempts,
        "rewarded": rewarded,
    }


def test_the_log_form_asks_for_counts_only_at_a_training_stage(store_client: TestClient) -> None:
    rat_in_training(store_client)
    form = store_client.get("/introductions/pip/log").text
    inputs = COUNT_INPUT.findall(form)
    assert inputs == ["attempts", "rewarded"]
    assert 'inputmode="numeric"' in form
    assert "80% or more rewarded, twice in a row, moves on" in form
    # Picking another stage swaps in the fields that fit it (htmx), keeping what was typed.
    counts = "/introductions/pip/log/training-counts"
    swapped = store_client.get(counts, params={"stage": "lure", "attempts": "12"}).text
    assert swapped.lstrip().startswith('<div id="training-counts">')
    assert 'name="attempts" type="number" value="12"' in swapped
    emptied = store_client.get(counts, params={"stage": "nonsense"}).text
    assert emptied.lstrip().startswith('<div id="training-counts">')
    assert "<input" not in emptied


def test_the_log_form_of_other_programs_has_no_counts(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    assert COUNT_INPUT.findall(store_client.get("/introductions/tom-pip/log").text) == []
    untrained = "/introductions/tom-pip/log/training-counts"
    assert 'name="attempts"' not in store_client.get(untrained, params={"stage": "visual"}).text
    assert store_client.get("/introductions/nobody/log/training-counts").status_code == 404


@pytest.mark.parametrize(
    ("counts", "action"),
    [
        ([("10", "8"), ("10", "9")], "advance"),
        ([("10", "9"), ("10", "7")], "repeat"),
        ([("10", "7"), ("10", "9")], "repeat"),
    ],
)
def test_logged_through_the_form_it_moves_on_after_two_sessions_at_80_percent(
    store_client: TestClient, counts: list[tuple[str, str]], action: str
) -> None:
    rat_in_training(store_client)
    for day, (attempts, rewarded) in zip(("2026-11-19", "2026-11-20"), counts, strict=True):
        response = post_form(store_client, LOG, clicks(day, attempts, rewarded), htmx=True)
        assert response.status_code == 200, field_errors(response)
        assert f"{rewarded} of {attempts} attempts rewarded" in response.text
    found = re.search(r'data-action="(\w+)" data-stage="(\w+)"', response.text)
    assert found is not None
    assert found.group(1) == action
    # The page keeps its form, which app.js empties (checked in chromium); a form opened
    # afresh for the next session starts with empty counts.
    assert '<form id="log-form" hx-preserve="true"></form>' in response.text
    fresh = store_client.get("/introductions/pip/log").text
    assert COUNT_INPUT.findall(fresh) == ["attempts", "rewarded"]
    assert 'name="attempts" type="number" value=""' in fresh
    listed = store_client.get(API).json()
    assert [(s["attempts"], s["rewarded"]) for s in listed] == [(int(a), int(r)) for a, r in counts]


@pytest.mark.parametrize(
    ("attempts", "rewarded", "field", "message"),
    [
        ("", "8", "attempts", "required at the training stage 'charge_clicker'; count the tries"),
        ("10", "", "rewarded", "required at the training stage 'charge_clicker'; count the tries"),
        ("10", "11", "rewarded", "11 rewarded is more than the 10 attempts; count each try once"),
        ("-1", "0", "attempts", "-1 is negative; count 0 or more"),
        ("7.5", "7", "attempts", "'7.5' is not a whole number of attempts"),
    ],
)
def test_bad_counts_are_422_by_their_field_and_save_nothing(
    store_client: TestClient, attempts: str, rewarded: str, field: str, message: str
) -> None:
    rat_in_training(store_client)
    typed = clicks("2026-11-20", attempts, rewarded)
    response = post_form(store_client, LOG, typed, htmx=True)
    assert response.status_code == 422
    (error,) = field_errors(response)
    assert error.startswith(message)
    # The form comes back as typed, the error by its field.
    assert f'id="f-{field}" name="{field}" type="number" value="{typed[field]}"' in response.text
    assert f'aria-describedby="e-{field}"' in response.text
    assert store_client.get(API).json() == []


def test_the_api_logs_and_reads_the_counts(store_client: TestClient) -> None:
    rat_in_training(store_client)
    body = {"date": "2026-11-19", "stage": "charge_clicker", "minutes": 3, "rewarded": 9}
    missing = store_client.post(API, json=body)
    assert missing.status_code == 422
    assert missing.json()["path"] == "attempts"
    assert missing.json()["error"].startswith("attempts: required at the training stage")
    for attempts, error in (
        (8, "rewarded: 9 rewarded is more than the 8 attempts; count each try once"),
        (-1, "attempts: -1 is negative; count 0 or more"),
    ):
        refused = store_client.post(API, json={**body, "attempts": attempts})
        assert refused.status_code == 422
        assert refused.json()["error"] == error
    assert store_client.get(API).json() == []
    logged = store_client.post(API, json={**body, "attempts": 10})
    assert logged.status_code == 201
    assert (logged.json()["session"]["attempts"], logged.json()["session"]["rewarded"]) == (10, 9)
    second = {**body, "date": "2026-11-20", "attempts": 10, "rewarded": 8}
    assert store_client.post(API, json=second).json()["advice"]["action"] == "advance"
    listed = store_client.get(API).json()
    assert [(s["attempts"], s["rewarded"]) for s in listed] == [(10, 9), (10, 8)]


def test_sessions_of_other_programs_read_back_without_counts(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    body = {"stage": "visual", "minutes": 5}
    session = store_client.post("/api/v1/introductions/tom-pip/sessions", json=body).json()
    assert (session["session"]["attempts"], session["session"]["rewarded"]) == (None, None)


REWARDED_CELL = re.compile(r'<td class="num nowrap" data-label="Rewarded">([^<]*)</td>')


def test_the_history_shows_the_counts_of_training_sessions(
    store_client: TestClient,
) -> None:
    rat_in_training(store_client)
    for day, (attempts, rewarded) in (("2026-11-19", ("10", "9")), ("2026-11-20", ("12", "8"))):
        post_form(store_client, LOG, clicks(day, attempts, rewarded), htmx=True)
    page = store_client.get("/introductions/pip").text
    assert "<th>Rewarded</th>" in page
    assert REWARDED_CELL.findall(page) == ["8 of 12", "9 of 10"]  # newest first


def test_a_history_without_counts_has_no_counts_column(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    post_form(store_client, "/introductions/tom-pip/sessions", {"stage": "visual", "minutes": "5"})
    other = store_client.get("/introductions/tom-pip").text
    assert 'data-label="Minutes"' in other
    assert "Rewarded" not in other
