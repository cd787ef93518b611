"""Logging a session at the cage: timer, signal taps, notes; the new advice comes back in place.

While the owner types notes, `notes-preview` shows what the reader understood (each phrase
highlighted, a checkbox per signal). Saving with a preview of the same text merges the signals
still checked into each animal's ticked list, so an unticked calm or stress reading is gone for
good; danger read from the notes is always kept (see docs/notes.md, *ticked ones win*).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from ratbond.counted import notes_counted
from ratbond.engine import class_table
from ratbond.errors import InputError, RatbondError
from ratbond.model import Program, Signal, SignalClass, Stage
from ratbond.notes.review import Reading, note_readings, signals_by_class, ticked_after_review
from ratbond.store.introductions import get_introduction
from ratbond.store.records import IntroductionRecord, Member
from ratbond.store.sessions import Logged, NewSession, log_session
from ratbond.web.context import WebContext, web
from ratbond.web.forms import Form
from ratbond.web.routes.introductions import introduction_view
from ratbond.web.templating import minutes_value

if TYPE_CHECKING:
    from ratbond.notes import Span

router = APIRouter(include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
SIGNAL_FIELD = "signal"
SUPERVISED_FIELD = "supervised"
NOTED_FIELD = "noted"
"""Checkboxes of the preview: `animal:signal` pairs read from the notes, still checked."""
SHOWN_FIELD = "noted_shown"
"""Every pair the last preview showed, so a re-preview keeps an unticked one unticked."""
PREVIEWED_FIELD = "notes_previewed"
"""The notes text the preview was made for; a save applies the review only to that text."""
ADVISED_STAGE = "advised_stage"
ADVISED_MINUTES = "advised_minutes"
"""The stage and minutes the form opened with (today's advice), sent beside the form: a
session dated earlier with those left as they were takes its own date's advice instead."""
SUBMISSION_FIELD = "submission"
"""The one-time key of the form as shown (`NewSession.submission`), sent beside the form: a
save sent twice (a double tap, a phone's retry, a browser's resend) logs one session."""
PREVIEW_LIMIT = 10_000
ERROR_SWAP = "outerHTML show:#form-errors:top"
"""How htmx swaps in a log panel shown again after an error: scrolled to its message."""
# Store error paths and the form field each is about.
FIELD_OF_PATH = {
    "signals": SIGNAL_FIELD,
    **{
        name: name
        for name in ("date", "stage", "minutes", "notes", "attempts", "rewarded", SUPERVISED_FIELD)
    },
    NOTED_FIELD: "notes",
}


@dataclass(frozen=True)
class SignalBoard:
    """The tap targets for one animal: its species' signals grouped by class in this program."""

    member: Member
    groups: list[tuple[SignalClass, list[tuple[str, Signal]]]]


def boards(context: WebContext, program: Program, members: tuple[Member, ...]) -> list[SignalBoard]:
    return [
        SignalBoard(
            member,
            signals_by_class(program, context.vocabulary, member.animal.species, member.role),
        )
        for member in members
    ]


def signal_boards(
    context: WebContext, program: Program, members: tuple[Member, ...], ticked: list[str]
) -> Markup:
    """The tap targets, `ticked` ones checked. With none ticked (the form as it opens and
    after every save) the markup depends only on the program and on each member's key,
    name, role and species, so it is rendered once per such cast: it is most of the panel."""
    template = "sessions/signal_boards.html"
    if ticked:
        return context.pages.partial(
            template, {"boards": boards(context, program, members), "ticked": ticked}
        )
    cast = tuple((m.animal.key, m.animal.label, m.role, m.animal.species) for m in members)
    return context.pages.fragment(
        (template, program.id, cast),
        template,
        lambda: {"boards": boards(context, program, members), "ticked": ()},
    )


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
            "attempts": "",
            "rewarded": "",
        },
        lists={SIGNAL_FIELD: []},
    )


