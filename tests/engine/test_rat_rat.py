"""Rules of the rat-rat program: quarantine gate, normal squabbles, step backs, stop rule, the
residents a sick rat exposed."""

from __future__ import annotations

from typing import Any

from scenarios import advise, calm_run, day, scenario, session

FIGHT = {"rex": ["fighting"], "nova": ["fighting"]}


def rat_rat(sessions: list[dict[str, Any]], arrived: str | None = None) -> dict[str, Any]:
    document = scenario("rat-rat", sessions)
    if arrived is not None:
        document["animals"][0]["arrived"] = arrived
    return advise(document)


def earned(stage: str) -> list[dict[str, Any]]:
    history = calm_run("side_by_side", 3, 30)
    if stage == "cohabit":
        history += calm_run("neutral", 3, 27, 10)
    return history


def test_rat_rat_waits_in_quarantine_until_fourteen_days_after_arrival() -> None:
    advice = rat_rat([], arrived=day(5))
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("wait", "quarantine", None)
    assert advice["not_before"] == day(-9)
    assert advice["alerts"] == []


def test_rat_rat_starts_side_by_side_once_quarantine_is_over() -> None:
    advice = rat_rat([], arrived=day(14))
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("start", "side_by_side", None)
    assert advice["not_before"] == day(0)


def test_rat_rat_quarantine_counts_from_the_latest_newcomer() -> None:
    document = scenario("rat-rat", [])
    document["animals"].append({"id": "luna", "species": "rat", "arrived": day(3)})
    document["roles"] = {"newcomer": ["nova", "luna"], "residents": ["rex", "max"]}
    assert advise(document)["not_before"] == day(-11)


def test_rat_rat_illness_in_quarantine_restarts_the_clock() -> None:
    history = [session(10, "quarantine", signals={"nova": ["sneezing"]})]
    advice = rat_rat(history, arrived=day(20))
    assert (advice["action"], advice["not_before"]) == ("wait", day(-4))
    assert advice["alerts"] == ["illness_signs"]


def test_rat_rat_healthy_quarantine_checks_do_not_restart() -> None:
    advice = rat_rat([session(10, "quarantine", signals={"nova": ["eating"]})], arrived=day(20))
    assert (advice["action"], advice["stage"]) == ("start", "side_by_side")


def test_rat_rat_rats_together_in_a_quarantine_session_break_quarantine() -> None:
    # Logged as a quarantine observation, but boxing takes two rats: the newcomer met them.
    history = [session(3, "quarantine", signals={"rex": ["boxing"]})]
    advice = rat_rat(history, arrived=day(5))
    assert (advice["action"], advice["stage"]) == ("wait", "quarantine")
    assert advice["not_before"] == day(-11)
    assert advice["alerts"] == ["quarantine_breach"]
    assert "contact on " + day(3) in advice["reasons"][0]


def test_rat_rat_a_timed_quarantine_observation_is_no_contact() -> None:
    advice = rat_rat([session(3, "quarantine", minutes=10)], arrived=day(5))
    assert (advice["not_before"], advice["alerts"]) == (day(-9), [])


def test_rat_rat_contact_read_from_quarantine_notes_breaks_quarantine() -> None:
    history = [session(3, "quarantine", notes="put nova in with the girls, some boxing")]
    advice = rat_rat(history, arrived=day(5))
    assert (advice["not_before"], advice["alerts"]) == (day(-11), ["quarantine_breach"])


def test_rat_rat_a_quarantine_observation_after_the_end_is_no_breach() -> None:
    advice = rat_rat([session(3, "quarantine", minutes=5)], arrived=day(20))
    assert (advice["action"], advice["alerts"]) == ("start", [])


def test_rat_rat_contact_before_quarantine_ends_is_a_breach_and_restarts() -> None:
    advice = rat_rat([session(1, "side_by_side")], arrived=day(5))
    assert (advice["action"], advice["stage"]) == ("wait", "quarantine")
    assert advice["not_before"] == day(-13)
    assert advice["alerts"] == ["quarantine_breach"]


