"""Console-script entry: `ratbond evaluate` and `ratbond today` take fast paths; everything else
(and whatever a fast path leaves, such as `--help`) goes to Typer."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # `typing.TYPE_CHECKING` without importing `typing`
if TYPE_CHECKING:
    from typing import NoReturn


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["evaluate"] and not {"--help", "-h"} & set(argv):
        # Keep Typer, Rich, the database and the web off the path a script calls in a loop.
        from ratbond.evaluate import main as evaluate

        sys.exit(evaluate(argv[1:]))
    if argv[:1] == ["today"]:
        # A rescue reads its plan every morning: no Typer, and no SQLAlchemy for the plan.
        from ratbond.cli.agenda import fast_today

        try:
            code = fast_today(argv[1:])
        except BrokenPipeError:  # `ratbond today | head`: the reader has all it wants
            leave(1, closed=True)
        if code is not None:
            leave(code)
    from ratbond.cli.app import run

    run()


def leave(code: int, *, closed: bool = False) -> NoReturn:
    """Exit with `code` once the output is written, without tearing the interpreter down.

    For the lean `today` path only, once it has written everything: `sys.exit` would free
    every module and object one by one (a millisecond or two of a command that takes a few
    dozen), for a process that ends anyway. The exit handlers still run and both streams are
    flushed first. `closed`: standard output is a pipe its reader closed; what is left in its
    buffer is dropped, as the reader wants no more of it (no traceback, no error at exit).
    """
    import atexit

    if closed:
        # What stays buffered would fail again on every flush: point the stream at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = code or 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:  # noqa: SIM105 (`contextlib.suppress`: an import for one loop)
            stream.flush()
        except (BrokenPipeError, ValueError):  # closed by a reader, or by an exit handler
            pass
    os._exit(code)
