"""`ratbond programs list|show|schema` read well and fail clearly."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ratbond.cli.app import app

runner = CliRunner()


def test_list_shows_every_program_and_its_stages() -> None:
    result = runner.invoke(app, ["programs", "list"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    for expected in ("cat-rat", "rat-rat", "rat-human", "side_by_side", "bonding_time"):
        assert expected in result.output


def test_show_prints_each_stage_with_its_instructions() -> None:
    result = runner.invoke(app, ["programs", "show", "cat-rat"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "Meeting through a barrier (barrier)" in result.output
    assert "after 5 calm sessions in a row" in result.output
    assert "120 min, 60 min more per calm session, at most 240 min" in result.output


def test_show_unknown_program_suggests_the_nearest() -> None:
    result = runner.invoke(app, ["programs", "show", "rat-humen"])
    assert result.exit_code != 0
    assert "did you mean 'rat-human'?" in str(result.exception or result.output)


def test_schema_is_json_schema_of_a_program_file() -> None:
    result = runner.invoke(app, ["programs", "schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "Stage" in schema["$defs"]
