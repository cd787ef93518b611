"""Who is asking: a signed-in person (a server-side web session), an API token, or nobody.

`SignInMiddleware` finds the request's `Scope` (`ratbond.store.people`) and leaves it in the
ASGI scope, where `ratbond.web.context.web` hands each route the database scoped to it. With
nobody able to sign in yet (no people), ratbond works as it always did, as the household's
owner: `ratbond serve` allows that on loopback only. Once people exist, a page asks for a
sign-in (a redirect to /sign-in) and the API for a bearer token (401), before any route runs.

The session cookie holds a random secret (the database keeps its SHA-256), `HttpOnly`,
`SameSite=Lax` (a link from the QR code or a message keeps the session) and `Secure` when the
app is served over HTTPS.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool

from ratbond.errors import Forbidden
from ratbond.store import Database
from ratbond.store.people import any_people, session_scope, token_scope
from ratbond.store.scope import Scope
from ratbond.web.security import API_PREFIX, ASGIApp, Receive, Send, _cookie, _header

SESSION_COOKIE = "ratbond_session"
SCOPE_KEY = "ratbond.scope"
# Paths anyone may open: signing in, a share link, a calendar feed link (its token is checked
# by its route), the static files.
OPEN_PATHS = (
    "/sign-in",
    "/share/",
    "/calendar/",
    "/static/",
    "/favicon.ico",
    "/api/v1/openapi.json",
)


def request_scope(asgi_scope: Any) -> Scope | None:
    found = asgi_scope.get(SCOPE_KEY)
    return found if isinstance(found, Scope) else None


def session_cookie(name: str, value: str, *, secure: bool, max_age: int) -> str:
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Lax", f"Max-Age={max_age}"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


class SignInMiddleware:
    """Puts the request's scope in place, or answers 401/303/403 before any route."""

    def __init__(self, app: ASGIApp, db: Database, today: Callable[[], dt.date]) -> None:
        self.app = app
        self.db = db
        self.today = today

    async def __call__(self, scope: Any, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(OPEN_PATHS):
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith(API_PREFIX)
        authorization = _header(scope, b"authorization") or ""
        bearer = authorization[7:].strip() if authorization.lower().startswith("bearer ") else ""
        cookie = "" if api else (_cookie(scope, SESSION_COOKIE) or "")
        try:
            found = await self._run(self._who, bearer, cookie)
        except Forbidden as error:
            await _answer(send, 403, api, str(error))
            return
        if found is None:
            if bearer or cookie or await self._run(any_people, self.db):
                await self._ask_to_sign_in(scope, send, api)
                return
        else:
            scope[SCOPE_KEY] = found
        await self.app(scope, receive, send)

    async def _run(self, function: Callable[..., Any], *args: Any) -> Any:
        # SQLite reads take about a millisecond, on the loop; PostgreSQL waits on a socket.
        if self.db.is_sqlite:
            return function(*args)
        return await run_in_threadpool(function, *args)

    def _who(self, bearer: str, cookie: str) -> Scope | None:
        if bearer:
            return token_scope(self.db, bearer, self.today())
        if cookie:
            return session_scope(self.db, cookie, self.today())
        return None

    async def _ask_to_sign_in(self, scope: Any, send: Send, api: bool) -> None:
        if api:
            await _answer(
                send,
                401,
                True,
                "sign in: send 'Authorization: Bearer TOKEN' with a personal API token "
                "(make one on the Account page)",
                [(b"www-authenticate", b'Bearer realm="ratbond"')],
            )
            return
        if scope["method"] in ("GET", "HEAD"):
            path = scope["path"] + (
                "?" + scope["query_string"].decode() if scope["query_string"] else ""
            )
            location = "/sign-in?next=" + quote(path, safe="")
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [(b"location", location.encode()), (b"cache-control", b"no-store")],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await _answer(send, 401, False, "your sign-in has ended; sign in again")


async def _answer(
    send: Send,
    status: int,
    api: bool,
    message: str,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    if api:
        body = json.dumps({"detail": [{"loc": [], "msg": message, "type": "auth"}]}).encode()
        kind = b"application/json"
    else:
        from html import escape

        body = (
            "<!doctype html><title>ratbond</title><meta name=viewport "
            "content='width=device-width'><link rel=stylesheet href='/static/app.css'>"
            f"<main id=main><h1>Not allowed</h1><p class=lead>{escape(message)}</p>"
            "<p><a class=button href='/sign-in'>Sign in</a></p></main>"
        ).encode()
        kind = b"text/html; charset=utf-8"
    headers = [(b"content-type", kind), (b"cache-control", b"no-store"), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
