"""Introduction pages: the list, start one, pause/resume/stop, and the page of one introduction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ratbond.errors import InputError, RatbondError
from ratbond.model import Program, Stage
from ratbond.store import introductions as store
from ratbond.store.animals import list_animals
from ratbond.store.audit import changes, per_row
from ratbond.store.queries import HISTORY_PAGE_SIZE, history_page
from ratbond.store.records import IntroductionRecord, StoredAdvice
from ratbond.web.charts import minutes_chart
from ratbond.web.context import WebContext, web
from ratbond.web.forms import Form

router = APIRouter(include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
STATUS_WORDS = {"paused": "Pause", "active": "Resume", "stopped": "Stop", "completed": "Complete"}
# Far past any history's last page (the store shows the last one instead): a bound, so a page
# number is a plain small integer.
MAX_PAGE = 100_000


@dataclass(frozen=True)
class Rung:
    """One stage on the ladder, as the page shows it."""

    stage: Stage
    state: str
    """`done` (earned), `current` (the next session's stage) or `ahead`."""


def ladder(program: Program, advice: StoredAdvice) -> list[Rung]:
    """The program's stages, the advice's stage highlighted and earned ones ticked."""
    current = program.stage_index(advice.stage)
    earned_id = advice.payload.get("earned_stage")
    earned = program.stage_index(earned_id) if earned_id in {s.id for s in program.stages} else -1
    rungs = []
    for index, stage in enumerate(program.stages):
        if index == current and advice.action not in ("complete",):
            state = "current"
        elif index < current or index <= earned or advice.action == "complete":
            state = "done"
        else:
            state = "ahead"
        rungs.append(Rung(stage=stage, state=state))
    return rungs


def find(context: WebContext, ref: str) -> IntroductionRecord:
    return store.get_introduction(context.db, ref)


def introduction_view(context: WebContext, ref: str) -> dict[str, Any]:
    """Everything the introduction page and the log form show about one introduction."""
    intro, advice = store.get_advice(context.db, ref, today=context.today())
    program = context.programs[intro.program]
    return {
        "intro": intro,
        "advice": advice,
        "program": program,
        "stage": program.stages[program.stage_index(advice.stage)],
        "ladder": ladder(program, advice),
        "names": {m.animal.key: m.animal.label for m in intro.members},
        "today": context.today(),
    }


def history_view(context: WebContext, intro: IntroductionRecord, page: int) -> dict[str, Any]:
    """A page of the history table, newest first (the way an owner reads a log), with a
    column of clicker counts when some session has them, the chart of minutes by day, and
    for an owner who logged and changed each session, through what and when."""
    history = history_page(context.db, intro, page=page, today=context.today())
    return {
        "history": history,
        # Who logged and changed each session (the audit trail): owners only, else None.
        "audit": per_row(
            changes(context.db, {"sessions": [e.session.id for e in history.entries]}), "sessions"
        ),
        "page_size": HISTORY_PAGE_SIZE,
        "chart": minutes_chart(history.days),
    }


@router.get("/introductions", response_class=HTMLResponse)
def introduction_list(request: Request, context: Web) -> HTMLResponse:
    intros = store.list_introductions_with_advice(context.db, today=context.today())
    return context.pages.render(
        request, "introductions/list.html", {"intros": list(reversed(intros))}
    )


def _new_page(
    request: Request,
    context: WebContext,
    form: Form,
    status_code: int = 200,
    twin: IntroductionRecord | None = None,
) -> HTMLResponse:
    program = context.programs.get(form.get("program"))
    animals = list_animals(context.db)
    return context.pages.render(
        request,
        "introductions/new.html",
        {
            "form": form,
            "program": program,
            "programs": list(context.programs.values()),
            "animals": animals,
            "today": context.today(),
            "twin": twin,
        },
        status_code=status_code,
    )


@router.get("/introductions/new", response_class=HTMLResponse)
def new_introduction(request: Request, context: Web, program: str = "") -> HTMLResponse:
    form = Form(values={"program": program})
    chosen = context.programs.get(program)
    if chosen is not None:
        form.lists = {f"roles.{role}": [] for role in chosen.roles}
    return _new_page(request, context, form)


@router.post("/introductions", response_class=HTMLResponse)
async def create_introduction(request: Request, context: Web) -> Response:
    data = await request.form()
    program = context.programs.get(str(data.get("program", "")))
    roles = [f"roles.{role}" for role in (program.roles if program else ())]
    form = Form.read(data, lists=roles)
    cleared_by = form.text("cleared_by")
    try:
        if program is None:
            raise InputError("program", "choose a program")
        intro = await run_in_threadpool(
            store.start_introduction,
            context.db,
            program.id,
            {field.split(".", 1)[1]: form.lists[field] for field in roles},
            started=form.date("started"),
            notes=form.text("notes"),
            cleared_by=cleared_by,
            again=form.checked("again"),
            today=context.today(),
        )
    except RatbondError as error:
        if isinstance(error, InputError) and error.path == "cleared_by" and cleared_by is None:
            # Refused for an earlier stop: the store's words, then what to do on this form.
            error = InputError(
                "cleared_by", f'{error.message}: write who agreed in "Cleared by" and press Start.'
            )
        form.fail(error, {"started": "started", "cleared_by": "cleared_by", "again": "again"})
        twin = error.twin if isinstance(error, store.TwinError) else None
        return await run_in_threadpool(_new_page, request, context, form, 422, twin)
    return RedirectResponse(f"/introductions/{intro.key}", status_code=303)


@router.get("/introductions/{ref}", response_class=HTMLResponse)
def introduction_detail(
    request: Request,
    ref: str,
    context: Web,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
) -> HTMLResponse:
    view = introduction_view(context, ref)
    return context.pages.render(
        request,
        "introductions/detail.html",
        {
            **view,
            **history_view(context, view["intro"], page),
            "status_form": Form(),
            "shared": store.shared_with_others(context.db, ref, today=context.today()),
        },
    )


@router.post("/introductions/{ref}/status", response_class=HTMLResponse)
async def change_status(request: Request, ref: str, context: Web) -> Response:
    intro = await run_in_threadpool(find, context, ref)
    form = Form.read(await request.form())
    try:
        await run_in_threadpool(
            store.set_status, context.db, intro.key, form.get("status"), today=context.today()
        )
    except RatbondError as error:
        form.fail(error)
        view = await run_in_threadpool(introduction_view, context, intro.key)
        return context.pages.render(
            request,
            "introductions/detail.html",
            {
                **view,
                **history_view(context, view["intro"], 1),
                "status_form": form,
            },
            status_code=422,
        )
    return RedirectResponse(f"/introductions/{intro.key}", status_code=303)
