"""What every route reaches through `request.app.state.web`: settings, programs and renderer."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar, cast

from fastapi import HTTPException, Request

from ratbond.errors import RatbondError
from ratbond.model import Program, Vocabulary
from ratbond.store import Database
from ratbond.web.settings import WebSettings
from ratbond.web.templating import Pages

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class WebContext:
    """Long-lived objects of one app instance."""

    settings: WebSettings
    db: Database
    programs: dict[str, Program]
    vocabulary: Vocabulary
    pages: Pages
    sqlite_writes: threading.Lock = field(default_factory=threading.Lock)
    """SQLite takes one writer at a time; queueing writers here, in order, is fairer and much
    faster than letting them retry on the database's busy handler."""

    def writing(self) -> AbstractContextManager[object]:
        return self.sqlite_writes if self.db.is_sqlite else nullcontext()

    def write(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Call a store function that writes, one writer at a time on SQLite."""
        with self.writing():
            return function(*args, **kwargs)

    def today(self) -> dt.date:
        return self.settings.today()

    def check_store(self) -> None:
        """Open the store and bring its schema up to date now, not on the first request."""
        self.db.ensure_schema()


def not_found(error: RatbondError) -> HTTPException | RatbondError:
    """A 404 for the store's "no animal 'x'" lookups; any other error as it is."""
    if str(error).startswith("no "):
        return HTTPException(404, str(error))
    return error


def web(request: Request) -> WebContext:
    """The app's context (a FastAPI dependency)."""
    return cast(WebContext, request.app.state.web)
