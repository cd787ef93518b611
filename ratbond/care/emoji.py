"""Emoji read as the words they stand for: "can 🐀 eat 🍇" asks "can rat eat grapes".

An emoji becomes its name in the Unicode Standard's character database (Python's
`unicodedata`: 🐀 RAT, 🩸 DROP OF BLOOD, 🍫 CHOCOLATE BAR), in lower case and spaced off from
its neighbours. A face that shows a feeling (😭 LOUDLY CRYING FACE, 😱 FACE SCREAMING IN FEAR)
is the asker's mood, not what they ask about, so it is dropped, unless the question's words
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
FEELINGS = ((0x1F600, 0x1F64F), (0x1F910, 0x1F92F), (0x1F970, 0x1F97F), (0x1FAE0, 0x1FAFF))
"""The Unicode blocks' runs of faces: emoticons and the supplemental faces."""


def is_feeling(character: str, name: str) -> bool:
    """A face that shows a feeling: in a run of faces, and named a face."""
    code = ord(character)
    return "FACE" in name and any(low <= code <= high for low, high in FEELINGS)


def emoji_words(character: str, meant: Mapping[str, str]) -> str:
    """The words one emoji stands for; empty for a feeling or a sign with no name."""
    if character in meant:
        return meant[character]
    name = unicodedata.name(character, "")
    if not name or is_feeling(character, name):
        return ""
    return name.lower()


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
