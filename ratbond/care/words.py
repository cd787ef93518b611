"""Text normalisation shared by the lookups: case, accents, punctuation and plurals."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Protocol, TypeVar

from ratbond.errors import InputError, did_you_mean

if TYPE_CHECKING:
    from spellchecker import SpellChecker


class Named(Protocol):
    """A knowledge entry found by its id, its title or an alias."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


N = TypeVar("N", bound=Named)

_NOT_WORD = re.compile(r"[^\w]+")
# Endings that only look plural ("citrus", "hummus", "grass", "analysis").
_KEEP = ("ss", "us", "is")


def singular(word: str) -> str:
    """A rough English singular, applied identically to queries and entries so they meet."""
    if len(word) <= 3 or word.endswith(_KEEP):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def stem(word: str) -> str:
    """A light stemmer for search, applied identically to questions and entries so they meet:
    plural and verb endings (-s, -es, -ies, -ed, -ing, -ly, -ally after -ic), a doubled last
    consonant and a final e come off, so "sneezing", "sneezes" and "sneeze" are one word, and
    so are "bite" and "biting". Irregular forms ("bit", "caught") are the ask file's `forms`."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ically") and len(word) > 8:
        word = word[:-4]
    elif (word.endswith("ed") and len(word) > 4 and word[-3] != "e") or (
        word.endswith("ly") and len(word) > 5
    ):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(_KEEP):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def normalise(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces, each word made singular."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = _NOT_WORD.sub(" ", plain).replace("_", " ").split()
    return " ".join(singular(word) for word in words)


def find_named(names: Sequence[str], entries: Sequence[N], field: str, kind: str) -> tuple[N, ...]:
    """The entries `names` call for, by id, title or alias in any case, in the order given and
    without repeats; an unknown name is an InputError at `field` (`field[i]` among several)."""
    keys: dict[str, N] = {}
    for entry in entries:
        for name in (entry.id, entry.title, *entry.aliases):
            keys.setdefault(normalise(name), entry)
    found: list[N] = []
    for index, name in enumerate(names):
        match = keys.get(normalise(name))
        if match is None:
            known = [e.id for e in entries]
            raise InputError(
                f"{field}[{index}]" if len(names) > 1 else field,
                f"unknown {kind} '{name}'"
                + did_you_mean(name.strip().lower().replace(" ", "_"), known)
                + "; known: "
                + ", ".join(known),
            )
        if match not in found:
            found.append(match)
    return tuple(found)


def allowed_edits(length: int) -> int:
    """Typo edits forgiven in a word of `length` characters: none below 5, so that a short,
    different word ("pear") is never taken for a known one ("pea")."""
    return 0 if length < 5 else 1 if length < 8 else 2


def with_dropped_h(word: str, known: Callable[[str], bool]) -> str | None:
    """The word a speaker who drops the h meant by `word`, when `known` takes it: the h put
    back ("ole" is "hole"), and a g after a final "in" ("avin" is "having"); else None."""
    for whole in ("h" + word, "h" + word + "g" if word.endswith("in") else ""):
        if whole and known(whole):
            return whole
    return None


@cache
def _english() -> SpellChecker:
    # Loaded on the first typo check only: most lookups never need it.
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


def is_english(key: str) -> bool:
    """Every word of `key` is an English word (so it is what was meant, not a slip)."""
    words = key.split()
    return bool(words) and not _english().unknown(words)


def common_english(word: str, least: float = 1e-6) -> bool:
    """`word` is an English word in common use (at least `least` of the time): "limit" or
    "market", which name no food or plant, unlike "lychee" or "okra"."""
    english = _english()
    return bool(english.known([word])) and english.word_usage_frequency(word) >= least


def respelled(
    word: str,
    rewrites: Sequence[tuple[str, str]],
    most: int = 2,
    shortest: int = 4,
    least: float = 2e-6,
) -> str | None:
    """The commonest English word that `word`, not one itself, becomes by at most `most` of
    `rewrites` (a spelling by sound and the usual spelling: "ee" for "ea", "z" for "s"), each
    applied at one place: children and hurried writers spell as they hear ("breething",
    "noyzes", "teecher"). None when no such word is English, or only a rare one (used less
    than `least` of the time: "bited" is no "bitted"), and for a word shorter than `shortest`
    (a name, "Jen", is no "gen")."""
    if len(word) < shortest or not word.isalpha() or is_english(word):
        return None
    seen = {word}
    frontier = [word]
    for _ in range(most):
        grown = []
        for text in frontier:
            for heard, usual in rewrites:
                start = text.find(heard)
                while start >= 0:
                    made = text[:start] + usual + text[start + len(heard) :]
                    if made not in seen:
                        seen.add(made)
                        grown.append(made)
                    start = text.find(heard, start + 1)
        frontier = grown
    seen.discard(word)
    english = _english()
    found = [made for made in english.known(seen) if english.word_usage_frequency(made) >= least]
    return max(sorted(found), key=english.word_usage_frequency, default=None)


def misread(
    word: str, misreadings: Sequence[tuple[str, str]], known: Callable[[str], bool], most: int = 3
) -> str | None:
    """The word a scanner or a screen reader misread as `word`, when `known` takes it: the one
    that the fewest of `misreadings` (what was read and what was printed: "rn" for "m", "0" for
    "o", "1" for "l"), each put in at every place or at one, turn `word` into ("frorn" is
    "from", "c0rnp1ete1y" "completely", "rnorning" "morning"), the earlier misreading first;
    else None."""
    seen = {word}
    frontier = [word]
    for _ in range(most):
        grown = []
        for text in frontier:
            for read, printed in misreadings:
                # at every place, then at each place alone ("rnorning" is "morning")
                places = [at for at in range(len(text)) if text.startswith(read, at)]
                made_so = [text.replace(read, printed)] if places else []
                if len(places) > 1:
                    made_so += [text[:at] + printed + text[at + len(read) :] for at in places]
                for made in made_so:
                    if made not in seen:
                        seen.add(made)
                        grown.append(made)
        found = next((made for made in grown if known(made)), None)
        if found is not None:
            return found
        frontier = grown
    return None


def closest(key: str, known: Iterable[str]) -> list[str]:
    """The known keys nearest to `key` within the typo allowance (several if tied), else [].
    English words are never taken for typos: "cat food" is not "rat food", "making" is not
    "marking"; only a key with a word outside English ("rasins", "chese") is corrected."""
    from rapidfuzz.distance import DamerauLevenshtein

    limit = allowed_edits(len(key))
    best: list[str] = []
    best_distance = limit + 1
    for candidate in known:
        distance = DamerauLevenshtein.distance(key, candidate, score_cutoff=limit)
        if distance < best_distance:
            best, best_distance = [candidate], distance
        elif distance == best_distance and distance <= limit:
            best.append(candidate)
    # Asked last: the word list loads only when a correction is within reach.
    return [] if best and is_english(key) else best


def close_names(key: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """Known keys at most one edit further than the typo allowance from `key`, nearest first:
    what a did-you-mean may offer ("rasins": raisin), never a name that merely shares letters."""
    from rapidfuzz.distance import DamerauLevenshtein

    reach = allowed_edits(len(key)) + 1
    found = []
    for candidate in known:
        distance = DamerauLevenshtein.distance(key, candidate, score_cutoff=reach)
        if distance <= reach:
            found.append((distance, candidate))
    return [candidate for _, candidate in sorted(found)[:limit]]


def resembling(key: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """Known keys that look somewhat like `key`, best first, for a did-you-mean list."""
    from rapidfuzz import fuzz, process

    ranked = process.extract(key, list(known), scorer=fuzz.ratio, limit=limit, score_cutoff=65)
    return [candidate for candidate, _, _ in ranked]