@dataclass(frozen=True)
class NotedSignal:
    """A reading of the notes for one animal (see `ratbond.notes.review`): one checkbox."""

    reading: Reading
    description: str

    @property
    def value(self) -> str:
        """`animal:signal`, the checkbox value."""
        return f"{self.reading.animal}:{self.reading.signal}"


@dataclass(frozen=True)
class NotesPart:
    """A run of the notes text: plain, or a phrase the reader understood."""

    text: str
    title: str = ""
    """What the phrase was read as; empty for plain text."""
    denied: bool = False


@dataclass(frozen=True)
class Unsure:
    """A signal the notes give to no animal, and whether it counts for the candidates."""

    text: str
    signal: str
    candidates: tuple[str, ...]
    counts: bool


@dataclass(frozen=True)
class NotesPreview:
    """What the reader understood in one text, shaped for the log form."""

    digest: str
    parts: tuple[NotesPart, ...]
    readings: tuple[Reading, ...]
    animals: tuple[tuple[Member, tuple[NotedSignal, ...]], ...]
    unsure: tuple[Unsure, ...]


def notes_digest(notes: str) -> str:
    """A short fingerprint of the notes as the store keeps them (ends of lines folded)."""
    import hashlib

    text = notes.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def preview_notes(context: WebContext, intro: IntroductionRecord, notes: str) -> NotesPreview:
    """Read `notes` as the advice will and list, per animal, the readings that count: what the
    owner may untick (`ratbond.notes.review`)."""
    from ratbond.notes import parse_notes

    text = notes.replace("\r\n", "\n").replace("\r", "\n").strip()
    members = {member.animal.key: member for member in intro.members}
    result = parse_notes(
        text, [m.animal.to_model() for m in intro.members], intro.program, intro.roles
    )
    species = {key: member.animal.species for key, member in members.items()}
    read = note_readings(
        result, species, class_table(context.programs[intro.program], context.vocabulary)
    )
    animals = []
    for key, member in members.items():
        signals = context.vocabulary.signals[member.animal.species]
        items = tuple(
            NotedSignal(reading, signals[reading.signal].description)
            for reading in read.readings
            if reading.animal == key
        )
        if items:
            animals.append((member, items))
    unsure = tuple(
        Unsure(
            unsure.item.text,
            unsure.item.signal,
            tuple(members[a].animal.label for a, _ in unsure.item.candidates if a in members),
            unsure.counts,
        )
        for unsure in read.unsure
    )
    return NotesPreview(
        digest=notes_digest(text),
        parts=_highlight(text, result.spans, members),
        readings=read.readings,
        animals=tuple(animals),
        unsure=unsure,
    )


def _highlight(
    text: str, spans: Sequence[Span], members: dict[str, Member]
) -> tuple[NotesPart, ...]:
    """The text cut into plain runs and understood phrases (one mark per phrase)."""
    by_place: dict[tuple[int, int], list[Span]] = {}
    for span in spans:
        by_place.setdefault((span.start, span.end), []).append(span)
    parts: list[NotesPart] = []
    position = 0
    for (start, end), group in sorted(by_place.items()):
        if start < position:
            continue  # overlapping readings: the first one is shown
        if start > position:
            parts.append(NotesPart(text[position:start]))
        denied = all(span.negated for span in group)
        readings = []
        for span in group:
            who = members[span.animal].animal.label if span.animal in members else "not sure who"
            reading = f"{who}: {span.signal.replace('_', ' ')}"
            if reading not in readings:
                readings.append(reading)
        title = ("denied: " if denied else "") + "; ".join(readings)
        parts.append(NotesPart(text[start:end], title, denied))
        position = end
    if position < len(text):
        parts.append(NotesPart(text[position:]))
    return tuple(parts)


def review_state(form: Form) -> dict[str, set[str]]:
    """What the preview's checkboxes looked like when the form was sent: a reading shown
    before keeps its tick or untick, a new one starts checked (see the template)."""
    return {
        "noted_checked": set(form.lists.get(NOTED_FIELD, [])),
        "noted_shown": set(form.lists.get(SHOWN_FIELD, [])),
    }


