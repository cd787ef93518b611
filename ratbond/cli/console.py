"""The command line's two consoles and the one way user text enters their markup.

Light on purpose (Rich alone): the care commands print through it without loading the engine.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

# Emoji codes off: a name such as `Tom :cat:` is printed as typed, not as a picture.
out = Console(highlight=False, emoji=False)
err = Console(stderr=True, highlight=False, emoji=False)


def shown(value: object) -> str:
    """`value` (a name, an id, a note, a message holding either) as Rich markup that prints
    exactly as typed. Every value written into a markup string or a table cell of the command
    line goes through here, so a name such as `[link=https://x]Tom[/link]` or `[bold]` is
    printed, never obeyed; the markup around it stays ratbond's own."""
    return escape(str(value))
