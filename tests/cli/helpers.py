"""Building blocks of the CLI tests run through Typer's runner (the `cli` fixture): dates counted
back from the real today, and households ready to log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.conftest import Outcome

Cli = Callable[..., Outcome]
TODAY = dt.date.today()


def ago(days: int) -> str:
    """The real today less `days` days, as the CLI takes a date."""
    return (TODAY - dt.timedelta(days=days)).isoformat()


def cat_and_rat(cli: Cli) -> None:
    """Tom the cat and Pip the rat (arrived 60 days ago), vet-checked, in cat-rat `tom-pip`."""
    assert cli("animal", "add", "Tom", "--species", "cat", "--prey-drive", "moderate").code == 0
    assert cli("animal", "add", "Pip", "-s", "rat", "--arrived", ago(60)).code == 0
    assert cli("vet", "add", "tom", "--date", ago(30)).code == 0
    assert cli("vet", "add", "pip", "--date", ago(30)).code == 0
    assert cli("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip").code == 0


def four_introductions(cli: Cli) -> None:
    """Four introductions, one of them paused (`clementine`), and ids of every length."""
    for name, species in (("Tom", "cat"), ("Mr Whiskers", "cat")):
        assert cli("animal", "add", name, "-s", species, "--prey-drive", "low").code == 0
    for name in ("Pip", "Clementine"):
        assert cli("animal", "add", name, "-s", "rat", "--arrived", ago(60)).code == 0
    for animal in ("tom", "mr-whiskers", "pip", "clementine"):
        assert cli("vet", "add", animal, "--date", ago(30)).code == 0
    for args in (
        ("cat-rat", "--cat", "tom", "--rat", "pip"),
        ("trick-spin", "--rat", "pip"),
        ("rat-human", "--rat", "clementine"),
        ("cat-rat", "--cat", "mr-whiskers", "--rat", "clementine,pip"),
    ):
        assert cli("intro", "start", *args).code == 0
    assert cli("intro", "pause", "clementine").code == 0


def numbers(history: str) -> list[str]:
    """The "no." column of `ratbond history`."""
    return [line.split("│")[1].strip() for line in history.splitlines() if line.startswith("│")]
