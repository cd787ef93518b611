"""An animal's page: its own health alerts (a grooming finding no vet has seen since, a weight
loss) first, and a rat's grooming log with dates and findings."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from .helpers import post_form

ALERT = re.compile(r'<li class="alert danger" role="alert"><strong>See a vet</strong>([^<]*)</li>')


def alerts(client: TestClient, animal: str) -> list[str]:
    return ALERT.findall(client.get(f"/animals/{animal}").text)


def household(client: TestClient) -> None:
    """Pip, who lost weight; Ada, groomed with a lump found; Tom the cat."""
    for body in (
        {"species": "rat", "name": "Pip"},
        {"species": "rat", "name": "Ada"},
        {"species": "cat", "name": "Tom"},
    ):
        assert client.post("/api/v1/animals", json=body).status_code == 201
    for date, grams in (("2026-11-01", 300), ("2026-11-19", 265)):
        weight = {"grams": grams, "date": date}
        assert client.post("/api/v1/animals/pip/weights", json=weight).status_code == 201
    for date, findings in (("2026-11-10", []), ("2026-11-18", ["lump", "skin"])):
        groomed = {"animal": "ada", "finding": findings, "date": date, "notes": "left flank"}
        assert post_form(client, "/care/groom", groomed).status_code == 303


def test_an_animal_page_shows_only_its_own_health_alerts(client: TestClient) -> None:
    household(client)
    assert alerts(client, "pip") == [
        "Pip lost 11.7 % of its weight (300 g on 2026-11-01, 265 g on 2026-11-19); see a vet"
    ]
    assert alerts(client, "ada") == [
        "Ada: lump or swelling, skin problem found on 2026-11-18; see a vet"
    ]
    assert alerts(client, "tom") == []


def test_a_vet_check_after_the_finding_clears_it_from_the_page(client: TestClient) -> None:
    household(client)
    check = {"date": "2026-11-18", "vet": "Dr Lee"}
    assert client.post("/api/v1/animals/ada/vet-checks", json=check).status_code == 201
    assert alerts(client, "ada") == []


def test_a_rats_page_lists_its_groomings_newest_first_with_findings(client: TestClient) -> None:
    household(client)
    page = client.get("/animals/ada").text
    log = page[page.index('<h2 id="grooming">') :]
    rows = re.findall(r"<tr><td[^>]*>([^<]*)</td><td[^>]*>(.*?)</td>", log)
    assert rows == [
        ("Wed 18 Nov 2026", "<strong>Lump or swelling, Skin problem</strong>"),
        ("Tue 10 Nov 2026", "nothing"),
    ]
    assert 'href="/care/groom?rat=ada"' in log
    # Another rat's groomings stay on its own page.
    assert "No grooming logged yet." in client.get("/animals/pip").text


def test_a_cats_page_has_no_grooming_log(client: TestClient) -> None:
    household(client)
    assert 'id="grooming"' not in client.get("/animals/tom").text


def test_saving_a_weight_says_a_loss_at_once_by_the_form(client: TestClient) -> None:
    assert client.post("/api/v1/animals", json={"species": "rat", "name": "Pip"}).status_code == 201
    first = post_form(client, "/animals/pip/weights", {"grams": "300", "date": "2026-11-01"})
    assert first.status_code == 303
    steady = client.get(first.headers["location"]).text
    assert "Saved: 300 g on Sun 1 Nov 2026." in steady
    assert 'role="alert"' not in steady.split('id="weighed"')[1].split("</div>")[0]
    saved = post_form(client, "/animals/pip/weights", {"grams": "265g", "date": "2026-11-19"})
    assert saved.status_code == 303
    assert saved.headers["location"].endswith("#weighed")
    page = client.get(saved.headers["location"]).text
    answer = page.split('id="weighed"')[1].split("</div>")[0]
    assert "Saved: 265 g on Thu 19 Nov 2026 (-35 g since Sun 1 Nov 2026)." in answer
    assert (
        '<p class="alert danger" role="alert"><strong>See a vet</strong> Pip lost 11.7 % of its '
        "weight (300 g on 2026-11-01, 265 g on 2026-11-19); see a vet</p>"
    ) in answer
    # The answer sits with the weight form, below the weighings, not only at the page's top.
    assert page.index('id="weighed"') > page.index('id="weights"')
