"""Input at the limits (`ratbond.limits`) is taken or refused as the limits say: the longest
name is stored whole and one character more is refused, and a file far over the size limit (50
MB, or `/dev/zero`, which never ends, so a read that is not bounded would never return) is
refused with the limit named. What each costs against typical input is measured in
`bench/limits.py`, not here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bench.limits import write_inputs
from ratbond import limits
from ratbond.limits import MAX_NAME
from tests.cli.helpers import Cli
from tests.web.conftest import make_client


def test_the_longest_name_is_stored_whole_and_a_longer_one_is_refused(sqlite_url: str) -> None:
    for api in make_client(sqlite_url):
        longest = "Ñ" * MAX_NAME
        created = api.post(
            "/api/v1/animals", json={"id": "long", "name": longest, "species": "rat"}
        )
        assert created.status_code == 201
        assert api.get("/api/v1/animals/long").json()["name"] == longest
        over = {"id": "over", "name": longest + "Ñ", "species": "rat"}
        assert api.post("/api/v1/animals", json=over).status_code == 422


def test_a_file_far_over_the_limit_is_refused_with_the_limit_named(
    cli: Cli, tmp_path: Path
) -> None:
    scenario, huge = write_inputs(tmp_path)
    assert cli("evaluate", str(scenario)).code == 0
    for far_over in (str(huge), "/dev/zero"):
        for command in ("evaluate", "import"):
            refused = cli(command, far_over)
            assert refused.code == 2, (command, far_over)
            # (an import meets the longest line of an export first, a scenario its whole size)
            named = {f"{limits.MAX_DOCUMENT_CHARS:,}", f"{limits.MAX_EXPORT_LINE_CHARS:,}"}
            assert any(limit in refused.error for limit in named), (command, refused.error)


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
