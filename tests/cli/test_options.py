"""A mistake in a value typed as an option names that option, as it was typed, and one typed
as an argument the argument (`ratbond.cli.options`); an option left out that is needed is
named as the option to give."""

from __future__ import annotations

import pytest

from tests.cli.helpers import Cli, four_introductions
from tests.cli.process import ratbond


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("vet", "add", "pip", "--date", "2999-01-01"), "--date: 2999-01-01 is after today"),
        (("weigh", "pip", "300", "--date=2999-01-01"), "--date: 2999-01-01 is after today"),
        (("animal", "add", "Zed", "-s", "dog"), "-s: unknown species"),
        (("animal", "add", "Zed", "--species", "dog"), "--species: unknown species"),
        (
            ("animal", "add", "Zed", "-s", "rat", "--prey-drive", "low"),
            "--prey-drive: only cats have a prey drive",
        ),
        (("animal", "edit", "pip", "--born", "2999-01-01"), "--born: 2999-01-01 is after today"),
        (
            ("animal", "archive", "pip", "--status", "gone"),
            "--status: 'gone' is not an archive status",
        ),
        (("intro", "start", "cat-rat", "--cat", "pip", "--rat", "tom"), "--cat: 'pip' is a rat"),
        (
            ("intro", "start", "rat-rat", "--newcomer", "clementine", "--residents", "pip,tom"),
            "--residents: 'tom' is a cat",
        ),
        (
            ("intro", "start", "rat-rat", "--newcomer", "clementine", "--resident", "tom"),
            "--resident: 'tom' is a cat",
        ),
        (
            ("intro", "start", "trick-fetch", "--rat", "pip", "--started", "2999-01-01"),
            "--started: 2999-01-01 is after today",
        ),
        (("log", "tom-pip", "--minutes", "5", "--signal", "tom:hiss"), "--signal: unknown signal"),
        (("trust", "log", "pip", "-s", "bruxing", "--date", "2999-01-01"), "--date: 2999-01-01"),
        (("groom", "pip", "-f", "lumpy"), "-f: unknown finding 'lumpy'"),
        (("care", "done", "weigh-in", "--date", "2999-01-01"), "--date: 2999-01-01 is after"),
        (("freeroam", "check", "--no", "cats-elswhere"), "--no cats-elswhere: not a free-roam"),
    ],
)
def test_a_mistake_in_a_typed_option_names_the_option(
    cli: Cli, args: tuple[str, ...], error: str
) -> None:
    four_introductions(cli)
    before = cli("export").output
    outcome = cli(*args)
    assert outcome.code == 2
    assert outcome.error.removeprefix("error: ").startswith(error), outcome.error
    assert cli("export").output == before


@pytest.mark.parametrize(
    ("args", "error"),
    [
        # The store's field is `grams`; the user typed the WEIGHT argument.
        (("weigh", "pip", "0"), "WEIGHT: 0 is not a weight"),
        (("weigh", "pip", "9000g"), "WEIGHT: 9000 g is not the weight of a pet rat"),
        (("weigh", "tom", "5g"), "WEIGHT: 5 g is too light for a pet cat"),
        (("weigh", "pip", "lots"), "WEIGHT: 'lots' is not a weight"),
        (("care", "done", "weigh-in", "tom"), "animal: 'tom' is a cat"),
        (("trust", "log", "tom", "-s", "bruxing"), "animal: 'tom' is a cat"),
        (("intro", "start", "cat-rut", "--cat", "tom"), "program: unknown program 'cat-rut'"),
        # A field emptied with --clear is named as cleared.
        (("animal", "edit", "pip", "--clear", "species"), "--clear species: 'pip' already takes"),
        (("animal", "edit", "pip", "--clear", "colour"), "--clear colour: this field cannot be"),
    ],
)
def test_a_mistake_in_a_typed_argument_names_the_argument(
    cli: Cli, args: tuple[str, ...], error: str
) -> None:
    four_introductions(cli)
    outcome = cli(*args)
    assert outcome.code == 2
    assert outcome.error.removeprefix("error: ").startswith(error), outcome.error


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("intro", "start", "cat-rat", "--cat", "tom"), "--rat: name the rat(s)"),
        (("log", "pip", "--minutes", "2"), "--attempts: required"),
        (("trust", "log", "pip"), "--sign: name at least one trust sign"),
        (("people", "add", "Zoe", "--role", "sitter"), "--animal: a sitter needs the animals"),
    ],
)
def test_an_option_left_out_that_is_needed_is_named_as_the_option_to_give(
    cli: Cli, args: tuple[str, ...], error: str
) -> None:
    four_introductions(cli)
    assert cli("people", "add", "Ann").code == 0  # the household's owner
    outcome = cli(*args)
    assert outcome.code == 2
    assert outcome.error.removeprefix("error: ").startswith(error), outcome.error


def test_a_refused_clearance_that_was_given_says_to_leave_it_out_not_to_give_it(
    cli: Cli,
) -> None:
    four_introductions(cli)
    assert cli("log", "tom-pip", "--minutes", "5").code == 0
    for args in (
        ("fix", "tom-pip", "1", "--minutes", "4", "--cleared-by", "Dr Reyes"),
        ("unlog", "tom-pip", "1", "--yes", "--cleared-by", "Dr Reyes"),
    ):
        outcome = cli(*args)
        assert outcome.code == 2
        assert outcome.error.startswith("--cleared-by: session 1 recorded no danger"), outcome
        assert outcome.error.endswith("leave it out"), outcome.error


def test_the_option_is_named_in_a_real_run_too(cli: Cli) -> None:
    four_introductions(cli)
    done = ratbond("animal", "add", "Zed", "--species", "rat", "--origin", "shop")
    assert done.returncode == 2
    assert done.stderr == (
        "error: --origin: unknown origin \"shop\"; expected one of 'breeder', 'pet_store', "
        "'rescue', 'unknown'\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("log", "tom-pip", "--minutes", "5", "--supervised", "--unsupervised"),
        ("fix", "tom-pip", "1", "--unsupervised", "--supervised"),
    ],
)
def test_a_flag_given_both_ways_is_refused_not_the_last_one_taken(
    cli: Cli, args: tuple[str, ...]
) -> None:
    four_introductions(cli)
    assert cli("log", "tom-pip", "--minutes", "5").code == 0
    before = cli("export").output
    outcome = cli(*args)
    assert outcome.code == 2
    first, second = (arg for arg in args if arg.endswith("supervised"))
    assert outcome.error.removeprefix("error: ").startswith(
        f"{first}, {second}: opposite answers; give one of them, not both"
    ), outcome.error
    assert cli("export").output == before


def test_a_sitters_end_date_given_to_another_role_names_the_end_date(cli: Cli) -> None:
    four_introductions(cli)
    assert cli("people", "add", "Ann").code == 0
    refused = cli("people", "add", "Bob", "--role", "viewer", "--until", "2099-01-01")
    assert refused.code == 2
    assert refused.error.startswith("--until: only a sitter is limited to animals"), refused
