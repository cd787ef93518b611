"""The OpenAPI document is valid OpenAPI 3 and documents the advice call and its errors."""

from __future__ import annotations

from fastapi.testclient import TestClient
from openapi_spec_validator import validate


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


def test_the_document_declares_the_bearer_token(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    scheme = document["components"]["securitySchemes"]["personalToken"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert {"personalToken": []} in document["security"]
