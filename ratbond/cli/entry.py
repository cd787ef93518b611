"""Console-script entry: `ratbond evaluate` takes a path of its own; everything else (and
`evaluate --help`) goes to Typer."""

from __future__ import annotations

import os
import sys


def main() -> None:
    argv = sys.argv[1:]
    try:
        if argv[:1] == ["evaluate"] and not {"--help", "-h"} & set(argv):
            # Keep Typer, Rich, the database and the web off the path a script calls in a loop.
            from ratbond.evaluate import main as evaluate

            sys.exit(evaluate(argv[1:]))
        from ratbond.cli.app import run

        run()
    except BrokenPipeError:
        # `ratbond today | head`: the reader has all it wants. What is still buffered would
        # fail again when Python flushes at exit, so standard output points at nothing.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
