"""Ask: a bet on a race, wiring in a tangle and a rat among the stars are no rat questions;
fried pork rind and stout are foods; and a Ukrainian speaker's cat, rat and wild rats are read,
each both ways."""

from __future__ import annotations

from asking import first


def test_a_bet_on_a_race_is_no_rat_question() -> None:
    assert first("Who is your tip for the Grand National? Thinking each way on an outsider.") == (
        "none"
    )


def test_figures_of_rats_are_no_rat_question() -> None:
    assert first("The loft is a total rat's nest of wiring. Best way to untangle it?") == "none"
    assert first("Is there a rat constellation in the night sky?") == "none"
    # a pet rat's own nest is still the rats'
    assert first("my rats nest in the hammock, is that normal") != "none"


def test_pork_rind_and_stout_are_foods() -> None:
    assert first("Can my rat have pork scratchings?") == "food:fried food"
    assert first("Can my rat have a lick of Guinness?") == "food:alcohol"


def test_a_ukrainian_speakers_cat_rat_and_wild_rats() -> None:
    caught = "My кіт catch Bublyk from table. Bublyk have small holes on back. What I must do?"
    assert first(caught) == "faq:caught_by_cat"
    assert first("Many пацюки in cellar eat potato. How remove them?") == "none"
