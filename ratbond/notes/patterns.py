"""Each lexicon phrase compiled once into the steps the phrase matcher walks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from types import MappingProxyType
from typing import NamedTuple

from ratbond.notes.lexicon import CAPTURED, GAP, TIGHT, WIDE_GAP, WILD, Lexicon, Phrase

NO_SENSES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Step:
    """One later word of a phrase: how it must match and how far away it may be."""

    exact: bool
    """Match the word's exact form (`=bars`), not its lemma."""
    word: str
    gap: int
    """How many words may sit between it and the word before."""
    cross: bool
    """May pass over an animal's name (a signal phrase's `...`)."""
    held: bool = False
    """May not pass over a thing held (`held_words`: a bite phrase's `...`)."""


@dataclass(frozen=True, slots=True, eq=False)
class Pattern:
    """A lexicon phrase compiled for matching."""

    phrase: Phrase
    words: int
    need: frozenset[str]
    steps: tuple[Step, ...]
    senses: Mapping[str, str]
    """A signal phrase's readings by species (empty for other entries)."""
    seize: bool = False
    """One of `seizing`: it says an animal was caught, not how."""


@dataclass(frozen=True, slots=True)
class Tries:
    """Patterns the matcher tries in turn, indexed by a word each needs, so that a clause is
    checked against those whose word it has, not against every one."""

    patterns: tuple[Pattern, ...]
    free: tuple[int, ...]
    """The places in `patterns` of those that need no later word."""
    by_key: Mapping[str, tuple[int, ...]]
    """By one word each of the others needs (its rarest among the phrases its first word
    opens), their places in `patterns`."""

    def viable(self, segment: Set[str]) -> Iterable[Pattern]:
        """The patterns, in order, that may have every needed word in `segment`: those that
        need none, and those whose key word it has (each still checks its `need`)."""
        keys = self.by_key.keys() & segment
        if not keys:
            return map(self.patterns.__getitem__, self.free)
        places = sorted(chain(self.free, *map(self.by_key.__getitem__, keys)))
        return map(self.patterns.__getitem__, places)


@dataclass(frozen=True, slots=True)
class Starts:
    """The phrases that start with one word, as the matcher tries them."""

    patterns: tuple[Pattern, ...]
    single: tuple[Pattern, ...]
    """Those of one word: the only ones to try in a clause with none of `needs`."""
    needs: frozenset[str]
    """Every later word of the longer ones."""
    every: Tries
    """All of `patterns`, to try when the next word picks more than one of `by_next`."""
    by_next: Mapping[str, Tries]
    """By the word that must come straight after this one (a phrase whose second word has no
    gap before it: "the box"), the patterns worth trying there, in order."""
    default: Tries
    """The patterns worth trying when the next word is none of `by_next`'s."""


class Shared(NamedTuple):
    """What compiled phrases share, made once per reader: steps and sets of senses."""

    steps: dict[tuple[str, int, bool, bool], Step]
    senses: dict[tuple[tuple[str, str], ...], Mapping[str, str]]


def compile_patterns(lexicon: Lexicon) -> Callable[[str], tuple[Pattern, ...]]:
    """The lexicon's phrases that start with a part, as patterns: compiled the first time a
    note has that word (a functools cache), so a reader starts without compiling thousands of
    phrases that most notes never open."""
    bases = frozenset(lexicon.irregular.values())
    # Many phrases share a step or a set of senses: each is made once per reader.
    shared = Shared({}, {})

    def compiled(first: str) -> tuple[Pattern, ...]:
        return tuple(
            _pattern(lexicon, phrase, bases, shared) for phrase in lexicon.by_first.get(first, ())
        )

    return lru_cache(maxsize=None)(compiled)


