"""What an alert says to an owner: its title, severity and advice from the catalogue
(`alerts.yaml`), the advice in the program's own words where its file gives them
(`rules.alert_advice`). Every place that shows an introduction's alerts reads them here."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ratbond.programs import builtin_program, builtin_program_files, builtin_vocabulary

if TYPE_CHECKING:
    from ratbond.model import AlertCode, AlertInfo, Program

SEVERITY_ORDER = {"danger": 0, "warning": 1, "info": 2}


def alert_info(code: AlertCode, program: Program | str | None = None) -> AlertInfo:
    """Alert `code` as `program` (a program or a shipped program's id) words it; the
    catalogue's words without a program, or for a program no longer shipped."""
    info = builtin_vocabulary().alerts[code]
    if isinstance(program, str):
        program = builtin_program(program) if program in builtin_program_files() else None
    advice = None if program is None else program.rules.alert_advice.get(code)
    return info if advice is None else replace(info, advice=advice)


def most_severe_first(
    codes: tuple[AlertCode, ...] | list[AlertCode], program: Program | str | None = None
) -> list[tuple[AlertCode, AlertInfo]]:
    """Each of `codes` with its `alert_info`, the most severe first (then by code)."""
    items = [(code, alert_info(code, program)) for code in codes]
    return sorted(items, key=lambda item: (SEVERITY_ORDER[item[1].severity], item[0]))
