"""The person `ratbond --as NAME` names for this run (read by `ratbond.cli.people.scoped`);
a module of its own, so the root option imports nothing else."""

from __future__ import annotations

from contextvars import ContextVar

ACTING: ContextVar[str | None] = ContextVar("ratbond_acting", default=None)
