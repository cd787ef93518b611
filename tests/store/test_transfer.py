"""Export then import reproduces the database exactly; a bad file writes nothing; a scenario file
imports under the rules of `intro start` and `log`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ratbond.errors import InputError, RatbondError
from ratbond.evaluate import advise_text
from ratbond.store import Database, open_database
from ratbond.store.animals import add_weight, archive_animal, edit_animal
from ratbond.store.introductions import get_advice, list_introductions
from ratbond.store.sessions import NewSession, delete_session, log_session
from ratbond.store.transfer import (
    AlreadyImported,
    Counts,
    WouldOverwrite,
    backup_sqlite,
    export_database,
    import_document,
    import_file,
    read_document,
    restore_sqlite,
    write_export,
)
from tests.store.helpers import (
    TODAY,
    bitten,
    but_the_import,
    cat_and_rat,
    day,
    without_the_import,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cat-rat-first-week.json"


def household(db: Database) -> None:
    """A database with a bit of everything: edits, a deleted session, weights, history."""
    cat_and_rat(db)
    add_weight(db, "pip", 301.25, day(-3), today=TODAY)
    edit_animal(db, "pip", {"markings": "hooded, black"}, today=TODAY)
    for offset, signals in ((-3, {"tom": ["ears_forward"]}), (-2, {"tom": ["hissing"]})):
        log_session(
            db,
            "tom-pip",
            NewSession(stage="visual", date=day(offset), minutes=5.5, signals=signals, notes="é"),
            today=TODAY,
        )
    mistake = log_session(db, "tom-pip", NewSession(stage="visual", minutes=3), today=TODAY)
    delete_session(db, mistake.session.id, today=TODAY)


def exported_text(db: Database) -> tuple[str, Counts]:
    out = io.StringIO()
    counts = write_export(db, out)
    return out.getvalue(), counts


def test_export_then_import_reproduces_the_database(db: Database, tmp_path: Path) -> None:
    household(db)
    text, counts = exported_text(db)
    # Through a file, as the CLI does, so JSON encoding is part of the round trip.
    path = tmp_path / "export.jsonl"
    path.write_text(text, encoding="utf-8")
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    result = import_file(copy, path, today=TODAY)
    assert result.counts == counts == Counts(animals=2, introductions=1, sessions=3, withdrawn=1)
    assert counts.summary() == "2 animals, 1 introduction and 3 sessions (1 withdrawn)"
    assert without_the_import(exported_text(copy)[0]) == text
    exported = export_database(db)
    assert get_advice(copy, "tom-pip", today=TODAY)[1] == get_advice(db, "tom-pip", today=TODAY)[1]
    # New rows after an import get fresh ids (PostgreSQL sequences moved past the imported ones).
    more = log_session(copy, "tom-pip", NewSession(stage="visual", minutes=5), today=TODAY)
    assert more.session.id == max(s["id"] for s in exported["tables"]["sessions"]) + 1
    copy.close()


def test_import_into_postgresql_keeps_ids_and_sequences(sqlite_url: str, postgres_url: str) -> None:
    source = open_database(sqlite_url)
    household(source)
    target = open_database(postgres_url)
    import_document(target, export_database(source), today=TODAY)
    assert but_the_import(export_database(target)) == export_database(source)
    logged = log_session(target, "tom-pip", NewSession(stage="visual", minutes=5), today=TODAY)
    assert logged.session.seq == 4
    source.close()
    target.close()


def damaged(exported: dict[str, object], where: str) -> dict[str, object]:
    document = json.loads(json.dumps(exported))
    tables = document["tables"]
    if where == "signal":
        tables["sessions"][1]["signals"] = {"tom": ["hiss"]}
    elif where == "date":
        tables["sessions"][0]["date"] = "2026-13-01"
    elif where == "reference":
        tables["sessions"][0]["introduction_id"] = 99
    elif where == "column":
        tables["animals"][0]["colour"] = "ginger"
    return document


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("signal", r"tables.sessions\[1\].signals.tom\[0\]: unknown signal 'hiss'"),
        ("date", r"tables.sessions\[0\].date: '2026-13-01' is not a date"),
        ("reference", "do not fit together"),
        ("column", r"tables.animals\[0\].colour: unknown column"),
    ],
)
def test_a_failed_import_leaves_the_database_unchanged(
    db: Database, tmp_path: Path, where: str, message: str
) -> None:
    source = open_database(f"sqlite:///{tmp_path / 'source.db'}")
    household(source)
    before = export_database(db)
    with pytest.raises(RatbondError, match=message):
        import_document(db, damaged(export_database(source), where), today=TODAY)
    assert export_database(db) == before
    source.close()


def test_a_full_import_needs_an_empty_database(db: Database) -> None:
    household(db)
    before = export_database(db)
    with pytest.raises(RatbondError, match="already has records"):
        import_document(db, before, today=TODAY)
    assert export_database(db) == before


def test_a_scenario_file_imports_as_an_introduction(db: Database) -> None:
    result = import_document(db, read_document(EXAMPLE), today=TODAY)
    assert (result.kind, result.introduction_key, result.counts.sessions) == (
        "scenario",
        "tom-pip",
        3,
    )
    _, advice = get_advice(db, "tom-pip", today=TODAY)
    assert (advice.action, advice.stage) == ("advance", "scent")
    assert (result.program, result.taken_key) == ("cat-rat", None)


def test_a_scenario_import_counts_a_hedged_bite_in_its_notes_as_evaluate_does(
    db: Database, tmp_path: Path
) -> None:
    scenario = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    scenario["sessions"][-1]["notes"] = "I think Tom bit Pip on the tail."
    hedged = tmp_path / "hedged.json"
    hedged.write_text(json.dumps(scenario), encoding="utf-8")
    evaluated = advise_text(hedged.read_text(encoding="utf-8"), today=TODAY)
    import_document(db, read_document(hedged), today=TODAY)
    _, stored = get_advice(db, "tom-pip", today=TODAY)
    assert (stored.action, evaluated.action) == ("stop", "stop")
    assert "vet_now" in stored.alerts


def test_a_scenario_import_keeps_the_rules_of_intro_start_and_log(db: Database) -> None:
    # A session an owner could not log (longer than a day) is refused as `log` refuses it,
    # named by its place in the file, and nothing is written.
    scenario = read_document(EXAMPLE)
    scenario["sessions"][1]["minutes"] = 5000
    with pytest.raises(
        InputError, match=r"^sessions\[1\]\.minutes: 5000 minutes is more than a day"
    ):
        import_document(db, scenario, today=TODAY)
    assert export_database(db)["tables"]["animals"] == []
    # An animal rehomed since cannot take part, as `intro start` says.
    import_document(db, read_document(EXAMPLE), today=TODAY)
    archive_animal(db, "pip", "rehomed", today=TODAY)
    with pytest.raises(InputError, match=r"^roles\.rat: 'pip' is rehomed; it cannot take part"):
        import_document(db, read_document(EXAMPLE), today=TODAY, again=True)


def test_the_same_scenario_twice_is_refused_unless_asked_again(db: Database) -> None:
    import_document(db, read_document(EXAMPLE), today=TODAY)
    before = export_database(db)
    with pytest.raises(AlreadyImported) as refused:
        import_document(db, read_document(EXAMPLE), today=TODAY)
    assert (refused.value.key, refused.value.sessions, refused.value.logged) == ("tom-pip", 3, 3)
    assert str(refused.value) == (
        "this scenario is already in the database as introduction 'tom-pip' (cat-rat, the same "
        "animals in the same roles, the same 3 sessions); nothing was imported"
    )
    # Another id does not make it another introduction.
    with pytest.raises(AlreadyImported):
        import_document(db, read_document(EXAMPLE), key="week-one", today=TODAY)
    assert export_database(db) == before
    # Asked for again: a second introduction, reusing the animals, under a numbered id.
    again = import_document(db, read_document(EXAMPLE), today=TODAY, again=True)
    assert (again.introduction_key, again.counts.animals, again.taken_key) == (
        "tom-pip-2",
        0,
        "tom-pip",
    )


def test_an_imported_scenario_with_sessions_logged_since_is_still_the_same(db: Database) -> None:
    import_document(db, read_document(EXAMPLE), today=TODAY)
    log_session(db, "tom-pip", NewSession(stage="scent", minutes=5), today=TODAY)
    with pytest.raises(AlreadyImported, match="the file's 3 sessions and 1 logged since"):
        import_document(db, read_document(EXAMPLE), today=TODAY)


def test_another_scenario_of_the_same_animals_imports_under_a_numbered_id(db: Database) -> None:
    import_document(db, read_document(EXAMPLE), today=TODAY)
    scenario = read_document(EXAMPLE)
    scenario["sessions"] = scenario["sessions"][:2]  # not the same history: fewer sessions
    scenario["sessions"][1]["notes"] = "another evening"
    other = import_document(db, scenario, today=TODAY)
    assert (other.introduction_key, other.taken_key, other.counts.sessions) == (
        "tom-pip-2",
        "tom-pip",
        2,
    )
    # Without sessions, a scenario is the same only as an introduction without any.
    scenario["sessions"] = []
    assert import_document(db, scenario, today=TODAY).introduction_key == "tom-pip-3"
    with pytest.raises(AlreadyImported, match=r"'tom-pip-3'.*the same 0 sessions"):
        import_document(db, scenario, today=TODAY)


def test_an_import_of_a_pair_that_ended_apart_is_refused(db: Database) -> None:
    bitten(db)
    scenario = {
        "program": "cat-rat",
        "animals": [
            {"id": "tom", "species": "cat", "prey_drive": "moderate"},
            {"id": "pip", "species": "rat"},
        ],
        "roles": {"cat": ["tom"], "rat": ["pip"]},
        "sessions": [],
    }
    with pytest.raises(RatbondError, match="ended in 'stop'") as refused:
        import_document(db, scenario, today=TODAY)
    assert not isinstance(refused.value, InputError)  # a scenario file has no such field
    assert "An import cannot do that" in str(refused.value)
    assert "--cleared-by" in str(refused.value)
    assert len(list_introductions(db)) == 1


def test_an_imported_scenario_gets_the_same_session_checks(db: Database) -> None:
    scenario = {
        "program": "rat-human",
        "animals": [{"id": "bea", "species": "rat", "arrived": day(-30).isoformat()}],
        "roles": {"rat": ["bea"]},
        "sessions": [
            {"date": day(-2).isoformat(), "stage": "voice", "minutes": 5},
            {"date": day(-1).isoformat(), "stage": "voice", "minutes": 5, "attempts": 10},
        ],
    }
    with pytest.raises(InputError, match=r"^sessions\[1\]\.attempts: 'voice' is not a training"):
        import_document(db, scenario, today=TODAY)
    assert list_introductions(db) == []


def test_a_corrupted_file_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "ratbond-export", "tables": {')
    with pytest.raises(RatbondError, match=r"broken.json: not valid JSON at line 1"):
        read_document(broken)
    with pytest.raises(InputError, match="neither a ratbond export"):
        import_document(open_database(f"sqlite:///{tmp_path / 'x.db'}"), [1, 2], today=TODAY)


def test_sqlite_backup_is_a_working_copy(sqlite_url: str, tmp_path: Path) -> None:
    db = open_database(sqlite_url)
    household(db)
    backup_sqlite(db, tmp_path / "backup.db")
    copy = open_database(f"sqlite:///{tmp_path / 'backup.db'}")
    assert export_database(copy) == export_database(db)
    with pytest.raises(RatbondError, match="already exists"):
        backup_sqlite(db, tmp_path / "backup.db")


def test_postgresql_backup_says_how(postgres_url: str, tmp_path: Path) -> None:
    with pytest.raises(RatbondError, match="pg_dump --format=custom"):
        backup_sqlite(open_database(postgres_url), tmp_path / "x.dump")


def test_an_export_of_the_first_version_still_imports_exactly(db: Database, tmp_path: Path) -> None:
    household(db)
    for indent in (1, None):  # as ratbond wrote it, and on one line
        legacy = tmp_path / f"old-{indent}.json"
        legacy.write_text(json.dumps(export_database(db), indent=indent), encoding="utf-8")
        copy = open_database(f"sqlite:///{tmp_path / f'copy-{indent}.db'}")
        import_file(copy, legacy, today=TODAY)
        assert without_the_import(exported_text(copy)[0]) == exported_text(db)[0]
        copy.close()


def test_an_export_cut_short_or_damaged_imports_nothing(db: Database, tmp_path: Path) -> None:
    source = open_database(f"sqlite:///{tmp_path / 'source.db'}")
    household(source)
    lines = exported_text(source)[0].splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(lines[:-3]), encoding="utf-8")
    with pytest.raises(InputError, match="cut short"):
        import_file(db, cut, today=TODAY)
    assert list_introductions(db) == []
    hissed = next(i for i, line in enumerate(lines) if '"hissing"' in line)
    lines[hissed] = lines[hissed].replace('"hissing"', '"hiss"')
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(
        InputError, match=rf"^line {hissed + 1}, sessions.signals.tom\[0\]: unknown"
    ):
        import_file(db, damaged, today=TODAY)
    assert list_introductions(db) == []
    source.close()


def test_restore_replaces_a_database_only_when_told(sqlite_url: str, tmp_path: Path) -> None:
    db = open_database(sqlite_url)
    household(db)
    backup_sqlite(db, tmp_path / "backup.db")
    before = exported_text(db)[0]
    log_session(db, "tom-pip", NewSession(stage="visual", minutes=5), today=TODAY)
    with pytest.raises(WouldOverwrite, match="has records"):
        restore_sqlite(db, tmp_path / "backup.db")
    restored = restore_sqlite(db, tmp_path / "backup.db", overwrite=True)
    assert restored == Counts(animals=2, introductions=1, sessions=3, withdrawn=1)
    assert exported_text(open_database(sqlite_url))[0] == before
    empty = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    assert restore_sqlite(empty, tmp_path / "backup.db") == restored
    (tmp_path / "notes.txt").write_text("not a database")
    with pytest.raises(RatbondError, match="not a SQLite database"):
        restore_sqlite(empty, tmp_path / "notes.txt", overwrite=True)
