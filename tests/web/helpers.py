"""Small helpers shared by the web route tests: post a form with its token, set up a household,
list the introductions."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from .conftest import csrf_token

FIELD_ERROR = re.compile(r'class="field-error"[^>]*>([^<]*)<')


def post_form(client: TestClient, url: str, data: dict[str, Any], htmx: bool = False) -> Response:
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        url,
        data={"csrf_token": csrf_token(client), **data},
        headers=headers,
        follow_redirects=False,
    )


def field_errors(response: Response) -> list[str]:
    import html

    return [html.unescape(message) for message in FIELD_ERROR.findall(response.text)]


def cat_and_rat(client: TestClient) -> None:
    """Tom the cat and Pip the rat, vet-checked, in a cat-rat introduction `tom-pip`."""
    for body in (
        {"species": "cat", "name": "Tom", "prey_drive": "moderate"},
        {"species": "rat", "name": "Pip", "origin": "breeder", "arrived": "2026-09-01"},
    ):
        assert client.post("/api/v1/animals", json=body).status_code == 201
    for animal in ("tom", "pip"):
        check = {"date": "2026-10-01", "vet": "Dr Lee"}
        assert client.post(f"/api/v1/animals/{animal}/vet-checks", json=check).status_code == 201
    start = {"program": "cat-rat", "roles": {"cat": ["tom"], "rat": ["pip"]}}
    assert client.post("/api/v1/introductions", json=start).status_code == 201


def bitten(client: TestClient) -> None:
    """`cat_and_rat`, and Tom bit Pip yesterday: the advice of `tom-pip` is `stop`."""
    cat_and_rat(client)
    bite = {"date": "2026-11-19", "stage": "visual", "minutes": 5, "signals": {"tom": ["biting"]}}
    logged = client.post("/api/v1/introductions/tom-pip/sessions", json=bite)
    assert logged.status_code == 201
    assert logged.json()["advice"]["action"] == "stop"


def keys(client: TestClient) -> list[str]:
    """The ids of the introductions, as the API lists them."""
    return [intro["id"] for intro in client.get("/api/v1/introductions").json()]


def rat_in_training(client: TestClient) -> None:
    """Pip the rat in a clicker-training introduction `pip` (trick-spin)."""
    body = {"species": "rat", "name": "Pip", "origin": "breeder", "arrived": "2026-09-01"}
    assert client.post("/api/v1/animals", json=body).status_code == 201
    start = {"program": "trick-spin", "roles": {"rat": ["pip"]}}
    assert client.post("/api/v1/introductions", json=start).status_code == 201
