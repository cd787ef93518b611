"""Signing in and out, invitation and reset links (with their QR code), the household's
people, the account's API tokens, the audit trail, and read-only share links."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ratbond.errors import InputError, NotFound, RatbondError
from ratbond.store import people as store
from ratbond.store.audit import read_audit
from ratbond.store.ids import MAX_ROW_ID
from ratbond.store.roles import ROLES
from ratbond.web.auth import SESSION_COOKIE, request_scope, session_cookie
from ratbond.web.context import WebContext, web
from ratbond.web.forms import Form

router = APIRouter(tags=["pages"], include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
MAX_AGE = store.SESSION_DAYS * 24 * 3600


def _address(request: Request) -> str:
    # The client as uvicorn saw it (behind a trusted proxy: the address the proxy forwarded).
    return request.client.host if request.client else "unknown"


def _next(value: str | None) -> str:
    # Only a path of this site: never `//elsewhere` or `https://elsewhere`.
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def _signed_in(context: WebContext, request: Request, cookie: str, to: str) -> Response:
    response = RedirectResponse(_next(to), status_code=303)
    secure = context.settings.secure_cookies or request.url.scheme == "https"
    response.headers.append(
        "set-cookie", session_cookie(SESSION_COOKIE, cookie, secure=secure, max_age=MAX_AGE)
    )
    return response


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, context: Web, next: str = "/") -> HTMLResponse:
    return context.pages.render(
        request, "people/sign_in.html", {"form": Form(values={"next": _next(next)})}
    )


@router.post("/sign-in", response_class=HTMLResponse)
async def sign_in(request: Request, context: Web) -> Response:
    form = Form.read(await request.form())
    try:
        signed = await context.write_from_loop(
            store.sign_in,
            context.db,
            form.get("name"),
            form.get("password"),
            _address(request),
            context.today(),
        )
    except store.SignInRefused as error:
        form = form.fail(InputError("password", str(error)))
        return context.pages.render(request, "people/sign_in.html", {"form": form}, status_code=401)
    return _signed_in(context, request, signed.cookie, form.get("next"))


@router.post("/sign-in/out")
def sign_out(request: Request, context: Web) -> Response:
    form_everywhere = request.query_params.get("everywhere") == "1"
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if cookie:
        context.write(store.sign_out, context.db, cookie, everywhere=form_everywhere)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/sign-in/link/{token}", response_class=HTMLResponse)
def link_page(request: Request, token: str, context: Web) -> HTMLResponse:
    invitation = store.read_invitation(context.db, token)
    return context.pages.render(
        request,
        "people/link.html",
        {"invitation": invitation, "token": token, "form": Form(values={})},
    )


@router.post("/sign-in/link/{token}", response_class=HTMLResponse)
async def use_link(request: Request, token: str, context: Web) -> Response:
    form = Form.read(await request.form())
    invitation = store.read_invitation(context.db, token)
    try:
        await context.write_from_loop(
            store.accept_invitation,
            context.db,
            token,
            form.text("name"),
            form.get("password"),
            form.text("email"),
        )
        name = invitation.name or form.get("name")
        signed = await context.write_from_loop(
            store.sign_in,
            context.db,
            name,
            form.get("password"),
            _address(request),
            context.today(),
        )
    except InputError as error:
        form = form.fail(error)
        return context.pages.render(
            request,
            "people/link.html",
            {"invitation": invitation, "token": token, "form": form},
            status_code=422,
        )
    return _signed_in(context, request, signed.cookie, "/")


@router.get("/people", response_class=HTMLResponse)
def people_page(request: Request, context: Web) -> HTMLResponse:
    return _people(request, context, Form(values={"role": "carer"}), None)


def _people(
    request: Request, context: WebContext, form: Form, link: str | None, status: int = 200
) -> HTMLResponse:
    scope = request_scope(request.scope)
    if scope is not None:
        scope.require("people")
    from ratbond.store.animals import list_animals

    qr = None
    if link is not None:
        import segno

        qr = segno.make(link, error="m").svg_inline(scale=4, dark="#1b1b1b", light="#ffffff")
    return context.pages.render(
        request,
        "people/people.html",
        {
            "members": store.list_members(context.db),
            "animals": list_animals(context.db),
            "roles": ROLES,
            "form": form,
            "link": link,
            "qr": qr,
        },
        status_code=status,
    )


@router.post("/people/invite", response_class=HTMLResponse)
async def invite(request: Request, context: Web) -> HTMLResponse:
    form = Form.read(await request.form(), lists=("animal",))
    try:
        role = form.get("role")
        if role not in ROLES:
            raise InputError("role", "choose one of " + ", ".join(ROLES))
        made = await context.write_from_loop(
            store.invite,
            context.db,
            role,
            animals_chosen=list(form.lists.get("animal", [])),
            until=form.date("until"),
            today=context.today(),
        )
    except InputError as error:
        return _people(request, context, form.fail(error), None, 422)
    base = str(request.base_url).rstrip("/")
    return _people(request, context, form, f"{base}/sign-in/link/{made.token}")


@router.get("/account", response_class=HTMLResponse)
def account(
    request: Request, context: Web, made: str | None = None, feed: str | None = None
) -> HTMLResponse:
    tokens = store.list_tokens(context.db) if request_scope(request.scope) else []
    return context.pages.render(
        request,
        "people/account.html",
        {
            "tokens": [t for t in tokens if t.kind == "api"],
            "feeds": [t for t in tokens if t.kind == "feed"],
            "made": made,
            "feed": feed,
            "scope": request_scope(request.scope),
        },
    )


@router.post("/account/tokens", response_class=HTMLResponse)
async def make_token(request: Request, context: Web) -> HTMLResponse:
    form = Form.read(await request.form())
    token = await context.write_from_loop(store.make_token, context.db, form.get("name") or "API")
    return account(request, context, made=token)


@router.post("/account/feeds", response_class=HTMLResponse)
async def make_feed(request: Request, context: Web) -> HTMLResponse:
    """A personal calendar feed link (a token of kind `feed`), shown once."""
    form = Form.read(await request.form())
    token = await context.write_from_loop(
        store.make_token, context.db, form.get("name") or "calendar", "feed"
    )
    base = str(request.base_url).rstrip("/")
    return account(request, context, feed=f"{base}/calendar/{token}.ics")


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(token_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID)], context: Web) -> Response:
    context.write(store.revoke_token, context.db, token_id)
    return RedirectResponse("/account", status_code=303)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request,
    context: Web,
    before: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
) -> HTMLResponse:
    entries = read_audit(context.db, before=before)
    return context.pages.render(request, "people/audit.html", {"entries": entries})


@router.post("/shares", response_class=HTMLResponse)
async def make_share(request: Request, context: Web) -> HTMLResponse:
    form = Form.read(await request.form())
    kind = form.get("kind")
    until = form.date("until")
    if kind not in ("animal", "introduction") or until is None:
        raise InputError("until", "choose what to share and the last day it may be read")
    made = await context.write_from_loop(
        store.make_share,
        context.db,
        kind,  # type: ignore[arg-type]
        form.get("ref"),
        until,
        context.today(),
    )
    base = str(request.base_url).rstrip("/")
    return context.pages.render(
        request, "people/shared.html", {"link": f"{base}/share/{made.token}", "until": until}
    )


@router.get("/share/{token}", response_class=HTMLResponse)
def shared(request: Request, token: str, context: Web) -> HTMLResponse:
    """What a share link shows: one animal, or one introduction, read-only, nothing else."""
    scope, kind, _row = store.share_scope(context.db, token, context.today())
    db = context.db.scoped(scope)
    values: dict[str, Any] = {"kind": kind, "intro": None, "advice": None, "sessions": []}
    from ratbond.store.animals import list_animals
    from ratbond.store.introductions import get_advice, list_introductions
    from ratbond.store.sessions import list_sessions

    values["animals"] = list_animals(db)
    if kind == "introduction":
        intros = list_introductions(db)
        if not intros:
            raise NotFound("this share link is not valid any more")
        intro = intros[0]
        values["intro"] = intro
        values["sessions"] = list_sessions(db, intro.key)[1]
        try:
            values["advice"] = get_advice(db, intro.key, today=context.today())[1]
        except RatbondError:
            values["advice"] = None
    return context.pages.render(request, "people/share.html", values)
