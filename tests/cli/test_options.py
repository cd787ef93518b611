"""A mistake in a value typed as an option names that option, as it was typed
(`ratbond.cli.options`); a field no option gave keeps its own name."""

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


def test_a_field_no_option_gave_keeps_its_name(cli: Cli) -> None:
    four_introductions(cli)
    # `--clear species`: the species is the animal's, not an option's value.
    cleared = cli("animal", "edit", "pip", "--clear", "species")
    assert cleared.error.startswith("species: 'pip' already takes part in an introduction")
    # An option left out that the store asks for is named as the option to give.
    assert cli("intro", "start", "cat-rat", "--cat", "tom").error.startswith("--rat: name the")
    assert cli("log", "pip", "--minutes", "2").error.startswith("--attempts: required")
    weighed = cli("care", "done", "weigh-in", "tom").error  # `tom` is an argument
    assert weighed.startswith("error: animal: 'tom' is a cat")


def test_the_option_is_named_in_a_real_run_too(cli: Cli) -> None:
    four_introductions(cli)
    done = ratbond("animal", "add", "Zed", "--species", "rat", "--origin", "shop")
    assert done.returncode == 2
    assert done.stderr == (
        "error: --origin: unknown origin \"shop\"; expected one of 'breeder', 'pet_store', "
        "'rescue', 'unknown'\n"
    )
