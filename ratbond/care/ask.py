"""Answer owners' questions from the knowledge base, or say that ratbond has no answer.

Everything ratbond knows is turned into documents (FAQ, emergencies, behaviour reference, foods,
cage figures, free-roam checklist, program stages). A question and every document are read the
same way (`Reader`: words, irregular forms, a light stemmer, synonyms, filler words dropped, all
from `ratbond/data/knowledge/ask.yaml`), and documents are ranked by the rare words they share
with the question, a word in a title or question counting more than one in a keyword, and that
more than one in the body. When the best document covers too little of what was asked, or the
question is about something ratbond does not cover (other animals, pest control), `ask` answers
nothing and lists the topics it knows. The command line and the web Ask page both call `ask`.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from ratbond.care.food import VERDICT_WORDS
from ratbond.care.knowledge import (
    builtin_ask_rules,
    builtin_behaviour,
    builtin_cage_rules,
    builtin_care_tasks,
    builtin_faq,
    builtin_foods,
    builtin_free_roam,
)
from ratbond.care.model import AskRules, AskTopic, Source
from ratbond.care.words import closest, stem
from ratbond.errors import DataFileError, InputError
from ratbond.limits import MAX_ANSWERS, MAX_QUESTION

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
OFF_TOPIC = "\x00off-topic"
"""The term every off-topic word or phrase is read as."""
Why = Literal["answered", "off_topic", "unsure", "no_words"]


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
    urgent: bool = False
    """An emergency: `now` says what to do at once, `vet` when to see a vet."""
    now: str | None = None
    vet: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "brief": self.brief,
            "detail": self.detail,
            "urgent": self.urgent,
            "now": self.now,
            "vet": self.vet,
            "seeds": list(self.seeds),
            "sources": [{"name": s.name, "url": s.url} for s in self.sources],
        }


@dataclass(frozen=True)
class AskResult:
    """The ranked answers to a question, best first, and how the question was read; or no
    answer, why, and the topics ratbond covers."""

    question: str
    terms: tuple[str, ...]
    """The words searched for, after dropping filler words, fixing typos and stemming."""
    corrections: tuple[tuple[str, str], ...]
    """(typed, searched) for each word taken as a typo."""
    answers: tuple[KnowledgeDoc, ...]
    why: Why = "answered"
    """`answered`; else `off_topic` (about something ratbond does not cover), `unsure` (no
    entry covers enough of the question) or `no_words` (only filler words)."""
    confidence: float = 0.0
    """The share of the question the best answer covers (0 to 1)."""
    message: str = ""
    """Said when there is no answer."""
    topics: tuple[AskTopic, ...] = field(default=())
    """What ratbond can answer, listed when there is no answer."""

    @property
    def answered(self) -> bool:
        return bool(self.answers)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "terms": list(self.terms),
            "corrections": [{"typed": a, "searched": b} for a, b in self.corrections],
            "answered": self.answered,
            "why": self.why,
            "confidence": round(self.confidence, 3),
            "answers": [doc.to_json() for doc in self.answers],
            "message": self.message,
            "topics": [{"title": t.title, "example": t.example} for t in self.topics],
        }


def knowledge_documents() -> tuple[KnowledgeDoc, ...]:
    """Every document the search covers, built from the knowledge and program files."""
    return _documents()


@cache
def _documents() -> tuple[KnowledgeDoc, ...]:
    docs: list[KnowledgeDoc] = []
    for entry in builtin_faq().entries:
        care = _stage_care(entry.stage) if entry.stage else ""
        docs.append(
            KnowledgeDoc(
                f"faq:{entry.id}",
                "faq",
                entry.question,
                entry.brief + care,
                f"{entry.brief}\n\n{entry.detail}{care}",
                entry.keywords,
                entry.seeds,
                entry.sources,
                urgent=entry.urgent,
                now=entry.now,
                vet=entry.vet,
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
        portion = f"\n\nServing: {food.portion}" if food.portion else ""
        docs.append(
            KnowledgeDoc(
                f"food:{food.name}",
                "food",
                f"Can rats eat {food.name}?",
                f"{verdict}. {food.why}",
                f"{verdict}. {food.why}{portion}",
                (*food.aliases, "food", "eat", "safe"),
                food.seeds,
                food.sources,
            )
        )
    docs += _finding_documents()
    docs += _cage_documents()
    docs += _free_roam_documents()
    docs += _program_documents()
    return tuple(docs)


def _finding_documents() -> list[KnowledgeDoc]:
    """What grooming can find (a lump, a cut, mites ...): owners ask about these too."""
    care = builtin_care_tasks()
    advice = care.finding_advice.text
    return [
        KnowledgeDoc(
            f"finding:{finding.id}",
            "finding",
            f"I found this on my rat: {finding.title.lower()}",
            f"{finding.looks_like} {finding.what_to_do}",
            f"{finding.looks_like}\n\nWhat to do: {finding.what_to_do}\n\n{advice}",
            finding.aliases,
            finding.seeds,
            finding.sources,
        )
        for finding in care.findings
    ]


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


def _stage_care(ref: str) -> str:
    """The end-early rules of a program stage (`program/stage`), as a FAQ answer repeats them."""
    from ratbond.care.knowledge import FAQ_FILE
    from ratbond.programs import builtin_programs

    program_id, _, stage_id = ref.partition("/")
    program = builtin_programs().get(program_id)
    stage = next((s for s in program.stages if s.id == stage_id), None) if program else None
    if stage is None:
        raise DataFileError(FAQ_FILE, "entries.stage", f"no program stage '{ref}'")
    return " End early if: " + " ".join(stage.end_early_if)


def _merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({seed for group in groups for seed in group}))


@dataclass(frozen=True)
class Reader:
    """Turns text into search terms, the same way for questions and documents."""

    forms: dict[str, str]
    phrases: dict[tuple[str, ...], str | None]
    """Stemmed word sequences -> the term they are read as (None: a filler phrase)."""
    longest: int
    stopwords: frozenset[str]
    denials: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: AskRules) -> Reader:
        forms = {word.casefold(): base.casefold() for word, base in rules.forms.items()}
        reader = cls(forms, {}, 1, frozenset())
        phrases: dict[tuple[str, ...], str | None] = {}
        stopwords: set[str] = set()
        for word in rules.stopwords:
            key = reader.stems(word)
            if len(key) == 1:
                stopwords.add(key[0])
            phrases[key] = None
        for group in rules.synonyms:
            term = reader.term(group[0])
            for variant in group:
                phrases[reader.stems(variant)] = term
        for word in (*rules.off_topic.animals, *rules.off_topic.words):
            phrases[reader.stems(word)] = OFF_TOPIC
        # One-word stopwords are dropped after phrases, so "how long" still matches.
        phrases = {key: term for key, term in phrases.items() if len(key) > 1 or term}
        longest = max(len(key) for key in phrases)
        denials = frozenset(reader.stem(word.casefold()) for word in rules.denials)
        return cls(forms, phrases, longest, frozenset(stopwords), denials)

    def words(self, text: str) -> list[str]:
        """Lower-case words, apostrophes dropped ("won't" is "wont")."""
        return [word.replace("'", "") for word in _WORD.findall(text.casefold())]

    def stems(self, text: str) -> tuple[str, ...]:
        return tuple(self.stem(word) for word in self.words(text))

    def term(self, text: str) -> str:
        """A rule's word or phrase as the term it is searched as ("rat", "new rat")."""
        return " ".join(self.stems(text))

    def stem(self, word: str) -> str:
        return stem(self.forms.get(word, word))

    def terms(self, words: Iterable[str]) -> list[str]:
        """Search terms of `words`: phrases and synonyms first, then filler words dropped; the
        term right after a denial ("no blood") is left out."""
        stems = [self.stem(word) for word in words]
        terms: list[str] = []
        denied = False
        at = 0
        while at < len(stems):
            found: str | None = None
            for size in range(min(self.longest, len(stems) - at), 0, -1):
                key = tuple(stems[at : at + size])
                if key in self.phrases:
                    found = self.phrases[key]
                    at += size
                    break
            else:
                if stems[at] in self.denials:
                    denied = True
                elif stems[at] not in self.stopwords and stems[at].isalpha():
                    found = stems[at]
                at += 1
            if found is not None:
                if not denied:
                    terms.append(found)
                denied = False
        return terms


