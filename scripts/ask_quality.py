#!/usr/bin/env python3
"""Score `ratbond ask` on the labelled owners' questions and write docs/ask-quality.md.

Run `.venv/bin/python scripts/ask_quality.py` after changing the ask rules, the knowledge files
or the questions. Each question names the entry that must come first (or several, any of which
may), or `none` when ask must not answer at all.

`--check` writes nothing and exits 1 when the figures in docs/ask-quality.md are not the ones
ask gives now, or a target is missed (tests/test_docs.py runs the same comparison).
`--heldout PATH` scores the held-out part of another file of the same shape (its questions in
the styles its `heldout_styles` names) and writes nothing: a fresh held-out set is scored so,
once, before any rule is changed for it.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.quality_report import QualityScript  # noqa: E402

DATA = ROOT / "tests" / "data"
QUESTIONS = DATA / "ask-questions.yaml"
# Each scored once blind, then studied to find general rules: tuned on since.
BLIND_SETS = (
    *("fresh", "final", "unseen"),
    *("s11", "s11b", "s11c", "s12", "s12b", "s12c", "s13", "s13b", "s13c", "s14", "s14b", "s14c"),
    *("s15", "s15b", "s15c", "s16"),
)
# Written blind by voices no other file has, never read while tuning: the held-out part.
HELDOUT = DATA / "ask-sealed.yaml"
REPORT = ROOT / "docs" / "ask-quality.md"
TARGET_TOP1 = 0.90
NONE = "none"


@dataclass
class Score:
    """Counts over one part (training or held-out) of the questions."""

    name: str
    styles: Counter[str] = field(default_factory=Counter)
    on_topic: int = 0
    top1: int = 0
    """On-topic questions whose first answer is a wanted entry."""
    unanswered: int = 0
    """On-topic questions ask gave no answer to."""
    off_topic: int = 0
    answered_off_topic: int = 0
    """Off-topic questions ask answered anyway: must be zero."""
    misses: list[str] = field(default_factory=list)
    style_on_topic: Counter[str] = field(default_factory=Counter)
    style_top1: Counter[str] = field(default_factory=Counter)
    style_answered_off_topic: Counter[str] = field(default_factory=Counter)

    @property
    def questions(self) -> int:
        return self.on_topic + self.off_topic

    @property
    def top1_rate(self) -> float:
        return self.top1 / self.on_topic if self.on_topic else 1.0


def load(path: Path = QUESTIONS) -> tuple[set[str], list[dict[str, Any]]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return set(data["heldout_styles"]), data["questions"]


def score(heldout: bool, path: Path = QUESTIONS, name: str | None = None) -> Score:
    """Ask every question of one part (the styles the file holds out, or the others) and
    count what came first."""
    from ratbond.care.ask import ask

    heldout_styles, questions = load(path)
    result = Score(name or ("held-out" if heldout else "training"))
    for item in questions:
        if (item["style"] in heldout_styles) != heldout:
            continue
        result.styles[item["style"]] += 1
        wanted = item["expect"]
        wanted = [wanted] if isinstance(wanted, str) else list(wanted)
        answer = ask(item["q"])
        first = answer.answers[0].id if answer.answers else NONE
        if wanted == [NONE]:
            result.off_topic += 1
            if first != NONE:
                result.answered_off_topic += 1
                result.style_answered_off_topic[item["style"]] += 1
                result.misses.append(f"{item['q']!r}: answered {first}, wanted no answer")
            continue
        result.on_topic += 1
        result.style_on_topic[item["style"]] += 1
        if first in wanted:
            result.top1 += 1
            result.style_top1[item["style"]] += 1
            continue
        if first == NONE:
            result.unanswered += 1
        result.misses.append(
            f"{item['q']!r}: {first} ({answer.why}, {answer.confidence:.2f}), wanted "
            + " or ".join(wanted)
        )
    return result


def meets_targets(result: Score) -> list[str]:
    """The targets a score misses, in words (empty when all are met)."""
    problems = []
    if result.name == "held-out" and result.top1_rate < TARGET_TOP1:
        problems.append(f"{result.name}: top-1 {result.top1_rate:.3f} < {TARGET_TOP1}")
    if result.answered_off_topic:
        problems.append(f"{result.name}: {result.answered_off_topic} off-topic questions answered")
    return problems


def report(results: Sequence[Score]) -> str:
    parts = [
        "# Ask quality",
        "",
        "Written by `scripts/ask_quality.py` from the question files in `tests/data`: questions",
        "in owners' words, each labelled with the entry `ratbond ask` must give first, or with",
        "*none* when it must not answer (other animals, pest control, nonsense). *Top-1* is the",
        "share of on-topic questions whose first answer is the labelled entry; an on-topic",
        "question left unanswered counts as a miss. Targets, on the held-out part: top-1 at",
        "least 0.90, and no answer at all to an off-topic question (on every part).",
        "",
        "The split is by how a question is written (its voice), never at random. Tuned on:",
        "`ask-questions.yaml` (its `plain` and `story` questions were read while the rules of",
        "`knowledge/ask.yaml` were written; its `terse` and `phone` ones were held out until",
        "session 7), `ask-fresh.yaml`, `ask-final.yaml`, `ask-unseen.yaml` (five new voices",
        "each, held out until sessions 7, 8 and 10), `ask-s11.yaml`, `-s11b` and `-s11c` (five",
        "more each, written blind for session 11), `ask-s12.yaml`, `-s12b` and `-s12c` (five",
        "more each, written blind for session 12), `ask-s13.yaml`, `-s13b` and `-s13c` (five",
        "more each, written blind for session 13), `ask-s14.yaml`, `-s14b` and `-s14c` (five",
        "more each, written blind for session 14), `ask-s15.yaml`, `-s15b` and `-s15c` (five",
        "more each, written blind for session 15), `ask-s16.yaml` (five more, written blind for",
        "session 16), each scored once before it was tuned on.",
        "Held out: `ask-sealed.yaml`, five more",
        "voices, written blind and never read while tuning; only its figures are shown.",
        "Misses are fixed with general rules (a word form, a synonym, a weight, an emergency's",
        "lower floor), never by keying on a question.",
        "",
        "How each set did the first time ask met it: the last 42 `terse`/`phone` questions",
        "top-1 0.861 with 2 of 6 off-topic answered (session 6); `ask-fresh.yaml` 0.716 with 2",
        "of 20 off-topic answered, 9 of 18 emergencies first; `ask-final.yaml` 0.659 with 1 of",
        "20 off-topic answered (session 7; its writer's report quoted three of its questions,",
        "which suggested the pet's-name rule made after); `ask-unseen.yaml` 0.477 with 4 of 25",
        "off-topic answered, 56 of 149 on-topic questions unanswered (session 8, before that",
        "session's changes to ask); `ask-sealed.yaml` 0.640 with 4 of 25 off-topic answered",
        "(session 10, before that session's changes); `ask-s11.yaml` 0.778 with 7 of 25",
        "off-topic answered (session 11, before that session's changes); `ask-s11b.yaml`",
        "0.768 with 3 of 25 off-topic answered (session 11, after its first round of changes);",
        "`ask-s11c.yaml` 0.510 with 9 of 25 off-topic answered and 31 of 100 on-topic",
        "questions unanswered (session 11, after its second round); `ask-s12.yaml` 0.810 with",
        "1 of 25 off-topic answered (session 12, before that session's changes to ask);",
        "`ask-s12b.yaml` 0.690 with 4 of 25 off-topic answered (session 12, after its first",
        "round of changes); `ask-s12c.yaml` 0.680 with 3 of 25 off-topic answered (session 12,",
        "after its second round); `ask-s13.yaml` 0.700 with 3 of 25 off-topic answered and",
        "`ask-s13b.yaml` 0.860 with 7 of 25 off-topic answered (session 13, before that",
        "session's changes to ask); `ask-s13c.yaml` 0.820 with 2 of 25 off-topic answered",
        "(session 13, before that session's changes, and again the same after its first round);",
        "`ask-s14.yaml` 0.850 with 5 of 25 off-topic answered and `ask-s14b.yaml` 0.790 with 3",
        "of 25 off-topic answered (session 14, before that session's changes to ask);",
        "`ask-s14c.yaml` 0.740 with 2 of 25 off-topic answered (session 14, before that",
        "session's changes, and again the same after its first round); `ask-s15.yaml` 0.880",
        "with 5 of 25 off-topic answered and `ask-s15b.yaml` 0.760 with 4 of 25 off-topic",
        "answered (session 15, before that session's changes to ask); `ask-s15c.yaml` 0.800",
        "with 5 of 25 off-topic answered (session 15, before that session's changes, and again",
        "the same after its first round); `ask-s16.yaml` 0.800 with 3 of 25 off-topic answered",
        "(session 16, at main be27eb0, before that session's changes to ask).",
        "",
        "| part | styles | questions | on-topic | top-1 | unanswered | off-topic "
        "| answered off-topic |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        styles = ", ".join(f"{s} {n}" for s, n in sorted(result.styles.items()))
        parts.append(
            f"| {result.name} | {styles} | {result.questions} | {result.on_topic} | "
            f"{result.top1_rate:.3f} | {result.unanswered} | {result.off_topic} | "
            f"{result.answered_off_topic} |"
        )
    parts += [
        "",
        "By voice:",
        "",
        "| part | voice | on-topic | top-1 | off-topic answered |",
        "|---|---|---|---|---|",
    ]
    for result in results:
        for style, count in sorted(result.styles.items()):
            on_topic = result.style_on_topic[style]
            rate = result.style_top1[style] / on_topic if on_topic else 1.0
            parts.append(
                f"| {result.name} | {style} | {on_topic} | {rate:.3f} | "
                f"{result.style_answered_off_topic[style]} of {count - on_topic} |"
            )
    parts.append("")
    for result in results:
        # The held-out questions stay unseen while tuning: only their figures are shown.
        if result.misses and result.name != "held-out":
            parts += [
                f"<details><summary>{result.name}: {len(result.misses)} questions missed</summary>",
                "",
                "```text",
                *result.misses,
                "```",
                "",
                "</details>",
                "",
            ]
    return "\n".join(parts)


def every_part(heldout: Path) -> list[Score]:
    """The tuned parts (the first questions, both styles, and the later blind sets), then the
    held-out part of `heldout`."""
    return [
        score(heldout=False),
        score(heldout=True, name="earlier held-out"),
        *(score(heldout=True, path=DATA / f"ask-{name}.yaml", name=name) for name in BLIND_SETS),
        score(heldout=True, path=heldout),
    ]


def summary(result: Score) -> str:
    return (
        f"{result.name}: {result.questions} questions, top-1 {result.top1_rate:.3f}, "
        f"{result.answered_off_topic} of {result.off_topic} off-topic answered"
    )


SCRIPT = QualityScript(
    name="ask_quality.py",
    description=__doc__ or "",
    report_path=REPORT,
    heldout_path=HELDOUT,
    score=every_part,
    report=report,
    summary=summary,
    problems=lambda results: [p for r in results for p in meets_targets(r)],
)


if __name__ == "__main__":
    sys.exit(SCRIPT.main())
