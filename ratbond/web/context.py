"""What every route reaches through `request.app.state.web`: settings, programs and renderer."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import partial
from typing import ParamSpec, TypeVar, cast

from fastapi import Request
from starlette.concurrency import run_in_threadpool

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

    async def write_from_loop(
        self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """`write` for an async route. On SQLite, with no other writer in the process, the
        write (about a millisecond) runs right here on the event loop: the writers queue on
        one lock anyway, and a hop to a worker thread costs more than the write, mostly in
        handing the GIL back and forth while the loop is busy. A write that would wait for
        that lock, and every PostgreSQL write (concurrent, and over a socket), goes to the
        threadpool so the loop never sits on a lock held in this process. (It does wait
        while another process, a `ratbond` command, holds SQLite's write lock: as long as
        that command's transaction.)"""
        if self.db.is_sqlite and self.sqlite_writes.acquire(blocking=False):
            try:
                return function(*args, **kwargs)
            finally:
                self.sqlite_writes.release()
        return await run_in_threadpool(partial(self.write, function, *args, **kwargs))

    async def read_from_loop(
        self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Run store reads for an async route: on SQLite right here on the event loop (a WAL
        reader never waits for a writer, and the reads take about a millisecond, less than a
        hop to a worker thread costs under load); on PostgreSQL in the threadpool, since
        each query waits on the server."""
        if self.db.is_sqlite:
            return function(*args, **kwargs)
        return await run_in_threadpool(partial(function, *args, **kwargs))

    def today(self) -> dt.date:
        return self.settings.today()

    def check_store(self) -> None:
        """Open the store and bring its schema up to date now, not on the first request."""
        self.db.ensure_schema()


async def web(request: Request) -> WebContext:
    """The app's context (a FastAPI dependency; async, so resolving it costs no thread hop),
    its database scoped to whoever signed in (`ratbond.web.auth`)."""
    from dataclasses import replace

    from ratbond.web.auth import request_scope

    context = cast(WebContext, request.app.state.web)
    scope = request_scope(request.scope)
    return context if scope is None else replace(context, db=context.db.scoped(scope))