@dataclass(frozen=True)
class _Entry:
    """A document's terms, by field."""

    title: frozenset[str]
    keywords: frozenset[str]
    body: frozenset[str]
    title_scale: float = 1.0
    """Shorter titles say more per word: the title weight times (average length / length)
    to the power 0.5."""

    def strongly_holds(self, term: str) -> bool:
        """`term` is in the title or the keywords, not just met in passing in the body."""
        return term in self.title or term in self.keywords

    def weight(self, term: str, rules: AskRules) -> float:
        weights = rules.weights
        if term in self.title:
            return weights.title * self.title_scale
        if term in self.keywords:
            return weights.keywords
        return weights.body if term in self.body else 0.0


class _Index:
    """The documents' terms, and how rare each term is (its idf)."""

    def __init__(self, docs: tuple[KnowledgeDoc, ...], rules: AskRules) -> None:
        self.docs = docs
        self.rules = rules
        self.reader = Reader.from_rules(rules)
        self.entries: list[_Entry] = []
        counts: dict[str, int] = {}
        vocabulary: set[str] = set()
        for doc in docs:
            # Each keyword is read on its own, so no phrase runs from one into the next.
            parts = [[doc.title], list(doc.keywords), [doc.detail]]
            fields: list[frozenset[str]] = []
            for texts in parts:
                words = [self.reader.words(text) for text in texts]
                vocabulary.update(word for group in words for word in group)
                fields.append(frozenset(t for group in words for t in self.reader.terms(group)))
            entry = _Entry(fields[0], fields[1], fields[2])
            self.entries.append(entry)
            for term in entry.title | entry.keywords | entry.body:
                counts[term] = counts.get(term, 0) + 1
        average = sum(len(e.title) for e in self.entries) / len(self.entries)
        self.entries = [
            dataclasses.replace(e, title_scale=(average / max(len(e.title), 1)) ** 0.5)
            for e in self.entries
        ]
        total = len(docs)
        self.idf = {term: math.log(1 + total / count) for term, count in counts.items()}
        self.rarest = max(self.idf.values())
        for text in (*rules.stopwords, *rules.forms, *(w for g in rules.synonyms for w in g)):
            vocabulary.update(self.reader.words(text))
        for text in (*rules.off_topic.animals, *rules.off_topic.words):
            vocabulary.update(self.reader.words(text))
        self.vocabulary = frozenset(vocabulary)
        # The rules' own words, read once as terms the way questions are.
        as_term = self.reader.term
        self.subject = as_term(rules.subject)
        self.animals = frozenset({self.subject, *map(as_term, rules.only_with_rats)})
        self.alarms = frozenset(map(as_term, rules.alarms))

    def rank(self, terms: list[str]) -> list[tuple[float, float, float, int]]:
        """(score, coverage, strong coverage, document number) of every document sharing a
        term, best first. Coverage is the share of the question's weight (rarity) the document
        holds anywhere; strong coverage the share in its title or keywords."""
        unknown = self.rules.unknown_weight * self.rarest
        asked = sum(self.idf.get(term, unknown) for term in terms)
        ranked = []
        for number, entry in enumerate(self.entries):
            score = covered = strong = 0.0
            for term in terms:
                weight = entry.weight(term, self.rules)
                if weight:
                    score += self.idf[term] * weight
                    covered += self.idf[term]
                    if entry.strongly_holds(term):
                        strong += self.idf[term]
            if score:
                doc = self.docs[number]
                boost = self.rules.boosts.get("urgent" if doc.urgent else doc.kind, 1.0)
                ranked.append((score * boost, covered / asked, strong / asked, number))
        ranked.sort(key=lambda row: (-row[0], row[3]))
        return ranked


