"""Free text an owner types (notes, markings, a vet's name, findings), made fit to keep: one
rule for every writer (the command line, the web forms, the API and imports all reach the store
through here), so what one accepts the others accept too.

Control characters are removed, not refused: they come from a paste (a terminal's colour codes,
a bell) rather than from the owner's words, and left in they would drive the terminal that
shows them. Text of one line also has its line breaks and tabs turned into spaces; text of
paragraphs keeps them. Invisible characters that reorder or hide the text after them (bidi
overrides and isolates) are removed too. Text past its length limit (`ratbond.limits`) is
refused, never cut: the owner decides what to keep.
"""

from __future__ import annotations

import re

from ratbond.errors import InputError
from ratbond.limits import MAX_LINE_TEXT, MAX_NOTES

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the invisible
# characters that reorder the text after them (U+202A-U+202E, U+2066-U+2069) or hide in it.
_UNSHOWABLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
)
_LINE_BREAKS = re.compile(r"\r\n?|[\n\t]")


def paragraphs_text(value: str | None, field: str, *, longest: int = MAX_NOTES) -> str | None:
    """`value` as kept: stripped, line breaks as `\\n`, without control characters; None when
    nothing is left. Longer than `longest` characters: an `InputError` on `field`."""
    if value is None:
        return None
    text = _UNSHOWABLE.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return _within(text, field, longest, "keep what matters, in a few paragraphs")


def line_text(value: str | None, field: str, *, longest: int = MAX_LINE_TEXT) -> str | None:
    """`value` as kept on one line: line breaks and tabs become spaces, control characters are
    removed, runs of spaces become one; None when nothing is left. Longer than `longest`
    characters: an `InputError` on `field`."""
    if value is None:
        return None
    text = " ".join(_UNSHOWABLE.sub("", _LINE_BREAKS.sub(" ", value)).split())
    return _within(text, field, longest, "shorten it")


def _within(text: str, field: str, longest: int, advice: str) -> str | None:
    if len(text) > longest:
        raise InputError(
            field, f"is {len(text):,} characters long; at most {longest:,} are kept: {advice}"
        )
    return text or None
