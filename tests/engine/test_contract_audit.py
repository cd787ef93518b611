"""What an adversarial reading of the advice contract found (session 10): who a bite or an
illness concerns, answers that stay linear in the size of the scenario, and reasons that say
what the engine did (contract section 3: plain sentences that explain the action)."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scenarios import ANIMALS, TODAY, advise, calm_run, day, scenario, session

from ratbond.engine import Engine
from ratbond.evaluate import advise_text, main, run
from ratbond.limits import MAX_DOCUMENT_CHARS
from ratbond.programs import BuiltinCatalog, builtin_vocabulary
from ratbond.scenario import parse_scenario


def with_bystander(program: str, **fields: Any) -> dict[str, Any]:
    """The program's animals plus Zed, a rat of the household that plays no role."""
    zed = {"id": "zed", "name": "Zed", "species": "rat", **fields}
    return {"animals": [*ANIMALS[program], zed]}


def test_a_cat_bite_asks_a_vet_only_for_the_rats_of_the_introduction() -> None:
    # Zed never met Tom: Pip's vet check after the bite clears vet_now (contract 8).
    document = scenario(
        "cat-rat", [session(10, "visual", 5, {"tom": ["biting"]})], **with_bystander("cat-rat")
    )
    for animal in document["animals"]:
        if animal["id"] == "pip":
            animal["health_check"] = day(8)
    advice = advise(document)
    assert advice["action"] == "stop"
    assert "vet_now" not in advice["alerts"]
    # The vet has looked: the reason asks only to keep them apart.
    assert advice["reasons"][0].endswith("the introduction ends here for good. Keep them apart.")


def test_only_the_animals_of_the_introduction_are_named_as_exposed_to_illness() -> None:
    document = scenario(
        "rat-rat",
        [*calm_run("side_by_side", 2, 5), session(3, "side_by_side", None, {"nova": ["sneezing"]})],
        **with_bystander("rat-rat", arrived="2025-01-01"),
    )
    exposed = [reason for reason in advise(document)["reasons"] if "exposed" in reason]
    assert exposed == [
        f"nova showed signs of illness on {day(3)} and has met rex and max: they are exposed. "
        "Watch them closely and have them checked by a vet too."
    ]


def test_a_session_with_thousands_of_sick_rats_gets_an_answer_as_long_as_its_input() -> None:
    rats = [f"r{number}" for number in range(3000)]
    document = scenario(
        "rat-rat",
        [session(3, "side_by_side", None, {rat: ["sneezing", "wound"] for rat in rats})],
        animals=[{"id": rat, "species": "rat", "arrived": "2025-01-01"} for rat in rats],
        roles={"newcomer": rats[:1], "residents": rats[1:]},
    )
    text = json.dumps(document)
    answer = json.dumps(advise_text(text).to_json())
    # Each sick rat's reason names a few of the others and counts the rest.
    assert len(answer) < 4 * len(text)
    reasons = json.loads(answer)["reasons"]
    assert any("r1, r2, r3, r4, r5, r6 and 2,993 others" in reason for reason in reasons)


def test_a_cat_bite_in_a_crowd_of_rats_sends_each_rat_to_the_vet_once() -> None:
    rats = [f"r{number}" for number in range(2000)]
    document = scenario(
        "cat-rat",
        [
            session(
                3,
                "visual",
                5,
                {"tom": ["biting", "scratching"], **{rat: ["wound"] for rat in rats}},
            )
        ],
        animals=[ANIMALS["cat-rat"][0], *({"id": r, "species": "rat"} for r in rats)],
        roles={"cat": ["tom"], "rat": rats},
    )
    advice = advise(document)
    assert advice["action"] == "wait"  # the rats have no vet check on record
    assert {"vet_now", "separate_housing", "intervene"} <= set(advice["alerts"])


def test_an_unsupervised_session_that_still_counts_is_never_said_to_lose_its_calm() -> None:
    # Only cat-rat makes such a session stress; elsewhere it counts, and the reason says so.
    neutral = scenario(
        "rat-rat",
        [*calm_run("side_by_side", 3, 6), {**session(2, "neutral", 10), "supervised": False}],
    )
    taming = scenario("rat-human", [{**session(2, "voice", 5), "supervised": False}])
    for document, title in ((neutral, "Meetings on neutral ground"), (taming, "Getting to know")):
        advice = advise(document)
        assert advice["streak"] == 1
        assert "unsupervised" in advice["alerts"]
        note = next(r for r in advice["reasons"] if "without supervision" in r)
        assert "cannot count as calm" not in note
        assert f"at every session of '{title}" in note


def test_an_old_vet_check_is_named_in_a_plain_sentence() -> None:
    document = scenario("cat-rat")
    document["animals"][0]["health_check"] = day(400)
    reason = advise(document)["reasons"][0]
    assert reason == (
        f"Prerequisite missing: Tom's last vet check ({day(400)}) is over 365 days old. "
        "Sessions can start once this is done."
    )


def test_a_prerequisite_missing_after_sessions_asks_to_go_on_once_it_is_done() -> None:
    document = scenario("cat-rat", [session(2, "visual", 5)])
    del document["animals"][0]["prey_drive"]
    reason = advise(document)["reasons"][0]
    assert reason.endswith("Sessions can go on once this is done.")


def test_one_session_that_steps_back_is_named_in_the_singular() -> None:
    # rat-rat steps back on the first aggression at neutral (docs/advice.md).
    history = [*calm_run("side_by_side", 3, 6), session(2, "neutral", 10, {"nova": ["sidling"]})]
    reason = advise(scenario("rat-rat", history))["reasons"][0]
    assert "a session at 'Meetings on neutral ground' that was not calm: go back to" in reason


