"""Care pages: cage check, food, signs, ask, the free-roam checklist that records, the trust
chart, the grooming and health log, and the recurring care tasks."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ratbond.care.ask import ask
from ratbond.care.behaviour import find_signs
from ratbond.care.cage import check_cage
from ratbond.care.food import lookup_food
from ratbond.care.freeroam import free_roam_checklist
from ratbond.care.knowledge import builtin_cage_rules, builtin_care_tasks, builtin_foods
from ratbond.care.routine import find_task, group_tasks
from ratbond.care.trust import TrustWeek, trust_trend
from ratbond.errors import InputError, NotFound, RatbondError
from ratbond.store import animals as store_animals
from ratbond.store import care as store
from ratbond.store.animals import list_animals
from ratbond.web.context import WebContext, web
from ratbond.web.forms import Form

router = APIRouter(include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
# Where a "done" button may send the owner back to.
RETURN_TO = frozenset({"/", "/care"})
TRUST_WEEKS = 12


def care_summary(context: WebContext, day: dt.date) -> dict[str, Any]:
    """What the Today page and the care page show: alerts and the tasks, one card per task."""
    plan = store.care_plan(context.db, today=day)
    cards = group_tasks(plan.tasks)
    return {
        "care_alerts": plan.alerts,
        "care_cards": cards,
        "care_pressing": any(card.status != "later" for card in cards),
    }


def _page_error(error: RatbondError) -> HTTPException:
    """An animal that cannot be shown: 404 when it does not exist, 422 (naming the field) when
    it cannot have this record (a cat on a rat-only page, an archived animal)."""
    if isinstance(error, NotFound):
        return HTTPException(404, error.message)
    return HTTPException(422, str(error))


def _rats(context: WebContext) -> list[Any]:
    return list_animals(context.db, species="rat")


# --- hub and tasks ------------------------------------------------------------------------


@router.get("/care", response_class=HTMLResponse)
def care_index(request: Request, context: Web) -> HTMLResponse:
    day = context.today()
    return context.pages.render(
        request, "care/index.html", {"today": day, **care_summary(context, day)}
    )


@router.post("/care/tasks/{task}/done", response_class=HTMLResponse)
async def task_done(request: Request, task: str, context: Web) -> Response:
    form = Form.read(await request.form(), lists=("animal",))
    back = form.get("next") if form.get("next") in RETURN_TO else "/care"
    try:
        found = find_task(task)
        await context.write_from_loop(
            store.mark_done,
            context.db,
            found.id,
            [a for a in form.lists.get("animal", []) if a],
            date=form.date("date"),
            notes=form.text("notes"),
            today=context.today(),
        )
    except RatbondError as error:
        day = context.today()
        return context.pages.render(
            request,
            "care/index.html",
            {"today": day, **care_summary(context, day), "task_error": str(error)},
            status_code=422,
        )
    return RedirectResponse(f"{back}#care", status_code=303)


# --- cage, food, signs, ask ---------------------------------------------------------------


CAGE_NUMBERS = ("length", "width", "height", "bar_spacing")


@router.get("/care/cage", response_class=HTMLResponse)
def cage_form(request: Request, context: Web) -> HTMLResponse:
    form = Form(values={"unit": "cm", "rats": "2"})
    return context.pages.render(request, "care/cage.html", _cage_context(form, None))


def _cage_context(form: Form, verdict: Any) -> dict[str, Any]:
    return {"form": form, "verdict": verdict, "checklist": builtin_cage_rules().checklist}


@router.post("/care/cage", response_class=HTMLResponse)
async def cage_check(request: Request, context: Web) -> HTMLResponse:
    form = Form.read(await request.form())
    rules = builtin_cage_rules()
    try:
        numbers = {name: form.number(name) for name in CAGE_NUMBERS}
        for name in ("length", "width", "height"):
            if numbers[name] is None:
                raise InputError(name, "give the inside measurement")
        rats = form.number("rats", "a number of rats")
        levels = form.number("levels", "a number of levels")
        if rats is None or rats != int(rats):
            raise InputError("rats", "give how many rats, as a whole number")
        if levels is not None and levels != int(levels):
            raise InputError("levels", "give the levels as a whole number")
        answers: dict[str, bool | None] = {
            item.id: {"yes": True, "no": False}.get(form.get(item.id)) for item in rules.checklist
        }
        verdict = check_cage(
            length=numbers["length"] or 0,
            width=numbers["width"] or 0,
            height=numbers["height"] or 0,
            unit=form.get("unit") or "cm",
            rats=int(rats),
            levels=int(levels) if levels is not None else None,
            bar_spacing=numbers["bar_spacing"],
            answers=answers,
            rules=rules,
        )
    except RatbondError as error:
        form.fail(error)
        return context.pages.render(
            request, "care/cage.html", _cage_context(form, None), status_code=422
        )
    return context.pages.render(request, "care/cage.html", _cage_context(form, verdict))


def _under_search_box(error: RatbondError) -> InputError:
    """A lookup's error, to show under its search box (the form's `q`)."""
    return InputError("q", error.message if isinstance(error, InputError) else str(error))


@router.get("/care/food", response_class=HTMLResponse)
def food(request: Request, context: Web, q: str = "") -> HTMLResponse:
    form = Form(values={"q": q.strip()})
    answer = None
    status = 200
    if form.get("q"):
        try:
            answer = lookup_food(form.get("q"))
        except RatbondError as error:
            form.fail(_under_search_box(error))
            status = 422
    return context.pages.render(
        request,
        "care/food.html",
        {"form": form, "answer": answer, "foods": builtin_foods().foods},
        status_code=status,
    )


@router.get("/care/signs", response_class=HTMLResponse)
def signs(request: Request, context: Web, q: str = "") -> HTMLResponse:
    form = Form(values={"q": q.strip()})
    status = 200
    try:
        answer = find_signs(form.get("q"))
    except RatbondError as error:
        form.fail(_under_search_box(error))
        answer = find_signs()
        status = 422
    topics = find_signs().topics
    return context.pages.render(
        request,
        "care/signs.html",
        {"form": form, "answer": answer, "all_topics": topics},
        status_code=status,
    )


@router.get("/care/ask", response_class=HTMLResponse)
def ask_page(request: Request, context: Web, q: str = "") -> HTMLResponse:
    form = Form(values={"q": q.strip()})
    result = None
    status = 200
    if "q" in request.query_params:
        try:
            result = ask(form.get("q"))
        except RatbondError as error:
            form.fail(_under_search_box(error))
            status = 422
    return context.pages.render(
        request, "care/ask.html", {"form": form, "result": result}, status_code=status
    )


# --- free roam ----------------------------------------------------------------------------


def _freeroam(
    request: Request,
    context: WebContext,
    form: Form,
    saved: store.FreeRoamRecord | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    return context.pages.render(
        request,
        "care/freeroam.html",
        {
            "form": form,
            "checklist": free_roam_checklist(),
            "records": store.list_free_roam(context.db, limit=20),
            "saved": saved,
            "today": context.today(),
        },
        status_code=status_code,
    )


@router.get("/care/freeroam", response_class=HTMLResponse)
def freeroam_form(request: Request, context: Web, saved: int | None = None) -> HTMLResponse:
    record = None
    if saved is not None:
        record = next((r for r in store.list_free_roam(context.db) if r.id == saved), None)
    form = Form(values={"date": context.today().isoformat()})
    return _freeroam(request, context, form, record)


@router.post("/care/freeroam", response_class=HTMLResponse)
async def freeroam_record(request: Request, context: Web) -> Response:
    form = Form.read(await request.form())
    checklist = free_roam_checklist()
    answers: dict[str, bool | None] = {}
    for item in checklist.items:
        answers[item.id] = {"yes": True, "no": False}.get(form.get(item.id))
    try:
        record = await context.write_from_loop(
            store.record_free_roam,
            context.db,
            answers,
            date=form.date("date"),
            checked_by=form.text("checked_by"),
            notes=form.text("notes"),
            today=context.today(),
        )
    except RatbondError as error:
        fields = {f"answers.{item.id}": item.id for item in checklist.items}
        form.fail(error, {**fields, "by": "checked_by"})
        return await run_in_threadpool(_freeroam, request, context, form, None, 422)
    return RedirectResponse(f"/care/freeroam?saved={record.id}#result", status_code=303)


# --- trust --------------------------------------------------------------------------------


def trust_chart(label: str, weeks: list[TrustWeek]) -> dict[str, Any] | None:
    """Bars of the weekly trust score with a line of how many signs were seen."""
    if not weeks:
        return None
    return {
        "type": "bar",
        "data": {
            "labels": [w.start.strftime("%-d %b") for w in weeks],
            "datasets": [
                {
                    "type": "bar",
                    "label": "trust score",
                    "data": [w.score for w in weeks],
                    "backgroundColor": "#2f8f5b",
                    "borderRadius": 4,
                    "yAxisID": "y",
                },
                {
                    "type": "line",
                    "label": "signs seen",
                    "data": [w.count for w in weeks],
                    "borderColor": "#1f5f99",
                    "backgroundColor": "#1f5f99",
                    "tension": 0.2,
                    "pointRadius": 3,
                    "yAxisID": "y",
                },
            ],
        },
        "options": {
            "plugins": {
                "legend": {"position": "bottom"},
                "title": {"display": True, "text": f"{label}: trust signs per week"},
            },
            "scales": {
                "x": {"ticks": {"maxRotation": 0, "autoSkip": True}},
                "y": {"beginAtZero": True, "ticks": {"precision": 0}},
            },
        },
    }


def _trust(
    request: Request,
    context: WebContext,
    ref: str | None,
    form: Form | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    rats = _rats(context)
    day = context.today()
    rat = None
    weeks: list[TrustWeek] = []
    recent: list[Any] = []
    if ref is not None:
        try:
            rat, seen = store.list_trust(context.db, ref)
        except RatbondError as error:
            raise _page_error(error) from None
        weeks = trust_trend([(s.date, s.sign) for s in seen], day, weeks=TRUST_WEEKS)
        recent = list(reversed(seen))[:15]
    care = builtin_care_tasks()
    return context.pages.render(
        request,
        "care/trust.html",
        {
            "rats": rats,
            "rat": rat,
            "weeks": weeks if any(w.count for w in weeks) else [],
            "chart": trust_chart(rat.label, weeks) if rat and any(w.count for w in weeks) else None,
            "recent": recent,
            "signs": care.trust_signs,
            "sign_titles": {s.id: s.title for s in care.trust_signs},
            "form": form or Form(values={"date": day.isoformat()}),
            "today": day,
        },
        status_code=status_code,
    )


@router.get("/care/trust", response_class=HTMLResponse)
def trust_index(request: Request, context: Web, rat: str = "") -> Response:
    if rat:
        return RedirectResponse(f"/care/trust/{rat}", status_code=303)
    rats = _rats(context)
    if len(rats) == 1:
        return RedirectResponse(f"/care/trust/{rats[0].key}", status_code=303)
    return _trust(request, context, None)


@router.get("/care/trust/{ref}", response_class=HTMLResponse)
def trust_page(request: Request, ref: str, context: Web) -> HTMLResponse:
    return _trust(request, context, ref)


@router.post("/care/trust/{ref}", response_class=HTMLResponse)
async def trust_log(request: Request, ref: str, context: Web) -> Response:
    form = Form.read(await request.form(), lists=("sign",))
    try:
        rows = await context.write_from_loop(
            store.log_trust,
            context.db,
            ref,
            form.lists.get("sign", []),
            date=form.date("date"),
            notes=form.text("notes"),
            today=context.today(),
        )
    except RatbondError as error:
        if isinstance(error, InputError) and error.path == "animal":
            raise _page_error(error) from None
        form.fail(error, {"sign": "sign"})
        return await run_in_threadpool(_trust, request, context, ref, form, 422)
    del rows
    return RedirectResponse(f"/care/trust/{ref}", status_code=303)


# --- grooming -----------------------------------------------------------------------------


def _groom(
    request: Request,
    context: WebContext,
    form: Form,
    status_code: int = 200,
    read: tuple[str, ...] = (),
) -> HTMLResponse:
    care = builtin_care_tasks()
    day = context.today()
    records = store.list_grooming(context.db)[:20]
    rats = _rats(context)
    return context.pages.render(
        request,
        "care/groom.html",
        {
            "form": form,
            "rats": rats,
            "rat_options": [("", "— choose"), *((r.key, r.label) for r in rats)],
            "findings": care.findings,
            "finding_titles": {f.id: f.title for f in care.findings},
            "finding_advice": care.finding_advice.text,
            "read_findings": read,
            "records": records,
            "today": day,
            **care_summary(context, day),
        },
        status_code=status_code,
    )


@router.get("/care/groom", response_class=HTMLResponse)
def groom_form(request: Request, context: Web, rat: str = "") -> HTMLResponse:
    form = Form(values={"date": context.today().isoformat(), "animal": rat})
    return _groom(request, context, form)


def _notes_fingerprint(notes: str) -> str:
    """Which notes the owner reviewed the findings of (so a changed note is read again)."""
    return hashlib.sha256(notes.encode("utf-8")).hexdigest()[:16]


def _unreviewed_findings(context: WebContext, form: Form) -> list[str]:
    """Findings the notes describe that the owner has not yet seen ticked: empty when the
    notes were reviewed as they stand, or say nothing that is not ticked already."""
    from ratbond.care.grooming import read_grooming_note

    notes = form.text("notes") or ""
    if not notes or form.get("reviewed") == _notes_fingerprint(notes):
        return []
    rat = store_animals.get_animal(context.db, form.get("animal")).to_model()
    ticked = set(form.lists.get("finding", []))
    return [
        item.finding.id for item in read_grooming_note(notes, rat) if item.finding.id not in ticked
    ]


@router.post("/care/groom", response_class=HTMLResponse)
async def groom_log(request: Request, context: Web) -> Response:
    form = Form.read(await request.form(), lists=("finding",))
    try:
        if not form.get("animal"):
            raise InputError("animal", "choose the rat you groomed")
        read = await run_in_threadpool(_unreviewed_findings, context, form)
        if read:
            # Shown ticked for review; saving again records what stays ticked.
            form.lists["finding"] = [*form.lists.get("finding", []), *read]
            form.values["reviewed"] = _notes_fingerprint(form.text("notes") or "")
            return await run_in_threadpool(_groom, request, context, form, 200, tuple(read))
        await context.write_from_loop(
            store.log_grooming,
            context.db,
            form.get("animal"),
            form.lists.get("finding", []),
            date=form.date("date"),
            notes=form.text("notes"),
            today=context.today(),
        )
    except RatbondError as error:
        form.fail(error, {"finding": "finding"})
        return await run_in_threadpool(_groom, request, context, form, 422)
    return RedirectResponse("/care/groom", status_code=303)


__all__ = ["care_summary", "router"]
