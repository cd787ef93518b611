"""Contract v1.1, section 8: pace, alerts that last until a vet has looked, and a stop that
stays; one test per rule, on the programs that ship."""

from __future__ import annotations

from scenarios import ANIMALS, advise, calm_run, cat_rat, day, scenario, session

CALM = {"tom": ["slow_blink"], "pip": ["relaxed"]}


def test_twelve_sessions_in_one_afternoon_count_as_one() -> None:
    advice = cat_rat([session(0, "visual", 5, CALM) for _ in range(12)])
    assert advice["action"] == "repeat"
    assert advice["stage"] == "visual"
    assert advice["streak"] == 1
    assert advice["earned_stage"] == "visual"
    assert "rushed" in advice["alerts"]
    assert advice["not_before"] == day(-1)
    # The eleven that earned nothing are named once, as one day's count.
    named = [r for r in advice["reasons"] if "earned nothing" in r]
    assert named == [
        f"11 sessions of {day(0)} at 'Seeing each other' earned nothing: a day counts at most "
        "one calm session, so they neither add to the calm streak nor break it. Calm has to "
        "hold over days, not hours."
    ]


def test_three_calm_days_still_advance() -> None:
    advice = cat_rat(calm_run("visual", 3, 3, 5))
    assert advice["action"] == "advance"
    assert advice["stage"] == "scent"
    assert "rushed" not in advice["alerts"]


def test_extra_sessions_on_a_counted_day_neither_add_nor_break() -> None:
    history = [
        session(3, "visual", 5, CALM),
        session(3, "visual", 5, CALM),
        session(2, "visual", 8, CALM),
        session(1, "visual", 11, CALM),
    ]
    advice = cat_rat(history)
    assert advice["action"] == "advance"
    assert "rushed" not in advice["alerts"]  # the last session counted
    assert any(day(3) in r and "earned nothing" in r for r in advice["reasons"][1:])


def test_a_scent_session_far_shorter_than_advised_earns_nothing() -> None:
    history = [*calm_run("visual", 3, 10, 5), session(4, "scent", 120, CALM)]
    shorts = [session(ago, "scent", 5, CALM) for ago in (3, 2, 1)]
    advice = cat_rat(history + shorts)
    assert advice["action"] == "repeat"
    assert advice["stage"] == "scent"
    assert advice["streak"] == 1
    assert advice["minutes"] == 180  # decided on the last session that counted (120 + 60)
    assert "rushed" in advice["alerts"]
    assert sum("less than half" in r and "60 min at least" in r for r in advice["reasons"]) == 3


def test_a_short_session_names_the_least_length_that_counts() -> None:
    document = scenario("rat-human", [*calm_run("voice", 1, 3, 5)])
    document["sessions"].append(session(2, "voice", 0.02))
    advice = advise(document)
    assert any("A session" in r and "(2.5 min at least)" in r for r in advice["reasons"])


def test_a_bad_sign_counts_on_a_full_day() -> None:
    history = [session(1, "visual", 5, CALM), session(1, "visual", 5, {"tom": ["hissing"]})]
    advice = cat_rat(history)
    assert advice["action"] == "repeat"
    assert advice["streak"] == 0
    assert "rushed" not in advice["alerts"]
    assert "intervene" in advice["alerts"]


def test_rat_human_counts_two_sessions_a_day() -> None:
    rescued = [{**ANIMALS["rat-human"][0], "origin": "rescue"}]  # four calm sessions to move on
    document = scenario("rat-human", [session(2, "voice", 5), session(2, "voice", 5)], rescued)
    assert advise(document)["streak"] == 2
    document["sessions"].append(session(2, "voice", 5))
    advice = advise(document)
    assert advice["streak"] == 2
    assert "rushed" in advice["alerts"]


