"""The Today page of a household with more introductions than a page holds: the pressing
sections a page at a time with a pager that works with and without htmx, the other sections
counted, narrowed to an animal or a search, and its query checked (4xx, never a 500)."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from ratbond.store import agenda

from .helpers import cat_and_rat, post_form

CARD = re.compile(r'<li class="card due (\w+)">\s*<h3><a href="/introductions/([\w-]+)">')


def pairs(client: TestClient, count: int) -> None:
    """`count` vet-checked cat-rat introductions, `cat1-rat1` onwards, each due today."""
    for number in range(1, count + 1):
        for species, extra in (("cat", {"prey_drive": "low"}), ("rat", {"arrived": "2026-09-01"})):
            body = {"species": species, "name": f"{species.title()}{number}", **extra}
            assert client.post("/api/v1/animals", json=body).status_code == 201
            check = {"date": "2026-10-01"}
            url = f"/api/v1/animals/{species}{number}/vet-checks"
            assert client.post(url, json=check).status_code == 201
        start = {"program": "cat-rat", "roles": {"cat": [f"cat{number}"], "rat": [f"rat{number}"]}}
        assert client.post("/api/v1/introductions", json=start).status_code == 201


def cards(page: str) -> list[tuple[str, str]]:
    """(kind, introduction) of each card of the day's plan, in page order."""
    return CARD.findall(page)


@pytest.fixture
def two_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(agenda, "PAGE_SIZE", 2)


@pytest.mark.usefixtures("two_a_page")
def test_a_pressing_section_is_paged_with_links_that_work_without_htmx(client: TestClient) -> None:
    pairs(client, 5)
    first = client.get("/").text
    assert [key for _, key in cards(first)] == ["cat1-rat1", "cat2-rat2"]
    assert "Due today: 5" in first
    assert "of 5 · page 1 of 3" in first
    link = '<a class="button secondary" href="/?section=due&amp;page=2" rel="next" '
    assert link + 'hx-get="/?section=due&amp;page=2" hx-select="#section-due"' in first
    second = client.get("/?section=due&page=2").text
    assert [key for _, key in cards(second)] == ["cat3-rat3", "cat4-rat4"]
    assert 'href="/?section=due&amp;page=1" rel="prev"' in second
    last = client.get("/?section=due&page=40").text  # past the last page: the last
    assert [key for _, key in cards(last)] == ["cat5-rat5"]


@pytest.mark.usefixtures("two_a_page")
def test_the_sections_that_can_wait_are_counted_until_opened(client: TestClient) -> None:
    pairs(client, 2)
    for name in ("Nova", "Rex"):
        body = {"species": "rat", "name": name, "arrived": "2026-11-15"}
        assert client.post("/api/v1/animals", json=body).status_code == 201
    start = {"program": "rat-rat", "roles": {"newcomer": ["nova"], "residents": ["rex"]}}
    assert client.post("/api/v1/introductions", json=start).status_code == 201
    page = html.unescape(client.get("/").text)
    assert 'Counting down <span class="muted">(1)</span>' in page
    assert ("waiting", "nova-rex") not in cards(page)
    assert 'href="/?section=waiting#section-waiting">Show it</a>' in page
    opened = client.get("/?section=waiting").text
    assert ("waiting", "nova-rex") in cards(opened)
    assert len(cards(opened)) == 3  # the due ones still shown: two, a page


def test_the_plan_narrows_to_an_animal_or_a_search(client: TestClient) -> None:
    pairs(client, 3)
    assert [key for _, key in cards(client.get("/?animal=Rat2").text)] == ["cat2-rat2"]
    searched = client.get("/?q=cat3").text
    assert [key for _, key in cards(searched)] == ["cat3-rat3"]
    assert 'value="cat3"' in searched  # the search box keeps what was typed
    assert len(cards(client.get("/?q=+").text)) == 3  # a blank search is no search
    nothing = client.get("/?q=zebra").text
    assert "No active introduction matches." in nothing
    assert "Welcome" not in nothing


@pytest.mark.parametrize(
    "query",
    ["page=0", "page=-1", "page=two", "page=1000001", "section=soon", "q=" + "x" * 101],
)
def test_a_bad_query_is_refused_with_422(client: TestClient, query: str) -> None:
    cat_and_rat(client)
    assert client.get(f"/?{query}").status_code == 422


def test_a_health_alert_of_the_care_records_comes_before_the_plan(client: TestClient) -> None:
    pairs(client, 1)
    for grams, date in ((400, "2026-11-08"), (330, "2026-11-19")):
        weighing = {"grams": grams, "date": date}
        assert client.post("/api/v1/animals/rat1/weights", json=weighing).status_code == 201
    page = client.get("/").text
    assert '<section id="health"' in page
    assert page.index("Weight loss: see a vet") < page.index('id="section-due"')
    assert page.index('id="section-due"') < page.index('id="care"')
    assert "Weight loss" not in client.get("/?q=cat1").text.split('id="care"')[1]


WEIGH_IN = re.compile(r'<li class="card due \w+" id="care-weigh_in">(.*?)</li>', re.S)
ANIMAL_FIELD = re.compile(r'<input type="hidden" name="animal" value="([\w-]+)">')


@pytest.mark.usefixtures("two_a_page")
def test_a_care_task_of_many_animals_is_counted_and_paged(client: TestClient) -> None:
    pairs(client, 5)
    card = html.unescape(WEIGH_IN.findall(client.get("/").text)[0])
    assert "Never recorded: 5 animals" in card
    assert '<p class="names">Rat1, Rat2, Rat3, Rat4, Rat5</p>' in card  # no more than 8
    assert "Mark done today for all 5" in card
    assert ANIMAL_FIELD.findall(card) == []  # no animal named: every rat it applies to
    assert 'href="/?care=weigh_in#care-weigh_in">Show them a page at a time</a>' in card
    second = html.unescape(WEIGH_IN.findall(client.get("/?care=weigh_in&page=2").text)[0])
    assert ANIMAL_FIELD.findall(second) == ["rat3", "rat4"]
    assert "Mark these 2 done today" in second
    assert "page 2 of 3" in second
    done = post_form(client, "/care/tasks/weigh_in/done", {"animal": ["rat3", "rat4"], "next": "/"})
    assert done.status_code == 303
    card = html.unescape(WEIGH_IN.findall(client.get("/").text)[0])
    assert "Never recorded: 3 animals" in card
    assert "Mark done today for all" not in card  # two are done: marking all would be wrong
    assert client.get("/?care=bath").status_code == 422


def test_a_search_narrows_the_care_too(client: TestClient) -> None:
    pairs(client, 3)
    card = html.unescape(WEIGH_IN.findall(client.get("/?q=rat2").text)[0])
    assert "Never recorded: Rat2" in card
    assert ANIMAL_FIELD.findall(card) == ["rat2"]
