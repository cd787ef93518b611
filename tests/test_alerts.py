"""What an alert says: the catalogue's words, or the program's own where its file gives them."""

from __future__ import annotations

from ratbond.alerts import alert_info, most_severe_first
from ratbond.programs import builtin_vocabulary


def test_a_rat_fight_s_vet_alert_says_nothing_of_cats() -> None:
    advice = alert_info("vet_now", "rat-rat").advice
    assert "fight" in advice
    assert "cat" not in advice.lower()


def test_a_program_without_its_own_words_keeps_the_catalogue_s() -> None:
    catalogue = builtin_vocabulary().alerts["vet_now"]
    assert alert_info("vet_now", "trick-spin") == catalogue
    assert alert_info("vet_now") == catalogue
    assert alert_info("vet_now", "no-longer-shipped") == catalogue


def test_only_the_advice_changes_with_the_program() -> None:
    catalogue = builtin_vocabulary().alerts["vet_now"]
    rat_rat = alert_info("vet_now", "rat-rat")
    assert (rat_rat.title, rat_rat.severity) == (catalogue.title, catalogue.severity)
    assert rat_rat.advice != catalogue.advice


def test_alerts_come_most_severe_first() -> None:
    codes = [code for code, _ in most_severe_first(("long_break", "rushed", "vet_now"))]
    assert codes == ["vet_now", "rushed", "long_break"]
