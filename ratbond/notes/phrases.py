"""Stage 2 of reading a note: the animals' names and the lexicon phrases in it. At each word
the longest phrase wins (a `not_signals` phrase on a tie); a phrase may skip a few words but
never crosses a clause, a clause joiner or (except at a signal's `...`) an animal's name."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import compress, pairwise
from operator import attrgetter

from ratbond.notes.cast import Cast
from ratbond.notes.lexicon import ALONE, Entry
from ratbond.notes.patterns import NO_SENSES, Pattern
from ratbond.notes.tokens import Tokens, Word

STARTS = attrgetter("starts")
LONE_I = re.compile(r"\bI\b")
"""The pronoun "I", the one capital a note written in lower case still has."""
SLIP_MIN = 4
"""The shortest name a one-letter slip is read as ("Oreo" for Orzo)."""
EVERYDAY = 1e-5
"""How often an English word is used (a share of all words) to be no slip for a name."""


@dataclass(frozen=True, slots=True)
class Match:
    """An animal's name or a lexicon phrase found in the note."""

    kind: str
    """"name", or the kind of the phrase's entry ("signal", "cue", "pronoun" ...)."""
    first: int
    last: int
    positions: tuple[int, ...]
    """Its tokens (a phrase may skip words)."""
    entry: Entry | None
    animal: str | None
    senses: Mapping[str, str]
    """A signal phrase's readings by species."""
    seize: bool = False
    """A `seizing` phrase ("caught"): see `attribution.wounding`."""


@dataclass(frozen=True, slots=True)
class Phrases:
    """Every name and phrase of a note, in order, and which one holds each token."""

    matches: tuple[Match, ...]
    at: tuple[int, ...]
    """Per token, the index of the match that holds it, or -1 for a plain word or mark."""

    def of(self, position: int) -> Match | None:
        index = self.at[position]
        return None if index < 0 else self.matches[index]


