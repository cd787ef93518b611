"""`POST /api/v1/advice` answers exactly as `ratbond evaluate` does, errors included."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from scenarios import calm_run, scenario, session

from ratbond.evaluate import run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cat-rat-first-week.json"


def cli(document: str) -> tuple[int, str, str]:
    """Exit status, standard output and standard error of `ratbond evaluate -`."""
    out, err = io.StringIO(), io.StringIO()
    status = run("-", None, out, err, io.StringIO(document))
    return status, out.getvalue(), err.getvalue()


CASES: dict[str, dict[str, Any]] = {
    "start": scenario("cat-rat"),
    "repeat": scenario("cat-rat", calm_run("visual", 1, 2, 5)),
    "advance": scenario("cat-rat", calm_run("visual", 3, 3, 5)),
    "danger": scenario(
        "cat-rat", [session(1, "visual", 5, {"tom": ["lunging"], "pip": ["freezing"]})]
    ),
    "rat-rat quarantine": scenario("rat-rat"),
    "rat-human": scenario("rat-human", calm_run("voice", 2, 3, 5)),
    # `to_confirm` included: the API left it out.
    "notes to confirm": scenario(
        "cat-rat", [session(1, "visual", 5, {"pip": ["relaxed"]}, notes="I think Tom nipped Pip")]
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_advice_is_the_command_line_answer(client: TestClient, name: str) -> None:
    body = json.dumps(CASES[name])
    status, out, _ = cli(body)
    assert status == 0
    response = client.post(
        "/api/v1/advice", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json() == json.loads(out)


def test_the_shipped_example(client: TestClient) -> None:
    text = EXAMPLE.read_text()
    status, out, _ = cli(text)
    response = client.post(
        "/api/v1/advice", content=text, headers={"content-type": "application/json"}
    )
    assert (status, response.status_code) == (0, 200)
    assert response.json() == json.loads(out)
    for field in ("program", "action", "stage", "minutes", "not_before", "alerts", "reasons"):
        assert field in response.json()


BAD: dict[str, tuple[str, str]] = {
    "unknown signal": (
        json.dumps(scenario("cat-rat", [session(1, "visual", 5, {"tom": ["hiss"]})])),
        "sessions[0].signals.tom[0]",
    ),
    "future date": (
        json.dumps(scenario("cat-rat", [session(-1, "visual", 5)])),
        "sessions[0].date",
    ),
    "unknown program": (json.dumps({**scenario("cat-rat"), "program": "cat-dog"}), "program"),
    "broken JSON": ('{"program": "cat-rat",', ""),
    "NaN minutes": (
        json.dumps(scenario("cat-rat")).replace(
            '"sessions": []',
            '"sessions": [{"date": "2026-11-19", "stage": "visual", "minutes": NaN}]',
        ),
        "",
    ),
    "not an object": ("[1, 2]", ""),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_422_with_the_command_line_message(client: TestClient, name: str) -> None:
    body, path = BAD[name]
    status, out, err = cli(body)
    assert (status, out) == (2, "")
    response = client.post(
        "/api/v1/advice", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    error = response.json()
    assert error["path"] == path
    # The CLI prints `error: <message>`; the API's `error` field is that message.
    assert err.strip() == f"error: {error['error']}"
    if path:
        assert error["error"] == f"{path}: {error['message']}"


def test_body_that_is_not_utf8(client: TestClient) -> None:
    response = client.post(
        "/api/v1/advice", content=b"\xff\xfe{}", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert "UTF-8" in response.json()["error"]


def test_the_api_wants_json(client: TestClient) -> None:
    """A form-encoded or text body (what a cross-site form could send) is refused."""
    response = client.post("/api/v1/advice", content="{}", headers={"content-type": "text/plain"})
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]


def test_today_defaults_to_the_server_date(client: TestClient) -> None:
    document = scenario("cat-rat", calm_run("visual", 1, 1, 5))
    del document["today"]
    response = client.post("/api/v1/advice", json=document)
    assert response.status_code == 200
    assert response.json()["not_before"] == "2026-11-20"
