"""Fixtures of the web tests: an app on a throw-away store with a pinned date, and its client."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette asks for the `httpx2` fork; plain httpx still works and is what we depend on.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from ratbond.web.app import create_app
from ratbond.web.settings import WebSettings

TODAY = dt.date(2026, 11, 20)
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"|"X-CSRF-Token": "([^"]+)"')


def csrf_token(client: TestClient, page: str = "/programs") -> str:
    """The CSRF token a page hands this client (its cookie is kept by the client)."""
    match = TOKEN.search(client.get(page).text)
    assert match is not None, f"no CSRF token on {page}"
    return match.group(1) or match.group(2)


def make_client(url: str) -> Iterator[TestClient]:
    app = create_app(WebSettings(database_url=url, secret_key=b"k" * 32, today=lambda: TODAY))
    with TestClient(app, base_url="http://localhost") as test_client:
        yield test_client
    app.state.web.db.close()


@pytest.fixture
def client(sqlite_url: str) -> Iterator[TestClient]:
    """The app on a fresh SQLite store (for tests that do not depend on the backend)."""
    yield from make_client(sqlite_url)


@pytest.fixture
def store_client(db_url: str) -> Iterator[TestClient]:
    """The app on a fresh store, once on SQLite and once on PostgreSQL."""
    yield from make_client(db_url)
