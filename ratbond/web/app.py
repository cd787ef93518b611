"""The application factory: `create_app(settings)` wires security, routes and static files."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ratbond import __version__
from ratbond.care.knowledge import (
    builtin_behaviour,
    builtin_cage_rules,
    builtin_care_tasks,
    builtin_foods,
    builtin_free_roam,
)
from ratbond.errors import RatbondError
from ratbond.notes import builtin_reader
from ratbond.programs import builtin_programs, builtin_vocabulary
from ratbond.store import open_database
from ratbond.web.auth import SignInMiddleware
from ratbond.web.context import WebContext
from ratbond.web.errors import http_error_handler, ratbond_error_handler, validation_error_handler
from ratbond.web.routes import (
    animals,
    api,
    calendar,
    care,
    corrections,
    introductions,
    people,
    programs,
    sessions,
    today,
)
from ratbond.web.security import SecurityMiddleware
from ratbond.web.settings import WebSettings
from ratbond.web.templating import STATIC_DIR, Pages

OPENAPI_URL = "/api/v1/openapi.json"
BUILTIN_DATA = (
    builtin_care_tasks,
    builtin_cage_rules,
    builtin_foods,
    builtin_behaviour,
    builtin_free_roam,
    builtin_reader,
)
"""Data the pages read besides programs and vocabulary, loaded once per process."""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """At startup, once the server has loaded everything: freeze the heap when asked."""
    if app.state.web.settings.freeze_startup_heap:
        gc.collect()
        gc.freeze()
    yield


def declare_bearer(app: FastAPI) -> None:
    """The OpenAPI document names the API's one scheme: a personal token as a bearer (none is
    needed while nobody can sign in, on loopback)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        document = build()
        document.setdefault("components", {})["securitySchemes"] = {
            "personalToken": {
                "type": "http",
                "scheme": "bearer",
                "description": "A personal API token (Account page): 'Authorization: Bearer "
                "rb_...'. It acts with its person's role in one household; revocable.",
            }
        }
        document["security"] = [{"personalToken": []}, {}]
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def serving_app() -> FastAPI:
    """The app one worker of `ratbond serve --workers N` serves (settings from the
    environment, as `ratbond serve` left it)."""
    app = create_app(WebSettings(freeze_startup_heap=True))
    app.state.web.check_store()
    return app


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """A ready-to-serve app; pass settings to choose the store, pin the date or fix the key."""
    settings = settings or WebSettings()
    vocabulary = builtin_vocabulary()
    # Loaded now, so no visitor waits for a cold cache's validation. (Threads that do ask at
    # once share one build: `ratbond.datafiles.cached` holds a lock around it.)
    for load in BUILTIN_DATA:
        load()
    app = FastAPI(
        title="ratbond",
        version=__version__,
        summary="Safe, staged introductions between cats, rats and their people.",
        openapi_url=OPENAPI_URL,
        # The interactive docs pages load scripts from a CDN, which the CSP forbids.
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.web = WebContext(
        settings=settings,
        db=open_database(settings.database_url),
        programs=builtin_programs(),
        vocabulary=vocabulary,
        pages=Pages(vocabulary),
    )
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(RatbondError, ratbond_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    # FastAPI tries routes in order on every request, so the busiest come first: logging at
    # the cage and the day's plan. No two routers share a path, so the order changes nothing else.
    for routes in (
        sessions,
        today,
        introductions,
        animals,
        api,
        programs,
        calendar,
        care,
        corrections,
        people,
    ):
        app.include_router(routes.router)
    declare_bearer(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Inside the security middleware: a forged or oversized request never reaches a sign-in.
    app.add_middleware(SignInMiddleware, db=app.state.web.db, today=settings.today)
    app.add_middleware(
        SecurityMiddleware,
        key=settings.secret_key,
        secure_cookies=settings.secure_cookies,
        max_body=settings.max_body_bytes,
        allowed_hosts=settings.allowed_hosts,
    )
    return app
