"""Every command fed what an owner should never type, by hypothesis: each refusal is one line,
exit 2, never a traceback, and the database is exactly as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ratbond import limits
from tests.cli.helpers import Cli, ago
from tests.snapshots import all_rows, store_file

TODAY = dt.date.today()
# Strings no date option takes: not a date, before the floor, after today, far-off years.
BAD_DAYS = st.one_of(
    st.text(max_size=12).filter(lambda s: s.strip().lower() not in ("today", "yesterday")),
    st.dates(max_value=limits.DATE_FLOOR - dt.timedelta(days=1)).map(dt.date.isoformat),
    st.dates(min_value=TODAY + dt.timedelta(days=1)).map(dt.date.isoformat),
    st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "1e9", "³", "\uff12025-01-01"]),
).filter(lambda s: not _is_day(s))
HUGE = st.one_of(
    st.integers(min_value=limits.MAX_ATTEMPTS + 1, max_value=10**30).map(str),
    st.sampled_from([str(2**63), "9" * 5000]),
)
BAD_FLOATS = st.one_of(
    st.sampled_from(["nan", "inf", "-inf", "1e-320", "-1", "1e308", "0"]),
    st.floats(min_value=2e4, max_value=1e300).map(repr),
)
# A session's length no log takes (0 is a session cut short at once, and kept).
BAD_MINUTES = st.one_of(
    st.sampled_from(["nan", "inf", "-inf", "-1", "-1e-320", "1e308"]),
    st.floats(min_value=limits.MAX_MINUTES + 0.01, max_value=1e300).map(repr),
)
# One line of text no name takes: a control character or line break in it, or too long.
BAD_NAMES = st.one_of(
    st.tuples(st.text(max_size=5), st.sampled_from("\x00\x01\n\r\t\x1b\x7f\x85\u2028"))
    .map("".join)
    .filter(lambda s: s.strip() == s and s.strip()),
    st.integers(limits.MAX_NAME + 1, 5 * limits.MAX_NAME).map(lambda n: "N" * n),
)
BAD_IDS = st.sampled_from(["³", str(2**63), "9" * 5000, "-1", "0", "[bold]x", "nobody"])
# Notes too long to keep. (A control character is removed, not refused, by the store's rule
# for free text; an argument from a real terminal cannot carry a NUL anyway.)
BAD_NOTES = st.integers(limits.MAX_NOTES + 1, limits.MAX_NOTES + 100).map(lambda n: "n" * n)


def _is_day(text: str) -> bool:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return False
    return len(text.strip()) == 10 and limits.DATE_FLOOR <= day <= TODAY


# Each command, with V where the bad value goes, and the bad values it gets.
V = "<value>"
COMMANDS: list[tuple[tuple[str, ...], st.SearchStrategy[str]]] = [
    (("animal", "add", "Mo", "-s", "rat", "--born", V), BAD_DAYS),
    (("animal", "add", "Mo", "-s", "rat", "--arrived", V), BAD_DAYS),
    (("animal", "add", V, "-s", "rat"), BAD_NAMES),
    (("animal", "add", "Mo", "-s", "rat", "--sex", V), BAD_NAMES),
    (("animal", "edit", "pip", "--born", V), BAD_DAYS),
    (("animal", "edit", "pip", "--name", V), BAD_NAMES),
    (("animal", "show", V), BAD_IDS),
    (("vet", "add", "pip", "--date", V), BAD_DAYS),
    (("weigh", "pip", V), BAD_FLOATS),
    (("weigh", "pip", "250g", "--date", V), BAD_DAYS),
    (("intro", "start", "rat-human", "--rat", "pip", "--id", "two", "--started", V), BAD_DAYS),
    (("log", "pip", "--minutes", V), BAD_MINUTES),
    (("log", "pip", "--minutes", "5", "--date", V), BAD_DAYS),
    (("log", "pip", "--minutes", "5", "--notes", V), BAD_NOTES),
    (("log", "pip", "--minutes", "5", "--attempts", V, "--rewarded", "0"), HUGE),
    (("next", V), BAD_IDS),
    (("history", V), BAD_IDS),
    (("unlog", "pip", V, "--yes"), BAD_IDS),
    (("ask", "bonding", "--limit", V), HUGE),
    (("cage", "check", "--rats", "2", "--width", "50", "--height", "9", "--length", V), BAD_FLOATS),
    (("trust", "log", "pip", "-s", "bruxing", "--date", V), BAD_DAYS),
    (("groom", "pip", "--date", V), BAD_DAYS),
    (("care", "done", "cage-cleaning", "--date", V), BAD_DAYS),
]


@pytest.fixture
def household(cli: Cli, sqlite_url: str) -> Path:
    """Pip the rat in a rat-human introduction (`pip`), with one session."""
    assert cli("animal", "add", "Pip", "-s", "rat", "--arrived", ago(60)).code == 0
    assert cli("vet", "add", "pip", "--date", ago(30)).code == 0
    assert cli("intro", "start", "rat-human", "--rat", "pip", "--id", "pip").code == 0
    return store_file(sqlite_url)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_command_refuses_a_bad_value_in_one_line_and_saves_nothing(
    cli: Cli, household: Path, data: st.DataObject
) -> None:
    command, values = data.draw(st.sampled_from(COMMANDS), label="command")
    value = data.draw(values, label="value")
    args = tuple(value if arg == V else arg for arg in command)
    name = " ".join(command)
    before = all_rows(household)
    done = cli(*args)  # a traceback would be raised here
    assert done.code == 2, (name, done)
    message = done.error.strip()
    assert message, name
    assert "Traceback" not in message
    if not message.startswith("Usage:"):  # Typer's own: ratbond.cli.app.run makes it one line
        assert "\n" not in message, (name, message)
    assert all_rows(household) == before, name
