"""What every route reaches through `request.app.state.web`: settings, programs and renderer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from fastapi import HTTPException, Request

from ratbond.errors import RatbondError
from ratbond.model import Program, Vocabulary
from ratbond.store import Database
from ratbond.web.settings import WebSettings
from ratbond.web.templating import Pages


@dataclass
class WebContext:
    """Long-lived objects of one app instance."""

    settings: WebSettings
    db: Database
    programs: dict[str, Program]
    vocabulary: Vocabulary
    pages: Pages

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
