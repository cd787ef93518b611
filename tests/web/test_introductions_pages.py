"""The new-introduction form: starting again a pair whose introduction ended in `stop` needs
"Cleared by", folded away until needed; on SQLite and PostgreSQL."""

from __future__ import annotations

import html

from fastapi.testclient import TestClient

from .helpers import bitten, cat_and_rat, field_errors, keys, post_form

START = {"program": "cat-rat", "roles.cat": "tom", "roles.rat": "pip"}


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


def test_the_form_refuses_an_unfinished_twin_and_offers_to_start_one_anyway(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    assert 'name="again"' not in store_client.get("/introductions/new?program=cat-rat").text
    refused = post_form(store_client, "/introductions", START)
    assert refused.status_code == 422
    [message] = field_errors(refused)
    assert message.startswith("introduction 'tom-pip' (cat-rat, active) already has these animals")
    assert "--again" not in refused.text
    assert 'name="again"' in refused.text
    assert '<a href="/introductions/tom-pip">Go on with tom-pip</a>' in refused.text
    assert keys(store_client) == ["tom-pip"]
    started = post_form(store_client, "/introductions", {**START, "again": "on"})
    assert started.status_code == 303
    assert started.headers["location"] == "/introductions/tom-pip-2"


def test_the_start_form_folds_cleared_by_away_until_needed(store_client: TestClient) -> None:
    page = store_client.get("/introductions/new?program=cat-rat").text
    assert '<details class="cleared">' in page
    assert 'name="cleared_by"' in page
    assert "their vet and a behaviourist, both" in html.unescape(page)


def test_the_start_forms_answer_warns_of_residents_in_another_introduction(
    client: TestClient,
) -> None:
    for name in ("Cy", "Ada", "Bo", "Dee"):
        body = {"species": "rat", "name": name, "arrived": "2026-10-01"}
        assert client.post("/api/v1/animals", json=body).status_code == 201
    first = {"program": "rat-rat", "roles.newcomer": "cy", "roles.residents": ["ada", "bo"]}
    assert post_form(client, "/introductions", first).status_code == 303
    second = {"program": "rat-rat", "roles.newcomer": "dee", "roles.residents": ["ada", "bo"]}
    started = post_form(client, "/introductions", second)
    assert started.status_code == 303
    answer = html.unescape(client.get(started.headers["location"]).text)
    assert "Ada and Bo are already in rat-rat introduction 'cy-ada-bo' (Cy & Ada & Bo)" in answer
