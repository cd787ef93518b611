"""Notes in the advice path (`advise`, `ratbond evaluate`): what the reader finds counts as
signals, ticked signals win over calm and stress readings, danger, aggression and illness
always count."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from scenarios import advise, calm_run, scenario, session

from tests.cli.process import run_ratbond


def test_a_lunge_written_in_the_notes_steps_back_with_the_reason() -> None:
    sessions = [
        *calm_run("visual", 3, 10, 5),
        session(6, "scent", 120, notes="Tom sniffed the towel and slept."),
        session(5, "scent", 180),
        session(4, "scent", 240),
        session(3, "barrier", 5, notes="Tom lunged at the gate twice, Pip froze."),
    ]
    advice = advise(scenario("cat-rat", sessions))
    assert advice["action"] == "step_back"
    assert advice["stage"] == "scent"
    assert "intervene" in advice["alerts"]
    assert "Tom: lunging (from the notes)" in advice["reasons"][0]


def test_a_bite_in_the_notes_stops_the_introduction() -> None:
    sessions = [session(2, "visual", 5, notes="Tom bit Pip through the bars, blood on her ear")]
    advice = advise(scenario("cat-rat", sessions))
    assert advice["action"] == "stop"
    assert {"vet_now", "separate_housing", "intervene"} <= set(advice["alerts"])


def test_denied_signals_in_the_notes_leave_a_calm_session() -> None:
    sessions = [session(2, "visual", 5, notes="No hissing, no lunging. Tom lay down, Pip ate.")]
    advice = advise(scenario("cat-rat", sessions))
    assert advice["action"] == "repeat"
    assert advice["minutes"] == 8
    assert advice["alerts"] == []


def test_ticked_signals_win_over_a_calm_or_stress_reading() -> None:
    # Pip has a ticked list: the notes' freezing (stress) is not added to her.
    sessions = [session(2, "visual", 5, signals={"pip": ["relaxed"]}, notes="Pip froze.")]
    advice = advise(scenario("cat-rat", sessions))
    assert advice["action"] == "repeat"
    assert advice["minutes"] == 8


def test_aggression_in_the_notes_counts_even_beside_ticked_calm_signals() -> None:
    """A hiss written down was lost behind a ticked "relaxed posture", and the pair advanced."""
    sessions = [
        session(2, "visual", 5, signals={"tom": ["relaxed_posture"]}, notes="Tom hissed once.")
    ]
    advice = advise(scenario("cat-rat", sessions))
    assert "Tom: hissing (from the notes)" in advice["reasons"][0]
    assert "intervene" in advice["alerts"]


def test_a_bite_to_a_person_in_the_notes_counts_beside_a_ticked_list() -> None:
    sessions = [session(2, "voice", 5, signals={"pip": ["relaxed"]}, notes="Pip bit my finger.")]
    advice = advise(scenario("rat-human", sessions))
    assert advice["action"] != "advance"
    assert "use_gloves" in advice["alerts"]


def test_danger_in_the_notes_counts_even_for_a_reviewed_animal() -> None:
    sessions = [session(2, "visual", 5, signals={"tom": ["relaxed_posture"]}, notes="Tom lunged")]
    advice = advise(scenario("cat-rat", sessions))
    assert advice["action"] == "repeat"  # danger at the first stage repeats it
    assert "intervene" in advice["alerts"]
    assert "Tom: lunging (from the notes)" in advice["reasons"][0]


def test_notes_fill_an_animal_without_ticks() -> None:
    sessions = [session(2, "visual", 5, signals={"tom": ["ears_forward"]}, notes="Pip froze")]
    advice = advise(scenario("cat-rat", sessions))
    assert advice["action"] == "repeat"
    assert "Pip: freezing (from the notes)" in advice["reasons"][0]


def test_an_unattributed_worrying_signal_counts_for_every_candidate() -> None:
    sessions = [session(2, "visual", 5, notes="There was a lot of hissing.")]
    advice = advise(scenario("cat-rat", sessions))
    assert "from the notes" in advice["reasons"][0]
    assert "hissing" in advice["reasons"][0]


def test_evaluate_reads_notes(tmp_path: Path) -> None:
    sessions = [session(2, "visual", 5, notes="tom stalking and hissing")]
    file = tmp_path / "scenario.json"
    file.write_text(json.dumps(scenario("cat-rat", sessions)))
    done = run_ratbond("evaluate", str(file))
    assert done.returncode == 0, done.stderr
    reasons = json.loads(done.stdout)["reasons"]
    assert "(from the notes)" in reasons[0]


CALM_TICKS = {
    "tom": ["relaxed_posture", "slow_blink", "ears_forward", "ignoring", "lying_down"],
    "pip": ["relaxed", "eating", "exploring", "grooming_self", "freezing", "hiding"],
}
# What the owner wrote, and the least the advice must do about it whatever was ticked.
WRITTEN = {
    "Tom bit Pip on the back.": "stop",
    "Tom scratched Pip, a small cut on her side.": "stop",
    "Tom lunged at the cage twice.": "intervene",
    "Tom hissed at Pip the whole time.": "intervene",
}


@settings(max_examples=60, deadline=None)
@given(
    st.fixed_dictionaries(
        {},
        optional={
            animal: st.lists(st.sampled_from(names), unique=True)
            for animal, names in CALM_TICKS.items()
        },
    ),
    st.sampled_from(sorted(WRITTEN)),
    st.integers(0, 3),
)
def test_what_the_owner_wrote_is_never_lost_to_what_was_ticked(
    ticked: dict[str, list[str]], note: str, calm_before: int
) -> None:
    """Safety: a bite, a scratch, a lunge or a hiss in the notes counts whatever the session's
    ticked signals say (none, calm ones, an empty list), after any calm run."""
    history = [*calm_run("visual", calm_before, calm_before + 2, 5)] if calm_before else []
    history.append(session(1, "visual", 5, signals=ticked, notes=note))
    advice = advise(scenario("cat-rat", history))
    assert advice["action"] not in {"advance", "complete"}
    wanted = WRITTEN[note]
    if wanted == "stop":
        assert advice["action"] == "stop"
        assert "vet_now" in advice["alerts"]
    else:
        assert wanted in advice["alerts"]
