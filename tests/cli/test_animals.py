"""`ratbond animal`, `vet` and `weigh`: a weight no pet has and a session dated before the
animal arrived are refused."""

from __future__ import annotations

from tests.cli.helpers import Cli, ago, cat_and_rat


def test_absurd_weights_and_dates_are_refused(cli: Cli) -> None:
    cat_and_rat(cli)
    heavy = cli("weigh", "pip", "50000")
    assert heavy.code == 2
    assert "not the weight of a pet rat" in heavy.error
    early = cli("log", "tom-pip", "--minutes", "5", "--date", ago(61))
    assert early.code == 2
    assert early.error.startswith(f"--date: {ago(61)} is before Pip arrived ({ago(60)})")
