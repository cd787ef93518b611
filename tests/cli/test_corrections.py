"""`ratbond fix` and `ratbond unlog`: a session corrected or withdrawn by its number, the
advice refreshed at once, and the numbers kept."""

from __future__ import annotations

from tests.cli.helpers import Cli, ago, cat_and_rat, numbers


def test_fix_and_unlog_a_session_by_its_number(cli: Cli) -> None:
    cat_and_rat(cli)
    assert cli("log", "tom-pip", "--minutes", "5", "--date", ago(3)).code == 0
    assert cli("log", "tom-pip", "--minutes", "8", "--date", ago(2)).code == 0
    mistaken = cli("log", "tom-pip", "--minutes", "11", "--signal", "tom:hissing", "--date", ago(1))
    assert "Next: Repeat Seeing each other, 5 min" in mistaken.output
    fixed = cli("fix", "tom-pip", "3", "--no-signals", "--notes", "it was the radio, not Tom")
    assert fixed.code == 0
    assert "Fixed session 3 of tom-pip" in fixed.output
    assert "calm" in fixed.output
    assert "Next: Move on to Swapping scents" in fixed.output
    assert "it was the radio, not Tom" in cli("history", "tom-pip").output
    assert cli("fix", "tom-pip", "3").code == 2
    missing = cli("fix", "tom-pip", "9", "--minutes", "3")
    assert missing.code == 2
    assert "no session 9 (its sessions: 1, 2, 3)" in missing.error
    bad = cli("fix", "tom-pip", "3", "--minutes", "-4")
    assert bad.code == 2
    assert bad.error.startswith("--minutes:")
    declined = cli("unlog", "tom-pip", "3", input="n\n")
    assert declined.code == 1
    assert numbers(cli("history", "tom-pip").output) == ["1", "2", "3"]
    withdrawn = cli("unlog", "tom-pip", "3", "--yes")
    assert withdrawn.code == 0
    assert "Withdrew session 3 of tom-pip" in withdrawn.output
    assert "Next: Repeat Seeing each other, 11 min" in withdrawn.output
    assert numbers(cli("history", "tom-pip").output) == ["1", "2"]
    # A new session takes a new number: 3 stays the withdrawn one's.
    assert "Logged session 4 of tom-pip" in cli("log", "tom-pip", "--minutes", "11").output


def test_undoing_a_bite_needs_clearance_and_says_what_it_undoes(cli: Cli) -> None:
    cat_and_rat(cli)
    bite = ("--minutes", "5", "--signal", "tom:biting", "--signal", "pip:wound")
    assert cli("log", "tom-pip", *bite, "--date", ago(1)).code == 0
    refused = cli("unlog", "tom-pip", "1", input="y\n")
    assert refused.code == 2
    assert refused.error.startswith("--cleared-by: cannot withdraw session 1 of 'tom-pip'")
    assert "Tom: biting" in refused.error
    assert "--cleared-by" in refused.error
    calm = cli("fix", "tom-pip", "1", "--no-signals", "--notes", "")
    assert calm.code == 2
    assert calm.error.startswith("--cleared-by: cannot correct session 1")
    assert "Stop the introduction" in cli("next", "tom-pip").output
    asked = cli("unlog", "tom-pip", "1", "--cleared-by", "Dr Reyes", input="y\n")
    assert asked.code == 0
    assert "Careful: it recorded danger" in asked.output
    assert "Withdrew session 1 of tom-pip" in asked.output
