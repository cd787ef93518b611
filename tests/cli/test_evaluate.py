"""`ratbond evaluate` as a user runs it: one JSON object and exit 0, or one line and exit 2."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from scenarios import calm_run, scenario

from ratbond.evaluate import run
from tests.cli.process import CONSOLE_SCRIPT

ROOT = Path(__file__).resolve().parents[2]
RATBOND = [sys.executable, "-c", CONSOLE_SCRIPT]
REQUIRED = {"program", "action", "stage", "minutes", "not_before", "alerts", "reasons"}


def ratbond(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RATBOND, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
    )


def run_text(text: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run("-", None, out, err, io.StringIO(text))
    return code, out.getvalue(), err.getvalue()


def test_example_file_from_the_readme_gives_advice() -> None:
    result = ratbond("evaluate", "examples/cat-rat-first-week.json")
    assert result.returncode == 0, result.stderr
    advice = json.loads(result.stdout)
    assert set(advice) >= REQUIRED
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("advance", "scent", 120)


def test_standard_input_is_read_with_a_dash() -> None:
    result = ratbond("evaluate", "-", stdin=json.dumps(scenario("rat-human")))
    assert result.returncode == 0
    assert json.loads(result.stdout)["action"] == "start"


def test_bad_input_prints_one_line_and_exits_2() -> None:
    document = scenario("cat-rat", calm_run("visual", 1, 1, 5))
    document["sessions"][0]["signals"] = {"tom": ["hiss"]}
    result = ratbond("evaluate", "-", stdin=json.dumps(document))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: sessions[0].signals.tom[0]: unknown signal 'hiss' for a "
        "cat (did you mean 'hissing'?); see 'ratbond signals --species cat'\n"
    )


def test_missing_file_and_bad_arguments_exit_2_without_traceback(tmp_path: Path) -> None:
    for args in (
        ["evaluate", str(tmp_path / "nope.json")],
        ["evaluate"],
        ["evaluate", "a.json", "b.json"],
        ["evaluate", str(tmp_path)],
    ):
        result = ratbond(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_an_empty_file_name_is_refused_as_empty() -> None:
    """It was read as the current folder's name ('': no such file)."""
    result = ratbond("evaluate", "")
    assert result.returncode == 2
    assert result.stderr.startswith("error: FILE is empty; give the path of a file; usage:")


def test_own_program_file_is_used(tmp_path: Path) -> None:
    text = (ROOT / "ratbond/data/programs/cat-rat.yaml").read_text()
    mine = tmp_path / "strict.yaml"
    mine.write_text(
        text.replace("id: cat-rat", "id: strict-cat-rat").replace(
            "calm_to_advance: 3", "calm_to_advance: 4", 1
        )
    )
    document = {**scenario("cat-rat", calm_run("visual", 3, 3, 5)), "program": "strict-cat-rat"}
    result = ratbond("evaluate", "-", "--program-file", str(mine), stdin=json.dumps(document))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["action"] == "repeat"
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace("max: 20", "max: twenty", 1))
    result = ratbond("evaluate", "-", "--program-file", str(broken), stdin=json.dumps(document))
    assert result.returncode == 2
    assert "broken.yaml, line 51: stages[0].minutes.max" in result.stderr


def test_help_goes_through_typer() -> None:
    result = ratbond("evaluate", "--help")
    assert result.returncode == 0
    assert "FILE|-" in result.stdout


# Advice is the pure engine's: it needs neither the household store nor the web app.
DATABASE_AND_WEB = ("sqlalchemy", "ratbond.store", "fastapi", "starlette", "ratbond.web")


def test_evaluate_imports_neither_the_database_nor_the_web_framework(tmp_path: Path) -> None:
    file = tmp_path / "scenario.json"
    file.write_text(json.dumps(scenario("cat-rat", calm_run("visual", 2, 5, 5))))
    probe = (
        "import sys; from ratbond.cli.entry import main; sys.argv[1:] = ['evaluate', sys.argv[1]]\n"
        "try: main()\n"
        "except SystemExit as done: assert done.code == 0, done.code\n"
        f"print(sorted(set({DATABASE_AND_WEB!r}) & set(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(file)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "[]\n"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)


def assert_clean(code: int, out: str, err: str) -> None:
    assert code in (0, 2)
    if code == 0:
        assert set(json.loads(out)) >= REQUIRED
        assert err == ""
    else:
        assert out == ""
        assert err.startswith("error: ")
        assert err.count("\n") == 1


@given(st.text(max_size=200))
def test_fuzz_random_text_never_crashes(text: str) -> None:
    assert_clean(*run_text(text))


@given(json_values)
def test_fuzz_random_json_never_crashes(value: Any) -> None:
    assert_clean(*run_text(json.dumps(value)))


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


@given(st.sampled_from(["cat-rat", "rat-rat", "rat-human"]), st.data())
def test_fuzz_mutated_scenarios_never_crash(program: str, data: st.DataObject) -> None:
    stage = {"cat-rat": "visual", "rat-rat": "neutral", "rat-human": "voice"}[program]
    document: Any = scenario(program, calm_run(stage, 3, 5, 10))
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(paths(document)))
        parent = document
        for part in where[:-1]:
            parent = parent[part]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[where[-1]]
        else:
            parent[where[-1]] = data.draw(json_values)
    assert_clean(*run_text(json.dumps(document)))