@cache
def _index() -> _Index:
    return _Index(_documents(), builtin_ask_rules())


def _left_out(typed: str, known: str) -> bool:
    """`typed` is `known` with letters left out ("chese", "cheese")."""
    letters = iter(known)
    return all(char in letters for char in typed)


def _same_start(typed: str, known: str) -> bool:
    return typed[:1] == known[:1]


# A capitalised word after another word of its sentence: "Can Charlie have raisins?"
_NAME = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_][,;:] ))[A-Z][a-z]+(?:'[a-z]+)?\b")


# Capitalised words in a row name a place, an event or a brand ("Black Death"), not a pet.
_PROPER = re.compile(_NAME.pattern + r"(?: [A-Z][a-z]+(?:'[a-z]+)?\b)+")


def _names(question: str) -> set[str]:
    """Words that look like a pet's name: capitalised, alone, and not at the start of a
    sentence. The caller keeps those ratbond knows ("Rat", "Cage"), so a name is never a typo
    to fix nor an unknown word counting against the answer."""

    def words(pattern: re.Pattern[str]) -> set[str]:
        found = (match.group().casefold().replace("'", "") for match in pattern.finditer(question))
        return {word for text in found for word in text.split()}

    return words(_NAME) - words(_PROPER)


def ask(question: str, limit: int = 3) -> AskResult:
    """The best `limit` documents for a question, best first; none, with the reason and the
    topics ratbond covers, when the question is off-topic or no document covers enough of it."""
    if not 1 <= limit <= MAX_ANSWERS:
        raise InputError("limit", f"must be from 1 to {MAX_ANSWERS} (got {limit})")
    if len(question) > MAX_QUESTION:
        raise InputError(
            "question", f"ask in at most {MAX_QUESTION} characters (got {len(question)})"
        )
    index = _index()
    words = index.reader.words(question)
    if not words:
        raise InputError("question", "type a question in words, e.g. 'how long does bonding take?'")
    names = _names(question) - index.vocabulary
    corrections: list[tuple[str, str]] = []
    fixed: list[str] = []
    for word in words:
        if word in names:
            continue
        if word not in index.vocabulary and word.isalpha():
            nearest = closest(word, index.vocabulary)
            # A tie is settled by the commonest slips: a letter left out, then any slip but
            # in the first letter, which people seldom mistype.
            for keep in (_left_out, _same_start):
                if len(nearest) > 1:
                    nearest = [near for near in nearest if keep(word, near)] or nearest
            if len(nearest) == 1:
                corrections.append((word, nearest[0]))
                word = nearest[0]
        fixed.append(word)
    terms = list(dict.fromkeys(index.reader.terms(fixed)))
    shown = tuple(term for term in terms if term != OFF_TOPIC)

    def none(why: Why, confidence: float = 0.0) -> AskResult:
        rules = index.rules
        return AskResult(
            question,
            shown,
            tuple(corrections),
            (),
            why,
            confidence,
            rules.no_answer,
            rules.topics,
        )

    rules = index.rules
    asked = [term for term in terms if term != OFF_TOPIC]
    if not asked:
        return none("off_topic" if terms else "no_words")
    ranked = index.rank(asked)
    # A rat named on its own counts even where a phrase took the word ("bit my rat").
    about_rats = any(index.reader.terms([word]) == [index.subject] for word in fixed)
    if ranked and _an_emergency(index, asked, ranked[0], OFF_TOPIC in terms and not about_rats):
        # An emergency is answered even amid noise, and even beside another animal ("my dog
        # bit my rat"): a frightened owner types fast, and trivia or silence would cost time.
        return _answered(index, question, shown, corrections, ranked, rules.urgent_floor, limit)
    if OFF_TOPIC in terms:
        return none("off_topic")
    known = [term for term in terms if term in index.idf]
    if len(known) < rules.min_known_share * len(terms):
        return none("unsure")
    # A question that names an animal covered only beside rats (a cat), and no rat, is about
    # that animal's own care ("can cats eat tuna") unless an entry about both holds the word.
    for other in index.animals - {index.subject}:
        if other in asked and not about_rats:
            ranked = [
                row
                for row in ranked
                if index.entries[row[3]].strongly_holds(other)
                and _names_more_than_animals(index, asked, row)
            ]
    # The best-ranked entry decides: when it covers too little, ratbond is not sure.
    if not ranked or ranked[0][1] < rules.floor or ranked[0][2] < rules.min_strong_share:
        return none("unsure", ranked[0][1] if ranked else 0.0)
    if _information(index, asked, ranked[0]) < rules.min_information:
        return none("unsure", ranked[0][1])
    return _answered(index, question, shown, corrections, ranked, rules.floor, limit)


Ranked = tuple[float, float, float, int]


def _information(index: _Index, terms: list[str], best: Ranked) -> float:
    """How telling the question's words that the best entry holds are, together."""
    entry = index.entries[best[3]]
    return sum(index.idf[t] for t in terms if entry.weight(t, index.rules))


def _names_more_than_animals(index: _Index, terms: list[str], row: Ranked) -> bool:
    """The entry holds a word of the question other than an animal in its title or keywords."""
    entry = index.entries[row[3]]
    return any(entry.strongly_holds(term) for term in terms if term not in index.animals)


def _an_emergency(index: _Index, terms: list[str], best: Ranked, off_topic: bool) -> bool:
    """The best entry is an emergency that the question names by one of its alarm words in the
    entry's title or keywords, in a question not off-topic (naming a rat makes a question
    with another animal in it on-topic here: "my dog bit my rat")."""
    rules = index.rules
    entry = index.entries[best[3]]
    return (
        index.docs[best[3]].urgent
        and best[1] >= rules.urgent_floor
        and best[2] >= rules.min_strong_share
        and any(entry.strongly_holds(term) for term in terms if term in index.alarms)
        and _information(index, terms, best) >= rules.min_information
        and not off_topic
    )


def _answered(
    index: _Index,
    question: str,
    shown: tuple[str, ...],
    corrections: list[tuple[str, str]],
    ranked: list[Ranked],
    floor: float,
    limit: int,
) -> AskResult:
    """The entries of `ranked` that cover at least `floor` of the question, best first."""
    rules = index.rules
    sure = [row for row in ranked if row[1] >= floor and row[2] >= rules.min_strong_share]
    answers = tuple(index.docs[row[3]] for row in sure[:limit])
    return AskResult(question, shown, tuple(corrections), answers, "answered", ranked[0][1])