def test_rat_rat_squeaks_pinning_and_boxing_count_as_calm() -> None:
    normal = {"rex": ["pinning", "boxing"], "nova": ["squeaking", "play_wrestling"]}
    history = [session(3 - i, "side_by_side", signals=normal) for i in range(3)]
    advice = rat_rat(history)
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("advance", "neutral", 10)


def test_rat_rat_side_by_side_is_untimed() -> None:
    advice = rat_rat(calm_run("side_by_side", 1, 1))
    assert (advice["action"], advice["minutes"]) == ("repeat", None)


def test_rat_rat_neutral_meetings_grow_by_ten_minutes() -> None:
    advice = rat_rat([*earned("neutral"), session(1, "neutral", 10)])
    assert (advice["action"], advice["minutes"]) == ("repeat", 20)


def test_rat_rat_aggression_at_neutral_steps_back_to_side_by_side() -> None:
    history = [*earned("neutral"), session(1, "neutral", 20, {"rex": ["puffed_up", "sidling"]})]
    advice = rat_rat(history)
    assert (advice["action"], advice["stage"], advice["minutes"]) == (
        "step_back",
        "side_by_side",
        None,
    )


def test_rat_rat_aggression_at_cohabit_steps_back_to_neutral() -> None:
    history = [*earned("cohabit"), session(1, "cohabit", signals={"nova": ["aggressive_chasing"]})]
    advice = rat_rat(history)
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("step_back", "neutral", 10)


def test_rat_rat_aggression_at_side_by_side_repeats_it() -> None:
    advice = rat_rat([session(1, "side_by_side", signals={"rex": ["hissing"]})])
    assert (advice["action"], advice["stage"]) == ("repeat", "side_by_side")


def test_rat_rat_fight_steps_back_and_calls_to_intervene() -> None:
    advice = rat_rat([*earned("neutral"), session(1, "neutral", 10, FIGHT)])
    assert (advice["action"], advice["stage"]) == ("step_back", "side_by_side")
    assert advice["alerts"] == ["intervene"]


def test_rat_rat_wound_also_sends_to_the_vet() -> None:
    advice = rat_rat([*earned("cohabit"), session(1, "cohabit", signals={"nova": ["wound"]})])
    assert (advice["action"], advice["stage"]) == ("step_back", "neutral")
    assert advice["alerts"] == ["intervene", "vet_now"]


def test_rat_rat_six_bad_sessions_in_a_row_stop() -> None:
    history = [session(6 - i, "side_by_side", signals={"rex": ["biting"]}) for i in range(6)]
    advice = rat_rat(history)
    assert advice["action"] == "stop"
    assert advice["alerts"] == ["separate_housing"]
    assert rat_rat(history[1:])["action"] == "repeat"


def test_rat_rat_seven_calm_days_together_complete_the_program() -> None:
    advice = rat_rat(earned("cohabit") + calm_run("cohabit", 7, 7))
    assert (advice["action"], advice["stage"], advice["alerts"]) == ("complete", "cohabit", [])


def test_rat_rat_illness_after_quarantine_counts_as_stress() -> None:
    history = [*earned("neutral"), session(1, "neutral", 30, {"max": ["porphyrin"]})]
    advice = rat_rat(history)
    assert (advice["action"], advice["minutes"]) == ("repeat", 20)
    assert advice["alerts"] == ["illness_signs"]


def test_rat_rat_unsupervised_cohabiting_raises_the_alert_and_counts_as_its_signals() -> None:
    """Section 6 raises `unsupervised` for any last session logged so; rat-rat does not make
    it stress (rats that share a cage are not at a cat's reach)."""
    history = [*earned("cohabit"), session(1, "cohabit", supervised=False)]
    advice = rat_rat(history)
    assert advice["alerts"] == ["unsupervised"]
    assert advice["streak"] == 1


