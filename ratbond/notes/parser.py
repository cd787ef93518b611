"""Read an owner's notes: find signal phrases, keep or deny them, and say which animal showed them.

Pure and deterministic: a `NotesReader` holds a compiled lexicon and parses text with no I/O.
Every rule is listed in docs/notes.md; the words behind the rules live in data/notes.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ratbond.model import CLASS_RANK, Animal, SessionClass
from ratbond.notes.lexicon import GAP, WIDE_GAP, WILD, Entry, Lexicon, Phrase, normalise, stem

# Curly quotes and dashes written as escapes: \u2019 apostrophe, \u2013 and \u2014 dashes.
TOKEN_RE = re.compile(
    r"(?P<w>[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+)"
    r"|(?P<s>[.!?;]+|\n)"
    r"|(?P<c>[,:()\[\]\"\u201c\u201d/]|\s[-\u2013\u2014]+\s|[\u2013\u2014]|&)"
)
# The same tokens, as strings (no groups): what `findall` returns fastest.
TOKEN_TEXT_RE = re.compile(re.sub(r"\(\?P<\w>", "(?:", TOKEN_RE.pattern))
HARD_STOPS = frozenset({"and", "but", "or", "nor", "then"})
QUANTIFIERS = frozenset(
    {"a", "an", "some", "lot", "lots", "of", "much", "any", "more", "bit", "the"}
)
MALE = frozenset({"m", "male", "buck", "boy", "he"})
FEMALE = frozenset({"f", "female", "doe", "girl", "she"})
SUBJECT_CASE = frozenset({"he", "she", "they", "i", "we", "hes", "shes", "theyre", "im", "ive"})
OBJECT_CASE = frozenset({"him", "them", "me", "us", "whom", "himself", "herself", "themselves"})
MEMO_LIMIT = 100_000
CAST_LIMIT = 64
MENTION_KINDS = frozenset({"name", "species", "sex", "group", "some", "role", "pronoun", "person"})
SUBORDINATORS = frozenset(
    {
        "when",
        "while",
        "whilst",
        "as",
        "because",
        "if",
        "until",
        "once",
        "whereas",
        "although",
        "though",
        "before",
        "after",
        "whenever",
        "since",
        "cos",
        "cause",
    }
)
BITES = frozenset({"biting", "nipping"})
NO_SENSES: Mapping[str, str] = MappingProxyType({})
LIST_WORDS = frozenset({"or", "nor", "and"})
AGENT_WORDS = frozenset({"from", "by"})
AGENT_EXACT = frozenset("=" + word for word in AGENT_WORDS)
EVENT_KINDS = frozenset({"signal", "passive"})
LIST_MARKS = frozenset({",", "/", "&"})
# A bitten or scratched rat's own reading (see `_passive`).
WOUND: Mapping[str, str] = {"rat": "wound"}


@dataclass(frozen=True)
class Span:
    """A phrase the reader understood, with the signal and animal it stands for."""

    start: int
    end: int
    text: str
    signal: str
    animal: str | None
    negated: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "signal": self.signal,
            "animal": self.animal,
            "negated": self.negated,
        }


@dataclass(frozen=True)
class Unattributed:
    """A signal the notes report without saying which animal showed it."""

    start: int
    end: int
    text: str
    signal: str
    candidates: tuple[tuple[str, str], ...]
    """Each animal that could have shown it, with the signal it would be for that animal."""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "signal": self.signal,
            "candidates": dict(self.candidates),
        }


@dataclass(frozen=True)
class NotesResult:
    """What a note says: signals by animal, signals without an animal, and every span read."""

    signals: dict[str, tuple[str, ...]]
    unattributed: tuple[Unattributed, ...]
    spans: tuple[Span, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "signals": {animal: list(names) for animal, names in self.signals.items()},
            "unattributed": [item.to_json() for item in self.unattributed],
            "spans": [span.to_json() for span in self.spans],
        }


# --- internal shapes ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Starts:
    """The phrases that start with one word, as the matcher tries them."""

    patterns: tuple[_Pattern, ...]
    single: tuple[_Pattern, ...]
    """Those of one word: the only ones to try in a clause with none of `needs`."""
    needs: frozenset[str]
    """Every later word of the longer ones."""


@dataclass(slots=True)
class _Token:
    kind: str  # "w" word, "s" sentence end, "c" clause mark
    start: int
    end: int
    raw: str
    norm: str = ""
    lemma: str = ""
    exact: str = ""
    sentence: int = 0
    clause: int = 0
    starts: _Starts | None = None
    """The lexicon phrases that start with this word, if any."""


class _Item:
    """A word, mark, name or phrase of the note, as one unit (a phrase may skip words)."""

    __slots__ = ("animal", "entry", "first", "kind", "last", "senses", "tokens")

    def __init__(
        self,
        kind: str,
        first: int,
        last: int,
        tokens: tuple[int, ...],
        entry: Entry | None = None,
        animal: str | None = None,
        senses: Mapping[str, str] = NO_SENSES,
    ) -> None:
        self.kind = kind  # "word", "name", or an Entry kind
        self.first = first  # token indexes
        self.last = last
        self.tokens = tokens
        self.entry = entry
        self.animal = animal
        # A signal phrase's readings by species (shared with the reader: never modified).
        self.senses = senses


@dataclass(frozen=True, slots=True, eq=False)
class _Pattern:
    """A lexicon phrase compiled for matching."""

    phrase: Phrase
    words: int
    need: frozenset[str]
    steps: tuple[tuple[bool, str, int, bool], ...]
    senses: dict[str, str]


@dataclass(slots=True)
class _Mention:
    item: int
    first: int
    last: int
    sentence: int
    animals: frozenset[str] = frozenset()
    person: bool = False
    ambiguous: bool = False
    plural: bool = False
    subject: bool = False
    outsider: bool = False
    subordinate: bool = False
    clause: int = 0


@dataclass(slots=True)
class _Who:
    """The animals a signal goes to, or why it goes to none."""

    animals: frozenset[str] = frozenset()
    ambiguous: bool = False
    person: bool = False
    dropped: bool = False
    explicit: bool = False
    mention: _Mention | None = None


@dataclass(slots=True)
class _Cast:
    listed: tuple[Animal, ...]
    animals: dict[str, Animal]
    program: str
    roles: dict[str, frozenset[str]]
    sex: dict[str, str | None]
    names: dict[str, list[tuple[tuple[str, ...], str]]]
    all: frozenset[str] = field(default_factory=frozenset)
    species: dict[str, str] = field(default_factory=dict)
    able: dict[int, tuple[Mapping[str, str], frozenset[str]]] = field(default_factory=dict)
    """By id of a senses mapping: it, and the animals of the cast with a reading in it."""


def _sex(value: str | None) -> str | None:
    if value is None:
        return None
    word = value.strip().lower()
    if word in MALE:
        return "male"
    if word in FEMALE:
        return "female"
    return None


class NotesReader:
    """Parses notes with one compiled lexicon; safe to share, results never depend on history."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._memo: dict[str, str] = {}
        # Each token text once: its kind and, for a word, normal form, lemma, exact form and the
        # phrases that start with it.
        self._words: dict[str, tuple[str, str, str, str, _Starts | None]] = {}
        self._casts: dict[tuple[object, ...], _Cast] = {}
        self._senses: dict[Entry, dict[str, str]] = {}
        self._agent_senses: dict[str, dict[str, str]] = {}
        # Each phrase compiled once into the steps the matcher walks (see `_pattern`).
        self._patterns = {
            first: tuple(self._pattern(phrase) for phrase in phrases)
            for first, phrases in lexicon.by_first.items()
        }
        self._signal_starts = frozenset(
            first
            for first, phrases in lexicon.by_first.items()
            if any(phrase.entry.kind == "signal" for phrase in phrases)
        )
        words = sorted(set(lexicon.after_negation), key=len, reverse=True)
        self.after_negation = re.compile(
            r"[\s:\-\u2013=?]*(?:"
            + "|".join(re.escape(w) for w in words)
            + r")\s*(?:[.,;!?\n)]|$)",
            re.IGNORECASE,
        )

    def agent_senses(self, signal: str) -> dict[str, str]:
        """The doer's reading of a passive phrase by species (built once per signal)."""
        found = self._agent_senses.get(signal)
        if found is None:
            found = self._agent_senses[signal] = {
                species: sense
                for species, names in self.lexicon.species_signals.items()
                if (sense := _agent_sense(signal, names)) is not None
            }
        return found

    def senses(self, entry: Entry) -> dict[str, str]:
        """An entry's readings by species, as a dict (built once per entry)."""
        found = self._senses.get(entry)
        if found is None:
            found = self._senses[entry] = dict(entry.senses)
        return found

    def _pattern(self, phrase: Phrase) -> _Pattern:
        """A phrase as steps: (exact form?, word, words allowed before it, may pass a name?)."""
        lexicon = self.lexicon
        cross = phrase.entry.kind == "signal"
        steps: list[tuple[bool, str, int, bool]] = []
        wide = False
        previous = phrase.parts[0]
        for part in phrase.parts[1:]:
            if part == WILD:
                wide = True
                continue
            # Only a content word may have words between it and the next: "tail was twitching".
            word = previous.lstrip("=")
            content = (
                len(word) > 2
                and word not in lexicon.determiners
                and word not in lexicon.prepositions
            )
            limit = WIDE_GAP if wide else (GAP if content else 0)
            exact = part.startswith("=")
            steps.append((exact, part[1:] if exact else part, limit, wide and cross))
            wide = False
            previous = part
        senses = self.senses(phrase.entry) if phrase.entry.senses else {}
        return _Pattern(phrase, phrase.words, phrase.need, tuple(steps), senses)

    # --- words ---------------------------------------------------------------------------

    def lemma(self, norm: str) -> str:
        """The lexicon lemma of a normalised word, correcting small typos of lexicon words."""
        known = self._memo.get(norm)
        if known is None:
            known = self._lemma(norm)
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            self._memo[norm] = known
        return known

    def _lemma(self, norm: str) -> str:
        lexicon = self.lexicon
        if norm in lexicon.surface:
            return lexicon.surface[norm]
        base = stem(norm)
        if base in lexicon.lemmas or norm in lexicon.protected or len(norm) < 5:
            return base
        if not norm.isalpha():
            return base
        targets = lexicon.fuzzy_targets.get(norm[0])
        if not targets:
            return base
        # Imported here: rapidfuzz costs start-up time and most notes never need it.
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        limit = 1 if len(norm) < 8 else 2
        hits = process.extract(norm, targets, scorer=OSA.distance, score_cutoff=limit, limit=8)
        if not hits:
            return base
        best = min(hit[1] for hit in hits)
        # Among equally close words, the one of the nearest length and longest shared start.
        chosen = min(
            (hit[0] for hit in hits if hit[1] == best),
            key=lambda form: (abs(len(form) - len(norm)), -_shared(form, norm), form),
        )
        return lexicon.surface[chosen]

    # --- parsing -------------------------------------------------------------------------

    def parse(
        self,
        text: str,
        animals: Sequence[Animal] | Mapping[str, Animal],
        program: str,
        roles: Mapping[str, Sequence[str]] | None = None,
    ) -> NotesResult:
        """Read `text` about `animals` in `program`; roles (if given) resolve "the new boy"."""
        cast = self._cast(animals, program, roles)
        tokens, segments, named = self._tokens(text, cast)
        items, item_of, phrases = self._items(tokens, segments, named, cast)
        mentions = self._mentions(items, phrases, tokens, cast)
        reading = _Reading(self, text, tokens, segments, items, item_of, mentions, cast)
        return reading.result(phrases)

    def _cast(
        self,
        animals: Sequence[Animal] | Mapping[str, Animal],
        program: str,
        roles: Mapping[str, Sequence[str]] | None,
    ) -> _Cast:
        listed = list(animals.values()) if isinstance(animals, Mapping) else list(animals)
        # One cast is read for many notes (every session of a scenario): build it once. Animals
        # are frozen, so the same objects mean the same cast; the cast keeps them alive, so
        # their ids are not reused while the key is in the memo.
        key = (
            tuple(map(id, listed)),
            program,
            tuple((r, tuple(m)) for r, m in (roles or {}).items()),
        )
        cast = self._casts.get(key)
        if cast is None:
            cast = self._new_cast(listed, program, roles)
            if len(self._casts) >= CAST_LIMIT:
                self._casts.clear()
            self._casts[key] = cast
        return cast

    def _new_cast(
        self, listed: list[Animal], program: str, roles: Mapping[str, Sequence[str]] | None
    ) -> _Cast:
        by_id = {animal.id: animal for animal in listed}
        names: dict[tuple[str, ...], str] = {}
        for animal in listed:
            names.setdefault((normalise(animal.id),), animal.id)
        for animal in listed:
            if animal.name:
                words = tuple(normalise(m.group()) for m in TOKEN_RE.finditer(animal.name))
                if words:
                    names[words] = animal.id
        role_sets = {
            role: frozenset(m for m in members if m in by_id)
            for role, members in (roles or {}).items()
        }
        if not role_sets and program == "rat-rat":
            role_sets = _roles_by_arrival(listed)
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, animal_id in names.items():
            by_first.setdefault(words[0], []).append((words, animal_id))
        return _Cast(
            listed=tuple(listed),
            animals=by_id,
            program=program,
            roles=role_sets,
            sex={animal.id: _sex(animal.sex) for animal in listed},
            names=by_first,
            all=frozenset(by_id),
            species={animal.id: animal.species for animal in listed},
        )

    def _tokens(self, text: str, cast: _Cast) -> tuple[list[_Token], list[set[str]], list[int]]:
        """The tokens; per clause, the lemmas and exact forms in it; where a name may start."""
        tokens: list[_Token] = []
        append = tokens.append
        words = self._words
        names = cast.names
        named: list[int] = []
        segment: set[str] = set()
        segments = [segment]
        sentence = clause = 0
        end = 0
        find = text.find
        # The strings alone, then their places: cheaper than a match object per token. Each is
        # found at its match, as no token's text occurs in the gap the pattern skipped.
        for raw in TOKEN_TEXT_RE.findall(text):
            start = find(raw, end)
            end = start + len(raw)
            known = words.get(raw)
            if known is None:
                known = self._word(raw)
                if len(words) >= MEMO_LIMIT:
                    words.clear()
                words[raw] = known
            kind, norm, lemma, exact, starts = known
            if kind == "w":
                if norm in names:
                    named.append(len(tokens))
                segment.add(lemma)
                segment.add(exact)
                append(_Token("w", start, end, raw, norm, lemma, exact, sentence, clause, starts))
            else:
                append(_Token(kind, start, end, raw, "", "", "", sentence, clause))
                clause += 1
                segment = set()
                segments.append(segment)
                if kind == "s":
                    sentence += 1
        return tokens, segments, named

    def _word(self, raw: str) -> tuple[str, str, str, str, _Starts | None]:
        """What a token's text is: its kind, and for a word its forms and the phrases it opens."""
        match = TOKEN_RE.fullmatch(raw)
        kind = match.lastgroup if match is not None else None
        if kind != "w":
            return kind or "c", "", "", "", None
        norm = normalise(raw)
        lemma = self.lemma(norm)
        exact = "=" + norm
        patterns = self._patterns.get(lemma, ()) + self._patterns.get(exact, ())
        if not patterns:
            return kind, norm, lemma, exact, None
        single = tuple(pattern for pattern in patterns if not pattern.need)
        needs = frozenset().union(*(pattern.need for pattern in patterns))
        return kind, norm, lemma, exact, _Starts(patterns, single, needs)

    def _items(
        self, tokens: list[_Token], segments: list[set[str]], named: list[int], cast: _Cast
    ) -> tuple[list[_Item], list[int], list[int]]:
        """The items (a word, mark, name or phrase each), the item of each token, and the
        indexes of the items that are names or phrases."""
        items: list[_Item] = []
        append = items.append
        count = len(tokens)
        item_of = [-1] * count
        consumed = [False] * count
        names: dict[int, tuple[str, int]] = {}
        # A phrase never reaches across an animal's name ("bit Max hard" is not "bit hard").
        fence = [False] * count
        phrases: list[int] = []
        for index in named:
            found = self._name_at(tokens, index, cast)
            if found is not None:
                names[index] = found
                fence[index] = True
        for index, token in enumerate(tokens):
            if consumed[index]:
                continue
            if token.kind != "w":
                item_of[index] = len(items)
                append(_Item(token.kind, index, index, (index,)))
                continue
            found = names.get(index) if names else None
            if found is not None:
                animal, last = found
                positions = tuple(range(index, last + 1))
                item = _Item("name", index, last, positions, animal=animal)
            elif token.starts is None:
                item_of[index] = len(items)
                append(_Item("word", index, index, (index,)))
                continue
            else:
                match = self._phrase_at(tokens, index, consumed, fence, segments[token.clause])
                if match is None:
                    item_of[index] = len(items)
                    append(_Item("word", index, index, (index,)))
                    continue
                pattern, positions = match
                entry = pattern.phrase.entry
                last = positions[-1]
                item = _Item(entry.kind, index, last, positions, entry, senses=pattern.senses)
            number = len(items)
            for position in item.tokens:
                consumed[position] = True
                item_of[position] = number
            phrases.append(number)
            append(item)
        return items, item_of, phrases

    def _name_at(self, tokens: list[_Token], index: int, cast: _Cast) -> tuple[str, int] | None:
        best: tuple[str, int] | None = None
        for words, animal in cast.names.get(tokens[index].norm, ()):
            end = index + len(words)
            if end > len(tokens):
                continue
            if all(
                tokens[index + k].kind == "w" and tokens[index + k].norm == words[k]
                for k in range(len(words))
            ) and (best is None or end - 1 > best[1]):
                best = (animal, end - 1)
        if best is None:
            return None
        token = tokens[index]
        name = cast.animals[best[0]].name
        # A lower-case signal word ("nibbles") is that word, not the rat called Nibbles.
        if (
            token.raw.islower()
            and name is not None
            and name != name.lower()
            and token.lemma in self._signal_starts
        ):
            return None
        return best

    def _phrase_at(
        self,
        tokens: list[_Token],
        index: int,
        consumed: list[bool],
        fence: list[bool],
        segment: set[str],
    ) -> tuple[_Pattern, tuple[int, ...]] | None:
        starts = tokens[index].starts
        assert starts is not None
        # Cheap rejection: a phrase stays inside one clause, so all its words must be there.
        candidates = starts.single if starts.needs.isdisjoint(segment) else starts.patterns
        best: _Pattern | None = None
        best_positions: tuple[int, ...] = ()
        count = len(tokens)
        for pattern in candidates:
            if best is not None and pattern.words < best.words:
                continue
            # Cheap rejection: a phrase stays inside one clause, so all its words must be there.
            if pattern.need and not pattern.need <= segment:
                continue
            positions = [index]
            current = index
            for exact_form, value, limit, cross in pattern.steps:
                found = -1
                stop = min(count, current + 2 + limit)
                for position in range(current + 1, stop):
                    candidate = tokens[position]
                    if candidate.kind != "w" or consumed[position]:
                        break
                    # Only a signal phrase's "..." may pass over a name.
                    if fence[position] and not cross:
                        break
                    if (candidate.norm if exact_form else candidate.lemma) == value:
                        found = position
                        break
                    if candidate.norm in HARD_STOPS:
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

    def _mentions(
        self, items: list[_Item], phrases: list[int], tokens: list[_Token], cast: _Cast
    ) -> list[_Mention]:
        mentions: list[_Mention] = []
        for index in phrases:
            item = items[index]
            if item.kind not in MENTION_KINDS:
                continue
            first = tokens[item.first]
            mention = _Mention(index, item.first, item.last, first.sentence, clause=first.clause)
            entry = item.entry
            following = items[index + 1] if index + 1 < len(items) else None
            # "my cat", "both rats": the word only introduces the animal named next.
            if (
                item.kind in {"person", "group"}
                and following is not None
                and following.kind in {"name", "species", "sex", "role", "some"}
            ):
                continue
            # "they were both out": a floating "both" repeats the mention before it.
            if (
                item.kind == "group"
                and tokens[item.first].norm == "both"
                and item.first == item.last
                and mentions
                and mentions[-1].clause == mention.clause
                and mentions[-1].sentence == mention.sentence
            ):
                continue
            if item.kind == "person":
                mention.person = True
            elif item.kind == "name":
                assert item.animal is not None
                mention.animals = frozenset({item.animal})
            elif entry is not None and item.kind == "pronoun":
                after_verb = self._after_verb(item, tokens)
                self._pronoun(mention, entry, mentions, cast, after_verb)
            elif entry is not None:
                self._word_mention(mention, item.kind, entry, cast)
            mention.subject, mention.subordinate = self._role_in_clause(item, tokens)
            norm = tokens[item.first].norm
            if norm in SUBJECT_CASE:
                mention.subject = True
            elif norm in OBJECT_CASE:
                mention.subject = False
            if mention.animals and len(mention.animals) > 1 and not mention.ambiguous:
                mention.plural = True
            # "Rex and Max sniffed": two subjects joined by "and" act together.
            if mentions and mention.subject and not mention.person:
                before = mentions[-1]
                between = [tokens[k] for k in range(before.last + 1, item.first)]
                if (
                    before.subject
                    and not before.person
                    and before.sentence == mention.sentence
                    and len(between) == 1
                    and between[0].norm
                    in {"and", "&"}
                    | ({""} if between[0].kind == "c" and between[0].raw == "&" else set())
                ):
                    mention.animals = before.animals | mention.animals
                    mention.plural = True
                    mention.ambiguous = before.ambiguous or mention.ambiguous
            mentions.append(mention)
        return mentions

    def _word_mention(self, mention: _Mention, kind: str, entry: Entry, cast: _Cast) -> None:
        chosen: frozenset[str]
        if kind == "species":
            chosen = frozenset(
                a for a, animal in cast.animals.items() if animal.species == entry.key
            )
        elif kind == "sex":
            known = [a for a, sex in cast.sex.items() if sex is not None]
            chosen = frozenset(a for a in known if cast.sex[a] == entry.key) if known else cast.all
        elif kind == "group":
            chosen = cast.all
        elif kind == "some":
            chosen = frozenset(
                a for a, animal in cast.animals.items() if entry.key in {"any", animal.species}
            )
            mention.animals = chosen
            mention.ambiguous = len(chosen) != 1
            mention.outsider = not chosen
            return
        else:
            program, _, role = entry.key.partition(":")
            if program != cast.program:
                mention.outsider = True
                return
            chosen = cast.roles.get(role, frozenset())
        mention.plural = entry.plural
        if not chosen:
            mention.outsider = kind in {"species", "role"}
            mention.ambiguous = not mention.outsider
            mention.animals = cast.all
            return
        mention.animals = chosen
        mention.ambiguous = not entry.plural and len(chosen) > 1

    def _pronoun(
        self,
        mention: _Mention,
        entry: Entry,
        earlier: list[_Mention],
        cast: _Cast,
        after_verb: bool,
    ) -> None:
        key = entry.key
        recent = [
            m
            for m in reversed(earlier)
            if m.sentence >= mention.sentence - 2 and not m.person and m.animals and not m.outsider
        ]
        if after_verb and key != "relative":
            # "Willow groomed her": an object pronoun is not the subject of its own clause.
            subject = next(
                (m for m in recent if m.subject and m.sentence == mention.sentence), None
            )
            if subject is not None:
                recent = [m for m in recent if m.animals != subject.animals]
        if key == "relative":
            if earlier and not earlier[-1].person:
                _copy(mention, earlier[-1])
            return
        if key == "plural":
            mention.plural = True
            for candidate in recent:
                if candidate.plural and candidate.sentence >= mention.sentence - 1:
                    _copy(mention, candidate)
                    return
            singles: set[str] = set()
            for candidate in recent:
                if candidate.sentence >= mention.sentence - 1 and len(candidate.animals) == 1:
                    singles |= candidate.animals
            if len(singles) > 1:
                mention.animals = frozenset(singles)
            else:
                # With no antecedent "they" is everyone only in a pair; in a group, some of them.
                mention.animals = cast.all
                mention.ambiguous = len(cast.all) > 2
            return
        for candidate in recent:
            if len(candidate.animals) == 1 and not candidate.ambiguous:
                (animal,) = candidate.animals
                if key == "neuter" or cast.sex[animal] in {None, key}:
                    mention.animals = candidate.animals
                    return
        fitting = frozenset(a for a in cast.all if key == "neuter" or cast.sex[a] in {None, key})
        if len(fitting) == 1:
            mention.animals = fitting
        else:
            mention.animals = fitting or cast.all
            mention.ambiguous = True

    def _role_in_clause(self, item: _Item, tokens: list[_Token]) -> tuple[bool, bool]:
        """(subject, subordinate): does the mention open its clause, and after "when" or like?"""
        lexicon = self.lexicon
        position = item.first - 1
        while (
            position >= 0
            and tokens[position].kind == "w"
            and tokens[position].lemma in lexicon.determiners
        ):
            position -= 1
        if position < 0 or tokens[position].kind != "w":
            return True, False
        word = tokens[position].norm
        if word in SUBORDINATORS:
            return True, True
        return tokens[position].lemma in lexicon.subject_openers, False

    def _after_verb(self, item: _Item, tokens: list[_Token]) -> bool:
        """Whether a pronoun follows a verb directly ("groomed her"), not a preposition."""
        position = item.first - 1
        if position < 0 or tokens[position].kind != "w":
            return False
        lemma = tokens[position].lemma
        lexicon = self.lexicon
        return not (
            lemma in lexicon.prepositions
            or lemma in lexicon.determiners
            or lemma in lexicon.subject_openers
            or tokens[position].norm in HARD_STOPS
        )


