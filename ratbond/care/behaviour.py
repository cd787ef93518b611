"""Browse the behaviour reference: a whole topic, or one sign looked up by name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ratbond.care.knowledge import builtin_behaviour
from ratbond.care.model import Behaviour, BehaviourTopic, Sign
from ratbond.care.words import closest, normalise, resembling
from ratbond.errors import InputError


@dataclass(frozen=True)
class SignsAnswer:
    """The topics to show, and the single signs asked for (empty when a whole topic was)."""

    topics: tuple[BehaviourTopic, ...]
    signs: tuple[tuple[BehaviourTopic, Sign], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "topics": [_topic_json(topic) for topic in self.topics],
            "signs": [{"topic": topic.id, **_sign_json(sign)} for topic, sign in self.signs],
        }


def _sign_json(sign: Sign) -> dict[str, Any]:
    return {
        "id": sign.id,
        "name": sign.name,
        "meaning": sign.meaning,
        "what_to_do": sign.what_to_do,
        "seeds": list(sign.seeds),
        "sources": [{"name": s.name, "url": s.url} for s in sign.sources],
    }


def _topic_json(topic: BehaviourTopic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "title": topic.title,
        "summary": topic.summary,
        "seeds": list(topic.seeds),
        "signs": [_sign_json(sign) for sign in topic.signs],
    }


def _topic_keys(behaviour: Behaviour) -> dict[str, BehaviourTopic]:
    keys: dict[str, BehaviourTopic] = {}
    for topic in behaviour.topics:
        for name in (topic.id, topic.title, *topic.aliases):
            keys.setdefault(normalise(name), topic)
    return keys


def _sign_keys(behaviour: Behaviour) -> dict[str, list[tuple[BehaviourTopic, Sign]]]:
    # One word can name signs in two topics (a hiss is a sound and an aggressive sign).
    keys: dict[str, list[tuple[BehaviourTopic, Sign]]] = {}
    for topic in behaviour.topics:
        for sign in topic.signs:
            for name in {normalise(n) for n in (sign.id, sign.name, *sign.aliases)}:
                keys.setdefault(name, []).append((topic, sign))
    return keys


def find_signs(query: str | None = None, behaviour: Behaviour | None = None) -> SignsAnswer:
    """Every topic for no query; else the topic or the signs the query names (typos forgiven)."""
    behaviour = behaviour or builtin_behaviour()
    key = normalise(query or "")
    if not key:
        return SignsAnswer(topics=behaviour.topics)
    topics = _topic_keys(behaviour)
    signs = _sign_keys(behaviour)
    for attempt in ([key], closest(key, [*topics, *signs])):
        for candidate in attempt:
            if candidate in topics:
                return SignsAnswer(topics=(topics[candidate],))
        found = [pair for candidate in attempt for pair in signs.get(candidate, [])]
        if found:
            unique = list(dict.fromkeys(found))
            return SignsAnswer(
                topics=tuple(dict.fromkeys(topic for topic, _ in unique)), signs=tuple(unique)
            )
    hints = resembling(key, [*topics, *signs])
    names = ", ".join(topic.id for topic in behaviour.topics)
    hint = f" (did you mean '{hints[0]}'?)" if hints else ""
    raise InputError(
        "topic",
        f"nothing in the behaviour reference is called '{query}'{hint}; topics: {names}",
    )
