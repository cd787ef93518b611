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
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import pairwise
from typing import Any, Literal

from ratbond.care.emoji import emoji_as_words
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
from ratbond.care.model import AskRules, AskTopic, Eaten, Source
from ratbond.care.words import (
    closest,
    common_english,
    misread,
    respelled,
    stem,
    with_dropped_h,
)
from ratbond.errors import DataFileError, InputError
from ratbond.limits import MAX_ANSWERS, MAX_QUESTION

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
# A number and its unit written as one word: "60g", "1.5kg" ("5th" and "2nd" are no measures).
_MEASURED = re.compile(
    r"(\d+)(g|gr|grams?|kg|kgs|kilos?|oz|lbs?|ml|cm|mm|ft|days?|wks?|weeks?|hrs?|mins?)"
)
OFF_TOPIC = "\x00off-topic"
"""The term every off-topic animal is read as."""
OFF_SUBJECT = "\x00off-subject"
"""The term every off-topic word or phrase (pest control, other subjects) is read as."""
OFF_ASIDE = "\x00aside"
"""The term every word of another subject that an alarm outweighs (a phone's use, travel) is
read as."""
OFF = frozenset({OFF_TOPIC, OFF_SUBJECT, OFF_ASIDE})
MEASURE = "\x00measure"
"""The term a phrase that gives a size by a thing ("the size of a") is read as: the thing
after it is a measure, not what is asked about."""
DENIAL = "\x00denial"
"""A phrase of `denial_phrases`: the term after it is denied, as after one of `denials`."""
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
            ("cage", "housing", "bars", "bedding", "hideaway", "size", "dimensions", "layout"),
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
            (
                "free roam",
                "playtime",
                "play",
                "out of cage",
                "outside the cage",
                "safety",
                "cords",
                "temperature",
                "escape",
            ),
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
    comparisons: frozenset[str] = frozenset()
    likened: frozenset[str] = frozenset()
    """Stems of the words of a clause likening to how one treats an animal (`likening`)."""
    animals: frozenset[str] = frozenset()
    """Terms of the animals ratbond covers only beside rats: one named inside a phrase ("cat
    caught") is read as well as the phrase, so the cat is still named."""
    articles: frozenset[str] = frozenset()
    """Words a phrase is still found with between its words ("ok for the rats")."""
    heard: frozenset[str] = frozenset()
    """Stems of words for a sound that, beside a term of `heard_signs`, say only how that sign
    is heard ("sounds congested", "a wheezy noise"): they are then not searched for."""
    heard_signs: frozenset[str] = frozenset()
    owned: frozenset[tuple[str, str]] = frozenset()
    """(possessive, word) pairs of stems that name the owner's own rat ("my rats"): a phrase of
    pest control read through articles is not found across one ("kill my rats" is a fear for
    pets, "rats in my kitchen" still pest control)."""
    senses: frozenset[str] = frozenset()
    """Stems of the words of how a thing smells, looks or sounds (`senses`): another subject
    named right after one and a comparison ("smells like a sewer") is a likening, not asked."""
    wanting: frozenset[str] = frozenset()
    """Stems of `subjects` and `yes_no`: "like" right after one is a wish ("I'd like", "would
    like"), no comparison a later doing carries."""

    @classmethod
    def from_rules(cls, rules: AskRules, names: Iterable[str] = ()) -> Reader:
        """The reader of `rules`; each of `names` (several words) is read as one term, above
        the off-topic words it holds: "cooked chicken" is a food, not a bird."""
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
        for word in rules.off_topic.animals:
            phrases[reader.stems(word)] = OFF_TOPIC
        for word in rules.off_topic.words:
            phrases[reader.stems(word)] = OFF_SUBJECT
        for word in rules.off_topic.asides:
            phrases[reader.stems(word)] = OFF_ASIDE
        for phrase in rules.measures:
            phrases[reader.stems(phrase)] = MEASURE
        for phrase in rules.denial_phrases:
            phrases[reader.stems(phrase)] = DENIAL
        for name in names:
            phrases[reader.stems(name)] = reader.term(name)
        # One-word stopwords are dropped after phrases, so "how long" still matches.
        phrases = {key: term for key, term in phrases.items() if len(key) > 1 or term}
        longest = max(len(key) for key in phrases)
        denials = frozenset(reader.stem(word.casefold()) for word in rules.denials)
        comparisons = frozenset(reader.stem(word.casefold()) for word in rules.comparisons)
        likened = frozenset(reader.stem(word.casefold()) for word in rules.likening)
        animals = frozenset(
            phrases.get(key) or key[0]
            for key in (reader.stems(word) for word in rules.only_with_rats)
        )
        articles = frozenset(reader.stem(word.casefold()) for word in rules.articles)
        heard = frozenset(reader.stem(word.casefold()) for word in rules.heard.words)
        return cls(
            forms,
            phrases,
            longest,
            frozenset(stopwords),
            denials,
            comparisons,
            likened,
            animals,
            articles,
            heard,
            frozenset(map(reader.term, rules.heard.signs)),
            frozenset(
                (reader.stem(owner.casefold()), key[0])
                for owner in rules.possessives
                for key, term in phrases.items()
                if len(key) == 1 and term == reader.term(rules.subject)
            )
            | frozenset(
                (reader.stem(owner.casefold()), reader.term(rules.subject))
                for owner in rules.possessives
            ),
            frozenset(reader.stem(word.casefold()) for word in rules.senses),
            frozenset(reader.stem(word.casefold()) for word in (*rules.subjects, *rules.yes_no)),
        )

    def likening(self, between: list[str]) -> bool:
        """The stems between a comparison and an animal make it the animal one is likened to:
        "a" ("like a kitten"), or a clause of doing as one does with one ("as one does with a
        cat", "as you would with a dog", "as with a cat"); "like my cat to" names the cat."""
        return (
            bool(between)
            and between[-1] in ("a", "an")
            and all(stem in self.likened for stem in between[:-1])
        )

    def words(self, text: str) -> list[str]:
        """Lower-case words, apostrophes dropped ("won't" is "wont"), and a number written
        with its unit read as both ("60g" is 60 g)."""
        found: list[str] = []
        text = text.casefold()
        for match in _WORD.finditer(text):
            word = match.group()
            measured = _MEASURED.fullmatch(word)
            if measured:
                found += measured.groups()
                continue
            word = word.replace("'", "")
            # An apostrophe before a word marks a dropped h ("'ow", "'urt", "'and", "'avin'"):
            # the word with its h, when that is an English word ("'kori kori'" is a quote).
            at = match.start()
            if at and text[at - 1] == "'" and (at == 1 or not text[at - 2].isalnum()):
                found.append(_with_h(word))
            else:
                found.append(word)
        return found

    def stems(self, text: str) -> tuple[str, ...]:
        return tuple(self.stem(word) for word in self.words(text))

    def term(self, text: str) -> str:
        """A rule's word or phrase as the term it is searched as ("rat", "new rat")."""
        return " ".join(self.stems(text))

    def stem(self, word: str) -> str:
        return stem(self.forms.get(word, word))

    def in_figures(self, words: list[str]) -> set[int]:
        """The positions of `words` inside a phrase of several words of another subject said
        aside (`off_topic.asides`): the rat in "a Year of the Rat tattoo" is no pet ("kill a
        rat" still names one)."""
        stems = [self.stem(word) for word in words]
        inside: set[int] = set()
        for at in range(len(stems)):
            match = self._phrase(stems, at)
            if match is not None and len(match[0]) > 1 and self.phrases[match[0]] == OFF_ASIDE:
                inside.update(range(at, match[1]))
        return inside

    def _phrase(self, stems: list[str], at: int) -> tuple[tuple[str, ...], int] | None:
        """The longest phrase starting at `at` and where it ends: as written, else with articles
        left out between its words ("ok for the rats" is "ok for rats"). A phrase of pest
        control is not found starting at the owner's rat ("my rats in the garden")."""
        owned = at > 0 and (stems[at - 1], stems[at]) in self.owned

        def describing(key: tuple[str, ...], end: int) -> bool:
            # An off-topic phrase of several words right before a rat says what rat it is: "for
            # an adult rat" is not "for an adult".
            return (
                len(key) > 1
                and end < len(stems)
                and any(word == stems[end] for _, word in self.owned)
            )

        direct = next(
            (
                (key, at + size)
                for size in range(min(self.longest, len(stems) - at), 0, -1)
                if (key := tuple(stems[at : at + size])) in self.phrases
                and not (self.phrases[key] in OFF and (owned or describing(key, at + size)))
            ),
            None,
        )
        if stems[at] in self.articles:
            return direct
        kept: list[tuple[str, int]] = []
        for index in range(at, len(stems)):
            if index == at or stems[index] not in self.articles:
                kept.append((stems[index], index + 1))
            if len(kept) == self.longest:
                break
        # A longer phrase read through articles wins over a shorter one as written: "a rat in
        # my kitchen" is the phrase "rat in kitchen", not the rat alone.
        for size in range(len(kept), len(direct[0]) if direct else 1, -1):
            key = tuple(stem for stem, _ in kept[:size])
            end = kept[size - 1][1]
            if (
                key in self.phrases
                and end - at > size
                and not (
                    self.phrases[key] in OFF
                    and (
                        owned
                        or describing(key, end)
                        or any(
                            pair in self.owned
                            for pair in zip(stems[at : end - 1], stems[at + 1 : end], strict=True)
                        )
                    )
                )
            ):
                return key, end
        return direct

    def terms(self, words: Iterable[str]) -> list[str]:
        """Search terms of `words`: phrases and synonyms first, then filler words dropped; the
        term right after a denial ("no blood") is left out, and so is an off-topic animal right
        after a comparison ("like a dog"): the question is not about it."""
        words = list(words)
        stems = [self.stem(word) for word in words]
        terms: list[str] = []
        heard: set[int] = set()
        denied = compared = measured = likening_doing = likening_seen = False
        at = 0
        # (no comparison yet: far enough back that no word counts as just past one)
        compared_at = -10
        while at < len(stems):
            found: str | None = None
            start = at
            match = self._phrase(stems, at)
            if match is not None and match[1] == at + 1 and stems[at] in self.heard:
                heard.add(len(terms))
            if match is not None:
                key, at = match
                found = self.phrases[key]
                if len(key) > 1 and found not in OFF and found != DENIAL:
                    terms += [
                        animal
                        for word in key
                        if (animal := self.phrases.get((word,)) or word) in self.animals
                        and animal != found
                    ]
            else:
                if stems[at] in self.denials:
                    denied = True
                elif stems[at] in self.comparisons:
                    compared, compared_at = True, at
                    likening_seen = likening_seen or not (at and stems[at - 1] in self.wanting)
                elif stems[at] not in self.stopwords and stems[at].isalpha():
                    found = stems[at]
                at += 1
            if found == DENIAL:
                denied = True
            elif found == MEASURE:
                measured = True
            elif found is not None:
                # (a cat only as "like a kitten": "I'd like my cat to" still names the cat)
                # (and another subject only as "smells like a sewer", "like two brewers arguing
                # over a recipe")
                # (an off-topic animal one word past the comparison too: "a sound like
                # small bird")
                likened = (
                    found in (OFF_TOPIC, OFF_ASIDE)
                    and (compared or likening_doing or compared_at == start - 2)
                ) or (
                    compared
                    and (
                        (found in self.animals and self.likening(stems[compared_at + 1 : start]))
                        or (
                            found == OFF_SUBJECT
                            and compared_at > 0
                            and stems[compared_at - 1] in self.senses
                            and all(
                                word in self.articles for word in stems[compared_at + 1 : start]
                            )
                        )
                    )
                )
                if not denied and not measured and not likened:
                    terms.append(found)
                # a comparison before a doing reaches to what it is done to, to the clause's
                # end: "like stocking a new fish into the lake", "like gulls mobbing a crow"
                likening_doing = likening_doing or (
                    likening_seen and words[start].casefold().endswith("ing")
                )
                denied = compared = measured = False
        signs = {at for at, term in enumerate(terms) if term in self.heard_signs}
        return [
            term for at, term in enumerate(terms) if at not in heard or not {at - 1, at + 1} & signs
        ]


def _with_h(word: str) -> str:
    """`word` with the h a dropped-h speaker left out, when that is an English word in common
    use; else `word`."""
    return with_dropped_h(word, common_english) or word


Ranked = tuple[float, float, float, int]


@dataclass(frozen=True)
class _Entry:
    """A document's terms, by field."""

    title: frozenset[str]
    keywords: tuple[frozenset[str], ...]
    """The terms of each keyword apart."""
    body: frozenset[str]
    words: frozenset[str] = frozenset()
    """The terms of the title's and keywords' words each read alone: "cat" is named in "my
    cat caught my rat" though the phrase "cat caught" is read as one term."""
    title_scale: float = 1.0
    """Shorter titles say more per word: the title weight times (average length / length)
    to the power 0.5."""

    @property
    def terms(self) -> frozenset[str]:
        return self.title.union(*self.keywords, self.body)

    def keyword_holds(self, term: str, asked: frozenset[str]) -> bool:
        """A keyword holds `term` and the question names all of that keyword: "mango" alone
        does not name "dried mango"."""
        return any(term in keyword and keyword <= asked for keyword in self.keywords)

    def strongly_holds(self, term: str, asked: frozenset[str]) -> bool:
        """`term` is in the title or a keyword, not just met in passing in the body."""
        return term in self.title or self.keyword_holds(term, asked)

    def weight(self, term: str, asked: frozenset[str], rules: AskRules) -> float:
        weights = rules.weights
        if term in self.title:
            return weights.title * self.title_scale
        if self.keyword_holds(term, asked):
            return weights.keywords
        # A keyword the question names only in part still says the entry knows the word.
        if term in self.body or any(term in keyword for keyword in self.keywords):
            return weights.body
        return 0.0


@dataclass(frozen=True)
class _Implication:
    all: frozenset[str]
    add: str


