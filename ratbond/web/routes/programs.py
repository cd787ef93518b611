"""Program pages: every built-in program with its stages, and one program's stages in full."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from ratbond.errors import NotFound
from ratbond.model import Program
from ratbond.notes.review import signals_by_class
from ratbond.scenario import unknown_program
from ratbond.web.context import WebContext, web

router = APIRouter(tags=["pages"], include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]


def find_program(context: WebContext, program_id: str) -> Program:
    program = context.programs.get(program_id)
    if program is None:
        raise NotFound(unknown_program(program_id, context.programs))
    return program


@router.get("/programs", response_class=HTMLResponse)
def program_list(request: Request, context: Web) -> HTMLResponse:
    return context.pages.render(
        request, "programs/list.html", {"programs": list(context.programs.values())}
    )


@router.get("/programs/{program_id}", response_class=HTMLResponse)
def program_detail(request: Request, program_id: str, context: Web) -> HTMLResponse:
    program = find_program(context, program_id)
    species = sorted({role.species for role in program.roles.values()})
    return context.pages.render(
        request,
        "programs/detail.html",
        {
            "program": program,
            "signals": [(s, signals_by_class(program, context.vocabulary, s)) for s in species],
        },
    )
