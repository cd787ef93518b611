"""The word helpers every lookup shares (ratbond/care/words.py)."""

from __future__ import annotations

import pytest

from ratbond.care.words import with_dropped_h

KNOWN = frozenset({"hole", "having", "his", "hiding"})


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("ole", "hole"),  # the h put back
        ("avin", "having"),  # ... and the g after a final "in"
        ("is", "his"),
        ("idin", "hiding"),
        ("em", None),  # "'em" is no h-word
        ("cause", None),
    ],
)
def test_a_dropped_h_is_put_back_only_when_that_makes_a_known_word(
    word: str, meant: str | None
) -> None:
    assert with_dropped_h(word, KNOWN.__contains__) == meant