class _Index:
    """The documents' terms, and how rare each term is (its idf)."""

    def __init__(self, docs: tuple[KnowledgeDoc, ...], rules: AskRules) -> None:
        self.docs = docs
        self.rules = rules
        self.reader = Reader.from_rules(rules, _named_animals(docs, Reader.from_rules(rules)))
        self.entries: list[_Entry] = []
        counts: dict[str, int] = {}
        vocabulary: set[str] = set()
        for doc in docs:
            # Each keyword is read on its own, so no phrase runs from one into the next.
            fields: list[frozenset[str]] = []
            for text in (doc.title, *doc.keywords, doc.detail):
                words = self.reader.words(text)
                vocabulary.update(words)
                fields.append(frozenset(self.reader.terms(words)))
            alone = (
                term
                for text in (doc.title, *doc.keywords)
                for word in self.reader.words(text)
                for term in self.reader.terms([word])
            )
            entry = _Entry(
                fields[0], tuple(k for k in fields[1:-1] if k), fields[-1], frozenset(alone)
            )
            self.entries.append(entry)
            for term in entry.terms:
                counts[term] = counts.get(term, 0) + 1
        average = sum(len(e.title) for e in self.entries) / len(self.entries)
        self.entries = [
            dataclasses.replace(e, title_scale=(average / max(len(e.title), 1)) ** 0.5)
            for e in self.entries
        ]
        self.frames = frozenset(map(self.reader.term, rules.frames))
        # how a sound reads ("squeaks", "noise"): a rat after one of `comparisons` is likened to
        self.sound_terms = frozenset(self.reader.terms(list(rules.heard.words)))
        total = len(docs)
        self.idf = {term: math.log(1 + total / count) for term, count in counts.items()}
        self.rarest = max(self.idf.values())
        for text in (*rules.stopwords, *rules.forms, *(w for g in rules.synonyms for w in g)):
            vocabulary.update(self.reader.words(text))
        for text in (*rules.off_topic.animals, *rules.off_topic.words, *rules.off_topic.asides):
            vocabulary.update(self.reader.words(text))
        # (a word for a person is known as it is: "baka" is a grandmother, no slip of "bakasyon")
        for person in rules.people.persons:
            vocabulary.update(person.words)
        self.vocabulary = frozenset(vocabulary)
        # The long words entries name in their titles or keywords, as stems: a compound split
        # in two ("blue berries") is read as one of these.
        self.compounds = frozenset(
            self.reader.stem(word)
            for doc in docs
            for text in (doc.title, *doc.keywords)
            for word in self.reader.words(text)
            if len(word) >= rules.min_compound
        )
        # The rules' own words, read once as terms the way questions are.
        as_term = self.reader.term
        self.subject = as_term(rules.subject)
        self.animals = frozenset({self.subject, *map(as_term, rules.only_with_rats)})
        self.alarms = frozenset(map(as_term, rules.alarms))
        self.people = frozenset(map(as_term, rules.people.terms))
        self.not_people = frozenset(map(as_term, rules.people.unless))
        self.pronouns = frozenset(word.casefold() for word in rules.people.pronouns)
        self.singular = frozenset(word.casefold() for word in rules.people.singular)
        self.calendar = frozenset(word.casefold() for word in rules.calendar)
        self.name_particles = frozenset(word.casefold() for word in rules.name_particles)
        self.question_labels = frozenset(rules.question_labels)
        self.persons = tuple(
            (frozenset(p.words), frozenset(p.pronouns)) for p in rules.people.persons
        )
        self.person_words = frozenset(w for p in rules.people.persons for w in p.words)
        self.body = frozenset(rules.people.body)
        self.cooking = frozenset(rules.people.cooking)
        self.cooking_asks = frozenset(map(as_term, rules.people.cooking_asks))
        self.cooking_unless = frozenset(rules.people.cooking_unless)
        self.unless_eaten = frozenset(map(as_term, rules.off_topic.unless_eaten))
        self.plain_alarms = frozenset(map(as_term, rules.off_topic.plain_alarms))
        self.eating = frozenset(map(as_term, rules.off_topic.eating))
        question = rules.off_topic.food_question
        self.food_question = as_term(question) if question else None
        # The words most entries of a kind about one thing hold: they name no one thing.
        self.generic: frozenset[str] = frozenset()
        for kind in rules.named_kinds:
            entries = [e for e, d in zip(self.entries, docs, strict=True) if d.kind == kind]
            held: dict[str, int] = {}
            for entry in entries:
                for term in entry.title.union(*entry.keywords):
                    held[term] = held.get(term, 0) + 1
            self.generic |= {term for term, count in held.items() if count * 2 > len(entries)}
        # The words that only ever describe a thing in those entries' names and aliases, never
        # name one ("raw" egg, "cooked" quinoa, "fresh" water): they name no one thing either.
        heads: set[str] = set()
        describing: set[str] = set()
        for doc in docs:
            if doc.kind in rules.named_kinds:
                name = doc.id.partition(":")[2]
                for text in (name, *doc.keywords):
                    for part in re.split(r",| and | or ", text):
                        read = [t for w in self.reader.words(part) for t in self.reader.terms([w])]
                        # An alias may put the describing word last ("kidney beans cooked").
                        if text == name or len(read) == 1:
                            heads.update(read[-1:])
                        describing.update(read[:-1])
        self.describing = frozenset(describing - heads)
        named_entries = [
            entry
            for entry, doc in zip(self.entries, docs, strict=True)
            if doc.kind in rules.named_kinds
        ]
        # The things entries of those kinds are about, each named in its title ("grape").
        self.things = frozenset(
            term for entry in named_entries for term in entry.title if term not in self.generic
        )
        # ... and each by any one-word name it is known by ("toast" for the bread): a pet
        # called so is still a pet.
        self.named = self.things | frozenset(
            term
            for entry in named_entries
            for keyword in entry.keywords
            if len(keyword) == 1
            for term in keyword
            if term not in self.generic
        )
        # The things such an entry is about alone, named by one word ("pear", not "green").
        self.single_things = frozenset(
            next(iter(entry.title - self.generic))
            for entry in named_entries
            if len(entry.title - self.generic) == 1
        )
        # The name of each of those entries, by entry, read as a question's words are, then
        # joined up as one ("ice cream" is also "icecream"), `generic` words left out.
        self.whole_names: dict[int, tuple[frozenset[str], ...]] = {}
        for number, doc in enumerate(docs):
            if doc.kind in rules.named_kinds:
                words = self.reader.words(doc.id.partition(":")[2])
                forms = (
                    frozenset(self.reader.terms(words)),
                    frozenset({self.reader.stem("".join(words))}),
                )
                self.whole_names[number] = tuple(
                    form - self.generic for form in forms if form - self.generic
                )
        # Every word of the names and aliases of those entries ("mango" of "dried mango").
        self.food_words = frozenset(
            term for entry in named_entries for term in entry.words if term not in self.generic
        )
        # The things one program alone names in its title, and no FAQ ("spin", "hoop"): what
        # it teaches.
        held_by = Counter(
            term
            for entry, doc in zip(self.entries, docs, strict=True)
            if doc.kind == "program"
            for term in entry.title
        )
        in_faqs = frozenset(
            term
            for entry, doc in zip(self.entries, docs, strict=True)
            if doc.kind == "faq"
            for term in entry.title
        )
        self.program_named = frozenset(
            term
            for term, count in held_by.items()
            if count == 1 and term not in in_faqs | self.frames | {self.subject}
        )
        self.implied = [
            _Implication(frozenset(map(as_term, rule.all)), as_term(rule.add))
            for rule in rules.implied
        ]

    def telling(self, text: str) -> bool:
        """`text` names an alarm, a rat or another animal ratbond covers: it tells something."""
        return bool(set(self.reader.terms(self.reader.words(text))) & (self.alarms | self.animals))

    def rank(
        self,
        terms: list[str],
        named: frozenset[str] = frozenset(),
        focus: frozenset[str] = frozenset(),
        absent: frozenset[str] = frozenset(),
        calm: frozenset[str] = frozenset(),
    ) -> list[Ranked]:
        """(score, coverage, strong coverage, document number) of every document sharing a
        term, best first. Coverage is the share of the question's weight (rarity) the document
        holds anywhere; strong coverage the share in its title or keywords. An entry that does
        not hold an animal of `named` in its title or keywords counts less ("leave the cat and
        the rats" is about the cat with the rats, not any absence), and so does one that holds
        an animal of `absent`, which the question does not name. Words outside `focus` (the
        sentence that asks, when there is one) but alarms count `context_weight` as much. An
        alarm of `calm` (only wondered about) makes no emergency."""
        ranked = []
        asked = frozenset(terms)
        # An alarm counts in full wherever it is said: an emergency is never mere context.
        scale = {
            t: 1.0
            if not focus or t in focus or (t in self.alarms and t not in calm)
            else self.rules.context_weight
            for t in terms
        }
        # A frame says what kind of answer is wanted, which many entries share: it counts less.
        scale.update({t: scale[t] * self.rules.frame_weight for t in terms if t in self.frames})
        for number, entry in enumerate(self.entries):
            score = sum(
                self.idf[t] * scale[t] * entry.weight(t, asked, self.rules)
                for t in terms
                if t in self.idf
            )
            if score:
                doc = self.docs[number]
                # An emergency comes first only when the question names its alarm: "steps for
                # introducing a cat" is no cat's catch.
                alarmed = doc.urgent and any(
                    entry.strongly_holds(t, asked)
                    for t in terms
                    if t in self.alarms and t not in calm
                )
                boost = self.rules.boosts.get("urgent" if alarmed else doc.kind, 1.0)
                mismatched = (named - entry.words) | (absent & entry.words)
                boost *= self.rules.unnamed_animal ** len(mismatched)
                covered, strong = self.cover(number, terms)
                ranked.append((score * boost, covered, strong, number))
        ranked.sort(key=lambda row: (-row[0], row[3]))
        return ranked

    def cover(self, number: int, terms: Iterable[str]) -> tuple[float, float]:
        """The share of `terms`' weight (rarity) entry `number` holds anywhere, and the share
        it holds in its title or keywords."""
        terms = list(terms)
        unknown = self.rules.unknown_weight * self.rarest
        asked = frozenset(terms)
        total = sum(self.idf.get(term, unknown) for term in terms)
        entry = self.entries[number]
        held = [t for t in terms if entry.weight(t, asked, self.rules)]
        covered = sum(self.idf[t] for t in held)
        strong = sum(self.idf[t] for t in held if entry.strongly_holds(t, asked))
        return (covered / total, strong / total) if total else (0.0, 0.0)


def _named_animals(docs: Iterable[KnowledgeDoc], reader: Reader) -> list[str]:
    """The names and aliases of foods that hold an off-topic word ("cooked chicken")."""
    texts = (
        text
        for doc in docs
        if doc.kind == "food"
        for text in (doc.id.partition(":")[2], *doc.keywords)
    )
    return [
        text
        for text in texts
        if len(reader.words(text)) > 1 and OFF & set(reader.terms(reader.words(text)))
    ]


@cache
def _index() -> _Index:
    return _Index(_documents(), builtin_ask_rules())


def _known(index: _Index, word: str) -> bool:
    """`word` reads as terms the knowledge uses."""
    terms = index.reader.terms([word])
    return bool(terms) and all(term in index.idf for term in terms)


def _shortened(index: _Index, typed: str) -> list[str]:
    """The one known word `typed` is the start of, when it is not an English word in common use:
    owners shorten long words ("porph" for porphyrin)."""
    if len(typed) < index.rules.min_shortened or common_english(typed):
        return []
    longer = {word for word in index.vocabulary if word.startswith(typed) and word != typed}
    return [min(longer)] if len({index.reader.stem(word) for word in longer}) == 1 else []


def _joined(index: _Index, words: list[str]) -> list[str]:
    """`words` with two in a row written as one where that one is a word an entry names in its
    title or keywords: dictation and hurried typing split compounds ("blue berries", "water
    melon", "house plants")."""
    reader = index.reader
    out: list[str] = []
    for word in words:
        if out and out[-1].isalpha() and word.isalpha():
            whole = out[-1] + word
            pair = (reader.stem(out[-1]), reader.stem(word))
            # Two words that mean something as they are ("pick up") stay two.
            apart = pair in reader.phrases or any(part in reader.stopwords for part in pair)
            if not apart and reader.stem(whole) in index.compounds:
                out[-1] = whole
                continue
        out.append(word)
    return out


def _undescribed(index: _Index, words: list[str]) -> list[str]:
    """`words` of a question about rats without an off-topic animal that only says what kind a
    thing is: one right before a word ratbond does not know ("the bird feeder"), or right after
    a `belonging` word ("the milk of cow"). Before a known thing it stays: rats eating the bird
    seed are likely wild ones."""
    reader = index.reader

    def describes(at: int) -> bool:
        # An animal that begins the name of a thing ratbond knows names that thing: "a bag of
        # dog kibble" is the kibble made for dogs.
        name = reader.phrases.get(tuple(reader.stem(w) for w in words[at : at + 2]), OFF_TOPIC)
        if name is not None and name not in OFF:
            return False
        # "the milk from the cow": articles may stand between
        before = _past_articles(index, words, at)
        if before >= 0 and words[before] in index.rules.belonging:
            return True
        if at + 1 < len(words) and words[at + 1] in index.rules.housing:
            return True
        after = reader.terms(words[at + 1 : at + 2])
        return bool(after) and all(t not in index.idf for t in after)

    return [
        word
        for at, word in enumerate(words)
        if reader.terms([word]) != [OFF_TOPIC] or not describes(at)
    ]


def _past_articles(index: _Index, words: list[str], at: int) -> int:
    """The position of the word before `at` once articles are passed over ("the milk from the
    cow", "dangerous for a cat"); the first word at most."""
    before = at - 1
    while before > 0 and index.reader.stem(words[before]) in index.reader.articles:
        before -= 1
    return before


def _unsmelled(index: _Index, words: list[str]) -> list[str]:
    """`words` without an off-topic animal that is only a smell on the asker: right after a
    word of `smells` and one of `belonging`, with the asker (`people.asker`) named before them
    ("I reached in smelling of dogs", "my hands smell of dog"; not "the vents smell of mice")."""
    smells, belonging = index.rules.smells, index.rules.belonging
    asker = frozenset(index.rules.people.asker)
    return [
        word
        for at, word in enumerate(words)
        if not (
            at >= 2
            and words[at - 1] in belonging
            and words[at - 2] in smells
            and index.reader.terms([word]) == [OFF_TOPIC]
            and asker.intersection(words[: at - 2])
        )
    ]


def _unowned(index: _Index, words: list[str]) -> list[str]:
    """`words` without a person named only as the owner of an animal: right after the animal
    and a `belonging` word ("котка of neighbour put paw in клетка") or right before it ("the
    neighbour's cat", read "neighbour cat"). Such a person asks for no entry of their own."""
    reader = index.reader

    def animal(at: int) -> bool:
        if not 0 <= at < len(words):
            return False
        terms = reader.terms([words[at]])
        return len(terms) == 1 and terms[0] in index.animals

    return [
        word
        for at, word in enumerate(words)
        if word not in index.person_words
        or not (
            animal(at + 1)
            or (at >= 2 and words[at - 1] in index.rules.belonging and animal(at - 2))
        )
    ]


def _contrasted(index: _Index, words: list[str]) -> list[str]:
    """`words` without what a contrast sets aside: from the first word of a `contrasts` pair
    right before an article to its second ("not the red tears but real drops of blood" is the
    blood), when words follow the second."""
    articles = index.reader.articles
    for first, second in index.rules.contrasts:
        for at, word in enumerate(words[:-1]):
            if word != first or index.reader.stem(words[at + 1]) not in articles:
                continue
            end = next((e for e in range(at + 2, len(words)) if words[e] == second), None)
            if end is not None and end + 1 < len(words):
                return words[:at] + words[end + 1 :]
    return words


def _left_out(typed: str, known: str) -> bool:
    """`typed` is `known` with letters left out ("chese", "cheese")."""
    letters = iter(known)
    return all(char in letters for char in typed)


def _same_start(typed: str, known: str) -> bool:
    return typed[:1] == known[:1]


# The capital and small letters of the Latin, Greek and Cyrillic alphabets, accented ones
# included ("Miško", "Zoë"): `re` has no class for a letter's case.
_UPPER = "".join(c for c in map(chr, range(0x530)) if c.isupper())
_LOWER = "".join(c for c in map(chr, range(0x530)) if c.islower())
_CAPITALISED = f"[{_UPPER}][{_LOWER}]+(?:'[{_LOWER}]+)?\\b"

# A capitalised word after another word of its sentence: "Can Charlie have raisins?"
_NAME = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_][,;:] ))" + _CAPITALISED)


# Capitalised words in a row name a place, an event or a brand ("Black Death"), not a pet.
_PROPER = re.compile(_NAME.pattern + f"(?: {_CAPITALISED})+")


def _names(question: str, index: _Index) -> set[str]:
    """Words that look like a pet's name: capitalised, alone, and not at the start of a
    sentence, nor a day or a month (`calendar`), nor after a particle of a place's or a dish's
    name (`name_particles`: "bacalhau à Brás"). The caller keeps those ratbond knows ("Rat",
    "Cage"), so a name is never a typo to fix nor an unknown word counting against the answer."""

    def words(matches: Iterable[re.Match[str]]) -> set[str]:
        found = (match.group().casefold().replace("'", "") for match in matches)
        return {word for text in found for word in text.split()}

    def after_particle(match: re.Match[str]) -> bool:
        return (
            question[: match.start()].rsplit(maxsplit=1)[-1].strip(",;:").casefold()
            in index.name_particles
        )

    names = [match for match in _NAME.finditer(question) if not after_particle(match)]
    return words(names) - words(_PROPER.finditer(question)) - index.calendar


