"""Withdrawing or correcting a session must not quietly undo a safety stop (an injury, the
stop rule): it needs the same clearance as a new start after a stop, and keeps it on record."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from ratbond.store.introductions import get_introduction
from ratbond.store.sessions import (
    NewSession,
    delete_session,
    edit_session,
    list_sessions,
    log_session,
    withdrawal_undoes,
)
from tests.store.helpers import TODAY, bitten, cat_and_rat, day


def _last_id(db: Database) -> int:
    return list_sessions(db, "tom-pip")[1][-1].id


def test_withdrawing_a_bite_needs_clearance_and_changes_nothing_without_it(db: Database) -> None:
    bitten(db)
    session_id = _last_id(db)
    undoes = withdrawal_undoes(db, session_id, today=TODAY)
    assert undoes is not None
    assert "Tom: biting" in undoes
    assert "'stop'" in undoes
    with pytest.raises(InputError, match=r"^cleared_by: cannot withdraw session 1 .*biting"):
        delete_session(db, session_id, today=TODAY)
    assert len(list_sessions(db, "tom-pip")[1]) == 1  # rolled back
    logged = delete_session(db, session_id, today=TODAY, cleared_by="Dr Lee, vet")
    assert logged.advice.action == "start"
    notes = get_introduction(db, "tom-pip").notes or ""
    assert "withdrawn although it recorded danger" in notes
    assert "cleared by Dr Lee, vet" in notes


def test_correcting_a_bite_into_calm_needs_clearance(db: Database) -> None:
    bitten(db)
    session_id = _last_id(db)
    calm = {"signals": {}, "notes": ""}
    with pytest.raises(InputError, match=r"^cleared_by: cannot correct session 1 "):
        edit_session(db, session_id, calm, today=TODAY)
    assert list_sessions(db, "tom-pip")[1][0].session_class == "danger"
    with pytest.raises(InputError, match=r"^cleared_by: say who cleared it"):
        edit_session(db, session_id, calm, today=TODAY, cleared_by="  ")
    fixed = edit_session(db, session_id, calm, today=TODAY, cleared_by="Dr Lee")
    assert fixed.advice.action != "stop"


def test_a_correction_that_keeps_the_danger_needs_no_clearance(db: Database) -> None:
    bitten(db)
    fixed = edit_session(db, _last_id(db), {"minutes": 6}, today=TODAY)
    assert fixed.advice.action == "stop"


def test_withdrawing_an_aggressive_session_that_lifts_the_stop_rule_needs_clearance(
    db: Database,
) -> None:
    cat_and_rat(db)
    for offset in range(-4, 0):
        logged = log_session(
            db,
            "tom-pip",
            NewSession(stage="visual", date=day(offset), minutes=5, signals={"tom": ["hissing"]}),
            today=TODAY,
        )
    assert logged.advice.action == "stop"
    with pytest.raises(InputError, match=r"^cleared_by: .*the advice said 'stop'"):
        delete_session(db, _last_id(db), today=TODAY)


def test_clearance_for_a_calm_session_is_refused(db: Database) -> None:
    cat_and_rat(db)
    log_session(db, "tom-pip", NewSession(stage="visual", date=day(-1), minutes=5), today=TODAY)
    assert withdrawal_undoes(db, _last_id(db), today=TODAY) is None
    with pytest.raises(InputError, match=r"^cleared_by: .*nothing to clear"):
        delete_session(db, _last_id(db), today=TODAY, cleared_by="Dr Lee")
    delete_session(db, _last_id(db), today=TODAY)
