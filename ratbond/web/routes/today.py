"""The Today page: what needs doing now in full, the health alerts first, every other kind of the
day's plan counted and shown a page at a time, and the care tasks due with their animals a page at
a time; narrowed to one animal or a search."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ratbond.store.agenda import PAGE_SIZE, agenda_page
from ratbond.store.animals import list_animals
from ratbond.store.care_plan import care_page
from ratbond.store.introductions import list_introductions
from ratbond.store.urgency import Kind
from ratbond.web.context import WebContext, web

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
# Far past any household's last page (the store shows the last one instead): a bound, so a
# page number is a plain small integer.
MAX_PAGE = 100_000


def today_view(
    context: WebContext,
    day: dt.date,
    section: Kind | None,
    care_task: str | None,
    page: int,
    animal: str | None,
    search: str | None,
) -> dict[str, Any]:
    """What the Today page shows, read from the store."""
    sections = agenda_page(
        context.db, today=day, section=section, page=page, animal=animal, search=search
    )
    care = care_page(context.db, today=day, task=care_task, page=page, animal=animal, search=search)
    narrowed = animal is not None or search is not None
    return {
        "today": day,
        "sections": sections,
        "titles": SECTION_TITLES,
        "page_size": PAGE_SIZE,
        # What a pager's links keep of the request.
        "filters": {
            name: value for name, value in (("animal", animal), ("q", search)) if value is not None
        },
        "paused": [] if narrowed else list_introductions(context.db, status="paused"),
        "has_animals": narrowed or bool(sections) or bool(list_animals(context.db)),
        "care": care,
    }


def _given(value: str | None) -> str | None:
    """A text parameter as the store takes it: an empty or blank one (an empty search box
    sent) is no filter."""
    return value.strip() or None if value is not None else None


@router.get("/", response_class=HTMLResponse)
async def today(
    request: Request,
    context: Web,
    section: Kind | None = None,
    care: Annotated[str | None, Query(max_length=64)] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
    animal: Annotated[str | None, Query(max_length=64)] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
) -> HTMLResponse:
    view = await context.read_from_loop(
        today_view,
        context,
        context.today(),
        section,
        _given(care),
        page,
        _given(animal),
        _given(q),
    )
    return context.pages.render(request, "today.html", view)
