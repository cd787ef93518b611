"""The audit trail where the records are: `changes` tells an owner who wrote which rows,
through what and when, with the one query the audit page uses; anyone else gets None."""

from __future__ import annotations

from ratbond.store import Database
from ratbond.store.audit import changes, per_row, read_audit
from ratbond.store.people import add_person
from ratbond.store.scope import Scope
from ratbond.store.sessions import NewSession, list_sessions, log_session
from tests.store.helpers import TODAY, cat_and_rat

ANN = Scope(household_id=1, role="owner", actor="Ann", person_id=1)


def test_an_owner_reads_who_wrote_each_row_and_nobody_else_does(db: Database) -> None:
    cat_and_rat(db)
    # While nobody can sign in, one person wrote everything: nothing to tell apart.
    assert changes(db, {"animals": [1]}) is None
    add_person(db, "Ann", password="correct horse")
    owner = db.scoped(ANN)
    add_person(owner, "Cy", role="carer")
    carer = db.scoped(Scope(household_id=1, role="carer", actor="Cy", person_id=2, via="api"))
    log_session(carer, "tom-pip", NewSession(stage="visual", date=TODAY, minutes=5), today=TODAY)
    session = list_sessions(owner, "tom-pip")[1][0]
    found = changes(owner, {"sessions": [session.id]})
    assert found is not None
    assert [(e.action, e.actor, e.via, e.table) for e in found] == [
        ("insert sessions", "Cy", "api", "sessions")
    ]
    assert found[0].said().startswith("added by Cy (API, ")
    assert per_row(found, "sessions") == {session.id: found}
    assert per_row(None, "sessions") is None
    # The audit page's query, filtered to the same rows, finds the same entries.
    assert read_audit(owner, rows={"sessions": [session.id]}) == found
    assert changes(owner, {"sessions": []}) == []
    for role in ("carer", "viewer"):
        other = db.scoped(Scope(household_id=1, role=role, actor="x", person_id=2))
        assert changes(other, {"sessions": [session.id]}) is None
