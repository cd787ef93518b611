"""Program pages: every built-in program with its stages, and one program's stages in full."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse

from ratbond.errors import did_you_mean
from ratbond.model import Program, Signal, SignalClass, Species
from ratbond.web.context import WebContext, web

router = APIRouter(tags=["pages"], include_in_schema=False)
Web = Annotated[WebContext, Depends(web)]
CLASS_ORDER: tuple[SignalClass, ...] = ("calm", "stress", "illness", "aggression", "danger")


def find_program(context: WebContext, program_id: str) -> Program:
    program = context.programs.get(program_id)
    if program is None:
        raise HTTPException(
            404,
            f"No program called '{program_id}'"
            + did_you_mean(program_id, context.programs)
            + ". Known: "
            + ", ".join(context.programs),
        )
    return program


def signals_by_class(
    context: WebContext, program: Program, species: Species
) -> list[tuple[SignalClass, list[tuple[str, Signal]]]]:
    """A species' signals grouped by their class in this program (overrides applied)."""
    overrides = program.signal_class_overrides.get(species, {})
    groups: dict[SignalClass, list[tuple[str, Signal]]] = {klass: [] for klass in CLASS_ORDER}
    for name, signal in context.vocabulary.signals[species].items():
        groups[overrides.get(name, signal.class_)].append((name, signal))
    return [(klass, items) for klass, items in groups.items() if items]


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
            "signals": [(s, signals_by_class(context, program, s)) for s in species],
        },
    )
