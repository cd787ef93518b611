"""The notes preview of the log form: understood phrases highlighted (escaped), a checkbox per
reading, an untick that sticks when the session is saved, danger that cannot be unticked, CSRF
and 422 on bad input."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from ratbond.web.routes.sessions import PREVIEW_LIMIT, notes_digest

from .helpers import cat_and_rat, field_errors, post_form

PREVIEW = "/introductions/tom-pip/notes-preview"
SAVE = "/introductions/tom-pip/sessions"
NOTE = "Tom <b>slow blinked</b> at the cage & Pip was grooming herself."


def checkboxes(text: str) -> dict[str, str]:
    """Each noted checkbox's value and its state: checked, disabled (kept) or unchecked."""
    found = {}
    for match in re.finditer(r'<input type="checkbox" name="noted" value="([^"]+)"([^>]*)>', text):
        attrs = match.group(2)
        found[match.group(1)] = (
            "kept" if "disabled" in attrs else "checked" if "checked" in attrs else "unchecked"
        )
    return found


def saved_signals(client: TestClient) -> dict[str, list[str]]:
    sessions = client.get("/api/v1/introductions/tom-pip/sessions").json()
    assert len(sessions) == 1
    signals: dict[str, list[str]] = sessions[0]["signals"]
    return signals


def session(notes: str, **extra: object) -> dict[str, object]:
    return {"date": "2026-11-20", "stage": "visual", "minutes": "5", "notes": notes, **extra}


def test_preview_highlights_understood_phrases_escaped(client: TestClient) -> None:
    cat_and_rat(client)
    response = post_form(client, PREVIEW, {"notes": NOTE}, htmx=True)
    assert response.status_code == 200
    text = response.text
    assert text.lstrip().startswith('<div id="notes-preview"')
    assert "<b>" not in text
    assert "Tom &lt;b&gt;" in text
    assert "&amp; Pip" in text
    marks = re.findall(r'<mark title="([^"]*)">([^<]*)</mark>', text)
    assert ("Tom: slow blink", "slow blinked") in marks
    assert ("Pip: grooming self", "grooming herself") in marks
    assert checkboxes(text) == {"tom:slow_blink": "checked", "pip:grooming_self": "checked"}
    assert f'name="notes_previewed" value="{notes_digest(NOTE)}"' in text


def test_a_denied_phrase_is_struck_and_offers_no_checkbox(client: TestClient) -> None:
    cat_and_rat(client)
    text = post_form(client, PREVIEW, {"notes": "no hissing from Tom"}, htmx=True).text
    assert '<mark class="denied" title="denied: Tom: hissing">hissing</mark>' in text
    assert checkboxes(text) == {}


def test_an_untick_survives_the_next_preview(client: TestClient) -> None:
    cat_and_rat(client)
    shown = ["tom:slow_blink", "pip:grooming_self"]
    data = {"notes": NOTE + " Pip froze.", "noted_shown": shown, "noted": ["pip:grooming_self"]}
    text = post_form(client, PREVIEW, data, htmx=True).text
    assert checkboxes(text) == {
        "tom:slow_blink": "unchecked",
        "pip:grooming_self": "checked",
        "pip:freezing": "checked",
    }


def test_untick_removes_a_calm_signal_from_the_saved_session(client: TestClient) -> None:
    cat_and_rat(client)
    form = session(
        NOTE,
        notes_previewed=notes_digest(NOTE),
        noted_shown=["tom:slow_blink", "pip:grooming_self"],
        noted=["pip:grooming_self"],
        signal=["pip:relaxed"],
    )
    response = post_form(client, SAVE, form, htmx=True)
    assert response.status_code == 200, field_errors(response)
    # Tom now has an explicit, empty list: the notes may not add the slow blink back.
    assert saved_signals(client) == {"tom": [], "pip": ["relaxed", "grooming_self"]}
    reasons = " ".join(client.get("/api/v1/introductions/tom-pip/advice").json()["reasons"])
    assert "slow_blink" not in reasons


def test_without_a_matching_preview_the_notes_are_read_as_before(client: TestClient) -> None:
    cat_and_rat(client)
    # The owner typed on after the last preview: its ticks are for another text.
    form = session(NOTE, notes_previewed=notes_digest("Tom slow blinked"), noted=[])
    assert post_form(client, SAVE, form, htmx=True).status_code == 200
    assert saved_signals(client) == {}


def test_danger_read_from_the_notes_is_kept(client: TestClient) -> None:
    cat_and_rat(client)
    note = "Tom lunged and bit Pip, Pip squeaked."
    text = post_form(client, PREVIEW, {"notes": note}, htmx=True).text
    boxes = checkboxes(text)
    assert boxes == {"tom:lunging": "kept", "tom:biting": "kept", "pip:squeaking": "checked"}
    assert "change the words of the note" in text
    # Unticking everything (a disabled box is never sent) still keeps the bite.
    form = session(note, notes_previewed=notes_digest(note), noted_shown=list(boxes), noted=[])
    response = post_form(client, SAVE, form, htmx=True)
    assert response.status_code == 200
    saved = saved_signals(client)
    assert saved == {"tom": ["lunging", "biting"], "pip": []}
    assert client.get("/api/v1/introductions/tom-pip/advice").json()["action"] == "stop"


