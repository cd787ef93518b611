"""Rules of the rat-human program: settling in, origin-paced progress, hand feeding, patience."""

from __future__ import annotations

from typing import Any

import pytest
from scenarios import advise, calm_run, day, scenario, session

TREAT = {"pip": ["takes_treat_from_hand"]}
ORDER = ["voice", "treats_in_cage", "hand_feeding", "petting", "pickup", "bonding_time"]
START = {
    "voice": 5,
    "treats_in_cage": 5,
    "hand_feeding": 5,
    "petting": 5,
    "pickup": 0.05,
    "bonding_time": 20,
}


def rat_human(sessions: list[dict[str, Any]], **pip: Any) -> dict[str, Any]:
    document = scenario("rat-human", sessions)
    document["animals"][0].update(pip)
    return advise(document)


def earned(stage: str) -> list[dict[str, Any]]:
    """Two calm sessions (a breeder rat's requirement) at every stage before `stage`."""
    history: list[dict[str, Any]] = []
    for name in ORDER[: ORDER.index(stage)]:
        signals = TREAT if name == "hand_feeding" else None
        history += [session(40, name, START[name], signals)] * 2
    return [{**s, "date": day(40 - i)} for i, s in enumerate(history)]


def test_rat_human_waits_two_days_to_settle_in() -> None:
    advice = rat_human([], arrived=day(1))
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("wait", "settle", None)
    assert advice["not_before"] == day(-1)


def test_rat_human_handling_before_settling_raises_too_soon() -> None:
    advice = rat_human([session(0, "voice", 5)], arrived=day(1))
    assert (advice["action"], advice["alerts"]) == ("wait", ["too_soon"])
    assert advice["not_before"] == day(-1)


def test_rat_human_quiet_settle_sessions_are_not_handling() -> None:
    advice = rat_human([session(0, "settle")], arrived=day(1))
    assert advice["alerts"] == []


@pytest.mark.parametrize("sign", ["takes_treat_from_hand", "climbs_onto_hand", "biting"])
def test_rat_human_a_settle_session_that_shows_handling_is_too_soon(sign: str) -> None:
    advice = rat_human([session(0, "settle", signals={"pip": [sign]})], arrived=day(1))
    assert (advice["action"], advice["stage"]) == ("wait", "settle")
    assert "too_soon" in advice["alerts"]
    assert advice["reasons"][0].endswith("No handling before then.")


def test_rat_human_a_bite_while_settling_asks_to_leave_the_rat_in_peace() -> None:
    advice = rat_human([session(0, "settle", signals={"pip": ["biting"]})], arrived=day(1))
    assert "use_gloves" in advice["alerts"]
    assert advice["reasons"][1].endswith(
        "leave it in peace; 'Settling in' is a stage without handling."
    )
    assert not any("animals apart" in reason for reason in advice["reasons"])


def test_rat_human_starts_with_voice_once_settled() -> None:
    advice = rat_human([], arrived=day(2))
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("start", "voice", 5)


def test_rat_human_calm_sessions_needed_follow_the_origin() -> None:
    for origin, needed in (("breeder", 2), ("pet_store", 3), ("unknown", 3), ("rescue", 4)):
        just_short = rat_human(calm_run("voice", needed - 1, 10, 5), origin=origin)
        assert just_short["action"] == "repeat", origin
        enough = rat_human(calm_run("voice", needed, 10, 5), origin=origin)
        assert (enough["action"], enough["stage"]) == ("advance", "treats_in_cage"), origin


def test_rat_human_missing_origin_counts_as_unknown() -> None:
    assert rat_human(calm_run("voice", 2, 5, 5), origin=None)["action"] == "repeat"


def test_rat_human_with_several_rats_the_slowest_origin_rules() -> None:
    document = scenario("rat-human", calm_run("voice", 3, 5, 5))
    document["animals"].append(
        {"id": "bo", "species": "rat", "origin": "rescue", "arrived": day(30)}
    )
    document["roles"] = {"rat": ["pip", "bo"]}
    advice = advise(document)
    assert (advice["action"], advice["needed"]) == ("repeat", 4)


def test_rat_human_hand_feeding_without_a_treat_neither_adds_nor_breaks() -> None:
    history = earned("hand_feeding")
    history += [session(3, "hand_feeding", 5, TREAT), session(2, "hand_feeding", 10)]
    advice = rat_human(history)
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "hand_feeding", 10)
    assert advice["streak"] == 1
    advice = rat_human([*history, session(1, "hand_feeding", 10, TREAT)])
    assert (advice["action"], advice["stage"]) == ("advance", "petting")


def test_rat_human_two_sessions_a_day_are_fine() -> None:
    assert rat_human([session(0, "voice", 5)])["not_before"] == day(0)
    assert rat_human([session(0, "voice", 5), session(0, "voice", 10)])["not_before"] == day(-1)


def test_rat_human_aggression_means_gloves_and_a_fresh_start() -> None:
    advice = rat_human([*earned("petting"), session(1, "petting", 15, {"pip": ["nipping"]})])
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "petting", 5)
    assert advice["alerts"] == ["use_gloves"]


def test_rat_human_one_stressed_session_shortens_the_next() -> None:
    advice = rat_human([*earned("petting"), session(1, "petting", 15, {"pip": ["retreating"]})])
    assert (advice["action"], advice["minutes"]) == ("repeat", 10)


def test_rat_human_two_stress_or_aggression_sessions_in_a_row_step_back() -> None:
    history = [
        *earned("petting"),
        session(2, "petting", 10, {"pip": ["freezing"]}),
        session(1, "petting", 5, {"pip": ["teeth_baring"]}),
    ]
    advice = rat_human(history)
    assert (advice["action"], advice["stage"], advice["minutes"]) == (
        "step_back",
        "hand_feeding",
        5,
    )
    assert advice["alerts"] == ["use_gloves"]


def test_rat_human_has_no_stop_rule() -> None:
    history = [session(12 - i, "voice", 5, {"pip": ["biting"]}) for i in range(12)]
    assert rat_human(history)["action"] == "repeat"


def test_rat_human_pick_ups_start_at_a_few_seconds() -> None:
    advice = rat_human([*earned("pickup"), session(1, "pickup", 0.05)])
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "pickup", 0.3)


def test_rat_human_bonding_time_completes_the_program() -> None:
    advice = rat_human(earned("bonding_time") + calm_run("bonding_time", 2, 2, 20))
    assert (advice["action"], advice["stage"], advice["alerts"]) == ("complete", "bonding_time", [])


def test_two_sessions_on_one_day_are_counted_once_in_the_reasons() -> None:
    # rat-human allows two sessions a day: a run names each day once, with its count.
    voice = [session(3, "voice", 5), session(3, "voice", 5), session(2, "voice", 5)]
    advice = rat_human(voice)
    assert advice["action"] == "advance"
    run = f"({day(3)} (2 sessions), {day(2)})"
    assert any(run in reason for reason in advice["reasons"]), advice["reasons"]
    assert day(3) + ", " + day(3) not in " ".join(advice["reasons"])
