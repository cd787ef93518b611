"""What a new-user trial found in the store: a pair that ended apart started again, anything
marked complete, early sessions logged without a word, counts and values that make no sense."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError, RatbondError
from ratbond.store import Database
from ratbond.store.introductions import (
    get_advice,
    list_introductions,
    set_status,
    start_introduction,
)
from ratbond.store.sessions import NewSession, edit_session, list_sessions, log_session
from ratbond.store.transfer import import_document
from tests.store.helpers import TODAY, cat_and_rat, day


def bitten(db: Database) -> None:
    """Tom bit Pip yesterday: the advice is `stop`."""
    cat_and_rat(db)
    logged = log_session(
        db,
        "tom-pip",
        NewSession(stage="visual", date=day(-1), minutes=5, signals={"tom": ["biting"]}),
        today=TODAY,
    )
    assert logged.advice.action == "stop"


@pytest.mark.parametrize("status", [None, "stopped"])
def test_a_pair_that_ended_apart_cannot_start_again(db: Database, status: str | None) -> None:
    bitten(db)
    if status is not None:
        set_status(db, "tom-pip", status, today=TODAY)
    with pytest.raises(InputError) as raised:
        start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, today=TODAY)
    message = raised.value.message
    assert "'tom-pip' (Tom & Pip) ended in 'stop'" in message
    assert day(-1).isoformat() in message
    assert "See a vet today" in message
    assert "House them apart for good" in message
    assert "stay apart for good" in message
    assert [intro.key for intro in list_introductions(db)] == ["tom-pip"]
    # Pip alone with a person shares one animal, in another program: nothing to refuse.
    assert start_introduction(db, "rat-human", {"rat": ["pip"]}, today=TODAY).key == "pip"


def test_the_refusal_is_about_cleared_by_in_no_caller_s_words(db: Database) -> None:
    bitten(db)
    with pytest.raises(InputError) as raised:
        start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, today=TODAY)
    refusal = raised.value
    assert refusal.path == "cleared_by"
    assert refusal.message.startswith(
        f"cannot start cat-rat again: introduction 'tom-pip' (Tom & Pip) ended in 'stop' after "
        f"its session of {day(-1).isoformat()} ("
    )
    assert "a vet and a behaviourist" in refusal.message
    assert "who cleared them" in refusal.message
    assert "--" not in refusal.message  # no command-line option
    assert "[" not in refusal.message  # alert titles, not their codes
    assert "Cleared by" not in refusal.message  # nor the form's field


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


def test_a_cleared_restart_goes_through_and_says_who_cleared_it(db: Database) -> None:
    bitten(db)
    with pytest.raises(InputError, match="cleared_by: say who cleared them"):
        start_introduction(
            db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, cleared_by="  ", today=TODAY
        )
    intro = start_introduction(
        db,
        "cat-rat",
        {"cat": ["tom"], "rat": ["pip"]},
        cleared_by="Dr Lee (vet) and Sam Ortiz (behaviourist)",
        today=TODAY,
    )
    assert intro.key == "tom-pip-2"
    assert intro.notes is not None
    assert "cleared by Dr Lee (vet) and Sam Ortiz (behaviourist)" in intro.notes
    assert "'tom-pip'" in intro.notes


def test_cleared_by_without_an_earlier_stop_is_refused(db: Database) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError, match="nothing to clear"):
        start_introduction(
            db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, cleared_by="Dr Lee", today=TODAY
        )


def test_completing_needs_the_complete_advice(db: Database) -> None:
    bitten(db)
    with pytest.raises(RatbondError, match="cannot complete introduction 'tom-pip'"):
        set_status(db, "tom-pip", "completed", today=TODAY)
    assert list_introductions(db)[0].status == "active"


def test_a_session_before_the_advised_day_is_warned_of_and_earns_nothing(db: Database) -> None:
    cat_and_rat(db)
    first = log_session(db, "tom-pip", NewSession("visual", day(0), 5), today=TODAY)
    assert first.early is None
    assert first.pacing_warning is None
    second = log_session(db, "tom-pip", NewSession("visual", day(0), 8), today=TODAY)
    assert second.early == day(1)
    assert second.pacing_warning is not None
    assert f"before the advised day ({day(1).isoformat()})" in second.pacing_warning
    assert "rushing" in second.pacing_warning
    assert second.advice.reasons == get_advice(db, "tom-pip", today=TODAY)[1].reasons
    # The day has added its calm session already: this one is kept, and earns nothing.
    assert "1 calm session" in second.advice.reasons[0]
    assert "rushed" in second.advice.alerts
    assert any("earned nothing" in reason for reason in second.advice.reasons)


def test_late_logging_of_an_earlier_day_is_not_early(db: Database) -> None:
    cat_and_rat(db)
    log_session(db, "tom-pip", NewSession("visual", day(-5), 5), today=TODAY)
    log_session(db, "tom-pip", NewSession("visual", day(-3), 8), today=TODAY)
    # Forgotten, logged today: one a day still holds on day -4 and on day -1.
    assert log_session(db, "tom-pip", NewSession("visual", day(-4), 5), today=TODAY).early is None
    assert log_session(db, "tom-pip", NewSession("visual", day(-1), 5), today=TODAY).early is None


def test_contact_before_quarantine_ends_is_early(db: Database) -> None:
    from ratbond.store.animals import NewAnimal, add_animal

    add_animal(db, NewAnimal(species="rat", name="Bea", arrived=day(-3)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Nibbles", arrived=day(-300)), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["bea"], "residents": ["nibbles"]}, today=TODAY)
    watched = log_session(db, "bea-nibbles", NewSession("quarantine", day(0)), today=TODAY)
    assert watched.early is None  # the observation the quarantine asks for
    met = log_session(db, "bea-nibbles", NewSession("side_by_side", day(0)), today=TODAY)
    assert met.early == day(11)


def test_a_session_is_found_by_its_number_in_the_introduction(db: Database) -> None:
    from ratbond.store.sessions import delete_session, get_session

    cat_and_rat(db)
    first = log_session(db, "tom-pip", NewSession("visual", day(-2), 5), today=TODAY)
    log_session(db, "tom-pip", NewSession("visual", day(-1), 8), today=TODAY)
    intro, found = get_session(db, "TOM-PIP", 2)
    assert (intro.key, found.seq, found.date) == ("tom-pip", 2, day(-1))
    delete_session(db, first.session.id, today=TODAY)
    with pytest.raises(InputError, match=r"no session 1 \(its sessions: 2\)"):
        get_session(db, "tom-pip", 1)


def human_and_rat(db: Database) -> None:
    from ratbond.store.animals import NewAnimal, add_animal

    add_animal(db, NewAnimal(species="rat", name="Bea", arrived=day(-30)), today=TODAY)
    start_introduction(db, "rat-human", {"rat": ["bea"]}, today=TODAY)


def test_clicker_counts_outside_a_training_stage_are_refused(db: Database) -> None:
    human_and_rat(db)
    counted = NewSession("voice", day(0), 3, attempts=10, rewarded=8)
    with pytest.raises(InputError, match=r"^attempts: 'voice' is not a training stage") as raised:
        log_session(db, "bea", counted, today=TODAY)
    assert "rat-human has no training stage" in str(raised.value)
    with pytest.raises(InputError, match=r"^rewarded: 'voice' is not a training stage"):
        log_session(db, "bea", NewSession("voice", day(0), 3, rewarded=8), today=TODAY)
    logged = log_session(db, "bea", NewSession("voice", day(0), 3), today=TODAY)
    with pytest.raises(InputError, match="not a training stage"):
        edit_session(db, logged.session.id, {"attempts": 4}, today=TODAY)
    assert list_sessions(db, "bea")[1][0].attempts is None


@pytest.mark.parametrize("minutes", [1441, 100_000])
def test_a_session_longer_than_a_day_is_refused(db: Database, minutes: float) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError, match="more than a day") as raised:
        log_session(db, "tom-pip", NewSession("visual", day(0), minutes), today=TODAY)
    assert raised.value.path == "minutes"
    assert list_sessions(db, "tom-pip")[1] == []


def test_an_animal_in_two_roles_is_refused_by_name(db: Database) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError, match=r"'pip' \(Pip\) is listed twice as rat") as raised:
        start_introduction(db, "trick-spin", {"rat": ["pip", "PIP"]}, today=TODAY)
    assert raised.value.path == "roles.rat"


@pytest.mark.parametrize(("who", "grams"), [("pip", 1500), ("pip", 50_000), ("tom", 15_000)])
def test_a_weight_no_pet_has_is_refused(db: Database, who: str, grams: float) -> None:
    from ratbond.store.animals import add_weight, list_weights

    cat_and_rat(db)
    with pytest.raises(InputError, match=r"^grams: .* is not the weight of a pet"):
        add_weight(db, who, grams, today=TODAY)
    assert list_weights(db, who) == []
    assert add_weight(db, who, 400, today=TODAY).grams == 400


def test_a_session_before_an_animal_arrived_is_refused(db: Database) -> None:
    cat_and_rat(db)  # Pip arrived on day -80
    with pytest.raises(InputError, match=r"^date: .* is before Pip arrived") as raised:
        log_session(db, "tom-pip", NewSession("visual", day(-81), 5), today=TODAY)
    assert day(-80).isoformat() in str(raised.value)
    logged = log_session(db, "tom-pip", NewSession("visual", day(-80), 5), today=TODAY)
    with pytest.raises(InputError, match="before Pip arrived"):
        edit_session(db, logged.session.id, {"date": day(-90)}, today=TODAY)


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
