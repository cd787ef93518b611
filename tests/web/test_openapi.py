"""The OpenAPI document is valid OpenAPI 3 and documents the advice call and its errors."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from openapi_spec_validator import validate

from ratbond import limits
from ratbond.store.tables import ANIMAL_STATUSES, INTRODUCTION_STATUSES


def test_the_document_validates(client: TestClient) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert document["openapi"].startswith("3.")


def test_the_advice_call_is_documented(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    advice = document["paths"]["/api/v1/advice"]["post"]
    body = advice["requestBody"]["content"]["application/json"]
    assert set(body["schema"]["properties"]) == {"program", "today", "animals", "roles", "sessions"}
    assert {"200", "422"} <= set(advice["responses"])
    error = advice["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
    assert error.endswith("/ApiError")
    advice_schema = document["components"]["schemas"]["AdviceOut"]
    assert {"program", "action", "stage", "minutes", "not_before", "alerts", "reasons"} <= set(
        advice_schema["required"]
    )


def test_only_the_api_is_in_the_document(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert paths
    assert all(path.startswith("/api/v1/") for path in paths)


def test_the_openapi_document_has_cleared_by_and_the_pacing_warning(client: TestClient) -> None:
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert "cleared_by" in schemas["IntroductionIn"]["properties"]
    logged = schemas["LoggedOut"]
    assert {"session", "advice", "advised_day", "pacing_warning"} <= set(logged["required"])
    warning = logged["properties"]["pacing_warning"]
    assert {"type": "null"} in warning["anyOf"]
    assert warning["description"]
    assert {"type": "string", "format": "date"} in logged["properties"]["advised_day"]["anyOf"]


def _document(client: TestClient) -> dict[str, Any]:
    document: dict[str, Any] = client.get("/api/v1/openapi.json").json()
    return document


def test_the_limits_are_the_validations(client: TestClient) -> None:
    schemas = _document(client)["components"]["schemas"]
    animal = schemas["AnimalIn"]["properties"]
    assert animal["name"]["maxLength"] == limits.MAX_NAME
    assert animal["sex"]["maxLength"] == limits.MAX_SEX
    key = {"type": "string", "maxLength": limits.MAX_ID, "pattern": "^[a-z0-9_-]+$"}
    assert key in animal["id"]["anyOf"]
    assert limits.DATE_FLOOR.isoformat() in animal["born"]["anyOf"][0]["description"]
    weight = schemas["WeightIn"]["properties"]["grams"]
    assert weight["minimum"] == limits.MIN_GRAMS
    assert weight["exclusiveMaximum"] == max(limits.MAX_GRAMS.values())
    session = schemas["SessionIn"]["properties"]
    assert session["minutes"]["maximum"] == limits.MAX_MINUTES
    assert session["attempts"]["maximum"] == limits.MAX_ATTEMPTS
    assert session["notes"]["maxLength"] == limits.MAX_NOTES


def test_statuses_are_enums(client: TestClient) -> None:
    schemas = _document(client)["components"]["schemas"]
    assert set(schemas["AnimalOut"]["properties"]["status"]["enum"]) == set(ANIMAL_STATUSES)
    assert set(schemas["IntroductionOut"]["properties"]["status"]["enum"]) == set(
        INTRODUCTION_STATUSES
    )
    assert schemas["SessionOut"]["properties"]["session_class"]["enum"]


def test_logged_at_is_a_date_time_with_its_offset(client: TestClient) -> None:
    logged_at = _document(client)["components"]["schemas"]["SessionOut"]["properties"]["logged_at"]
    assert logged_at["format"] == "date-time"
    assert "offset" in logged_at["description"]


def test_every_operation_names_the_answers_it_can_get(client: TestClient) -> None:
    for path, operations in _document(client)["paths"].items():
        for method, operation in operations.items():
            answers = set(operation["responses"])
            assert {"400", "413", "503"} <= answers, (method, path)
            if method in ("post", "patch"):
                assert {"403", "415", "422"} <= answers, (method, path)
            if "{ref}" in path:
                assert "404" in answers, (method, path)


def test_the_document_declares_the_bearer_token(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    scheme = document["components"]["securitySchemes"]["personalToken"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert {"personalToken": []} in document["security"]
