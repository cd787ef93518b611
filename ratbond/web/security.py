"""CSRF protection (signed double-submit token) and security headers, as one ASGI middleware.

Every request gets a random nonce in an `HttpOnly`, `SameSite=Strict` cookie; pages embed the
token `nonce.signature` (HMAC-SHA256 of the nonce with the app's key) in each form and in the
`X-CSRF-Token` header htmx sends. An unsafe request (POST, PUT, PATCH, DELETE) to a page route
must carry a token whose signature is valid and whose nonce matches the cookie. The JSON API
takes no cookies' word for anything: its unsafe calls must be `application/json`, which a
browser never sends across sites without a CORS preflight this app does not grant. A request
whose `Origin` names another host is refused either way. Before all that, a request whose
`Host` is not one of the names the app serves is refused (DNS rebinding), and so is an unsafe
request whose `Origin` is not one of them either: the request's own Host proves nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ratbond.errors import InputError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "ratbond_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = b"x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
API_PREFIX = "/api/"
SERVER_FAULT = (
    "Something went wrong on ratbond's side. What was saved before is safe; try again, and if "
    "it happens again, the server's log says what failed."
)
log = logging.getLogger("ratbond.web")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)


class CsrfSigner:
    """Makes and checks the tokens that tie a form to the browser's CSRF cookie."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    @staticmethod
    def new_nonce() -> str:
        return secrets.token_urlsafe(24)

    def _signature(self, nonce: str) -> str:
        return hmac.new(self._key, nonce.encode(), hashlib.sha256).hexdigest()

    def token(self, nonce: str) -> str:
        """The token a page embeds for the browser holding cookie `nonce`."""
        return f"{nonce}.{self._signature(nonce)}"

    def valid_nonce(self, nonce: str | None) -> bool:
        return bool(nonce) and 16 <= len(nonce or "") <= 64 and (nonce or "").isascii()

    def verify(self, token: str | None, cookie_nonce: str | None) -> bool:
        """True when `token` was signed by this app for the nonce in the browser's cookie."""
        if not token or not cookie_nonce or "." not in token:
            return False
        nonce, signature = token.rsplit(".", 1)
        return hmac.compare_digest(nonce, cookie_nonce) and hmac.compare_digest(
            signature, self._signature(nonce)
        )


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed Cookie header is the client's problem: treat as absent
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None else None


def host_name(netloc: str) -> str:
    """The host of a `Host` header or of an origin's network location, without its port."""
    if netloc.startswith("["):  # an IPv6 address, [::1]:8000
        return netloc[1 : netloc.find("]")].lower() if "]" in netloc else ""
    return netloc.rsplit(":", 1)[0].lower()


def _same_origin(scope: Scope, allowed: frozenset[str]) -> bool:
    """False when the browser says the request comes from a site this app does not serve."""
    origin = _header(scope, b"origin")
    if origin is None or origin == "null":
        return origin is None
    return host_name(urlsplit(origin).netloc) in allowed


