"""Emoji read as the words they stand for: "can 🐀 eat 🍇" asks "can rat eat grapes".

An emoji becomes its name in the Unicode Standard's character database (Python's
`unicodedata`: 🐀 RAT, 🩸 DROP OF BLOOD, 🍫 CHOCOLATE BAR), in lower case, without a trailing
"sign" or "symbol", and spaced off from its neighbours. A face that shows a feeling (😭 LOUDLY
CRYING FACE), a gesture (🙏 👍) or a heart (💙 💔) is the asker's mood, not what they ask
about, so it is dropped, unless the question's words
list it as a sign (🤧 SNEEZING FACE is sneezing). Where Unicode's name is not the word owners
mean (☕ HOT BEVERAGE for coffee), the words file says which word it stands for. Skin tones,
variation selectors and joiners only change how an emoji looks, and go.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

PICTOGRAPH = re.compile(
    "[\u2300-\u23ff\u2600-\u27bf\u2b1b\u2b1c\u2b50-\u2b55\U0001f000-\U0001faff]"
    "[\ufe0f\U0001f3fb-\U0001f3ff]*"
)
"""An emoji (symbols, dingbats and the pictograph planes; arrows are punctuation to a
question), with its presentation and skin tone modifiers."""
POSSESSIVE = re.compile(r" +(['\u2019]s\b)")
JOINER = "\u200d"
FACES = ((0x1F600, 0x1F64F), (0x1F910, 0x1F92F), (0x1F970, 0x1F97F), (0x1FAE0, 0x1FAEF))
"""The Unicode blocks' runs of faces: emoticons and the supplemental faces."""
GESTURES_AND_HEARTS = (
    (0x1F446, 0x1F450),
    (0x1F590, 0x1F596),
    (0x1F645, 0x1F64F),
    (0x1F918, 0x1F91F),
    (0x1FAF0, 0x1FAF8),
    (0x1F493, 0x1F49F),
    (0x2763, 0x2764),
    (0x1F5A4, 0x1F5A4),
    (0x1F90D, 0x1F90E),
    (0x1F9E1, 0x1F9E1),
    (0x1FA75, 0x1FA77),
)
"""Hands that gesture (👍 🙏 👌) and hearts (❤ 💙 💔): feelings too, not a hand or a body."""
GENERIC = re.compile(r" (?:SIGN|SYMBOL)$")
"""What a name says of every sign ("WARNING SIGN"): not what the sign is."""


def is_feeling(character: str, name: str) -> bool:
    """A face that shows a feeling, a gesture or a heart."""
    code = ord(character)
    if "FACE" in name and any(low <= code <= high for low, high in FACES):
        return True
    return any(low <= code <= high for low, high in GESTURES_AND_HEARTS)


def emoji_words(character: str, meant: Mapping[str, str]) -> str:
    """The words one emoji stands for; empty for a feeling or a sign with no name."""
    if character in meant:
        return meant[character]
    name = unicodedata.name(character, "")
    if not name or is_feeling(character, name):
        return ""
    return GENERIC.sub("", name).lower()


def emoji_as_words(text: str, meant: Mapping[str, str]) -> str:
    """`text` with each emoji written as its words (`meant` gives the words of those whose
    Unicode name is not what owners mean, and of the faces that are signs)."""
    if text.isascii():
        return text

    def spelled(match: re.Match[str]) -> str:
        words = emoji_words(match.group()[0], meant)
        return f" {words} " if words else " "

    # "my 🐀's foot": the rat's.
    return POSSESSIVE.sub(r"\1", PICTOGRAPH.sub(spelled, text.replace(JOINER, " ")))