def _shared(left: str, right: str) -> int:
    count = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        count += 1
    return count


def _copy(target: _Mention, source: _Mention) -> None:
    target.animals = source.animals
    target.ambiguous = source.ambiguous
    target.plural = source.plural
    target.outsider = source.outsider


def _roles_by_arrival(animals: list[Animal]) -> dict[str, frozenset[str]]:
    """Without roles, the rats that arrived last are the newcomers (when dates tell them apart)."""
    dated = [a for a in animals if a.arrived is not None]
    if len(dated) < 2:
        return {}
    latest = max(a.arrived for a in dated if a.arrived is not None)
    newcomers = frozenset(a.id for a in dated if a.arrived == latest)
    residents = frozenset(a.id for a in animals if a.id not in newcomers)
    if not residents:
        return {}
    return {"newcomer": newcomers, "residents": residents}


class _Reading:
    """One parse in progress: attribution, negation and senses of every signal item."""

    def __init__(
        self,
        reader: NotesReader,
        text: str,
        tokens: list[_Token],
        segments: list[set[str]],
        items: list[_Item],
        item_of: list[int],
        mentions: list[_Mention],
        cast: _Cast,
    ) -> None:
        self.reader = reader
        self.lexicon = reader.lexicon
        self.text = text
        self.tokens = tokens
        self.segments = segments
        self.items = items
        self.item_of = item_of
        self.mentions = mentions
        self.mention_at = {m.item: m for m in mentions}
        self.by_sentence: dict[int, list[_Mention]] = {}
        for mention in mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.cast = cast
        self.spans: list[Span] = []
        self.unattributed: list[Unattributed] = []
        # The same object is asked for several times in one parse.
        self._object_memo: dict[int, tuple[_Mention, int] | None] = {}
        self.program_senses = reader.lexicon.program_senses.get(cast.program, {})

    def result(self, phrases: list[int]) -> NotesResult:
        """The reading of every signal and passive phrase among `phrases` (item indexes)."""
        self.lists = self._lists([k for k in phrases if self.items[k].kind in EVENT_KINDS])
        # Sentences that report a bite on the owner: blood there is the owner's.
        self.owner_bitten: set[int] = set()
        items = self.items
        for index in self.lists:
            item = items[index]
            if item.kind == "signal" and not BITES.isdisjoint(item.senses.values()):
                found = self._object_after(item)
                if found is not None and found[0].person:
                    self.owner_bitten.add(self.tokens[item.first].sentence)
        for index in self.lists:
            item = items[index]
            if item.kind == "signal":
                self._signal(index, item)
            else:
                self._passive(index, item)
        signals: dict[str, list[str]] = {}
        for span in self.spans:
            if span.animal is not None and not span.negated:
                names = signals.setdefault(span.animal, [])
                if span.signal not in names:
                    names.append(span.signal)
        return NotesResult(
            signals={animal: tuple(names) for animal, names in signals.items()},
            unattributed=tuple(self.unattributed),
            spans=tuple(self.spans),
        )

    # --- helpers -------------------------------------------------------------------------

    def _bounds(self, item: _Item) -> tuple[int, int]:
        return self.tokens[item.first].start, self.tokens[item.last].end

    def _able(self, animals: frozenset[str], senses: Mapping[str, str]) -> frozenset[str]:
        """The animals among `animals` whose species has a reading in `senses`."""
        cast = self.cast
        known = cast.able.get(id(senses))
        if known is None:
            species = cast.species
            able = frozenset(a for a in cast.all if species[a] in senses)
            # The senses are kept with the answer, so their id cannot be reused meanwhile.
            known = cast.able[id(senses)] = (senses, able)
        return known[1] if animals is cast.all else animals & known[1]

    def _class(self, animal: str, signal: str) -> SessionClass:
        klass = self.lexicon.classes[self.cast.animals[animal].species][signal]
        return "stress" if klass == "illness" else klass  # type: ignore[return-value]

    def _emit(
        self, item: _Item, animals: frozenset[str], senses: Mapping[str, str], negated: bool
    ) -> None:
        start, end = self._bounds(item)
        found = self._object_after(item)
        obj = found[0] if found is not None else None
        direct = found is not None and found[1] == 0
        extra: dict[str, str] = {}
        for animal in sorted(animals):
            signal = self._sense(
                animal, senses, obj if obj is None or direct or not obj.person else None
            )
            if signal is None:
                continue
            self.spans.append(Span(start, end, self.text[start:end], signal, animal, negated))
            if (
                signal in self.lexicon.reciprocal
                and obj is not None
                and not obj.ambiguous
                and not obj.person
            ):
                for other in sorted(obj.animals - animals):
                    species = self.cast.animals[other].species
                    if signal in self.lexicon.species_signals.get(species, frozenset()):
                        extra[other] = signal
        for other, signal in extra.items():
            self.spans.append(Span(start, end, self.text[start:end], signal, other, negated))

    def _sense(self, animal: str, senses: Mapping[str, str], obj: _Mention | None) -> str | None:
        species = self.cast.species[animal]
        signal = senses.get(species)
        if signal is None:
            return None
        if obj is not None and not obj.outsider:
            kinds = (
                {"person"}
                if obj.person
                else {self.cast.animals[a].species for a in obj.animals if a != animal}
            )
            if len(kinds) == 1:
                (kind,) = kinds
                mapped = self.lexicon.object_senses.get(species, {}).get(kind, {})
                if signal in mapped:
                    return mapped[signal]
        program = self.program_senses.get(species)
        return signal if program is None else program.get(signal, signal)

    def _unattributed(
        self, item: _Item, animals: frozenset[str], senses: Mapping[str, str], negated: bool
    ) -> None:
        start, end = self._bounds(item)
        candidates = tuple(
            (animal, signal)
            for animal in sorted(animals)
            if (signal := self._sense(animal, senses, None)) is not None
        )
        if not candidates:
            return
        worst = max(candidates, key=lambda pair: CLASS_RANK[self._class(*pair)])[1]
        self.spans.append(Span(start, end, self.text[start:end], worst, None, negated))
        if not negated:
            self.unattributed.append(
                Unattributed(start, end, self.text[start:end], worst, candidates)
            )

    def _object_after(self, item: _Item) -> tuple[_Mention, int] | None:
        """The mention right after a phrase ("groomed Hazel", "puffed up at the cat"), and how
        many words sit between them; "Rex and Max" count as one object."""
        memo = self._object_memo
        if item.first in memo:
            return memo[item.first]
        found = memo[item.first] = self._find_object_after(item)
        return found

    def _find_object_after(self, item: _Item) -> tuple[_Mention, int] | None:
        lexicon = self.lexicon
        position = item.last + 1
        steps = 0
        while position < len(self.tokens) and steps < 3:
            token = self.tokens[position]
            if token.kind != "w":
                return None
            mention = self.mention_at.get(self.item_of[position])
            if mention is not None:
                joined = mention.last + 2
                if (
                    joined < len(self.tokens)
                    and self.tokens[mention.last + 1].norm in {"and", "&"}
                    and (other := self.mention_at.get(self.item_of[joined])) is not None
                    and not other.person
                    and not mention.person
                ):
                    both = _Mention(mention.item, mention.first, other.last, mention.sentence)
                    both.animals = mention.animals | other.animals
                    both.ambiguous = mention.ambiguous or other.ambiguous
                    both.plural = True
                    return both, steps
                return mention, steps
            if token.lemma not in lexicon.prepositions and token.lemma not in lexicon.determiners:
                return None
            position += 1
            steps += 1
        return None

    def _agent_after(self, item: _Item) -> _Mention | None:
        """The doer named after the phrase: "hissing from Tom", "a lunge by the cat"."""
        position = item.last + 1
        limit = position + 3
        # The doer stays in the phrase's clause: most clauses have no "from" or "by".
        if self.segments[self.tokens[item.last].clause].isdisjoint(AGENT_EXACT):
            return None
        while position < len(self.tokens) and position < limit:
            token = self.tokens[position]
            if token.kind != "w":
                return None
            if token.norm in AGENT_WORDS:
                following = position + 1
                while (
                    following < len(self.tokens)
                    and self.tokens[following].kind == "w"
                    and self.tokens[following].lemma in self.lexicon.determiners
                    and self.mention_at.get(self.item_of[following]) is None
                ):
                    following += 1
                if following < len(self.tokens):
                    mention = self.mention_at.get(self.item_of[following])
                    if mention is not None and not mention.person:
                        return mention
                return None
            position += 1
        return None

    def _before(self, item: _Item) -> list[_Mention]:
        sentence = self.tokens[item.first].sentence
        first = item.first
        return [m for m in self.by_sentence.get(sentence, ()) if m.last < first]

    def _verbal(self, item: _Item) -> bool:
        token = self.tokens[item.first]
        previous = item.first - 1
        before = self.tokens[previous] if previous >= 0 else None
        if before is not None and before.kind == "w" and before.norm in QUANTIFIERS:
            return False
        if token.norm.endswith("ing"):
            return (
                before is not None
                and before.kind == "w"
                and before.lemma in self.lexicon.auxiliaries
            )
        return True

    def _carried(self, item: _Item) -> _Mention | None:
        sentence = self.tokens[item.first].sentence
        if sentence == 0 or self._before(item):
            return None
        previous = [m for m in self.mentions if m.sentence == sentence - 1 and not m.person]
        subjects = [m for m in previous if m.subject]
        return subjects[-1] if subjects else (previous[-1] if previous else None)

    def _from_mention(self, mention: _Mention, senses: Mapping[str, str], item: _Item) -> _Who:
        if mention.person:
            return _Who(person=True, dropped=True, explicit=True, mention=mention)
        if mention.outsider:
            return _Who(dropped=True, explicit=True, mention=mention)
        able = self._able(mention.animals, senses)
        if able:
            return _Who(
                able, ambiguous=mention.ambiguous and len(able) > 1, explicit=True, mention=mention
            )
        # The named animal cannot show this; one named between it and the phrase may ("Pip
        # watched Tom lunge"), never one named after the phrase.
        low, high = sorted((mention.last, item.first))
        others = sorted(
            (
                m
                for m in self.mentions
                if low < m.first < high and m is not mention and not m.person and not m.outsider
            ),
            key=lambda m: abs(m.first - item.first),
        )
        for other in others:
            able = self._able(other.animals, senses)
            if able:
                return _Who(
                    able, ambiguous=other.ambiguous and len(able) > 1, explicit=True, mention=other
                )
        return _Who(dropped=True, explicit=True, mention=mention)

    # --- who showed it ---------------------------------------------------------------------

    def _actor(self, index: int, item: _Item, senses: Mapping[str, str]) -> _Who:
        # "Sidling, puffing, hissing from Max": the doer named after a list does all of it.
        agent = self._agent_after(self.items[self._list_bounds(index, joiner=False)[1]])
        if agent is not None:
            return self._from_mention(agent, senses, item)
        before = self._before(item)
        clause = self.tokens[item.first].clause
        # A subject after "when" or "while" does things in its own clause only.
        subjects = [m for m in before if m.subject and (not m.subordinate or m.clause == clause)]
        animals = [m for m in before if not m.person]
        if subjects:
            chosen = subjects[-1]
            later = [m for m in animals if m.first > chosen.first]
            if chosen.person and later:
                chosen = later[-1]
            return self._from_mention(chosen, senses, item)
        if animals:
            return self._from_mention(animals[-1], senses, item)
        return self._implicit(item, senses)

    def _implicit(self, item: _Item, senses: Mapping[str, str]) -> _Who:
        candidates = self._able(self.cast.all, senses)
        if len(candidates) == 1:
            return _Who(candidates)
        carried = self._carried(item) if self._verbal(item) else None
        if carried is not None and not carried.outsider:
            able = self._able(carried.animals, senses)
            if able:
                return _Who(able, ambiguous=carried.ambiguous and len(able) > 1)
        return _Who(candidates, ambiguous=True)

    def _victim(self, item: _Item, senses: Mapping[str, str]) -> _Who:
        found = self._object_after(item)
        if found is not None:
            return self._from_mention(found[0], senses, item)
        sentence = self.tokens[item.first].sentence
        if sentence in self.owner_bitten or sentence - 1 in self.owner_bitten:
            return _Who(person=True, dropped=True)
        before = self._before(item)
        if before:
            return self._from_mention(before[-1], senses, item)
        return self._implicit(item, senses)

    # --- what it means ---------------------------------------------------------------------

    def _signal(self, index: int, item: _Item) -> None:
        senses = item.senses
        if not self._able(self.cast.all, senses):
            return
        kinds = senses.values()
        negated = self._negated(index)
        if not self.lexicon.victim_signals.isdisjoint(kinds):
            who = self._victim(item, senses)
        else:
            who = self._actor(index, item, senses)
        if who.dropped:
            return
        if (who.ambiguous or not who.explicit) and not self.lexicon.reciprocal.isdisjoint(kinds):
            # "A proper fight between Rex and Ziggy": the pair named after it shares it.
            found = self._object_after(item)
            if found is not None and not found[0].person and not found[0].ambiguous:
                able = self._able(found[0].animals, senses)
                if able:
                    who = _Who(able, explicit=True)
        if who.ambiguous or not who.animals:
            candidates = who.animals or self._able(self.cast.all, senses)
            self._unattributed(item, candidates, senses, negated)
            return
        self._emit(item, who.animals, senses, negated)

    def _passive(self, index: int, item: _Item) -> None:
        assert item.entry is not None
        agent_signal = dict(item.entry.senses)[""]
        negated = self._negated(index)
        cast = self.cast
        lexicon = self.lexicon
        before = self._before(item)
        victim = before[-1] if before else None
        if victim is None and cast.program == "rat-human":
            victim = _Mention(-1, item.first, item.first, 0, person=True)
        victims: frozenset[str] = frozenset()
        if victim is not None and not victim.person and not victim.outsider:
            victims = victim.animals
            wounded = frozenset(a for a in victims if cast.animals[a].species == "rat")
            if agent_signal in lexicon.passive_wounds and wounded:
                if victim.ambiguous and len(wounded) > 1:
                    self._unattributed(item, wounded, WOUND, negated)
                else:
                    self._emit(item, wounded, WOUND, negated)
        senses = self.reader.agent_senses(agent_signal)
        found = self._object_after(item)
        agent = self._agent_after(item) or (found[0] if found is not None else None)
        if agent is not None and not agent.person and not agent.outsider:
            able = self._able(agent.animals, senses)
            if able:
                if agent.ambiguous and len(able) > 1:
                    self._unattributed(item, able, senses, negated)
                else:
                    self._emit(item, able, senses, negated)
            return
        if (
            victim is not None
            and victims
            and all(cast.animals[a].species == "rat" for a in victims)
        ):
            return  # a rat was hurt by someone unnamed: the wound says enough
        others = self._able(cast.all - victims, senses)
        if len(others) == 1:
            self._emit(item, others, senses, negated)
        elif others:
            self._unattributed(item, others, senses, negated)

    # --- denial ----------------------------------------------------------------------------

    def _list_bounds(self, index: int, joiner: bool = True) -> tuple[int, int]:
        """First and last signal of a coordinated list ("hissing, growling or swatting")."""
        first, last, joined = self.lists[index]
        return (first, last) if joined or not joiner else (index, index)

    def _lists(self, events: list[int]) -> dict[int, tuple[int, int, bool]]:
        """For each signal item, in order: its list's first and last member, and whether "or",
        "nor" or "and" joins the list. Members are signals one separator apart (a comma, "/",
        "&" or one of those words)."""
        items = self.items
        tokens = self.tokens
        lists: dict[int, tuple[int, int, bool]] = {}
        members: list[int] = []
        joined = False
        for index in events:
            if members and members[-1] == index - 2:
                separator = items[index - 1]
                token = tokens[separator.first]
                word = token.norm if separator.kind == "word" else ""
                if word in LIST_WORDS or (
                    separator.kind == "c" and token.raw.strip() in LIST_MARKS
                ):
                    members.append(index)
                    joined = joined or word in LIST_WORDS
                    continue
            for member in members:
                lists[member] = (members[0], members[-1], joined)
            members = [index]
            joined = False
        for member in members:
            lists[member] = (members[0], members[-1], joined)
        return lists

    def _negated(self, index: int) -> bool:
        item = self.items[index]
        lexicon = self.lexicon
        for position in range(item.first + 1, item.last):
            inner = self.items[self.item_of[position]]
            if inner is not item and inner.kind in {"cue", "hypo"}:
                return True
        start = self._list_bounds(index)[0]
        position = self.items[start].first - 1
        words = 0
        while position >= 0 and words < 7:
            token = self.tokens[position]
            if token.kind != "w":
                break
            owner = self.items[self.item_of[position]]
            if owner.kind in {"cue", "hypo"}:
                return True
            if owner.kind in {"signal", "passive"}:
                break
            # "didn't struggle or squeak": a disjunction carries the denial on.
            if token.lemma in lexicon.list_joiners:
                words += 1
                position -= 1
                continue
            if token.lemma in lexicon.scope_ends or token.norm in HARD_STOPS:
                break
            words += 1
            position -= 1
        # The pattern is cheaper to try first and rarely matches.
        end = self.tokens[item.last].end
        return bool(self.reader.after_negation.match(self.text, end)) and self._clause_opening(
            start
        )

    def _clause_opening(self, index: int) -> bool:
        position = self.items[index].first - 1
        while position >= 0 and self.tokens[position].kind == "w":
            owner = self.items[self.item_of[position]]
            if self.mention_at.get(self.item_of[position]) is None and owner.kind != "word":
                return False
            if owner.kind == "word" and self.tokens[position].lemma not in self.lexicon.determiners:
                return False
            position -= 1
        return True


def _agent_sense(signal: str, names: frozenset[str]) -> str | None:
    """The doer's signal of a passive phrase, for a species: a cat's nip is a bite."""
    if signal in names:
        return signal
    if signal == "nipping" and "biting" in names:
        return "biting"
    return None