def apply_review(
    context: WebContext, intro: IntroductionRecord, form: Form, new: NewSession
) -> NewSession:
    """`new` with the owner's review of the notes merged into its ticked signals
    (`ratbond.notes.review.ticked_after_review`), marked reviewed.

    Only when the preview was made for the text being saved; otherwise `new` as it is, and
    the store counts every danger reading the notes cannot rule out."""
    notes = form.get("notes")
    if not notes or form.get(PREVIEWED_FIELD) != notes_digest(notes):
        return new
    preview = preview_notes(context, intro, notes)
    offered = {item.value for _, items in preview.animals for item in items}
    checked = set(form.lists.get(NOTED_FIELD, []))
    for value in sorted(checked):
        if value not in offered:
            raise InputError(NOTED_FIELD, f"'{value}' was not read from these notes")
    pairs = {(animal, signal) for animal, _, signal in (v.partition(":") for v in checked)}
    signals = ticked_after_review(preview.readings, new.signals, pairs)
    return replace(new, signals=signals, notes_reviewed=True)


def read_session(form: Form, today: dt.date) -> NewSession:
    """The session the owner described; raises InputError naming the first bad field.

    Signals arrive as `animal:signal` pairs; the store checks the animals and signals. A
    session dated before `today` whose stage (and minutes) are still today's advised ones
    leaves them to the store, which takes those advised on its date."""
    signals: dict[str, list[str]] = {}
    for value in form.lists[SIGNAL_FIELD]:
        animal, _, name = value.partition(":")
        if not animal or not name:
            raise InputError("signals", f"'{value}' is not a signal of this introduction")
        signals.setdefault(animal, []).append(name)
    date = form.date("date")
    stage: str | None = form.get("stage")
    minutes = form.number("minutes", "a number of minutes")
    if date is not None and date < today and stage and stage == form.get(ADVISED_STAGE):
        stage = None
        if form.get("minutes") == form.get(ADVISED_MINUTES):
            minutes = None
    return NewSession(
        stage=stage,
        date=date,
        minutes=minutes,
        supervised=form.checked(SUPERVISED_FIELD),
        signals=signals,
        notes=form.text("notes"),
        attempts=form.count("attempts", "attempts"),
        rewarded=form.count("rewarded", "rewarded attempts"),
        submission=form.text(SUBMISSION_FIELD),
    )


def training_stage(program: Program, stage_id: str) -> Stage | None:
    """The stage, if it is a training stage (one with a success rate): the form then asks
    for attempts and rewarded counts. None for any other stage or an unknown id."""
    stage = next((stage for stage in program.stages if stage.id == stage_id), None)
    return stage if stage is not None and stage.min_success_rate is not None else None