# A note's section label ("S:", "Q:", "Hx:", "A/P:") at the start of the text or of a sentence:
# forms, vet notes and templates label their parts so. The label is no word of the question,
# and a part labelled as the question ("Q:") asks, whether or not it ends with a question mark.
_LABEL = re.compile(r"(?:^|(?<=\s))([A-Z][A-Za-z]?|[A-Z]/[A-Z])\s*:\s+")


# Words that open a question about what, how or why.
_WH = frozenset({"how", "what", "whats", "why", "when", "where", "which", "who"})
# ... and those that, opening a clause after another, ask rather than tell when or where.
_ASKING = frozenset({"how", "what", "whats", "why"})


# The number or letter of one of several questions asked together: "(a)", "b)", "(2)", "1)",
# "Q1:", "Q2": each opens a question of its own, and a part numbered as a question ("Q1") asks.
_NUMBERED = re.compile(
    r"(?:^|(?<=\s))(?:\((?:[a-h]|\d{1,2})\)|(?:[a-h]|\d{1,2})\)|(Q\d{1,2})\s*[:.)]?)\s+"
)


def _unnumbered(text: str) -> str:
    """`text` with each number of a part ("(a)", "1)", "Q2:") left out, and the part it opens
    made a sentence of its own; the text before it ends a sentence too."""
    parts = _NUMBERED.split(text)
    if len(parts) == 1:
        return text
    out = [parts[0].strip().rstrip(":;,-")]
    for label, part in zip(parts[1::2], parts[2::2], strict=True):
        part = part.strip().rstrip(":;,-")
        if label and part and not part.endswith("?"):
            part = part.rstrip(".!") + "?"
        out.append(part)
    return " ".join(p if p.endswith((".", "?", "!")) else p + "." for p in out if p)


# A short aside between two dashes ("what should rats eat every — sorry — every day").
_ASIDE = re.compile(r"\s[\u2013\u2014]+\s*([^\u2013\u2014\n]{1,40}?)\s*[\u2013\u2014]+(?:\s+|$)")
# An aside that is only what someone else said, in quotes ("— \"snack! snack!\" —").
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d][.!?]?")


def _resumed(text: str, telling: Callable[[str], bool]) -> str:
    """`text` with each sentence broken off by an aside between dashes read as one: the aside
    left out where the words after it repeat the last one to three before it (the writer took
    up the sentence again: "how do we — one sec — how do we introduce them" is "how do we
    introduce them"), and so is an aside that only quotes what someone else said. An aside
    that is `telling` (it names an alarm, a rat or an animal) is what the writer broke off to
    say: it is kept as a sentence of its own, and only the words it broke off are left out
    ("how do I — my rat's paw is bleeding — how do I stop it")."""
    at = 0
    while (found := _ASIDE.search(text, at)) is not None:
        before, after = text[: found.start()], text[found.end() :]
        said = [word.casefold() for word in _WORD.findall(before)]
        again = [word.casefold() for word in _WORD.findall(after)]
        repeated = next(
            (n for n in (3, 2, 1) if len(said) >= n and said[-n:] == again[:n]),
            0,
        )
        aside = found.group(1).strip()
        if not repeated and not _QUOTED.fullmatch(aside):
            at = found.end()
            continue
        if repeated:
            before = before[: [m.start() for m in _WORD.finditer(before)][-repeated]]
        if telling(aside):
            told = aside.strip('"\u201c\u201d').rstrip(".!?") + "."
            before = before.rstrip(" ,;:") + "." if before.strip() else ""
            text = " ".join(part for part in (before, told, after.strip()) if part)
        else:
            text = before.rstrip() + " " + after.lstrip()
        at = 0
    return text


# A word a phone's autocorrect changed, typed again after a star ("won't stop breeding
# *bleeding"): not one inside stars ("*really*").
# A number, a measure or a time, which no scanner misread: "10", "60g", "4am", "2nd", "3x".
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?(?:am|pm|st|nd|rd|th|s|x)?")


def _misread(text: str, index: _Index) -> str:
    """`text`, when it was scanned, with each word misread (`misreadings`: "frorn", "b1ood",
    "ls") put back as the word it stands for, when that is a word ratbond knows or an English
    one in common use; a word already one of those stays as written. A text was scanned when a
    word in it mixes letters and digits and is so put back ("b1ood"): "mal di testa" written
    by hand is no "mai"."""
    rules = index.rules

    def known(word: str) -> bool:
        return word in index.vocabulary or common_english(word)

    def meant(typed: str) -> str | None:
        word = typed.casefold()
        if (
            not any(char.isalpha() for char in word)
            or _NUMBER.fullmatch(word)
            or _MEASURED.fullmatch(word)
            or known(word)
        ):
            return None
        found = misread(word, rules.misreadings, known)
        if found is None:
            return None
        return found.capitalize() if typed[0].isupper() else found

    def read(found: re.Match[str]) -> str:
        return meant(found.group()) or found.group()

    scanned = any(
        any(char.isdigit() for char in typed) and meant(typed) is not None
        for typed in _WORD.findall(text)
    )
    return _WORD.sub(read, text) if scanned else text


# A chat's message heading: its time in brackets and who wrote it ("[19:15] Leo:", "[09:02]").
_CHAT_HEADING = re.compile(
    r"\[\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[AaPp][Mm])?\]\s*"
    r"(?:[^\W\d_][^\W_]*(?: [^\W\d_][^\W_]*)?:)?"
)


def _unchatted(text: str) -> str:
    """`text` pasted from a chat, its messages' headings ("[19:15] Leo:") left out and each
    message a sentence of its own: the writers' names are no pets', and "what do the noises
    mean" after "is she ok?" is a question of its own. The last message keeps its own end."""
    parts = [part.strip() for part in _CHAT_HEADING.split(text)]
    if len(parts) < 3:
        return text
    messages = [part for part in parts if part]
    return " ".join(
        part if at == len(messages) - 1 or part.endswith((".", "?", "!")) else part + "."
        for at, part in enumerate(messages)
    )


_STARRED = re.compile(r"(?<![\w*])\*([^\W\d_]+)(?![\w*])")


def _starred(text: str) -> str:
    """`text` with each word typed again after a star (the writer's correction of what
    autocorrect made of it: "he is lumping now *limping") put in place of the word before it
    nearest in spelling, within two edits and less than half the word, and the starred word
    left out; with no such word before it, the starred word stays where it is."""
    from rapidfuzz.distance import DamerauLevenshtein

    while (found := _STARRED.search(text)) is not None:
        fix, meant = found.group(1), found.group(1).casefold()
        rest = text[: found.start()] + " " + text[found.end() :]
        near = [
            (distance, typed.start(), typed.end())
            for typed in _WORD.finditer(rest)
            for distance in [DamerauLevenshtein.distance(typed.group().casefold(), meant)]
            if distance <= 2 and 2 * distance < len(meant)
        ]
        if not near:
            # No slip to correct: the star only stresses the word ("her foot is *bleeding").
            text = text[: found.start()] + fix + text[found.end() :]
            continue
        _, start, end = min(near)
        text = rest[:start] + fix + rest[end:]
    return text


def _unlabelled(text: str, asking: frozenset[str]) -> str:
    """`text` with each section label made the start of a sentence and left out; the part a
    question label (one of `asking`) opens ends with a question mark. The numbers of several
    questions asked together are left out so too."""
    text = _unnumbered(text)
    parts = _LABEL.split(text)
    if len(parts) == 1:
        return text
    out = [parts[0].strip()]
    for label, part in zip(parts[1::2], parts[2::2], strict=True):
        part = part.strip()
        if label in asking and part and not part.endswith("?"):
            part = part.rstrip(".!") + "?"
        out.append(part)
    return " ".join(p if p.endswith((".", "?", "!")) else p + "." for p in out if p)


@dataclass(frozen=True)
class _Typed:
    """A question as typed, and its words as read: pets' names set aside, slips corrected."""

    original: str
    """What was asked, as typed: the answer repeats it."""
    question: str
    """What is read: the question with its emoji as words, without chat headings, stars,
    labels and numbering."""
    words: list[str]
    names: frozenset[str]
    """Words taken for a pet's name: never a typo to fix nor an unknown word."""
    corrections: list[tuple[str, str]]
    """(typed, searched) for each slip shown to the asker."""
    spelled: dict[str, str]
    """The word read for each slip, shown or silent ("wheezy" is read as "wheez")."""

    @cached_property
    def as_read(self) -> list[str]:
        """The words with their slips corrected."""
        return [self.spelled.get(word, word) for word in self.words]


def _typed(index: _Index, question: str) -> _Typed:
    """Read the words of `question`, set aside the pets' names and correct the slips."""
    # What was asked is answered; what is read is the question without its labels.
    read = _unlabelled(
        _resumed(
            _starred(_misread(_unchatted(emoji_as_words(question, index.rules.emoji)), index)),
            index.telling,
        ),
        index.question_labels,
    )
    words = index.reader.words(read)
    if not words:
        raise InputError("question", "type a question in words, e.g. 'how long does bonding take?'")
    names = _pet_names(index, read, words)
    corrections: list[tuple[str, str]] = []
    spelled: dict[str, str] = {}
    for word in dict.fromkeys(words):
        if word not in index.vocabulary and word not in names and word.isalpha():
            spelling = _spelling(index, word)
            if spelling is not None:
                fix, shown = spelling
                if shown:
                    corrections.append((word, fix))
                spelled[word] = fix
    # A capitalised word is a pet's name only beside other words: "a bit of Vegemite" asks
    # about the Vegemite.
    subject = [index.subject]
    if all(index.reader.terms([word]) in ([], subject) for word in words if word not in names):
        names = set()
    return _Typed(question, read, words, frozenset(names), corrections, spelled)


def _pet_names(index: _Index, question: str, words: list[str]) -> set[str]:
    """The words of `question` taken for a pet's name (see `_names`)."""
    names = _names(question, index) - index.vocabulary
    # A pet called after a food ("Ginger and Honey keep fighting") is a name too, in a question
    # that does not ask about eating: "can rats eat Pepper" asks about the pepper. So is one
    # called after another animal, in a question that names a rat ("my rat Corgi ate
    # chocolate"); in one that names none, that animal is what is asked about ("my
    # Meerschweinchen sneezes").
    asks_food = set(index.reader.terms(words)) & (index.generic - {index.subject})
    rat_named = _names_a_rat(index, words)

    def compound(name: str) -> bool:
        # read as one term with the word after it: "Dog food" is the food
        return any(
            len(index.reader.terms(words[at : at + 2]))
            < len(index.reader.terms([name])) + len(index.reader.terms(words[at + 1 : at + 2]))
            for at, word in enumerate(words[:-1])
            if word == name
        )

    names |= {
        name
        for name in _names(question, index) & index.vocabulary
        if (as_read := index.reader.terms([name]))
        and set(as_read) <= index.named
        and (rat_named and not compound(name) if set(as_read) & OFF else not asks_food)
    }
    # (a capitalised word that reads as an alarm is that alarm, never a name: "Rat is Wheezing
    # and making a Clicking sound")
    return {name for name in names if index.alarms.isdisjoint(index.reader.terms([name]))}


def _spelling(index: _Index, word: str) -> tuple[str, bool] | None:
    """The word ratbond reads for a word it does not know, and whether that is a slip to show
    the asker; None when it makes no sure guess."""
    if word.endswith("in") and _known(index, word + "g"):
        # A dropped g is the -ing form: "bleedin", "chewin", "sneezin'".
        return word + "g", True
    if word.endswith("y") and _known(index, word[:-1]):
        # An adjective of a known word ("wheezy", "nippy") is read as that word.
        return word[:-1], False
    nearest = closest(word, index.vocabulary) or _shortened(index, word)
    # A tie is settled by the commonest slips: a letter left out, then any slip but
    # in the first letter, which people seldom mistype.
    for keep in (_left_out, _same_start):
        if len(nearest) > 1:
            nearest = [near for near in nearest if keep(word, near)] or nearest
    # A word spelled as it sounds ("breething", "teecher") is the word it sounds like,
    # before a slip of the keys to a word ratbond knows ("reely" is "really", not
    # "rely"), unless only the slip is a word ratbond knows ("chees" is cheese, not chess).
    sounded = respelled(word, index.rules.respellings)
    if sounded is not None and (sounded in index.vocabulary or len(nearest) != 1):
        nearest = [sounded]
    # A guess never makes a question off-topic: a word ratbond does not know is as likely
    # a dialect's word as a slip ("comot", out, is no "comet").
    # (an animal ratbond does not cover is in `OFF`: a guess never lands on one) A cat
    # word is guessed as any word is ("kiten", "kitte" are the kitten), but only one
    # keeping the word's first letter: "natto" (a food) is no "gatto" (a cat).
    guessed = set(index.reader.terms(nearest[:1]))
    if (
        len(nearest) == 1
        and not OFF & guessed
        and (not (index.animals - {index.subject}) & guessed or nearest[0][:1] == word[:1])
    ):
        return nearest[0], True
    return None


def _sentences_read(index: _Index, typed: _Typed) -> list[list[list[str]]]:
    """The question's sentences, each a list of its clauses' words as read: pets' names left
    out, slips corrected, a contrast, a denial or a description of a rat left out."""
    read = [
        [
            [
                typed.spelled.get(w, w)
                for w in _joined(index, index.reader.words(text))
                if w not in typed.names
            ]
            for text in texts
        ]
        for texts in _sentences(typed.question)
    ]
    read = [[_contrasted(index, c) for c in s] for s in read]
    read = [[_undenied(index, c) for c in s] for s in read]
    read = [[_unsmelled(index, c) for c in s] for s in read]
    read = [[_unowned(index, c) for c in s] for s in read]
    pets = {tuple(pet.split()) for pet in index.rules.people.pets}
    if any(
        index.reader.terms([w]) == [index.subject] or (w,) in pets
        for s in read
        for c in s
        for w in c
    ):
        read = [[_undescribed(index, c) for c in s] for s in read]
    return read


def _clause_terms(index: _Index, clauses: list[list[str]]) -> list[list[str]]:
    """The terms of each clause."""
    parts = [list(dict.fromkeys(index.reader.terms(clause))) for clause in clauses]
    # Pets living together said of the asker and one rat is the asker's bond with it.
    befriended = _befriended(index, clauses)
    if befriended is not None:
        together, bond = befriended
        parts = [list(dict.fromkeys(bond if t == together else t for t in p)) for p in parts]
    return parts


def _names_a_thing(index: _Index, terms: set[str]) -> bool:
    """`terms` name a thing ratbond knows: more than a rat, a kind of answer or a description
    ("Which kind is good?", "Raw or boiled?", "Terrible idea?" name none)."""
    return bool(
        {t for t in terms if t in index.idf}
        - {index.subject}
        - index.generic
        - index.frames
        - index.describing
    )


