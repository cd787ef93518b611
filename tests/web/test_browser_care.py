"""Care in Debian's chromium at 375 px: Today shows care tasks and alerts, a task is marked
done, a grooming finding and trust signs are logged through the forms, the trust chart draws,
the free-roam check records. Screenshots go to test-output/browser/."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.web.test_browser import OUTPUT, PHONE, phone, server  # noqa: F401

pytestmark = pytest.mark.browser


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
