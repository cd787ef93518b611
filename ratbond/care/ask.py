"""Answer owners' questions from the knowledge base with SQLite FTS5 full-text search.

Everything ratbond knows is turned into documents (FAQ, behaviour reference, foods, cage
figures, free-roam checklist, program stages), indexed once per process in an in-memory FTS5
table with Porter stemming, and ranked with bm25 (titles weigh most).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from ratbond.care.knowledge import (
    builtin_behaviour,
    builtin_cage_rules,
    builtin_faq,
    builtin_foods,
    builtin_free_roam,
)
from ratbond.care.model import Source
from ratbond.care.words import closest
from ratbond.errors import InputError, RatbondError
from ratbond.limits import MAX_ANSWERS

_WORD = re.compile(r"\w+", re.UNICODE)
# Words that carry no topic; dropping them keeps "how does it ..." from matching everything.
_STOPWORD_TEXT = (
    "a an and are am as at be by can could did do does for from had has have how i if in is it "
    "its me my of on or our should so that the their them then there these they this to was we "
    "were what when where which who why will with would you your"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# bm25 column weights: title, keywords, body.
WEIGHTS = (6.0, 3.0, 1.0)
# FAQ answers are written to be answers, so they win close calls against reference entries.
KIND_BOOST = {"faq": 1.3}
VERDICT_WORDS = {"safe": "Safe", "caution": "Only with care", "avoid": "Avoid"}


@dataclass(frozen=True)
class KnowledgeDoc:
    """One searchable piece of knowledge with a short and a long answer and its citations."""

    id: str
    """`kind:identifier`, e.g. `faq:bonding_time` or `stage:rat-human/settle`."""
    kind: str
    title: str
    brief: str
    detail: str
    keywords: tuple[str, ...]
    seeds: tuple[str, ...]
    sources: tuple[Source, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "brief": self.brief,
            "detail": self.detail,
            "seeds": list(self.seeds),
            "sources": [{"name": s.name, "url": s.url} for s in self.sources],
        }


@dataclass(frozen=True)
class AskResult:
    """The ranked answers to a question, best first, and how the question was read."""

    question: str
    terms: tuple[str, ...]
    """The words searched for, after dropping filler words and fixing typos."""
    corrections: tuple[tuple[str, str], ...]
    """(typed, searched) for each word taken as a typo."""
    answers: tuple[KnowledgeDoc, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "terms": list(self.terms),
            "corrections": [{"typed": a, "searched": b} for a, b in self.corrections],
            "answers": [doc.to_json() for doc in self.answers],
        }


def knowledge_documents() -> tuple[KnowledgeDoc, ...]:
    """Every document the search covers, built from the knowledge and program files."""
    return _documents()


@cache
def _documents() -> tuple[KnowledgeDoc, ...]:
    docs: list[KnowledgeDoc] = []
    for entry in builtin_faq().entries:
        docs.append(
            KnowledgeDoc(
                f"faq:{entry.id}",
                "faq",
                entry.question,
                entry.brief,
                f"{entry.brief}\n\n{entry.detail}",
                entry.keywords,
                entry.seeds,
                entry.sources,
            )
        )
    for topic in builtin_behaviour().topics:
        names = "; ".join(sign.name for sign in topic.signs)
        docs.append(
            KnowledgeDoc(
                f"signs:{topic.id}",
                "signs",
                f"{topic.title} (behaviour reference)",
                topic.summary,
                f"{topic.summary}\n\nSigns: {names}. See `ratbond signs {topic.id}`.",
                topic.aliases,
                topic.seeds,
                topic.sources,
            )
        )
        for sign in topic.signs:
            docs.append(
                KnowledgeDoc(
                    f"sign:{topic.id}/{sign.id}",
                    "sign",
                    f"{sign.name} ({topic.title.lower()})",
                    f"{sign.meaning} {sign.what_to_do}",
                    f"{sign.meaning}\n\nWhat to do: {sign.what_to_do}",
                    (*sign.aliases, *topic.aliases),
                    sign.seeds,
                    sign.sources,
                )
            )
    for food in builtin_foods().foods:
        verdict = VERDICT_WORDS[food.verdict]
        portion = f"\n\nHow much: {food.portion}" if food.portion else ""
        docs.append(
            KnowledgeDoc(
                f"food:{food.name}",
                "food",
                f"Can rats eat {food.name}? {verdict}",
                f"{verdict}. {food.why}",
                f"{verdict}. {food.why}{portion}",
                (*food.aliases, "food", "eat", "feed", "treat"),
                food.seeds,
                food.sources,
            )
        )
    docs += _cage_documents()
    docs += _free_roam_documents()
    docs += _program_documents()
    return tuple(docs)


def _cage_documents() -> list[KnowledgeDoc]:
    rules = builtin_cage_rules()
    size = rules.volume.size
    figure = f"{size.length:g} x {size.width:g} x {size.height:g} {size.unit}"
    parts = [
        f"Volume: at least {figure} for {rules.volume.rats} rats. {rules.volume.why}",
        f"Each extra rat: about {rules.extra_rat.volume:g} cubic {rules.extra_rat.unit} more. "
        + rules.extra_rat.why,
        f"Height: at least {rules.min_height.value:g} {rules.min_height.unit}. "
        + rules.min_height.why,
        f"Bars: at most {rules.max_bar_spacing.value:g} {rules.max_bar_spacing.unit} apart. "
        + rules.max_bar_spacing.why,
        f"Levels: at least {rules.levels.min}. {rules.levels.why}",
        *(f"{item.title}: {item.why}" for item in rules.checklist),
        "Check a cage with `ratbond cage check`.",
    ]
    seeds = _merge(
        rules.volume.seeds,
        rules.levels.seeds,
        *(item.seeds for item in rules.checklist),
    )
    sources = rules.extra_rat.sources + rules.min_height.sources + rules.max_bar_spacing.sources
    return [
        KnowledgeDoc(
            "cage:rules",
            "cage",
            "Cage size, bars, levels and set-up",
            f"At least {figure} for {rules.volume.rats} rats, bars at most "
            f"{rules.max_bar_spacing.value:g} {rules.max_bar_spacing.unit} apart, "
            f"{rules.levels.min} or more levels.",
            "\n".join(f"- {part}" for part in parts),
            ("cage", "housing", "bars", "bedding", "hideaway", "size", "dimensions"),
            seeds,
            tuple(dict.fromkeys(sources)),
        )
    ]


def _free_roam_documents() -> list[KnowledgeDoc]:
    checklist = builtin_free_roam()
    lines = [
        f"- {item.title}{'' if item.required else ' (optional)'}: {item.why}"
        for item in checklist.items
    ]
    required = ", ".join(item.title.lower() for item in checklist.items if item.required)
    return [
        KnowledgeDoc(
            "freeroam:checklist",
            "freeroam",
            checklist.title,
            f"Before the rats come out: {required}.",
            checklist.intro + "\n\n" + "\n".join(lines),
            ("free roam", "playtime", "play", "out of cage", "outside the cage", "safety"),
            _merge(checklist.seeds, *(item.seeds for item in checklist.items)),
            checklist.sources,
        )
    ]


def _program_documents() -> list[KnowledgeDoc]:
    from ratbond.programs import builtin_programs

    docs: list[KnowledgeDoc] = []
    for program in builtin_programs().values():
        stages = " → ".join(stage.title for stage in program.stages)
        docs.append(
            KnowledgeDoc(
                f"program:{program.id}",
                "program",
                f"{program.title} (program {program.id})",
                program.summary,
                f"{program.summary}\n\nStages: {stages}. See `ratbond programs show {program.id}`.",
                (program.id, *(role for role in program.roles)),
                program.seeds,
                (),
            )
        )
        for stage in program.stages:
            watch = "\n".join(f"- {line}" for line in stage.watch_for)
            stop = "\n".join(f"- {line}" for line in stage.end_early_if)
            docs.append(
                KnowledgeDoc(
                    f"stage:{program.id}/{stage.id}",
                    "stage",
                    f"{stage.title} ({program.title.lower()}, stage {stage.id})",
                    stage.setup,
                    f"{stage.setup}\n\nWatch for:\n{watch}\n\nEnd early if:\n{stop}",
                    (program.id, stage.id),
                    stage.seeds,
                    (),
                )
            )
    return docs


def _merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({seed for group in groups for seed in group}))


class _Index:
    """An in-memory FTS5 table over the documents; queries are serialised for thread safety."""

    def __init__(self, docs: tuple[KnowledgeDoc, ...]) -> None:
        self.docs = docs
        self.lock = threading.Lock()
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            self.db.execute(
                "CREATE VIRTUAL TABLE docs USING fts5("
                "title, keywords, body, boost UNINDEXED, "
                "tokenize='porter unicode61 remove_diacritics 2')"
            )
        except sqlite3.OperationalError as error:
            raise RatbondError(
                f"search needs SQLite's FTS5 extension, which this Python's SQLite "
                f"{sqlite3.sqlite_version} lacks ({error}); use a Python built with FTS5"
            ) from None
        self.db.executemany(
            "INSERT INTO docs(rowid, title, keywords, body, boost) VALUES (?, ?, ?, ?, ?)",
            [
                (number, doc.title, " ".join(doc.keywords), doc.detail, KIND_BOOST.get(doc.kind, 1))
                for number, doc in enumerate(docs)
            ],
        )
        self.vocabulary = frozenset(
            word
            for doc in docs
            for text in (doc.title, doc.detail, *doc.keywords)
            for word in _WORD.findall(text.casefold())
        )

    def search(self, terms: tuple[str, ...], limit: int) -> list[KnowledgeDoc]:
        # Each term is quoted, so FTS5 operators or stray punctuation cannot reach the parser.
        expression = " OR ".join(f'"{term}"' for term in terms)
        with self.lock:
            rows = self.db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? "
                # bm25 is negative, better is lower: a boost above 1 moves a row up.
                "ORDER BY bm25(docs, ?, ?, ?, 0) * boost LIMIT ?",
                (expression, *WEIGHTS, limit),
            ).fetchall()
        return [self.docs[row[0]] for row in rows]


@cache
def _index() -> _Index:
    return _Index(_documents())


def ask(question: str, limit: int = 3) -> AskResult:
    """The best `limit` documents for a question, best first (none if nothing matches)."""
    if not 1 <= limit <= MAX_ANSWERS:
        raise InputError("limit", f"must be from 1 to {MAX_ANSWERS} (got {limit})")
    words = [word for word in _WORD.findall(question.casefold()) if word != "_"]
    if not words:
        raise InputError("question", "type a question in words, e.g. 'how long does bonding take?'")
    index = _index()
    content = [word for word in words if word not in STOPWORDS]
    if not content:
        # Only filler words ("how?"): nothing to search for, and so nothing to answer.
        return AskResult(question, (), (), ())
    terms: list[str] = []
    corrections: list[tuple[str, str]] = []
    for word in dict.fromkeys(content):
        if word not in index.vocabulary:
            nearest = closest(word, index.vocabulary)
            if len(nearest) == 1:
                corrections.append((word, nearest[0]))
                word = nearest[0]
        terms.append(word)
    answers = index.search(tuple(dict.fromkeys(terms)), limit)
    return AskResult(question, tuple(dict.fromkeys(terms)), tuple(corrections), tuple(answers))