def test_a_file_that_is_not_json_is_named_in_the_error(tmp_path: Path) -> None:
    broken = tmp_path / "week.json"
    broken.write_text('{"program": "cat-rat",\n')
    done = ratbond("evaluate", str(broken))
    assert done.returncode == 2
    assert done.stderr == f"error: {broken}: not valid JSON at line 2, column 1: " + (
        "Expecting property name enclosed in double quotes\n"
    )


def test_a_field_error_from_a_file_starts_with_the_field_path(tmp_path: Path) -> None:
    typo = tmp_path / "typo.json"
    typo.write_text(json.dumps({**scenario("cat-rat"), "program": "cat-rut"}))
    done = ratbond("evaluate", str(typo))
    assert done.returncode == 2
    assert done.stderr.startswith("error: program: unknown program 'cat-rut'")


def test_jsonl_answers_each_line_with_its_advice_and_skips_blank_lines(tmp_path: Path) -> None:
    first = scenario("rat-human")
    second = scenario("cat-rat", calm_run("visual", 3, 3, 5))
    lines = tmp_path / "scenarios.jsonl"
    lines.write_text(f"{json.dumps(first)}\n\n   \n{json.dumps(second)}\n")
    done = ratbond("evaluate", "--jsonl", str(lines))
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["action"] for a in answers] == ["start", "advance"]
    assert done.stderr == ""


def test_jsonl_stops_at_a_bad_line_naming_it_after_the_advice_of_the_lines_before() -> None:
    good = json.dumps(scenario("rat-human"))
    bad = scenario("cat-rat", calm_run("visual", 1, 1, 5))
    bad["sessions"][0]["date"] = "yesterday"
    text = "\n".join([good, "", json.dumps(bad), good]) + "\n"
    done = ratbond("evaluate", "--jsonl", "-", stdin=text)
    assert done.returncode == 2
    assert [json.loads(line)["action"] for line in done.stdout.splitlines()] == ["start"]
    assert done.stderr.startswith("error: line 3: sessions[0].date: ")
    assert done.stderr.count("\n") == 1


def test_jsonl_a_line_that_is_not_json_is_named_by_its_number() -> None:
    done = ratbond("evaluate", "--jsonl", "-", stdin='{"program": \n')
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: line 1: not valid JSON at line 1, column ")


def test_jsonl_from_the_function_gives_the_same_advice_as_one_document() -> None:
    document = json.dumps(scenario("cat-rat", calm_run("visual", 2, 2, 5)))
    out, err = io.StringIO(), io.StringIO()
    assert run("-", None, out, err, io.StringIO(document + "\n" + document), jsonl=True) == 0
    assert out.getvalue() == run_text(document)[1] * 2


def test_danger_the_notes_cannot_rule_out_is_listed_under_to_confirm() -> None:
    document = scenario("cat-rat", calm_run("visual", 1, 1, 5))
    document["sessions"][0]["notes"] = "I think Tom bit Pip through the bars"
    code, out, _ = run_text(json.dumps(document))
    assert code == 0
    advice = json.loads(out)
    assert advice["to_confirm"] == [
        {
            "session": 0,
            "date": document["sessions"][0]["date"],
            "animal": "tom",
            "signal": "biting",
            "text": ["bit"],
            "counted": True,
        }
    ]
    # Counted until the owner says no: the introduction stops.
    assert advice["action"] == "stop"
    # Notes that rule nothing out list nothing; a scenario without notes has no such field.
    document["sessions"][0]["notes"] = "Tom bit the bars"
    assert json.loads(run_text(json.dumps(document))[1])["to_confirm"] == []
    del document["sessions"][0]["notes"]
    assert "to_confirm" not in json.loads(run_text(json.dumps(document))[1])


def test_a_danger_to_confirm_counts_beside_ticked_signals_no_one_was_asked_about() -> None:
    """Ticked calm signals in a scenario answered no question about the notes: the hedged bite
    was listed with counted false and the pair moved on."""
    document = scenario("cat-rat", calm_run("visual", 1, 1, 5))
    document["sessions"][0]["signals"] = {"tom": ["relaxed_posture"], "pip": ["relaxed"]}
    document["sessions"][0]["notes"] = "I think Tom might have bitten Pip, not sure"
    advice = json.loads(run_text(json.dumps(document))[1])
    assert [item["counted"] for item in advice["to_confirm"]] == [True]
    assert advice["action"] == "stop"
