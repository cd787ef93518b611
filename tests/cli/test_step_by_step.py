"""`ratbond log` with no options asks field by field and checks each answer as it is typed
(`ratbond.store.sessions.check_session`): a slip is said at once and asked again, and the
answers before it are kept."""

from __future__ import annotations

from tests.cli.helpers import Cli, ago, cat_and_rat


def test_a_date_before_the_animals_arrived_is_asked_again_at_once(cli: Cli) -> None:
    cat_and_rat(cli)
    answers = "\n".join([ago(400), "today", "visual", "5", "y", "", "", ""]) + "\n"
    logged = cli("log", "tom-pip", input=answers)
    assert logged.code == 0
    flat = " ".join(logged.output.split())
    assert f"{ago(400)} is before Pip arrived" in flat
    assert "Logged session 1 of tom-pip" in flat


def test_minutes_out_of_range_are_asked_again_and_the_session_is_logged(cli: Cli) -> None:
    cat_and_rat(cli)
    answers = "\n".join(["today", "visual", "-3", "99999", "5", "y", "", "", ""]) + "\n"
    logged = cli("log", "tom-pip", input=answers)
    assert logged.code == 0
    flat = " ".join(logged.output.split())
    assert "-3 is negative; minutes must be 0 or more" in flat
    assert "99999 minutes is more than a day" in flat
    assert "Seeing each other, 5 min" in flat
