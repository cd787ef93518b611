"""`ratbond animal`, `vet` and `weigh`: a weight no pet has and a session dated before the
animal arrived are refused; weights come with their units; ids are typed in ASCII."""

from __future__ import annotations

import pytest

from tests.cli.helpers import Cli, ago, cat_and_rat
from tests.cli.process import ratbond


def test_absurd_weights_and_dates_are_refused(cli: Cli) -> None:
    cat_and_rat(cli)
    heavy = cli("weigh", "pip", "50000")
    assert heavy.code == 2
    assert "not the weight of a pet rat" in heavy.error
    early = cli("log", "tom-pip", "--minutes", "5", "--date", ago(61))
    assert early.code == 2
    assert early.error.startswith(f"--date: {ago(61)} is before Pip arrived ({ago(60)})")


@pytest.mark.parametrize(
    ("typed", "grams"),
    [
        ("250g", "250 g"),
        ("250 g", "250 g"),
        ("0.55 lb", "249.5 g"),
        ("0.55lb", "249.5 g"),
        ("9 oz", "255.1 g"),
        ("0.3kg", "300 g"),
        ("250", "250 g"),
    ],
)
def test_weigh_takes_a_weight_with_its_unit(cli: Cli, typed: str, grams: str) -> None:
    cat_and_rat(cli)
    done = cli("weigh", "pip", typed)
    assert done.code == 0, done.error
    assert f"Pip: {grams} on " in done.output


@pytest.mark.parametrize("typed", ["0", "250 stone", "heavy", "2 kg"])
def test_weigh_refuses_what_is_no_weight_of_a_rat(cli: Cli, typed: str) -> None:
    cat_and_rat(cli)
    refused = cli("weigh", "pip", typed)
    assert refused.code == 2
    assert "weight" in refused.error
    assert "Traceback" not in refused.error


def test_weighing_a_loss_says_so_at_once(cli: Cli) -> None:
    cat_and_rat(cli)
    assert "ALERT" not in cli("weigh", "pip", "400g", "--date", ago(10)).output
    lost = cli("weigh", "pip", "340g")
    assert "ALERT Pip lost 15 % of its weight" in lost.output
    assert "see a vet" in lost.output


@pytest.mark.parametrize(
    ("name", "key"), [("Chloé", "chloe"), ("ハナ", "hana"), ("Жучка", "zhuchka")]
)
def test_ids_from_names_in_any_script_are_typed_in_ascii(cli: Cli, name: str, key: str) -> None:
    added = cli("animal", "add", name, "-s", "rat")
    assert added.code == 0, added.error
    assert key in added.output
    assert cli("animal", "show", key).code == 0


@pytest.mark.parametrize("columns", [40, 100])
def test_animal_list_is_readable_at_any_width(cli: Cli, columns: int) -> None:
    assert cli("animal", "add", "Mr Whiskers", "-s", "cat", "--prey-drive", "low").code == 0
    assert cli("animal", "add", "Chloé", "-s", "rat", "--arrived", ago(60)).code == 0
    listed = ratbond("animal", "list", COLUMNS=str(columns))
    assert listed.returncode == 0, listed.stderr
    assert max(len(line) for line in listed.stdout.splitlines()) <= columns
    assert "…" not in listed.stdout
    words = {word.strip("│┃") for word in listed.stdout.split()}
    assert {"mr-whiskers", "chloe", "Chloé", "low", ago(60)} <= words


def test_a_weighing_typed_in_for_an_earlier_day_compares_with_the_one_before_it(
    cli: Cli,
) -> None:
    cat_and_rat(cli)
    assert cli("weigh", "pip", "400g", "--date", ago(10)).code == 0
    assert cli("weigh", "pip", "420g").code == 0
    between = cli("weigh", "pip", "410g", "--date", ago(5)).output
    assert f"Pip: 410 g on {ago(5)} (+10 g since {ago(10)})." in " ".join(between.split())
    first = cli("weigh", "pip", "390g", "--date", ago(20)).output
    assert " ".join(first.split()) == f"Pip: 390 g on {ago(20)}."
