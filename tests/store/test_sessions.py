"""Sessions in the store: one before the advised day counts with a warning, one is found by its
number in its introduction, and counts, lengths and dates that make no sense are refused."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from ratbond.store.introductions import get_advice, get_introduction, start_introduction
from ratbond.store.sessions import (
    NewSession,
    check_session,
    edit_session,
    list_sessions,
    log_session,
)
from tests.store.helpers import TODAY, cat_and_rat, day


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


def test_a_session_before_an_animal_arrived_is_refused(db: Database) -> None:
    cat_and_rat(db)  # Pip arrived on day -80
    with pytest.raises(InputError, match=r"^date: .* is before Pip arrived") as raised:
        log_session(db, "tom-pip", NewSession("visual", day(-81), 5), today=TODAY)
    assert day(-80).isoformat() in str(raised.value)
    logged = log_session(db, "tom-pip", NewSession("visual", day(-80), 5), today=TODAY)
    with pytest.raises(InputError, match="before Pip arrived"):
        edit_session(db, logged.session.id, {"date": day(-90)}, today=TODAY)


def test_a_diary_typed_up_later_takes_the_stage_and_minutes_advised_on_each_date(
    db: Database,
) -> None:
    cat_and_rat(db)
    logged = [
        log_session(db, "tom-pip", NewSession(date=day(offset)), today=TODAY)
        for offset in range(-40, -35)
    ]
    placed = [(entry.session.stage, entry.session.minutes) for entry in logged]
    assert placed == [("visual", 5), ("visual", 8), ("visual", 11), ("scent", 120), ("scent", 180)]
    # Today the break is long, so today's advice starts the stage again; the diary's own
    # dates never saw that break.
    assert "long_break" in logged[-1].advice.alerts
    assert logged[-1].dated is not None
    assert "long_break" not in logged[-1].dated.alerts
    assert (logged[-1].dated.stage, logged[-1].dated.minutes) == ("scent", 240)


def test_a_session_without_a_stage_filling_in_an_earlier_day_takes_that_days_advice(
    db: Database,
) -> None:
    cat_and_rat(db)
    for offset in (-40, -39, -30):
        log_session(db, "tom-pip", NewSession(date=day(offset)), today=TODAY)
    # Day -38 came after two calm sessions: the third at the first stage, two steps up.
    between = log_session(db, "tom-pip", NewSession(date=day(-38)), today=TODAY)
    assert (between.session.stage, between.session.minutes) == ("visual", 11)


def test_a_session_without_a_stage_today_takes_the_stored_advice(db: Database) -> None:
    cat_and_rat(db)
    logged = log_session(db, "tom-pip", NewSession(minutes=4), today=TODAY)
    assert (logged.session.stage, logged.session.minutes) == ("visual", 4)
    assert logged.dated is None


def test_no_pacing_lecture_beside_a_wound(db: Database) -> None:
    cat_and_rat(db)
    log_session(db, "tom-pip", NewSession("visual", day(0), 5), today=TODAY)
    hurt = log_session(
        db, "tom-pip", NewSession("visual", day(0), 5, signals={"pip": ["wound"]}), today=TODAY
    )
    assert hurt.early == day(1)
    assert "vet_now" in hurt.advice.alerts
    assert hurt.pacing_warning is None


def test_a_meeting_logged_before_the_prey_drive_is_assessed_should_not_have_happened(
    db: Database,
) -> None:
    from ratbond.store.animals import NewAnimal, add_animal, add_vet_check

    add_animal(db, NewAnimal(species="cat", name="Tom"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Pip", arrived=day(-80)), today=TODAY)
    for animal in ("tom", "pip"):
        add_vet_check(db, animal, day(-50), today=TODAY)
    start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, today=TODAY)
    logged = log_session(db, "tom-pip", NewSession("visual", day(0), 5), today=TODAY)
    assert logged.advice.action == "wait"
    assert logged.too_soon_warning is not None
    assert logged.too_soon_warning.startswith("This meeting should not have happened yet.")
    assert "prey drive" in logged.too_soon_warning
    assert "vet check" not in logged.too_soon_warning


def test_check_session_refuses_what_log_session_refuses_and_writes_nothing(db: Database) -> None:
    cat_and_rat(db)
    intro = get_introduction(db, "tom-pip")
    with pytest.raises(InputError) as raised:
        check_session(intro, NewSession(stage="visual", minutes=-1), today=TODAY)
    assert raised.value.path == "minutes"
    check_session(intro, NewSession(stage="visual", minutes=5), today=TODAY)
    assert list_sessions(db, "tom-pip")[1] == []


HEDGED = "I think Tom might have nipped Pip, not sure"


def test_a_danger_the_notes_cannot_rule_out_counts_beside_other_ticked_signals(
    db: Database,
) -> None:
    # Ticking other signals (a form without its preview, an API call) is no answer to it.
    cat_and_rat(db)
    new = NewSession("visual", day(0), 5, signals={"tom": ["ears_forward"]}, notes=HEDGED)
    logged = log_session(db, "tom-pip", new, today=TODAY)
    assert "biting" in logged.session.signals["tom"]
    assert logged.session.session_class == "danger"


def test_a_reviewed_danger_the_owner_left_out_is_not_counted(db: Database) -> None:
    cat_and_rat(db)
    new = NewSession(
        "visual",
        day(0),
        5,
        signals={"tom": ["ears_forward"]},
        notes=HEDGED,
        notes_reviewed=True,
    )
    logged = log_session(db, "tom-pip", new, today=TODAY)
    assert list(logged.session.signals["tom"]) == ["ears_forward"]
    assert logged.session.session_class == "calm"


def test_new_notes_in_a_correction_count_a_danger_they_cannot_rule_out(db: Database) -> None:
    cat_and_rat(db)
    calm = NewSession("visual", day(0), 5, signals={"tom": ["ears_forward"]}, notes="all calm")
    logged = log_session(db, "tom-pip", calm, today=TODAY)
    fixed = edit_session(db, logged.session.id, {"notes": HEDGED}, today=TODAY)
    assert fixed.session.signals["tom"] == ("ears_forward", "biting")
    assert fixed.session.session_class == "danger"


def test_reviewed_or_unchanged_notes_in_a_correction_add_nothing(db: Database) -> None:
    cat_and_rat(db)
    ticked = {"tom": ("ears_forward",)}
    new = NewSession("visual", day(0), 5, signals=ticked, notes=HEDGED, notes_reviewed=True)
    logged = log_session(db, "tom-pip", new, today=TODAY)
    assert logged.session.session_class == "calm"
    # The owner said no when logging: correcting the minutes does not bring it back.
    fixed = edit_session(db, logged.session.id, {"minutes": 6, "notes": HEDGED}, today=TODAY)
    assert (fixed.session.signals, fixed.session.session_class) == (ticked, "calm")
    reviewed = edit_session(
        db, logged.session.id, {"notes": f"{HEDGED}, at all"}, today=TODAY, notes_reviewed=True
    )
    assert (reviewed.session.signals, reviewed.session.session_class) == (ticked, "calm")


def test_a_request_sent_twice_logs_one_session(db: Database) -> None:
    cat_and_rat(db)
    once = NewSession("visual", day(-1), 5, submission="form-3f9c2a7b")
    first = log_session(db, "tom-pip", once, today=TODAY)
    again = log_session(db, "tom-pip", once, today=TODAY)
    assert (first.repeated, again.repeated) == (False, True)
    assert again.session.seq == first.session.seq
    assert again.advice.to_json() == first.advice.to_json()
    # Another key, or none, is another session.
    log_session(
        db, "tom-pip", NewSession("visual", day(0), 5, submission="form-77aa01"), today=TODAY
    )
    log_session(db, "tom-pip", NewSession("visual", day(0), 5), today=TODAY)
    assert [s.seq for s in list_sessions(db, "tom-pip")[1]] == [1, 2, 3]


def test_a_key_is_the_introductions_own(db: Database) -> None:
    """The same key sent to another introduction is its own request there."""
    from ratbond.store.animals import NewAnimal, add_animal

    cat_and_rat(db)
    add_animal(db, NewAnimal(species="rat", name="Bea", arrived=day(-300)), today=TODAY)
    start_introduction(db, "rat-human", {"rat": ["bea"]}, today=TODAY)
    key = "shared-key-0001"
    log_session(db, "tom-pip", NewSession("visual", day(0), 5, submission=key), today=TODAY)
    other = log_session(db, "bea", NewSession(None, day(0), 5, submission=key), today=TODAY)
    assert not other.repeated


@pytest.mark.parametrize("key", ["short", "x" * 65, "has space1", "quote'd-key"])
def test_a_malformed_key_is_refused_before_anything_is_logged(db: Database, key: str) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError, match=r"^submission: a request's key is 8 to 64"):
        log_session(db, "tom-pip", NewSession("visual", day(0), 5, submission=key), today=TODAY)
    assert list_sessions(db, "tom-pip")[1] == []
