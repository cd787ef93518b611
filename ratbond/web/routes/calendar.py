"""`/calendar.ics`: each introduction's next session and countdown end, as a calendar feed.

A calendar app cannot sign in, so once people exist each of them may make a personal feed
link (`/calendar/TOKEN.ics`, on the Account page): a token kept hashed and revocable like an
API token (`ratbond.store.people.make_token`, kind `feed`), which opens this feed only, in the
household it was made in, with the person's role (a sitter's animals, until the end date).
`/calendar.ics` itself answers a signed-in browser, or anyone on loopback while nobody can
sign in (`ratbond.web.auth`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from icalendar import Calendar, Event

from ratbond.care.routine import TaskDue
from ratbond.errors import Forbidden, NotFound
from ratbond.programs import stage_title
from ratbond.store import Database
from ratbond.store.agenda import AgendaItem, agenda
from ratbond.store.people import token_scope
from ratbond.web.context import WebContext, web
from ratbond.wording import minutes_text

router = APIRouter(include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
SESSION_ACTIONS = frozenset({"start", "repeat", "advance", "step_back"})


def _event(uid: str, day: dt.date, summary: str, description: str, url: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event


def events(context: WebContext, items: list[AgendaItem], base: str) -> list[Event]:
    """All-day events: each due or upcoming session, and each quarantine or settling end."""
    found: list[Event] = []
    for item in items:
        advice = item.advice
        program = context.programs.get(item.program)
        url = f"{base}/introductions/{item.key}"
        reasons = " ".join(advice.reasons)
        if item.gate is not None and advice.not_before is not None:
            title = stage_title(program or item.program, item.gate)
            found.append(
                _event(
                    f"gate-{item.key}-{item.gate}@ratbond",
                    advice.not_before,
                    f"{title} ends: {item.label}",
                    reasons,
                    url,
                )
            )
        elif advice.action in SESSION_ACTIONS and advice.not_before is not None:
            length = minutes_text(advice.minutes)
            found.append(
                _event(
                    f"session-{item.key}@ratbond",
                    advice.not_before,
                    f"{item.label}: {stage_title(program or item.program, advice.stage)}"
                    + (f", {length}" if length else ""),
                    reasons,
                    url,
                )
            )
    return found


def care_events(context: WebContext, db: Database, base: str) -> list[Event]:
    """All-day events: each care task on its next due date (overdue ones on today), one event
    per task and day with the animals it is due for."""
    from ratbond.store.care import care_plan

    day = context.today()
    days: dict[tuple[str, dt.date], list[TaskDue]] = {}
    for item in care_plan(db, today=day).tasks:
        days.setdefault((item.task.id, max(item.due, day)), []).append(item)
    found: list[Event] = []
    for (task_id, when), items in sorted(days.items(), key=lambda pair: pair[0][1]):
        task = items[0].task
        names = [i.animal_label or i.animal or "" for i in items if i.animal]
        whom = f": {', '.join(names)}" if names else ""
        found.append(
            _event(
                f"care-{task_id}-{when.isoformat()}@ratbond",
                when,
                f"{task.title}{whom}",
                task.what,
                f"{base}/care",
            )
        )
    return found


@router.get("/calendar.ics")
def calendar(request: Request, context: Web) -> Response:
    return _feed(request, context, context.db)


@router.get("/calendar/{token}.ics")
def personal_calendar(request: Request, token: str, context: Web) -> Response:
    """A person's feed link: their household's calendar as their role sees it today."""
    gone = NotFound("this calendar link is not valid any more; make a new one on the Account page")
    try:
        scope = token_scope(context.db, token, context.today(), kind="feed")
    except Forbidden:  # no longer a member, or a sitter past the end date: nothing to say
        raise gone from None
    if scope is None:
        raise gone
    return _feed(request, context, context.db.scoped(scope))


def _feed(request: Request, context: WebContext, db: Database) -> Response:
    items = agenda(db, today=context.today())
    base = str(request.base_url).rstrip("/")
    feed = Calendar()
    feed.add("prodid", "-//ratbond//introductions//EN")
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("x-wr-calname", "ratbond")
    feed.add("x-published-ttl", "PT1H")
    for event in events(context, items, base):
        feed.add_component(event)
    for event in care_events(context, db, base):
        feed.add_component(event)
    return Response(
        feed.to_ical(),
        media_type="text/calendar; charset=utf-8",
        headers={
            "content-disposition": 'inline; filename="ratbond.ics"',
            "cache-control": "no-cache",
        },
    )
