"""The advice contract at its edges: input a caller gets wrong, and histories the contract's
rules meet only at their limits. Bad input is one located message (contract section 1),
never a traceback; every answer follows the contract's rules to the letter, and where the
contract is silent, the choice docs/advice.md names ("Where the contract is silent")."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from histories import advice_for, histories, worst_class
from hypothesis import given, settings
from hypothesis import strategies as st
from scenarios import TODAY, advise, scenario, session

from ratbond.engine import class_table
from ratbond.errors import InputError
from ratbond.evaluate import advise_text, run
from ratbond.limits import DATE_CEILING, MAX_ATTEMPTS, MAX_MINUTES
from ratbond.programs import builtin_program, builtin_vocabulary


def evaluate_file(path: Path, *, jsonl: bool = False) -> tuple[int, str, str]:
    """`ratbond evaluate FILE` as the command runs it: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = run(str(path), None, out, err, io.StringIO(), jsonl=jsonl)
    return code, out.getvalue(), err.getvalue()


def refused(document: dict[str, Any] | str) -> InputError:
    text = document if isinstance(document, str) else json.dumps(document)
    with pytest.raises(InputError) as caught:
        advise_text(text)
    return caught.value


# --- numbers and dates beyond what anyone logs -----------------------------------------------


@given(st.integers(min_value=MAX_MINUTES + 1, max_value=10**1000))
@settings(max_examples=40)
def test_minutes_longer_than_a_day_are_refused_by_field_whatever_their_size(big: int) -> None:
    document = scenario("cat-rat", [session(1, "visual", 5)])
    text = json.dumps(document).replace('"minutes": 5', f'"minutes": {big}')
    error = refused(text)
    assert error.path == "sessions[0].minutes"
    assert "more than a day" in error.message
    assert f"{MAX_MINUTES:,}" in error.message


def test_a_float_too_big_for_minutes_is_refused_like_any_long_session() -> None:
    error = refused(scenario("cat-rat", [session(1, "visual", 1e308)]))
    assert error.path == "sessions[0].minutes"
    assert "more than a day" in error.message


def test_a_day_long_session_is_still_taken() -> None:
    assert advise(scenario("cat-rat", [session(1, "scent", MAX_MINUTES)]))["action"]


def test_attempts_beyond_any_training_session_are_refused() -> None:
    entry = {**session(1, "visual", 5), "attempts": 10**400, "rewarded": 1}
    error = refused(scenario("cat-rat", [entry]))
    assert error.path == "sessions[0].attempts"
    assert f"{MAX_ATTEMPTS:,}" in error.message


@pytest.mark.parametrize("today", ["9999-12-31", "9000-12-31"])
def test_today_far_in_the_future_is_refused_or_reckoned_without_overflow(today: str) -> None:
    document = scenario("rat-rat", [session(0, "quarantine")])
    document["today"] = today
    document["sessions"][0]["date"] = today
    for animal in document["animals"]:
        animal["health_check"] = today
    if today > DATE_CEILING.isoformat():
        error = refused(document)
        assert error.path == "today"
        assert DATE_CEILING.isoformat() in error.message
    else:
        assert advise(document)["action"] == "start"


def test_today_before_any_record_is_refused_by_field() -> None:
    document = scenario("rat-human")
    document["today"] = "1900-01-01"
    assert refused(document).path == "today"


# --- the document itself ----------------------------------------------------------------------


def test_a_byte_order_mark_at_the_start_is_ignored(tmp_path: Path) -> None:
    file = tmp_path / "bom.json"
    file.write_text(json.dumps(scenario("rat-human")), encoding="utf-8-sig")
    code, out, err = evaluate_file(file)
    assert (code, err) == (0, "")
    assert json.loads(out)["action"] == "start"


def test_a_byte_order_mark_before_the_first_json_line_is_ignored(tmp_path: Path) -> None:
    file = tmp_path / "bom.jsonl"
    file.write_text(json.dumps(scenario("rat-human")) + "\n", encoding="utf-8-sig")
    code, out, _ = evaluate_file(file, jsonl=True)
    assert code == 0
    assert json.loads(out)["action"] == "start"


@pytest.mark.parametrize("text", ["", "  \n\t\n", "\ufeff"])
def test_an_empty_file_is_named_in_its_one_line_error(tmp_path: Path, text: str) -> None:
    file = tmp_path / "empty.json"
    file.write_text(text, encoding="utf-8")
    for jsonl in (False, True):
        code, out, err = evaluate_file(file, jsonl=jsonl)
        assert (code, out) == (2, "")
        assert err.startswith(f"error: {file}: is empty"), err
        assert err.count("\n") == 1


def test_a_key_given_twice_is_refused_naming_it_by_its_path() -> None:
    text = json.dumps(scenario("cat-rat", [session(1, "visual", 5)]))
    text = text.replace('"minutes": 5', '"minutes": 5, "minutes": 50')
    error = refused(text)
    assert error.path == "sessions[0].minutes"
    assert "twice" in error.message


