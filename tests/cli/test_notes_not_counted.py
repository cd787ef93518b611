"""After `log` and `fix`, the owner hears what the notes reader found but the advice did not
count (`ratbond.notes.review`: a ticked animal gets only danger, aggression and illness from its
notes, a calm sign with
no animal named counts for no one), so it can be ticked or the animal named."""

from __future__ import annotations

from tests.cli.helpers import Cli, cat_and_rat


def test_log_names_what_of_the_notes_was_not_counted(cli: Cli) -> None:
    cat_and_rat(cli)
    logged = cli(
        "log", "tom-pip", "--stage", "visual", "--minutes", "5",
        "--signal", "pip:relaxed",
        "--notes", "Pip froze once. Someone seemed relaxed. Tom hissed.",
    )  # fmt: skip
    assert logged.code == 0
    line = " ".join(logged.output.split())
    assert 'Not counted from your notes: "froze" (Pip: freezing;' in line
    assert "add it with --signal pip:freezing" in line
    assert '"relaxed" (relaxed, no animal named' in line
    assert "Read in your notes: Tom: hissing" in line


def test_log_says_nothing_was_left_out_when_every_reading_counts(cli: Cli) -> None:
    cat_and_rat(cli)
    logged = cli("log", "tom-pip", "--stage", "visual", "--minutes", "5", "--notes", "Tom hissed.")
    assert "Not counted" not in logged.output


def test_a_danger_the_notes_cannot_rule_out_counts_unasked_with_signals_given(cli: Cli) -> None:
    cat_and_rat(cli)
    logged = cli(
        "log", "tom-pip", "--stage", "visual", "--minutes", "5",
        "--signal", "tom:slow_blink",
        "--notes", "I think Tom might have nipped Pip.",
    )  # fmt: skip
    assert logged.code == 0
    line = " ".join(logged.output.split())
    assert "Counted, as your words cannot rule it out: Tom: biting" in line
    assert "Not counted" not in line
    assert "danger" in line.split("Logged session 1")[1].split("\n")[0]
    session = cli("history", "tom-pip").output
    assert "biting" in session


def test_fix_names_a_danger_its_new_signals_leave_out(cli: Cli) -> None:
    cat_and_rat(cli)
    note = "I think Tom might have nipped Pip."
    assert cli("log", "tom-pip", "--stage", "visual", "--minutes", "5", "--notes", note).code == 0
    fixed = cli("fix", "tom-pip", "1", "--signal", "tom:slow_blink", "--cleared-by", "Dr Reyes")
    assert fixed.code == 0, fixed.error
    line = " ".join(fixed.output.split())
    assert (
        'Not counted from your notes: "nipped" (Tom: biting; your words could not rule it out, '
        "and Tom's signals leave it out as not having happened; if it did: add it with "
        "--signal tom:biting)"
    ) in line