def _focus(
    index: _Index,
    typed: _Typed,
    read: list[list[list[str]]],
    terms: list[str],
    calm: frozenset[str],
) -> tuple[frozenset[str], frozenset[str]]:
    """The terms of the part of the question that asks (none: all of it asks), and the alarms
    seen in it when it is the part of several numbered questions that leads."""
    # Of several numbered questions ("1) ... 2) ..."), the first is the main worry; the others
    # ask more of it.
    numbered = _NUMBERED.search(typed.original) is not None
    focus = _asking_sentence(index, typed.question, read, numbered) or _asking_clause(
        index, typed.question, read
    )
    # Of several numbered questions, the one that holds the most alarms seen (not only
    # wondered about) leads, whatever its place: "1) what is normal weight 2) he is bleeding
    # from his eye and not breathing" is the bleeding and the breathing.
    if numbered and len(read) > 1:
        alarming = [_sentence_terms(index, sentence) for sentence in read]
        counts = [len(index.alarms & found - calm) for found in alarming]
        most = max(counts)
        if most and len(index.alarms & focus - calm) < most:
            focus = frozenset(alarming[counts.index(most)])
        lead_alarms = frozenset(index.alarms & focus - calm)
    else:
        lead_alarms = frozenset()
    # What a sentence asks to be done without (`conditions`: "how do I pick him up without
    # him getting scared") is a condition of the asking, not what it asks about: its words are
    # context, as another sentence's are.
    # (another animal or subject named there still counts: "clear the rats out of the grain
    # store without poisoning the dogs" is pest control)
    conditioned = _conditioned(index, read)
    if conditioned and not conditioned & OFF:
        kept_focus = (focus or frozenset(terms)) - conditioned
        if kept_focus - {index.subject} - index.frames:
            focus = kept_focus
    # (a sentence asking only about alarms wondered about is no focus: what was seen is what
    # it asks about)
    if focus - {index.subject} <= calm:
        focus = frozenset()
    return focus, lead_alarms


def _asking_sentence(
    index: _Index, question: str, read: list[list[list[str]]], numbered: bool
) -> frozenset[str]:
    """The terms of the sentence that asks, when the question has several sentences."""
    # The sentence that asks (the last one ending in a question mark that names more than a
    # rat) says what the question is about; the others are context.
    texts = _SENTENCE_END.split(question)
    asking = [
        (at, terms_of)
        for at, (sentence, text) in enumerate(zip(read, texts, strict=False))
        if (
            text.rstrip().endswith("?")
            # (a last sentence opening with a wh-word and left without its mark asks too: "is
            # she ok? what do the noises mean")
            or (
                at == len(texts) - 1
                and not text.rstrip().endswith((".", "!"))
                and bool(sentence and sentence[0])
                and sentence[0][0] in _WH
            )
        )
        # a sentence asking more on the answer to the one before ("if yes, how much?") is not it
        and not _opens_with(sentence, index.rules.follow_ups)
        for terms_of in [_sentence_terms(index, sentence)]
        # a follow-up naming no thing ratbond knows is not it
        if _names_a_thing(index, terms_of)
    ]
    if not asking or len(read) <= 1:
        return frozenset()
    at, main = asking[0] if numbered else asking[-1]
    # (a sentence right after it that says what a thing it names and ratbond does not know
    # is, is asked about too: "Is possible to give small piece of kranjska klobasa? It is our
    # famous smoked sausage")
    if (
        at + 1 < len(read)
        and any(t not in index.idf for t in main)
        and _opens_with(read[at + 1], index.rules.explaining)
    ):
        return frozenset(main | _sentence_terms(index, read[at + 1]))
    return frozenset(main)


def _opens_with(sentence: list[list[str]], phrases: Iterable[str]) -> bool:
    """Whether the words of `sentence` open with one of `phrases` (as written)."""
    words = tuple(w for clause in sentence for w in clause)
    return any(words[: len(part)] == part for part in (tuple(p.split()) for p in phrases))


def _sentence_terms(index: _Index, sentence: list[list[str]]) -> set[str]:
    return {t for clause in sentence for t in index.reader.terms(clause)}


def _asking_clause(index: _Index, question: str, read: list[list[list[str]]]) -> frozenset[str]:
    """The terms of the clause that asks, in a question of several clauses without a question
    mark."""
    # Without a question mark, the last clause that opens as a question asks ("... and runs
    # every time i open the cage, how do i get him to trust me"): chat and dictation leave the
    # mark out. The first one may open with a yes-or-no word too, when none after it asks ("Is
    # Peanut Butter ok for them... my Husband gave them some on a cracker...").
    clauses = [clause for sentence in read for clause in sentence]
    if len(clauses) < 2 or "?" in question:
        return frozenset()
    opening = [
        terms_of
        for at, clause in enumerate(clauses)
        if clause and (clause[0] in _ASKING or (at == 0 and clause[0] in index.rules.yes_no))
        for terms_of in [set(index.reader.terms(clause))]
        if _names_a_thing(index, terms_of)
    ]
    return frozenset(opening[-1]) if opening else frozenset()


@dataclass(frozen=True)
class _Reading:
    """A question read: its clauses and their terms, the part that asks, and what it only
    wonders about."""

    typed: _Typed
    clauses: list[list[str]]
    """The words of each clause, as read."""
    parts: list[list[str]]
    """The terms of each clause."""
    terms: list[str]
    """The terms of the whole question."""
    calm: frozenset[str]
    """Alarms only wondered about ("Is it blood?"): they make no emergency."""
    focus: frozenset[str]
    """The terms of the part that asks; none when all of it asks."""
    lead_alarms: frozenset[str]
    """The alarms seen in the part that leads several numbered questions."""
    rat_asked: bool
    """The sentences that ask name a rat: another subject said beside them is an aside."""
    eaten_poison: frozenset[str] = frozenset()
    """A poison feared of a thing the rat ate: its emergency leads."""

    @cached_property
    def fixed(self) -> list[str]:
        """The words of the question as read."""
        return [word for clause in self.clauses for word in clause]

    @cached_property
    def asked(self) -> list[str]:
        """The terms searched for: none that only makes the question off-topic."""
        return [term for term in self.terms if term not in OFF]

    @property
    def shown(self) -> tuple[str, ...]:
        return tuple(self.asked)


def _reading(index: _Index, typed: _Typed) -> _Reading:
    """Read the question's sentences and clauses, find the part that asks, and read its
    asides, poisons and the things it names in two languages."""
    read = _sentences_read(index, typed)
    clauses = [clause for sentence in read for clause in sentence]
    parts = _clause_terms(index, clauses)
    # (where a thing came from is no part of the question, unless nothing else is named)
    sourced = _sourced(index, read)
    kept = [[t for t in part if t not in sourced] for part in parts]
    if _names_a_thing(index, {t for part in kept for t in part}):
        parts = kept
    terms = list(dict.fromkeys(term for part in parts for term in part))
    # Alarms only wondered about ("Is it blood?") beside what was seen make no emergency; a
    # sentence asking only about them is no focus either: what was seen is what it asks about.
    calm = (
        _wondered(index, typed.question, read)
        | _resembled(index, read)
        | _asker_takes(index, clauses, parts)
        | _askers_own(index, typed, clauses, parts)
    )
    focus, lead_alarms = _focus(index, typed, read, terms, calm)
    rat_asked, aside = _rats_asked(index, typed, read, parts)
    if aside or (index.subject in focus and OFF_TOPIC not in focus):
        terms = [t for t in terms if t != OFF_TOPIC]
        parts = [[t for t in part if t != OFF_TOPIC] for part in parts]
    reading = _Reading(typed, clauses, parts, terms, calm, focus, lead_alarms, rat_asked)
    reading = _poison_read(index, reading)
    reading = dataclasses.replace(reading, terms=_with_implied(index, reading.terms))
    return _glossed_read(index, reading)


def _rats_asked(
    index: _Index, typed: _Typed, read: list[list[list[str]]], parts: list[list[str]]
) -> tuple[bool, bool]:
    """Whether the sentences that ask name a rat (or a pet by its name), and whether every
    animal other than rats is named only aside, in a clause that neither asks nor names a rat,
    beside one that does."""
    question = typed.question
    clauses = [clause for sentence in read for clause in sentence]
    fixed = [word for clause in clauses for word in clause]
    # Another animal named only in a sentence of context is context when the sentence that
    # asks is about rats ("How big a cage do two rats need? She wanted a hamster one.").
    # ... and so is one named only in clauses that neither name a rat nor ask, beside a clause
    # about rats: "my cat, a male with an interest in garden birds, ... two young rats", "whether
    # grapes are safe for rats, given their toxicity to dogs".
    beside = [at for at, part in enumerate(parts) if OFF_TOPIC in part]

    # A clause asks when it opens with a yes-or-no word, or with a wh-word that opens its
    # sentence or a sentence ending in a question mark ("my rat, who hates the dog, ..." does not).
    asks = [
        bool(clause)
        and (
            clause[0] in index.rules.yes_no
            or (clause[0] in _WH and (first or text.rstrip().endswith("?")))
        )
        for sentence, text in zip(read, _SENTENCE_END.split(question), strict=False)
        for first, clause in zip([True] + [False] * len(sentence), sentence, strict=False)
    ]
    # The sentences that ask: one ending in a question mark or holding a clause that asks;
    # when none does, the whole question. A rat named in them makes the question a rat's, so a
    # word of another subject said beside it (`asides`: the asker's work, a message sent to the
    # wrong chat) does not make it off-topic: "I work overtime, will my rats be lonely".
    # (a pet called by its name right after a yes-or-no word is a rat named: "Can Nibbles
    # have one?", not "who wins, City or Arsenal?")
    asking_sentences: list[list[str]] = []
    named = False
    at = 0
    for sentence, text in zip(read, _SENTENCE_END.split(question), strict=False):
        if text.rstrip().endswith("?") or any(asks[at : at + len(sentence)]):
            asking_sentences.append([w for clause in sentence for w in clause])
            words = index.reader.words(text)
            named = named or any(
                before in index.rules.yes_no and word in typed.names
                for before, word in pairwise(words)
            )
        at += len(sentence)
    rat_asked = named or any(
        _names_a_rat(index, sentence) for sentence in asking_sentences or [fixed]
    )
    aside = (
        bool(beside)
        and len(asks) == len(clauses)
        and any(_names_a_rat(index, clause) for clause in clauses)
        and all(
            clauses[at] and not _names_a_rat(index, clauses[at]) and not asks[at] for at in beside
        )
    )
    return rat_asked, aside


def _poison_read(index: _Index, reading: _Reading) -> _Reading:
    """`reading` with each poison read as pest control, as a food's safety or as feared."""
    terms, parts, calm = reading.terms, reading.parts, reading.calm
    eaten_poison: frozenset[str] = frozenset()
    # Poison put down for wild rats is pest control, unless a rat ate it; said of a food
    # ("are grapes poison"), it asks whether the food is safe.
    # So is a poison only wondered about beside feeding ("I gave them mango, did I poison
    # them?").
    if not index.eating & set(terms):
        read_as = index.food_question if index.things & set(terms) else None
        # (a food said to kill a rat is asked about as a poison is: "grapes'll kill a rat, is
        # that right?"; "how do I kill the rats eating my tomatoes" names the food after)
        poisons = index.unless_eaten | (
            {OFF_SUBJECT}
            if read_as is not None and _said_to_kill(index, reading.clauses)
            else set()
        )
        terms = list(dict.fromkeys((read_as or OFF_SUBJECT) if t in poisons else t for t in terms))
        # (and so in each clause asking whether a thing it names is: "are grapes poison for
        # rats, or is that just dogs"; "had a go at the slug pellets left in the yard, is it
        # poison?" still fears poison)
        if read_as is not None:
            parts = [
                list(dict.fromkeys(read_as if t in poisons else t for t in part))
                if index.things & set(part) and clause[:1] and clause[0] in index.rules.yes_no
                else part
                for part, clause in zip(parts, reading.clauses, strict=True)
            ]
    # ... but a poison wondered about beside something told eaten ("he chewed my houseplant, is
    # the plant poison"; "she ate apple pips, are the pips poison") fears the poison: the rat
    # ate it. (feeding told with a phrase, "I gave them mango", names no eating word of its
    # own, and still asks whether the food is safe)
    elif _told_eaten(index, reading.clauses):
        calm = frozenset(calm - index.unless_eaten)
        eaten_poison = frozenset(index.unless_eaten & set(terms))
    elif index.food_question:
        terms = list(
            dict.fromkeys(
                index.food_question if t in index.unless_eaten and t in calm else t for t in terms
            )
        )
    return dataclasses.replace(
        reading, terms=terms, parts=parts, calm=calm, eaten_poison=eaten_poison
    )


def _said_to_kill(index: _Index, clauses: list[list[str]]) -> bool:
    """A clause names a thing ratbond knows (a food, not an alarm's: "which medicine kills
    them") before a word of killing (`off_topic.killing`) aimed at one rat or at the asker's
    (`killed`: "a", "my", "him"): the thing is said to kill a pet ("apple pips will kill a
    rat"), where pest control would kill rats ("does peanut butter kill rats in the loft")."""
    rules = index.rules.off_topic
    killing, killed = frozenset(rules.killing), frozenset(rules.killed)

    def one_rat(word: str) -> bool:
        return word in killed or (
            not word.endswith("s") and index.reader.terms([word]) == [index.subject]
        )

    return any(
        (index.things - index.alarms) & set(index.reader.terms(clause[:at]))
        for clause in clauses
        for at, word in enumerate(clause[:-1])
        if word in killing and one_rat(clause[at + 1])
    )


def _with_implied(index: _Index, terms: list[str]) -> list[str]:
    """`terms` with what each `implied` rule adds when all its terms are there."""
    terms = list(terms)
    for rule in index.implied:
        if rule.all <= set(terms) and rule.add not in terms:
            terms.append(rule.add)
    return terms


def _glossed_read(index: _Index, reading: _Reading) -> _Reading:
    """`reading` with a thing named in two languages read as its English name."""
    # A thing given its name in English ("a pear, what foreigners call avocado", "mamão, in
    # English is papaya") is that thing: the other name is the asker's own word for it.
    glossed = _glossed(index, reading.fixed)
    if glossed is None:
        return reading
    glossed_thing, said = glossed
    dropped = (index.single_things | said) - {glossed_thing}
    focus = reading.focus
    # (the English name is asked about where the other name was)
    if focus & dropped:
        focus = frozenset(focus - dropped) | {glossed_thing}
    return dataclasses.replace(
        reading,
        terms=[t for t in reading.terms if t not in dropped],
        parts=[[t for t in part if t not in dropped] for part in reading.parts],
        focus=focus,
    )


@dataclass(frozen=True)
class _Search:
    """What the entries are ranked by, besides the reading."""

    views: list[list[str]]
    """The terms of the whole question, and of each clause alone when it has several: the
    question may be one of them and the rest context ("They keep begging for my sandwich")."""
    about_rats: bool
    """A rat is named on its own, even where a phrase took the word ("bit my rat")."""
    named: frozenset[str]
    """The animals other than rats named beside a rat."""
    absent: frozenset[str]
    """The animals other than rats not named: an entry about one does not suit the question."""


def _search(index: _Index, reading: _Reading) -> _Search:
    """What the entries are ranked by for `reading`."""
    asked = reading.asked
    views = [asked]
    if len(reading.parts) > 1:
        views += [[t for t in part if t not in OFF] for part in reading.parts]
    about_rats = _names_a_rat(index, reading.fixed)
    others = index.animals - {index.subject}
    named = frozenset(other for other in others if other in asked and about_rats)
    absent = frozenset() if OFF_TOPIC in reading.terms else others - set(asked)
    return _Search([view for view in views if view], about_rats, named, absent)


