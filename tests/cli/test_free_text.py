"""Free text typed on the command line: kept without control characters, printed without
driving the terminal, refused past its limit with one line naming the option."""

from __future__ import annotations

from ratbond.cli.console import shown
from ratbond.limits import MAX_LINE_TEXT
from tests.cli.helpers import Cli


def test_markings_typed_with_a_colour_code_are_shown_without_it(cli: Cli) -> None:
    assert cli("animal", "add", "Pip", "-s", "rat", "--markings", "hooded\x1b[31m\x07").code == 0
    shown_pip = cli("animal", "show", "pip").output
    assert "hooded[31m" in shown_pip
    assert "\x1b" not in shown_pip
    assert "\x07" not in shown_pip


def test_a_stored_control_character_is_printed_as_its_escape() -> None:
    assert shown("bell\x07 and \x1b[2J") == "bell\\x07 and \\x1b[2J"


def test_a_vet_name_too_long_is_one_line_naming_the_option(cli: Cli) -> None:
    assert cli("animal", "add", "Pip", "-s", "rat").code == 0
    refused = cli("vet", "add", "pip", "--vet", "V" * (MAX_LINE_TEXT + 1))
    assert refused.code == 2
    assert refused.error.startswith("--vet: is 201 characters long; at most 200")
    assert "VVVVV" not in cli("vet", "list", "pip").output
