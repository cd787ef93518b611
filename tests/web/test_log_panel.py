"""The log panel after a save: new advice and a blank form, with the signal boards kept in the
page (an htmx answer sends an empty placeholder) and reused by full pages but never stale;
SQLite writes that run on the event loop only when no other writer in the process holds the
lock; data files loaded before the first request."""

from __future__ import annotations

import asyncio
import re
import threading
from functools import partial

from fastapi.testclient import TestClient

from ratbond.web.app import BUILTIN_DATA, create_app
from ratbond.web.context import WebContext
from ratbond.web.settings import WebSettings
from ratbond.web.templating import FRAGMENTS_KEPT, Pages

from .helpers import cat_and_rat, post_form

LOG = "/introductions/tom-pip/sessions"
PRESERVED = '<div id="signal-boards" hx-preserve="true">'
KEY = re.compile(r'<input type="hidden" form="log-form" name="submission" value="([^"]+)">')
CALM = {
    "date": "2026-11-20",
    "stage": "visual",
    "minutes": "5",
    "supervised": "on",
    "signal": ["tom:slow_blink", "pip:relaxed"],
    "notes": "Tom watched quietly",
}


def boards(page: str) -> str:
    """The signal tap targets of a log form, from the first animal's fieldset to the last."""
    start = page.index('<fieldset class="animal-signals">')
    end = page.rindex("</fieldset>", 0, page.index("<textarea")) + len("</fieldset>")
    return page[start:end]


