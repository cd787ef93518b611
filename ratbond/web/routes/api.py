"""The JSON API under /api/v1; `POST /advice` answers exactly as `ratbond evaluate` does."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse

from ratbond.advice import advice_answer
from ratbond.errors import InputError
from ratbond.limits import MAX_BODY_BYTES
from ratbond.scenario import parse_json, parse_scenario
from ratbond.store import animals, introductions, sessions
from ratbond.store.records import AnimalRecord, IntroductionRecord, SessionRecord, StoredAdvice
from ratbond.store.tables import INTRODUCTION_STATUSES
from ratbond.web.context import WebContext, web
from ratbond.web.errors import ApiError, user_error
from ratbond.web.schemas import (
    SCENARIO_EXAMPLE,
    SCENARIO_SCHEMA,
    AdviceOut,
    AnimalIn,
    AnimalOut,
    AnimalPatch,
    IntroductionIn,
    IntroductionOut,
    LoggedOut,
    MemberOut,
    SessionIn,
    SessionOut,
    StatusIn,
    VetCheckIn,
    VetCheckOut,
    WeightIn,
    WeightOut,
)

Responses = dict[int | str, dict[str, Any]]


def _answers(**descriptions: str) -> Responses:
    return {
        int(status.removeprefix("s")): {"model": ApiError, "description": text}
        for status, text in descriptions.items()
    }


# Answers any call can get, before or after its route: a Host the server does not serve
# (DNS rebinding), a body over the cap, a database busy or unreachable (with Retry-After).
ANY = _answers(
    s400="The Host header names no host this server serves.",
    s413=f"The request body is over {MAX_BODY_BYTES:,} bytes (or the server's configured cap).",
    s503="The database is busy or unreachable; nothing was saved. Retry after `Retry-After`.",
)
# Answers only a call that sends a body can get.
SENT = _answers(
    s403="The request came from a page of another site (its `Origin`).",
    s415="The body is not sent as application/json.",
    s422="Bad input; names the offending field.",
)
ERRORS: Responses = SENT
MISSING = _answers(s404="No animal or introduction with that id.")
QUERY = _answers(s422="A query parameter is not valid; names it.")

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ANY)
Web = Annotated[WebContext, Depends(web)]


@router.post(
    "/advice",
    summary="Advice for a scenario (the advice contract)",
    response_model=AdviceOut,
    responses=ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": SCENARIO_SCHEMA, "example": SCENARIO_EXAMPLE}
            },
        }
    },
)
async def post_advice(request: Request, context: Web) -> JSONResponse:
    """Validate the scenario in the body and return the next step, as `ratbond evaluate` prints.

    Bad input is a 422 whose `error` is the command line's message, naming the field path.
    """
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return user_error(InputError("", "the body is not UTF-8 text; send the scenario as JSON"))
    try:
        scenario = parse_scenario(
            parse_json(text), context.vocabulary, context.programs, context.today()
        )
    except InputError as error:
        return user_error(error)
    return JSONResponse(advice_answer(scenario, context.vocabulary)[1])


def animal_out(record: AnimalRecord) -> AnimalOut:
    return AnimalOut(
        id=record.key,
        species=record.species,
        name=record.name,
        sex=record.sex,
        born=record.born,
        arrived=record.arrived,
        origin=record.origin,
        prey_drive=record.prey_drive,
        markings=record.markings,
        status=record.status,
        notes=record.notes,
        health_check=record.health_check,
        version=record.version,
    )


def introduction_out(record: IntroductionRecord, advice: StoredAdvice) -> IntroductionOut:
    """The introduction as the API gives it, its status the one owners see (`shown_status`)."""
    return IntroductionOut(
        id=record.key,
        program=record.program,
        status=record.shown_status(advice),
        started=record.started,
        notes=record.notes,
        members=[
            MemberOut(role=m.role, animal=m.animal.key, name=m.animal.name) for m in record.members
        ],
    )


def session_out(record: SessionRecord) -> SessionOut:
    return SessionOut(
        id=record.id,
        seq=record.seq,
        date=record.date,
        stage=record.stage,
        minutes=record.minutes,
        supervised=record.supervised,
        signals={animal: list(names) for animal, names in record.signals.items()},
        notes=record.notes,
        attempts=record.attempts,
        rewarded=record.rewarded,
        session_class=record.session_class,
        logged_by=record.logged_by,
        # Stored as UTC without an offset (both backends alike); given with it.
        logged_at=record.logged_at.replace(tzinfo=dt.UTC),
    )


@router.get("/animals", response_model=list[AnimalOut], responses=QUERY, summary="List animals")
def get_animals(context: Web, archived: bool = False) -> list[AnimalOut]:
    return [animal_out(a) for a in animals.list_animals(context.db, include_archived=archived)]


@router.post(
    "/animals", response_model=AnimalOut, status_code=201, responses=ERRORS, summary="Add an animal"
)
def post_animal(body: AnimalIn, context: Web) -> AnimalOut:
    fields = body.model_dump(exclude={"id"})
    new = animals.NewAnimal(key=body.id, **fields)
    return animal_out(animals.add_animal(context.db, new, today=context.today()))


@router.get("/animals/{ref}", response_model=AnimalOut, responses=MISSING, summary="One animal")
def get_animal(ref: str, context: Web) -> AnimalOut:
    return animal_out(animals.get_animal(context.db, ref))


@router.patch(
    "/animals/{ref}",
    response_model=AnimalOut,
    responses={**ERRORS, **MISSING},
    summary="Change an animal",
)
def patch_animal(ref: str, body: AnimalPatch, context: Web) -> AnimalOut:
    changes = body.model_dump(exclude_unset=True)
    return animal_out(animals.edit_animal(context.db, ref, changes, today=context.today()))


@router.get(
    "/animals/{ref}/vet-checks",
    response_model=list[VetCheckOut],
    responses=MISSING,
    summary="An animal's vet checks",
)
def get_vet_checks(ref: str, context: Web) -> list[VetCheckOut]:
    return [
        VetCheckOut(id=c.id, date=c.date, vet=c.vet, findings=c.findings)
        for c in animals.list_vet_checks(context.db, ref)
    ]


@router.post(
    "/animals/{ref}/vet-checks",
    response_model=VetCheckOut,
    status_code=201,
    responses={**ERRORS, **MISSING},
    summary="Record a vet check",
)
def post_vet_check(ref: str, body: VetCheckIn, context: Web) -> VetCheckOut:
    check = animals.add_vet_check(
        context.db,
        ref,
        body.date,
        vet=body.vet,
        findings=body.findings,
        today=context.today(),
    )
    return VetCheckOut(id=check.id, date=check.date, vet=check.vet, findings=check.findings)


@router.get(
    "/animals/{ref}/weights",
    response_model=list[WeightOut],
    responses=MISSING,
    summary="An animal's weighings",
)
def get_weights(ref: str, context: Web) -> list[WeightOut]:
    return [
        WeightOut(id=w.id, date=w.date, grams=w.grams)
        for w in animals.list_weights(context.db, ref)
    ]


@router.post(
    "/animals/{ref}/weights",
    response_model=WeightOut,
    status_code=201,
    responses={**ERRORS, **MISSING},
    summary="Record a weighing",
)
def post_weight(ref: str, body: WeightIn, context: Web) -> WeightOut:
    weight = animals.add_weight(context.db, ref, body.grams, body.date, today=context.today())
    return WeightOut(id=weight.id, date=weight.date, grams=weight.grams)


@router.get(
    "/introductions",
    response_model=list[IntroductionOut],
    responses=QUERY,
    summary="List introductions",
)
def get_introductions(
    context: Web,
    status: Literal[INTRODUCTION_STATUSES] | None = None,  # type: ignore[valid-type]
) -> list[IntroductionOut]:
    return [
        introduction_out(intro, advice)
        for intro, advice in introductions.list_introductions_with_advice(
            context.db, status=status, today=context.today()
        )
    ]


@router.post(
    "/introductions",
    response_model=IntroductionOut,
    status_code=201,
    responses=ERRORS,
    summary="Start an introduction",
)
def post_introduction(body: IntroductionIn, context: Web) -> IntroductionOut:
    try:
        record = introductions.start_introduction(
            context.db,
            body.program,
            body.roles,
            key=body.id,
            started=body.started,
            notes=body.notes,
            cleared_by=body.cleared_by,
            again=body.again,
            today=context.today(),
        )
    except InputError as error:
        if error.path == "cleared_by" and body.cleared_by is None:
            # Refused for an earlier stop: the store's words, then what to send.
            raise InputError(
                "cleared_by", f"{error.message}: send `cleared_by` naming who agreed."
            ) from None
        raise
    return introduction_out(
        *introductions.get_advice(context.db, record.key, today=context.today())
    )


@router.get(
    "/introductions/{ref}",
    response_model=IntroductionOut,
    responses=MISSING,
    summary="One introduction",
)
def get_introduction(ref: str, context: Web) -> IntroductionOut:
    return introduction_out(*introductions.get_advice(context.db, ref, today=context.today()))


@router.post(
    "/introductions/{ref}/status",
    response_model=IntroductionOut,
    responses={**ERRORS, **MISSING},
    summary="Pause, resume, stop or complete an introduction",
)
def post_status(ref: str, body: StatusIn, context: Web) -> IntroductionOut:
    record = introductions.set_status(context.db, ref, body.status, today=context.today())
    return introduction_out(
        *introductions.get_advice(context.db, record.key, today=context.today())
    )


@router.get(
    "/introductions/{ref}/advice",
    response_model=AdviceOut,
    responses=MISSING,
    summary="An introduction's current advice",
)
def get_introduction_advice(ref: str, context: Web) -> JSONResponse:
    _, stored = introductions.get_advice(context.db, ref, today=context.today())
    return JSONResponse(stored.payload)


@router.get(
    "/introductions/{ref}/sessions",
    response_model=list[SessionOut],
    responses=MISSING,
    summary="An introduction's sessions, oldest first",
)
def get_sessions(ref: str, context: Web) -> list[SessionOut]:
    _, records = sessions.list_sessions(context.db, ref)
    return [session_out(s) for s in records]


@router.post(
    "/introductions/{ref}/sessions",
    response_model=LoggedOut,
    status_code=201,
    responses={**ERRORS, **MISSING},
    summary="Log a session and get the new advice",
)
def post_session(
    ref: str,
    body: SessionIn,
    context: Web,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="A new random key (a UUID) for each new session: a request sent "
            "again with the same key (a retry after a lost answer) logs nothing more and "
            "answers with the session the first one logged (`repeated`).",
        ),
    ] = None,
) -> LoggedOut:
    new = sessions.NewSession(**body.model_dump(), submission=idempotency_key)
    with context.writing():
        logged = sessions.log_session(context.db, ref, new, today=context.today())
    return LoggedOut(
        session=session_out(logged.session),
        advice=AdviceOut.model_validate(logged.advice.to_json()),
        advised_day=logged.early,
        pacing_warning=logged.pacing_warning,
        repeated=logged.repeated,
    )
