"""Care in Debian's chromium at 375 px: Today shows care tasks and alerts, a task is marked
done, a grooming finding and trust signs are logged through the forms, the trust chart draws,
the free-roam check records; an animal's page shows its health alerts and grooming log; the
search boxes look like the other inputs; no page or table is wider than the phone.
Screenshots go to test-output/browser/."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

from tests.web.test_browser import OUTPUT, PHONE, phone, server  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.real_clock]
# What makes an input look the way it does.
LOOK = """e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
  return [Math.round(r.height), s.borderTopWidth, s.borderTopStyle, s.borderTopColor,
          s.borderRadius, s.fontFamily, s.fontSize, s.paddingLeft, s.backgroundColor]; }"""
# The widest table of the page, as [width, its own scroll width], or null without a table.
WIDEST_TABLE = """() => { const t = [...document.querySelectorAll('table')];
  return t.length ? [Math.max(...t.map(e => e.getBoundingClientRect().width)),
                     Math.max(...t.map(e => e.scrollWidth))] : null; }"""


def test_care_on_a_phone(server: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    today = dt.date.today()
    for body in ({"species": "rat", "name": "Pip"}, {"species": "rat", "name": "Ada"}):
        assert httpx.post(f"{server}/api/v1/animals", json=body).status_code == 201
    for days, grams in ((20, 300), (0, 265)):
        weight = {"grams": grams, "date": (today - dt.timedelta(days=days)).isoformat()}
        assert httpx.post(f"{server}/api/v1/animals/pip/weights", json=weight).status_code == 201
    problems: list[str] = []
    with phone(problems) as page:
        page.goto(f"{server}/")
        care = page.locator("#care")
        expect(care).to_have_text("Care")
        expect(page.locator(".alert.danger")).to_contain_text("Pip lost 11.7 %")
        expect(page.locator("li.card", has_text="Cage cleaning")).to_contain_text("Never recorded")
        page.screenshot(path=OUTPUT / "today-care-375.png", full_page=True, caret="initial")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the Today page scrolls sideways ({width} px)"

        page.locator("li.card", has_text="Cage cleaning").get_by_role(
            "button", name="Mark done today"
        ).click()
        expect(page).to_have_url(f"{server}/#care")
        expect(page.locator("li.card", has_text="Cage cleaning")).to_have_count(0)

        page.goto(f"{server}/care/groom")
        page.get_by_label("Rat").select_option("ada")
        page.locator("label.chip", has_text="Lump or swelling").click()
        page.get_by_label("Notes").fill("pea-sized, left flank")
        page.get_by_role("button", name="Save grooming").click()
        expect(page.locator("#log + .table-wrap")).to_contain_text("Lump or swelling")
        expect(page.locator(".alert.danger", has_text="Ada")).to_be_visible()
        page.screenshot(path=OUTPUT / "care-groom-375.png", full_page=True, caret="initial")

        page.goto(f"{server}/care/trust/pip")
        page.locator("label.chip", has_text="Bruxing with you").click()
        page.locator("label.chip", has_text="Grooms you").click()
        page.get_by_role("button", name="Log trust signs").click()
        expect(page.locator("canvas[data-chart='trust-chart']")).to_be_visible()
        page.wait_for_function("document.querySelector('canvas').dataset.ready === '1'")
        page.screenshot(path=OUTPUT / "care-trust-375.png", full_page=True, caret="initial")

        page.goto(f"{server}/care/freeroam")
        for title in (
            "Windows and gaps closed",
            "Toxic plants out of reach",
            "Electrical cords out of reach",
            "Comfortable temperature",
            "Someone watching",
        ):
            page.locator("fieldset", has_text=title).locator("label.chip", has_text="Yes").click()
        page.locator("fieldset", has_text="Cats and other").locator(
            "label.chip", has_text="No"
        ).click()
        page.get_by_role("button", name="Record the check").click()
        expect(page.locator("#result")).to_contain_text("Not ready")
        page.screenshot(path=OUTPUT / "care-freeroam-375.png", full_page=False, caret="initial")

        page.goto(f"{server}/")
        page.screenshot(path=OUTPUT / "today-care-after-375.png", full_page=True, caret="initial")
    assert problems == [], problems


def household(base: str) -> None:
    """Tom the cat and Pip and Ada the rats, with vet checks, weighings, a cat-rat
    introduction with sessions, and long words where an owner might type them."""
    today = dt.date.today()
    for body in (
        {"species": "cat", "name": "Tom", "prey_drive": "moderate"},
        {"species": "rat", "name": "Pip", "origin": "breeder", "arrived": "2026-09-01"},
        {"species": "rat", "name": "Ada", "origin": "rescue", "arrived": "2026-09-01"},
    ):
        assert httpx.post(f"{base}/api/v1/animals", json=body).status_code == 201
    for animal in ("tom", "pip", "ada"):
        check = {
            "date": (today - dt.timedelta(days=30)).isoformat(),
            "vet": "Dr Maximiliana Featherstonehaugh-Cholmondeley",
            "findings": "Healthy; slight porphyrin staining around the left eye, no treatment",
        }
        url = f"{base}/api/v1/animals/{animal}/vet-checks"
        assert httpx.post(url, json=check).status_code == 201
    for days, grams in ((20, 300), (0, 265)):
        weight = {"grams": grams, "date": (today - dt.timedelta(days=days)).isoformat()}
        assert httpx.post(f"{base}/api/v1/animals/pip/weights", json=weight).status_code == 201
    start = {"program": "cat-rat", "roles": {"cat": ["tom"], "rat": ["pip"]}}
    assert httpx.post(f"{base}/api/v1/introductions", json=start).status_code == 201
    for days in (2, 1):
        session = {
            "date": (today - dt.timedelta(days=days)).isoformat(),
            "stage": "visual",
            "minutes": 5,
            "signals": {"tom": ["slow_blink"], "pip": ["relaxed"]},
            "notes": "Tom watched from the armchair, then washed himself thoroughly",
        }
        url = f"{base}/api/v1/introductions/tom-pip/sessions"
        assert httpx.post(url, json=session).status_code == 201


def groom(page: Page, base: str, rat: str, finding: str, notes: str) -> None:
    page.goto(f"{base}/care/groom?rat={rat}")
    page.locator("label.chip", has_text=finding).click()
    page.get_by_label("Notes").fill(notes)
    page.get_by_role("button", name="Save grooming").click()


def test_an_animal_page_shows_its_health_alerts_and_grooming_log(server: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    household(server)
    problems: list[str] = []
    with phone(problems) as page:
        groom(page, server, "ada", "Lump or swelling", "pea-sized, left flank, does not move")
        page.goto(f"{server}/animals/ada")
        alerts = page.locator("#health-alerts .alert.danger")
        expect(alerts).to_have_count(1)
        expect(alerts).to_contain_text("Ada: lump or swelling found on")
        expect(alerts).to_be_in_viewport()
        grooming = page.locator("#grooming + .table-wrap tr", has_text="Lump or swelling")
        expect(grooming).to_contain_text("pea-sized, left flank")
        box = grooming.bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]
        page.screenshot(path=OUTPUT / "animal-health-375.png", full_page=True, caret="initial")

        page.goto(f"{server}/animals/pip")
        expect(page.locator("#health-alerts .alert.danger")).to_have_text(
            re.compile(r"See a vet\s*Pip lost 11.7 % of its weight")
        )
        expect(page.locator("#grooming ~ .empty")).to_have_text("No grooming logged yet.")
        page.screenshot(path=OUTPUT / "animal-weight-loss-375.png", full_page=True, caret="initial")
    assert (OUTPUT / "animal-health-375.png").stat().st_size > 10_000
    assert problems == [], problems


def test_search_boxes_look_like_the_other_inputs(server: str) -> None:  # noqa: F811
    problems: list[str] = []
    with phone(problems) as page:
        page.goto(f"{server}/care/freeroam")
        text_input = page.locator("#f-checked_by").evaluate(LOOK)
        for tool in ("food", "ask", "signs"):
            page.goto(f"{server}/care/{tool}")
            assert page.locator("#f-q").evaluate(LOOK) == text_input, tool
        page.screenshot(path=OUTPUT / "care-signs-375.png", caret="initial")
    assert problems == [], problems


def test_no_page_or_table_is_wider_than_a_phone(server: str) -> None:  # noqa: F811
    household(server)
    problems: list[str] = []
    with phone(problems) as page:
        groom(page, server, "ada", "Lump or swelling", "pea-sized, left flank, does not move")
        groom(page, server, "pip", "Skin problem", "scabs behind the ears; scratching a lot")
        page.goto(f"{server}/care/freeroam")
        page.get_by_label("Checked by").fill("Maximiliana Featherstonehaugh-Cholmondeley")
        page.get_by_role("button", name="Record the check").click()
        page.goto(f"{server}/care/cage")
        for field, value in (("Length", "80"), ("Width", "50"), ("Height", "60"), ("Rats", "3")):
            page.get_by_label(field, exact=True).fill(value)
        # the verdict is measured once its page has loaded, not while the form navigates
        with page.expect_navigation():
            page.get_by_role("button", name="Check the cage").click()
        pages = {"/care/cage (its verdict)": None}
        for path in (
            "/",
            "/animals",
            "/animals/pip",
            "/animals/ada",
            "/animals/tom",
            "/introductions",
            "/introductions/tom-pip",
            "/introductions/tom-pip/log",
            "/programs",
            "/programs/cat-rat",
            "/care",
            "/care/groom",
            "/care/freeroam",
            "/care/trust/pip",
            "/care/food?q=banana",
            "/care/signs?q=trust",
            "/care/ask?q=quarantine",
        ):
            pages[path] = None
        for path in pages:
            if not path.startswith("/care/cage"):
                page.goto(f"{server}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{path} scrolls sideways ({width} px)"
            widest = page.evaluate(WIDEST_TABLE)
            if widest is not None:
                assert max(widest) <= PHONE["width"], f"a table of {path} is {widest} px wide"
        page.goto(f"{server}/care/groom")
        page.screenshot(path=OUTPUT / "care-groom-log-375.png", full_page=True, caret="initial")
    assert problems == [], problems