def _content_length(scope: Scope) -> int | None:
    """The declared body length, or None when there is none (or it is not a number)."""
    value = (_header(scope, b"content-length") or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 20 else None


class DeclaredMethods:
    """The methods the API's OpenAPI document declares for each of its paths, so a method it
    does not declare is answered 405 with all those it does in `Allow` (a GET path takes HEAD
    too), before any check of a body it has no use for."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._paths: list[tuple[re.Pattern[str], frozenset[str]]] = []
        for path, operations in document.get("paths", {}).items():
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path))
            methods = {method.upper() for method in operations}
            if "GET" in methods:
                methods.add("HEAD")
            self._paths.append((re.compile(f"^{pattern}$"), frozenset(methods)))

    def declares(self, path: str) -> bool:
        """Whether the document has `path` (a typo in an API address has none)."""
        return any(pattern.match(path) for pattern, _ in self._paths)

    def refused(self, path: str, method: str) -> frozenset[str]:
        """The methods `path` takes when it does not take `method`; empty when it does, or
        when the document has no such path (the router's 404 then)."""
        for pattern, methods in self._paths:
            if pattern.match(path):
                return frozenset() if method in methods else methods
        return frozenset()


def too_large(limit: int) -> str:
    """The refusal of a body over `limit` bytes, with the limit."""
    return (
        f"The request body is larger than {limit:,} bytes, the most ratbond takes in one "
        "request; send less at once."
    )


def _content_type(scope: Scope) -> str:
    return (_header(scope, b"content-type") or "").split(";", 1)[0].strip().lower()


class SecurityMiddleware:
    """Adds the security headers to every response and refuses forged unsafe requests."""

    def __init__(
        self,
        app: ASGIApp,
        key: bytes,
        secure_cookies: bool,
        max_body: int,
        allowed_hosts: frozenset[str],
    ) -> None:
        self.app = app
        self.signer = CsrfSigner(key)
        self.secure_cookies = secure_cookies
        self.max_body = max_body
        self.allowed_hosts = allowed_hosts
        self._methods: DeclaredMethods | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        nonce = _cookie(scope, CSRF_COOKIE)
        fresh = not self.signer.valid_nonce(nonce)
        if fresh:
            nonce = self.signer.new_nonce()
        assert nonce is not None
        scope.setdefault("state", {})["csrf_token"] = self.signer.token(nonce)

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {bytes(key).lower() for key, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                if fresh:
                    headers.append((b"set-cookie", self._cookie_header(nonce)))
                message["headers"] = headers
            await send(message)

        api = scope.get("path", "").startswith(API_PREFIX)
        if host_name(_header(scope, b"host") or "") not in self.allowed_hosts:
            await _refuse(
                send_with_headers,
                400,
                "This address is not one ratbond serves. Open it by the name it was started "
                "with, or add the name with 'ratbond serve --allowed-host NAME'.",
                api,
            )
            return
        method = scope.get("method", "GET")
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            # Refused on its word, before a byte of it is read.
            await _refuse(send_with_headers, 413, too_large(self.max_body), api)
            return
        allowed = self._declared(scope).refused(scope.get("path", ""), method) if api else None
        if allowed:
            await _refuse(
                send_with_headers,
                405,
                f"{method} is not a method of {scope.get('path', '')}; it takes "
                + ", ".join(sorted(allowed)),
                api,
                [(b"allow", ", ".join(sorted(allowed)).encode())],
            )
            return
        if method in UNSAFE_METHODS:
            if not _same_origin(scope, self.allowed_hosts):
                await _refuse(send_with_headers, 403, "This request came from another site.", api)
                return
            # A body to a path the API lacks is answered by the router's 404 (or 405), which
            # says what is wrong, not by the 415 of a body it would never read.
            if (
                api
                and _content_type(scope) != "application/json"
                and self._declared(scope).declares(scope.get("path", ""))
            ):
                await _refuse(
                    send_with_headers, 415, "send the request body as application/json", api
                )
                return
            # Read here, at most `max_body` bytes of it, whatever the length it declared.
            body = await _read_body(receive, self.max_body)
            if body is None:
                await _refuse(send_with_headers, 413, too_large(self.max_body), api)
                return
            if not api:
                token = _header(scope, CSRF_HEADER) or self._form_token(scope, body)
                if fresh or not self.signer.verify(token, nonce):
                    await _refuse(
                        send_with_headers,
                        403,
                        "This form has expired or did not come from ratbond. "
                        "Go back, reload the page and send it again.",
                    )
                    return
            if (
                api
                and _content_type(scope) == "application/json"
                and self._declared(scope).declares(scope.get("path", ""))
            ):
                refusal = _json_refusal(body)
                if refusal is not None:
                    await _refuse(send_with_headers, 422, refusal.message, api, path=refusal.path)
                    return
            receive = _replay(body, receive)
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # A fault of ours still answers with the security headers, and one plain message.
            log.exception("request %s %s failed", method, scope.get("path", ""))
            if started:
                raise
            await _refuse(send_with_headers, 500, SERVER_FAULT, api)

    def _declared(self, scope: Scope) -> DeclaredMethods:
        """The API's methods, read once from the app's own OpenAPI document."""
        if self._methods is None:
            document = getattr(scope.get("app"), "openapi", None)
            self._methods = DeclaredMethods(document() if document is not None else {})
        return self._methods

    def _cookie_header(self, nonce: str) -> bytes:
        parts = [f"{CSRF_COOKIE}={nonce}", "Path=/", "HttpOnly", "SameSite=Strict"]
        if self.secure_cookies:
            parts.append("Secure")
        return "; ".join(parts).encode()

    @staticmethod
    def _form_token(scope: Scope, body: bytes) -> str | None:
        if _content_type(scope) != "application/x-www-form-urlencoded":
            return None
        values = parse_qs(body.decode("latin-1"), max_num_fields=1000).get(CSRF_FIELD)
        return values[0] if values else None


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None when it is longer than `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = bytes(message.get("body", b""))
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, original: Receive) -> Receive:
    """A `receive` that hands the already-read body to the app once, then the real messages."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive


def _json_refusal(body: bytes) -> InputError | None:
    """Why an API body is no JSON to read, in the words `ratbond evaluate` uses, with the path:
    above all a key given twice in one object, of which JSON readers (FastAPI's too) keep the
    last unsaid (`"species": "rat", "species": "cat"` added a cat), and a body that is not
    UTF-8 text (FastAPI said "[0]: jSON decode error"). None when it reads."""
    from ratbond.scenario import parse_json

    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return InputError("", "the body is not UTF-8 text; send it as JSON in UTF-8")
    if not text.strip():
        # FastAPI said "required field is missing" at the path "".
        return InputError("", "the body is empty; send one JSON object")
    try:
        parse_json(text)
    except InputError as error:
        return error
    return None


async def _refuse(
    send: Send,
    status: int,
    text: str,
    api: bool = False,
    headers: list[tuple[bytes, bytes]] | None = None,
    path: str = "",
) -> None:
    """A short refusal: the API's JSON error body, or plain text for a person."""
    if api:
        error = f"{path}: {text}" if path else text
        body = json.dumps({"error": error, "path": path, "message": text}).encode()
        kind = b"application/json"
    else:
        body = text.encode()
        kind = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
