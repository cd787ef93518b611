"""Behaviour reference: topics, single signs, typos, signs in two topics, unknown names."""

from __future__ import annotations

import pytest

from ratbond.care.behaviour import find_signs
from ratbond.care.knowledge import builtin_behaviour
from ratbond.errors import InputError


def test_no_query_lists_every_topic() -> None:
    ids = [topic.id for topic in find_signs().topics]
    assert ids == ["vocalisations", "body_language", "shy", "aggressive", "trust"]


@pytest.mark.parametrize(
    ("query", "topic"),
    [("shy", "shy"), ("sounds", "vocalisations"), ("Vocalizations", "vocalisations"),
     ("aggression", "aggressive"), ("aggresive", "aggressive"), ("TRUST", "trust"),
     ("body language", "body_language")],
)  # fmt: skip
def test_topic_by_name_alias_or_typo(query: str, topic: str) -> None:
    answer = find_signs(query)
    assert [t.id for t in answer.topics] == [topic]
    assert answer.signs == ()


def test_a_sign_by_name() -> None:
    answer = find_signs("bruxing")
    assert [sign.id for _, sign in answer.signs] == ["bruxing"]
    assert answer.signs[0][1].seeds == ("003",)


def test_a_sign_in_two_topics_returns_both() -> None:
    answer = find_signs("hissing")
    assert {topic.id for topic, _ in answer.signs} == {"vocalisations", "aggressive"}


def test_every_sign_says_what_to_do() -> None:
    for topic in builtin_behaviour().topics:
        for sign in topic.signs:
            assert sign.meaning
            assert sign.what_to_do


def test_unknown_topic_lists_the_topics() -> None:
    with pytest.raises(InputError, match="topics: vocalisations") as caught:
        find_signs("quantum")
    assert caught.value.path == "topic"


def test_json_shape() -> None:
    data = find_signs("shy").to_json()
    assert data["topics"][0]["signs"][0]["what_to_do"]