def find_phrases(
    tokens: Tokens,
    cast: Cast,
    joiners: Collection[str],
    signal_starts: Collection[str],
    body_parts: Collection[str] = frozenset(),
    labels: Collection[str] = frozenset(),
    objects: Collection[str] = frozenset(),
    articles: Collection[str] = frozenset(),
    closed: tuple[Collection[str], ...] = (),
    auxiliaries: Collection[str] = frozenset(),
    held: Collection[str] = frozenset(),
    word_determiners: Collection[str] = frozenset(),
) -> Phrases:
    """The names and phrases of `tokens`. `joiners` are the words a gap never crosses;
    `signal_starts` the lemmas that start a signal phrase (such a word written in lower case is
    that word, not an animal of that name: "he nibbles" is not the rat Nibbles); a name with an
    "s" and no apostrophe is a possessive before one of `body_parts` ("toffees tail"); a
    lower-case name between one of `articles` and another word is a word ("the tofu block"), and
    so is one after one of `word_determiners` when the note writes that name with its capital
    elsewhere ("the backspin on my wedge ... Wedge and Chip asleep")."""
    words = tokens.words
    count = len(words)
    at = [-1] * count
    matches: list[Match] = []
    names: dict[int, tuple[str, int]] = {}
    # A phrase never reaches across an animal's name ("bit Max hard" is not "bit hard").
    fence = [False] * count
    for index in tokens.named:
        no_heads = (joiners, *closed)
        found = _name_at(
            tokens, index, cast, signal_starts, body_parts, labels, articles, no_heads, auxiliaries
        )
        if found is not None:
            names[index] = found
            fence[index] = True
    for index in _words_not_names(words, names, cast, word_determiners):
        del names[index]
        fence[index] = False
    if _capitalises(tokens.text):
        # A capitalised word one letter off a name, as autocorrect swaps one ("Macho" for
        # Nacho, "Mocha" for Mochi, "Oreo" for Orzo) or one who spells by ear writes a doubled
        # letter once ("Peper" for Pepper): that name, when it is so for one animal.
        # ... but not when the note writes that name right too: the writer can spell it, so
        # the word one letter off is someone else ("Ana got bitten by Rex. Anna was fine.")
        spelt = {found[0] for found in names.values()}
        slips = tuple(slip for slip in _slipped_names(cast) if slip[1] not in spelt)
        if slips:
            for index in range(count):
                word = words[index]
                if (
                    index not in names
                    and word.kind == "w"
                    and word.raw[:1].isupper()
                    and word.starts is None
                ):
                    animal = _slip_of(word.norm, slips)
                    if animal is not None and _everyday(word.norm):
                        animal = None  # "Save for one scuffle" is no slip of Sage
                    if animal is not None:
                        names[index] = (animal, index)
                        fence[index] = True
    if cast.sounds and not _capitalises(tokens.text):
        # A dictated note (no capitals) may write a name as a word that sounds like it
        # ("maple bit toffee" for Mabel): a word that is no lexicon word and sounds like one
        # animal's name, and only one, is that name.
        for index, word in enumerate(words):
            animal = cast.sounds.get(word.sound) if word.sound else None
            if animal is not None and index not in names and word.starts is None:
                names[index] = (animal, index)
                fence[index] = True
    segments = tokens.segments
    clauses = tokens.clauses
    # Only a name or a word that opens a phrase can start a match: the others are skipped.
    openers = list(compress(range(count), map(STARTS, words)))
    if names:
        openers = sorted(set(openers).union(names))
    for index in openers:
        if at[index] >= 0:
            continue
        word = words[index]
        found = names.get(index) if names else None
        match: Match
        positions: tuple[int, ...]
        if found is not None:
            animal, last = found
            match = Match(
                "name", index, last, tuple(range(index, last + 1)), None, animal, NO_SENSES
            )
        elif word.starts is None:
            continue
        else:
            starts = word.starts
            segment = segments[clauses[index]]
            if starts.needs.isdisjoint(segment):
                # Cheap rejection, here rather than in `_phrase_at` as most words end here: a
                # phrase stays in one clause, so only one-word phrases can match.
                if not starts.single:
                    continue
                pattern, positions = starts.single[0], (index,)
            else:
                hit = _phrase_at(tokens, index, at, fence, segment, joiners, held)
                if hit is None:
                    continue
                pattern, positions = hit
            entry = pattern.phrase.entry
            if entry.key == ALONE and _object_next(
                words, positions[-1] + 1, names, objects, body_parts
            ):
                # "got a bite of Ziggy's ear", "in the end bit her": the signal after all.
                continue
            if entry.kind == "block":
                # What a "not a signal" phrase spans is no signal either ("scratched the
                # scratching post").
                positions = tuple(range(index, positions[-1] + 1))
            match = Match(
                entry.kind,
                index,
                positions[-1],
                positions,
                entry,
                None,
                pattern.senses,
                pattern.seize,
            )
        number = len(matches)
        for position in match.positions:
            at[position] = number
        matches.append(match)
    return Phrases(tuple(matches), tuple(at))


def _everyday(norm: str) -> bool:
    """Whether a word is an English word in everyday use ("save", "bear", "mile"), too common
    to be autocorrect's slip for a name (as the rarer "macho" is for Nacho)."""
    from ratbond.care.words import common_english

    return common_english(norm, EVERYDAY)


def _slipped_names(cast: Cast) -> tuple[tuple[str, str], ...]:
    """The one-word names of four letters or more, each with its animal."""
    return tuple(
        (words[0], animal)
        for found in cast.names.values()
        for words, animal in found
        if len(words) == 1 and len(words[0]) >= SLIP_MIN
    )


def _slip_of(norm: str, slips: tuple[tuple[str, str], ...]) -> str | None:
    """The one animal whose name `norm` is one letter off: same length, one letter swapped or
    two neighbours the wrong way round, or a doubled letter written once, as one who spells by
    ear writes it ("Peper" for Pepper)."""
    found = {animal for name, animal in slips if _one_off(name, norm)}
    return next(iter(found)) if len(found) == 1 else None


