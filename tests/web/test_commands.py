"""Command references in the texts the command line and the pages share become links to the
page that does the same: a web owner has no terminal to type `ratbond ...` in."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from ratbond.care.ask import knowledge_documents
from ratbond.care.knowledge import builtin_care_tasks
from ratbond.web.commands import COMMAND, page_of, with_pages


def shared_texts() -> list[str]:
    texts = [
        text
        for doc in knowledge_documents()
        for text in (doc.detail, doc.brief, doc.now or "", doc.vet or "")
    ]
    return [*texts, *(task.what for task in builtin_care_tasks().tasks)]


def test_every_command_the_shared_texts_quote_has_a_page() -> None:
    quoted = {match.group("command") for text in shared_texts() for match in COMMAND.finditer(text)}
    assert quoted
    assert [command for command in sorted(quoted) if page_of(command) is None] == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "and see `ratbond signs aggressive`.",
            'and see <a href="/care/signs?q=aggressive">Signs: aggressive</a>.',
        ),
        (
            "Record it with 'ratbond weigh'.",
            'Record it with <a href="/animals">Animals (weights)</a>.',
        ),
        (
            "See `ratbond programs show cat-rat`.",
            'See <a href="/programs/cat-rat">Programs: cat-rat</a>.',
        ),
        ("Run `ratbond backup` <now>", "Run <code>ratbond backup</code> &lt;now&gt;"),
        ("no command & no quotes", "no command &amp; no quotes"),
        ("mismatched `ratbond food' quotes", "mismatched `ratbond food&#39; quotes"),
    ],
)
def test_a_quoted_command_is_a_link_to_its_page_and_the_rest_is_escaped(
    text: str, shown: str
) -> None:
    assert str(with_pages(text)) == shown


def test_the_ask_page_links_the_signs_a_bite_answer_points_to(client: TestClient) -> None:
    page = client.get("/care/ask", params={"q": "my rat bit my finger, what now?"})
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "ratbond signs" not in text
    link = re.search(r'<a href="(/care/signs\?q=[a-z]+)">', text)
    assert link is not None
    assert client.get(link.group(1)).status_code == 200
