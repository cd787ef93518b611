"""End to end in Debian's chromium: add a cat and a rat, start cat-rat, log three calm sessions
through the form and see `advance` to `scent`; a `<script>` note shows as text; the Save bar
never covers a field. Screenshots at 375 px (and one desktop) go to test-output/browser/."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.real_clock]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "browser"
PHONE = {"width": 375, "height": 812}
NOTE = "<script>alert('owned')</script> Pip ate a treat"
# Screenshots keep the caret: hiding it makes Playwright inject a <style>, which the app's CSP
# (rightly) refuses, and the refusal would show up as a console error of the page.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`ratbond serve` on a free loopback port with a fresh SQLite store."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing; install Debian's chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    port = free_port()
    env = {**os.environ, "RATBOND_DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}"}
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from ratbond.cli.entry import main; main()",
            "serve",
            "--port",
            str(port),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/programs", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((tmp_path / "server.log").read_text())
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@contextmanager
def phone(problems: list[str]) -> Iterator[Page]:
    """A page in chromium at 375 px that records console errors and page errors in
    `problems`; screenshots go to OUTPUT."""
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True)
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.set_default_timeout(10_000)
        yield page
        browser.close()


def cat_meets_rat(server: str) -> None:
    """Tom and Pip, each with a vet check a month ago, in a cat-rat introduction."""
    checked = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    for body in (
        {"species": "cat", "name": "Tom", "prey_drive": "moderate"},
        {"species": "rat", "name": "Pip", "origin": "breeder", "arrived": checked},
    ):
        assert httpx.post(f"{server}/api/v1/animals", json=body).status_code == 201
    for animal in ("tom", "pip"):
        url = f"{server}/api/v1/animals/{animal}/vet-checks"
        assert httpx.post(url, json={"date": checked, "vet": "Dr Lee"}).status_code == 201
    start = {"program": "cat-rat", "roles": {"cat": ["tom"], "rat": ["pip"]}}
    assert httpx.post(f"{server}/api/v1/introductions", json=start).status_code == 201


def test_cat_meets_rat_on_a_phone(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    today = dt.date.today()
    problems: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE, device_scale_factor=2, is_mobile=True)
        page.on(
            "console",
            lambda m: (
                problems.append(f"{page.url}: {m.text} {m.location}") if m.type == "error" else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.set_default_timeout(10_000)

        page.goto(f"{server}/")
        page.screenshot(path=OUTPUT / "today-empty-375.png", full_page=True, caret="initial")

        # Add Tom the cat and Pip the rat, each with a vet check.
        page.get_by_role("link", name="Add a cat").click()
        page.get_by_label("Name", exact=True).fill("Tom")
        page.get_by_label("Prey drive").select_option("moderate")
        page.screenshot(path=OUTPUT / "animal-form-375.png", full_page=True, caret="initial")
        page.get_by_role("button", name="Add animal").click()
        expect(page).to_have_url(f"{server}/animals/tom")
        page.get_by_role("button", name="Save vet check").click()
        page.goto(f"{server}/animals/new?species=rat")
        page.get_by_label("Name", exact=True).fill("Pip")
        page.get_by_label("Where from").select_option("breeder")
        page.get_by_label("Came home").fill((today - dt.timedelta(days=40)).isoformat())
        page.get_by_role("button", name="Add animal").click()
        expect(page).to_have_url(f"{server}/animals/pip")
        page.get_by_role("button", name="Save vet check").click()
        for days, grams in ((14, "280"), (7, "291"), (0, "297.5")):
            page.locator("#f-weight-grams").fill(grams)
            page.locator("#f-weight-date").fill((today - dt.timedelta(days=days)).isoformat())
            page.get_by_role("button", name="Save weight").click()
        expect(page.locator("canvas[data-chart='weight-chart']")).to_be_visible()
        page.screenshot(path=OUTPUT / "animal-detail-375.png", full_page=True, caret="initial")

        # Start a cat-rat introduction.
        page.goto(f"{server}/introductions/new?program=cat-rat")
        page.locator("label.chip", has_text="Tom").click()
        page.locator("label.chip", has_text="Pip").click()
        page.get_by_role("button", name="Start").click()
        expect(page).to_have_url(f"{server}/introductions/tom-pip")
        expect(page.locator("#advice")).to_have_attribute("data-action", "start")

        # Log three calm sessions through the form; the advice updates in place.
        page.get_by_role("link", name="Log a session").first.click()
        for number, days in enumerate((2, 1, 0), start=1):
            if number == 1:  # slips first: each error in sight by its field, gone on a save
                page.get_by_label("Minutes", exact=False).first.fill("soon")
                page.get_by_role("button", name="Save session").click()
                expect(page.locator("#f-minutes + .field-error")).to_be_visible()
                expect(page.locator("#form-errors")).to_be_in_viewport()
                # A running clock goes on through an error answer.
                page.get_by_role("button", name="Start", exact=True).click()
                page.wait_for_timeout(1100)  # a tick: the clock fills the minutes
                later = (today + dt.timedelta(days=3)).isoformat()
                page.get_by_label("Date", exact=True).fill(later)
                page.get_by_role("button", name="Save session").click()
                expect(page.locator("#f-date + .field-error")).to_be_visible()
                expect(page.get_by_role("button", name="Stop", exact=True)).to_be_visible()
                page.get_by_role("button", name="Reset").click()
            page.get_by_role("button", name="Start", exact=True).click()
            page.wait_for_timeout(1100)
            page.get_by_role("button", name="Stop", exact=True).click()
            assert page.get_by_label("Minutes", exact=False).first.input_value() not in ("", "5")
            page.get_by_label("Minutes", exact=False).first.fill("5")
            page.get_by_label("Date", exact=True).fill(
                (today - dt.timedelta(days=days)).isoformat()
            )
            tom = page.locator("fieldset.animal-signals", has_text="Tom")
            tom.locator("label.chip", has_text="slow blink").click()
            expect(tom.locator(".signal-help")).to_contain_text("slow blink:")
            page.locator("fieldset.animal-signals", has_text="Pip").locator(
                "label.chip", has_text="relaxed"
            ).first.click()
            expect(page.get_by_label("I watched the whole session")).to_be_checked()
            if number == 2:
                page.get_by_label("Notes").fill(NOTE)
            if number == 3:
                page.screenshot(path=OUTPUT / "log-form-375.png", full_page=True, caret="initial")
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=OUTPUT / "log-form-top-375.png", caret="initial")
            save = page.get_by_role("button", name="Save session")
            # One session per save, however fast the owner taps twice.
            save.dblclick() if number == 3 else save.click()
            saved = page.locator(".saved")
            expect(saved).to_contain_text(f"Saved session #{number}")
            # The form stays in the page across the save, ready for the next session: the
            # advised stage and minutes, today, the timer at zero, nothing typed, ticked or wrong.
            expect(page.locator("#f-stage")).to_have_value(saved.get_attribute("data-stage") or "")
            minutes = saved.get_attribute("data-minutes") or ""
            expect(page.locator("#f-minutes")).to_have_value(minutes)
            expect(page.locator("#f-date")).to_have_value(today.isoformat())
            expect(page.locator(".timer output")).to_have_text("0:00")
            expect(page.get_by_label("Notes")).to_have_value("")
            expect(page.locator("#log-form .field-error, #log-form .form-errors")).to_have_count(0)
            expect(page.locator("input[name='signal']")).not_to_have_count(0)
            expect(page.locator("input[name='signal']:checked")).to_have_count(0)
            expect(tom.locator(".signal-help")).to_contain_text("Tap what you saw")
        advice = page.locator("#advice")
        expect(advice).to_have_attribute("data-action", "advance")
        expect(advice).to_have_attribute("data-stage", "scent")
        expect(advice).to_contain_text("Swapping scents")
        expect(page.locator("#f-stage")).to_have_value("scent")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=OUTPUT / "log-saved-375.png", full_page=True, caret="initial")

        logged = httpx.get(f"{server}/api/v1/introductions/tom-pip/sessions").json()
        assert len(logged) == 3, logged
        # The introduction page: ladder on scent, history with the note as plain text.
        page.goto(f"{server}/introductions/tom-pip")
        expect(page.locator(".ladder li.current")).to_have_text("Swapping scents")
        expect(page.locator("td.notes-cell", has_text="Pip ate a treat")).to_have_text(NOTE)
        expect(page.locator("canvas[data-chart='minutes-chart']")).to_be_visible()
        page.screenshot(path=OUTPUT / "introduction-375.png", full_page=True, caret="initial")
        page.goto(f"{server}/")
        expect(page.locator("h1")).to_contain_text("Today")
        page.screenshot(path=OUTPUT / "today-375.png", full_page=True, caret="initial")
        page.goto(f"{server}/programs/cat-rat")
        page.screenshot(path=OUTPUT / "program-375.png", full_page=False, caret="initial")

        desktop = browser.new_page(viewport={"width": 1280, "height": 900})
        desktop.goto(f"{server}/introductions/tom-pip")
        desktop.screenshot(path=OUTPUT / "introduction-1280.png", full_page=True, caret="initial")
        browser.close()
    assert dialogs == [], "a note ran as script"
    # The browser reports the slip's 422 answer on the console; nothing else may be there.
    slips = [p for p in problems if "status of 422" in p and "/tom-pip/sessions" in p]
    assert len(slips) == 2, problems
    assert [p for p in problems if p not in slips] == [], problems
    assert (OUTPUT / "log-saved-375.png").stat().st_size > 10_000


def test_notes_preview_lets_the_owner_untick_a_reading(server: str) -> None:
    """Type a note, see its phrases highlighted, untick one reading, save, read the history."""
    from playwright.sync_api import expect

    cat_meets_rat(server)

    problems: list[str] = []
    with phone(problems) as page:
        page.goto(f"{server}/introductions/tom-pip/log")
        page.get_by_label("Minutes", exact=False).first.fill("5")
        page.get_by_label("Notes").press_sequentially(
            "Tom slow blinked at the <cage> and Pip was grooming herself, no hissing.", delay=5
        )
        preview = page.locator("#notes-preview")
        expect(preview.locator("mark", has_text="slow blinked")).to_be_visible()
        expect(preview.locator("mark.denied", has_text="hissing")).to_be_visible()
        expect(preview.locator(".notes-read")).to_contain_text("<cage>")
        tom = preview.locator("fieldset.noted-signals", has_text="Tom")
        box = tom.get_by_role("checkbox")
        expect(box).to_be_checked()
        tom.locator("label.noted", has_text="slow blink").click()
        expect(box).not_to_be_checked()
        preview.scroll_into_view_if_needed()
        page.screenshot(path=OUTPUT / "notes-preview-375.png", full_page=True, caret="initial")
        preview.screenshot(path=OUTPUT / "notes-preview-part-375.png", caret="initial")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways at 375 px ({width} px)"
        page.get_by_role("button", name="Save session").click()
        expect(page.locator(".saved")).to_contain_text("Saved session #1")

        page.goto(f"{server}/introductions/tom-pip")
        seen = page.locator("td[data-label='Seen']").first
        expect(seen).to_contain_text("grooming self")
        expect(seen).not_to_contain_text("slow blink")
    sessions = httpx.get(f"{server}/api/v1/introductions/tom-pip/sessions").json()
    assert sessions[0]["signals"] == {"tom": [], "pip": ["grooming_self"]}
    assert problems == [], problems


def test_clicker_counts_through_the_form_and_in_the_history(server: str) -> None:
    """Log two training sessions at 375 px; each save shows its counts and a blank form, and
    the history has a Rewarded line per session."""
    from playwright.sync_api import expect

    body = {"species": "rat", "name": "Pip", "origin": "breeder", "arrived": "2026-09-01"}
    assert httpx.post(f"{server}/api/v1/animals", json=body).status_code == 201
    start = {"program": "trick-spin", "roles": {"rat": ["pip"]}}
    assert httpx.post(f"{server}/api/v1/introductions", json=start).status_code == 201

    problems: list[str] = []
    with phone(problems) as page:
        page.goto(f"{server}/introductions/pip/log")
        for number, (attempts, rewarded) in enumerate((("10", "9"), ("12", "10")), start=1):
            page.get_by_label("Minutes", exact=False).first.fill("3")
            page.get_by_label("Attempts", exact=False).fill(attempts)
            page.get_by_label("Rewarded", exact=False).fill(rewarded)
            save = page.get_by_role("button", name="Save session")
            # One session per save, however fast the owner taps twice.
            save.dblclick() if number == 3 else save.click()
            saved = page.locator(".saved")
            expect(saved).to_contain_text(f"Saved session #{number}")
            expect(saved).to_contain_text(f"{rewarded} of {attempts} attempts rewarded")
            expect(page.get_by_label("Attempts", exact=False)).to_have_value("")
            expect(page.locator("input[name='signal']:checked")).to_have_count(0)
        page.goto(f"{server}/introductions/pip")
        cells = page.locator("td[data-label='Rewarded']")
        expect(cells).to_have_text(["10 of 12", "9 of 10"])
        page.screenshot(path=OUTPUT / "training-history-375.png", full_page=True, caret="initial")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways at 375 px ({width} px)"
    assert problems == [], problems


# Each field of the log form brought into view as the browser does for a focused field (its
# bottom at the foot of the screen), and the ones the stuck Save bar then covers.
UNDER_THE_BAR = """() => {
  const bar = document.querySelector('#log-form .sticky-save');
  const fields = document.querySelectorAll(
    '#log-form input:not([type=hidden], [type=checkbox]), #log-form select, ' +
    '#log-form textarea, #log-form label.chip, #log-form label.switch');
  const covered = [];
  for (const field of fields) {
    field.scrollIntoView({block: 'end'});
    if (field.getBoundingClientRect().bottom > bar.getBoundingClientRect().top + 0.5) {
      covered.push(field.id || field.textContent.trim());
    }
  }
  return [fields.length, covered];
}"""


def test_the_save_bar_never_covers_a_field(server: str) -> None:
    """At 375 px every field of the log form, brought into view, stops above the Save bar;
    the last one (the notes) too."""
    from playwright.sync_api import expect

    cat_meets_rat(server)

    problems: list[str] = []
    with phone(problems) as page:
        page.goto(f"{server}/introductions/tom-pip/log")
        expect(page.locator("fieldset.animal-signals legend")).to_have_text(
            ["Tom (cat)", "Pip (rat)"]
        )
        count, covered = page.evaluate(UNDER_THE_BAR)
        assert count > 40, "the form's fields were not found"
        assert covered == [], f"the Save bar covers {covered}"

        notes = page.get_by_label("Notes")
        notes.evaluate("e => e.scrollIntoView({block: 'end'})")
        field, bar = notes.bounding_box(), page.locator(".sticky-save").bounding_box()
        assert field is not None
        assert bar is not None
        assert field["y"] + field["height"] <= bar["y"], (field, bar)
        # What the owner sees, one screen at a time: a full-page capture would draw the
        # sticky bar where the first screen ends, over a field.
        page.screenshot(path=OUTPUT / "log-form-notes-375.png", caret="initial")
        page.locator("fieldset.animal-signals").first.evaluate(
            "e => { e.scrollIntoView(); window.scrollBy(0, -120); }"  # clear of the header
        )
        page.screenshot(path=OUTPUT / "log-form-boards-375.png", caret="initial")


def test_a_phone_shows_the_log_form_and_an_animal_page_whole(server: str) -> None:
    """At 375 px: the log form offers each animal only its program's signals and tells the
    step-in-now of two days ago as what happened then, below the step; saving a weight on an
    animal's page says the loss at once, by the form. Neither page scrolls sideways."""
    from playwright.sync_api import expect

    cat_meets_rat(server)
    today = dt.date.today()
    lunged = (today - dt.timedelta(days=2)).isoformat()
    lunge = {"date": lunged, "stage": "visual", "minutes": 5, "signals": {"tom": ["lunging"]}}
    url = f"{server}/api/v1/introductions/tom-pip/sessions"
    assert httpx.post(url, json=lunge).status_code == 201
    weighed = {"grams": 300, "date": (today - dt.timedelta(days=10)).isoformat()}
    assert httpx.post(f"{server}/api/v1/animals/pip/weights", json=weighed).status_code == 201

    problems: list[str] = []
    with phone(problems) as page:
        page.goto(f"{server}/introductions/tom-pip/log")
        expect(page.locator("fieldset.animal-signals legend")).to_have_text(
            ["Tom (cat)", "Pip (rat)"]
        )
        expect(page.locator("input[value='pip:freezing']")).to_have_count(1)
        expect(page.locator("input[value='pip:pinning']")).to_have_count(0)
        expect(page.locator("#f-stage option:checked")).to_have_text("Seeing each other")
        past = page.locator(".alert.past")
        expect(past).to_have_text(
            f"Step in now — on {dt.date.fromisoformat(lunged).strftime('%a %-d %b %Y')}, "
            "during that session (seen: Tom: lunging)."
        )
        expect(page.locator(".alert.danger", has_text="Step in now")).to_have_count(0)
        action = page.locator("#advice .action").bounding_box()
        below = past.bounding_box()
        assert action is not None
        assert below is not None
        assert below["y"] > action["y"], "the past step-in-now shows above the step"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the log form scrolls sideways at 375 px ({width} px)"
        page.screenshot(path=OUTPUT / "log-form-375.png", caret="initial")

        page.goto(f"{server}/animals/pip")
        page.get_by_role("textbox", name="Grams").fill("250 g")
        page.get_by_role("button", name="Save weight").click()
        answer = page.locator("#weighed")
        expect(answer.locator(".saved")).to_contain_text("Saved: 250 g")
        expect(answer.get_by_role("alert")).to_contain_text("Pip lost 16.7 % of its weight")
        saved, header = answer.locator(".saved").bounding_box(), page.locator(".top").bounding_box()
        assert saved is not None
        assert header is not None
        assert saved["y"] >= header["y"] + header["height"], "the answer is under the header"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the animal page scrolls sideways at 375 px ({width} px)"
        page.screenshot(path=OUTPUT / "animal-page-weighed-375.png", caret="initial")
        page.screenshot(path=OUTPUT / "animal-page-375.png", full_page=True, caret="initial")
    assert problems == []


