"""The log form tells the owner when a session came before the advised day."""

from __future__ import annotations

from fastapi.testclient import TestClient

from .helpers import cat_and_rat, post_form

LOG = "/introductions/tom-pip/sessions"
CALM = {"date": "2026-11-20", "stage": "visual", "minutes": "5", "supervised": "on"}


def test_a_second_session_the_same_day_is_saved_with_a_warning(client: TestClient) -> None:
    cat_and_rat(client)
    first = post_form(client, LOG, CALM, htmx=True)
    assert "Saved session #1" in first.text
    assert "Before the advised day" not in first.text
    second = post_form(client, LOG, CALM, htmx=True)
    assert second.status_code == 200
    assert "Saved session #2" in second.text
    assert "Before the advised day." in second.text
    assert "before the advised day (2026-11-21)" in second.text


def test_without_htmx_the_warning_is_shown_before_moving_on(client: TestClient) -> None:
    cat_and_rat(client)
    assert post_form(client, LOG, CALM).status_code == 303
    early = post_form(client, LOG, CALM)
    assert early.status_code == 200
    assert "Before the advised day." in early.text
