"""The command line's two consoles and the one way user text enters their markup.

Light on purpose (Rich alone): the care commands print through it without loading the engine.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape

# Emoji codes off: a name such as `Tom :cat:` is printed as typed, not as a picture.
out = Console(highlight=False, emoji=False)
err = Console(stderr=True, highlight=False, emoji=False)

# Characters that would drive the terminal or reorder the line rather than show: control
# characters but the line break and tab, and the bidi overrides and isolates. Text kept before
# the store removed them on write (`ratbond.store.text`), or imported, may still hold them.
_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(found: re.Match[str]) -> str:
    return found.group().encode("unicode_escape").decode("ascii")


def shown(value: object) -> str:
    """`value` (a name, an id, a note, a message holding either) as Rich markup that prints
    exactly as typed. Every value written into a markup string or a table cell of the command
    line goes through here, so a name such as `[link=https://x]Tom[/link]` or `[bold]` is
    printed, never obeyed; the markup around it stays ratbond's own. A control character is
    shown as its escape (`\\x1b`), so a stored colour code or bell reaches no terminal."""
    return escape(_UNSHOWABLE.sub(_visible, str(value)))