def test_a_top_level_key_given_twice_is_named() -> None:
    text = json.dumps(scenario("rat-human"))
    text = text.replace('"program": "rat-human"', '"program": "rat-human", "program": "cat-rat"')
    assert refused(text).path == "program"


def test_a_bad_json_line_names_the_file_and_the_line(tmp_path: Path) -> None:
    file = tmp_path / "many.jsonl"
    bad = scenario("cat-rat", [session(1, "visual", 5)])
    bad["sessions"][0]["stage"] = "visul"
    file.write_text(f"{json.dumps(scenario('rat-human'))}\n\n{json.dumps(bad)}\n")
    code, out, err = evaluate_file(file, jsonl=True)
    assert code == 2
    assert len(out.splitlines()) == 1
    assert err.startswith(f"error: {file}, line 3: sessions[0].stage: unknown stage 'visul'")


# --- alerts follow every class the deciding session showed ------------------------------------


def test_a_rat_that_bites_its_person_and_is_hurt_asks_for_gloves_and_for_stepping_in() -> None:
    bitten = session(1, "voice", 5, signals={"pip": ["biting", "wound"]})
    advice = advise(scenario("rat-human", [session(2, "voice", 5), bitten]))
    assert {"use_gloves", "intervene", "vet_now"} <= set(advice["alerts"])


@pytest.mark.parametrize("ago", [40, 1], ids=["during-quarantine", "after-quarantine"])
def test_a_fight_logged_at_quarantine_raises_intervene_and_is_named(ago: int) -> None:
    document = scenario("rat-rat", [session(ago, "quarantine", signals={"nova": ["fighting"]})])
    document["animals"][0]["arrived"] = "2026-10-01"
    advice = advise(document)
    assert "intervene" in advice["alerts"]
    assert any("fighting" in reason and "step in" in reason for reason in advice["reasons"])


@given(st.sampled_from(["cat-rat", "rat-rat", "rat-human"]), st.data())
@settings(max_examples=60, deadline=None)
def test_every_class_the_last_session_showed_raises_its_alerts(
    program_id: str, data: st.DataObject
) -> None:
    document = data.draw(histories(program_id))
    if not document["sessions"]:
        return
    last = document["sessions"][-1]  # histories log in date order
    program = builtin_program(program_id)
    table = class_table(program, builtin_vocabulary())
    species = {a["id"]: a["species"] for a in document["animals"]}
    shown = {worst_class(document, last)} | {
        "stress" if table[species[a]][n] == "illness" else table[species[a]][n]
        for a, names in last.get("signals", {}).items()
        for n in names
    }
    expected = {code for klass in shown for code in program.rules.class_alerts.get(klass, ())}
    assert expected <= set(advice_for(document)["alerts"])


# --- reasons an owner reads -------------------------------------------------------------------


def test_the_start_reason_names_the_stage_to_begin_with() -> None:
    assert advise(scenario("cat-rat"))["reasons"][0] == (
        "No session logged yet: begin with the first stage, 'Seeing each other'."
    )


def test_the_start_after_a_waiting_period_says_when_it_ended_and_why() -> None:
    reason = advise(scenario("rat-rat"))["reasons"][0]
    assert reason == (
        "'Quarantine' ended on 2026-10-15 (14 days from arrival on 2026-10-01) and nothing is "
        "logged past it yet: begin with 'Cages side by side'."
    )


def test_reasons_name_the_animals_by_the_names_their_owner_gave() -> None:
    bite = session(1, "visual", 5, signals={"tom": ["biting"]})
    stopped = advise(scenario("cat-rat", [bite]))
    assert "(Tom: biting)" in stopped["reasons"][0]
    unassessed = scenario("cat-rat")
    del unassessed["animals"][0]["prey_drive"]
    unassessed["animals"][1]["health_check"] = None
    reason = advise(unassessed)["reasons"][0]
    assert "Tom's prey drive" in reason
    assert "Pip has no vet check" in reason
    assert "tom" not in reason
    assert "pip" not in reason


# --- minutes: the formulas of contract section 5, never past the stage's max ------------------

VISUAL = builtin_program("cat-rat").stages[0].minutes
assert VISUAL is not None
EARNING = st.floats(min_value=VISUAL.start / 2, max_value=MAX_MINUTES, allow_nan=False)


@given(EARNING)
def test_a_calm_session_is_followed_by_min_of_max_and_last_plus_step(last: float) -> None:
    assert VISUAL is not None
    advice = advise(scenario("cat-rat", [session(1, "visual", last)]))
    assert advice["action"] == "repeat"
    assert advice["minutes"] == pytest.approx(min(VISUAL.max, last + VISUAL.step), abs=1e-6)


