"""The Jinja2 environment (autoescaped) and the helpers that render a page or an htmx fragment."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ratbond import limits
from ratbond.alerts import most_severe_first
from ratbond.model import Advice, AlertCode, Vocabulary
from ratbond.programs import builtin_vocabulary, stage_title
from ratbond.store.records import StoredAdvice
from ratbond.store.urgency import called_on, past_alerts, past_of, seen
from ratbond.web.commands import with_pages
from ratbond.web.security import CSRF_FIELD
from ratbond.wording import (
    ACTION_WORDS,
    advice_step,
    days_text,
    during_session,
    minutes_text,
    step_text,
)

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"

FRAGMENTS_KEPT = 256
"""Rendered fragments kept by `Pages.fragment`, the least recently used dropped first."""


def minutes_value(value: float | None) -> str:
    """Minutes as a form field shows them: `8`, `2.5`, `0.05`, or empty."""
    if value is None:
        return ""
    return f"{round(value, 2):g}"


def date_text(value: dt.date | dt.datetime | str | None) -> str:
    """A date as `Fri 20 Nov 2026`, the way an owner reads it."""
    if value is None:
        return "—"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return value.strftime("%a %-d %b %Y")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        # Templates ship with the package and the server never reloads code, so a template
        # is compiled once; otherwise every include would stat its file on each render.
        auto_reload=False,
    )
    env.filters["minutes"] = minutes_text
    env.filters["day"] = date_text
    env.filters["days"] = days_text
    env.filters["with_pages"] = with_pages
    env.globals["ACTION_WORDS"] = ACTION_WORDS
    env.globals["step_text"] = step_text
    env.globals["advice_step"] = advice_step
    env.globals["stage_title"] = stage_title
    env.globals["CSRF_FIELD"] = CSRF_FIELD
    # Form fields take the lengths the server checks (ratbond.limits), not numbers of their own.
    env.globals["limits"] = limits
    return env


class Pages:
    """Renders templates with the context every page needs (CSRF token, alert catalogue)."""

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.templates = Jinja2Templates(env=_environment())
        self.vocabulary = vocabulary or builtin_vocabulary()
        self._fragments: OrderedDict[Hashable, Markup] = OrderedDict()
        self._fragments_lock = threading.Lock()  # sync routes render in worker threads

    def partial(self, template: str, values: Mapping[str, Any]) -> Markup:
        """A template rendered on its own, to be placed in a page as it is (already escaped)."""
        return Markup(self.templates.env.get_template(template).render(values))

    def fragment(
        self, key: Hashable, template: str, values: Callable[[], Mapping[str, Any]]
    ) -> Markup:
        """`partial(template, values())` rendered once and reused while `key` is asked for.

        `key` must name everything the fragment shows, so that a change (an animal renamed,
        another cast) asks for another key instead of finding stale markup."""
        with self._fragments_lock:
            html = self._fragments.get(key)
            if html is not None:
                self._fragments.move_to_end(key)
                return html
        html = self.partial(template, values())
        with self._fragments_lock:
            self._fragments[key] = html
            if len(self._fragments) > FRAGMENTS_KEPT:
                self._fragments.popitem(last=False)
        return html

    def alerts(
        self,
        codes: tuple[AlertCode, ...] | list[AlertCode],
        advice: Advice | StoredAdvice,
        today: dt.date | None = None,
    ) -> list[dict[str, Any]]:
        """`advice`'s alert `codes` with their title, advice (in its program's words) and
        severity, the most severe first; then those of a past day's session (`past`), with
        what happened then (`during`: its date and what was seen)."""
        if isinstance(advice, StoredAdvice):
            past = past_alerts(advice)
            called, shown = (called_on(advice), seen(advice)) if past else (None, ())
        else:  # just computed: as it stands on `today`, when given
            called, shown = advice.decided_on, advice.seen
            past = () if today is None else past_of(advice.alerts, called, today)
        during = during_session(date_text(called), shown) if past else ""
        items = most_severe_first(codes, advice.program)
        return [
            {"code": code, "past": False, "during": "", **asdict(info)}
            for code, info in items
            if code not in past
        ] + [
            {"code": code, "past": True, "during": during, **asdict(info)}
            for code, info in items
            if code in past
        ]

    def render(
        self,
        request: Request,
        template: str,
        context: dict[str, Any] | None = None,
        status_code: int = 200,
        headers: dict[str, str] | None = None,
    ) -> HTMLResponse:
        values: dict[str, Any] = {
            "csrf_token": request.scope.get("state", {}).get("csrf_token", ""),
            "htmx": request.headers.get("hx-request") == "true",
            "alert_info": self.alerts,
            **(context or {}),
        }
        response = self.templates.TemplateResponse(
            request, template, values, status_code=status_code, headers=headers
        )
        response.headers.setdefault("cache-control", "no-store")
        return response