def _ranked(index: _Index, reading: _Reading, search: _Search) -> list[Ranked]:
    """The entries ranked for the whole question, an answer before a reference entry."""
    asked, rules = reading.asked, index.rules
    ranked = index.rank(asked, search.named, reading.focus, search.absent, reading.calm)
    # A food the part of the question that asks names by the whole of its name ("can they share
    # my ice cream", "blueberries") is what it asks about: its entry goes before the general
    # answers on eating (`named_thing.before`) when those do not name it.
    if ranked and index.docs[ranked[0][3]].id in index.rules.named_thing.before:
        thing = _named_thing(index, reading, ranked)
        if thing is not None:
            return _put_first(thing, ranked)
    # Of two entries nearly as good, the one written as an answer (a FAQ) goes before a reference
    # entry (a checklist, a program) when it covers as much of the question; a sign's own entry
    # says what that one sign means, and keeps its place.
    if ranked and index.docs[ranked[0][3]].kind not in ("faq", "sign"):
        top = ranked[0]
        answer = next(
            (
                row
                for row in ranked[1:]
                if row[0] >= rules.near_best * top[0]
                and index.docs[row[3]].kind == "faq"
                and row[1] >= top[1]
                and row[2] >= rules.min_strong_share
            ),
            None,
        )
        # (... but not a general answer on eating before a food the question asks about by
        # name: "can rats eat blueberries? ... the daily veg rotation")
        if answer is not None and not (
            index.docs[answer[3]].id in rules.named_thing.before
            and _named_wholly(index, top, reading)
            and not _named_thing_held(index, answer, top, reading)
        ):
            ranked = _put_first(answer, ranked)
    # ... but a program named in its title by a thing the question asks for, which the FAQ
    # speaks of only as one case of its own subject ("teach him to spin", "to fetch": the FAQ on
    # tricks), is what is asked: it goes first when it covers as much and scores near enough.
    elif ranked:
        top = ranked[0]
        top_title = index.entries[top[3]].title
        program = next(
            (
                row
                for row in ranked[1:]
                if index.docs[row[3]].kind == "program"
                and row[0] >= rules.named_program * top[0]
                and row[1] >= top[1]
                and any(
                    t in index.entries[row[3]].title
                    and t not in top_title
                    and index.entries[top[3]].weight(t, frozenset(asked), rules)
                    for t in asked
                    if t in index.program_named
                )
            ),
            None,
        )
        if program is not None:
            ranked = _put_first(program, ranked)
    return ranked


def _named_wholly(index: _Index, row: Ranked, reading: _Reading) -> frozenset[str]:
    """The name of the entry of `row` when it is of `named_kinds` and the part of the question
    that asks (`focus`, else all of it) holds all of that name ("ice cream"), else nothing."""
    asking = reading.focus or frozenset(reading.asked)
    return next((name for name in index.whole_names.get(row[3], ()) if name <= asking), frozenset())


def _named_thing_held(index: _Index, general: Ranked, thing: Ranked, reading: _Reading) -> bool:
    """The general entry `general` names, in its title or keywords, a word of the name of
    `thing` or another food the question names: "mine get pellets and some broccoli, how
    much should they eat" asks about the whole diet."""
    asked = frozenset(reading.asked)
    entry = index.entries[general[3]]
    return any(entry.strongly_holds(t, asked) for t in _named_wholly(index, thing, reading)) or any(
        entry.strongly_holds(t, asked) for t in asked if t in index.named
    )


def _named_thing(index: _Index, reading: _Reading, ranked: list[Ranked]) -> Ranked | None:
    """The best-ranked food the question asks about by its whole name, scoring at least
    `named_thing.share` of the best, when the best entry names none of its name's words."""
    # (nor ahead of an emergency scoring nearly as well as the best, which the emergencies'
    # rules weigh: "a sweet little chap ... was set upon by our tabby")
    if any(
        index.docs[row[3]].urgent
        for row in ranked
        if row[0] >= index.rules.urgent_margin * ranked[0][0]
    ):
        return None
    for row in ranked[1:]:
        if row[0] < index.rules.named_thing.share * ranked[0][0]:
            return None
        if _named_wholly(index, row, reading) and not _named_thing_held(
            index, ranked[0], row, reading
        ):
            return row
    return None


def _put_first(row: Ranked, ranked: list[Ranked]) -> list[Ranked]:
    """`ranked` with `row` moved to the front."""
    return [row, *(other for other in ranked if other is not row)]


def _pet_words(index: _Index, as_read: list[str]) -> set[str]:
    """The words for a pet (`people.pets`) the question holds."""
    return {pet for pet in index.rules.people.pets if _holds(as_read, pet)}


def _ate_aside(index: _Index, reading: _Reading, search: _Search) -> bool:
    """A rat ate something: an aside's thing a rat ate is only a thing eaten ("my rat licked
    some brake fluid" asks about the rat)."""
    return search.about_rats and bool(index.eating & set(reading.asked))


def _off_subject(index: _Index, reading: _Reading, search: _Search) -> bool:
    """The question is off-topic unless an emergency answers it: another subject, an animal
    ratbond does not cover, or pest control."""
    as_read = reading.typed.as_read
    # Naming a rat excuses another animal in an emergency, never pest control.
    # ... and an alarm seen (not only wondered about) outweighs the words of another subject
    # said beside it (`asides`: a phone's use, travel): "my rat is bleeding, on phone to the
    # vet" is the bleeding; silence or trivia would cost time. (An emergency entry must still
    # name that alarm to answer, and the question must name a rat, a pet word or a pronoun
    # that may stand for one: "how much does the moon weigh" is no rat's weight.)
    # (an alarm common in other subjects, `plain_alarms`, outweighs none: "he caught the train")
    alarmed = any(
        t in index.alarms and t not in reading.calm and t not in index.plain_alarms
        for t in reading.asked
    ) and (
        search.about_rats
        or bool(index.pronouns & set(as_read))
        or any(_holds(as_read, pet) for pet in index.rules.people.pets)
    )
    # ... and so does an alarm common in other subjects told in a clause naming a rat ("the
    # cat got my rat", "my rat is losing weight")
    alarmed = alarmed or any(
        _names_a_rat(index, clause)
        and any(
            t in index.plain_alarms and t not in reading.calm for t in index.reader.terms(clause)
        )
        for clause in reading.clauses
    )
    # A cat's catch of a rat told with a pet word or a pronoun that may stand for the rat ("the
    # cat got the rat in the kitchen, had him right in its mouth") is the owner's rat, never
    # pest control; poison put down where a cat may find it ("won't hurt the cat") is.
    # (what a cat did to a rat is what an `implied` rule adds beside it; a singular pronoun,
    # "him", "she", is a pet's: "them" may be wild rats a cat is to catch)
    deeds = {
        rule.add
        for rule in index.implied
        for other in index.animals - {index.subject}
        if other in reading.asked and other in rule.all
    }
    cats_catch = bool(deeds & set(reading.asked)) and (
        bool(index.singular & set(as_read))
        or any(_holds(as_read, pet) for pet in index.rules.people.pets)
    )
    # ... and so is poison put down for wild rats or mice that the owner's rat ate ("my rat ate
    # the poison the landlord put down for the bush rats"); wild rats eating stay pest control.
    stems = [index.reader.stem(word) for word in as_read]
    owned_rat = any(pair in index.reader.owned for pair in pairwise(stems))
    ate_poison = _told_eaten(index, reading.clauses) and bool(
        set(reading.terms) & index.alarms & (index.eating | index.unless_eaten)
    )
    # ... and so is a word of another subject beside the owner's rat told to have bitten
    # someone who bleeds: "one of the boys sank his teeth into my hand, it bled, and I am on
    # warfarin" is a bite, not rat poison (not "wild rats bit my girls", nor a bite feared)
    owned = owned_rat or any(_holds(as_read, pet) for pet in index.rules.people.pets)
    told = {t for t in reading.asked if t not in reading.calm}
    bites = {index.reader.term(word) for word in index.rules.people.unless}
    harmed = (
        owned
        and bool(told & bites)
        and bool(told & {index.reader.term(word) for word in index.rules.off_topic.wounds})
        and not any(_holds(as_read, word) for word in index.rules.off_topic.words)
    )
    return (
        (
            OFF_SUBJECT in reading.terms
            and not cats_catch
            and not (owned_rat and ate_poison)
            and not harmed
        )
        or (
            OFF_TOPIC in reading.terms
            and not search.about_rats
            and not (alarmed and _pet_named_beside(index, reading))
        )
        or (
            OFF_ASIDE in reading.terms
            and not alarmed
            and not _ate_aside(index, reading, search)
            and not reading.rat_asked
        )
    )


def _pet_named_beside(index: _Index, reading: _Reading) -> bool:
    """A pet is named by a name that is not another animal's own, right after its word ("our
    dog Rex"): with an alarm seen, another animal's deed on it is its emergency ("the Dackel of
    my neighbour has Fritzi caught and shaken, she bleeds")."""
    words = reading.typed.words
    own = {
        words[at + 1]
        for at, word in enumerate(words[:-1])
        if index.reader.terms([word]) == [OFF_TOPIC]
    }
    return bool(reading.typed.names - own)


def _wild_rats(index: _Index, reading: _Reading, search: _Search, pet_words: set[str]) -> bool:
    """The question is about rats no one owns where wild ones live (`off_topic.wild`): rats
    named, none of them owned (no owner's word up to three words before one, pet word, word of
    kept rats, or "he" or "she"), in one of its `places`, doing one of its `deeds` or asked
    about in one of its `asks` ("rats in the workshop chewing through the wiring loom, what
    bait works on them"). Pest control."""
    wild = index.rules.off_topic.wild
    as_read = reading.typed.as_read
    # (a rat called he or she is someone's: "Pip is living under the shed, how do I catch her")
    if wild is None or not search.about_rats or index.singular & set(as_read):
        return False
    stems = [index.reader.stem(word) for word in as_read]
    # (an owner's word up to three words before a rat: "my two rats", "our new rats")
    near = [
        at
        for at, word in enumerate(as_read)
        if index.reader.terms([word]) == [index.subject]
        and set(as_read[max(at - 3, 0) : at]) & set(index.rules.possessives)
    ]
    if (
        near
        or any(pair in index.reader.owned for pair in pairwise(stems))
        or pet_words
        or any(_holds(as_read, word) for word in wild.kept)
    ):
        return False
    return any(_holds(as_read, place) for place in wild.places) and any(
        _holds(as_read, cue) for cue in (*wild.deeds, *wild.asks)
    )


def _a_persons(index: _Index, reading: _Reading, search: _Search, pet_words: set[str]) -> bool:
    """The question is about a person, not a rat."""
    as_read, names = reading.typed.as_read, reading.typed.names
    # A question about a person, with no rat, no cat and no word that may stand for one in it,
    # is that person's ("my toddler has a fever"): nothing here answers it.
    # ... and so is one whose pronouns all stand for a person named before them ("my gran says
    # her knee hurts"), or that names a part of a person's body no rat's question names alone.
    # (a child told by its age, "a 2 year old", is a person named)
    # (never beside an alarm told in a clause that does not ask: "we adopted a 2 year old,
    # she's having seizures" is a rat's; "should I cut them up" asks)
    openers = frozenset(index.rules.yes_no)
    told = {
        term
        for clause in reading.clauses
        if clause and clause[0] not in openers
        for term in index.reader.terms(clause)
        if term in index.alarms and term not in reading.calm
    }
    aged = set() if told else _aged(index, as_read)
    as_people = [index.rules.people.aged_as if at in aged else w for at, w in enumerate(as_read)]
    standing = set() if names or pet_words else _standing_for_people(index, as_people)
    # (a pet named beside it may be the one ill: "I noticed that Squeak has a cough")
    asker_ill = not names and _of_the_asker(index, as_read, standing)
    return (
        (
            index.people & set(reading.asked)
            or bool(aged)
            or asker_ill
            or (index.body & set(as_read) and not names)
            or (
                index.cooking & set(as_read)
                and index.cooking_asks & set(reading.asked)
                # (never beside eating, a symptom, an alarm, or a pronoun that may be a rat's:
                # "how long after eating a cooked chicken bone will symptoms show")
                and not (index.eating | index.alarms) & set(reading.asked)
                and not (index.cooking_unless | index.pronouns) & set(as_read)
            )
        )
        and not index.not_people & set(reading.asked)
        # (a rat set aside, "asking for me, not my rat", names none: `search.about_rats` says)
        and not (index.animals - {index.subject}) & set(reading.asked)
        # (a rat's cage is no rat: "could my cough be from cleaning the rat cage")
        and (not search.about_rats or (asker_ill and _rats_only_housed(index, reading.fixed)))
        and not pet_words
        and all(at in standing for at, w in enumerate(as_read) if w in index.pronouns)
    ) or (
        any(_holds(as_read, word) for word in index.rules.people.human)
        and not index.not_people & set(reading.asked)
        and not search.about_rats
    )


def _rats_only_housed(index: _Index, words: list[str]) -> bool:
    """Every rat of `words` only says whose a thing of `housing` is ("the rat cage"), or when
    the asker got them (`acquired`: "since we got the rats")."""
    rats = [at for at, word in enumerate(words) if index.reader.terms([word]) == [index.subject]]
    housing = index.rules.housing
    acquired = index.rules.acquired

    def dated(at: int) -> bool:
        before = words[max(0, at - acquired.within) : at]
        opens = [n for n, word in enumerate(before) if word in acquired.after]
        return bool(opens) and any(word in acquired.verbs for word in before[opens[0] :])

    return bool(rats) and all(
        (at + 1 < len(words) and words[at + 1] in housing) or dated(at) for at in rats
    )


def _rat_only_named(index: _Index, reading: _Reading, search: _Search, pet_words: set[str]) -> bool:
    """The question says the word for a rat, but of no rat."""
    # A question whose every rat is only set aside, likened to or a name given to someone ("why
    # do people call my ex a rat"), with no pet word, no pronoun that may stand for a rat and no
    # other animal ratbond covers, is about no rat.
    # (a pronoun there may stand for the one called a rat: "my pal's a total rat, how do I
    # get him back")
    words = reading.fixed
    called = any(
        index.reader.terms([w]) == [index.subject] and _informs(index, words, at)
        for at, w in enumerate(words)
    )
    return (
        not search.about_rats
        and any(index.reader.terms([w]) == [index.subject] for w in words)
        and not pet_words
        and (called or not index.pronouns & set(reading.typed.as_read))
        and not (index.animals - {index.subject}) & set(reading.asked)
    )


def _animals_own(index: _Index, reading: _Reading, search: _Search, pet_words: set[str]) -> bool:
    """The question is about the health of an animal covered only beside rats (a cat)."""
    as_read = reading.typed.as_read

    # An animal covered only beside rats (a cat) with an ailment of its own, as a person would
    # have one ("my cat keeps being sick after eating grass", "12yo cat, wt loss 15%"), in a
    # question with no rat, pet word or pronoun that may stand for one, is that animal's health,
    # unless what it did to a rat is implied ("cat got in the cage, a wound on the back": caught).
    # (a pronoun after the animal, in a question naming no rat, stands for it: "my cat keeps
    # being sick, she's 14"; a pet named by name may be the one ill: "my cat licked Nibbles,
    # could she get sick" is Nibbles', but a name right after the owner's animal's word, with
    # nothing between, is its own: "our cat Winston is being sick"; not "we got a cat, Pip has
    # lost weight", nor "since we got the cat Nibbles has been sick")
    def named_at(other: str) -> set[int]:
        return {at for at, w in enumerate(as_read) if index.reader.terms([w]) == [other]}

    def its_names(other: str) -> frozenset[str]:
        # (right after it, or set off by commas: "our cat, Tolstoy, has been losing weight")
        words = reading.typed.words
        asked = reading.typed.question.lower()
        return frozenset(
            words[at + 1]
            for at, w in enumerate(as_read[:-1])
            if at > 0
            and index.reader.terms([w]) == [other]
            and words[at - 1] in index.rules.possessives
            and (
                f"{words[at]} {words[at + 1]}" in asked or f"{words[at]}, {words[at + 1]}," in asked
            )
        )

    pronouns = [at for at, w in enumerate(as_read) if w in index.pronouns]
    # (its own ailments, `animals_own`, count in a question naming no rat's home and no one the
    # animal did something to: "my cat keeps staring at her, she's stopped eating" may be the
    # rat's; "her limp" is no one done to)
    people = index.rules.people
    firsts = {text.split()[0] for text in (*people.own, *people.animals_own)}
    # (one the asker does something to, the asker named at most three words before it, is
    # the animal itself: "what ought I to feed him")
    askers = frozenset(people.asker)
    objects = [
        at
        for at in pronouns
        if as_read[at] in people.objects
        and not (at + 1 < len(as_read) and as_read[at + 1] in firsts)
        and askers.isdisjoint(as_read[max(at - 3, 0) : at])
    ]
    its_own = not objects and not set(as_read) & set(index.rules.housing)

    asked_text = reading.typed.question.lower().replace("\u2019", "'")

    def whose(at: int) -> bool:
        # after a possessive, or someone's with an apostrophe: "the old lady's cat"
        before = reading.typed.words[at - 1]
        return before in index.rules.possessives or (
            before.endswith("s") and f"{before[:-1]}'s {reading.typed.words[at]}" in asked_text
        )

    def standing(named: set[int]) -> set[int]:
        # the animal's word, and a pronoun after someone's own animal, which stands for it: "my
        # cat ate a hair tie and now she's throwing up", "the old lady's cat ... she's floppy"
        owned = any(at and whose(at) for at in named)
        return named | (set(pronouns) - set(objects) if owned else set())

    def ill(other: str) -> bool:
        named = named_at(other)
        # (what it did to a rat is implied unless a pronoun after someone's own animal tells
        # the ailment: "the old lady's cat was shut in for two days, she's floppy")
        deed = any(rule.add in reading.asked for rule in index.implied if other in rule.all)
        return (
            not (reading.typed.names - its_names(other))
            and other in reading.asked
            and all(at > min(named, default=len(as_read)) for at in pronouns)
            and (not deed or len(standing(named)) > len(named))
            and _of_the_asker(index, as_read, standing(named), animal=its_own)
        )

    def cared_for(other: str) -> bool:
        # "is that dangerous for a cat?": the one a thing is for
        return any(
            (before := _past_articles(index, as_read, at)) >= 0
            and as_read[before] in index.rules.benefits
            for at in named_at(other)
        )

    return (
        not search.about_rats
        and not pet_words
        and any(ill(other) or cared_for(other) for other in index.animals - {index.subject})
    )


