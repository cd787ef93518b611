"""Rules of the cat-rat program (contract sections 5 and 7), one test per behaviour."""

from __future__ import annotations

import datetime as dt
from typing import Any

from scenarios import ANIMALS, TODAY, advise, calm_run, cat_rat, day, scenario, session

CAT = {"tom": ["hissing"]}
CALM = {"tom": ["slow_blink"], "pip": ["relaxed"]}


def earned_to(stage: str) -> list[dict[str, Any]]:
    """A history that earns `stage`: three calm sessions at each earlier stage, long ago-ish."""
    order = ["visual", "scent", "barrier", "proximity", "supervised"]
    minutes = {"visual": 5, "scent": 120, "barrier": 5, "proximity": 2, "supervised": 5}
    history: list[dict[str, Any]] = []
    ago = 13
    for name in order[: order.index(stage)]:
        history += calm_run(name, 3, ago, minutes[name])
        ago -= 3
    return [{**s, "date": day(40 - i)} for i, s in enumerate(history)]


def test_cat_rat_contract_example_repeats_visual_three_minutes_longer() -> None:
    advice = cat_rat(
        [session(2, "visual", 5, {"tom": ["ears_forward", "slow_blink"], "pip": ["relaxed"]})]
    )
    assert advice["action"] == "repeat"
    assert advice["stage"] == "visual"
    assert advice["minutes"] == 8
    assert advice["alerts"] == []
    assert "1 calm session in a row at 'Seeing each other'" in advice["reasons"][0]
    assert "3 needed" in advice["reasons"][0]


def test_cat_rat_no_sessions_starts_at_visual_today() -> None:
    advice = cat_rat([])
    assert advice == advice | {
        "action": "start",
        "stage": "visual",
        "minutes": 5,
        "not_before": day(0),
        "alerts": [],
    }


def test_cat_rat_three_calm_sessions_advance_to_scent_at_its_start() -> None:
    advice = cat_rat(calm_run("visual", 3, 3, 5))
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("advance", "scent", 120)


def test_cat_rat_calm_minutes_never_exceed_the_stage_max() -> None:
    advice = cat_rat([session(1, "visual", 19, CALM)])
    assert advice["minutes"] == 20


def test_cat_rat_stress_repeats_shorter_and_calls_to_intervene() -> None:
    advice = cat_rat([session(2, "visual", 5), session(1, "visual", 11, {"pip": ["hiding"]})])
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "visual", 8)
    assert advice["alerts"] == ["intervene"]


def test_cat_rat_stress_never_goes_below_the_stage_start() -> None:
    advice = cat_rat([session(1, "visual", 5, {"pip": ["trembling"]})])
    assert advice["minutes"] == 5


def test_cat_rat_aggression_repeats_the_stage_from_its_start() -> None:
    advice = cat_rat([*earned_to("barrier"), session(1, "barrier", 11, CAT)])
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "barrier", 5)
    assert advice["alerts"] == ["intervene"]


def test_cat_rat_second_aggression_at_a_stage_steps_back() -> None:
    history = [*earned_to("barrier"), session(2, "barrier", 5, CAT), session(1, "barrier", 5, CAT)]
    advice = cat_rat(history)
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("step_back", "scent", 120)


def test_cat_rat_aggression_twice_at_the_first_stage_repeats_it() -> None:
    advice = cat_rat([session(2, "visual", 5, CAT), session(1, "visual", 5, CAT)])
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "visual", 5)


def test_cat_rat_danger_steps_back_with_intervene() -> None:
    advice = cat_rat([*earned_to("barrier"), session(1, "barrier", 8, {"tom": ["lunging"]})])
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("step_back", "scent", 120)
    assert advice["alerts"] == ["intervene"]


def test_cat_rat_bite_stops_with_vet_alert() -> None:
    advice = cat_rat([*earned_to("barrier"), session(1, "barrier", 5, {"tom": ["biting"]})])
    assert advice["action"] == "stop"
    assert advice["stage"] == "barrier"
    assert advice["minutes"] is None
    assert advice["not_before"] is None
    assert advice["alerts"] == ["intervene", "separate_housing", "vet_now"]


