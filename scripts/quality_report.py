"""The command line the quality scripts share (scripts/ask_quality.py, scripts/notes_quality.py):
score the training and the held-out part, print the figures, keep the report in docs/ current.

`--check` writes nothing and exits 1 when the report is out of date or a target is missed.
`--heldout PATH` scores PATH as the held-out part instead of the committed one (to try a
fresh held-out file once, before anything is tuned on it): the figures and the missed targets
are printed, the report is neither written nor checked, as it states the committed files.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import yaml

ROOT = Path(__file__).resolve().parent.parent
S = TypeVar("S")


@dataclass(frozen=True)
class QualityScript(Generic[S]):
    """What one quality script scores and how it words the result."""

    name: str
    """The script's file name, as the out-of-date message tells to run it."""
    description: str
    report_path: Path
    heldout_path: Path
    """The committed held-out file."""
    score: Callable[[Path], Sequence[S]]
    """The training part and the held-out part, the latter read from the given file."""
    report: Callable[[Sequence[S]], str]
    summary: Callable[[S], str]
    """One line of figures for a part."""
    problems: Callable[[Sequence[S]], list[str]]
    """The targets the parts miss, in words."""

    def main(self, argv: list[str] | None = None) -> int:
        parser = argparse.ArgumentParser(
            description=self.description, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="write nothing; exit 1 when the report is out of date or a target is missed",
        )
        parser.add_argument(
            "--heldout",
            type=Path,
            default=self.heldout_path,
            metavar="PATH",
            help="score this file as the held-out part (default: "
            f"{self.heldout_path.relative_to(ROOT)}); the report is then neither written nor "
            "checked",
        )
        args = parser.parse_args(argv)
        heldout: Path = args.heldout
        committed = self.heldout_path.relative_to(ROOT)
        if not heldout.is_file():
            parser.error(f"--heldout {heldout}: no such file; give a file shaped like {committed}")
        sys.path.insert(0, str(ROOT))
        fresh = heldout.resolve() != self.heldout_path.resolve()
        try:
            results = self.score(heldout)
        except (KeyError, TypeError, ValueError, yaml.YAMLError) as error:
            if not fresh:
                raise
            first_line = (str(error).splitlines() or [""])[0]
            parser.error(
                f"--heldout {heldout}: not shaped like {committed} "
                f"({type(error).__name__}: {first_line})"
            )
        stale = False
        if not fresh:
            text = self.report(results)
            stale = not self.report_path.exists() or self.report_path.read_text("utf-8") != text
            report = self.report_path.relative_to(ROOT)
            if args.check and stale:
                print(f"{report} is out of date: run scripts/{self.name}")
            elif not args.check:
                self.report_path.write_text(text, encoding="utf-8")
        for result in results:
            print(self.summary(result))
        problems = self.problems(results)
        for problem in problems:
            print("target missed:", problem)
        return 1 if args.check and (problems or stale) else 0
