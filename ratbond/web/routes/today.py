"""The Today page: what is due now, alerts first, and the countdowns of quarantine and settling."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ratbond.store.agenda import AgendaItem, agenda
from ratbond.store.animals import list_animals
from ratbond.store.introductions import list_introductions
from ratbond.store.urgency import KINDS, Kind
from ratbond.web.context import WebContext, web
from ratbond.web.routes.care import care_summary

router = APIRouter(include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
SECTION_TITLES: dict[Kind, str] = {
    "alert": "Needs you now",
    "overdue": "Overdue",
    "due": "Due today",
    "prerequisite": "Before you can start",
    "waiting": "Counting down",
    "later": "Coming up",
    "complete": "Done",
}


def group(items: list[AgendaItem]) -> list[tuple[Kind, str, list[AgendaItem]]]:
    """The day's items in the agenda's order of urgency, under a heading per kind."""
    return [
        (kind, SECTION_TITLES[kind], [item for item in items if item.kind == kind])
        for kind in KINDS
        if any(item.kind == kind for item in items)
    ]


def today_view(context: WebContext, day: dt.date) -> dict[str, Any]:
    """What the Today page shows, read from the store."""
    items = agenda(context.db, today=day)
    return {
        "today": day,
        "sections": group(items),
        "stage_titles": {
            program.id: {stage.id: stage.title for stage in program.stages}
            for program in context.programs.values()
        },
        "paused": list_introductions(context.db, status="paused"),
        "has_animals": bool(items) or bool(list_animals(context.db)),
        **care_summary(context, day),
    }


@router.get("/", response_class=HTMLResponse)
async def today(request: Request, context: Web) -> HTMLResponse:
    view = await context.read_from_loop(today_view, context, context.today())
    return context.pages.render(request, "today.html", view)
