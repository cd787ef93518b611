"""The care commands through Typer: output, exit 0 for answers and 2 for a user's mistake."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ratbond.care.knowledge import builtin_cage_rules
from ratbond.cli.app import app
from ratbond.cli.care import CAGE_FLAGS

runner = CliRunner()
CAGE = ["cage", "check", "--length", "80", "--width", "50", "--height", "60", "--levels", "3"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_cage_pass_in_cm() -> None:
    code, out, _ = run(*CAGE, "--bar-spacing", "1.2", "--rats", "2", "--paper-bedding")
    assert code == 0
    assert "PASS" in out
    assert "Not answered" in out


def test_cage_fail_in_inches_gives_reasons() -> None:
    code, out, _ = run(
        "cage", "check", "--length", "24", "--width", "18", "--height", "24", "--unit", "in",
        "--rats", "3", "--no-hideaways",
    )  # fmt: skip
    assert code == 0
    assert "FAIL" in out
    assert "Volume" in out
    assert "Hideaways" in out


def test_cage_metric_and_imperial_json_agree() -> None:
    _, metric, _ = run(*CAGE, "--rats", "2", "--json")
    _, imperial, _ = run(
        "cage", "check", "--length", str(80 / 2.54), "--width", str(50 / 2.54),
        "--height", str(60 / 2.54), "--unit", "in", "--levels", "3", "--rats", "2", "--json",
    )  # fmt: skip
    assert json.loads(metric)["passed"] == json.loads(imperial)["passed"] is True


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--rats", "0"], "rats: must be at least 1"),
        (["--rats", "2", "--unit", "mm"], "unit: unknown unit 'mm'"),
        (["--rats", "2", "--bar-spacing", "-1"], "--bar-spacing: must be a positive number"),
    ],
)
def test_cage_bad_input_exits_2_with_one_line(extra: list[str], message: str) -> None:
    code, out, err = run(*CAGE, *extra)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert out == ""


def test_cage_non_number_is_a_usage_error() -> None:
    code, _, err = run("cage", "check", "--length", "abc", "--width", "1", "--height", "1",
                       "--rats", "2")  # fmt: skip
    assert code == 2
    assert "length" in err


def test_every_cage_checklist_item_has_a_flag() -> None:
    assert {item.id for item in builtin_cage_rules().checklist} == set(CAGE_FLAGS)


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["banana"], "SAFE"), (["banan"], "read 'banan' as 'banana'"),
     (["Blueberies"], "blueberry"), (["blue", "cheese"], "AVOID"), (["garlic"], "onion family")],
)  # fmt: skip
def test_food(args: list[str], expected: str) -> None:
    code, out, _ = run("food", *args)
    assert code == 0
    assert expected in out


def test_unknown_food_says_ask_a_vet() -> None:
    code, out, _ = run("food", "dragonfruit")
    assert code == 0
    assert "UNKNOWN" in out
    assert "vet" in out


def test_food_without_a_name_lists_foods() -> None:
    code, out, _ = run("food")
    assert code == 0
    assert "chocolate" in out


def test_food_json() -> None:
    _, out, _ = run("food", "chocolate", "--json")
    assert json.loads(out)["verdict"] == "avoid"


def test_empty_food_name_exits_2() -> None:
    code, _, err = run("food", " ")
    assert code == 2
    assert "name a food" in err


def test_signs() -> None:
    code, out, _ = run("signs")
    assert code == 0
    assert "Trust signs" in out
    code, out, _ = run("signs", "aggressive")
    assert "gloves" in out
    code, out, _ = run("signs", "bruxing")
    assert "relaxed" in out


def test_unknown_sign_exits_2() -> None:
    code, _, err = run("signs", "xylophone")
    assert code == 2
    assert "topics:" in err


def test_ask_brief_and_detail() -> None:
    code, out, _ = run("ask", "how long does bonding take?")
    assert code == 0
    assert "How long does bonding with a rat take?" in out
    assert "seeds 002, 003" in out
    _, detailed, _ = run("ask", "how long does bonding take?", "--detail")
    assert len(detailed) > len(out)


def test_ask_words_without_quotes() -> None:
    code, out, _ = run("ask", "should", "I", "wear", "gloves")
    assert code == 0
    assert "gloves" in out.lower()


@pytest.mark.parametrize("question", [[], [""], ["?!"]])
def test_ask_empty_exits_2(question: list[str]) -> None:
    code, _, err = run("ask", *question)
    assert code == 2
    assert "type a question" in err


def test_ask_nothing_found() -> None:
    code, out, _ = run("ask", "capital of France")
    assert code == 0
    assert "ratbond has no answer to that" in out
    assert "Bites to people" in out


def test_freeroam_checklist() -> None:
    code, out, _ = run("freeroam", "checklist")
    assert code == 0
    assert "Windows and gaps closed" in out
    # Each item shows the answer `freeroam check` takes for it.
    assert "--yes windows-closed" in out
    assert "--yes cats-elsewhere" in out
    _, data, _ = run("freeroam", "checklist", "--json")
    assert any(item["id"] == "cats_elsewhere" for item in json.loads(data)["items"])
