"""Command references in text the command line and the pages share (knowledge answers, the
engine's reasons): on a page, "see `ratbond signs aggressive`" becomes a link to the page that
does the same, since a web owner has no terminal to type it in."""

from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup, escape

COMMAND = re.compile(r"([`'])(?P<command>ratbond(?: [a-z][a-z0-9-]*)+)\1")
"""A command as the shared texts quote it: in backticks or in single quotes."""

PAGES: dict[str, tuple[str, str]] = {
    "ratbond ask": ("/care/ask", "Ask"),
    "ratbond cage check": ("/care/cage", "Cage check"),
    "ratbond care": ("/care", "Care tasks"),
    "ratbond care tasks": ("/care", "Care tasks"),
    "ratbond food": ("/care/food", "Food"),
    "ratbond freeroam": ("/care/freeroam", "Free roam"),
    "ratbond freeroam check": ("/care/freeroam", "Free roam"),
    "ratbond freeroam checklist": ("/care/freeroam", "Free roam"),
    "ratbond groom": ("/care/groom", "Grooming"),
    "ratbond programs show": ("/programs", "Programs"),
    "ratbond signs": ("/care/signs", "Signs"),
    "ratbond trust": ("/care/trust", "Trust"),
    "ratbond weigh": ("/animals", "Animals (weights)"),
}
"""The page doing what each command does; a word after the command is what it is about
(a signs topic, a program)."""


def page_of(command: str) -> tuple[str, str] | None:
    """The address and link text of the page doing what `command` does, or None."""
    words = command.split()
    for end in range(len(words), 1, -1):
        known = PAGES.get(" ".join(words[:end]))
        if known is None:
            continue
        path, title = known
        rest = words[end:]
        if not rest:
            return path, title
        topic = " ".join(rest)
        if path == "/programs":
            return f"/programs/{quote(topic)}", f"{title}: {topic}"
        return f"{path}?q={quote(topic)}", f"{title}: {topic}"
    return None


def with_pages(text: str) -> Markup:
    """`text`, escaped, with each quoted command a link to its page (a command no page does
    is left as code)."""
    parts: list[str] = []
    start = 0
    for match in COMMAND.finditer(text):
        parts.append(escape(text[start : match.start()]))
        command = match.group("command")
        page = page_of(command)
        if page is None:
            parts.append(Markup("<code>{}</code>").format(command))
        else:
            parts.append(Markup('<a href="{}">{}</a>').format(*page))
        start = match.end()
    parts.append(escape(text[start:]))
    return Markup("").join(parts)
