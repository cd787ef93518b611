"""The quality scripts' shared command line: `--heldout PATH` scores another file as the
held-out part and writes nothing; a file of the wrong shape is one usage error, exit 2."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest
import yaml


def script(name: str) -> ModuleType:
    """A quality script as a module (the project folder is on the path, as it is for pytest)."""
    return importlib.import_module(f"scripts.{name}")


def test_ask_scores_a_fresh_held_out_file_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quality = script("ask_quality")
    fresh = tmp_path / "fresh.yaml"
    questions = [
        {"q": "rat bite on hand swollen", "expect": "faq:bitten_person", "style": "terse"},
        {"q": "what colour is the sky", "expect": "none", "style": "terse"},
        {"q": "my rat bit me", "expect": "faq:bitten_person", "style": "plain"},
    ]
    fresh.write_text(yaml.safe_dump({"heldout_styles": ["terse"], "questions": questions}))
    before = quality.REPORT.read_text(encoding="utf-8")
    assert quality.SCRIPT.main(["--heldout", str(fresh)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "held-out: 2 questions, top-1 1.000, 0 of 1 off-topic answered" in lines, lines
    assert quality.REPORT.read_text(encoding="utf-8") == before


def test_notes_score_a_fresh_held_out_file_and_miss_targets_out_loud(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quality = script("notes_quality")
    fresh = tmp_path / "fresh.yaml"
    cast = {
        "program": "rat-human",
        "animals": [{"id": "alfie", "name": "Alfie", "species": "rat"}],
        "roles": {"rat": ["alfie"]},
    }
    notes = [
        {"cast": "c", "text": "Alfie bit me hard, blood everywhere", "gold": {}},
        {"cast": "c", "text": "Alfie slept all afternoon", "gold": {}},
    ]
    fresh.write_text(yaml.safe_dump({"casts": {"c": cast}, "notes": notes}))
    before = quality.REPORT.read_text(encoding="utf-8")
    code = quality.SCRIPT.main(["--heldout", str(fresh), "--check"])
    out = capsys.readouterr().out
    assert "fresh.yaml: 2 notes" in out
    assert quality.REPORT.read_text(encoding="utf-8") == before
    assert code == (1 if "target missed: fresh.yaml" in out else 0), out


@pytest.mark.parametrize("name", ["ask_quality", "notes_quality"])
def test_a_held_out_file_of_another_shape_is_one_usage_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("answer: 42\n")
    with pytest.raises(SystemExit) as exit_:
        script(name).SCRIPT.main(["--heldout", str(wrong)])
    assert exit_.value.code == 2
    error = capsys.readouterr().err.splitlines()[-1]
    assert f"--heldout {wrong}: not shaped like tests/data/" in error
    assert "KeyError" in error