def test_after_a_save_the_panel_shows_the_new_advice_and_a_blank_form(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    opened = store_client.get("/introductions/tom-pip/log").text
    panel = ""
    for number, date in enumerate(("2026-11-18", "2026-11-19", "2026-11-20"), start=1):
        # One calm session a day: a day adds one to the calm streak (contract 8).
        response = post_form(store_client, LOG, {**CALM, "date": date}, htmx=True)
        assert response.status_code == 200
        panel = response.text
        assert f"Saved session #{number}: calm" in panel
    assert 'data-action="advance" data-stage="scent"' in panel
    # The form stays in the page (the answer holds only its empty placeholder), and the saved
    # note says what it must show for the next session: the advised stage and minutes, today.
    assert '<form id="log-form" hx-preserve="true"></form>' in panel
    assert 'name="signal"' not in panel
    assert "<textarea" not in panel
    assert re.search(
        r'class="saved" [^>]*data-stage="scent" data-minutes="120" data-date="2026-11-20"', panel
    )
    # A form opened afresh shows just that, nothing ticked or typed, with the boards of the
    # form as it first opened.
    fresh = store_client.get("/introductions/tom-pip/log").text
    assert re.search(r'<option value="scent" selected>', fresh)
    assert 'id="f-minutes" name="minutes" type="text" value="120"' in fresh
    assert not re.search(r'name="signal"[^>]* checked', fresh)
    assert "></textarea>" in fresh
    assert "notes_previewed" not in fresh
    assert re.search(PRESERVED + r'\s*<fieldset class="animal-signals">', opened)
    assert boards(fresh) == boards(opened)


def test_a_save_sent_twice_logs_one_session_and_each_panel_has_a_new_key(
    store_client: TestClient,
) -> None:
    """A double tap the page's script missed, or a browser's resend, logged it twice."""
    cat_and_rat(store_client)
    opened = store_client.get("/introductions/tom-pip/log").text
    key = KEY.search(opened)
    assert key is not None
    sent = {**CALM, "submission": key[1]}
    first = post_form(store_client, LOG, sent, htmx=True)
    again = post_form(store_client, LOG, sent, htmx=True)
    assert "Saved session #1: calm." in first.text
    assert "This save was sent twice" not in first.text
    assert "Saved session #1: calm. This save was sent twice; it is logged once." in again.text
    # The next session is sent with the key the answer brought.
    later = KEY.search(first.text)
    assert later is not None
    assert later[1] != key[1]
    second = post_form(store_client, LOG, {**CALM, "submission": later[1]}, htmx=True)
    assert "Saved session #2" in second.text


def test_a_form_shown_again_after_an_error_keeps_its_ticks(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    post_form(store_client, LOG, CALM, htmx=True)  # the blank boards are now kept
    # With htmx the page keeps the boards as they were ticked; the answer only holds their place.
    in_place = post_form(store_client, LOG, {**CALM, "minutes": "soon"}, htmx=True)
    assert in_place.status_code == 422
    assert PRESERVED + "</div>" in in_place.text
    # Without it the page comes back whole, ticked as sent.
    response = post_form(store_client, LOG, {**CALM, "minutes": "soon"})
    assert response.status_code == 422
    ticked = re.findall(
        r'value="([^"]+)" data-label="[^"]*" data-description="[^"]*" checked', response.text
    )
    assert sorted(ticked) == ["pip:relaxed", "tom:slow_blink"]
    assert not re.search(
        r'name="signal"[^>]* checked', boards(store_client.get("/introductions/tom-pip/log").text)
    )


def test_renaming_an_animal_shows_in_the_boards_at_once(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    before = store_client.get("/introductions/tom-pip/log").text
    assert "<legend>Tom (cat)</legend>" in boards(before)
    renamed = store_client.patch("/api/v1/animals/tom", json={"name": "Thomas"})
    assert renamed.status_code == 200
    for page in (
        store_client.get("/introductions/tom-pip/log").text,
        post_form(store_client, LOG, {**CALM, "minutes": "soon"}).text,
    ):
        assert "<legend>Thomas (cat)</legend>" in boards(page)
        assert "<legend>Tom (cat)</legend>" not in boards(page)


def test_each_cast_has_its_own_boards(store_client: TestClient) -> None:
    cat_and_rat(store_client)
    body = {"species": "rat", "name": "Bea", "origin": "breeder", "arrived": "2026-09-01"}
    assert store_client.post("/api/v1/animals", json=body).status_code == 201
    start = {"program": "rat-rat", "roles": {"residents": ["pip"], "newcomer": ["bea"]}}
    started = store_client.post("/api/v1/introductions", json=start)
    assert started.status_code == 201, started.text
    cat_rat = boards(store_client.get("/introductions/tom-pip/log").text)
    rat_rat = boards(store_client.get(f"/introductions/{started.json()['id']}/log").text)
    assert 'value="tom:slow_blink"' in cat_rat
    assert "bea:" not in cat_rat
    assert 'value="bea:' in rat_rat
    assert "tom:" not in rat_rat


def test_fragments_are_kept_up_to_a_bound() -> None:
    pages = Pages()
    made: list[int] = []

    def values(number: int) -> dict[str, object]:
        made.append(number)
        return {"form": None, "training_stage": None}

    for number in range(FRAGMENTS_KEPT + 1):
        pages.fragment(number, "sessions/training_counts.html", partial(values, number))
    pages.fragment(FRAGMENTS_KEPT, "sessions/training_counts.html", lambda: values(-1))
    assert -1 not in made  # the newest is kept
    pages.fragment(0, "sessions/training_counts.html", lambda: values(-2))
    assert made[-1] == -2  # the oldest was dropped and is made again


def test_a_write_runs_on_the_loop_unless_another_writer_holds_the_lock(
    client: TestClient,
) -> None:
    context: WebContext = client.app.state.web  # type: ignore[attr-defined]
    threads: list[threading.Thread] = []

    def write(value: int) -> int:
        threads.append(threading.current_thread())
        return value

    async def both() -> tuple[threading.Thread, int, int]:
        loop_thread = threading.current_thread()
        free = await context.write_from_loop(write, 1)
        context.sqlite_writes.acquire()
        waiting = asyncio.ensure_future(context.write_from_loop(write, 2))
        await asyncio.sleep(0.05)
        assert len(threads) == 1, "the second write waits for the lock"
        context.sqlite_writes.release()
        return loop_thread, free, await waiting

    loop_thread, free, waited = asyncio.run(both())
    assert (free, waited) == (1, 2)
    assert threads[0] is loop_thread
    assert threads[1] is not loop_thread


def test_sqlite_reads_run_on_the_loop_postgresql_reads_in_a_thread(
    store_client: TestClient,
) -> None:
    context: WebContext = store_client.app.state.web  # type: ignore[attr-defined]

    async def where() -> bool:
        loop_thread = threading.current_thread()
        return await context.read_from_loop(lambda: threading.current_thread() is loop_thread)

    assert asyncio.run(where()) is context.db.is_sqlite


def test_the_app_loads_the_pages_data_before_the_first_request(sqlite_url: str) -> None:
    for load in BUILTIN_DATA:
        load.cache_clear()
    app = create_app(WebSettings(database_url=sqlite_url))
    assert [load.cache_info().currsize for load in BUILTIN_DATA] == [1] * len(BUILTIN_DATA)
    app.state.web.db.close()


def test_the_startup_heap_is_frozen_only_when_asked(sqlite_url: str) -> None:
    import gc

    gc.unfreeze()
    try:
        for freeze, frozen in ((False, False), (True, True)):
            app = create_app(WebSettings(database_url=sqlite_url, freeze_startup_heap=freeze))
            with TestClient(app):  # runs the startup
                assert (gc.get_freeze_count() > 0) is frozen
            app.state.web.db.close()
    finally:
        gc.unfreeze()  # the rest of the test run collects as usual


def test_a_past_session_left_at_the_advised_stage_takes_its_own_dates_advice(
    store_client: TestClient,
) -> None:
    cat_and_rat(store_client)
    for date in ("2026-11-01", "2026-11-02"):
        session = {"date": date, "stage": "visual", "minutes": 5}
        assert store_client.post("/api/v1/introductions/tom-pip/sessions", json=session)
    # Today comes after a long break, so today's advice starts the stage again, at 5 minutes.
    opened = store_client.get("/introductions/tom-pip/log").text
    assert 'name="advised_stage" value="visual"' in opened
    assert 'name="advised_minutes" value="5"' in opened
    typed_up = {"date": "2026-11-03", "stage": "visual", "minutes": "5", "supervised": "on"}
    advised = {"advised_stage": "visual", "advised_minutes": "5"}
    saved = post_form(store_client, LOG, {**typed_up, **advised}, htmx=True)
    assert saved.status_code == 200
    # On 3 November the advice was the third session at 'visual', two steps up.
    listed = store_client.get("/api/v1/introductions/tom-pip/sessions").json()
    assert (listed[-1]["stage"], listed[-1]["minutes"]) == ("visual", 8.0)
    # On the 4th the three calm days had moved it on to 'scent'; minutes the owner changed
    # are kept.
    changed = {**typed_up, "date": "2026-11-04", "minutes": "6"}
    assert post_form(store_client, LOG, {**changed, **advised}, htmx=True).status_code == 200
    listed = store_client.get("/api/v1/introductions/tom-pip/sessions").json()
    assert (listed[-1]["stage"], listed[-1]["minutes"]) == ("scent", 6.0)
    # The API leaves the stage out the same way.
    api = {"date": "2026-11-05", "minutes": 130}
    assert store_client.post("/api/v1/introductions/tom-pip/sessions", json=api).status_code == 201
    listed = store_client.get("/api/v1/introductions/tom-pip/sessions").json()
    assert (listed[-1]["stage"], listed[-1]["minutes"]) == ("scent", 130.0)


def test_a_meeting_logged_before_its_checks_says_it_should_not_have_happened(
    client: TestClient,
) -> None:
    for body in (
        {"species": "cat", "name": "Tom"},
        {"species": "rat", "name": "Pip", "arrived": "2026-09-01"},
    ):
        assert client.post("/api/v1/animals", json=body).status_code == 201
    start = {"program": "cat-rat", "roles": {"cat": ["tom"], "rat": ["pip"]}}
    assert client.post("/api/v1/introductions", json=start).status_code == 201
    saved = post_form(client, LOG, CALM, htmx=True)
    assert saved.status_code == 200
    assert "This meeting should not have happened yet." in saved.text


def test_the_log_form_offers_each_animal_only_the_signals_its_program_uses(
    client: TestClient,
) -> None:
    cat_and_rat(client)
    page = client.get("/introductions/tom-pip/log").text
    offered = set(re.findall(r'name="signal" value="([^"]+)"', page))
    assert {"tom:hissing", "pip:freezing", "pip:wound"} <= offered
    # Between a cat and a rat there is no rat-to-rat play, and no treat from a hand.
    assert not {"pip:pinning", "pip:fighting", "pip:takes_treat_from_hand"} & offered
    assert page.count("Tom (cat)") == 1
    # Stages by their titles, never their ids.
    assert '<option value="visual" selected>Seeing each other</option>' in page
    assert "(visual)" not in page


def test_step_in_now_of_an_earlier_day_reads_as_what_happened_below_the_step(
    client: TestClient,
) -> None:
    cat_and_rat(client)
    lunge = {"date": "2026-11-18", "stage": "visual", "minutes": 5, "signals": {"tom": ["lunging"]}}
    assert client.post("/api/v1/introductions/tom-pip/sessions", json=lunge).status_code == 201
    for url in ("/introductions/tom-pip/log", "/introductions/tom-pip", "/"):
        page = client.get(url).text
        past = (
            '<li class="alert past" role="note"><strong>Step in now</strong> — on Wed 18 Nov '
            "2026, during that session (seen: Tom: lunging).</li>"
        )
        assert past in page, url
        assert "<strong>Step in now</strong>\n" not in page  # not an alert for today
        assert page.index("Repeat Seeing each other") < page.index(past), url


def test_logging_a_meeting_before_its_prechecks_says_it_should_not_have_happened(
    client: TestClient,
) -> None:
    for body in ({"species": "cat", "name": "Tom"}, {"species": "rat", "name": "Pip"}):
        assert client.post("/api/v1/animals", json=body).status_code == 201
    start = {"program": "cat-rat", "roles": {"cat": ["tom"], "rat": ["pip"]}}
    assert client.post("/api/v1/introductions", json=start).status_code == 201
    for htmx in (False, True):
        logged = post_form(client, LOG, CALM, htmx=htmx)
        assert logged.status_code == 200  # not sent on: the owner reads the warning first
        assert "This meeting should not have happened yet." in logged.text
        assert "Every animal needs a vet check" in logged.text


def test_the_answer_to_a_save_tells_an_earlier_step_in_now_as_what_happened(
    client: TestClient,
) -> None:
    cat_and_rat(client)
    lunge = {"date": "2026-11-19", "stage": "visual", "minutes": 5, "signals": {"tom": ["lunging"]}}
    assert client.post("/api/v1/introductions/tom-pip/sessions", json=lunge).status_code == 201
    # Too short to count: the advice is still decided on the lunge of the day before.
    short = {**CALM, "minutes": "1", "signal": [], "notes": ""}
    panel = post_form(client, LOG, short, htmx=True).text
    assert "Saved session #2: calm" in panel
    assert (
        "<strong>Step in now</strong> — on Thu 19 Nov 2026, during that session (seen: Tom: "
        "lunging).</li>"
    ) in panel
    assert "<strong>Step in now</strong>\n" not in panel