def _emergencies_first(
    index: _Index,
    reading: _Reading,
    search: _Search,
    ranked: list[Ranked],
    off_topic: bool,
    now: _Now,
) -> list[Ranked]:
    """`ranked` with the emergency the question names first, when it names one."""
    ranked = _urgent_first(index, reading, search, ranked, off_topic)
    ranked = _leading_part_urgent_first(index, reading, search, ranked, off_topic)
    ranked = _gravest_first(index, reading, search, ranked, off_topic, now.grave)
    return _happening_first(index, reading, search, ranked, off_topic, now.happening)


def _urgent_first(
    index: _Index, reading: _Reading, search: _Search, ranked: list[Ranked], off_topic: bool
) -> list[Ranked]:
    """`ranked` with an emergency nearly as good as the best, or named by a clause alone,
    first."""
    asked, rules = frozenset(reading.asked), index.rules
    # Emergencies come first: the best-ranked one the question names goes before a better
    # match when it is nearly as good in score and coverage ("wheezy, a crackly noise when
    # breathing" is trouble breathing before it is a squeak).
    # So does one a sentence or clause names alone, whatever the rest asks ("can they have
    # banana, and by the way she's been bleeding since this morning"), unless the better match
    # speaks of that alarm too ("red crusty stuff round her eyes, is it blood?").
    margin = rules.urgent_margin
    best = index.entries[ranked[0][3]] if ranked else None
    for view, rows in [(search.views, ranked)] + [
        ([view], index.rank(view, search.named, frozenset(), search.absent, reading.calm))
        for view in search.views[1:]
        if best is not None
        and not any(best.weight(t, asked, rules) for t in view if t in index.alarms)
    ]:
        urgent = next((row for row in rows if index.docs[row[3]].urgent), None)
        if (
            urgent
            and urgent[0] >= margin * rows[0][0]
            and urgent[1] >= margin * rows[0][1]
            and any(
                _an_emergency(index, terms_of, urgent, off_topic, reading.calm) for terms_of in view
            )
        ):
            first = next(row for row in ranked if row[3] == urgent[3])
            return _put_first(first, ranked)
    return ranked


def _leading_part_urgent_first(
    index: _Index, reading: _Reading, search: _Search, ranked: list[Ranked], off_topic: bool
) -> list[Ranked]:
    """`ranked` with the emergency of the part that leads numbered questions first."""
    asked = frozenset(reading.asked)
    # In numbered questions, the emergency of the part that leads goes first, before one named
    # by an alarm of another part ("1) what is normal weight 2) he is bleeding").
    if not reading.lead_alarms or not ranked:
        return ranked
    lead = [t for t in reading.terms if t in reading.focus and t not in OFF]
    leading = next(
        (
            row
            for row in ranked
            if index.docs[row[3]].urgent
            and any(index.entries[row[3]].strongly_holds(t, asked) for t in reading.lead_alarms)
            and _an_emergency(index, lead, row, off_topic, reading.calm)
        ),
        None,
    )
    return ranked if leading is None else _put_first(leading, ranked)


def _gravest_first(
    index: _Index,
    reading: _Reading,
    search: _Search,
    ranked: list[Ranked],
    off_topic: bool,
    grave: frozenset[str],
) -> list[Ranked]:
    """`ranked` with the emergency of the alarm that threatens life now (`grave`) first."""
    if index.not_people & set(reading.asked):
        return ranked
    return _alarm_first(index, reading, search, ranked, off_topic, grave, grave)


def _happening_first(
    index: _Index,
    reading: _Reading,
    search: _Search,
    ranked: list[Ranked],
    off_topic: bool,
    happening: frozenset[str],
) -> list[Ranked]:
    """`ranked` with the emergency of an alarm told as happening now (`happening`: "is
    bleeding") first, when no emergency is first already."""
    if not ranked or index.docs[ranked[0][3]].urgent:
        return ranked
    return _alarm_first(index, reading, search, ranked, off_topic, happening, happening)


def _alarm_first(
    index: _Index,
    reading: _Reading,
    search: _Search,
    ranked: list[Ranked],
    off_topic: bool,
    alarms: frozenset[str],
    now: frozenset[str],
) -> list[Ranked]:
    """`ranked` with the best emergency that holds one of `alarms` in its title or keywords
    first, when it answers the question (`_an_emergency`, whatever else it asks for an alarm
    of `now`)."""
    asked = frozenset(reading.asked)
    if not alarms:
        return ranked
    found = next(
        (
            row
            for row in ranked
            if index.docs[row[3]].urgent
            and any(index.entries[row[3]].strongly_holds(t, asked) for t in alarms)
            and any(
                _an_emergency(index, view, row, off_topic, reading.calm, now)
                for view in search.views
            )
        ),
        None,
    )
    return ranked if found is None else _put_first(found, ranked)


@dataclass(frozen=True)
class _Now:
    """The alarms a question tells as the rat's now, read once per question."""

    grave: frozenset[str]
    """Those that threaten its life (`grave`: "not breathing", "won't stop bleeding"), and a
    poison feared of a thing told eaten ("is the green potato poison, he ate a whole one")."""
    happening: frozenset[str]
    """Those told as happening (`happening`: "she is bleeding")."""


def _now(index: _Index, reading: _Reading) -> _Now:
    """The alarms `reading` tells as the rat's now (`_told_now`)."""
    rules = index.rules
    return _Now(
        _told_now(index, reading, rules.grave) | reading.eaten_poison,
        _told_now(index, reading, rules.happening),
    )


def _told(index: _Index, reading: _Reading, phrases: Iterable[str]) -> frozenset[str]:
    """The alarms `phrases` tell in the question, not only wondered about, of no person's
    (beside a bite the blood is the person's: the bite leads)."""
    if index.not_people & set(reading.asked):
        return frozenset()
    return frozenset(
        t
        for phrase in phrases
        if _holds(reading.typed.as_read, phrase.casefold())
        for t in index.reader.terms(phrase.casefold().split())
        if t in index.alarms and t not in reading.calm
    )


def _told_now(index: _Index, reading: _Reading, phrases: Iterable[str]) -> frozenset[str]:
    """The alarms of `phrases` told as the rat's now (`_told`), each in a clause where no word
    of `people.asker` nor another animal stands in the two words before it ("I was gasping for
    air", "my son cannot breathe", "my dog is choking"), no word of `not_now` before it ("it
    looks like he's bleeding", "he used to have mouth breathing") and none of `gone_by` after
    it ("ate rat poison last month"); a word of `condition_ends` between ends the reach of
    `not_now` ("like a clicking noise and his sides going in and out")."""
    told = _told(index, reading, phrases)
    if not told:
        return told
    rules = index.rules
    persons = frozenset(rules.people.asker) - frozenset(rules.possessives)
    others = (index.animals - {index.subject}) | {OFF_TOPIC}
    not_now, gone_by = frozenset(rules.not_now), frozenset(rules.gone_by)
    ends = frozenset(rules.condition_ends)

    def someone_else(words: list[str]) -> bool:
        return not persons.isdisjoint(words) or bool(others & set(index.reader.terms(words)))

    now: set[str] = set()
    for phrase in phrases:
        words = phrase.casefold().split()
        for clause in reading.clauses:
            for at in range(len(clause) - len(words) + 1):
                if (
                    clause[at : at + len(words)] == words
                    and not someone_else(clause[max(0, at - 2) : at])
                    and not_now.isdisjoint(clause[_reach_start(clause, at, ends) : at])
                    and gone_by.isdisjoint(clause[at + len(words) :])
                ):
                    now.update(t for t in index.reader.terms(words) if t in told)
    return frozenset(now)


def _reach_start(clause: list[str], at: int, ends: frozenset[str]) -> int:
    """Where the words before `at` that may qualify it begin: after the last word of `ends`
    before it ("breathing weird like a clicking noise and his sides going in and out": the
    likening ends at "and")."""
    return next((i + 1 for i in range(at - 1, -1, -1) if clause[i] in ends), 0)


def _chosen(
    index: _Index,
    reading: _Reading,
    search: _Search,
    ranked: list[Ranked],
    pet_words: set[str],
    limit: int,
) -> AskResult:
    """The answer to a question no emergency answers: the entry sure to answer it, else the
    general entry for what it names, else none."""
    ranked = _of_other_animals(index, reading, search, ranked)
    kept, named_all = _kept(index, reading, ranked)
    eaten = _eaten(index, reading)
    sure = _sure_entry(index, reading, search, kept, pet_words)
    if sure is not None and not _misleads(index, reading, sure, eaten, named_all):
        return _answered(index, reading, _put_first(sure, kept), index.rules.floor, limit)
    fallback = _fallback(index, reading, eaten, named_all)
    if fallback is not None:
        return _answered(index, reading, [fallback], index.rules.floor, limit)
    return _unanswered(index, reading, "unsure", ranked[0][1] if ranked else 0.0)


def _of_other_animals(
    index: _Index, reading: _Reading, search: _Search, ranked: list[Ranked]
) -> list[Ranked]:
    """`ranked` without the entries that do not answer about an animal other than rats that a
    question naming no rat asks about."""
    asked, asked_set = reading.asked, frozenset(reading.asked)
    # A question that names an animal covered only beside rats (a cat), and no rat, is about
    # that animal's own care ("can cats eat tuna") unless an entry about both holds the word;
    # a food entry never does, as every one says what a rat may eat (cat food included).
    for other in index.animals - {index.subject}:
        if other in asked and not search.about_rats:
            ranked = [
                row
                for row in ranked
                if index.docs[row[3]].kind != "food"
                and index.entries[row[3]].strongly_holds(other, asked_set)
                and _names_more_than_animals(index, asked, row)
            ]
    return ranked


def _kept(index: _Index, reading: _Reading, ranked: list[Ranked]) -> tuple[list[Ranked], bool]:
    """The entries of `ranked` about what the question asks, and whether all of them are."""
    asked, asked_set, focus, rules = (
        reading.asked,
        frozenset(reading.asked),
        reading.focus,
        index.rules,
    )
    # An entry of a kind that answers about one named thing (a food) answers only a question
    # that names it: "is mango safe" is not about the dried fruit whose alias holds a mango.
    # A sentence that asks, in words ratbond knows, without naming a thing of those entries
    # ("Is tap water safe? Should I only use bottled?") asks about the thing named before it.
    naming_terms = list(focus) or asked
    # (a word ratbond does not know but common in English, "limit", names no such thing either)
    common = {
        index.reader.stem(word)
        for word in reading.fixed
        if word not in index.vocabulary and word.isalpha() and common_english(word)
    }
    if focus and all(t in index.idf or t in common for t in focus) and not focus & index.named:
        naming_terms = asked
    kept = _naming(index, ranked, naming_terms, asked_set)
    named_all = len(kept) == len(ranked)
    # An entry that shares only the kind of answer wanted ("how often") is about something else.
    topical = [t for t in asked if t not in index.frames and t != index.subject]
    kept = [
        row
        for row in kept
        if any(index.entries[row[3]].strongly_holds(t, asked_set) for t in topical)
    ]
    # ... and when the sentence that asks asks only whether a rat may eat a thing (a word of a
    # food's name, or one ratbond does not know), an entry about none of its words is about the
    # context: "Can I give him manga? He love manga very much" asks about the mango, not love.
    eats = focus & set(rules.fallbacks)
    things = focus - eats - index.frames - {index.subject}
    if eats and things and all(t in index.food_words or t not in index.idf for t in things):
        kept = [
            row
            for row in kept
            if any(
                index.entries[row[3]].strongly_holds(t, asked_set) for t in focus - {index.subject}
            )
        ]
    return kept, named_all


def _sure_entry(
    index: _Index, reading: _Reading, search: _Search, kept: list[Ranked], pet_words: set[str]
) -> Ranked | None:
    """The entry of `kept` that covers enough of the question to answer it."""
    asked, rules = reading.asked, index.rules
    # The best-ranked entry decides: when it covers too little of the question (or of any one
    # of its sentences), ratbond is not sure.
    # Entries scoring nearly as well as the best are as good a reading of the question: the
    # first of them that covers enough of it answers.
    near = [row for row in kept if row[0] >= rules.near_best * kept[0][0]] if kept else []
    sure = next(
        (row for row in near if any(_sure(index, view, row) for view in search.views)), None
    )
    # A question about the owner's rat, answered well ahead by one entry, is answered even when
    # many of its words are unknown, so long as those are no English words (another language,
    # a dialect): an English word ratbond does not know is a subject it does not cover.
    # (a pet called by its name is the owner's: "Can Yale have one?")
    # (... and so is one a pronoun stands for, unless it stands for a person named before it:
    # "fine for them?", not "my son ... he is dyslexic")
    owned = (
        search.about_rats
        or bool(pet_words)
        or bool(reading.typed.names)
        or _pronoun_for_a_pet(index, reading.typed.as_read)
    )
    english = {
        index.reader.stem(word)
        for word in reading.fixed
        if word in reading.typed.names or common_english(word)
    }
    foreign = frozenset(t for t in asked if t not in index.idf and t not in english)
    if (
        sure is None
        and owned
        and foreign
        and rules.owned_lead
        and kept
        and (len(kept) < 2 or kept[1][0] <= rules.owned_lead * kept[0][0])
        and any(_sure(index, view, kept[0], foreign) for view in search.views)
    ):
        sure = kept[0]
    # A thing named by the whole of one of its names, well ahead of every other entry, in a
    # question about the owner's rats, answers however much else the question tells: "our club
    # captain hands out licorice allsorts after matches. Are those ok for rats?"
    if (
        sure is None
        and owned
        and kept
        and index.docs[kept[0][3]].kind in rules.named_kinds
        and _named_wholly(index, kept[0], reading)
        and (len(kept) < 2 or kept[1][0] <= rules.owned_lead * kept[0][0])
    ):
        sure = kept[0]
    return sure


