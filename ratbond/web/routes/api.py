"""The JSON API under /api/v1; `POST /advice` answers exactly as `ratbond evaluate` does."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from ratbond.advice import advise
from ratbond.errors import InputError
from ratbond.scenario import parse_json, parse_scenario
from ratbond.web.context import WebContext, web
from ratbond.web.errors import ApiError, user_error
from ratbond.web.schemas import SCENARIO_EXAMPLE, SCENARIO_SCHEMA, AdviceOut

router = APIRouter(prefix="/api/v1", tags=["api"])
Web = Annotated[WebContext, Depends(web)]
ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ApiError, "description": "Bad input; names the offending field."},
}


@router.post(
    "/advice",
    summary="Advice for a scenario (the advice contract)",
    response_model=AdviceOut,
    responses={
        **ERRORS,
        415: {"model": ApiError, "description": "The body is not sent as application/json."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": SCENARIO_SCHEMA, "example": SCENARIO_EXAMPLE}
            },
        }
    },
)
async def post_advice(request: Request, context: Web) -> JSONResponse:
    """Validate the scenario in the body and return the next step, as `ratbond evaluate` prints.

    Bad input is a 422 whose `error` is the command line's message, naming the field path.
    """
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return user_error(InputError("", "the body is not UTF-8 text; send the scenario as JSON"))
    try:
        scenario = parse_scenario(
            parse_json(text), context.vocabulary, context.programs, context.today()
        )
    except InputError as error:
        return user_error(error)
    return JSONResponse(advise(scenario, context.vocabulary).to_json())
