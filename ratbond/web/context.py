"""What every route reaches through `request.app.state.web`: settings, programs and renderer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from fastapi import Request

from ratbond.model import Program, Vocabulary
from ratbond.web.settings import WebSettings
from ratbond.web.templating import Pages


@dataclass
class WebContext:
    """Long-lived objects of one app instance."""

    settings: WebSettings
    programs: dict[str, Program]
    vocabulary: Vocabulary
    pages: Pages

    def today(self) -> dt.date:
        return self.settings.today()


def web(request: Request) -> WebContext:
    """The app's context (a FastAPI dependency)."""
    return cast(WebContext, request.app.state.web)
