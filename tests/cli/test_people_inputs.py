"""Mistakes typed to `ratbond people`: one line naming the option, nothing saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import Cli, ago


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("RATBOND_PERSON", raising=False)
    monkeypatch.delenv("RATBOND_HOUSEHOLD", raising=False)


def _owner_and_rat(cli: Cli) -> None:
    assert cli("animal", "add", "Pip", "-s", "rat").code == 0
    assert cli("people", "add", "Ann").code == 0


def test_a_sitter_whose_last_day_is_past_is_refused(cli: Cli) -> None:
    _owner_and_rat(cli)
    refused = cli("people", "add", "Sam", "--role", "sitter", "--animal", "pip", "--until", ago(1))
    assert refused.code == 2
    assert refused.error.startswith(f"--until: {ago(1)} is in the past")
    assert "Sam" not in cli("people", "list").output


def test_a_link_address_that_is_not_one_is_refused_before_anyone_is_added(cli: Cli) -> None:
    _owner_and_rat(cli)
    refused = cli("people", "add", "Cy", "--url", "ratbond.local")
    assert refused.code == 2
    assert refused.error.startswith("--url: 'ratbond.local' is not a web address")
    assert "Cy" not in cli("people", "list").output


def test_a_sitter_is_listed_with_the_names_of_their_animals(cli: Cli) -> None:
    _owner_and_rat(cli)
    assert cli("animal", "add", "Nib", "-s", "rat").code == 0
    args = ("--role", "sitter", "--animal", "nib", "--animal", "pip", "--until", "today")
    assert cli("people", "add", "Sam", *args).code == 0
    assert "animals: Nib, Pip" in cli("people", "list").output


def test_the_first_person_cannot_be_a_sitter(cli: Cli) -> None:
    assert cli("animal", "add", "Pip", "-s", "rat").code == 0
    refused = cli("people", "add", "Sam", "--role", "sitter", "--animal", "pip", "--until", "today")
    assert refused.code == 2
    assert "the first person added owns the household" in refused.error
    assert "Nobody yet" in cli("people", "list").output
