"""Animal pages: the list, one animal with its health alerts, vet checks, weight chart and
grooming log, add and edit forms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ratbond.care.health import weight_loss
from ratbond.care.knowledge import builtin_care_tasks
from ratbond.errors import InputError, RatbondError
from ratbond.store import animals as store
from ratbond.store.audit import changes
from ratbond.store.care import list_grooming
from ratbond.store.care_plan import care_plan
from ratbond.store.introductions import list_introductions
from ratbond.store.records import AnimalRecord, Weight
from ratbond.web.charts import weight_chart
from ratbond.web.context import WebContext, web
from ratbond.web.forms import Form

router = APIRouter(include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]

ANIMAL_FIELDS = (
    "name",
    "key",
    "species",
    "sex",
    "born",
    "arrived",
    "origin",
    "prey_drive",
    "markings",
    "notes",
)
# Store error paths that belong to another form field.
FIELD_OF_PATH = {"id": "key", **{name: name for name in ANIMAL_FIELDS}}


def animal_form(record: AnimalRecord) -> Form:
    """An edit form filled with the animal as stored."""
    values: dict[str, str] = {}
    for name in ANIMAL_FIELDS:
        value = getattr(record, name)
        values[name] = "" if value is None else str(value)
    return Form(values=values)


def _fields(form: Form) -> dict[str, Any]:
    """The typed values of an animal form; raises InputError naming the first bad field."""
    species = form.get("species")
    return {
        "species": species,
        "name": form.text("name"),
        "sex": form.text("sex"),
        "born": form.date("born"),
        "arrived": form.date("arrived"),
        "origin": form.text("origin"),
        "prey_drive": form.text("prey_drive") if species == "cat" else None,
        "markings": form.text("markings"),
        "notes": form.text("notes"),
    }


@router.get("/animals", response_class=HTMLResponse)
def animal_list(request: Request, context: Web, archived: bool = False) -> HTMLResponse:
    animals = store.list_animals(context.db, include_archived=archived)
    return context.pages.render(
        request, "animals/list.html", {"animals": animals, "archived": archived}
    )


@router.get("/animals/new", response_class=HTMLResponse)
def new_animal(request: Request, context: Web, species: str = "") -> HTMLResponse:
    form = Form(values={"species": species if species in ("cat", "rat") else ""})
    return context.pages.render(request, "animals/form.html", {"form": form, "animal": None})


@router.post("/animals", response_class=HTMLResponse)
async def create_animal(request: Request, context: Web) -> Response:
    form = Form.read(await request.form())
    try:
        fields = _fields(form)
        record = await run_in_threadpool(
            store.add_animal,
            context.db,
            store.NewAnimal(key=form.text("key"), **fields),
            today=context.today(),
        )
    except RatbondError as error:
        form.fail(error, FIELD_OF_PATH)
        return context.pages.render(
            request, "animals/form.html", {"form": form, "animal": None}, status_code=422
        )
    return RedirectResponse(f"/animals/{record.key}", status_code=303)


def _find(context: WebContext, ref: str) -> AnimalRecord:
    return store.get_animal(context.db, ref)


@dataclass(frozen=True)
class Weighed:
    """A weighing just saved, as the form's answer says it: the change since the weighing
    before, and a loss to see a vet about at once (as `ratbond weigh` says it)."""

    weight: Weight
    change: float | None
    since: dt.date | None
    loss: str | None


def weighed(animal: AnimalRecord, weights: list[Weight], weight_id: int | None) -> Weighed | None:
    """The answer to saving weighing `weight_id` (None when it is not one of `weights`)."""
    index = next((i for i, w in enumerate(weights) if w.id == weight_id), None)
    if index is None:
        return None
    before = weights[index - 1] if index else None
    loss = weight_loss((w.date, w.grams) for w in weights)
    return Weighed(
        weight=weights[index],
        change=None if before is None else weights[index].grams - before.grams,
        since=None if before is None else before.date,
        loss=None if loss is None else loss.text(animal.label),
    )


def _detail(
    request: Request,
    context: WebContext,
    ref: str,
    forms: dict[str, Form] | None = None,
    status_code: int = 200,
    weight_id: int | None = None,
) -> HTMLResponse:
    animal = _find(context, ref)
    checks = store.list_vet_checks(context.db, animal.key)
    weights = store.list_weights(context.db, animal.key)
    intros = [
        intro
        for intro in list_introductions(context.db)
        if any(member.animal.id == animal.id for member in intro.members)
    ]
    today = context.today()
    forms = forms or {}
    # The household's care plan is the one home of the health alerts; this page shows its own.
    alerts = [
        alert for alert in care_plan(context.db, today=today).alerts if alert.animal == animal.key
    ]
    return context.pages.render(
        request,
        "animals/detail.html",
        {
            "animal": animal,
            "health_alerts": alerts,
            "groomings": list_grooming(context.db, animal.key),
            "finding_titles": {f.id: f.title for f in builtin_care_tasks().findings},
            "checks": list(reversed(checks)),
            "weights": list(reversed(weights)),
            "chart": weight_chart(animal, weights),
            "intros": intros,
            "check_age": (today - animal.health_check).days if animal.health_check else None,
            "vet_form": forms.get("vet", Form(values={"date": today.isoformat()})),
            "weight_form": forms.get("weight", Form(values={"date": today.isoformat()})),
            "weighed": weighed(animal, weights, weight_id),
            "archive_form": forms.get("archive", Form()),
            "today": today,
            # Who added and changed the animal, its vet checks and weights (owners only).
            "changes": changes(
                context.db,
                {
                    "animals": [animal.id],
                    "vet_checks": [check.id for check in checks],
                    "weights": [weight.id for weight in weights],
                },
            ),
        },
        status_code=status_code,
    )


@router.get("/animals/{ref}", response_class=HTMLResponse)
def animal_detail(
    request: Request,
    ref: str,
    context: Web,
    weighed: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> HTMLResponse:
    return _detail(request, context, ref, weight_id=weighed)


@router.get("/animals/{ref}/edit", response_class=HTMLResponse)
def edit_animal_form(request: Request, ref: str, context: Web) -> HTMLResponse:
    animal = _find(context, ref)
    return context.pages.render(
        request, "animals/form.html", {"form": animal_form(animal), "animal": animal}
    )


@router.post("/animals/{ref}", response_class=HTMLResponse)
async def edit_animal(request: Request, ref: str, context: Web) -> Response:
    animal = await run_in_threadpool(_find, context, ref)
    form = Form.read(await request.form())
    form.values["key"] = animal.key
    try:
        changes = _fields(form)
        await run_in_threadpool(
            store.edit_animal, context.db, animal.key, changes, today=context.today()
        )
    except RatbondError as error:
        form.fail(error, FIELD_OF_PATH)
        return context.pages.render(
            request, "animals/form.html", {"form": form, "animal": animal}, status_code=422
        )
    return RedirectResponse(f"/animals/{animal.key}", status_code=303)


@router.post("/animals/{ref}/vet-checks", response_class=HTMLResponse)
async def add_vet_check(request: Request, ref: str, context: Web) -> Response:
    animal = await run_in_threadpool(_find, context, ref)
    form = Form.read(await request.form())
    try:
        date = form.date("date")
        if date is None:
            raise InputError("date", "give the date of the vet check")
        await run_in_threadpool(
            store.add_vet_check,
            context.db,
            animal.key,
            date,
            vet=form.text("vet"),
            findings=form.text("findings"),
            today=context.today(),
        )
    except RatbondError as error:
        form.fail(error, {name: name for name in ("date", "vet", "findings")})
        return await run_in_threadpool(_detail, request, context, ref, {"vet": form}, 422)
    return RedirectResponse(f"/animals/{animal.key}#vet-checks", status_code=303)


@router.post("/animals/{ref}/weights", response_class=HTMLResponse)
async def add_weight(request: Request, ref: str, context: Web) -> Response:
    animal = await run_in_threadpool(_find, context, ref)
    form = Form.read(await request.form())
    try:
        typed = form.text("grams")
        if typed is None:
            raise InputError("grams", "give the weight in grams")
        added = await run_in_threadpool(
            store.add_weight,
            context.db,
            animal.key,
            store.parse_weight(typed),
            form.date("date"),
            today=context.today(),
        )
    except RatbondError as error:
        form.fail(error, {"grams": "grams", "date": "date"})
        return await run_in_threadpool(_detail, request, context, ref, {"weight": form}, 422)
    # The page says at once what was saved and any loss to see a vet about, by the form.
    return RedirectResponse(f"/animals/{animal.key}?weighed={added.id}#weighed", status_code=303)


@router.post("/animals/{ref}/archive", response_class=HTMLResponse)
async def archive_animal(request: Request, ref: str, context: Web) -> Response:
    animal = await run_in_threadpool(_find, context, ref)
    form = Form.read(await request.form())
    try:
        await run_in_threadpool(
            store.archive_animal,
            context.db,
            animal.key,
            form.get("status"),
            today=context.today(),
        )
    except RatbondError as error:
        form.fail(error)
        return await run_in_threadpool(_detail, request, context, ref, {"archive": form}, 422)
    return RedirectResponse(f"/animals/{animal.key}", status_code=303)
