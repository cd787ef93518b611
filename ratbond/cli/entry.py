"""Console-script entry: `ratbond evaluate` and `ratbond today` take fast paths; everything else
(and whatever a fast path leaves, such as `--help`) goes to Typer."""

from __future__ import annotations

import sys


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["evaluate"] and not {"--help", "-h"} & set(argv):
        # Keep Typer, Rich, the database and the web off the path a script calls in a loop.
        from ratbond.evaluate import main as evaluate

        sys.exit(evaluate(argv[1:]))
    if argv[:1] == ["today"]:
        # A rescue reads its plan every morning: no Typer, and no SQLAlchemy for the plan.
        from ratbond.cli.agenda import fast_today

        code = fast_today(argv[1:])
        if code is not None:
            sys.exit(code)
    from ratbond.cli.app import run

    run()
