"""Free text (notes, markings, a vet's name, findings) is kept by one rule whatever writes it
(`ratbond.store.text`): control characters removed, lengths limited, the same on import."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ratbond.errors import InputError
from ratbond.limits import MAX_LINE_TEXT, MAX_NOTES
from ratbond.store import Database, open_database
from ratbond.store.animals import (
    NewAnimal,
    add_animal,
    add_vet_check,
    edit_animal,
    get_animal,
    list_vet_checks,
)
from ratbond.store.sessions import NewSession, list_sessions, log_session
from ratbond.store.text import line_text, paragraphs_text
from ratbond.store.transfer import import_file, write_export
from tests.store.helpers import TODAY, cat_and_rat, day


def test_control_characters_are_removed_and_line_breaks_kept_in_paragraphs() -> None:
    assert paragraphs_text("calm\x1b[31m\r\nthen \x07sni\x00ffed\t", "notes") == (
        "calm[31m\nthen sniffed"
    )


def test_a_one_line_text_turns_breaks_into_spaces() -> None:
    assert line_text("black\n hooded\tcap\x1b", "markings") == "black hooded cap"


def test_text_left_empty_once_cleaned_is_not_kept() -> None:
    assert line_text("\x07\n", "vet") is None
    assert paragraphs_text("  \x1b ", "notes") is None


def test_an_animal_keeps_its_markings_and_notes_cleaned(db: Database) -> None:
    add_animal(
        db,
        NewAnimal(species="rat", name="Pip", markings="hooded\x1b[0m", notes="shy\x07"),
        today=TODAY,
    )
    pip = get_animal(db, "pip")
    assert (pip.markings, pip.notes) == ("hooded[0m", "shy")


@pytest.mark.parametrize(("field", "longest"), [("markings", MAX_LINE_TEXT), ("notes", MAX_NOTES)])
def test_an_animal_text_past_its_limit_is_refused_naming_the_field(
    db: Database, field: str, longest: int
) -> None:
    add_animal(db, NewAnimal(species="rat", name="Pip"), today=TODAY)
    with pytest.raises(InputError) as raised:
        edit_animal(db, "pip", {field: "x" * (longest + 1)}, today=TODAY)
    assert raised.value.path == field
    assert f"at most {longest:,}" in raised.value.message
    assert get_animal(db, "pip").version == 1


def test_a_vet_name_past_its_limit_is_refused(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Pip"), today=TODAY)
    with pytest.raises(InputError) as raised:
        add_vet_check(db, "pip", TODAY, vet="V" * (MAX_LINE_TEXT + 1), today=TODAY)
    assert raised.value.path == "vet"


def test_session_notes_are_kept_without_control_characters(db: Database) -> None:
    cat_and_rat(db)
    log_session(
        db,
        "tom-pip",
        NewSession(stage="scent", minutes=10, date=day(-1), notes="calm \x1b[2Jall along"),
        today=TODAY,
    )
    _, (stored,) = list_sessions(db, "tom-pip")
    assert stored.notes == "calm [2Jall along"


def test_who_logged_is_kept_on_one_line_and_refused_past_100(db: Database) -> None:
    """It was stored with its control characters, and cut to 100 characters unsaid (200 was
    said for a free-roam check's, and 100 kept)."""
    from ratbond.store.care import record_free_roam

    cat_and_rat(db)
    session = NewSession(stage="scent", minutes=10, date=day(-1), logged_by="Jo\x1b[31m\nSmith")
    log_session(db, "tom-pip", session, today=TODAY)
    _, (stored,) = list_sessions(db, "tom-pip")
    assert stored.logged_by == "Jo[31m Smith"
    message = "by: is 101 characters long; at most 100 are kept: shorten it"
    with pytest.raises(InputError, match=f"^{message}$"):
        log_session(db, "tom-pip", replace(session, logged_by="b" * 101), today=TODAY)
    with pytest.raises(InputError, match=f"^{message}$"):
        record_free_roam(db, {}, checked_by="b" * 101, today=TODAY)
    assert len(list_sessions(db, "tom-pip")[1]) == 1


def test_ratbond_user_is_cleaned_like_a_name_given(monkeypatch: pytest.MonkeyPatch) -> None:
    """`RATBOND_USER` was taken as set, colour codes and line breaks included."""
    from ratbond.store.common import current_user

    monkeypatch.setenv("RATBOND_USER", " Jo\x1b[31m\nSmith ")
    assert current_user() == "Jo[31m Smith"
    monkeypatch.setenv("RATBOND_USER", "b" * 101)
    with pytest.raises(InputError, match=r"^RATBOND_USER: is 101 characters long"):
        current_user()


def test_what_is_written_imports_again(db: Database, tmp_path: Path) -> None:
    add_animal(db, NewAnimal(species="rat", name="Pip", markings="m" * MAX_LINE_TEXT), today=TODAY)
    add_vet_check(db, "pip", TODAY, vet="V" * MAX_LINE_TEXT, findings="f" * MAX_NOTES, today=TODAY)
    path = tmp_path / "export.jsonl"
    with path.open("w", encoding="utf-8") as file:
        write_export(db, file)
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    import_file(copy, path, today=TODAY)
    assert list_vet_checks(copy, "pip")[0].vet == "V" * MAX_LINE_TEXT
    copy.close()


def test_an_import_past_a_text_limit_says_where_and_what_to_do(
    db: Database, tmp_path: Path
) -> None:
    add_animal(db, NewAnimal(species="rat", name="Pip"), today=TODAY)
    add_vet_check(db, "pip", TODAY, vet="Dr Lee", today=TODAY)
    path = tmp_path / "export.jsonl"
    with path.open("w", encoding="utf-8") as file:
        write_export(db, file)
    path.write_text(path.read_text(encoding="utf-8").replace("Dr Lee", "V" * 201))
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    with pytest.raises(InputError) as raised:
        import_file(copy, path, today=TODAY)
    copy.close()
    assert raised.value.path.endswith(".vet")
    assert "at most 200" in raised.value.message
    assert "shorten it in the file" in raised.value.message
