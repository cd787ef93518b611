"""Small helpers shared by the web route tests: post a form with its token, set up a household."""

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


def rat_in_training(client: TestClient) -> None:
    """Pip the rat in a clicker-training introduction `pip` (trick-spin)."""
    body = {"species": "rat", "name": "Pip", "origin": "breeder", "arrived": "2026-09-01"}
    assert client.post("/api/v1/animals", json=body).status_code == 201
    start = {"program": "trick-spin", "roles": {"rat": ["pip"]}}
    assert client.post("/api/v1/introductions", json=start).status_code == 201
