"""Care pages: tools render, forms record with CSRF, mistakes answer 422 by their field and
save nothing, Today and the calendar show care tasks; on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import json
import re

import pytest
from fastapi.testclient import TestClient

from .helpers import field_errors, post_form

REQUIRED = (
    "windows_closed",
    "no_toxic_plants",
    "cords_covered",
    "cats_elsewhere",
    "comfortable_temperature",
    "supervised",
)


def rats(client: TestClient) -> None:
    for body in ({"species": "rat", "name": "Pip"}, {"species": "cat", "name": "Tom"}):
        assert client.post("/api/v1/animals", json=body).status_code == 201


@pytest.mark.parametrize(
    "page",
    [
        "/care",
        "/care/cage",
        "/care/food?q=banana",
        "/care/signs",
        "/care/signs?q=bruxing",
        "/care/ask?q=how+long+does+bonding+take",
        "/care/freeroam",
        "/care/trust",
        "/care/groom",
    ],
)
def test_care_pages_render(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert 'class="care-nav"' in response.text


def test_tools_answer(client: TestClient) -> None:
    assert "Safe" in client.get("/care/food?q=blueberies").text
    assert "Avoid" in client.get("/care/food?q=chocolate").text
    assert "Grooms you" in client.get("/care/signs?q=trust").text
    assert 'class="card" id="result"' in client.get("/care/ask?q=quarantine").text
    verdict = post_form(
        client,
        "/care/cage",
        {"length": "80", "width": "50", "height": "60", "unit": "cm", "rats": "2", "levels": "3"},
    )
    assert verdict.status_code == 200
    assert "Pass" in verdict.text


@pytest.mark.parametrize(
    ("url", "field"),
    [("/care/signs?q=zzzzqq", "q"), ("/care/ask?q=", "q")],
)
def test_lookup_mistakes_are_422_by_the_field(client: TestClient, url: str, field: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert f'id="e-{field}"' in response.text


def test_cage_mistake(client: TestClient) -> None:
    response = post_form(
        client, "/care/cage", {"length": "80", "width": "x", "height": "60", "rats": "2"}
    )
    assert response.status_code == 422
    assert field_errors(response) == ["'x' is not a number"]


def test_forms_need_the_csrf_token(client: TestClient) -> None:
    rats(client)
    for url, data in (
        ("/care/freeroam", {"windows_closed": "yes"}),
        ("/care/trust/pip", {"sign": "bruxing"}),
        ("/care/groom", {"animal": "pip"}),
        ("/care/tasks/cage_cleaning/done", {}),
        ("/care/cage", {"length": "1"}),
    ):
        assert client.post(url, data=data).status_code == 403, url
    assert client.get("/care/freeroam").text.count("not ready") == 0


def test_free_roam_form_records_ready_and_not_ready(store_client: TestClient) -> None:
    answers = dict.fromkeys(REQUIRED, "yes")
    saved = post_form(store_client, "/care/freeroam", {**answers, "checked_by": "Sam"})
    assert saved.status_code == 303
    page = store_client.get(saved.headers["location"]).text
    assert "Ready" in page
    assert "Sam" in page
    blocked = post_form(store_client, "/care/freeroam", {**answers, "cats_elsewhere": "no"})
    page = store_client.get(blocked.headers["location"]).text
    assert "Not ready" in page
    assert "cats elsewhere" in page


def test_free_roam_checked_by_past_its_limit_is_shown_at_its_field(
    store_client: TestClient,
) -> None:
    answers = dict.fromkeys(REQUIRED, "yes")
    refused = post_form(store_client, "/care/freeroam", {**answers, "checked_by": "S" * 101})
    assert refused.status_code == 422
    assert "is 101 characters long; at most 100 are kept: shorten it" in refused.text
    assert "Ready" not in store_client.get("/care/freeroam").text


def test_free_roam_future_date_is_422(store_client: TestClient) -> None:
    response = post_form(store_client, "/care/freeroam", {"date": "2030-01-01"})
    assert response.status_code == 422
    assert "after today" in field_errors(response)[0]
    assert "No check recorded yet" in response.text


def test_trust_chart_from_logged_signs(store_client: TestClient) -> None:
    rats(store_client)
    logged = post_form(store_client, "/care/trust/pip", {"sign": ["bruxing", "grooms_person"]})
    assert logged.status_code == 303
    page = store_client.get("/care/trust/pip").text
    assert 'data-chart="trust-chart"' in page
    assert "chart-4.6.1.umd.min.js" in page
    config = re.search(r'<script type="application/json" id="trust-chart">(.*?)</script>', page)
    assert config is not None
    score = json.loads(config.group(1))["data"]["datasets"][0]["data"]
    assert score == [0] * 11 + [5]
    assert "<svg" not in page


@pytest.mark.parametrize(
    ("url", "data", "status", "text"),
    [
        ("/care/trust/pip", {"sign": "brxing"}, 422, "did you mean 'bruxing'"),
        ("/care/trust/pip", {}, 422, "name at least one trust sign"),
        ("/care/trust/pip", {"sign": "bruxing", "date": "2030-01-01"}, 422, "after today"),
        ("/care/trust/tom", {"sign": "bruxing"}, 422, "is a cat"),
        ("/care/trust/nobody", {"sign": "bruxing"}, 404, "no animal 'nobody'"),
    ],
)
def test_trust_mistakes(
    client: TestClient, url: str, data: dict[str, str], status: int, text: str
) -> None:
    rats(client)
    response = post_form(client, url, data)
    assert response.status_code == status
    assert text in html.unescape(response.text)
    assert "No trust signs logged" in client.get("/care/trust/pip").text


def test_grooming_finding_raises_an_alert_on_today(store_client: TestClient) -> None:
    rats(store_client)
    saved = post_form(
        store_client, "/care/groom", {"animal": "pip", "finding": ["lump"], "notes": "<b>left</b>"}
    )
    assert saved.status_code == 303
    log = store_client.get("/care/groom").text
    assert "Lump or swelling" in log
    assert "&lt;b&gt;left&lt;/b&gt;" in log
    today = store_client.get("/").text
    assert "Grooming finding: see a vet" in today
    assert "lump or swelling found on 2026-11-20" in today


@pytest.mark.parametrize(
    ("data", "field", "text"),
    [
        ({"animal": "pip", "finding": "lumpp"}, "finding", "did you mean 'lump'"),
        ({"animal": "tom"}, "animal", "is a cat"),
        ({"animal": ""}, "animal", "choose the rat"),
        ({"animal": "pip", "date": "2030-01-01"}, "date", "after today"),
    ],
)
def test_grooming_mistakes(client: TestClient, data: dict[str, str], field: str, text: str) -> None:
    rats(client)
    response = post_form(client, "/care/groom", data)
    assert response.status_code == 422
    assert f'id="e-{field}"' in response.text
    assert text in " ".join(field_errors(response))
    assert "No grooming logged yet" in response.text


def test_today_lists_care_tasks_and_done_moves_them(store_client: TestClient) -> None:
    rats(store_client)
    page = store_client.get("/").text
    assert 'id="care"' in page
    assert "Cage cleaning" in page
    assert "Never recorded" in page
    done = post_form(store_client, "/care/tasks/cage_cleaning/done", {"next": "/"})
    assert done.status_code == 303
    assert done.headers["location"] == "/#care"
    assert "Cage cleaning" not in store_client.get("/").text
    assert "Next Fri 27 Nov 2026" in store_client.get("/care").text
    weigh = post_form(store_client, "/care/tasks/weigh-in/done", {"animal": "pip"})
    assert weigh.headers["location"] == "/care#care"


def test_done_mistakes(client: TestClient) -> None:
    rats(client)
    assert post_form(client, "/care/tasks/dusting/done", {}).status_code == 422
    wrong = post_form(client, "/care/tasks/weigh_in/done", {"animal": "tom"})
    assert wrong.status_code == 422
    assert "animal: &#39;tom&#39; is a cat" in wrong.text


def test_weight_loss_shows_on_today(client: TestClient) -> None:
    rats(client)
    for body in ({"grams": 300, "date": "2026-10-21"}, {"grams": 270, "date": "2026-11-20"}):
        assert client.post("/api/v1/animals/pip/weights", json=body).status_code == 201
    assert "Pip lost 10 % of its weight" in client.get("/").text


def test_calendar_has_care_tasks(store_client: TestClient) -> None:
    from icalendar import Calendar

    rats(store_client)
    post_form(store_client, "/care/tasks/cage_cleaning/done", {})
    feed = Calendar.from_ical(store_client.get("/calendar.ics").content)
    events = {str(e["summary"]): e for e in feed.walk("VEVENT")}
    assert events["Cage cleaning"].decoded("dtstart").isoformat() == "2026-11-27"
    assert events["Weekly weigh-in: Pip"].decoded("dtstart").isoformat() == "2026-11-20"
    assert "Toy rotation" in events


def test_grooming_notes_findings_are_ticked_for_review_then_saved(store_client: TestClient) -> None:
    rats(store_client)
    note = "found a small scab on her back and porphyrin around the eyes"
    first = post_form(store_client, "/care/groom", {"animal": "pip", "notes": note})
    assert first.status_code == 200
    assert 'id="read-findings"' in first.text
    assert 'value="cut" checked' in first.text
    assert 'value="red_tears" checked' in first.text
    reviewed = re.search(r'name="reviewed" value="(\w+)"', first.text)
    assert reviewed is not None
    # The owner unticks the misread one and saves: what stays ticked is recorded.
    data = {"animal": "pip", "notes": note, "finding": ["red_tears"], "reviewed": reviewed[1]}
    assert post_form(store_client, "/care/groom", data).status_code == 303
    log = store_client.get("/care/groom").text
    assert "Red staining at the eyes or nose" in log
    assert "Grooming finding: see a vet" in store_client.get("/").text


def test_grooming_notes_that_deny_findings_save_at_once(client: TestClient) -> None:
    rats(client)
    saved = post_form(client, "/care/groom", {"animal": "pip", "notes": "no lumps, no scabs"})
    assert saved.status_code == 303


def test_ask_page_answers_emergencies_first_and_refuses_off_topic(client: TestClient) -> None:
    urgent = client.get("/care/ask", params={"q": "the cat got hold of my rat"}).text
    assert "Urgent" in urgent
    assert "antibiotics" in urgent
    refused = client.get("/care/ask", params={"q": "how do I get rid of rats in my attic"})
    assert refused.status_code == 200
    assert 'id="no-answer"' in refused.text
    assert "Bites to people" in refused.text


def test_food_page_shows_the_staple_and_the_diet_note(client: TestClient) -> None:
    page = client.get("/care/food", params={"q": "pellets"}).text
    assert "Staple food" in page
    assert "lab blocks" in page
    assert "small share" in page
    typo = client.get("/care/food", params={"q": "rasins"}).text
    assert "raisins" in typo


def test_grooming_a_cat_with_notes_is_refused_not_reviewed(client: TestClient) -> None:
    rats(client)
    response = post_form(client, "/care/groom", {"animal": "tom", "notes": "a scab on his ear"})
    assert response.status_code == 422
    assert "is a cat" in " ".join(field_errors(response))
