"""In chromium: the owner made at the command line chooses a password, invites a sitter for
Tom and Pip through the People page's QR code; the sitter joins and signs in on a phone
(375 px), sees and logs only Tom and Pip's introduction, and loses everything once the end
date has passed. Screenshots go to test-output/browser/."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.web.test_browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    OUTPUT,
    PHONE,
    cat_meets_rat,
    server,  # noqa: F401 - the fixture
)

pytestmark = [pytest.mark.browser, pytest.mark.real_clock]
PASSWORD = "correct horse battery"


def ratbond(tmp_path: Path, *args: str) -> str:
    """`ratbond ARGS` on the server's database; its standard output."""
    env = {**os.environ, "RATBOND_DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}"}
    env.pop("RATBOND_PERSON", None)
    done = subprocess.run(
        [sys.executable, "-c", "from ratbond.cli.entry import main; main()", *args],
        env={**env, "COLUMNS": "300"},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_an_owner_invites_a_sitter_who_logs_only_the_chosen_animals(
    server: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect, sync_playwright

    today = dt.date.today()
    cat_meets_rat(server)
    assert httpx.post(f"{server}/api/v1/animals", json={"species": "rat", "name": "Nib"})
    printed = ratbond(tmp_path, "people", "add", "Ann", "--url", server)
    owner_link = re.search(r"(http://\S+/sign-in/link/\S+)", printed)
    assert owner_link is not None
    OUTPUT.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        owner = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
        page = owner.new_page()
        page.set_default_timeout(10_000)
        page.on("pageerror", lambda error: problems.append(str(error)))
        # Once people exist, the app asks for a sign-in.
        page.goto(f"{server}/animals")
        expect(page).to_have_url(re.compile(r"/sign-in\?next="))
        page.goto(owner_link.group(1))
        page.locator("#f-password").fill(PASSWORD)
        page.get_by_role("button", name="Save and sign in").click()
        expect(page).to_have_url(f"{server}/")
        page.goto(f"{server}/people")
        page.get_by_label("Role").select_option("sitter")
        page.get_by_label("Tom", exact=True).check()
        page.get_by_label("Pip", exact=True).check()
        page.get_by_label("A sitter's last day").fill(today.isoformat())
        page.get_by_role("button", name="Make the invitation").click()
        expect(page.locator("#invitation svg")).to_be_visible()
        page.screenshot(path=OUTPUT / "invitation-qr-375.png", full_page=True, caret="initial")
        link = page.locator("#invitation-link").get_attribute("href")
        assert link is not None

        sitter = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
        phone = sitter.new_page()
        phone.set_default_timeout(10_000)
        phone.on("pageerror", lambda error: problems.append(str(error)))
        phone.goto(link)
        phone.get_by_label("Your name").fill("Sam")
        phone.locator("#f-password").fill(PASSWORD)
        phone.get_by_role("button", name="Join and sign in").click()
        expect(phone).to_have_url(f"{server}/")
        phone.goto(f"{server}/animals")
        expect(phone.locator("main")).to_contain_text("Pip")
        expect(phone.locator("main")).not_to_contain_text("Nib")
        assert phone.goto(f"{server}/animals/nib").status == 404
        phone.goto(f"{server}/introductions/tom-pip/log")
        phone.get_by_label("Minutes", exact=False).first.fill("5")
        phone.get_by_role("button", name="Save session").click()
        expect(phone.locator(".saved")).to_contain_text("Saved session #1")
        phone.screenshot(path=OUTPUT / "sitter-logged-375.png", full_page=True, caret="initial")

        # The end date passes: the open session is refused everything.
        yesterday = (today - dt.timedelta(days=1)).isoformat()
        ratbond(
            tmp_path,
            "--as",
            "Ann",
            "people",
            "role",
            "Sam",
            "sitter",
            "--animal",
            "tom",
            "--animal",
            "pip",
            "--until",
            yesterday,
        )
        answer = phone.goto(f"{server}/animals")
        assert answer is not None
        assert answer.status == 403
        expect(phone.locator("main")).not_to_contain_text("Pip")
        browser.close()
    assert problems == []