def test_a_start_after_sessions_that_earned_nothing_does_not_say_nothing_was_logged() -> None:
    advice = advise(scenario("cat-rat", [session(1, "visual", 1)]))
    assert advice["action"] == "start"
    assert "rushed" in advice["alerts"]
    assert advice["reasons"][0].startswith("No session has earned anything yet: begin with")


def test_a_long_break_leaves_no_streak_in_the_answer() -> None:
    advice = advise(scenario("rat-rat", calm_run("side_by_side", 2, 30)))
    assert advice["action"] == "repeat"
    assert "long_break" in advice["alerts"]
    assert advice["streak"] == 0
    # An untimed stage has no shortest session to start from.
    assert "starts again from its first calm session" in advice["reasons"][0]


@pytest.mark.parametrize("args", [["x.json", "--program-file"], ["x.json", "--program-file="]])
def test_a_program_file_option_without_its_file_asks_for_it(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --program-file: give the program file after it; usage: ")
    assert err.count("\n") == 1


def test_a_quarantine_wait_after_the_stop_rule_says_no_sessions_will_follow() -> None:
    # Six fights before quarantine ended: the restarted quarantine decides today (contract
    # 7), but the wait must not read as leave to meet again once it ends.
    fights = [session(ago, "side_by_side", None, {"nova": ["fighting"]}) for ago in range(8, 2, -1)]
    animals = [{**animal, "arrived": day(10)} for animal in ANIMALS["rat-rat"]]
    advice = advise(scenario("rat-rat", fights, animals=animals))
    assert advice["action"] == "wait"
    assert "separate_housing" in advice["alerts"]
    assert advice["reasons"][0].endswith(
        "Even then there will be no more sessions: what was logged ends this introduction, so "
        "keep the animals apart."
    )


def test_standard_input_too_large_is_named_as_standard_input() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run("-", None, out, err, io.StringIO(" " * (MAX_DOCUMENT_CHARS + 1))) == 2
    assert err.getvalue() == (
        f"error: standard input: larger than {MAX_DOCUMENT_CHARS:,} characters, so not a "
        "scenario; send one scenario\n"
    )
    assert out.getvalue() == ""


@given(
    checked=st.lists(st.booleans(), min_size=1, max_size=4),
    bystanders=st.lists(st.booleans(), max_size=3),
)
def test_a_cat_bite_asks_a_vet_until_every_rat_of_the_introduction_has_had_one(
    checked: list[bool], bystanders: list[bool]
) -> None:
    # Safety (contract 8): vet_now stays while any rat that was there lacks a vet check on
    # or after the bite; rats of the household that were not there never hold it up.
    def rat(name: str, seen: bool) -> dict[str, Any]:
        return {"id": name, "species": "rat", "health_check": day(8 if seen else 40)}

    rats = [rat(f"r{n}", seen) for n, seen in enumerate(checked)]
    others = [rat(f"b{n}", seen) for n, seen in enumerate(bystanders)]
    document = scenario(
        "cat-rat",
        [session(10, "visual", 5, {"tom": ["biting"]})],
        animals=[ANIMALS["cat-rat"][0], *rats, *others],
        roles={"cat": ["tom"], "rat": [r["id"] for r in rats]},
    )
    advice = advise(document)
    assert advice["action"] == "stop"
    assert ("vet_now" in advice["alerts"]) == (not all(checked))


@pytest.mark.parametrize(("program", "kept"), [("rat-human", 0), ("cat-rat", 4)])
def test_the_replay_keeps_at_most_the_stop_rules_run_of_bad_dates(program: str, kept: int) -> None:
    # rat-human has no stop rule (patience); cat-rat stops after 4: a long history of bites
    # keeps no more dates than the rule can name.
    sign = {"pip": ["nipping"]} if program == "rat-human" else {"tom": ["hissing"]}
    stage = "voice" if program == "rat-human" else "visual"
    history = [session(ago, stage, 5, sign) for ago in range(300, 0, -1)]
    document = json.dumps(scenario(program, history))
    parsed = parse_scenario(json.loads(document), builtin_vocabulary(), BuiltinCatalog(), TODAY)
    state = Engine(parsed.program, builtin_vocabulary()).replay(parsed)
    assert len(state.to_json()["bad_dates"]) == kept


def test_an_output_that_cannot_hold_a_name_gets_the_same_json_escaped() -> None:
    document = scenario("cat-rat", [session(1, "visual", 5, {"tom": ["hissing"]})])
    document["animals"][0]["name"] = "Tõm 🐱"
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    assert run("-", None, out, io.StringIO(), io.StringIO(json.dumps(document))) == 0
    out.flush()
    answer = json.loads(raw.getvalue().decode("ascii"))
    assert answer["seen"] == [["Tõm 🐱", "hissing"]]


def test_standard_input_is_read_as_utf8_whatever_its_declared_encoding() -> None:
    document = scenario("cat-rat", [session(1, "visual", 5, {"tom": ["hissing"]})])
    document["animals"][0]["name"] = "Tõm 🐱"
    data = json.dumps(document, ensure_ascii=False).encode("utf-8")
    out = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="latin-1")
    assert run("-", None, out, io.StringIO(), stdin) == 0
    assert json.loads(out.getvalue())["seen"] == [["Tõm 🐱", "hissing"]]
    err = io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(b'{"program": "cat\xff"}'), encoding="utf-8")
    assert run("-", None, io.StringIO(), err, stdin) == 2
    assert err.getvalue() == (
        "error: standard input: not UTF-8 text; save the scenario as UTF-8 JSON\n"
    )
