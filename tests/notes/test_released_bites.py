"""A rat's bite let go at once, with no wound in the note, is a nip; a bite held or one that
broke the skin stays a bite, and a cat's bite is never read down."""

from __future__ import annotations

from casts import cat_rat, rat_rat, signals


def test_a_bite_let_go_at_once_is_a_nip() -> None:
    found = signals(rat_rat("Rex bit Max on the tail, quick, then let go. No blood."))
    assert found["rex"] == {"nipping"}


def test_a_bite_held_or_that_drew_blood_stays_a_bite() -> None:
    held = signals(rat_rat("Rex bit Max on the neck and wouldn't let go."))
    assert "biting" in held["rex"]
    waited = signals(rat_rat("Rex bit Max hard and I had to wait for him to let go."))
    assert "biting" in waited["rex"]
    bled = signals(rat_rat("Rex bit Max and let go. Later a small cut on Max's tail."))
    assert "biting" in bled["rex"]


def test_a_cats_bite_is_never_read_down() -> None:
    found = signals(cat_rat("Tom bit Pip and let go at once. No blood."))
    assert "biting" in found["tom"]