def starts_of(patterns: tuple[Pattern, ...]) -> Starts | None:
    """The patterns a word opens, grouped for the matcher (None: it opens none)."""
    if not patterns:
        return None
    single = tuple(pattern for pattern in patterns if not pattern.need)
    needs = frozenset().union(*(pattern.need for pattern in patterns))
    # Most phrases after a short word allow no gap: the next word alone decides which to try.
    tight = {
        id(pattern): pattern.steps[0].word
        for pattern in patterns
        if pattern.steps and pattern.steps[0].gap == 0
    }
    keys = set(tight.values())
    by_next = {
        key: tuple(p for p in patterns if tight.get(id(p), key) == key) for key in sorted(keys)
    }
    # Each pattern is indexed by the same word in every group: a common word opens thousands
    # of phrases, and choosing per group cost more than all of its notes' matching.
    index_words = _index_words(patterns)
    every = _tries(patterns, index_words)
    default = (
        _tries(tuple(p for p in patterns if id(p) not in tight), index_words) if tight else every
    )
    return Starts(
        patterns,
        single,
        needs,
        every,
        MappingProxyType({key: _tries(found, index_words) for key, found in by_next.items()}),
        default,
    )


def _index_words(patterns: tuple[Pattern, ...]) -> dict[int, str]:
    """By each of `patterns` that needs later words (by `id`), the one of them the fewest of
    `patterns` need (the first alphabetically on a tie): the word `Tries.viable` looks for.
    Any needed word would do (each pattern still checks its `need`); the rarest rules out
    the most."""
    counts = Counter(chain.from_iterable(pattern.need for pattern in patterns))
    return {
        id(pattern): min(pattern.need, key=lambda word: (counts[word], word))
        for pattern in patterns
        if pattern.need
    }


def _tries(patterns: tuple[Pattern, ...], index_words: Mapping[int, str]) -> Tries:
    """`patterns` indexed for `Tries.viable`: each that needs words under its word of
    `index_words`."""
    by_key: dict[str, list[int]] = {}
    for place, pattern in enumerate(patterns):
        if pattern.need:
            by_key.setdefault(index_words[id(pattern)], []).append(place)
    free = tuple(place for place, pattern in enumerate(patterns) if not pattern.need)
    return Tries(patterns, free, MappingProxyType({key: tuple(at) for key, at in by_key.items()}))


def _pattern(lexicon: Lexicon, phrase: Phrase, bases: frozenset[str], shared: Shared) -> Pattern:
    cross = phrase.entry.kind == "signal"
    bites = not lexicon.bite_signals.isdisjoint(signal for _, signal in phrase.entry.senses)
    steps: list[Step] = []
    wide = False
    previous = phrase.parts[0]
    for part in phrase.parts[1:]:
        if part == WILD:
            wide = True
            continue
        # Only a content word may have words between it and the next: "tail was twitching".
        word = previous.lstrip("=")
        # An irregular verb's base is a content word however short: "went straight for".
        content = (len(word) > 2 or word in bases) and (
            word not in lexicon.determiners and word not in lexicon.prepositions
        )
        # A phrase of no signal that opens with an exact form is a compound, written whole
        # ("=hide house": "hide in the house" is hiding), as is a `TIGHT` one.
        # A `captures` phrase is written whole: "was on her", not "was blood on his blanket".
        tight = phrase.entry.key in (TIGHT, CAPTURED) or (
            phrase.entry.kind == "block" and phrase.parts[0].startswith("=")
        )
        limit = WIDE_GAP if wide else (GAP if content and not tight else 0)
        exact = part.startswith("=")
        key = (part, limit, wide and cross, wide and cross and bites)
        step = shared.steps.get(key)
        if step is None:
            step = shared.steps[key] = Step(
                exact, part[1:] if exact else part, limit, key[2], key[3]
            )
        steps.append(step)
        wide = False
        previous = part
    senses = NO_SENSES
    if phrase.entry.senses:
        found = shared.senses.get(phrase.entry.senses)
        if found is None:
            found = shared.senses[phrase.entry.senses] = MappingProxyType(dict(phrase.entry.senses))
        senses = found
    seize = phrase.parts in lexicon.seizing
    return Pattern(phrase, phrase.words, phrase.need, tuple(steps), senses, seize)
