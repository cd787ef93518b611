"""Page routes on SQLite and PostgreSQL: forms save, refuse bad input with 422 by the field,
and show what the owner typed; the log form returns the new advice as an htmx fragment and says
when a session came before the advised day."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest
from fastapi.testclient import TestClient

from ratbond.store.queries import HISTORY_PAGE_SIZE
from ratbond.store.sessions import delete_session, get_session

from .conftest import TODAY
from .helpers import bitten, cat_and_rat, field_errors, post_form

LOG = "/introductions/tom-pip/sessions"
CALM = {"date": "2026-11-20", "stage": "visual", "minutes": "5", "supervised": "on"}


def test_today_welcomes_a_new_household(store_client: TestClient) -> None:
    response = store_client.get("/")
    assert response.status_code == 200
    assert "Add a cat" in response.text


def test_add_and_edit_an_animal_through_the_forms(store_client: TestClient) -> None:
    response = post_form(
        store_client,
        "/animals",
        {"species": "cat", "name": "Mr. Whiskers", "prey_drive": "high", "born": "2020-05-01"},
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/animals/mr-whiskers"
    page = store_client.get("/animals/mr-whiskers").text
    assert "Mr. Whiskers" in page
    assert "No vet check yet" in page
    edit = store_client.get("/animals/mr-whiskers/edit").text
    assert 'value="Mr. Whiskers"' in edit
    response = post_form(
        store_client,
        "/animals/mr-whiskers",
        {"species": "cat", "name": "Whiskers", "prey_drive": "low"},
    )
    assert response.status_code == 303
    animal = store_client.get("/api/v1/animals/mr-whiskers").json()
    assert (animal["name"], animal["prey_drive"], animal["born"]) == ("Whiskers", "low", None)


def test_a_bad_animal_form_is_422_with_what_was_typed(store_client: TestClient) -> None:
    typed = {"species": "rat", "name": "Pip <i>", "born": "20-01-2026", "markings": "white tail"}
    response = post_form(store_client, "/animals", typed)
    assert response.status_code == 422
    assert field_errors(response) == ["'20-01-2026' is not a date; write it as YYYY-MM-DD"]
    assert 'value="20-01-2026"' in response.text
    assert 'value="Pip &lt;i&gt;"' in response.text
    assert 'value="white tail"' in response.text
    assert store_client.get("/api/v1/animals").json() == []


def test_missing_species_and_taken_id(store_client: TestClient) -> None:
    response = post_form(store_client, "/animals", {"name": "Tom"})
    assert response.status_code == 422
    assert field_errors(response) == ["required field is missing; 'cat' or 'rat'"]
    assert post_form(store_client, "/animals", {"species": "cat", "name": "Tom"}).status_code == 303
    response = post_form(store_client, "/animals", {"species": "cat", "name": "Tom"})
    assert response.status_code == 422
    assert "already exists" in field_errors(response)[0]
    assert len(store_client.get("/api/v1/animals").json()) == 1


def test_vet_checks_and_weights(store_client: TestClient) -> None:
    post_form(store_client, "/animals", {"species": "rat", "name": "Pip"})
    assert (
        post_form(store_client, "/animals/pip/vet-checks", {"date": "2026-10-03"}).status_code
        == 303
    )
    future = post_form(store_client, "/animals/pip/vet-checks", {"date": "2026-12-01"})
    assert future.status_code == 422
    assert "after today" in field_errors(future)[0]
    assert post_form(store_client, "/animals/pip/weights", {"grams": "abc"}).status_code == 422
    assert post_form(store_client, "/animals/pip/weights", {"grams": "-3"}).status_code == 422
    for day, grams in (("2026-11-01", "290"), ("2026-11-08", "301,5")):
        response = post_form(store_client, "/animals/pip/weights", {"grams": grams, "date": day})
        assert response.status_code == 303
    page = store_client.get("/animals/pip").text
    assert 'data-chart="weight-chart"' in page
    chart = re.search(r'id="weight-chart">(.*?)</script>', page, re.S)
    assert chart is not None
    assert "301.5" in chart.group(1)
    assert "Fri 3 Oct 2025" not in page
    assert [w["grams"] for w in store_client.get("/api/v1/animals/pip/weights").json()] == [
        290,
        301.5,
    ]


def test_unknown_animal_is_404(store_client: TestClient) -> None:
    page = store_client.get("/animals/nobody")
    assert page.status_code == 404
    assert "no animal &#39;nobody&#39;" in page.text
    answer = store_client.get("/api/v1/animals/nobody")
    assert answer.status_code == 404
    assert answer.json() == {
        "error": "no animal 'nobody'; see 'ratbond animal list'",
        "path": "",
        "message": "no animal 'nobody'; see 'ratbond animal list'",
    }


def test_start_an_introduction_through_the_form(store_client: TestClient) -> None:
    post_form(store_client, "/animals", {"species": "cat", "name": "Tom", "prey_drive": "low"})
    post_form(store_client, "/animals", {"species": "rat", "name": "Pip"})
    page = store_client.get("/introductions/new?program=cat-rat").text
    assert 'name="roles.cat" value="tom"' in page
    missing = post_form(store_client, "/introductions", {"program": "cat-rat", "roles.cat": "tom"})
    assert missing.status_code == 422
    assert field_errors(missing) == ["name the rat(s) playing the rat role"]
    assert 'value="tom" checked' in missing.text
    response = post_form(
        store_client,
        "/introductions",
        {"program": "cat-rat", "roles.cat": "tom", "roles.rat": "pip"},
    )
    assert response.status_code == 303
    page = html.unescape(store_client.get(response.headers["location"]).text)
    # No vet checks yet: the advice waits at the first stage and says why.
    assert 'data-action="wait"' in page
    assert "Vet check needed" in page
    assert 'aria-current="step"' in page


def test_introduction_page_shows_ladder_instructions_and_history(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    for day in ("2026-11-18", "2026-11-19"):
        session = {"date": day, "stage": "visual", "minutes": 5, "signals": {"tom": ["slow_blink"]}}
        assert (
            store_client.post("/api/v1/introductions/tom-pip/sessions", json=session).status_code
            == 201
        )
    page = html.unescape(store_client.get("/introductions/tom-pip").text)
    current = re.search(r'<li class="current" aria-current="step"><span>([^<]+)</span>', page)
    assert current is not None
    assert current.group(1) == "Seeing each other"
    assert "Put the rat in a strong, ventilated cage" in " ".join(page.split())
    assert "2 calm sessions in a row at 'Seeing each other'" in page
    assert 'data-chart="minutes-chart"' in page
    assert page.count('class="class-pill calm"') == 2
    assert "slow blink" in page


def test_log_a_session_and_get_the_new_advice_in_place(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    form = store_client.get("/introductions/tom-pip/log").text
    assert 'name="signal" value="tom:hissing"' in form
    assert 'name="signal" value="pip:fur_on_end"' in form
    assert "data-timer" in form
    actions = []
    for day in ("2026-11-18", "2026-11-19", "2026-11-20"):
        response = post_form(
            store_client,
            "/introductions/tom-pip/sessions",
            {
                "date": day,
                "stage": "visual",
                "minutes": "5",
                "supervised": "on",
                "signal": ["tom:slow_blink", "pip:relaxed"],
                "notes": "calm <b>today</b>",
            },
            htmx=True,
        )
        assert response.status_code == 200
        # A fragment: the panel only, not a whole page.
        assert response.text.lstrip().startswith('<div id="log-panel">')
        found = re.search(r'data-action="(\w+)" data-stage="(\w+)"', response.text)
        assert found is not None
        actions.append(found.groups())
    assert actions == [("repeat", "visual"), ("repeat", "visual"), ("advance", "scent")]
    history = store_client.get("/introductions/tom-pip").text
    assert "calm &lt;b&gt;today&lt;/b&gt;" in history
    assert "<b>today</b>" not in history


def test_the_log_form_without_htmx_redirects(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    response = post_form(
        store_client,
        "/introductions/tom-pip/sessions",
        {"stage": "visual", "minutes": "5", "supervised": "on"},
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/introductions/tom-pip"


def test_a_bad_session_is_422_saves_nothing_and_keeps_the_input(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    typed = {
        "stage": "visual",
        "minutes": "five",
        "notes": "she was <fine>",
        "signal": ["tom:hissing"],
    }
    response = post_form(store_client, "/introductions/tom-pip/sessions", typed, htmx=True)
    assert response.status_code == 422
    assert field_errors(response) == ["'five' is not a number of minutes"]
    assert 'value="five"' in response.text
    assert "she was &lt;fine&gt;</textarea>" in response.text
    # The page keeps its ticked signals across an htmx answer (hx-preserve); a full page
    # shows them ticked as sent.
    assert '<div id="signal-boards" hx-preserve="true"></div>' in response.text
    whole = post_form(store_client, "/introductions/tom-pip/sessions", typed)
    assert whole.status_code == 422
    assert re.search(r'value="tom:hissing"[^>]* checked>', whole.text)
    no_minutes = post_form(
        store_client, "/introductions/tom-pip/sessions", {"stage": "visual"}, htmx=True
    )
    assert no_minutes.status_code == 422
    assert field_errors(no_minutes) == [
        "required at the timed stage 'visual'; give the session's length in minutes"
    ]
    forged = post_form(
        store_client,
        "/introductions/tom-pip/sessions",
        {"stage": "visual", "minutes": "5", "signal": ["tom:hiss"]},
        htmx=True,
    )
    assert forged.status_code == 422
    assert field_errors(forged) == [
        "unknown signal 'hiss' for a cat (did you mean 'hissing'?); "
        "see 'ratbond signals --species cat'"
    ]
    assert store_client.get("/api/v1/introductions/tom-pip/sessions").json() == []


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


def test_pause_resume_and_stop(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    assert (
        post_form(store_client, "/introductions/tom-pip/status", {"status": "paused"}).status_code
        == 303
    )
    paused = store_client.get("/introductions/tom-pip/log").text
    assert "This introduction is paused" in paused
    refused = post_form(
        store_client,
        "/introductions/tom-pip/sessions",
        {"stage": "visual", "minutes": "5", "supervised": "on"},
        htmx=True,
    )
    assert refused.status_code == 422
    assert "paused" in refused.text
    again = post_form(store_client, "/introductions/tom-pip/status", {"status": "paused"})
    assert again.status_code == 422
    assert "cannot pause" in html.unescape(again.text)
    assert (
        post_form(store_client, "/introductions/tom-pip/status", {"status": "active"}).status_code
        == 303
    )
    assert (
        post_form(store_client, "/introductions/tom-pip/status", {"status": "stopped"}).status_code
        == 303
    )
    assert store_client.get("/api/v1/introductions/tom-pip").json()["status"] == "stopped"


def test_completing_an_unfinished_introduction_is_refused_in_the_pages_own_words(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    early = post_form(store_client, "/introductions/tom-pip/status", {"status": "completed"})
    assert early.status_code == 422
    text = html.unescape(early.text)
    assert "cannot complete introduction 'tom-pip'" in text
    assert "stop it for good, or pause it" in text
    assert "ratbond intro" not in text
    assert store_client.get("/api/v1/introductions/tom-pip").json()["status"] == "active"


def test_today_lists_what_is_due_and_counts_down_quarantine(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    for body in (
        {"species": "rat", "name": "Nova", "arrived": "2026-11-15"},
        {"species": "rat", "name": "Rex", "arrived": "2025-05-01"},
    ):
        store_client.post("/api/v1/animals", json=body)
    start = {"program": "rat-rat", "roles": {"newcomer": ["nova"], "residents": ["rex"]}}
    assert store_client.post("/api/v1/introductions", json=start).status_code == 201
    page = html.unescape(store_client.get("/").text)
    assert "Due today" in page
    assert "Counting down" in page
    countdown = re.search(r'<span class="days">(\d+)</span>', page)
    assert countdown is not None
    assert countdown.group(1) == "9"  # 14 days from 15 Nov end on 29 Nov
    assert page.index("Due today") < page.index("Counting down")


def test_danger_alerts_come_first_in_red(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    session = {
        "date": "2026-11-20",
        "stage": "visual",
        "minutes": 5,
        "signals": {"tom": ["lunging"]},
    }
    store_client.post("/api/v1/introductions/tom-pip/sessions", json=session)
    page = store_client.get("/").text
    assert "Needs you now" in page
    assert 'class="alert danger"' in page
    assert "Step in now" in page


def test_a_past_session_s_step_in_now_reads_as_what_happened_that_day(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    session = {
        "date": "2026-11-19",
        "stage": "visual",
        "minutes": 5,
        "signals": {"tom": ["lunging"]},
    }
    store_client.post("/api/v1/introductions/tom-pip/sessions", json=session)
    page = " ".join(store_client.get("/").text.split())
    assert "Needs you now" not in page
    assert 'class="alert past"' in page
    assert "Step in now</strong> — on" in page


def test_today_offers_no_log_button_once_the_advice_is_stop(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    bite = {"date": "2026-11-19", "stage": "visual", "minutes": 5, "signals": {"tom": ["biting"]}}
    store_client.post("/api/v1/introductions/tom-pip/sessions", json=bite)
    page = store_client.get("/").text
    assert "House them apart for good" in page
    assert "/introductions/tom-pip/log" not in page
    assert "What to do now" in page


def test_calendar_feed(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    store_client.post(
        "/api/v1/animals", json={"species": "rat", "name": "Nova", "arrived": "2026-11-15"}
    )
    store_client.post("/api/v1/animals", json={"species": "rat", "name": "Rex"})
    store_client.post(
        "/api/v1/introductions",
        json={"program": "rat-rat", "roles": {"newcomer": ["nova"], "residents": ["rex"]}},
    )
    response = store_client.get("/calendar.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    from icalendar import Calendar

    feed = Calendar.from_ical(response.content)
    events = {
        str(e["summary"]): e
        for e in feed.walk("VEVENT")
        if not str(e["uid"]).startswith("care-")  # care tasks have tests of their own
    }
    assert set(events) == {"Tom & Pip: Seeing each other, 5 min", "Quarantine ends: Nova & Rex"}
    assert events["Quarantine ends: Nova & Rex"].decoded("dtstart").isoformat() == "2026-11-29"
    assert (
        events["Tom & Pip: Seeing each other, 5 min"].decoded("dtstart").isoformat() == "2026-11-20"
    )


# A history row's number: a link to correct the session, unless it was withdrawn.
NUMBER_CELL = r'<td class="num" data-label="#">(?:<a [^>]*>)?(\d+)(?:</a>)?</td>'


def test_the_history_is_paged_newest_first(client: TestClient) -> None:
    cat_and_rat(client)
    start = dt.date(2026, 10, 1)
    for offset in range(HISTORY_PAGE_SIZE + 3):
        session = {
            "date": (start + dt.timedelta(days=offset)).isoformat(),
            "stage": "visual",
            "minutes": 5,
            "signals": {"tom": ["slow_blink"]},
        }
        assert (
            client.post("/api/v1/introductions/tom-pip/sessions", json=session).status_code == 201
        )
    first = client.get("/introductions/tom-pip").text
    numbers = re.findall(NUMBER_CELL, first)
    assert numbers == [str(n) for n in range(HISTORY_PAGE_SIZE + 3, 3, -1)]
    older = "/introductions/tom-pip?page=2"
    assert f'href="{older}#history" rel="next" hx-get="{older}"' in first
    last = client.get("/introductions/tom-pip?page=9").text  # past the last page: the last
    assert re.findall(NUMBER_CELL, last) == ["3", "2", "1"]
    assert client.get("/introductions/tom-pip?page=0").status_code == 422
    assert client.get("/introductions/tom-pip?page=x").status_code == 422


def test_the_history_strikes_through_withdrawn_sessions_and_shows_what_notes_said(
    client: TestClient,
) -> None:
    cat_and_rat(client)
    for day, notes in (("2026-11-18", None), ("2026-11-19", "Pip was sniffing the bars")):
        session = {
            "date": day,
            "stage": "visual",
            "minutes": 5,
            "signals": {"tom": ["slow_blink"]},
            "notes": notes,
        }
        assert (
            client.post("/api/v1/introductions/tom-pip/sessions", json=session).status_code == 201
        )
    db = client.app.state.web.db  # type: ignore[attr-defined]
    delete_session(db, get_session(db, "tom-pip", 1)[1].id, today=TODAY)
    page = client.get("/introductions/tom-pip").text
    assert '<tr class="withdrawn">' in page
    assert '<td class="num" data-label="#"><s>1</s></td>' in page
    assert "<strong>Pip</strong>: <em>sniffing</em>" in page
    assert "(from the notes)" in page


def test_the_chart_has_a_bar_a_day_on_a_log_scale(client: TestClient) -> None:
    cat_and_rat(client)
    for minutes in (5, 6):
        session = {"date": "2026-11-19", "stage": "visual", "minutes": minutes, "signals": {}}
        assert (
            client.post("/api/v1/introductions/tom-pip/sessions", json=session).status_code == 201
        )
    page = client.get("/introductions/tom-pip").text
    found = re.search(r'<script type="application/json" id="minutes-chart">(.*?)</script>', page)
    assert found is not None
    chart = json.loads(html.unescape(found.group(1)))
    assert chart["data"]["labels"] == ["19 Nov"]
    assert [dataset["data"] for dataset in chart["data"]["datasets"]] == [[11.0]]
    assert chart["options"]["scales"]["y"]["type"] == "logarithmic"


def test_an_introduction_page_reads_stopped_once_its_advice_is_stop(client: TestClient) -> None:
    bitten(client)
    page = client.get("/introductions/tom-pip").text
    assert '<span class="tag stopped">stopped</span>' in page


def test_residents_already_meeting_another_newcomer_are_named_on_the_page(
    client: TestClient,
) -> None:
    for body in (
        {"species": "rat", "name": "Nova", "arrived": "2026-11-15"},
        {"species": "rat", "name": "Kit", "arrived": "2026-11-16"},
        {"species": "rat", "name": "Rex", "arrived": "2025-05-01"},
    ):
        assert client.post("/api/v1/animals", json=body).status_code == 201
    for newcomer in ("nova", "kit"):
        start = {"program": "rat-rat", "roles": {"newcomer": [newcomer], "residents": ["rex"]}}
        assert client.post("/api/v1/introductions", json=start).status_code == 201
    second = html.unescape(client.get("/introductions/kit-rex").text)
    warning = re.search(r'<p class="alert warning" role="note">([^<]+)</p>', second)
    assert warning is not None
    assert "Rex" in warning.group(1)
    assert "'nova-rex'" in warning.group(1)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/?section=x", "section: unknown value &#34;x&#34;"),
        ("/introductions/tom-pip?page=x", "page: expected a whole number, got text"),
        ("/introductions/tom-pip/sessions/abc/edit", "number: expected a whole number"),
    ],
)
def test_a_page_asked_with_a_bad_value_answers_a_page_that_names_it(
    client: TestClient, url: str, message: str
) -> None:
    """A person's address with a bad value was answered with the API's JSON body."""
    cat_and_rat(client)
    answer = client.get(url)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("text/html")
    assert message in answer.text
    assert "Back to Today" in answer.text
