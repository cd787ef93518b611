"""User text in every command's output is printed as typed: Rich markup in a name, a note or a
vet's findings is never obeyed (`ratbond.cli.console.shown`)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import Cli, ago
from tests.cli.test_usage_errors import ratbond

# Markup Rich would obey: a terminal hyperlink, a style, a tag closing ratbond's own style,
# and an emoji code.
CAT = "[link=https://x.example]Tom[/link]"
RAT = "[bold]Pip[/] :cat:"
TEXT = "[red]seen[/red] [/]"
CAT_ID = "tom"
RAT_ID = "pip"


def _literal(text: str, *values: str) -> None:
    for value in values:
        assert value in text, f"{value!r} not printed as typed in:\n{text}"
    assert "\x1b]8;" not in text  # no terminal hyperlink
    assert "🐱" not in text


def _household(cli: Cli) -> None:
    added = cli(
        "animal", "add", CAT, "--id", CAT_ID, "--species", "cat", "--prey-drive", "low",
        "--sex", "[i]male[/i]", "--markings", TEXT, "--notes", TEXT,
    )  # fmt: skip
    assert added.code == 0, added
    _literal(added.output, CAT)
    added = cli("animal", "add", RAT, "--id", RAT_ID, "-s", "rat", "--arrived", ago(60))
    assert added.code == 0, added
    _literal(added.output, RAT)
    for animal in (CAT_ID, RAT_ID):
        checked = cli("vet", "add", animal, "--date", ago(30), "--vet", TEXT, "--findings", TEXT)
        assert checked.code == 0, checked
    _literal(checked.output, RAT)
    started = cli("intro", "start", "cat-rat", "--cat", CAT_ID, "--rat", RAT_ID, "--notes", TEXT)
    assert started.code == 0, started
    _literal(started.output, CAT, RAT)


def test_every_command_that_echoes_user_text_prints_it_as_typed(cli: Cli, tmp_path: Path) -> None:
    _household(cli)
    intro = "tom-pip"
    for args, values in (
        (("animal", "list"), ()),
        # The sex is read into ratbond's set (`[i]male[/i]` is male), so it shows as read.
        (("animal", "show", CAT_ID), (CAT, TEXT, "male")),
        (("animal", "show", RAT_ID), (RAT,)),
        (("animal", "edit", CAT_ID, "--sex", "[i]m[/i]"), (CAT,)),
        (("vet", "list", CAT_ID), (TEXT,)),
        (("weigh", RAT_ID, "250g"), (RAT,)),
        (("intro", "list"), ()),
        (("intro", "show", intro), (CAT, TEXT)),
        (("next", intro), ()),
        (("log", intro, "--minutes", "5", "--notes", TEXT), ()),
        (("history", intro), ()),
        (("today",), ()),
        (("trust", "log", RAT_ID, "-s", "bruxing", "--notes", TEXT), ()),
        (("trust", "trend", RAT_ID), (RAT,)),
        (("care", "done", "cage-cleaning", "--notes", TEXT), ()),
        (("freeroam", "history"), ()),
        (("groom", RAT_ID, "--notes", TEXT), ()),
        (("intro", "pause", intro), ()),
        (("export", str(tmp_path / "[b]x.json")), ("[b]x.json",)),
        (("animal", "archive", CAT_ID, "--status", "rehomed"), (CAT,)),
    ):
        done = cli(*args)
        assert done.code == 0, (args, done)
        _literal(done.output, *values)
        # Whatever was printed of a name is its text: no style tag is ever swallowed.
        for name in (CAT, RAT):
            if name.split("]")[1][:3] in done.output:
                assert name[:6] in done.output, (args, done.output)


def test_an_error_naming_user_text_prints_it_as_typed(tmp_path: Path) -> None:
    done = ratbond(tmp_path, "animal", "show", "[bold]nobody[/] :cat:")
    assert done.returncode == 2
    assert "no animal '[bold]nobody[/] :cat:'" in done.stderr
