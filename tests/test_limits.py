"""Input at the limits costs about what typical input does (`ratbond.limits`): the longest name
is stored in a few times the time of a short one, and a file far over the size limit (50 MB,
or `/dev/zero`, which never ends) is refused in a few times the time a typical file is read.
Each ratio is measured within the run, on the same machine, with a generous bound."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ratbond import limits
from ratbond.limits import MAX_NAME
from tests.cli.helpers import Cli
from tests.web.conftest import make_client

RATIO = 5.0
ROUNDS = 3


def _median_seconds(action: Callable[[int], object]) -> float:
    times = []
    for round_ in range(ROUNDS):
        started = time.perf_counter()
        action(round_)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def test_the_longest_name_costs_about_what_a_short_one_does(sqlite_url: str) -> None:
    for api in make_client(sqlite_url):

        def add(name: str, client: Any = api) -> Callable[[int], object]:
            def post(round_: int) -> None:
                animal = {"id": f"{len(name)}-{round_}", "name": name, "species": "rat"}
                assert client.post("/api/v1/animals", json=animal).status_code == 201

            return post

        add("Warm")(99)  # the first request pays for what is loaded once
        short = _median_seconds(add("Pip"))
        longest = _median_seconds(add("Ñ" * MAX_NAME))
        assert longest < RATIO * short, (longest, short)


def test_a_file_far_over_the_limit_is_refused_as_fast_as_a_typical_one_is_read(
    cli: Cli, tmp_path: Path
) -> None:
    scenario = tmp_path / "typical.json"
    scenario.write_text(
        json.dumps(
            {
                "program": "rat-human",
                "animals": [{"id": "pip", "species": "rat", "arrived": "2026-01-01"}],
                "roles": {"rat": ["pip"]},
            }
        ),
        encoding="utf-8",
    )
    huge = tmp_path / "huge.json"
    with huge.open("wb") as file:
        file.truncate(50_000_000)  # 50 MB of NUL bytes, no line break

    def run(*args: str, code: int) -> Callable[[int], object]:
        def command(round_: int) -> None:
            assert cli(*args).code == code

        return command

    typical = _median_seconds(run("evaluate", str(scenario), code=0))
    for far_over in (str(huge), "/dev/zero"):
        for command in ("evaluate", "import"):
            refused = _median_seconds(run(command, far_over, code=2))
            assert refused < RATIO * typical, (command, far_over, refused, typical)


def test_docs_say_every_limit() -> None:
    text = (Path(__file__).parents[1] / "docs" / "limits.md").read_text(encoding="utf-8")
    for name in dir(limits):
        value = getattr(limits, name)
        if not name.isupper():
            continue
        shown = [value] if not isinstance(value, dict) else list(value.values())
        for each in shown:
            if isinstance(each, dt.date):
                assert each.isoformat() in text, name
            elif isinstance(each, float | int):
                assert f"{each:,g}" in text or f"{each:,}" in text, (name, each)