def test_training_stages_are_exempt_from_the_length_rule() -> None:
    document = scenario("trick-spin", roles={"rat": ["pip"]}, animals=ANIMALS["rat-human"])
    document["sessions"] = [
        {**session(1, "charge_clicker", 0.5), "attempts": 10, "rewarded": 10},
    ]
    advice = advise(document)
    assert "rushed" not in advice["alerts"]
    assert advice["streak"] == 1


def test_intervene_of_a_contact_is_not_hidden_by_a_later_quarantine_check() -> None:
    animals = [
        {"id": "nova", "species": "rat", "arrived": day(40)},
        {"id": "rex", "species": "rat", "arrived": day(400)},
    ]
    roles = {"newcomer": ["nova"], "residents": ["rex"]}
    history = [
        *calm_run("side_by_side", 3, 10),
        session(6, "neutral", 10, {"rex": ["fighting"]}),
        session(5, "quarantine", None, {"nova": ["sneezing"]}),
    ]
    advice = advise(scenario("rat-rat", history, animals=animals, roles=roles))
    assert {"intervene", "illness_signs"} <= set(advice["alerts"])


def test_illness_lasts_until_a_vet_check_on_or_after_it() -> None:
    animals = [{"id": "pip", "species": "rat", "origin": "breeder", "arrived": day(30)}]
    history = [session(5, "voice", 5, {"pip": ["sneezing"]}), *calm_run("voice", 3, 4, 5)]
    document = scenario("rat-human", history, animals=animals)
    advice = advise(document)
    assert "illness_signs" in advice["alerts"]
    # The reasons say why: the sessions since were calm and name no illness.
    assert (
        f"pip showed signs of illness on {day(5)} and no vet check is recorded since: have a "
        "vet look at pip (the alert stays until a check dated on or after that day)."
    ) in advice["reasons"]
    document["animals"][0]["health_check"] = day(6)
    assert "illness_signs" in advise(document)["alerts"]
    document["animals"][0]["health_check"] = day(5)
    assert "illness_signs" not in advise(document)["alerts"]


def test_a_cat_bite_asks_a_vet_for_the_rat_until_one_has_looked() -> None:
    history = [*calm_run("visual", 3, 10, 5), session(5, "scent", 120, {"tom": ["biting"]})]
    advice = cat_rat(history)
    assert advice["action"] == "stop"
    assert {"vet_now", "separate_housing", "intervene"} <= set(advice["alerts"])
    seen = cat_rat(history, pip={"health_check": day(4)})
    assert seen["action"] == "stop"
    assert "vet_now" not in seen["alerts"]


def test_after_a_stop_the_answer_stays_stop() -> None:
    angry = {"tom": ["hissing"]}
    history = [session(ago, "visual", 5, angry) for ago in (9, 8, 7, 6)]
    assert cat_rat(history)["action"] == "stop"
    later = [*history, *calm_run("visual", 5, 5, 5)]
    advice = cat_rat(later)
    assert advice["action"] == "stop"
    assert "separate_housing" in advice["alerts"]
    assert day(9) in advice["reasons"][0]


def test_a_stop_stays_when_the_vet_check_expires() -> None:
    history = [*calm_run("visual", 3, 10, 5), session(5, "scent", 120, {"pip": ["wound"]})]
    advice = cat_rat(history, tom={"health_check": day(500)}, pip={"health_check": day(500)})
    # The checks had expired before the meetings: no stop was ever answered.
    assert advice["action"] == "wait"
    assert cat_rat(history)["action"] == "stop"


def test_a_long_break_after_a_bad_session_is_named_in_the_reasons() -> None:
    """Stress decides (section 7 puts it first); the long_break alert had no reason."""
    history = [*calm_run("visual", 2, 22, 5), session(20, "visual", 8, {"pip": ["freezing"]})]
    advice = cat_rat(history)
    assert advice["action"] == "repeat"
    assert "long_break" in advice["alerts"]
    assert advice["reasons"][0].startswith("Stress on")
    assert (
        f"Long break: more than 14 days since the last session ({day(20)}); the calm streak "
        "is lost."
    ) in advice["reasons"]