def test_today_at_rescue_size_pages_the_pressing_section_on_a_phone(server: str) -> None:
    """More introductions due than a page holds: Today at 375 px shows the first page of the
    due ones with a pager, and Next (htmx) swaps in the second page of that section alone."""
    from playwright.sync_api import expect

    from ratbond.store.agenda import PAGE_SIZE

    with httpx.Client(base_url=server) as client:
        for number in range(1, PAGE_SIZE + 2):
            for species in ("cat", "rat"):
                body = {"species": species, "name": f"{species.title()} {number}"}
                body |= {"prey_drive": "low"} if species == "cat" else {"arrived": "2026-01-01"}
                assert client.post("/api/v1/animals", json=body).status_code == 201
                check = {"date": dt.date.today().isoformat()}
                url = f"/api/v1/animals/{species}-{number}/vet-checks"
                assert client.post(url, json=check).status_code == 201
            roles = {"cat": [f"cat-{number}"], "rat": [f"rat-{number}"]}
            start = {"program": "cat-rat", "roles": roles}
            assert client.post("/api/v1/introductions", json=start).status_code == 201

    problems: list[str] = []
    with phone(problems) as page:
        page.goto(server)
        due = page.locator("#section-due")
        expect(due.get_by_role("heading", name="Due today")).to_be_visible()
        expect(due.locator("li.card")).to_have_count(PAGE_SIZE)
        pager = due.get_by_role("navigation", name="Due today, pages")
        expect(pager).to_contain_text("page 1 of 2")
        page.screenshot(path=OUTPUT / "today-paged-375.png", full_page=False, caret="initial")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page scrolls sideways at 375 px ({width} px)"
        pager.get_by_role("link", name="Next").click()
        expect(page.locator("#section-due li.card")).to_have_count(1)
        expect(page.locator("#section-due nav")).to_contain_text("page 2 of 2")
        assert page.url.endswith("/?section=due&page=2")
        pager_bottom = page.locator("#section-due nav")
        pager_bottom.scroll_into_view_if_needed()
        page.screenshot(path=OUTPUT / "today-page-2-375.png", full_page=False, caret="initial")
    assert problems == [], problems