def test_cat_rat_scratch_or_rat_wound_also_stops() -> None:
    for signals in ({"tom": ["scratching"]}, {"pip": ["wound"]}):
        advice = cat_rat([session(1, "visual", 5, signals)])
        assert advice["action"] == "stop"
        assert {"vet_now", "separate_housing", "intervene"} <= set(advice["alerts"])


def test_cat_rat_injury_earlier_in_the_history_still_stops() -> None:
    history = [session(5, "visual", 5, {"tom": ["scratching"]}), *calm_run("visual", 4, 4, 5)]
    advice = cat_rat(history)
    assert advice["action"] == "stop"
    assert day(5) in advice["reasons"][0]


def test_cat_rat_four_aggressive_sessions_in_a_row_stop_for_good() -> None:
    history = [session(4 - i, "visual", 5, CAT) for i in range(4)]
    advice = cat_rat(history)
    assert advice["action"] == "stop"
    assert advice["alerts"] == ["intervene", "separate_housing"]
    assert all(day(4 - i) in advice["reasons"][0] for i in range(4))


def test_cat_rat_three_aggressive_sessions_do_not_stop_yet() -> None:
    advice = cat_rat([session(3 - i, "visual", 5, CAT) for i in range(3)])
    assert advice["action"] == "repeat"


def test_cat_rat_unsupervised_session_never_counts_as_calm() -> None:
    history = [*calm_run("visual", 2, 3, 5), session(1, "visual", 11, CALM, supervised=False)]
    advice = cat_rat(history)
    assert advice["action"] == "repeat"
    assert advice["streak"] == 0
    assert advice["minutes"] == 8  # treated as stress: one step shorter
    assert advice["alerts"] == ["intervene", "unsupervised"]


def test_cat_rat_missing_health_check_waits_at_visual() -> None:
    advice = cat_rat(calm_run("visual", 3, 3, 5), tom={"health_check": None})
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("wait", "visual", None)
    assert advice["alerts"] == ["health_check_needed"]
    assert advice["not_before"] == day(0)


def test_cat_rat_vet_check_older_than_a_year_counts_as_missing() -> None:
    assert cat_rat([], pip={"health_check": day(366)})["alerts"] == ["health_check_needed"]
    assert cat_rat([], pip={"health_check": day(365)})["action"] == "start"


def test_cat_rat_unassessed_prey_drive_waits_with_assessment_needed() -> None:
    advice = cat_rat([], tom={"prey_drive": None})
    assert (advice["action"], advice["alerts"]) == ("wait", ["assessment_needed"])


def test_cat_rat_high_prey_drive_needs_two_more_calm_sessions_and_always_alerts() -> None:
    three = cat_rat(calm_run("visual", 3, 3, 5), tom={"prey_drive": "high"})
    assert (three["action"], three["alerts"]) == ("repeat", ["high_prey_drive"])
    five = cat_rat(calm_run("visual", 5, 5, 5), tom={"prey_drive": "high"})
    assert (five["action"], five["stage"]) == ("advance", "scent")
    assert five["alerts"] == ["high_prey_drive"]
    assert "high_prey_drive" in cat_rat([], tom={"prey_drive": "high"})["alerts"]


def test_cat_rat_long_break_repeats_the_stage_from_its_start() -> None:
    advice = cat_rat([session(20, "visual", 5), session(16, "visual", 11)])
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", "visual", 5)
    assert advice["alerts"] == ["long_break"]


def test_cat_rat_exactly_fourteen_days_is_not_a_long_break() -> None:
    assert cat_rat([session(14, "visual", 5)])["alerts"] == []


def test_cat_rat_long_break_inside_the_history_loses_the_streak() -> None:
    history = [session(30, "visual", 5), session(29, "visual", 8), session(2, "visual", 5)]
    advice = cat_rat(history)
    assert (advice["action"], advice["streak"]) == ("repeat", 1)


def test_cat_rat_session_at_an_unearned_stage_steps_back_to_the_earned_one() -> None:
    advice = cat_rat([session(2, "visual", 5), session(1, "barrier", 5, CALM)])
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("step_back", "visual", 5)
    assert advice["alerts"] == ["skipped_stage"]