def test_rat_rat_a_sick_newcomer_that_met_the_residents_names_them_as_exposed() -> None:
    history = [*earned("neutral"), session(1, "neutral", 30, {"nova": ["sneezing"]})]
    advice = rat_rat(history)
    assert "illness_signs" in advice["alerts"]
    exposed = [reason for reason in advice["reasons"] if "exposed" in reason]
    assert exposed == [
        f"nova showed signs of illness on {day(1)} and has met rex and max: they are exposed. "
        "Watch them closely and have them checked by a vet too."
    ]


def test_rat_rat_illness_in_quarantine_before_any_contact_exposes_nobody() -> None:
    history = [session(10, "quarantine", signals={"nova": ["sneezing"]})]
    advice = rat_rat(history, arrived=day(20))
    assert not any("exposed" in reason for reason in advice["reasons"])


def test_rat_rat_a_vet_check_after_the_illness_ends_the_exposure() -> None:
    document = scenario(
        "rat-rat", [*earned("neutral"), session(2, "neutral", 30, {"nova": ["sneezing"]})]
    )
    document["animals"][0]["health_check"] = day(1)
    advice = advise(document)
    assert not any("exposed" in reason for reason in advice["reasons"])


def _sexed(sexes: dict[str, str]) -> dict[str, Any]:
    document = scenario("rat-rat", [])
    for animal in document["animals"]:
        if animal["id"] in sexes:
            animal["sex"] = sexes[animal["id"]]
    return advise(document)


def test_rat_rat_an_intact_male_with_intact_females_warns_of_pregnancy() -> None:
    advice = _sexed({"nova": "intact male", "rex": "female", "max": "doe"})
    # Beyond the contract's alert codes: an extra field, so `alerts` keeps the contract's set.
    assert advice["cautions"] == ["pregnancy_risk"]
    assert "pregnancy_risk" not in advice["alerts"]
    assert any("can breed" in reason for reason in advice["reasons"])


def test_rat_rat_a_neutered_male_or_a_same_sex_group_raises_no_pregnancy_warning() -> None:
    for sexes in (
        {"nova": "neutered male", "rex": "female", "max": "female"},
        {"nova": "male", "rex": "buck", "max": "male"},
        {"nova": "male", "rex": "female, spayed", "max": "spayed female"},
        {"nova": "male"},
    ):
        assert _sexed(sexes)["cautions"] == [], sexes


def test_a_fight_before_a_quarantine_restart_is_named_beside_its_alert() -> None:
    """The wait's reasons spoke of the quarantine alone, and `intervene` had none."""
    history = [
        *earned("neutral"),
        session(2, "neutral", 10, {"rex": ["fighting"]}),
        session(1, "quarantine", signals={"nova": ["sneezing"]}),
    ]
    advice = rat_rat(history)
    assert advice["action"] == "wait"
    assert "intervene" in advice["alerts"]
    assert (
        f"The last meeting, on {day(2)} at 'Meetings on neutral ground', showed danger "
        "(rex: fighting): step in at once if it happens again."
    ) in advice["reasons"]


def test_rat_rat_stress_at_an_untimed_stage_asks_for_no_shorter_session() -> None:
    """Cages side by side and living together have no session length: a stressed rat there is
    watched, not given a 'shorter session' (which read as advice to shorten living together)."""
    for stage in ("side_by_side", "cohabit"):
        history = [*earned(stage), session(1, stage, signals={"nova": ["hiding"]})]
        advice = rat_rat(history, arrived=day(60))
        assert (advice["action"], advice["stage"], advice["minutes"]) == ("repeat", stage, None)
        assert "shorter" not in advice["reasons"][0]
        assert advice["reasons"][0].endswith("repeat the stage, watching them closely.")
    timed = [*earned("cohabit")[:3], session(1, "neutral", 20, signals={"nova": ["hiding"]})]
    assert rat_rat(timed, arrived=day(60))["reasons"][0].endswith("with a shorter session.")
