"""Console-script entry: `ratbond evaluate` takes a fast path; everything else goes to Typer."""

from __future__ import annotations

import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["evaluate"] and not {"--help", "-h"} & set(argv):
        # Keep Typer, Rich, the database and the web off the path a script calls in a loop.
        from ratbond.evaluate import main as evaluate

        sys.exit(evaluate(argv[1:]))
    from ratbond.cli.app import run

    run()