def test_a_reading_not_in_the_notes_is_422(client: TestClient) -> None:
    cat_and_rat(client)
    form = session(NOTE, notes_previewed=notes_digest(NOTE), noted=["tom:hissing"])
    response = post_form(client, SAVE, form, htmx=True)
    assert response.status_code == 422
    assert field_errors(response) == ["'tom:hissing' was not read from these notes"]
    # The form comes back with its notes and their preview.
    assert "grooming herself</mark>" in response.text
    assert client.get("/api/v1/introductions/tom-pip/sessions").json() == []


def test_over_long_notes_are_422(client: TestClient) -> None:
    cat_and_rat(client)
    response = post_form(client, PREVIEW, {"notes": "a" * (PREVIEW_LIMIT + 1)}, htmx=True)
    assert response.status_code == 422
    assert "not previewed" in response.text


def test_preview_needs_the_csrf_token_and_a_known_introduction(client: TestClient) -> None:
    cat_and_rat(client)
    refused = client.post(PREVIEW, data={"notes": NOTE}, headers={"HX-Request": "true"})
    assert refused.status_code == 403
    missing = post_form(client, "/introductions/nobody/notes-preview", {"notes": NOTE})
    assert missing.status_code == 404


def test_the_log_form_asks_for_a_preview_as_the_owner_types(client: TestClient) -> None:
    cat_and_rat(client)
    page = client.get("/introductions/tom-pip/log").text
    assert 'hx-post="/introductions/tom-pip/notes-preview"' in page
    assert 'hx-trigger="input changed delay:500ms"' in page
    assert '<div id="notes-preview"' in page


def test_danger_the_notes_cannot_rule_out_is_ticked_for_review(client: TestClient) -> None:
    cat_and_rat(client)
    note = "I think Tom might have nipped Pip, not sure."
    text = post_form(client, PREVIEW, {"notes": note}, htmx=True).text
    boxes = checkboxes(text)
    assert boxes == {"tom:biting": "checked"}
    assert "Please check: your words may mean this danger sign" in text
    # The owner says it did not happen: unticked, it is not saved and does not count.
    form = session(note, notes_previewed=notes_digest(note), noted_shown=list(boxes), noted=[])
    assert post_form(client, SAVE, form, htmx=True).status_code == 200
    assert saved_signals(client) == {"tom": []}
    assert client.get("/api/v1/introductions/tom-pip/advice").json()["action"] != "stop"


def test_without_a_preview_a_danger_the_notes_cannot_rule_out_counts(client: TestClient) -> None:
    # A form sent without its preview (no JavaScript): the owner never saw the reading, so
    # ticking another of Tom's signals is no answer to it.
    cat_and_rat(client)
    note = "I think Tom might have nipped Pip, not sure."
    response = post_form(client, SAVE, session(note, signal=["tom:ears_forward"]), htmx=True)
    assert response.status_code == 200
    assert saved_signals(client) == {"tom": ["ears_forward", "biting"]}
    assert client.get("/api/v1/introductions/tom-pip/advice").json()["action"] == "stop"


def counted_lines(text: str) -> list[str]:
    """The panel's lines on what of the notes the advice counted, unescaped."""
    import html

    found = re.findall(r'<p class="hint notes-counted">([^<]*)</p>', text)
    return [html.unescape(line) for line in found]


def test_a_saved_danger_the_owner_unticked_is_named_as_not_counted(client: TestClient) -> None:
    cat_and_rat(client)
    note = "I think Tom might have nipped Pip, not sure."
    form = session(note, notes_previewed=notes_digest(note), noted_shown=["tom:biting"], noted=[])
    response = post_form(client, SAVE, form, htmx=True)
    assert response.status_code == 200
    assert counted_lines(response.text) == [
        'Not counted from your notes: "nipped" (Tom: biting; your words could not rule it out, '
        "and Tom's signals leave it out as not having happened; if it did: tick it when you "
        "correct session #1)"
    ]
    assert 'href="/introductions/tom-pip/sessions/1/edit">Correct session #1' in response.text


def test_a_saved_session_says_what_of_its_notes_counted_as_the_command_line_does(
    client: TestClient,
) -> None:
    cat_and_rat(client)
    note = "Pip froze. Someone seemed relaxed. Tom lay down."
    response = post_form(client, SAVE, session(note, signal=["pip:relaxed"]), htmx=True)
    assert response.status_code == 200
    assert counted_lines(response.text) == [
        "Read in your notes: Tom: lying down",
        'Not counted from your notes: "froze" (Pip: freezing; you gave Pip\'s signals, so the '
        "notes add only danger, aggression and illness: tick it when you correct session #1); "
        '"relaxed" (relaxed, no animal named: a calm sign counts only for the animal it names)',
    ]


def test_without_htmx_a_save_with_notes_not_counted_shows_them_before_moving_on(
    client: TestClient,
) -> None:
    cat_and_rat(client)
    note = "Pip froze."
    response = post_form(client, SAVE, session(note, signal=["pip:relaxed"]))
    assert response.status_code == 200  # not the redirect to the introduction
    assert counted_lines(response.text)[0].startswith('Not counted from your notes: "froze"')
