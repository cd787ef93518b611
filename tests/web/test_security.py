"""Security in single-user mode: CSRF on every unsafe page request, headers, escaping, loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import Request
from fastapi.responses import PlainTextResponse
from fastapi.testclient import TestClient

from ratbond.web.app import create_app
from ratbond.web.security import CSRF_COOKIE, CsrfSigner
from ratbond.web.settings import DEFAULT_HOST, WebSettings

from .conftest import TODAY, csrf_token


@pytest.fixture
def echo(sqlite_url: str) -> Iterator[TestClient]:
    """The app with one extra form route that echoes a field, to exercise the middleware."""
    settings = WebSettings(database_url=sqlite_url, secret_key=b"s" * 32, today=lambda: TODAY)
    app = create_app(settings)

    @app.post("/echo")
    async def echo_route(request: Request) -> PlainTextResponse:
        form = await request.form()
        return PlainTextResponse(str(form.get("text", "")))

    with TestClient(app, base_url="http://localhost") as client:
        yield client
    app.state.web.db.close()


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/programs", "/programs/cat-rat", "/static/app.css", "/api/v1/openapi.json"):
        headers = client.get(url).headers
        policy = headers["content-security-policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "'unsafe-inline'" not in policy
        assert "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "same-origin"


def test_the_csrf_cookie_is_strict_and_http_only(client: TestClient) -> None:
    cookie = client.get("/programs").headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=")
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie


def test_a_form_with_its_token_goes_through(echo: TestClient) -> None:
    token = csrf_token(echo)
    response = echo.post("/echo", data={"csrf_token": token, "text": "hello"})
    assert response.status_code == 200
    assert response.text == "hello"


def test_the_htmx_header_counts_as_the_token(echo: TestClient) -> None:
    token = csrf_token(echo)
    response = echo.post("/echo", data={"text": "hi"}, headers={"X-CSRF-Token": token})
    assert (response.status_code, response.text) == (200, "hi")


def test_a_form_without_a_token_is_refused(echo: TestClient) -> None:
    csrf_token(echo)
    response = echo.post("/echo", data={"text": "hello"})
    assert response.status_code == 403
    assert "reload" in response.text


def test_a_token_for_another_cookie_is_refused(echo: TestClient) -> None:
    """The attacker's own valid token does not work with the victim's cookie."""
    other = TestClient(echo.app, base_url="http://localhost")
    stolen = csrf_token(other)
    csrf_token(echo)
    assert echo.post("/echo", data={"csrf_token": stolen, "text": "x"}).status_code == 403


def test_a_forged_signature_is_refused(echo: TestClient) -> None:
    token = csrf_token(echo)
    nonce = token.split(".")[0]
    forged = CsrfSigner(b"another key" * 3).token(nonce)
    assert echo.post("/echo", data={"csrf_token": forged, "text": "x"}).status_code == 403


def test_no_cookie_no_post(echo: TestClient) -> None:
    token = csrf_token(echo)
    echo.cookies.clear()
    assert echo.post("/echo", data={"csrf_token": token, "text": "x"}).status_code == 403


def test_another_origin_is_refused(echo: TestClient) -> None:
    token = csrf_token(echo)
    response = echo.post(
        "/echo", data={"csrf_token": token, "text": "x"}, headers={"Origin": "http://evil.test"}
    )
    assert response.status_code == 403
    same = echo.post(
        "/echo", data={"csrf_token": token, "text": "x"}, headers={"Origin": "http://localhost"}
    )
    assert same.status_code == 200


def test_the_api_refuses_another_origin(client: TestClient) -> None:
    response = client.post("/api/v1/advice", json={}, headers={"Origin": "http://evil.test"})
    assert response.status_code == 403
    assert response.json()["error"]


def test_oversized_forms_are_refused(echo: TestClient) -> None:
    token = csrf_token(echo)
    response = echo.post("/echo", data={"csrf_token": token, "text": "x" * 1_100_000})
    assert response.status_code == 413


def test_user_text_in_a_url_is_escaped(client: TestClient) -> None:
    response = client.get("/programs/<b onmouseover=alert(1)>cat")
    assert response.status_code == 404
    assert "<b onmouseover" not in response.text
    assert "&lt;b onmouseover=alert(1)&gt;cat" in response.text


def test_serving_defaults_to_loopback() -> None:
    import inspect

    from ratbond.cli.serve import serve

    assert DEFAULT_HOST == "127.0.0.1"
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve).parameters["port"].default == 8000


def test_no_page_uses_inline_script(client: TestClient) -> None:
    """The CSP forbids inline scripts, so a page must not rely on one."""
    for url in ("/programs", "/programs/rat-human"):
        text = client.get(url).text
        assert "<script>" not in text
        assert " onclick=" not in text


def test_a_host_the_app_does_not_serve_is_refused_before_any_route(client: TestClient) -> None:
    """DNS rebinding: a page on evil.example points its name at this machine; its requests
    carry `Host: evil.example` and a matching `Origin`, and must read and write nothing."""
    rebound = {"Host": "evil.example:8000", "Origin": "http://evil.example:8000"}
    created = client.post(
        "/api/v1/animals", json={"name": "Rex", "species": "rat"}, headers=rebound
    )
    assert created.status_code == 400
    assert created.json()["error"].startswith("This address is not one ratbond serves")
    assert client.get("/api/v1/animals").json() == []
    page = client.get("/", headers={"Host": "evil.example"})
    assert page.status_code == 400
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert client.get("/api/v1/animals", headers={"Host": "evil.example"}).status_code == 400


def test_loopback_names_are_served_with_or_without_a_port(client: TestClient) -> None:
    for host in ("localhost", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"):
        assert client.get("/programs", headers={"Host": host}).status_code == 200


def test_the_origin_check_uses_the_served_names_not_the_requests_host(
    echo: TestClient,
) -> None:
    token = csrf_token(echo)
    forged = {"Host": "localhost", "Origin": "http://evil.example"}
    assert (
        echo.post("/echo", data={"csrf_token": token, "text": "x"}, headers=forged).status_code
        == 403
    )
    ok = {"Origin": "http://127.0.0.1:8000"}
    assert (
        echo.post("/echo", data={"csrf_token": token, "text": "x"}, headers=ok).status_code == 200
    )


def test_configured_names_are_served(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    monkeypatch.setenv("RATBOND_ALLOWED_HOSTS", "ratbond.home, Pi.local")
    settings = WebSettings(database_url=sqlite_url, secret_key=b"s" * 32, today=lambda: TODAY)
    assert {"ratbond.home", "pi.local", "localhost"} <= settings.allowed_hosts
    app = create_app(settings)
    with TestClient(app, base_url="http://pi.local:8000") as phone:
        assert phone.get("/programs").status_code == 200
    with TestClient(app, base_url="http://evil.example") as stranger:
        assert stranger.get("/programs").status_code == 400


def test_a_fault_of_ours_is_one_message_with_the_security_headers(sqlite_url: str) -> None:
    app = create_app(WebSettings(database_url=sqlite_url, secret_key=b"s" * 32))

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, base_url="http://localhost") as browser:
        response = browser.get("/boom")
    assert response.status_code == 500
    assert "What was saved before is safe" in response.text
    assert "a bug" not in response.text
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_a_locked_database_is_503_and_saves_nothing(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.setattr("ratbond.store.db.SQLITE_BUSY_TIMEOUT", 0)  # give up at once
    app = create_app(WebSettings(database_url=sqlite_url, secret_key=b"s" * 32))
    with TestClient(app, base_url="http://localhost") as browser:
        assert browser.get("/api/v1/animals").json() == []
        other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # another program holds the database
        api = browser.post("/api/v1/animals", json={"name": "Rex", "species": "rat"})
        reading = browser.get("/api/v1/animals")  # readers go on (write-ahead log)
        other.execute("ROLLBACK")
        other.close()
        assert api.status_code == 503
        assert api.json()["error"].startswith("The database is busy")
        assert api.headers["retry-after"] == "5"
        assert api.headers["x-content-type-options"] == "nosniff"
        assert reading.status_code == 200
        assert browser.get("/api/v1/animals").json() == []
    app.state.web.db.close()


def test_an_api_body_over_the_cap_is_refused_before_it_is_read(client: TestClient) -> None:
    huge = b'{"species": "rat", "notes": "' + b"x" * 1_100_000 + b'"}'
    response = client.post(
        "/api/v1/animals", content=huge, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "1,000,000 bytes" in response.json()["error"]
    assert response.headers["content-security-policy"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
        yield b'{"species": "rat", "notes": "'
        for _ in range(12):
            yield b"x" * 100_000
        yield b'"}'

    response = client.post(
        "/api/v1/animals", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert client.get("/api/v1/animals").json() == []


def test_an_undeclared_method_is_405_with_the_declared_ones(client: TestClient) -> None:
    response = client.put("/api/v1/animals", json={"species": "rat"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, POST"
    assert response.json()["error"].startswith("PUT is not a method of /api/v1/animals")
    assert client.delete("/api/v1/introductions/x").headers["allow"] == "GET, HEAD"


def test_an_address_the_api_lacks_is_a_404_saying_so_whatever_the_body(
    client: TestClient,
) -> None:
    """A typo in an API address was a 415 'send the body as JSON' for a form's body (or none),
    and a bare 'Not Found' for JSON; the document's own address a bare 'Method Not Allowed'."""
    said = "/api/v1/animal is no address of the API; its addresses are listed in "
    for sent in ({}, {"data": {"name": "Pip"}}, {"json": {"name": "Pip"}}):
        response = client.post("/api/v1/animal", **sent)  # type: ignore[arg-type]
        assert response.status_code == 404
        assert response.json()["error"] == said + "/api/v1/openapi.json"
    assert (
        client.get("/api/v1/animals/pip/weight")
        .json()["error"]
        .startswith("/api/v1/animals/pip/weight is no address of the API")
    )
    document = client.put("/api/v1/openapi.json", json={})
    assert document.status_code == 405
    assert document.json()["error"].startswith("PUT is not a method of /api/v1/openapi.json")
    assert client.get("/api/v1/animals").json() == []