def test_cat_rat_completes_after_five_calm_supervised_sessions() -> None:
    history = earned_to("supervised")
    history += [session(5 - i, "supervised", 5 + 5 * i, CALM) for i in range(5)]
    advice = cat_rat(history)
    assert (advice["action"], advice["stage"]) == ("complete", "supervised")
    assert (advice["minutes"], advice["not_before"]) == (None, None)
    assert advice["alerts"] == ["always_supervise"]


def test_cat_rat_one_session_a_day() -> None:
    assert cat_rat([session(0, "visual", 5)])["not_before"] == day(-1)
    assert cat_rat([session(3, "visual", 5)])["not_before"] == day(0)


def test_cat_rat_prerequisite_wait_outranks_injury_but_keeps_its_alerts() -> None:
    advice = cat_rat([session(1, "visual", 5, {"tom": ["biting"]})], tom={"health_check": None})
    assert advice["action"] == "wait"
    assert {"vet_now", "separate_housing", "intervene", "health_check_needed"} == set(
        advice["alerts"]
    )
    # The wait never reads as leave to carry on once a bite is in the history.
    assert "no more sessions" in advice["reasons"][0]
    assert "Sessions can start" not in advice["reasons"][0]


def test_cat_rat_stop_rule_outranks_skipped_stage() -> None:
    history = [session(5 - i, "visual", 5, CAT) for i in range(3)]
    history.append(session(1, "proximity", 2, CAT))
    advice = cat_rat(history)
    assert advice["action"] == "stop"
    assert {"skipped_stage", "separate_housing"} <= set(advice["alerts"])


def test_cat_rat_reasons_name_the_rule_and_the_session_dates() -> None:
    advice = cat_rat(calm_run("visual", 3, 3, 5))
    assert all(day(d) in advice["reasons"][0] for d in (3, 2, 1))
    assert advice["reasons"][0].startswith("3 calm sessions in a row at 'Seeing each other'")


def test_cat_rat_earned_stage_may_be_revisited_without_skipping() -> None:
    history = [*earned_to("barrier"), session(2, "barrier", 5, CAT), session(1, "barrier", 5, CAT)]
    history.append(session(0, "barrier", 5, CALM))  # back at barrier after the step back
    advice = cat_rat(history)
    assert "skipped_stage" not in advice["alerts"]
    assert (advice["action"], advice["stage"]) == ("repeat", "barrier")


def test_cat_rat_rat_without_origin_is_fine() -> None:
    animals = [dict(a) for a in ANIMALS["cat-rat"]]
    del animals[1]["origin"]
    assert advise(scenario("cat-rat", [], animals=animals))["action"] == "start"


def test_cat_rat_long_break_reason_reads_the_same_on_any_later_day() -> None:
    # Stored advice is shown on later days than it was computed on: no count of days in it.
    history = [session(20, "visual", 5)]
    reasons = [
        advise(scenario("cat-rat", history, today=TODAY + dt.timedelta(days=later)))["reasons"]
        for later in (0, 30)
    ]
    assert reasons[0] == reasons[1]
    assert any(f"more than 14 days since the last session ({day(20)})" in r for r in reasons[0])


def test_a_short_session_is_told_against_the_programs_own_fraction() -> None:
    """A program file may set `min_fraction`; the reason said "half" whatever it was."""
    import dataclasses
    import json

    from ratbond.evaluate import advise_text
    from ratbond.programs import builtin_program

    program = builtin_program("cat-rat")
    strict = dataclasses.replace(
        program, rules=dataclasses.replace(program.rules, min_fraction=0.9)
    )
    document = scenario("cat-rat", [session(2, "visual", 5, CALM), session(1, "visual", 2, CALM)])
    advice = advise_text(json.dumps(document), {"cat-rat": strict})
    assert any(
        "lasted less than 90% of the stage's first session (4.5 min at least)" in reason
        for reason in advice.reasons
    ), advice.reasons
    assert any("less than half" in reason for reason in cat_rat(document["sessions"])["reasons"])