def logged_view(context: WebContext, logged: Logged) -> dict[str, Any]:
    """What the panel shows after a save, from the store's answer alone (no second read):
    with what of the notes the advice counted and what not (`ratbond.counted`, the command
    line's words)."""
    intro = logged.introduction
    program = context.programs[intro.program]
    advice = logged.advice
    session = logged.session
    return {
        "intro": intro,
        "advice": advice,
        "program": program,
        "stage": program.stages[program.stage_index(advice.stage)],
        "today": context.today(),
        "notes_counted": notes_counted(
            intro,
            session.notes,
            session.signals,
            lambda _animal, _signal: f"tick it when you correct session #{session.seq}",
        ),
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
    # After a save the page keeps its form (see the template), so the answer has none and
    # nothing is worked out for it.
    keep_form = htmx and logged is not None
    values = {
        **view,
        "form": form,
        "logged": logged,
        "keep_form": keep_form,
        "advised": blank_form(view),
        # Each form shown gets a key of its own: sent twice, it logs one session.
        "submission": secrets.token_urlsafe(16),
    }
    if not keep_form:
        notes = form.get("notes")
        values |= {
            # An htmx answer goes to a log form that has the boards already, ticks and all
            # (they are most of the form's markup): the page keeps them (hx-preserve).
            "signal_boards": Markup()
            if htmx
            else signal_boards(
                context, view["program"], view["intro"].members, form.lists[SIGNAL_FIELD]
            ),
            "stage_options": [(s.id, s.title) for s in view["program"].stages],
            "training_stage": training_stage(view["program"], form.get("stage")),
            # A form shown again after an error keeps its notes and their review.
            "preview": preview_notes(context, view["intro"], notes) if notes else None,
            "preview_error": None,
            **review_state(form),
        }
    return context.pages.render(
        request,
        "sessions/panel.html" if htmx else "sessions/log.html",
        values,
        status_code=status_code,
        # An error answer puts its message in sight, not the top of the panel.
        headers={"HX-Reswap": ERROR_SWAP} if htmx and form.invalid else None,
    )


@router.get("/introductions/{ref}/log", response_class=HTMLResponse)
def log_form(request: Request, ref: str, context: Web) -> HTMLResponse:
    view = introduction_view(context, ref)
    return _render(request, context, view, blank_form(view))


@router.get("/introductions/{ref}/log/training-counts", response_class=HTMLResponse)
async def training_counts(request: Request, ref: str, context: Web) -> HTMLResponse:
    """The attempts and rewarded fields for the stage picked (htmx swaps them in when the
    stage changes): empty for a stage that is not a training stage."""
    form = Form.read(request.query_params)
    intro = await context.read_from_loop(get_introduction, context.db, ref)
    return context.pages.render(
        request,
        "sessions/training_counts.html",
        {
            "form": form,
            "training_stage": training_stage(context.programs[intro.program], form.get("stage")),
        },
    )


@router.post("/introductions/{ref}/notes-preview", response_class=HTMLResponse)
async def notes_preview(request: Request, ref: str, context: Web) -> HTMLResponse:
    """The preview partial for the notes typed so far (htmx swaps it under the notes)."""
    form = Form.read(await request.form(), lists=[NOTED_FIELD, SHOWN_FIELD])
    intro = await context.read_from_loop(get_introduction, context.db, ref)
    notes = form.get("notes")
    problem = None
    if len(notes) > PREVIEW_LIMIT:
        problem = f"notes longer than {PREVIEW_LIMIT:,} characters are not previewed; shorten them"
    return context.pages.render(
        request,
        "sessions/notes_preview.html",
        {
            "intro": intro,
            "preview": preview_notes(context, intro, notes) if notes and not problem else None,
            "preview_error": problem,
            **review_state(form),
        },
        status_code=422 if problem else 200,
    )


@router.post("/introductions/{ref}/sessions", response_class=HTMLResponse)
async def save_session(request: Request, ref: str, context: Web) -> Response:
    form = Form.read(await request.form(), lists=[SIGNAL_FIELD, NOTED_FIELD, SHOWN_FIELD])
    try:
        new = read_session(form, context.today())
        if form.get(PREVIEWED_FIELD) and form.get("notes"):
            intro = await context.read_from_loop(get_introduction, context.db, ref)
            new = apply_review(context, intro, form, new)
        logged = await context.write_from_loop(
            log_session, context.db, ref, new, today=context.today()
        )
    except RatbondError as error:
        # The page is shown again as it was, with the error by its field: read it now.
        view = await context.read_from_loop(introduction_view, context, ref)
        form.fail(error, FIELD_OF_PATH)
        return _render(request, context, view, form, status_code=422)
    key = logged.introduction.key
    # Without htmx the browser goes back to the introduction, unless the owner must read a
    # warning first, or what of the notes was not counted: then the log page shows it with
    # the new advice.
    warned = logged.pacing_warning or logged.too_soon_warning
    view = logged_view(context, logged)
    left_out = view["notes_counted"].not_counted
    if request.headers.get("hx-request") != "true" and warned is None and not left_out:
        return RedirectResponse(f"/introductions/{key}", status_code=303)
    return _render(request, context, view, blank_form(view), logged)
