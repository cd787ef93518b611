"""The Today page of a rescue with more rats than a page holds, in Debian's chromium at 375 px
and at 1280 px: a weight loss first on the page, the weigh-in counted with a few rats named,
opened a page at a time (Next swaps the card alone), one page marked done; a search narrows the
plan and the care to one rat. Screenshots go to test-output/browser/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ratbond.store import open_database
from ratbond.store.agenda import PAGE_SIZE
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check, add_weight
from ratbond.store.introductions import start_introduction
from tests.web.test_browser import OUTPUT, PHONE, phone, server  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.real_clock]
RATS = PAGE_SIZE + 10


def rescue(folder: Path) -> None:
    """`RATS` rats and a cat in the server's store, Tom meeting Rat 1, Rat 2 losing weight."""
    today = dt.date.today()
    db = open_database(f"sqlite:///{folder / 'web.db'}")
    try:
        add_animal(db, NewAnimal("cat", name="Tom", prey_drive="low"), today=today)
        for number in range(1, RATS + 1):
            rat = NewAnimal("rat", name=f"Rat {number}", arrived=today - dt.timedelta(days=60))
            add_animal(db, rat, today=today)
        for animal in ("tom", "rat-1"):
            add_vet_check(db, animal, today, today=today)
        start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["rat-1"]}, today=today)
        add_weight(db, "rat-2", 400, today - dt.timedelta(days=12), today=today)
        add_weight(db, "rat-2", 330, today - dt.timedelta(days=1), today=today)
    finally:
        db.close()


def test_today_of_a_rescue_on_a_phone_and_a_desktop(server: str, tmp_path: Path) -> None:  # noqa: F811
    from playwright.sync_api import expect

    rescue(tmp_path)
    problems: list[str] = []
    with phone(problems) as page:
        page.goto(server)
        health = page.locator("#health")
        expect(health).to_contain_text("Weight loss: see a vet")
        plan = page.locator(".plan-section").nth(1)
        assert health.bounding_box()["y"] < plan.bounding_box()["y"]  # type: ignore[index]
        card = page.locator("#care-weigh_in")
        due = RATS - 1  # Rat 2's weighing counts as its weigh-in
        expect(card).to_contain_text(f"Never recorded: {due} animals")
        expect(card).to_contain_text(f"and {due - 8} more")
        # Not every rat is due: marking them all would mark Rat 2 too, so a page at a time.
        expect(card.get_by_role("button")).to_have_count(0)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"Today scrolls sideways at 375 px ({width} px)"
        page.screenshot(path=OUTPUT / "today-rescue-375.png", full_page=True, caret="initial")

        card.get_by_role("link", name="Show them a page at a time").click()
        card = page.locator("#care-weigh_in")
        expect(card.get_by_role("button")).to_have_text(f"Mark these {PAGE_SIZE} done today")
        card.get_by_role("navigation").get_by_role("link", name="Next").click()
        expect(card.get_by_role("navigation")).to_contain_text("page 2 of 2")
        assert page.url.endswith("/?care=weigh_in&page=2")
        expect(card.get_by_role("button")).to_have_text(f"Mark these {due - PAGE_SIZE} done today")
        card.scroll_into_view_if_needed()
        page.screenshot(path=OUTPUT / "today-care-page-2-375.png", caret="initial")
        card.get_by_role("button").click()
        # Back on Today: the rats of the first page are still due, a page: named in full.
        card = page.locator("#care-weigh_in")
        expect(card).to_contain_text("Never recorded: Rat 1, Rat 10, ")
        expect(card.get_by_role("button")).to_have_text("Mark done today")
        assert card.locator("input[name=animal]").count() == PAGE_SIZE

    with phone(problems) as page:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(server)
        page.get_by_label("Find an animal or an introduction").fill("rat 2")
        page.get_by_role("button", name="Find").click()
        expect(page.locator("#health")).to_contain_text("Rat 2")
        card = page.locator("#care-weigh_in")
        expect(card).to_contain_text("Rat 2")
        expect(card).not_to_contain_text("Rat 3")
        page.screenshot(path=OUTPUT / "today-search-1280.png", full_page=True, caret="initial")
    assert problems == [], problems
