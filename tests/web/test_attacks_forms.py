"""Every form route fed malformed posts by hypothesis, with a valid CSRF token: no answer is a
5xx, a refused post stores nothing, and no posted text comes back as markup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ratbond.limits import MAX_NAME, MAX_NOTES
from tests.snapshots import all_rows, store_file
from tests.web.conftest import csrf_token, make_client

# A tag no page of ratbond has: found in an answer, posted text was echoed as markup.
PROBE = "<x-probe"
ROUTES = [
    "/animals",
    "/animals/{ref}",
    "/animals/{ref}/vet-checks",
    "/animals/{ref}/weights",
    "/animals/{ref}/archive",
    "/care/tasks/cage-cleaning/done",
    "/care/tasks/weigh-in/done",
    "/care/cage",
    "/care/freeroam",
    "/care/trust/{ref}",
    "/care/groom",
    "/introductions",
    "/introductions/{ref}/status",
    "/introductions/{ref}/notes-preview",
    "/introductions/{ref}/sessions",
    "/introductions/{ref}/sessions/{n}/edit",
    "/introductions/{ref}/sessions/{n}/withdraw",
]
FIELDS = [
    "animal",
    "arrived",
    "attempts",
    "born",
    "checked_by",
    "cleared_by",
    "date",
    "findings",
    "finding",
    "grams",
    "key",
    "levels",
    "markings",
    "minutes",
    "name",
    "next",
    "notes",
    "origin",
    "prey_drive",
    "program",
    "rats",
    "rewarded",
    "sex",
    "species",
    "stage",
    "started",
    "status",
    "unit",
    "vet",
    "sign",
    "cat",
    "rat",
    "newcomer",
    "resident",
    "length",
    "width",
    "height",
    "weight",
    "signal",
]
REFS = st.sampled_from(["pip", "³", str(2**63), "9" * 40, "nobody", "%00", "PIP"])
VALUES = st.one_of(
    st.text(max_size=20),
    st.text(max_size=8).map(lambda s: f"{PROBE}>{s}</x-probe>"),
    st.sampled_from(
        ["0", "-1", "nan", "inf", "1e-320", "1e308", "1e12", str(2**63), "9" * 500, "\x00",
         "0001-01-01", "9999-12-31", "2026-02-30", "³", "on", "cat", "rat", "pip", "visual"]
    ),
    st.integers(MAX_NAME, MAX_NOTES + 10).map(lambda n: "x" * n),
)  # fmt: skip


@pytest.fixture
def site(sqlite_url: str) -> Iterator[tuple[TestClient, str, Path]]:
    """The app with Pip the rat in a rat-human introduction `pip`, and a CSRF token."""
    for client in make_client(sqlite_url):
        token = csrf_token(client)
        api = {"content-type": "application/json"}
        assert client.post(
            "/api/v1/animals",
            json={"name": "Pip", "species": "rat", "arrived": "2026-09-01"},
            headers=api,
        ).is_success
        assert client.post("/api/v1/animals/pip/vet-checks", json={"date": "2026-10-01"}).is_success
        assert client.post(
            "/api/v1/introductions",
            json={"program": "rat-human", "roles": {"rat": ["pip"]}, "id": "pip"},
        ).is_success
        yield client, token, store_file(sqlite_url)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    route=st.sampled_from(ROUTES),
    ref=REFS,
    number=st.sampled_from(["1", "0", "³", str(2**63)]),
    form=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=8),
)
def test_no_form_post_breaks_the_server_stores_a_refusal_or_echoes_markup(
    site: tuple[TestClient, str, Path], route: str, ref: str, number: str, form: dict[str, str]
) -> None:
    client, token, database = site
    before = all_rows(database)
    response = client.post(
        route.format(ref=ref, n=number), data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert response.status_code < 500, (route, form, response.text[:500])
    if response.status_code >= 400:
        assert all_rows(database) == before, (route, form)
    assert PROBE not in response.text, (route, form)


@pytest.mark.parametrize("field", ["markings", "sex"])
def test_a_nul_or_a_lone_surrogate_is_refused_alike_on_both_stores(
    store_client: TestClient, field: str
) -> None:
    """PostgreSQL cannot keep a NUL and SQLite can: the validation refuses it for both."""
    token = csrf_token(store_client)
    for text in ('"a\\u0000b"', '"a\\ud800b"'):
        body = f'{{"species": "rat", "name": "Mo", "{field}": {text}}}'.encode()
        answer = store_client.post(
            "/api/v1/animals", content=body, headers={"content-type": "application/json"}
        )
        assert answer.status_code == 422, answer.text
        assert answer.json()["path"] == field
    page = store_client.post(
        "/animals", data={"csrf_token": token, "name": "Mo", "species": "rat", field: "a\x00b"}
    )
    assert page.status_code == 422
    assert store_client.get("/api/v1/animals").json() == []