def _one_off(name: str, norm: str) -> bool:
    if len(name) == len(norm):
        wrong = [k for k, (a, b) in enumerate(zip(name, norm, strict=True)) if a != b]
        # one letter swapped, or two neighbours the wrong way round ("Whiksers" for Whiskers)
        return len(wrong) == 1 or (
            len(wrong) == 2
            and wrong[1] == wrong[0] + 1
            and name[wrong[0]] == norm[wrong[1]]
            and name[wrong[1]] == norm[wrong[0]]
        )
    return len(name) == len(norm) + 1 and any(
        name[k] == name[k + 1] and name[:k] + name[k + 1 :] == norm for k in range(len(norm))
    )


def _section_label(words: Sequence[Word], index: int, labels: Collection[str]) -> bool:
    """Whether a letter of `labels` before a colon heads a section of a note with two or more
    such sections ("S: ... O: ... A: ..."): then no letter before a colon is an initial."""
    if index + 1 >= len(words) or words[index + 1].raw != ":" or words[index].norm not in labels:
        return False
    found = {
        word.norm for word, after in pairwise(words) if after.raw == ":" and word.norm in labels
    }
    return len(found) >= 2


def _name_at(
    tokens: Tokens,
    index: int,
    cast: Cast,
    signal_starts: Collection[str],
    body_parts: Collection[str],
    labels: Collection[str] = frozenset(),
    articles: Collection[str] = frozenset(),
    no_heads: tuple[Collection[str], ...] = (),
    auxiliaries: Collection[str] = frozenset(),
) -> tuple[str, int] | None:
    words = tokens.words
    owner = cast.possessive_forms.get(words[index].norm)
    if owner is not None and words[index].norm not in cast.names:
        following = words[index + 1] if index + 1 < len(words) else None
        if following is not None and following.kind == "w" and following.lemma in body_parts:
            return owner, index
        # Written with a capital before a verb, it is "Name's" (has, is) with the apostrophe
        # left out: "Dustys got a scab", "Jebs limping"; in a note with no capital (but "I"),
        # case says nothing: "marleys got a cut".
        if (
            following is not None
            and following.kind == "w"
            and (words[index].raw[:1].isupper() or not _capitalises(tokens.text))
            and (following.lemma in auxiliaries or following.norm.endswith("ing"))
        ):
            return owner, index
        return None
    best: tuple[str, int] | None = None
    for parts, animal in cast.names.get(words[index].norm, ()):
        end = index + len(parts)
        if end > len(words):
            continue
        if all(
            words[index + k].kind == "w" and words[index + k].norm == parts[k]
            for k in range(len(parts))
        ) and (best is None or end - 1 > best[1]):
            best = (animal, end - 1)
    if best is None:
        return None
    word = words[index]
    if len(word.norm) == 1 and not word.raw[:1].isupper():
        return None  # an initial is a capital letter (its possessive too: "L's mouth")
    if word.norm in cast.clipped and not word.raw[:1].isupper():
        return None  # a clipped name is written with a capital: "Prim", not "prim"
    if len(word.norm) == 1 and _section_label(words, index, labels):
        return None  # "O: ... A: ...": a clinical note's sections, not initials
    if len(word.norm) == 1 and _before_body_part(words, index + 1, body_parts):
        return None  # a side, as logs write it: "puncture L shoulder", "R hind"
    name = cast.animals[best[0]].name
    # A lower-case signal word ("nibbles") is that word, not the rat called Nibbles, in a note
    # that capitalises; a note written with no capital at all (dictated, typed on a phone)
    # (but "I") says nothing by case, so there the name's own form is the name ("bolt bit me
    # when I picked him up").
    if (
        word.raw.islower()
        and name is not None
        and name != name.lower()
        and word.lemma in signal_starts
        and _capitalises(tokens.text)
    ):
        return None
    # So is one between an article and another word, a noun's modifier: "pounced on the tofu
    # block" (food, not the rat Tofu), where "the tofu" alone may still be the rat.
    if (
        word.raw.islower()
        and name is not None
        and name != name.lower()
        and index > 0
        and words[index - 1].norm in articles
        and best[1] + 1 < len(words)
        and _heads(words[best[1] + 1], no_heads)
        and _capitalises(tokens.text)
    ):
        return None
    return best