def _eaten(index: _Index, reading: _Reading) -> Eaten | None:
    """The rule for a thing already eaten (`eaten`), when the question tells of one."""
    rules = index.rules
    # (a word of `with_a_thing`, "sup", "lapped", only with a thing drunk after it)
    eaten_words = set(reading.typed.words) & set(rules.eaten.words) if rules.eaten else set()
    if rules.eaten and eaten_words <= set(rules.eaten.with_a_thing):
        eaten_words = {
            word
            for clause in reading.clauses
            for at, word in enumerate(clause)
            if word in eaten_words and _drunk(index, clause[at + 1 :])
        }
    return rules.eaten if eaten_words else None


def _misleads(
    index: _Index, reading: _Reading, sure: Ranked, eaten: Eaten | None, named_all: bool
) -> bool:
    """The entry sure to answer answers another question than the one asked."""
    asked, rules = reading.asked, index.rules
    # A thing a rat already ate is no longer a question of what it may eat: the general answer
    # about eating (a fallback's entry) gives way to the eaten one.
    if eaten:
        return index.docs[sure[3]].id in rules.fallbacks.values()
    # Nor does an emergency answer a question of what a rat may eat that names none of its
    # alarms ("I gave them mango, is mango safe?"): it shares only the eating.
    return (
        not named_all
        and index.docs[sure[3]].urgent
        and any(t in rules.fallbacks for t in asked)
        and not any(
            index.entries[sure[3]].strongly_holds(t, frozenset(asked))
            for t in asked
            if t in index.alarms and t not in reading.calm
        )
    )


def _fallback(
    index: _Index, reading: _Reading, eaten: Eaten | None, named_all: bool
) -> Ranked | None:
    """The general entry for a thing no entry names, or for a thing already eaten."""
    asked, rules = reading.asked, index.rules
    # A thing set aside so, asked about in a way a general entry answers ("can they have
    # pistachios": the treats), gets that entry.
    fallback = next((rules.fallbacks[t] for t in asked if t in rules.fallbacks), None)
    # Already eaten, it may have done harm: the emergency says what to do now.
    if eaten:
        fallback, named_all = eaten.fallback, False
    if fallback is None or named_all:
        return None
    number = next(i for i, doc in enumerate(index.docs) if doc.id == fallback)
    return (0.0, *index.cover(number, asked), number)


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
    reading = _reading(index, _typed(index, question))
    if _a_sum(index, reading.typed.words):
        return _unanswered(index, reading, "off_topic")
    if not reading.asked:
        return _unanswered(index, reading, "off_topic" if reading.terms else "no_words")
    search = _search(index, reading)
    ranked = _ranked(index, reading, search)
    pet_words = _pet_words(index, reading.typed.as_read)
    if _a_persons(index, reading, search, pet_words) or _rat_only_named(
        index, reading, search, pet_words
    ):
        return _unanswered(index, reading, "off_topic")
    # An animal's own health is found before the emergencies: "Pt 12yo cat, wt loss 15%" is no
    # rat's weight loss.
    animals_own = _animals_own(index, reading, search, pet_words)
    wild = _wild_rats(index, reading, search, pet_words)
    off_topic = _off_subject(index, reading, search) or animals_own or wild
    now = _now(index, reading)
    ranked = _emergencies_first(index, reading, search, ranked, off_topic, now)
    # (a threat to life, or an alarm happening now, told as the rat's now, is answered whatever
    # else is asked)
    if ranked and any(
        _an_emergency(index, view, ranked[0], off_topic, reading.calm, now.grave | now.happening)
        for view in search.views
    ):
        # An emergency is answered even amid noise, and even beside another animal ("my dog
        # bit my rat"): a frightened owner types fast, and trivia or silence would cost time.
        return _answered(index, reading, ranked, index.rules.urgent_floor, limit)
    # (a thing a rat ate, or a rat named where the question asks, outweighs an aside)
    outweighed = {OFF_ASIDE} if _ate_aside(index, reading, search) or reading.rat_asked else set()
    if animals_own or wild or (OFF - outweighed) & set(reading.terms):
        return _unanswered(index, reading, "off_topic")
    return _chosen(index, reading, search, ranked, pet_words, limit)


# Where a sentence ends (the end kept with it), and where a clause inside one does: at a comma,
# a semicolon, a colon, a dash, or where a story turns to what is wanted ("... and now I want
# to teach her tricks"), or where it turns to another case ("... for rats, or is that just dogs").
# (an abbreviation's full stop ends none: "e.g.", "i.e.", "approx.", "est.", "vs.")
_SENTENCE_END = re.compile(
    r"(?<=[.?!])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\beg\.)(?<!\bapprox\.)(?<!\best\.)(?<!\bvs\.)\s+",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"[;,:]+\s*|\s[-\u2013\u2014]+\s|\s(?:and now|and then|but now|or is that|or is it)\s",
    re.IGNORECASE,
)


def _sentences(text: str) -> list[list[str]]:
    """The sentences of `text`, each as its clauses."""
    return [_CLAUSE_END.split(sentence) for sentence in _SENTENCE_END.split(text)]


def _naming(
    index: _Index, ranked: list[Ranked], terms: list[str], asked: frozenset[str]
) -> list[Ranked]:
    """`ranked` without the entries of `named_kinds` that do not name the thing asked about:
    the rarest of `terms` that such an entry holds in its title or a whole keyword, leaving out
    words most entries of the kind hold ("eat", "safe"). When the question names no such thing,
    every entry of those kinds goes."""
    named = [row for row in ranked if index.docs[row[3]].kind in index.rules.named_kinds]
    held = {
        term
        for row in named
        for term in terms
        if term not in index.generic and index.entries[row[3]].strongly_holds(term, asked)
    }
    # A word that only describes a thing ("raw", "cooked") names one only when nothing else
    # does, and not when the question's thing is a word ratbond does not know ("figs, fresh").
    naming = held - index.describing
    if not naming and any(term not in index.idf for term in terms):
        naming = set()
    elif not naming:
        naming = held
    thing = max(sorted(naming), key=lambda term: index.idf[term], default=None)
    return [
        row
        for row in ranked
        if index.docs[row[3]].kind not in index.rules.named_kinds
        or (thing is not None and index.entries[row[3]].strongly_holds(thing, asked))
    ]


def _sure(index: _Index, terms: list[str], best: Ranked, forgiven: Collection[str] = ()) -> bool:
    """The best entry covers enough of `terms`, mostly words ratbond knows (or `forgiven`
    ones), and telling ones."""
    rules = index.rules
    known = [term for term in terms if term in index.idf or term in forgiven]
    covered, strong = index.cover(best[3], terms)
    return (
        len(known) >= rules.min_known_share * len(terms)
        and covered >= rules.floor
        and strong >= rules.min_strong_share
        and _information(index, terms, best) >= rules.min_information
    )


def _information(index: _Index, terms: list[str], best: Ranked) -> float:
    """How telling the question's words that the best entry holds are, together."""
    entry = index.entries[best[3]]
    asked = frozenset(terms)
    return sum(index.idf[t] for t in terms if entry.weight(t, asked, index.rules))


def _of_the_asker(
    index: _Index, words: list[str], standing: Collection[int] = (), animal: bool = False
) -> bool:
    """The asker speaks of their own body or how they feel: a word of `people.own` at most
    `people.within` words after one by which they speak of themself ("my back", "I feel"), or
    after a pronoun at a position of `standing` (one standing for a person: "her knee"); when
    `animal`, the `animals_own` words count too after a position of `standing` (the word for
    an animal covered beside rats: "my cat has hairballs")."""
    people = index.rules.people
    own = [tuple(text.split()) for text in people.own]
    # (an animal's own words count only after the animal itself, never after the asker)
    animals = own + [tuple(text.split()) for text in people.animals_own] if animal else own

    def named(window: list[str], parts: list[tuple[str, ...]]) -> bool:
        return any(
            window[start : start + len(part)] == list(part)
            for part in parts
            for start in range(len(window) - len(part) + 1)
        )

    def window(at: int) -> list[str]:
        # (an animal's own words end at someone else named: "since the cat moved in she won't
        # eat" may be the rat's)
        found = words[at + 1 : at + 1 + people.within]
        if not animal or at not in standing:
            return found
        others = index.pronouns | set(people.asker)
        return list(itertools.takewhile(lambda word: word not in others, found))

    # (anyone the asker speaks of, `persons`, as well: "my grandmother is dizzy")
    return any(
        (word in people.asker or at in standing or word in index.person_words)
        and named(window(at), animals if at in standing else own)
        for at, word in enumerate(words)
    )


def _askers_own(
    index: _Index, typed: _Typed, clauses: list[list[str]], parts: list[list[str]]
) -> frozenset[str]:
    """The alarms of `people.own_alarms` told only right after the asker's own body part ("my
    finger is bleeding, can rats eat banana": `people.own` within two words after "my"), in a
    clause naming no rat, in a question with no pet's name, pet word or pronoun for a rat and
    no bite told (`people.unless`: a bite to the asker is the rat's): they are the asker's, and
    make no emergency of a rat."""
    people = index.rules.people
    words = [word for clause in clauses for word in clause]
    if (
        not index.pronouns.isdisjoint(words)
        or any(_holds(words, pet) for pet in people.pets)
        or _names(typed.question, index)
        or {index.reader.term(word) for word in people.unless} & set(index.reader.terms(words))
    ):
        return frozenset()
    alarms = {index.reader.term(word) for word in people.own_alarms}
    own_words = frozenset(people.own)
    mine = frozenset(index.rules.possessives) & frozenset(people.asker)
    after_part = [
        {
            t
            for at in range(len(clause) - 1)
            if clause[at] in mine and clause[at + 1] in own_words
            for t in index.reader.terms(clause[at + 2 : at + 5])
            if t in alarms
        }
        for clause in clauses
    ]
    return _owned_only(index, clauses, parts, after_part) if any(after_part) else frozenset()


def _wondered(index: _Index, question: str, read: list[list[list[str]]]) -> frozenset[str]:
    """The alarms named only in clauses that ask whether ("is it blood?", "can it kill him?",
    "is she in pain?"), in a question that also tells what was seen in a clause that does not
    ask: the owner wonders about them, and what was seen is what to answer. Alone, such a
    clause is the whole worry and its alarms stand."""
    openers = frozenset(index.rules.yes_no)
    subjects = frozenset(index.rules.subjects)
    told: set[str] = set()
    wondered: set[str] = set()
    seen = False
    texts = _SENTENCE_END.split(question)
    for at, (sentence, text) in enumerate(zip(read, texts, strict=False)):
        # (a last sentence left without its mark asks too: "..., is she ok or is she broken")
        # (... when its verb comes before its subject, "is she", "has he": "and now has a rattly
        # breath" tells the breath)
        marked = text.rstrip().endswith("?")
        unmarked = at == len(texts) - 1 and not text.rstrip().endswith((".", "!", "?"))
        for clause in sentence:
            alarms = {t for t in index.reader.terms(clause) if t in index.alarms}
            asks = marked or (
                unmarked
                and len(clause) > 1
                and (clause[1] in subjects or index.reader.terms(clause[1:2]) == [index.subject])
            )
            # ("is it normal that he breathes with his mouth open" tells the breathing, but
            # makes no worry after it a mere one: "..., could she be poisoned?")
            if asks and clause and clause[0] in openers and _asks_if_normal(index, clause):
                told |= alarms
            elif asks and clause and clause[0] in openers:
                wondered |= alarms
            elif clause:
                told |= alarms
                seen = seen or bool(index.reader.terms(clause))
    return frozenset(wondered - told) if seen else frozenset()


def _asks_if_normal(index: _Index, clause: list[str]) -> bool:
    """The clause opens with one of `normalcy` ("is it normal that ..."): it tells what it
    asks about."""
    return any(_holds(clause[: len(opening.split())], opening) for opening in index.rules.normalcy)


def _drunk(index: _Index, after: list[str]) -> bool:
    """Whether the first word searched for in `after` (the words after a verb of drinking)
    names a thing that may be drunk or eaten: a food or a poison ratbond knows, or a word it
    knows nothing of ("a swig o' her bitter"); not "lapped the cage", nor "sup everyone"."""
    for word in after:
        terms = set(index.reader.terms([word]))
        if terms:
            return bool(terms & (index.things | index.unless_eaten)) or any(
                term not in index.idf for term in terms
            )
    return False


def _befriended(index: _Index, clauses: list[list[str]]) -> tuple[str, str] | None:
    """(the term of pets living together, the term of a bond with a person) when a clause
    naming the first has the asker (`befriending.askers`) and one animal as its sides: one
    word of a rat or another animal, none of `plural` nor a rat in the plural."""
    rule = index.rules.befriending
    if rule is None:
        return None
    together = index.reader.term(rule.together)
    askers = frozenset(rule.askers)
    plural = frozenset(rule.plural)
    animals = index.animals | {index.subject}
    for clause in clauses:
        if together not in index.reader.terms(clause) or not askers & set(clause):
            continue
        sides = [w for w in clause if animals & set(index.reader.terms([w]))]
        many = plural & set(clause) or any(
            w != index.subject and index.reader.terms([w]) == [index.subject] and w.endswith("s")
            for w in sides
        )
        if len(sides) == 1 and not many:
            return together, index.reader.term(rule.bond)
    return None


def _undenied(index: _Index, clause: list[str]) -> list[str]:
    """`clause` without a `without` whose denial of the alarm right after it a word of
    `undenied` undoes: a manner after the alarm ("without breathing properly") or a negation
    before `without` ("can't move without limping")."""
    undenied = frozenset(index.rules.undenied)
    negations = frozenset(index.rules.double_negations)
    for at, word in enumerate(clause[:-1]):
        alarm = index.alarms & set(index.reader.terms(clause[at + 1 : at + 2]))
        if word not in index.rules.conditions or not alarm:
            continue
        if set(clause[at + 2 : at + 3]) & undenied or negations & set(clause[:at]):
            return clause[:at] + clause[at + 1 :]
    return clause


def _told_eaten(index: _Index, clauses: list[list[str]]) -> bool:
    """Whether a clause that does not ask ("he ate a leaf", not "can he eat leaves") names a
    word of `eating` on its own: something was eaten."""
    openers = frozenset(index.rules.yes_no) | _WH
    return any(
        index.eating & set(index.reader.terms([word]))
        for clause in clauses
        if clause and clause[0] not in openers
        for word in clause
    )


def _conditioned(index: _Index, read: list[list[list[str]]]) -> frozenset[str]:
    """The terms named only after a word of `conditions` ("without") in their sentence, and
    nowhere before it: what the asker wants a thing done without, not the thing asked.
    A condition ends at its clause's end or at a word of `condition_ends` ("and", "but",
    "since"): "she walks without using her leg since she fell" tells the fall. An alarm or an
    eating verb in a sentence telling what happened (one that does not ask) is never a
    condition: "she is walking without using her back leg" tells the leg."""
    conditions = frozenset(index.rules.conditions)
    openers = frozenset(index.rules.yes_no) | _WH
    before: set[str] = set()
    after: set[str] = set()
    for sentence in read:
        told = not any(clause[:1] and clause[0] in openers for clause in sentence)
        for clause in sentence:
            at = next((at for at, word in enumerate(clause) if word in conditions), None)
            if at is None:
                before.update(index.reader.terms(clause))
                continue
            outside, named = _governed(index, clause, at, at + 1)
            before.update(outside)
            if told:
                named = [t for t in named if t not in index.alarms and t not in index.eating]
            after.update(named)
    return frozenset(after - before)


def _governed(
    index: _Index, clause: list[str], opener: int, body: int
) -> tuple[list[str], list[str]]:
    """The terms of `clause` outside what the word at `opener` governs, and those it governs:
    from `body` to the clause's end or a word of `condition_ends` ("without using her leg
    since she fell" governs "using her leg")."""
    ends = index.rules.condition_ends
    stop = next((end for end in range(body, len(clause)) if clause[end] in ends), len(clause))
    return index.reader.terms(clause[:opener] + clause[stop:]), index.reader.terms(
        clause[body:stop]
    )


