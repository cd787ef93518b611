"""Read an owner's notes: find signal phrases, keep or deny them, and say which animal showed
them, stage by stage (tokens, phrases, mentions, negation and scope, attribution).

Pure and deterministic: a `NotesReader` holds a compiled lexicon and parses text with no I/O.
Every rule is listed in docs/notes.md; the words behind the rules live in data/notes.yaml.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from ratbond.model import Animal
from ratbond.notes.attribution import Attribution
from ratbond.notes.cast import CAST_CACHE, Cast, new_cast
from ratbond.notes.lexicon import Lexicon, normalise
from ratbond.notes.mentions import find_mentions
from ratbond.notes.negation import after_pattern, find_scope
from ratbond.notes.patterns import compile_patterns
from ratbond.notes.phrases import find_phrases
from ratbond.notes.result import NotesResult
from ratbond.notes.retract import explained_quotes, retract, starred
from ratbond.notes.tokens import (
    WordTable,
    scanned_digits,
    scanned_word,
    token_finder,
    tokenise,
)

Roles = tuple[tuple[str, tuple[str, ...]], ...]


class NotesReader:
    """Parses notes with one compiled lexicon; safe to share, results never depend on history."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.words = WordTable(lexicon, compile_patterns(lexicon))
        self.after = after_pattern(lexicon)
        self.find_tokens = token_finder(lexicon.shorthand)
        # One cast is read for many notes (every session of a scenario): built once.
        self.cast: Callable[[tuple[Animal, ...], str, Roles], Cast] = lru_cache(maxsize=CAST_CACHE)(
            lambda animals, program, roles: new_cast(lexicon, animals, program, roles)
        )

    def lemma(self, norm: str) -> str:
        """The lexicon lemma of a normalised word, correcting small typos of lexicon words."""
        return self.words.lemma(norm)

    def harm_word(self, written: str) -> bool:
        """Whether a written word is by itself a signal of harm or danger ("bit", "scratched",
        "bleeding"): a starred word that is none never writes over it."""
        lexicon = self.lexicon
        lemma = lexicon.stem(normalise(written.lower()))
        return any(
            signal in lexicon.harm_signals or lexicon.classes[species].get(signal) == "danger"
            for phrase in lexicon.by_first.get(lemma, ())
            if len(phrase.parts) == 1 and phrase.entry.kind == "signal"
            for species, signal in phrase.entry.senses
            if species in lexicon.classes
        )

    def parse(
        self,
        text: str,
        animals: Sequence[Animal] | Mapping[str, Animal],
        program: str,
        roles: Mapping[str, Sequence[str]] | None = None,
    ) -> NotesResult:
        """Read `text` about `animals` in `program`; roles (if given) resolve "the new boy"."""
        lexicon = self.lexicon
        listed = tuple(animals.values()) if isinstance(animals, Mapping) else tuple(animals)
        cast = self.cast(listed, program, tuple((r, tuple(m)) for r, m in (roles or {}).items()))
        if lexicon.scan_digits and any(digit in text for digit in lexicon.scan_digits):
            text = scanned_digits(
                text,
                lexicon.scan_digits,
                lexicon.scan_units,
                lambda word: scanned_word(
                    word, lexicon.scan_letters, lexicon.surface, cast.openers
                ),
            )
        if "*" in text:
            text = starred(text, self.harm_word, self.words.real_word)
        if lexicon.explanations and any(q in text for q in "\"'\u201c"):
            text = explained_quotes(text, lexicon.explanations)
        lowered = text.lower()
        if any(key in lowered for key in lexicon.retraction_keys) and lexicon.retractions.search(
            text
        ):
            subjects = cast.openers | lexicon.subject_case
            text = retract(
                text,
                lexicon.retractions,
                lexicon.retraction_lead,
                lexicon.clause_joiners,
                self.words.word,
                subjects.__contains__,
            )
        tokens = tokenise(
            text,
            self.words.word,
            cast.openers,
            lexicon.clause_joiners,
            self.find_tokens,
            lexicon.shorthand,
            lexicon.surface,
            lexicon.noun_synonyms,
            lexicon.noun_followers,
            lexicon.scan_letters,
            lexicon.elisions,
            lexicon.noun_frames,
            lexicon.attributes,
            lexicon.abbreviations,
            lexicon.name_contractions,
            lexicon.dropped_endings,
        )
        phrases = find_phrases(
            tokens,
            cast,
            lexicon.clause_joiners,
            lexicon.signal_starts,
            lexicon.body_parts,
            lexicon.section_labels,
            lexicon.animal_objects,
            lexicon.articles,
            (
                lexicon.prepositions,
                lexicon.path_words,
                lexicon.subordinators,
                lexicon.auxiliaries,
                lexicon.subject_case,
                lexicon.scope_ends,
            ),
            auxiliaries=lexicon.auxiliaries,
            held=lexicon.held_words,
            word_determiners=lexicon.word_determiners,
        )
        mentions = find_mentions(tokens, phrases, cast, lexicon)
        scope = find_scope(tokens, phrases, mentions, lexicon, self.after)
        return Attribution(
            lexicon, tokens, phrases, mentions, scope, cast, lexicon.agent_senses
        ).result()
