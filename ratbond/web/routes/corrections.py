"""Correcting and withdrawing a logged session on the web, as `ratbond fix` and `ratbond unlog`
do: a page per session (reached from the introduction's history) with its fields to edit and
a withdraw form that asks for confirmation. The earlier version is kept; the advice follows.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ratbond.errors import InputError, RatbondError
from ratbond.store.records import IntroductionRecord, SessionRecord
from ratbond.store.sessions import EDITABLE, delete_session, edit_session, get_session
from ratbond.web.context import WebContext, web
from ratbond.web.forms import Form
from ratbond.web.routes.sessions import (
    FIELD_OF_PATH,
    SIGNAL_FIELD,
    SUPERVISED_FIELD,
    read_session,
    signal_boards,
    training_stage,
)
from ratbond.web.templating import minutes_value

router = APIRouter(include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
CONFIRM_FIELD = "confirm"
"""The withdraw form's checkbox: the owner says the session was logged by mistake."""
CLEARED_FIELD = "cleared_by"
"""Who agreed that a danger may be taken back (the store's rule, as `--cleared-by`)."""


def session_form(session: SessionRecord) -> Form:
    """The correction form as it opens: the session as it is stored."""
    return Form(
        values={
            "date": session.date.isoformat(),
            "stage": session.stage,
            "minutes": minutes_value(session.minutes) if session.minutes is not None else "",
            SUPERVISED_FIELD: "on" if session.supervised else "",
            "notes": session.notes or "",
            "attempts": "" if session.attempts is None else str(session.attempts),
            "rewarded": "" if session.rewarded is None else str(session.rewarded),
        },
        lists={
            SIGNAL_FIELD: [
                f"{animal}:{name}" for animal, names in session.signals.items() for name in names
            ]
        },
    )


def _page(
    request: Request,
    context: WebContext,
    intro: IntroductionRecord,
    session: SessionRecord,
    form: Form,
    withdraw: Form | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    program = context.programs[intro.program]
    values: dict[str, Any] = {
        "intro": intro,
        "session": session,
        "form": form,
        "withdraw": withdraw or Form(),
        "today": context.today(),
        "stage_options": [(s.id, f"{s.title} ({s.id})") for s in program.stages],
        "training_stage": training_stage(program, form.get("stage")),
        "signal_boards": signal_boards(context, program, intro.members, form.lists[SIGNAL_FIELD]),
        "confirm_field": CONFIRM_FIELD,
        "cleared_field": CLEARED_FIELD,
    }
    return context.pages.render(request, "sessions/edit.html", values, status_code=status_code)


@router.get("/introductions/{ref}/sessions/{number}/edit", response_class=HTMLResponse)
async def correction_form(request: Request, ref: str, number: int, context: Web) -> HTMLResponse:
    intro, session = await context.read_from_loop(get_session, context.db, ref, number)
    return _page(request, context, intro, session, session_form(session))


@router.post("/introductions/{ref}/sessions/{number}/edit", response_class=HTMLResponse)
async def correct_session(request: Request, ref: str, number: int, context: Web) -> Response:
    form = Form.read(await request.form(), lists=[SIGNAL_FIELD])
    intro, session = await context.read_from_loop(get_session, context.db, ref, number)
    try:
        new = read_session(form, context.today())
        changes = {name: getattr(new, name) for name in EDITABLE}
        await context.write_from_loop(
            edit_session,
            context.db,
            session.id,
            changes,
            today=context.today(),
            cleared_by=form.text(CLEARED_FIELD),
        )
    except RatbondError as error:
        form.fail(error, {**FIELD_OF_PATH, CLEARED_FIELD: CLEARED_FIELD})
        return _page(request, context, intro, session, form, status_code=422)
    return RedirectResponse(f"/introductions/{intro.key}", status_code=303)


@router.post("/introductions/{ref}/sessions/{number}/withdraw", response_class=HTMLResponse)
async def withdraw_session(request: Request, ref: str, number: int, context: Web) -> Response:
    withdraw = Form.read(await request.form())
    intro, session = await context.read_from_loop(get_session, context.db, ref, number)
    try:
        if not withdraw.checked(CONFIRM_FIELD):
            raise InputError(
                CONFIRM_FIELD, "tick the box to confirm that this session was logged by mistake"
            )
        await context.write_from_loop(
            delete_session,
            context.db,
            session.id,
            today=context.today(),
            cleared_by=withdraw.text(CLEARED_FIELD),
        )
    except RatbondError as error:
        withdraw.fail(error, {CONFIRM_FIELD: CONFIRM_FIELD, CLEARED_FIELD: CLEARED_FIELD})
        return _page(request, context, intro, session, session_form(session), withdraw, 422)
    return RedirectResponse(f"/introductions/{intro.key}", status_code=303)