def _sourced(index: _Index, read: list[list[list[str]]]) -> frozenset[str]:
    """The terms named only after a word of `sources` with a possessive right after it ("from
    my"), up to the clause's end or a word of `condition_ends`, and nowhere else: where a thing
    came from, not what is asked ("the pumpkin seeds from my desk drawer stash"). Only a thing
    an entry's title names, right before the source word, came from somewhere ("wheezing from
    my new bedding" tells a cause); an animal, an alarm, another such thing or a word that
    makes a question off-topic is never only a source ("can they catch a cold from my cat",
    "the seeds from my apple")."""
    sources = frozenset(index.rules.sources)
    possessives = frozenset(index.rules.possessives)
    elsewhere: set[str] = set()
    after: set[str] = set()
    for clause in (clause for sentence in read for clause in sentence):
        at = next(
            (
                at
                for at, word in enumerate(clause[:-1])
                if word in sources
                and clause[at + 1] in possessives
                and at
                and set(index.reader.terms(clause[at - 1 : at])) & index.things
            ),
            None,
        )
        if at is None:
            elsewhere.update(index.reader.terms(clause))
            continue
        outside, governed = _governed(index, clause, at, at + 2)
        elsewhere.update(outside)
        after.update(governed)
    return frozenset(
        term
        for term in after - elsewhere
        if term not in index.animals
        and term not in index.alarms
        and term not in index.named
        and term not in OFF
    )


def _asker_takes(index: _Index, clauses: list[list[str]], parts: list[list[str]]) -> frozenset[str]:
    """The alarms (a medicine) named only right after the words by which the asker tells what
    they take (`people.taking`: "I take aspirin each day for my heart"), in a clause naming no
    rat: the asker's own medicine, no rat's emergency."""
    taking = [phrase.split() for phrase in index.rules.people.taking]
    # (the medicine named right after it: "I take aspirin", not "how do I take care of the
    # wound")
    taken_in = [
        {
            t
            for at in range(len(clause))
            for phrase in taking
            if clause[at : at + len(phrase)] == phrase
            for t in index.reader.terms(clause[at + len(phrase) : at + len(phrase) + 2])
            if t in index.alarms
        }
        for clause in clauses
    ]
    # (never where something was eaten: "I'm on antibiotics and she ate one of the capsules")
    if not any(taken_in) or any(t in index.eating for part in parts for t in part):
        return frozenset()
    return _owned_only(index, clauses, parts, taken_in)


def _owned_only(
    index: _Index, clauses: list[list[str]], parts: list[list[str]], owned: list[set[str]]
) -> frozenset[str]:
    """The alarms of `owned` (the asker's, found per clause) told nowhere else: those of a
    clause that names a rat are the rat's, and every other alarm of a clause's terms (`parts`)
    is told."""
    own: set[str] = set()
    told: set[str] = set()
    for clause, part, mine in zip(clauses, parts, owned, strict=True):
        terms = {t for t in part if t in index.alarms}
        if mine and not _names_a_rat(index, clause):
            own |= mine
            told |= terms - mine
        else:
            told |= terms
    return frozenset(own - told)


def _resembled(index: _Index, read: list[list[list[str]]]) -> frozenset[str]:
    """The alarms named only as what something looks like ("red stuff, it looks like blood",
    "a spot like a wound"), or as examples or cases supposed ("abort criteria, e.g. blood
    drawn", "what if they fall and break something"), in a question that names something else:
    what was seen only resembles them."""
    reader = index.reader
    like: set[str] = set()
    told: set[str] = set()
    examples = [text.split() for text in index.rules.examples]
    for sentence in read:
        supposing = False
        for clause in sentence:
            compared = False
            # what follows "e.g." or "what if" in the clause is only an example or a case
            # supposed, and so is a clause that goes on with the case ("..., or fall off")
            goes_on = supposing and _goes_on(index, clause)
            supposed = _supposed(index, clause)
            given = (
                0
                if goes_on
                else min(
                    supposed,
                    next(
                        (
                            at
                            for at in range(len(clause))
                            for example in examples
                            if clause[at : at + len(example)] == example
                        ),
                        len(clause),
                    ),
                )
            )
            supposing = goes_on or supposed < len(clause)
            # (read whole, as a phrase may name the alarm: "fall off")
            like.update(t for t in reader.terms(clause[given:]) if t in index.alarms)
            for word in clause[:given]:
                stem = reader.stem(word)
                if stem in reader.comparisons:
                    compared = True
                    continue
                if stem in reader.articles:
                    continue
                alarms = {t for t in reader.terms([word]) if t in index.alarms}
                (like if compared else told).update(alarms)
                compared = False
    return frozenset(like - told)


def _supposed(index: _Index, clause: list[str]) -> int:
    """Where the case a clause supposes begins (after one of `suppositions`: "what if they
    fall"), else its length; a case told to be so (`told_now`: "in case it matters, he's
    bleeding") is no supposition."""
    rules = index.rules
    for at in range(len(clause)):
        for supposition in rules.suppositions:
            words = supposition.split()
            if clause[at : at + len(words)] == words:
                after = at + len(words)
                return len(clause) if not set(rules.told_now).isdisjoint(clause[after:]) else after
    return len(clause)


def _goes_on(index: _Index, clause: list[str]) -> bool:
    """The clause goes on with the case of the one before it (opens with one of
    `alternatives`, "or fall off the edge"), not asking a question of its own ("or should I
    wait", its second word one of `yes_no`) nor telling the case is so (`told_now`)."""
    rules = index.rules
    return (
        len(clause) > 1
        and clause[0] in rules.alternatives
        and clause[1] not in rules.yes_no
        and set(rules.told_now).isdisjoint(clause)
    )


def _a_sum(index: _Index, words: list[str]) -> bool:
    """`words` hold a sum: a number, an operator of one or more words, a number ("7 times 8",
    "twelve divided by four")."""
    rules = index.rules.off_topic
    numbers = set(rules.numbers)

    def number(word: str) -> bool:
        return word.isdigit() or word in numbers

    operators = [tuple(operator.split()) for operator in rules.operators]
    if (
        sum(number(word) for word in words) >= 2
        and any(_holds(words, problem) for problem in rules.word_problems)
        and not any(index.reader.terms([word]) == [index.subject] for word in words)
    ):
        return True
    return any(
        number(word)
        and at + len(operator) + 1 < len(words)
        and tuple(words[at + 1 : at + 1 + len(operator)]) == operator
        and number(words[at + 1 + len(operator)])
        for at, word in enumerate(words)
        for operator in operators
    )


def _glossed(index: _Index, words: list[str]) -> tuple[str, frozenset[str]] | None:
    """The thing an entry names that `words` give as the English name of another (the term of
    the word right after a phrase of `glosses`: "what foreigners call avocado"), and the terms
    of the gloss's own words."""
    for gloss in index.rules.glosses:
        part = gloss.split()
        for at in range(len(words) - len(part)):
            if words[at : at + len(part)] == part:
                after = index.reader.terms(words[at + len(part) : at + len(part) + 1])
                if after and after[0] in index.named:
                    return after[0], frozenset(index.reader.terms(part))
    return None


def _holds(words: list[str], phrase: str) -> bool:
    """`words` hold `phrase` (one or more words, as written) in a row."""
    part = phrase.split()
    return any(words[at : at + len(part)] == part for at in range(len(words) - len(part) + 1))


def _pronoun_for_a_pet(index: _Index, words: list[str]) -> bool:
    """Whether a pronoun of `words` may stand for a pet: one that stands for no person named
    before it (`_standing_for_people`)."""
    pronouns = [at for at, word in enumerate(words) if word in index.pronouns]
    if not pronouns:
        return False
    people = _standing_for_people(index, words)
    return any(at not in people for at in pronouns)


def _standing_for_people(index: _Index, words: list[str]) -> set[int]:
    """The positions of the pronouns that agree with the last person named before them (a
    mother is "she", a teacher "she" or "he"): there they stand for that person."""
    standing: set[int] = set()
    last: frozenset[str] | None = None
    # Someone who reckons or says is a person, and so is every he or she of the question.
    if any(_holds(words, speaking) for speaking in index.rules.people.speaking):
        standing.update(at for at, word in enumerate(words) if word in index.singular)
    for at, word in enumerate(words):
        agreeing = next((pronouns for names, pronouns in index.persons if word in names), None)
        if agreeing is not None:
            last = agreeing
        elif word in index.pronouns and last is not None and word in last:
            standing.add(at)
    return standing


def _aged(index: _Index, words: list[str]) -> set[int]:
    """The positions of "old" in "a 2 year old", "an eight month old": a child told by its age
    (one of `people.ages` after a number after "a" or "an")."""
    numbers = set(index.rules.off_topic.numbers)
    ages = set(index.rules.people.ages)
    return {
        at
        for at in range(3, len(words))
        if words[at] == "old"
        and words[at - 1] in ages
        and (words[at - 2].isdigit() or words[at - 2] in numbers)
        and words[at - 3] in ("a", "an")
    }


def _informs(index: _Index, words: list[str], at: int) -> bool:
    """The rat word at `at` is said of a person: a name given to someone (`_named_as`), or
    "rat" as a verb of telling on someone (`informing`, or right after one of
    `informing_after`: "someone who rats on you")."""
    return (
        _named_as(index, words, at)
        or words[at] in index.rules.informing
        or (
            0 < at < len(words) - 1
            and words[at - 1] in index.rules.informing_after
            and words[at + 1] in index.rules.informing_on
        )
    )


def _named_as(index: _Index, words: list[str], at: int) -> bool:
    """The rat at `at` is a name given to someone: "a rat" right after one of `naming` and the
    one so named, a pronoun or a possessive and a word ("called me a rat", "people call my ex
    a rat"), or "rat" right after one and a pronoun ("called me rat"); "who do I call if a rat
    bit my son" and "I called my rat Pip" name rats."""
    naming, people = index.rules.naming, index.rules.people
    someone = (*people.pronouns, *people.asker)
    if (
        at >= 2
        and words[at - 2] in naming
        and words[at - 1] in someone
        and words[at - 1] not in index.rules.possessives
    ):
        return True  # "called me rat" ("I called my rat Pip" names him)
    rules = index.rules
    # (one word may describe it: "called his brother a dirty rat", "a real rat")
    article = at - 1
    if words[article : article + 1] not in (["a"], ["an"]) and words[at - 2 : at - 1] in (
        ["a"],
        ["an"],
    ):
        article -= 1
    # ("who's the biggest rat in the show" asks for a person: `asking_who`; not in a question
    # with an owner's word: "who is the boss rat in my group")
    the = next((t for t in (at - 1, at - 2) if t >= 1 and words[t] == "the"), None)
    if the is not None and not set(words) & set(rules.possessives):
        before = the - 2 if the >= 2 and words[the - 1] in rules.being else the - 1
        return words[before] in rules.asking_who
    if article < 0 or words[article] not in ("a", "an"):
        return False
    named = words[max(article - 3, 0) : article]
    # (said of a person, "a rat" ends its clause or goes on with a word of `continuing`: "my
    # friend is a rat vet" names rats)
    ends = not words[at + 1 : at + 2] or words[at + 1] in rules.continuing
    return (
        (len(named) >= 2 and named[-2] in naming and named[-1] in someone)
        or (len(named) == 3 and named[0] in naming and named[1] in rules.possessives)
        # "my colleague is a real rat lah"
        or (ends and len(named) >= 2 and named[-1] in rules.being and named[-2] in rules.scorned)
    )


def _sounds(index: _Index, word: str) -> bool:
    """`word` is a sound, read as the words for one are (`heard`): "squeaks", "noise"."""
    return not index.sound_terms.isdisjoint(index.reader.terms([word]))


def _names_a_rat(index: _Index, words: list[str]) -> bool:
    """A rat is named in `words`, other than only as set aside by one of `excepting` before it,
    inside a phrase said aside ("a Year of the Rat tattoo"), as a name given to someone (`naming`),
    or as what a person is allergic to (`reacting`), read through articles ("my son's hamster,
    not the rat, bit him")."""
    articles = index.rules.articles
    excepting = index.rules.excepting
    reacting = index.rules.reacting
    figures: set[int] | None = None  # worked out at the first rat word, if any
    for at, word in enumerate(words):
        if index.reader.terms([word]) == [index.subject]:
            if figures is None:
                figures = index.reader.in_figures(words)
            if at in figures:
                continue
            before = at - 1
            while before >= 0 and words[before] in articles:
                before -= 1
            # (nor a rat a person is allergic to: "rodent allergy", "allergic to my rats")
            if words[at + 1 : at + 2] and words[at + 1] in reacting:
                continue
            if before > 0 and words[before] == "to" and words[before - 1] in reacting:
                continue
            if _informs(index, words, at):
                continue
            if before < 0 or words[before] not in excepting:
                return True
            # (a rat is likened to only as a sound is: "squeaks like a rat"; "looks like a rat
            # bit him", "I'd like a rat" and "cats like rats" name rats)
            if words[before] in index.rules.comparisons and not (
                before > 0 and _sounds(index, words[before - 1])
            ):
                return True
    return False


def _names_more_than_animals(index: _Index, terms: list[str], row: Ranked) -> bool:
    """The entry holds a word of the question other than an animal in its title or keywords."""
    entry = index.entries[row[3]]
    asked = frozenset(terms)
    return any(
        entry.strongly_holds(term, asked)
        for term in terms
        if term not in index.animals and term not in index.frames
    )


def _an_emergency(
    index: _Index,
    terms: list[str],
    best: Ranked,
    off_topic: bool,
    calm: frozenset[str] = frozenset(),
    grave: frozenset[str] = frozenset(),
) -> bool:
    """The best entry is an emergency that the question names by one of its alarm words in the
    entry's title or keywords, in a question not off-topic (naming a rat makes a question
    with another animal in it on-topic here: "my dog bit my rat"); an alarm of `calm` (one
    only wondered about) does not count. One of `grave` (a threat to life told) so named
    needs no share of the question: "if he's gasping for air can I give him honey water" is
    the breathing, however much else it asks."""
    rules = index.rules
    entry = index.entries[best[3]]
    asked = frozenset(terms)
    named = {term for term in terms if term in index.alarms and term not in calm}
    if not index.docs[best[3]].urgent or off_topic:
        return False
    if any(entry.strongly_holds(term, asked) for term in named & grave):
        return True
    covered, strong = index.cover(best[3], terms)
    return (
        covered >= rules.urgent_floor
        and strong >= rules.min_strong_share
        and any(entry.strongly_holds(term, asked) for term in named)
        and _information(index, terms, best) >= rules.min_information
    )


def _answered(
    index: _Index, reading: _Reading, ranked: list[Ranked], floor: float, limit: int
) -> AskResult:
    """The best entry of `ranked`, and those after it that cover at least `floor` of the
    question."""
    rules = index.rules
    sure = [row for row in ranked[1:] if row[1] >= floor and row[2] >= rules.min_strong_share]
    answers = tuple(index.docs[row[3]] for row in [ranked[0], *sure][:limit])
    typed = reading.typed
    return AskResult(
        typed.original, reading.shown, tuple(typed.corrections), answers, "answered", ranked[0][1]
    )


def _unanswered(index: _Index, reading: _Reading, why: Why, confidence: float = 0.0) -> AskResult:
    """No answer, why, and the topics ratbond covers."""
    rules = index.rules
    typed = reading.typed
    return AskResult(
        typed.original,
        reading.shown,
        tuple(typed.corrections),
        (),
        why,
        confidence,
        rules.no_answer,
        rules.topics,
    )
