"""How user errors become HTTP answers: JSON naming the field for the API, a page otherwise."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ratbond.errors import (
    Forbidden,
    InputError,
    NotFound,
    RatbondError,
    StoreUnavailable,
    format_path,
    plain_message,
)
from ratbond.web.security import API_PREFIX
from ratbond.web.templating import Pages


class ApiError(BaseModel):
    """The body of every 4xx answer of the JSON API."""

    error: str
    """The whole message, exactly as the command line prints it after `error: `."""
    path: str
    """The offending field's path, e.g. `sessions[3].signals.tom[1]`; empty when none."""
    message: str
    """The message without the path."""


def api_error(status: int, path: str, message: str) -> JSONResponse:
    body = ApiError(error=f"{path}: {message}" if path else message, path=path, message=message)
    return JSONResponse(body.model_dump(), status_code=status)


def user_error(error: RatbondError, status: int = 422) -> JSONResponse:
    """The JSON answer for a user's mistake raised by the library."""
    if isinstance(error, InputError):
        return api_error(status, error.path, error.message)
    return api_error(status, "", str(error))


def field_path(loc: Sequence[int | str]) -> str:
    """A pydantic location as a field path, without FastAPI's leading `body`/`query`/`path`."""
    parts = list(loc)
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return format_path(parts)


async def validation_error_handler(request: Request, exc: Exception) -> Response:
    """FastAPI's request validation, reported as the first offending field, like the CLI:
    as the API's JSON body, or for a person (a page's address with a bad `?page=`, say) as
    the error page, in the same words."""
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    path, message = "", "the request is not valid"
    if errors:
        first = errors[0]
        path, message = field_path(first.get("loc", ())), plain_message(first)
    if not is_api(request):
        return error_page(request, 422, f"{path}: {message}" if path else message)
    return api_error(422, path, message)


def unavailable(request: Request) -> Response:
    """The database could not be used (locked, read-only, full or unreachable): 503, and
    nothing of this request was saved (its transaction rolled back)."""
    message = (
        "The database is busy or cannot be reached, so nothing of this request was saved. "
        "Try again in a moment."
    )
    if is_api(request):
        response: Response = api_error(503, "", message)
    else:
        response = error_page(request, 503, message)
    response.headers["retry-after"] = "5"
    return response


async def ratbond_error_handler(request: Request, exc: Exception) -> Response:
    """A user's mistake no route answered itself: 422 naming the field, or 404 for something
    that does not exist (an error page for people)."""
    assert isinstance(exc, RatbondError)
    if isinstance(exc, StoreUnavailable):
        return unavailable(request)
    if isinstance(exc, NotFound):
        if is_api(request):
            return user_error(exc, 404)
        return error_page(request, 404, str(exc))
    if isinstance(exc, Forbidden):
        if is_api(request):
            return user_error(exc, 403)
        return error_page(request, 403, str(exc))
    if not is_api(request):  # a form no route could show again (a NUL in a field, say)
        return error_page(request, 422, str(exc))
    return user_error(exc)


def is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


async def http_error_handler(request: Request, exc: Exception) -> Response:
    """404s and friends: JSON for the API, a plain page for people."""
    assert isinstance(exc, StarletteHTTPException)
    if is_api(request):
        response: Response = api_error(exc.status_code, "", _api_detail(request, exc))
    else:
        response = error_page(request, exc.status_code, str(exc.detail))
    # A 405's `Allow`, say: the methods the path does take.
    response.headers.update(exc.headers or {})
    return response


def _api_detail(request: Request, exc: StarletteHTTPException) -> str:
    """The router's bare 'Not Found' and 'Method Not Allowed' said of the address asked for,
    with where to look: the API's paths and their methods are in its OpenAPI document."""
    from ratbond.web.app import OPENAPI_URL

    path = request.url.path
    if exc.status_code == 404 and exc.detail == "Not Found":
        return f"{path} is no address of the API; its addresses are listed in {OPENAPI_URL}"
    allow = (exc.headers or {}).get("Allow")
    if exc.status_code == 405 and allow:
        return f"{request.method} is not a method of {path}; it takes {allow}"
    return str(exc.detail)


def error_page(request: Request, status: int, message: str) -> Response:
    pages: Pages = request.app.state.web.pages
    return pages.render(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )
