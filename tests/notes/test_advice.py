"""Notes in the advice path (`advise`, `ratbond evaluate`): what the reader finds counts as
signals, ticked signals win for a reviewed animal, danger always counts."""

from __future__ import annotations

import json
from pathlib import Path

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
