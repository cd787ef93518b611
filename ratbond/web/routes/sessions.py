"""Logging a session at the cage: timer, signal taps, notes; the new advice comes back in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ratbond.errors import InputError, RatbondError
from ratbond.model import Program, Signal, SignalClass
from ratbond.store.records import Member
from ratbond.store.sessions import Logged, NewSession, log_session
from ratbond.web.context import WebContext, web
from ratbond.web.forms import Form
from ratbond.web.routes.introductions import introduction_view
from ratbond.web.routes.programs import signals_by_class
from ratbond.web.templating import minutes_value

router = APIRouter(include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
SIGNAL_FIELD = "signal"
SUPERVISED_FIELD = "supervised"
# Store error paths and the form field each is about.
FIELD_OF_PATH = {
    "signals": SIGNAL_FIELD,
    **{name: name for name in ("date", "stage", "minutes", "notes", SUPERVISED_FIELD)},
}


@dataclass(frozen=True)
class SignalBoard:
    """The tap targets for one animal: its species' signals grouped by class in this program."""

    member: Member
    groups: list[tuple[SignalClass, list[tuple[str, Signal]]]]


def boards(context: WebContext, program: Program, members: tuple[Member, ...]) -> list[SignalBoard]:
    return [
        SignalBoard(member, signals_by_class(context, program, member.animal.species))
        for member in members
    ]


def blank_form(view: dict[str, Any]) -> Form:
    """The log form as it opens: today, the advised stage and minutes, supervised."""
    advice = view["advice"]
    return Form(
        values={
            "date": view["today"].isoformat(),
            "stage": advice.stage,
            "minutes": minutes_value(advice.minutes),
            SUPERVISED_FIELD: "on",
            "notes": "",
        },
        lists={SIGNAL_FIELD: []},
    )


def read_session(form: Form) -> NewSession:
    """The session the owner described; raises InputError naming the first bad field.

    Signals arrive as `animal:signal` pairs; the store checks the animals and signals."""
    signals: dict[str, list[str]] = {}
    for value in form.lists[SIGNAL_FIELD]:
        animal, _, name = value.partition(":")
        if not animal or not name:
            raise InputError("signals", f"'{value}' is not a signal of this introduction")
        signals.setdefault(animal, []).append(name)
    return NewSession(
        stage=form.get("stage"),
        date=form.date("date"),
        minutes=form.number("minutes", "a number of minutes"),
        supervised=form.checked(SUPERVISED_FIELD),
        signals=signals,
        notes=form.text("notes"),
    )


def logged_view(context: WebContext, logged: Logged) -> dict[str, Any]:
    """What the panel shows after a save, from the store's answer alone (no second read)."""
    intro = logged.introduction
    program = context.programs[intro.program]
    advice = logged.advice
    return {
        "intro": intro,
        "advice": advice,
        "program": program,
        "stage": program.stages[program.stage_index(advice.stage)],
        "today": context.today(),
    }


def _render(
    request: Request,
    context: WebContext,
    view: dict[str, Any],
    form: Form,
    logged: Logged | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    htmx = request.headers.get("hx-request") == "true"
    return context.pages.render(
        request,
        "sessions/panel.html" if htmx else "sessions/log.html",
        {
            **view,
            "form": form,
            "logged": logged,
            "boards": boards(context, view["program"], view["intro"].members),
            "stage_options": [(s.id, f"{s.title} ({s.id})") for s in view["program"].stages],
        },
        status_code=status_code,
    )


@router.get("/introductions/{ref}/log", response_class=HTMLResponse)
def log_form(request: Request, ref: str, context: Web) -> HTMLResponse:
    view = introduction_view(context, ref)
    return _render(request, context, view, blank_form(view))


@router.post("/introductions/{ref}/sessions", response_class=HTMLResponse)
async def save_session(request: Request, ref: str, context: Web) -> Response:
    form = Form.read(await request.form(), lists=[SIGNAL_FIELD])
    try:
        new = read_session(form)
        logged = await run_in_threadpool(
            context.write, log_session, context.db, ref, new, today=context.today()
        )
    except RatbondError as error:
        # The page is shown again as it was, with the error by its field: read it now.
        view = await run_in_threadpool(introduction_view, context, ref)
        form.fail(error, FIELD_OF_PATH)
        return _render(request, context, view, form, status_code=422)
    key = logged.introduction.key
    if request.headers.get("hx-request") != "true":
        return RedirectResponse(f"/introductions/{key}", status_code=303)
    view = logged_view(context, logged)
    return _render(request, context, view, blank_form(view), logged)
