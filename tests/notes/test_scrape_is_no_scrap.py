"""A scrape (a graze) shares its stem with a scrap (a fight) but is no fight.
Each sentence here is made up for the rule it tests."""

from __future__ import annotations

from casts import rat_rat, read, signals


def test_a_scrape_is_no_fight_and_a_scrap_still_is() -> None:
    for text in (
        "Rex slipped off the ledge and has a scrape with some blood under his chin.",
        "Max scraped his side along the wire getting out of the tube.",
    ):
        found = {name for names in rat_rat(text).signals.values() for name in names}
        assert "fighting" not in found, text
    assert "wound" in rat_rat("Rex has a scrape on his nose.").signals.get("rex", ())
    fight = rat_rat("Rex and Max had a proper scrap in the hammock.")
    assert "fighting" in fight.signals.get("rex", ())


def test_a_bead_or_thread_of_red_on_a_body_part_is_a_wound() -> None:
    text = "Max woke late. A scarlet thread on his flank, from an old scab."
    assert "wound" in signals(rat_rat(text))["max"]
    assert "wound" not in read(rat_rat("Rex and Max slept on the red thread blanket."))
