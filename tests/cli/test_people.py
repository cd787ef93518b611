"""`ratbond people` and `ratbond household`, and `--as`: the CLI acts as a person, with their
role, in the household chosen; with nobody named it works as it always did."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Outcome

Cli = Callable[..., Outcome]


@pytest.fixture(autouse=True)
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `household use` writes its choice to the user's config folder: a temporary one here.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("RATBOND_PERSON", raising=False)
    monkeypatch.delenv("RATBOND_HOUSEHOLD", raising=False)


def test_the_first_person_owns_the_existing_household_and_its_records(cli: Cli) -> None:
    assert cli("animal", "add", "Pip", "--species", "rat").code == 0
    added = cli("people", "add", "Ann", "--role", "viewer")
    assert added.code == 0
    assert "Added Ann as owner." in added.output
    assert "/sign-in/link/" in added.output
    assert "Pip" in cli("--as", "Ann", "animal", "list").output


def test_a_viewer_reads_and_is_refused_every_write(cli: Cli) -> None:
    cli("people", "add", "Ann")
    assert cli("--as", "Ann", "people", "add", "Vi", "--role", "viewer").code == 0
    assert cli("--as", "Vi", "animal", "list").code == 0
    refused = cli("--as", "Vi", "animal", "add", "Nib", "--species", "rat")
    assert refused.code == 2
    assert refused.error.startswith("a viewer cannot add or edit animals")
    assert cli("--as", "Vi", "people", "add", "Eve").code == 2


def test_a_sitter_needs_animals_and_an_end_date(cli: Cli) -> None:
    cli("people", "add", "Ann")
    cli("animal", "add", "Pip", "--species", "rat")
    missing = cli("people", "add", "Sam", "--role", "sitter")
    assert missing.code == 2
    assert "an end date" in missing.error
    made = cli("people", "add", "Sam", "--role", "sitter", "--animal", "pip", "--until", "today")
    assert made.code == 0
    assert "Sam: sitter until" in cli("people", "list").output


def test_households_are_kept_apart_and_chosen_with_use(cli: Cli) -> None:
    cli("people", "add", "Ann")
    cli("animal", "add", "Pip", "--species", "rat")
    assert cli("--as", "Ann", "household", "add", "The Rescue").code == 0
    assert cli("--as", "Ann", "household", "use", "the-rescue").code == 0
    assert "No animals yet" in cli("--as", "Ann", "animal", "list").output
    assert cli("--as", "Ann", "animal", "add", "Pip", "--species", "rat").code == 0
    listed = cli("--as", "Ann", "household", "list").output
    assert "* the-rescue" in listed


@pytest.mark.parametrize(
    ("written", "message"),
    [
        # The choice of another database (RATBOND_DATABASE_URL changed), or a household gone.
        (b"the-rescue\n", "no household 'the-rescue' of yours; yours: home; choose one: "),
        (b"\xff\xfe", "not text; choose it again: "),  # was a UnicodeDecodeError traceback
        (b"x" * 5000, "longer than any household's id; choose it again: "),
    ],
)
def test_a_stale_or_damaged_household_choice_says_where_and_use_mends_it(
    cli: Cli, tmp_path: Path, written: bytes, message: str
) -> None:
    cli("animal", "add", "Pip", "--species", "rat")
    choice = tmp_path / "config" / "ratbond" / "household"
    choice.parent.mkdir(parents=True)
    choice.write_bytes(written)
    refused = cli("animal", "list")
    assert refused.code == 2
    where = f"{choice} (the household chosen with 'ratbond household use'): "
    assert refused.error.startswith(where + message)
    assert refused.error.endswith("ratbond household use KEY") or "household list" in refused.error
    # The commands that mend it work whatever it says: they were refused the same way.
    assert cli("household", "list").output == "  home: Home\n"
    assert cli("household", "use", "home").code == 0
    assert "Pip" in cli("animal", "list").output


def test_a_choice_that_cannot_be_written_is_one_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file where the config folder should be: was a NotADirectoryError traceback."""
    cli("animal", "add", "Pip", "--species", "rat")
    (tmp_path / "config").write_text("")
    refused = cli("household", "use", "home")
    assert refused.code == 2
    assert refused.error == (
        f"{tmp_path / 'config' / 'ratbond' / 'household'}: the choice cannot be written (Not a "
        "directory); nothing was chosen. Set RATBOND_HOUSEHOLD=home instead, or make the folder "
        "writable"
    )


def test_naming_nobody_known_is_one_clear_error(cli: Cli) -> None:
    cli("people", "add", "Ann")
    outcome = cli("--as", "Zed", "animal", "list")
    assert outcome.code == 2
    assert outcome.error == "as: no person 'Zed'; see `ratbond people list`"


def test_the_last_owner_cannot_be_removed_or_demoted(cli: Cli) -> None:
    cli("people", "add", "Ann")
    assert "only owner" in cli("people", "remove", "Ann").error
    assert "only owner" in cli("people", "role", "Ann", "viewer").error


def test_serve_refuses_the_network_until_someone_can_sign_in(cli: Cli) -> None:
    refused = cli("serve", "--host", "0.0.0.0")
    assert refused.code == 2
    assert "ratbond people add NAME" in refused.error


def test_history_shows_the_audit_to_owners_only(cli: Cli) -> None:
    cli("people", "add", "Ann")
    cli("--as", "Ann", "people", "add", "Vi", "--role", "viewer")
    cli("--as", "Ann", "people", "add", "Cy", "--role", "carer")
    for name, species in (("Tom", "cat"), ("Pip", "rat")):
        assert cli("--as", "Cy", "animal", "add", name, "--species", species).code == 0
        assert cli("--as", "Cy", "vet", "add", name, "--date", "today").code == 0
    cli("--as", "Cy", "animal", "edit", "tom", "--prey-drive", "low")
    assert cli("--as", "Cy", "intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip").code == 0
    assert cli("--as", "Cy", "log", "tom-pip", "--minutes", "5").code == 0
    owner = cli("--as", "Ann", "history", "tom-pip")
    assert owner.code == 0
    assert "audit (UTC)" in owner.output
    assert "added by Cy (CLI," in owner.output
    for reader in ("Vi", "Cy"):
        plain = cli("--as", reader, "history", "tom-pip")
        assert plain.code == 0
        assert "audit" not in plain.output
        assert "(CLI," not in plain.output


def test_household_and_person_names_print_as_typed_never_as_markup(cli: Cli) -> None:
    cli("animal", "add", "Pip", "--species", "rat")
    added = cli("household", "add", "[bold]Rescue[/bold]")
    assert added.code == 0
    assert added.output.startswith("Added household bold-rescue-bold ([bold]Rescue[/bold]);")
    assert "  bold-rescue-bold: [bold]Rescue[/bold]\n" in cli("household", "list").output
    cli("people", "add", "Ann")
    cli("people", "add", "[red]Cy")
    assert cli("people", "role", "[red]Cy", "viewer").output == "[red]Cy is now viewer.\n"
