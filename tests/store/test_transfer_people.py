"""An export carries the household's people (never a password) and its audit trail; an
import adds the people without passwords and keeps the trail."""

from __future__ import annotations

from pathlib import Path

import pytest

from ratbond.errors import InputError
from ratbond.store import Database, open_database
from ratbond.store.audit import read_audit
from ratbond.store.people import add_person, list_members
from ratbond.store.transfer import export_database, import_document
from tests.store.helpers import TODAY, cat_and_rat


def test_people_and_the_audit_trail_travel_without_passwords(db: Database, tmp_path: Path) -> None:
    cat_and_rat(db)
    add_person(db, "Ann", password="correct horse", email="ann@example.org")
    add_person(db, "Sam", role="sitter", animals_chosen=["pip"], until=TODAY, today=TODAY)
    document = export_database(db)
    assert "password" not in str(document).lower()
    assert [p["name"] for p in document["tables"]["people"]] == ["Ann", "Sam"]
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    import_document(copy, document, today=TODAY)
    members = {m.name: m for m in list_members(copy)}
    assert (members["Ann"].role, members["Ann"].email) == ("owner", "ann@example.org")
    assert (members["Sam"].role, members["Sam"].until) == ("sitter", TODAY)
    assert not members["Ann"].has_password
    trail = read_audit(copy)
    assert trail[0].action == "import"
    assert [e.action for e in trail[1:]] == [e.action for e in read_audit(db)]
    # Onto a server where someone is called Ann already: refused, nothing imported.
    taken = open_database(f"sqlite:///{tmp_path / 'taken.db'}")
    add_person(taken, "ann")
    with pytest.raises(InputError, match="someone is called 'Ann' on this server already"):
        import_document(taken, document, today=TODAY)
    assert [m.name for m in list_members(taken)] == ["ann"]
    taken.close()
    copy.close()