@given(EARNING)
def test_a_stressed_session_is_followed_by_max_of_start_and_last_minus_step(last: float) -> None:
    assert VISUAL is not None
    stressed = session(1, "visual", last, signals={"pip": ["freezing"]})
    advice = advise(scenario("cat-rat", [stressed]))
    expected = min(VISUAL.max, max(VISUAL.start, last - VISUAL.step))
    assert advice["minutes"] == pytest.approx(expected, abs=1e-6)


def test_hand_feeding_without_a_treat_taken_repeats_at_the_same_minutes() -> None:
    earned = [
        session(9 - i, stage, 5) for i, stage in enumerate(["voice"] * 2 + ["treats_in_cage"] * 2)
    ]
    for last, expected in ((3, 3), (12, 12), (40, 15)):
        sessions = [*earned, session(1, "hand_feeding", last, signals={"pip": ["eating"]})]
        advice = advise(scenario("rat-human", sessions))
        assert (advice["action"], advice["stage"]) == ("repeat", "hand_feeding")
        assert advice["minutes"] == expected


def test_the_contracts_example_gets_the_not_before_its_rule_gives() -> None:
    # Section 3 shows 2026-11-21; section 5's rule gives the later of today (2026-11-20) and
    # the day after the last session (2026-11-19). docs/advice.md says why the rule wins.
    calm = session(
        2, "visual", 5, signals={"tom": ["ears_forward", "slow_blink"], "pip": ["relaxed"]}
    )
    advice = advise(scenario("cat-rat", [calm]))
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "visual", 8)
    assert advice["not_before"] == "2026-11-20"


# --- a missing arrival date -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("program_id", "waiting"), [("rat-rat", "quarantine"), ("rat-human", "settle")]
)
def test_without_the_arrival_date_the_waiting_stage_waits_for_it(
    program_id: str, waiting: str
) -> None:
    document = scenario(program_id)
    del document["animals"][0]["arrived"]
    advice = advise(document)
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("wait", waiting, None)
    assert "no arrival date" in advice["reasons"][0]


def test_one_newcomer_without_an_arrival_date_is_enough_to_wait() -> None:
    document = scenario("rat-rat")
    document["animals"][1]["arrived"] = None
    document["roles"] = {"newcomer": ["nova", "rex"], "residents": ["max"]}
    advice = advise(document)
    assert advice["action"] == "wait"
    assert "rex has no arrival date" in advice["reasons"][0]


def test_a_missing_arrival_never_lifts_a_stop() -> None:
    fights = [session(9 - i, "neutral", 10, signals={"nova": ["fighting"]}) for i in range(6)]
    document = scenario("rat-rat", fights)
    document["animals"][0]["arrived"] = None
    advice = advise(document)
    assert advice["action"] == "stop"
    assert "separate_housing" in advice["alerts"]


def test_a_completed_program_left_for_weeks_starts_its_last_stage_again() -> None:
    stages = ["voice"] * 2 + ["treats_in_cage"] * 2 + ["hand_feeding"] * 2
    stages += ["petting"] * 2 + ["pickup"] * 2 + ["bonding_time"] * 2
    treat = {"pip": ["takes_treat_from_hand"]}
    logged = [
        session(40 - i, stage, 20 if stage == "bonding_time" else 5, treat)
        for i, stage in enumerate(stages)
    ]
    done = advise(scenario("rat-human", logged, today=TODAY - dt.timedelta(days=28)))
    assert done["action"] == "complete"
    later = advise(scenario("rat-human", logged))
    assert (later["action"], later["stage"], later["minutes"]) == ("repeat", "bonding_time", 20)
    assert "long_break" in later["alerts"]


def test_a_calm_bonding_session_shorter_than_the_stage_start_grows_by_one_step() -> None:
    stages = ["voice"] * 2 + ["treats_in_cage"] * 2 + ["hand_feeding"] * 2
    stages += ["petting"] * 2 + ["pickup"] * 2
    treat = {"pip": ["takes_treat_from_hand"]}
    logged = [session(20 - i, stage, 5, treat) for i, stage in enumerate(stages)]
    logged.append(session(1, "bonding_time", 12))
    advice = advise(scenario("rat-human", logged))
    # min(max 30, 12 + step 5), to the letter of section 5, though under the start of 20.
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "bonding_time", 17)


@given(st.sampled_from(["cat-rat", "rat-rat", "rat-human"]), st.data())
@settings(max_examples=60, deadline=None)
def test_reasons_never_call_a_named_animal_by_its_id(program_id: str, data: st.DataObject) -> None:
    document = data.draw(histories(program_id))
    for animal in document["animals"]:
        animal["name"] = animal["id"].capitalize()
    reasons = " ".join(advice_for(document)["reasons"])
    for animal in document["animals"]:
        assert not re.search(rf"\b{animal['id']}\b", reasons), (animal["id"], reasons)