def _words_not_names(
    words: Sequence[Word],
    names: Mapping[int, tuple[str, int]],
    cast: Cast,
    word_determiners: Collection[str],
) -> list[int]:
    """The names written in lower case right after a determiner, or after a determiner and one
    lower-case word, while the note writes the same name with its capital elsewhere: there the
    writer means the everyday word ("our keeper took a catch off his face ... Keeper and Gully,
    the rats"; "sliced my finger on a knapped flint ... Flint the rat")."""
    capitalised = {animal for index, (animal, _) in names.items() if words[index].raw[:1].isupper()}

    def determined(index: int) -> bool:
        if index > 0 and words[index - 1].norm in word_determiners:
            return True
        before = words[index - 1] if index > 1 else None
        return (
            before is not None
            and before.kind == "w"
            and before.raw.islower()
            and index - 1 not in names
            and words[index - 2].norm in word_determiners
        )

    return [
        index
        for index, (animal, _) in names.items()
        if animal in capitalised
        and words[index].raw.islower()
        and determined(index)
        and (cast.animals[animal].name or "") != (cast.animals[animal].name or "").lower()
    ]


def _heads(word: Word, no_heads: tuple[Collection[str], ...]) -> bool:
    """Whether `word` may be the noun a lower-case name before it modifies ("the tofu block"):
    a word, and none of the closed words of `no_heads` (joiners, prepositions, pronouns)."""
    return word.kind == "w" and not any(
        word.norm in words or word.lemma in words for words in no_heads
    )


def _phrase_at(
    tokens: Tokens,
    index: int,
    at: list[int],
    fence: list[bool],
    segment: Set[str],
    joiners: Collection[str],
    held: Collection[str],
) -> tuple[Pattern, tuple[int, ...]] | None:
    words = tokens.words
    starts = words[index].starts
    assert starts is not None
    best: Pattern | None = None
    best_positions: tuple[int, ...] = ()
    count = len(words)
    candidates = starts.default
    if index + 1 < count and words[index + 1].kind == "w":
        following = words[index + 1]
        by_lemma = starts.by_next.get(following.lemma)
        by_form = starts.by_next.get(following.norm)
        if by_lemma is None or by_form is None or by_lemma is by_form:
            candidates = by_lemma or by_form or starts.default
        else:
            candidates = starts.every
    for pattern in candidates.viable(segment):
        if best is not None and pattern.words < best.words:
            break  # patterns come longest first: no shorter one can win
        if pattern.need and not pattern.need <= segment:
            continue
        positions = [index]
        current = index
        for step in pattern.steps:
            found = -1
            stop = min(count, current + 2 + step.gap)
            for position in range(current + 1, stop):
                candidate = words[position]
                if candidate.kind != "w" or at[position] >= 0:
                    break
                # Only a signal phrase's "..." may pass over a name.
                if fence[position] and not step.cross:
                    break
                # ... nor a bite phrase's over a thing held: "had the wand in his mouth"
                if step.held and not fence[position] and candidate.norm in held:
                    break
                if (candidate.norm if step.exact else candidate.lemma) == step.word:
                    found = position
                    break
                if candidate.norm in joiners:
                    break
            if found < 0:
                break
            positions.append(found)
            current = found
        else:
            if (
                best is None
                or pattern.words > best.words
                or (pattern.words == best.words and positions[-1] < best_positions[-1])
            ):
                best = pattern
                best_positions = tuple(positions)
    return None if best is None else (best, best_positions)


def _object_next(
    words: Sequence[Word],
    index: int,
    names: Mapping[int, tuple[str, int]],
    objects: Collection[str],
    body_parts: Collection[str],
) -> bool:
    """Whether an animal's name, a pronoun that may name one (`objects`) or a body part comes
    right after a phrase ending before `index`."""
    if index >= len(words) or words[index].kind != "w":
        return False
    return (
        index in names
        or words[index].norm in objects
        or _before_body_part(words, index, body_parts)
    )


def _before_body_part(words: Sequence[Word], index: int, body_parts: Collection[str]) -> bool:
    """Whether a body part comes next ("L flank", "R hind")."""
    return index < len(words) and words[index].kind == "w" and words[index].lemma in body_parts


def _capitalises(text: str) -> bool:
    """Whether a note uses capital letters, the pronoun "I" aside."""
    stripped = LONE_I.sub("", text)
    return stripped != stripped.lower()
