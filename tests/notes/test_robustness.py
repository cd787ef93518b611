"""A bounded sample of scripts/notes_robustness.py: the surface changes that hold on the tuned
notes (see that script) keep holding on the first few checked notes of a few files, danger notes
keeping their danger pairs and calm notes staying calm."""

from __future__ import annotations

import importlib
from types import ModuleType

SAMPLE_FILES = ("notes-labelled.yaml", "notes-s13b.yaml", "notes-s15.yaml")
SAMPLE = 5
"""Checked notes of each kind (danger, calm) per file."""
HOLDING = (
    "lower case",
    "ALL CAPS",
    "sentence ends as ' - '",
    "sentence ends as newlines",
    "sentence ends as emoji",
    "doubled spaces",
    "curly quotes and dashes",
    "names in lower case",
    "name possessive without apostrophe",
    "the cat for its name",
    "contractions made",
    "contractions expanded",
    "American spellings",
    "British spellings",
    "leading 'Update:'",
    "leading 'Day 3:'",
    "leading time stamp",
    "leading bullet",
    "trailing emoji",
    "trailing 'lol'",
    "one typo outside the phrases",
)


def script() -> ModuleType:
    return importlib.import_module("scripts.notes_robustness")


def test_the_transformations_that_hold_keep_holding_on_a_sample() -> None:
    robustness = script()
    paths = [robustness.ROOT / "tests" / "data" / name for name in SAMPLE_FILES]
    outcomes, danger, calm = robustness.run(paths, limit=SAMPLE, transforms=HOLDING)
    assert danger >= len(SAMPLE_FILES)
    assert calm >= len(SAMPLE_FILES)
    failures = [f"{name}: {f}" for name, o in outcomes.items() for f in o.failures]
    assert not failures, "\n".join(failures)
    assert sum(o.changed for o in outcomes.values()) > len(HOLDING)


def test_every_transformation_changes_only_the_surface() -> None:
    robustness = script()
    names = ("Tom", "Pip")

    case = robustness.Case("x", 0, "", (), "cat-rat", None, names, ("Tom",), frozenset(), ((0, 3),))
    text = "Update: Tom's grey colour didn't change. Pip's fine!"
    for name, transform in robustness.TRANSFORMS.items():
        changed = transform(text, case)
        assert changed.strip(), name
    assert robustness.TRANSFORMS["the cat for its name"](text, case).startswith("Update: The cat")
    assert "did not" in robustness.TRANSFORMS["contractions expanded"](text, case)
    assert "gray color" in robustness.TRANSFORMS["American spellings"](text, case)
    assert "Toms grey" in robustness.TRANSFORMS["name possessive without apostrophe"](text, case)
