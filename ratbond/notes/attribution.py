"""Stage 5 of reading a note: who showed each signal, in what sense, and the spans read.

Every rule is listed in docs/notes.md (*Who showed it*, *Species sense*)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

from ratbond.model import CLASS_RANK, SessionClass
from ratbond.notes.cast import Cast
from ratbond.notes.lexicon import (
    AIMED,
    CAPTURED,
    OTHER_SPECIES,
    STRUCK,
    FightHeardWords,
    GroomedStillWords,
    Lexicon,
    ReleasedBiteWords,
    RushStrikeWords,
    ThingMotionWords,
    normalise,
    possessive_form,
)
from ratbond.notes.mentions import OPENING_KINDS, Mention, Mentions, owner_at
from ratbond.notes.negation import DENIERS, Scope
from ratbond.notes.phrases import Match, Phrases
from ratbond.notes.result import NotesResult, Span, Unattributed
from ratbond.notes.tokens import NORM, Tokens, Word

NEUTER = "neuter"
"""The key of the pronouns for a thing or an animal of either sex ("it")."""
OBJECT = "object"
BLOCK = "block"
"""The object kind of a thing (the mesh, the gate) in `object_senses`."""
DANGER = "danger"
LANDS_WITHIN = 3
"""A catch is explained by a bite or scratch in its sentence or the two after it ("Jock caught
her. Clean through the gap. Had her by the tail")."""
SPECIES_WORD_KINDS = frozenset({"species", "some"})
"""Mentions by a word for a species, bare or after "a" ("rats", "a cat"), not by name."""
HARMED_REACH = 3
"""How many sentences after a harm a wound of no one named is the harmed animal's ("Bramble sank
his teeth into Linden's rump ... Linden shrieked. ... until I tapped Bramble's nose. Two little
holes.")."""
NAMED_AFTER = 2
"""How far after a seen signal (in tokens) an animal named is the one seen: "a fight, Rex"."""


# An arrow in a log, "A -> B" (A at B): after a doer in brackets, it names the doer's act.
ARROW_RE = re.compile(r"[ \t]*(?:-+>|\u2192)")


class Who(NamedTuple):
    """The animals a signal goes to, or why it goes to none (a method's answer, not a stage's
    shape: a tuple, as one is made for every signal)."""

    animals: frozenset[str] = frozenset()
    ambiguous: bool = False
    person: bool = False
    dropped: bool = False
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class Target:
    """What a phrase is aimed at, named right after it: a mention or a thing."""

    mention: Mention | None
    steps: int
    """Words between the phrase and it."""

    @property
    def thing(self) -> bool:
        return self.mention is None


class Harm(NamedTuple):
    """A harm signal done to an animal: where, to whom and by whom."""

    sentence: int
    hurt: frozenset[str]
    doers: frozenset[str]


class SpanFacts(NamedTuple):
    """Where a span was read and how (one per span, in step with the spans)."""

    sentence: int
    thing: bool
    """Aimed at a thing (the mesh, the gate)."""
    seize: bool
    """Read from a `seizing` phrase ("caught", "grabbed")."""
    one_sided: bool = False
    """Read from a phrase of a shared signal that names one doer (`one_sided`: "attacked")."""
    shared: bool = False
    """Given to the animal a shared signal was done with, not to a doer ("groomed Hazel")."""
    animal: bool = False
    """Aimed at an animal of the cast, named as its object ("caught Pip")."""


class Attribution:
    """One note's attribution in progress (its stages' shapes, read only, and the spans)."""

    def __init__(
        self,
        lexicon: Lexicon,
        tokens: Tokens,
        phrases: Phrases,
        mentions: Mentions,
        scope: Scope,
        cast: Cast,
        agent_senses: Mapping[str, Mapping[str, str]],
    ) -> None:
        self.lexicon = lexicon
        self.tokens = tokens
        self.phrases = phrases
        self.matches = phrases.matches
        self.mentions = mentions
        self.scope = scope
        self.cast = cast
        self.agent_senses = agent_senses
        self.text = tokens.text
        self.spans: list[Span] = []
        self.facts: list[SpanFacts] = []
        """Per span, what the wounding rules need to know of it."""
        self.unattributed: list[Unattributed] = []
        self.program_senses = lexicon.program_senses.get(cast.program, {})
        # The same target is asked for several times in one note.
        self.targets: dict[int, Target | None] = {}
        self.prey_sentences: frozenset[int] | None = None
        """The sentences that attack prey (`at_prey`), found once when first needed."""
        self.carried: dict[int, Mention | None] = {}
        self.thing_before: dict[int, bool] = {}
        self.owner_bitten: set[int] = set()
        self.owner_hurt: dict[int, int] = {}
        """The sentences that tell of a wound on a person's body part ("cut my hand"), each with
        the first word of the last such wound."""
        self.owners_wounds: set[int] = set()
        """The sentences that tell of any wound read as a person's ("a cut on my hand")."""
        self.harmed: Harm | None = None
        """The latest harm signal done to an animal ("bit Dot")."""
        self.harms: list[Harm] = []
        """Every harm signal a phrase did to an animal named as its target, in the order read
        (a passive's harm, "copped a bite from Dusty", sets `harmed` only: a passive nip is
        never read as a bite by `wounding`)."""
        self.unnamed: list[tuple[int, Match, frozenset[str], Mapping[str, str]]] = []
        """Passives done by someone unnamed ("Max got bitten"): a later "it was Rex" names him."""
        self.lone = False
        """Whether a span was read from a `one_sided` phrase."""
        self.brackets = "(" in tokens.text
        """Whether the note has a bracket (a doer may be named in one)."""
        self.not_seen: bool | None = None
        """Whether the note says something was not seen (`unseen`), found when first asked."""
        self.heard: set[int] = set()
        """The signals the owner only heard or saw, of no one named (`perception`)."""

    def result(self) -> NotesResult:
        """The reading of every signal and passive phrase."""
        matches = self.matches
        # Sentences that report a bite or a scratch on the owner: blood there is the owner's.
        for index in self.scope.events:
            match = matches[index]
            if match.kind == "signal" and not self.lexicon.person_harms.isdisjoint(
                match.senses.values()
            ):
                found = self.target(match)
                mention = found.mention if found is not None else None
                # Where the owner is on the receiving end (rat-human), a bite at no animal of
                # the cast ("did bite, hard", "bit the volunteer's thumb") was at a person; one at
                # a thing ("bit at the cage bars") was at no one.
                at_person = (mention is not None and mention.person) or (
                    self.cast.program in self.lexicon.owner_on_receiving_end
                    and not self.lexicon.bite_signals.isdisjoint(match.senses.values())
                    and (found is None or (mention is not None and mention.outsider))
                )
                if at_person:
                    self.owner_bitten.add(self.tokens.sentences[match.first])
        for index in self.scope.events:
            match = matches[index]
            if match.kind == "signal":
                self.signal(index, match)
            elif self.perfect(match):
                assert match.entry is not None
                senses = self.agent_senses[dict(match.entry.senses)[""]]
                self.signal(index, replace(match, kind="signal", senses=senses))
            else:
                self.passive(index, match)
        for match in matches:
            if match.kind == "repeat":
                self.repeat(match)
        self.catches()
        self.wounding()
        self.play_fights()
        if any(span.text.lower() in self.lexicon.lively for span in self.spans):
            self.lively()
        if self.lexicon.fight_looks is not None and self.spans:
            self.fight_looks()
        if self.lexicon.body_leaps is not None and self.spans:
            self.body_leaps()
        self.parts_of_worse()
        if self.lexicon.corrections and self.spans:
            self.corrected()
        if self.lone:
            self.one_sided_bites()
        if self.unattributed:
            self.shared_named()
            self.wound_told_again()
            self.headings()
        if self.heard and self.unattributed:
            self.heard_fights()
        if self.lexicon.fight_heard is not None and self.spans:
            self.fight_heard()
        if self.spans:
            self.parts_of_unnamed()
            self.bites_told_again()
        if any(span.signal in self.lexicon.persistent for span in self.spans):
            self.persistent()
        if not self.lexicon.exceptions.isdisjoint(self.norms):
            self.excepted()
        if self.unattributed and self.harmed is not None:
            self.hurt_after()
        if self.lexicon.treatments and self.spans:
            self.treated()
        if self.lexicon.leap_paws[2] and self.spans:
            self.leap_paws()
        if self.lexicon.rush_strikes is not None and self.spans:
            self.rush_strikes(self.lexicon.rush_strikes)
        if self.lexicon.marks and self.spans:
            self.explained_marks()
        if self.lexicon.postures[0] and self.spans:
            self.rested_postures()
        if self.lexicon.inattention.heed and self.spans:
            self.inattentive()
        if self.lexicon.placed[0] and self.spans:
            self.placed()
        if self.lexicon.released_bites is not None and self.spans:
            self.released_bites(self.lexicon.released_bites)
        if self.lexicon.groomed_still is not None and self.spans:
            self.groomed_still(self.lexicon.groomed_still)
        if any(span.signal in self.lexicon.victim_signals for span in self.spans):
            self.offstage_wounds()
            self.told_unhurt()
        if self.lexicon.reached_through and self.spans:
            self.reached_through()
        if self.lexicon.thing_motions is not None:
            self.things_moved(self.lexicon.thing_motions)
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

    def keep_spans(self, keep: Callable[[Span], bool]) -> None:
        """Keep only the spans `keep` accepts, each with its facts."""
        kept = [
            (span, facts) for span, facts in zip(self.spans, self.facts, strict=True) if keep(span)
        ]
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def add_spans(self, added: Iterable[tuple[Span, SpanFacts]]) -> None:
        """Read each span of `added` too, with its facts."""
        for span, facts in added:
            self.spans.append(span)
            self.facts.append(facts)

    def reached_through(self) -> None:
        """An act on an animal told in a sentence with one of `way_words` and a barrier (one of
        `things`) at most three words after it ("through the bars") was done by reaching
        through: the reach of `reached_through` is read too, for the same doer ("scratched Pip
        through the bars" is a swipe that landed; not "scratched Pip halfway through dinner")."""
        reaches = self.lexicon.reached_through
        ways = self.lexicon.way_words
        barriers = self.lexicon.thing_words
        tokens = self.tokens
        words = tokens.words
        through = {
            tokens.sentences[at]
            for at, word in enumerate(words)
            if word.norm in ways
            and any(
                words[later].norm in barriers
                for later in range(at + 1, min(at + 4, len(words)))
                if tokens.sentences[later] == tokens.sentences[at]
            )
        }
        if not through:
            return
        added = [
            (replace(span, signal=reaches[span.signal]), facts)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.signal in reaches
            and not span.negated
            and span.animal is not None
            and not facts.thing
            and facts.sentence in through
            and self.can_show(span.animal, reaches[span.signal])
        ]
        self.add_spans(added)

    def released_bites(self, rule: ReleasedBiteWords) -> None:
        """A bite by an animal of `rule.species` in a sentence that says it was let go, in a
        note that tells no wound, is a nip (`released_bites`): "bit Baozi little bit, quick then
        let go, no blood". Not a release refused ("wouldn't let go", "refused to let go")."""
        species = self.cast.species
        victims = self.lexicon.victim_signals
        if not any(
            span.signal == rule.bite
            and span.animal is not None
            and species.get(span.animal) == rule.species
            for span in self.spans
        ) or any(span.signal in victims and not span.negated for span in self.spans):
            return  # (a wound anywhere in the note says the bite broke the skin)
        sentences = self.tokens.sentences
        norms = self.norms
        # a refusal ends right before the release or at most two words earlier: "would NOT let
        # go", "didn't ever let go"
        refusals = {start + len(refusal) for refusal, start in occurrences(norms, rule.refusals)}
        released = {
            sentences[start]
            for _, start in occurrences(norms, rule.releases)
            if refusals.isdisjoint(range(start - 2, start + 1))
        }
        self.spans = [
            replace(span, signal=rule.nip)
            if span.signal == rule.bite
            and span.animal is not None
            and species.get(span.animal) == rule.species
            and facts.sentence in released
            else span
            for span, facts in zip(self.spans, self.facts, strict=True)
        ]

    def offstage_wounds(self) -> None:
        """A wound told before any animal of the cast is named, in a note that reads no harm
        to or between them, is of someone else's day when its sentence names an animal of
        another species before it ("a guest's spaniel went for the ring bearer, bit his hand,
        blood on the bouquet"), or names someone outside the household (an outsider, or one of
        `others_pets.owners`: "my cousin was blasting a drill track, blood everywhere") and no
        word of finding or telling before it
        (`injuries.findings`: "my neighbour says there was blood" is the animals'); so is a
        harm so told that no animal was found to have done ("a lynx pounced on a hare and
        ripped it open, blood all over the snow"). An animal named after it in its
        sentence keeps it, unless only a pronoun that may mean anyone ("tiny bit of blood, she
        was lovely about it"); so does a thing of the animals' world in its clause (`things`:
        "blood on the bedding"), a body part in its sentence that is no person's or outsider's
        ("a cut on the ear"; not "nicked a client's ear"), a question ("where's the blood
        from?") or a word that something was not seen. Where in doubt, the wound stays."""
        lexicon = self.lexicon
        harms = lexicon.harm_signals
        if (
            self.heard
            or any(
                span.signal in harms and not span.negated and span.animal is not None
                for span in self.spans
            )
            or self.unseen()
        ):
            return
        tokens = self.tokens
        words = tokens.words
        starts = tokens.starts
        # "it" is a thing as often as an animal: "the magpies mobbed it; blood on the patio"
        cast = [m for m in self.mentions.all if self.of_the_cast(m)]

        def offstage(start: int, signal: str, done_by: str | None = None) -> bool:
            if signal not in lexicon.victim_signals and (
                done_by is not None or signal not in harms
            ):
                return False
            at = min(bisect_left(starts, start), len(words) - 1)
            sentence = tokens.sentences[at]
            species = min(
                (
                    m.first
                    for m in self.mentions.by_sentence.get(sentence, ())
                    if m.last < at and self.of_other_species(m)
                ),
                default=None,
            )
            clause = tokens.clauses[at]
            if (
                species is not None
                and not any(
                    m.sentence < sentence or m.first < species or not m.ambiguous
                    for m in cast
                    if m.sentence <= sentence
                )
                and not any(
                    (words[p].norm in lexicon.thing_words and tokens.clauses[p] == clause)
                    or words[p].lemma in lexicon.animal_parts
                    or (words[p].norm in lexicon.findings and p < at)
                    for p in tokens.sentence_range(sentence)
                )
            ):
                # another species named before it and before the cast, who is named after it
                # only by a pronoun that may mean anyone, with no thing of the animals' world
                # by it, no part only an animal has and no word of finding it ("a guest's
                # spaniel went for the ring bearer, bit his hand, blood on the bouquet"; not
                # "the dog was sniffing at blood by the cage", "the dog got in, there was
                # blood on his tail when I got home")
                return True
            if any(
                m.sentence < sentence or m.first < at or not m.ambiguous
                for m in cast
                if m.sentence <= sentence
            ):
                return False
            if words[at].norm in lexicon.bleeding and self.outsider_bled(at):
                return True  # "Client bled like mad through the whole back piece"
            told = tokens.sentence_range(sentence)
            if told.start and words[told.start - 1].raw == ";":
                # a semicolon joins two halves of one sentence: "next door's cat caught a
                # blackbird; blood on the patio"
                sentence -= 1
                told = range(tokens.sentence_range(sentence).start, told.stop)
            if any(
                (words[p].norm in lexicon.thing_words and tokens.clauses[p] == clause)
                or (
                    (words[p].lemma in lexicon.body_parts or words[p].lemma in lexicon.animal_parts)
                    and not self.others_part(p)
                )
                or (words[p].stop and words[p].raw == "?")
                or (
                    words[p].norm in lexicon.findings
                    and p < at
                    # (not a telling of someone else's animal: "told me her cat caught a rat,
                    # blood up the fence")
                    and not any(m.outsider for m in self.mentions.between(p, at))
                )
                for p in told
            ):
                return False
            return any(
                m.outsider or self.someone_else(m, told)
                for told_in in range(sentence, tokens.sentences[told.stop - 1] + 1)
                for m in self.mentions.by_sentence.get(told_in, ())
            ) or any(owner_at(tokens, p, lexicon) for p in told)

        self.keep_spans(
            lambda span: span.negated or not offstage(span.start, span.signal, span.animal)
        )
        self.unattributed = [
            item for item in self.unattributed if not offstage(item.start, item.signal)
        ]

    def things_moved(self, rule: ThingMotionWords) -> None:
        """A signal a thing may do too (`thing_motions.signals`) right after one of its
        `things` that opens its clause (past determiners and `whole` words; between them only
        `auxiliaries`), in a sentence naming no animal of the cast, is the thing's: "The door
        shook", "the whole thing rattled", "the cage was shaking all night"; not "the cage was
        shaking and so was Pip", nor a carrier shaking with a rat inside."""
        lexicon = self.lexicon
        tokens = self.tokens
        words = tokens.words

        def moved(start: int, signal: str) -> bool:
            if signal not in rule.signals:
                return False
            at = bisect_left(tokens.starts, start)
            sentence = tokens.sentences[min(at, len(words) - 1)]
            if any(self.of_the_cast(m) for m in self.mentions.by_sentence.get(sentence, ())):
                return False
            at -= 1
            while at >= 0 and words[at].norm in lexicon.auxiliaries:
                at -= 1
            if at < 0:
                return False
            if at and f"{words[at - 1].norm} {words[at].norm}" in rule.whole:
                at -= 1  # "the whole thing rattled"
            elif words[at].norm not in rule.things:
                return False
            while at >= 0 and (
                words[at].norm in rule.things
                or words[at].norm in rule.whole
                or words[at].norm in lexicon.determiners
            ):
                at -= 1
            return (
                at < 0
                or words[at].kind != "w"
                or words[at].norm in lexicon.subject_openers
                or tokens.clauses[at] != tokens.clauses[at + 1]
            )

        self.keep_spans(lambda span: not moved(span.start, span.signal))
        self.unattributed = [
            item for item in self.unattributed if not moved(item.start, item.signal)
        ]

    def someone_else(self, mention: Mention, told: range) -> bool:
        """Whether a mention is a person other than the writer, doing what its clause tells,
        hurt where `told` names a part of a person ("my brother got a clatter off a hurl,
        busted eyebrow", "my hands full of thorns and bleeding"; not "I", "me" or "my", nor
        "my son ran in shouting, blood everywhere", which names no one's part)."""
        lexicon = self.lexicon
        words = self.tokens.words
        last = words[mention.last].norm
        return (
            mention.person
            and mention.subject
            and last not in lexicon.subject_case
            and last not in lexicon.object_case
            and last not in lexicon.possessives
            and (
                words[mention.last].lemma in lexicon.owner_parts
                or any(words[p].lemma in lexicon.person_parts for p in told)
            )
        )

    def groomed_still(self, rule: GroomedStillWords) -> None:
        """A rat's grooming in a sentence where another animal of the cast keeps still for it
        (`groomed_still.still`, named right before those words) is the grooming they share,
        for both, unless it is told as the groomer's own (`groomed_still.own` after it in its
        clause): "Max held still while Rex groomed his neck"."""
        mutual = rule.signal
        tokens = self.tokens
        still: dict[int, str] = {}
        for _, start in occurrences(self.norms, rule.still):
            holder = self.mention_at(start - 1) if start else None
            if holder is not None and len(holder.animals) == 1 and not holder.person:
                still[tokens.sentences[start]] = next(iter(holder.animals))
        if not still:
            return
        grooming = self.lexicon.grooming_signals
        added: list[tuple[Span, SpanFacts]] = []
        for number, (span, facts) in enumerate(zip(self.spans, self.facts, strict=True)):
            other = still.get(facts.sentence)
            if (
                span.signal in grooming
                and span.signal != mutual
                and span.animal is not None
                and other is not None
                and other != span.animal
                and not span.negated
                and not self.own_grooming(span, rule.own)
                and self.can_show(span.animal, mutual)
                and self.can_show(other, mutual)
            ):
                self.spans[number] = replace(span, signal=mutual)
                added.append((replace(span, signal=mutual, animal=other), facts))
        self.add_spans(added)

    def own_grooming(self, span: Span, own: frozenset[str]) -> bool:
        """Whether one of `own` ("himself") stands in the span or within two words after it in
        its clause."""
        tokens = self.tokens
        first = bisect_left(tokens.starts, span.start)
        last = bisect_left(tokens.starts, span.end)
        clause = tokens.clauses[min(first, len(tokens.words) - 1)]
        return any(
            tokens.words[at].norm in own
            for at in range(first, min(last + 2, len(tokens.words)))
            if tokens.clauses[at] == clause
        )

    def outsider_bled(self, at: int) -> bool:
        """Whether the verb of bleeding at `at` has one of `others_pets.owners` right before it,
        past determiners, in its sentence: "the patient bled", "client bled"."""
        tokens = self.tokens
        words = tokens.words
        before = at - 1
        while before >= 0 and words[before].norm in self.lexicon.determiners:
            before -= 1
        return (
            before >= 0
            and tokens.sentences[before] == tokens.sentences[at]
            and owner_at(tokens, before, self.lexicon)
        )

    def told_unhurt(self) -> None:
        """An animal the note later names as unhurt ("Vera is unmarked", "Pip was not hurt")
        bears no wound read before it from a clause that does not name her: "caught Judit, the
        backhand caught Vera. Judit has a scratch with a drop of blood; Vera is unmarked"."""
        victims = self.lexicon.victim_signals
        clauses = self.tokens.clauses
        starts = self.tokens.starts
        denied = {
            span.animal: span.start
            for span in self.spans
            if span.negated
            and span.signal in victims
            and span.animal is not None
            and any(
                m.subject and m.animals == {span.animal}
                for m in self.mentions.by_sentence.get(
                    self.tokens.sentences[bisect_left(starts, span.start)], ()
                )
            )
        }
        if not denied:
            return

        def named_in_clause(span: Span) -> bool:
            clause = clauses[min(bisect_left(starts, span.start), len(clauses) - 1)]
            return any(
                m.animals == {span.animal} and clauses[m.first] == clause for m in self.mentions.all
            )

        self.keep_spans(
            lambda span: (
                span.negated
                or span.signal not in victims
                or span.animal not in denied
                or span.start > denied[span.animal]
                or named_in_clause(span)
            )
        )

    def others_part(self, position: int) -> bool:
        """Whether the body part at `position` is right after a person, an outsider or the
        possessive of one of `others_pets.owners` ("my nose", "a client's ear")."""
        if not position:
            return False
        owner = self.mention_at(position - 1)
        if owner is not None:
            return owner.person or owner.outsider
        tokens = self.tokens
        before = tokens.words[position - 1]
        if before.norm in self.lexicon.possessives:
            # "one dude got his eyebrow split open": "his" is of the last one named before it
            sentence = tokens.sentences[position]
            for earlier in range(position - 2, tokens.sentence_range(sentence).start - 1, -1):
                named = self.mention_at(earlier)
                if named is not None:
                    return named.person or named.outsider
                if owner_at(tokens, earlier, self.lexicon):
                    return True
            return False
        return possessive_form(before.raw.lower()) and owner_at(tokens, position - 1, self.lexicon)

    def hurt_after(self) -> None:
        """A wound of no one named, in the sentence right before a harm done to one animal
        that could bear it, is that animal's: "Lovely, blood everywhere. Princess swiped through
        the bars and scratched Angel's face" is Angel's wound."""
        harmed = self.harmed
        assert harmed is not None
        starts = self.tokens.starts
        sentences = self.tokens.sentences
        kept: list[Unattributed] = []
        for item in self.unattributed:
            at = bisect_left(starts, item.start)
            hurt = {animal for animal, signal in item.candidates if animal in harmed.hurt}
            if (
                item.signal not in self.lexicon.victim_signals
                or at >= len(starts)
                or sentences[at] not in (harmed.sentence, harmed.sentence - 1)
                or len(hurt) != 1
            ):
                kept.append(item)
                continue
            self.give(item, hurt.pop())
        self.unattributed = kept

    def can_show(self, animal: str, signal: str) -> bool:
        """Whether `signal` is one of the signals of `animal`'s species."""
        return signal in self.lexicon.species_signals.get(self.cast.species[animal], frozenset())

    def give(self, item: Unattributed, animal: str) -> None:
        """The reading `item` left to no animal is `animal`'s, under its signal for that
        animal's species."""
        signal = dict(item.candidates)[animal]
        for number, span in enumerate(self.spans):
            if span.animal is None and (span.start, span.end) == (item.start, item.end):
                self.spans[number] = replace(span, animal=animal, signal=signal)

    def repeat(self, match: Match) -> None:
        """An animal that "did too" (`repeats`) shows what the animal read just before it
        showed in that clause: "Jinx lunged at the gate, then Poppy did too"."""
        before = [m for m in self.before(match) if m.sentence == self.tokens.sentences[match.first]]
        if not before or before[-1].person or before[-1].ambiguous or before[-1].outsider:
            return
        doers = before[-1].animals
        for position in range(before[-1].last + 1, match.first):
            owner = self.phrases.of(position)
            if owner is not None and owner.kind in DENIERS:
                return  # "Poppy never did the same"
        shown = [
            (span, facts)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.animal is not None
            and span.animal not in doers
            and not span.negated
            and span.end <= self.tokens.starts[before[-1].first]
        ]
        if not shown:
            return
        source = shown[-1][0].animal
        start, end = self.bounds(match)
        for span, facts in shown:
            if span.animal != source or facts.sentence != shown[-1][1].sentence:
                continue
            for animal in sorted(doers):
                if self.can_show(animal, span.signal):
                    self.spans.append(
                        replace(
                            span, start=start, end=end, text=self.text[start:end], animal=animal
                        )
                    )
                    self.facts.append(facts)

    def play_fights(self) -> None:
        """A fight that its own sentence calls play ("a scuffle over food, boxing only";
        `play_fights`) is that play for each animal read in it, unless the note reports a
        wound: a fight that drew blood was no play. A fight read for no animal beside a play
        read for no animal ("one scuffle that was just boxing") is that play alone."""
        play_fights = self.lexicon.play_fights
        if not play_fights or not any(span.signal in play_fights for span in self.spans):
            return
        victim_signals = self.lexicon.victim_signals
        if any(span.signal in victim_signals and not span.negated for span in self.spans):
            return
        plays = {
            (span.signal, facts.sentence)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.animal is not None and not span.negated
        }
        shown = {(span.animal, span.signal) for span in self.spans if not span.negated}
        kept: list[tuple[Span, SpanFacts]] = []
        for span, facts in zip(self.spans, self.facts, strict=True):
            play = play_fights.get(span.signal)
            if span.negated or play is None or (play, facts.sentence) not in plays:
                kept.append((span, facts))
            elif (span.animal, play) not in shown:
                kept.append((replace(span, signal=play), facts))
                shown.add((span.animal, play))
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]
        if self.unattributed:
            heard = {
                (span.signal, facts.sentence)
                for span, facts in zip(self.spans, self.facts, strict=True)
                if not span.negated
            }
            sentences = self.tokens.sentences
            starts = self.tokens.starts
            self.unattributed = [
                item
                for item in self.unattributed
                if item.signal not in play_fights
                or (
                    play_fights[item.signal],
                    sentences[bisect_left(starts, item.start)],
                )
                not in heard
            ]

    def body_leaps(self) -> None:
        """A leap onto a thing (`body_leaps`: "jumped on the cage from the shelf, BOOM") is a
        pounce only when the paws lead it: with no paw, claw or top named in its sentence and
        no other sign of a pounce (a wiggle) by the same animal in its sentence or the one
        before, the body hit the barrier, a lunge. A leap onto an animal stays a pounce. A rush
        at a thing told with the paws leading it (`paws_first`: "flew at the carrier with both
        front paws out") is the pounce."""
        leaps = self.lexicon.body_leaps
        assert leaps is not None
        pounce, lunge, verbs, signs, paws_first = leaps
        tokens = self.tokens
        led = {tokens.sentences[start] for _, start in occurrences(self.norms, paws_first)}
        if led:
            self.spans = [
                replace(span, signal=pounce)
                if span.signal == lunge
                and facts.sentence in led
                and span.animal is not None
                and not span.negated
                and self.can_show(span.animal, pounce)
                else span
                for span, facts in zip(self.spans, self.facts, strict=True)
            ]
        pawed = {
            tokens.sentences[index] for index, word in enumerate(tokens.words) if word.norm in signs
        }
        told = Counter(
            (span.animal, facts.sentence)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.signal == pounce and span.animal is not None and not span.negated
        )
        for number, (span, facts) in enumerate(zip(self.spans, self.facts, strict=True)):
            if (
                span.signal == pounce
                and facts.thing
                and normalise(span.text.split()[0]) in verbs
                and span.animal is not None
                and not span.negated
                and facts.sentence not in pawed
                and told[(span.animal, facts.sentence)] == 1
                and not told[(span.animal, facts.sentence - 1)]
                and self.can_show(span.animal, lunge)
            ):
                self.spans[number] = replace(span, signal=lunge)

    def fight_looks(self) -> None:
        """A fight told by its look and sound, not named (`fight_looks`): animals that scream
        in a sentence where they roll ("rolling together like a ball and screaming", "rolled as
        one, shrieking", "a rolling bout, loud vocalisation") are fighting, with every animal
        named in that sentence who can. A roll that is another signal's ("rolled him over", a
        pin) is no fight's."""
        looks = self.lexicon.fight_looks
        assert looks is not None
        fight, sound, motions, noises = looks
        tokens = self.tokens
        allowed = {fight, sound} | {
            part for part, wholes in self.lexicon.part_of.items() if fight in wholes
        }
        others = [(span.start, span.end) for span in self.spans if span.signal not in allowed]
        rolled = {
            tokens.sentences[index]
            for index, word in enumerate(tokens.words)
            if word.norm in motions
            and not any(start <= tokens.starts[index] < end for start, end in others)
        }
        if not rolled:
            return
        fighters: dict[int, set[str]] = {}
        for span, facts in zip(self.spans, self.facts, strict=True):
            if (
                span.signal == sound
                and span.animal is not None
                and not span.negated
                and facts.sentence in rolled
                and normalise(span.text) in noises
                and self.can_show(span.animal, fight)
            ):
                fighters.setdefault(facts.sentence, set()).add(span.animal)
        for sentence, animals in fighters.items():
            if len(animals) == 1:
                animals |= {
                    animal
                    for mention in self.mentions.by_sentence.get(sentence, ())
                    if not (mention.person or mention.outsider or mention.ambiguous)
                    for animal in mention.animals
                    if self.can_show(animal, fight)
                }
            if len(animals) < 2:
                continue
            noise = next(
                span
                for span, facts in zip(self.spans, self.facts, strict=True)
                if facts.sentence == sentence and span.signal == sound and span.animal in animals
            )
            for animal in sorted(animals):
                self.spans.append(replace(noise, signal=fight, animal=animal, confirm=False))
                self.facts.append(SpanFacts(sentence, False, False, shared=True))

    def parts_of_worse(self) -> None:
        """A signal that is part of a worse one the same animal shows in its sentence or the
        next (`part_of`: screaming in a fight) is that one, and is left out."""
        part_of, shared_parts = self.lexicon.part_of, self.lexicon.part_of_shared
        if not any(span.signal in part_of or span.signal in shared_parts for span in self.spans):
            return
        # (a part of `part_of_shared` counts only where its phrase was read for two or more)
        shared = self.shared_readings()

        def wholes(span: Span) -> frozenset[str]:
            return part_of.get(span.signal, frozenset()) | (
                shared_parts.get(span.signal, frozenset())
                if (span.start, span.signal) in shared
                else frozenset()
            )

        shown = {
            (span.animal, span.signal, facts.sentence)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.animal is not None and not span.negated
        }
        kept = [
            (span, facts)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if not (
                span.animal is not None
                and any(
                    (span.animal, whole, facts.sentence + step) in shown
                    for whole in wholes(span)
                    for step in (-1, 0, 1)
                )
            )
        ]
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def shared_readings(self) -> set[tuple[int, str]]:
        """The (start, signal) of each phrase read for two animals or more at once ("both
        biting", "they were screaming")."""
        readers: dict[tuple[int, str], set[str]] = {}
        for span in self.spans:
            if span.animal is not None:
                readers.setdefault((span.start, span.signal), set()).add(span.animal)
        return {key for key, animals in readers.items() if len(animals) > 1}

    def bites_told_again(self) -> None:
        """A bite told in a later sentence by the noun alone ("just the one bite"), with no one
        named before it in its clause, is the bite one animal gave earlier in the note, told
        again: "Knot bit Godwit on the tail and held on; Godwit screamed. No rolling about,
        just the one bite" is Knot's."""
        tokens = self.tokens
        bites = self.lexicon.bite_signals
        # (by signal, each sentence it was read in and the animal it was read for)
        told = [
            (span.signal, facts.sentence, span.animal)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.signal in bites and span.animal is not None and not span.negated
        ]
        if len({animal for _, _, animal in told}) < 2:
            return
        for number, (span, facts) in enumerate(zip(self.spans, self.facts, strict=True)):
            if span.signal not in bites or span.animal is None or span.negated:
                continue
            earlier = {
                animal
                for signal, sentence, animal in told
                if signal == span.signal and sentence < facts.sentence
            }
            if len(earlier) != 1 or span.animal in earlier:
                continue
            position = bisect_left(tokens.starts, span.start)
            told_alone = (
                span.end - span.start == len(tokens.words[position].raw)
                and tokens.words[position].norm in self.lexicon.told_bites
            )
            clause = tokens.clauses[position]
            named = any(
                m.first < position and tokens.clauses[m.first] == clause
                for m in self.mentions.by_sentence.get(facts.sentence, ())
            )
            if told_alone and not named:
                self.spans[number] = replace(span, animal=next(iter(earlier)))

    def parts_of_unnamed(self) -> None:
        """A part of a worse signal (`part_of`: a scream in a fight) told of no one, or of
        several animals at once, in the sentence of that worse signal or the next, is part of
        it: "heard a fight from the rat room, screaming and scuffling", "heard them going at
        it, proper screaming" (one animal's part seen stays its own: `parts_of_worse`)."""
        part_of = self.lexicon.part_of
        worse = {
            (span.signal, facts.sentence)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if not span.negated
        }
        shared = self.shared_readings()
        dropped: set[tuple[int, int]] = set()
        kept = []
        for span, facts in zip(self.spans, self.facts, strict=True):
            several = span.animal is None or (span.start, span.signal) in shared
            if several and any(
                (whole, facts.sentence + step) in worse
                for whole in part_of.get(span.signal, ())
                for step in (-1, 0, 1)
            ):
                if span.animal is None:
                    dropped.add((span.start, span.end))
                continue
            kept.append((span, facts))
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]
        self.drop_unnamed(dropped)

    def lively(self) -> None:
        """Running about (`lively`) in a sentence where the same animal shows a calm signal is
        play, no frantic movement: "Jasper popcorned and was running everywhere, so happy"."""
        classes = self.lexicon.classes
        calm = {
            (span.animal, facts.sentence)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.animal is not None
            and not span.negated
            and classes[self.cast.species[span.animal]].get(span.signal) == "calm"
        }
        kept = [
            (span, facts)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if not (
                span.text.lower() in self.lexicon.lively and (span.animal, facts.sentence) in calm
            )
        ]
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def shared_named(self) -> None:
        """A shared signal read for no animal ("a proper fight", "war broke out") that animals
        named in its sentence or the next show too is theirs, and no one else's: "Right
        stramash the night. Dougal and Angus went at each other"."""
        reciprocal = self.lexicon.reciprocal
        if not any(item.signal in reciprocal for item in self.unattributed):
            return
        shown = {
            (span.signal, facts.sentence)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.animal is not None and not span.negated
        }
        sentences = self.tokens.sentences
        starts = self.tokens.starts
        kept = []
        for item in self.unattributed:
            sentence = sentences[bisect_left(starts, item.start)]
            if item.signal in reciprocal and any(
                (name, sentence + step) in shown for _, name in item.candidates for step in (0, 1)
            ):
                continue
            pair = self.pair_opening(sentence + 1, item) if item.signal in reciprocal else None
            if pair:
                # "they did a big fight!!! Gizmo and Dusty were a ball": the pair that opens
                # the next sentence says who "they" were.
                for animal, signal in item.candidates:
                    if animal in pair:
                        self.spans.append(
                            Span(
                                item.start, item.end, item.text, signal, animal, False, item.confirm
                            )
                        )
                        self.facts.append(SpanFacts(sentence, False, False, shared=True))
                continue
            kept.append(item)
        self.unattributed = kept

    def treated(self) -> None:
        """In a note that reports a wound, a word of `treatments` that no animal of the cast
        does to something ("Cleaned, monitor.", "minor haem, cleaned w/ saline", "I cleaned
        the wound", "C cleaned.") is the carer's care of it, no sign of an animal ("Nibbles
        cleaned Pip's face" stays a grooming)."""
        treatments = self.lexicon.treatments
        victim_signals = self.lexicon.victim_signals
        if not any(
            span.signal in victim_signals and not span.negated for span in self.spans
        ) or not any(span.text.lower() in treatments for span in self.spans):
            return
        self.keep_spans(
            lambda span: (
                span.text.lower() not in treatments or self.done_by_cast(span.start, span.end)
            )
        )
        self.unattributed = [
            item
            for item in self.unattributed
            if item.text.lower() not in treatments or self.done_by_cast(item.start, item.end)
        ]

    def leap_paws(self) -> None:
        """Both forepaws (`leap_paws`) after a verb of leaping in their sentence are the leap,
        not a strike: "then pounce, forepaws extended, onto carrier", "he leapt, forepaws
        extended, onto the carrier"."""
        leap, strike, paws, verbs = self.lexicon.leap_paws
        for number, span in enumerate(self.spans):
            if span.signal == strike and span.text.lower() in paws and self.after(span, verbs):
                self.spans[number] = replace(span, signal=leap)

    def rush_strikes(self, rules: RushStrikeWords) -> None:
        """A strike that opens with one of `rush_strikes.words` and has one of its `targets`
        as its object ("hit that cage"), with no word of `parts` (a paw, a tap) after it in its
        sentence, at most `reach` words after one of its `verbs` (a rush or a leap) with its own
        cat named last before that verb (or no one named before it in its sentence) and no one
        named between, is the body's blow, the leap: "jumped off the counter and hit that cage
        so hard it scooted" is a lunge; "jumped at the cage and hit it with his paw", "I ran in
        and Bishop hit the cage" and "came over and hit the cage gently" stay swipes."""
        tokens = self.tokens
        words = tokens.words
        for number, span in enumerate(self.spans):
            if span.signal != rules.strike or span.animal is None:
                continue
            position = bisect_left(tokens.starts, span.start)
            if words[position].norm not in rules.openers:
                continue
            sentence = tokens.sentences[position]
            aim = position + 1
            while aim < len(words) and words[aim].norm in rules.between:
                aim += 1
            if aim >= len(words) or words[aim].norm not in rules.targets:
                continue
            end = aim
            while end < len(words) and tokens.sentences[end] == sentence:
                end += 1
            if any(words[at].norm in rules.parts for at in range(position, end)):
                continue
            verb = next(
                (
                    at
                    for at in range(position - 1, max(-1, position - 1 - rules.reach), -1)
                    if tokens.sentences[at] == sentence and words[at].norm in rules.verbs
                ),
                None,
            )
            if verb is None:
                continue
            mentions = self.mentions.by_sentence.get(sentence, ())
            before = [m for m in mentions if m.last < verb]
            # (a sentence with no one named before its rush carries on the last one's doer:
            # "Brioche went off. Flew across the kitchen and hit the front of the cage")
            if (not before or span.animal in before[-1].animals) and not any(
                verb < m.first < position for m in mentions
            ):
                self.spans[number] = replace(span, signal=rules.leap)

    def after(self, span: Span, verbs: frozenset[str]) -> bool:
        """Whether one of `verbs` comes before `span` in its sentence."""
        tokens = self.tokens
        words = tokens.words
        position = bisect_left(tokens.starts, span.start)
        sentence = tokens.sentences[position]
        at = position - 1
        while at >= 0 and tokens.sentences[at] == sentence:
            if words[at].norm in verbs:
                return True
            at -= 1
        return False

    def done_by_cast(self, start: int, end: int) -> bool:
        """Whether the phrase from character `start` to `end` has an animal of the cast as its
        subject (named last before it in its clause) and a word after it in its clause, what
        it was done to: "Nibbles cleaned Pip's face", not "C cleaned."."""
        tokens = self.tokens
        words = tokens.words
        position = bisect_left(tokens.starts, start)
        after = bisect_left(tokens.starts, end)
        if after >= len(words) or words[after].kind != "w":
            return False
        clause = tokens.clauses[position]
        earlier = self.mentions.before(tokens.sentences[position], position)
        return tokens.clauses[after] == clause and any(
            mention.clause == clause and not (mention.person or mention.outsider)
            for mention in earlier[-1:]
        )

    def wound_told_again(self) -> None:
        """A wound read for no animal in a note that reads a wound for one of its candidates,
        and for no other, is that wound told again ("Pebble, two scratches to the left flank.
        ... Action taken: wound cleaned"; "Bleeding stopped w/ pressure")."""
        victim_signals = self.lexicon.victim_signals
        if not any(item.signal in victim_signals for item in self.unattributed):
            return
        wounded = {
            span.animal
            for span in self.spans
            if span.animal is not None and not span.negated and span.signal in victim_signals
        }
        kept = []
        for item in self.unattributed:
            told = {animal for animal, _ in item.candidates if animal in wounded}
            if item.signal not in victim_signals or len(wounded) != 1 or len(told) != 1:
                kept.append(item)
                continue
            self.give(item, told.pop())
        self.unattributed = kept

    def headings(self) -> None:
        """A signal read for no animal that is its sentence's only word, a log's heading
        ("16:22 Bite. Cat seized Pip by the neck."), is the one the next sentence tells of, when
        that sentence reads it for one of its candidates alone."""
        tokens = self.tokens
        sentences = tokens.sentences
        shown: dict[tuple[str, int], set[str]] = {}
        for span, facts in zip(self.spans, self.facts, strict=True):
            if span.animal is not None and not span.negated:
                shown.setdefault((span.signal, facts.sentence), set()).add(span.animal)
        kept = []
        for item in self.unattributed:
            at = bisect_left(tokens.starts, item.start)
            sentence = sentences[at] if at < len(sentences) else -1
            alone = all(
                item.start <= tokens.starts[index] < item.end or not word.norm.isalpha()
                for index, word in enumerate(tokens.words)
                if sentences[index] == sentence and word.kind == "w"
            )
            told = {
                animal
                for animal, signal in item.candidates
                if animal in shown.get((signal, sentence + 1), ())
            }
            if not alone or len(told) != 1:
                kept.append(item)
                continue
            self.give(item, told.pop())
        self.unattributed = kept

    def pair_opening(self, sentence: int, item: Unattributed) -> frozenset[str]:
        """The animals of a plural subject named first in `sentence` ("Gizmo and Dusty were"),
        when they are at least two of the item's candidates."""
        mentions = self.mentions.by_sentence.get(sentence, ())
        if not mentions:
            return frozenset()
        first = mentions[0]
        if len(mentions) > 1 and mentions[1].first <= first.last + 2 and mentions[1].plural:
            first = mentions[1]  # "Gizmo and Dusty": the pair is read at its second name
        candidates = {animal for animal, _ in item.candidates}
        if (
            first.subject
            and first.plural
            and not (first.person or first.outsider or first.ambiguous)
            and len(first.animals) >= 2
            and first.animals <= candidates
            and first.animals != frozenset(candidates)
        ):
            return first.animals
        return frozenset()

    def one_sided_bites(self) -> None:
        """An attack that names one doer (`one_sided`: "attacked", "had a go at") whose doer
        bites or nips in its sentence or the next was that bite, not a fight: it is read for
        neither animal ("Fergus had a go at Angus. I think he bit him")."""
        pairs = list(zip(self.spans, self.facts, strict=True))
        bites = self.lexicon.bite_signals
        bitten = {
            (span.animal, facts.sentence)
            for span, facts in pairs
            if span.animal is not None and not span.negated and span.signal in bites
        }
        dropped = {
            (span.start, span.signal)
            for span, facts in pairs
            if facts.one_sided
            and any((span.animal, facts.sentence + step) in bitten for step in (0, 1))
        }
        kept = [
            (span, facts)
            for span, facts in pairs
            if not (facts.one_sided and (span.start, span.signal) in dropped)
        ]
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def one_sided_phrase(self, match: Match, signal: str) -> bool:
        """Whether `match` is one of `signal`'s phrases that name one doer (`one_sided`)."""
        words = self.tokens.words
        lemmas = tuple(words[position].lemma for position in match.positions)
        found = lemmas in self.lexicon.one_sided[signal]
        self.lone = self.lone or found
        return found

    def told_in(self, keep: Callable[[Span, SpanFacts], bool]) -> set[tuple[str, int]]:
        """(animal, sentence) of each span given to an animal and not denied that `keep`
        takes: where an act that explains another was told (`catches`, `wounding`)."""
        return {
            (span.animal, facts.sentence)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.animal is not None and not span.negated and keep(span, facts)
        }

    def catches(self) -> None:
        """A catch of an animal (`seizing`, `captures`: "caught Pip", "got her", "carried him
        off") that says no more of how may have been the cat's bite (`captures`: cat saliva
        infects a rat), to confirm; a `seizing` one stays a swipe too (`wounding` reads it).
        One that the same cat's bite, scratch, swipe (even at the bars) or pounce in the
        sentence before it, its own or the two after it explains (`capture_means`) is that."""
        lexicon = self.lexicon
        if not lexicon.capture_signals or not any(facts.animal for facts in self.facts):
            return
        landed = self.told_in(
            lambda span, facts: not facts.seize and span.signal in lexicon.capture_means
        )
        kept: list[tuple[Span, SpanFacts]] = []
        for span, facts in zip(self.spans, self.facts, strict=True):
            if not facts.animal or span.animal is None or span.negated:
                kept.append((span, facts))
                continue
            signal = lexicon.capture_signals.get(self.cast.species[span.animal])
            explained = any(
                (span.animal, facts.sentence + later) in landed for later in range(-1, LANDS_WITHIN)
            )
            if span.signal != signal:
                kept.append((span, facts))  # a `seizing` swipe: `wounding` reads it
            if signal is not None and not explained:
                kept.append((replace(span, signal=signal, confirm=True), facts))
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def wounding(self) -> None:
        """A catch that the same cat's bite or scratch in its sentence explains is that bite or
        scratch (`seizing`); in a note that reports a wound, a swipe at an animal broke the
        skin (`wounding`): a catch is read as the scratch, another swipe keeps its reading and
        gains the scratch."""
        lexicon = self.lexicon
        sources = {signal for senses in lexicon.wounding.values() for signal in senses}
        if not any(span.signal in sources for span in self.spans):
            return
        landed = self.told_in(
            lambda span, facts: (
                not facts.thing
                and not facts.seize
                and (
                    span.signal in lexicon.bite_signals
                    or any(span.signal in senses.values() for senses in lexicon.wounding.values())
                )
            )
        )
        wounds = {
            (span.animal, facts.sentence)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.signal in lexicon.victim_signals and not span.negated and span.animal
        }
        targets = {(doer, hurt) for harm in self.harms for doer in harm.doers for hurt in harm.hurt}
        species = self.cast.species
        words, sentences = self.tokens.words, self.tokens.sentences
        # (a cause told in the wound's sentence or the next: "... a little bleed from the
        # tail. I think not from the nip, the tail was in the door.")
        causes = lexicon.fight_heard.explained if lexicon.fight_heard else frozenset()
        explained = {
            sentences[at] - later
            for at, word in enumerate(words)
            if word.norm in causes
            for later in (0, 1)
        }

        def broke_skin(doer: str) -> bool:
            """A wound on an animal of another kind, or on one of the doer's own kind that it
            harmed, given no other cause in its sentence or the next: a rat's nip broke the
            skin of the rat it nipped ("nipped Dave's tail an' drew a bit of claret"), not that
            of one hurt on the wheel."""
            return any(
                hurt != doer
                and (
                    species[hurt] != species[doer]
                    or ((doer, hurt) in targets and sentence not in explained)
                )
                for hurt, sentence in wounds
            )

        # a catch's bite to confirm (`catches`) says nothing of how the catch was made
        shown = {
            (span.animal, span.signal)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if not span.negated and not (facts.seize and span.confirm)
        }
        kept: list[tuple[Span, SpanFacts]] = []
        for span, facts in zip(self.spans, self.facts, strict=True):
            mapped = (
                lexicon.wounding.get(self.cast.species[span.animal], {}).get(span.signal)
                if span.animal is not None and not span.negated and not facts.thing
                else None
            )
            if mapped is None:
                kept.append((span, facts))
                continue
            if facts.seize and any(
                (span.animal, facts.sentence + later) in landed for later in range(LANDS_WITHIN)
            ):
                continue  # "caught Byte with his teeth": the bite is the catch
            bitten = any(
                (span.animal, name) in shown for name in lexicon.bite_signals - {span.signal}
            )
            if bitten or span.animal is None or not broke_skin(span.animal):
                kept.append((span, facts))
            elif facts.seize:
                kept.append((replace(span, signal=mapped), facts))
            else:
                kept.append((span, facts))
                if (span.animal, mapped) not in shown:
                    kept.append((replace(span, signal=mapped), facts))
                    shown.add((span.animal, mapped))
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def corrected(self) -> None:
        """A later line naming who really did it (`corrections` opening its clause, then a
        name: "that was Pickle dad", "actually it was Burrito chasing not Nacho") gives the
        signals the sentence or two before told of the animal it replaces to that one: the
        one named after "not" in its sentence, else, when the line tells no signal of its own,
        the one animal of its kind whose signals were told there. A line that names an act
        ("it was Pip hissing, not Tom") moves that act only; with none named, what the one
        replaced suffered or shared (`victim_signals`, `reciprocal`: a wound, a fight) stays
        where it was told. A question ("that was Rex?") corrects nothing, and corrections are
        applied in the order they were written, so the last one wins."""
        tokens = self.tokens
        words = tokens.words
        count = len(words)
        norms = self.norms
        found: list[tuple[int, int]] = []
        for lead in self.lexicon.corrections:
            if lead[0] not in norms:
                continue  # most notes have no lead: one scan in C, no loop
            size = len(lead)
            found += [
                (index, size)
                for index in range(1, count - size)
                if norms[index : index + size] == lead
            ]
        for index, size in sorted(found):
            opening = index - 1
            if (
                words[opening].kind == "w"
                and words[opening].norm in self.lexicon.correction_openers
            ):
                opening -= 1
            if opening >= 0 and words[opening].kind == "w":
                continue
            named = self.mention_at(index + size)
            if (
                named is None
                or named.first != index + size
                or len(named.animals) != 1
                or named.person
                or named.outsider
                or named.ambiguous
                or words[named.last].raw.lower().replace("\u2019", "'").endswith("'s")
            ):
                continue
            after = named.last + 1
            holder = self.phrases.of(after) if after < count else None
            if after < count and (
                words[after].norm in self.lexicon.relatives
                or (
                    holder is not None
                    and holder.entry is not None
                    and holder.entry.key == "relative"
                )
            ):
                continue  # a cleft: "it was Max who bit her" tells a new act
            sentence = tokens.sentences[index]
            if self.asks(index, sentence):
                continue  # "that was Rex?" wonders, it says nothing
            (real,) = named.animals
            start = tokens.starts[index]
            replaced = self.replaced_by(named, sentence, real)
            if replaced is None:
                continue
            line = tokens.starts[named.last]
            # the acts the line names for the one it names, up to its clause's end, a "not" or
            # another name ("Max squeaking, not Rex"; "Pickle dad, Nugget was asleep" names none)
            close = named.last + 1
            while (
                close < count
                and words[close].kind == "w"
                and words[close].norm not in self.lexicon.correction_denials
                and self.mention_at(close) is None
            ):
                close += 1
            end = tokens.starts[close] if close < count else tokens.starts[-1] + 1
            # an act's family shares its last word ("chasing" names "aggressive_chasing")
            acts = {
                span.signal.rsplit("_", 1)[-1]
                for span in self.spans
                if line < span.start < end and not span.negated
            }
            kept = self.lexicon.victim_signals | self.lexicon.reciprocal
            if not acts:
                # "Max got bitten, bleeding on the ear. It was Rex.": Rex did the biting
                for at, passive, victims, senses in self.unnamed:
                    if (
                        replaced in victims
                        and real not in victims
                        and sentence - 2 <= tokens.sentences[passive.first] < sentence
                        and self.cast.able(frozenset({real}), senses)
                    ):
                        self.emit(at, passive, frozenset({real}), senses)
                        low, high = self.bounds(passive)
                        self.unattributed = [
                            item
                            for item in self.unattributed
                            if (item.start, item.end) != (low, high)
                        ]
            self.spans = [
                replace(span, animal=real)
                if span.animal == replaced
                and (
                    (span.start < start and facts.sentence >= sentence - 2)
                    or line < span.start < end
                )
                and (span.signal.rsplit("_", 1)[-1] in acts if acts else span.signal not in kept)
                else span
                for span, facts in zip(self.spans, self.facts, strict=True)
            ]

    def explained_marks(self) -> None:
        """A wound read from a mark of colour (`injuries.marks`: "a pink stripe on her tail")
        is none when its sentence explains the mark (`injuries.mark_causes`: "that's just her
        markings", "I think it's the beetroot"), nor, with no body part, when its sentence
        tells of no harm ("the hammock has a red stripe")."""
        marks = self.lexicon.marks
        harms = {
            facts.sentence
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.signal in self.lexicon.harm_signals and not span.negated
        }
        kept = []
        for span, facts in zip(self.spans, self.facts, strict=True):
            written = span.text.lower()
            if written.startswith(marks) or written.endswith(marks):
                # the mark alone, with no body part, is a wound only after a harm
                if written in marks and facts.sentence not in harms:
                    continue
                text = self.sentence_text(facts.sentence).lower()
                if self.lexicon.mark_causes.search(text):
                    continue
            kept.append((span, facts))
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def placed(self) -> None:
        """A signal of a rat's own choosing (`placed.signals`: "on my lap", seeking company) is
        none when the owner, earlier in its sentence, put it there ("I held Pip on my lap and
        she bit me")."""
        signals, placing = self.lexicon.placed
        tokens = self.tokens
        kept = []
        for span, facts in zip(self.spans, self.facts, strict=True):
            if span.signal in signals:
                first = tokens.sentences.index(facts.sentence)
                before = tokens.text[tokens.starts[first] : span.start].lower()
                found = list(placing.finditer(before.replace("\u2019", "'")))
                # what was put there is an animal: a name or a pronoun right after the verb
                held = before[found[-1].end() :].split()[:1] if found else []
                if held and (
                    held[0] in self.cast.names
                    or held[0] in self.lexicon.object_case
                    or held[0] in self.lexicon.possessives
                ):
                    continue
            kept.append((span, facts))
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def rested_postures(self) -> None:
        """A posture told by one of `postures.words` alone ("low on the floor": stalking) is
        no signal beside a rest of the same animal in its sentence ("Tom lay low on the floor
        near the cage, fast asleep"), unless an aim told by other words is there too ("crouched
        low on the floor staring at Pip")."""
        words, rests, aims = self.lexicon.postures
        pairs = list(zip(self.spans, self.facts, strict=True))

        def alone(span: Span) -> bool:
            return span.text.lower().split(" ", 1)[0] in words

        kept = []
        for span, facts in pairs:
            if alone(span):
                around = [
                    other
                    for other, f in pairs
                    if f.sentence == facts.sentence
                    and other.animal == span.animal
                    and not other.negated
                    and other is not span
                ]
                if any(o.signal in rests for o in around) and not any(
                    o.signal in aims and not alone(o) for o in around
                ):
                    continue
            kept.append((span, facts))
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def inattentive(self) -> None:
        """A cat's act of harm or aim (`inattention.acts`) whose object is a plaything
        (`plays_at`), with no rat and no thing named after it in its clause, is none where the
        same sentence after it, or the next, tells that the same cat paid the rats no heed (the
        `inattention.heed` signal aimed at them: `heed_at_the_rats`, "pouncing on it over and
        over, never even glanced at the rats"), unless the note tells of a wound."""
        heed, acts = self.lexicon.inattention.heed, self.lexicon.inattention.acts
        if any(span.signal in self.lexicon.victim_signals for span in self.spans):
            return
        # (where each heed starts, by animal and sentence: told after the act, never before
        # it, "ignored the rats for an hour, then pounced" is a pounce)
        unheeding = {
            (span.animal, facts.sentence): span.start
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.signal == heed and not span.negated and self.heed_at_the_rats(span)
        }
        if not unheeding:
            return

        def unheeded(span: Span, sentence: int) -> bool:
            same = unheeding.get((span.animal, sentence))
            return (same is not None and same > span.start) or (
                span.animal,
                sentence + 1,
            ) in unheeding

        kept = [
            (span, facts)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if not (
                span.signal in acts
                and self.cast.species.get(span.animal or "") == "cat"
                and self.plays_at(span)
                # (up to the heed in its sentence: "pounced it like 20 times, never even looked
                # at the cage" names the cage only as not heeded)
                and not self.rats_or_things_after(
                    span, aimed=False, until=unheeding.get((span.animal, facts.sentence))
                )
                and unheeded(span, facts.sentence)
            )
        ]
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def plays_at(self, span: Span) -> bool:
        """Whether the object of the act `span` is a plaything (`harmless.prey`): the first word
        after it, past prepositions, determiners, possessives and a count ("pounced on the laser
        dot", "pouncing on it over and over" after "the laser dot", "pounced it like 20 times"),
        is one, or is "it" after one earlier in its sentence."""
        tokens = self.tokens
        lexicon = self.lexicon
        first = bisect_left(tokens.starts, span.end)
        if first == len(tokens.words):
            return False
        sentence = tokens.sentences[first]
        skipped = lexicon.prepositions | lexicon.determiners | lexicon.possessives
        for at in range(first, len(tokens.words)):
            word = tokens.words[at]
            if tokens.sentences[at] != sentence or word.kind != "w":
                return False
            if word.norm in skipped:
                continue
            if word.norm in lexicon.prey_words:
                return True
            # (a noun before it names the plaything's kind: "the beanbag tassels", "his catnip
            # mouse"; a name there is an animal's)
            if (
                at + 1 < len(tokens.words)
                and tokens.sentences[at + 1] == sentence
                and tokens.words[at + 1].norm in lexicon.prey_words
                and self.mention_at(at) is None
            ):
                return True
            return word.norm == "it" and any(
                tokens.words[before].norm in lexicon.prey_words
                for before in range(at)
                if tokens.sentences[before] == sentence and tokens.starts[before] < span.start
            )
        return False

    def heed_at_the_rats(self, span: Span) -> bool:
        """Whether the heed `span` is aimed at the rats: its clause, after it, names a rat of the
        cast or a thing of `things` that is no plaything ("never looked at the cage", "didn't
        care about the rats"), and no rat opens it ("the girls didn't even look up from their
        food" is the rats' own)."""
        tokens = self.tokens
        rats = self.cast.by_species.get("rat", frozenset())
        start = bisect_left(tokens.starts, span.start)
        if start < len(tokens.words) and any(
            m.animals & rats
            and m.first < start
            and tokens.clauses[m.first] == tokens.clauses[start]
            for m in self.mentions.all
        ):
            return False
        return self.rats_or_things_after(span, aimed=True)

    def rats_or_things_after(self, span: Span, aimed: bool, until: int | None = None) -> bool:
        """Whether the clause of `span`, after it (and before character `until`), names a rat of
        the cast or a thing of `things` that is no plaything (`harmless.prey`); when `aimed`,
        right after the span's words or a word of `inattention.towards` (determiners between):
        "looked at the cage", not "look up from their food"."""
        tokens = self.tokens
        first = bisect_left(tokens.starts, span.end)
        if first == len(tokens.words):
            return False
        within = [
            at
            for at in range(first, len(tokens.words))
            if tokens.clauses[at] == tokens.clauses[first]
            and (until is None or tokens.starts[at] < until)
        ]
        if not within:
            return False
        rats = self.cast.by_species.get("rat", frozenset())
        towards = self.lexicon.inattention.towards

        def at_it(at: int) -> bool:
            before = at - 1
            while before >= within[0] and tokens.words[before].norm in self.lexicon.determiners:
                before -= 1
            return not aimed or before < within[0] or tokens.words[before].norm in towards

        # (a plaything is no rat's place: "ignored the feather wand")
        return any(
            at_it(at)
            for at in within
            if tokens.words[at].norm in self.lexicon.thing_words
            and tokens.words[at].norm not in self.lexicon.prey_words
        ) or any(
            # ("it" is the plaything `plays_at` found, not a rat: "pounced it like 20 times")
            m.first in within and m.animals & rats and at_it(m.first) and not self.neuter(m)
            for m in self.mentions.all
        )

    def sentence_text(self, sentence: int) -> str:
        """The text of sentence number `sentence`, signs after its last word included."""
        tokens = self.tokens
        told = tokens.sentence_range(sentence)
        end = tokens.starts[told.stop] if told.stop < len(tokens.words) else len(tokens.text)
        return tokens.text[tokens.starts[told.start] : end]

    def asks(self, index: int, sentence: int) -> bool:
        """Whether the sentence holding word `index` ends in a question mark."""
        tokens = self.tokens
        words = tokens.words
        position = index
        while position < len(words) and tokens.sentences[position] == sentence:
            if "?" in words[position].raw:
                return True
            position += 1
        return False

    def replaced_by(self, named: Mention, sentence: int, real: str) -> str | None:
        """The animal a correction naming `real` replaces: the one named after "not" in its
        sentence, else (when its sentence tells no signal) the one animal of `real`'s kind,
        not `real`, whose signals the two sentences before told."""
        tokens = self.tokens
        words = tokens.words
        position = named.last + 1
        while position < len(words) and tokens.sentences[position] == sentence:
            if words[position].norm in self.lexicon.correction_denials:
                other = self.mention_at(position + 1)
                if other is not None and len(other.animals) == 1 and not other.person:
                    (animal,) = other.animals
                    return animal if animal != real else None
            position += 1
        facts = self.facts
        kind = self.cast.species[real]
        told = {
            span.animal
            for span, f in zip(self.spans, facts, strict=True)
            if span.animal is not None
            and not span.negated
            and sentence - 2 <= f.sentence < sentence
            and self.cast.species[span.animal] == kind
            and span.animal != real
        }
        if len(told) != 1:
            return None
        (animal,) = told
        # a line that tells signals of its own tells them of the one replaced only ("that
        # was Pickle, Nugget was asleep the whole time")
        if any(
            f.sentence == sentence and span.animal != animal
            for span, f in zip(self.spans, facts, strict=True)
        ):
            return None
        return animal

    # --- helpers -------------------------------------------------------------------------

    def bounds(self, match: Match) -> tuple[int, int]:
        return self.tokens.starts[match.first], self.tokens.ends[match.last]

    def klass(self, animal: str, signal: str) -> SessionClass:
        klass = self.lexicon.classes[self.cast.species[animal]][signal]
        return "stress" if klass == "illness" else klass  # type: ignore[return-value]

    def state(self, index: int, animal: str, signal: str) -> tuple[bool, bool]:
        """(negated, confirm) of a reading: a hedged danger reading is not ruled out (it counts
        and is to confirm), nor is a hedged bite of a milder class ("I think he nipped her"
        between rats): it counts like a reading the words state; other hedged readings are
        left out."""
        if index in self.scope.denied:
            return True, False
        if index in self.scope.hedged:
            danger = self.klass(animal, signal) == DANGER
            if signal in self.lexicon.bite_signals:
                return False, danger  # a bite the words cannot rule out counts
            return not danger, danger
        if index in self.scope.attempted or index in self.scope.hedged_after:
            return False, self.klass(animal, signal) == DANGER
        return False, False

    def emit(
        self, index: int, match: Match, animals: frozenset[str], senses: Mapping[str, str]
    ) -> None:
        start, end = self.bounds(match)
        found = self.target(match)
        obj = found.mention if found is not None else None
        # a person right after the phrase, or after an article only ("scratched a coworker")
        direct = found is not None and all(
            self.tokens.words[position].norm in self.lexicon.articles
            for position in range(match.last + 1, match.last + 1 + found.steps)
        )
        thing = found is not None and found.thing
        extra: dict[str, str] = {}
        seize = match.seize
        for animal in sorted(animals):
            signal = self.sense(
                animal,
                senses,
                obj if obj is None or direct or not obj.person else None,
                thing,
                match,
            )
            if signal is None:
                continue
            negated, confirm = self.state(index, animal, signal)
            self.spans.append(
                Span(start, end, self.text[start:end], signal, animal, negated, confirm)
            )
            lone = signal in self.lexicon.one_sided and self.one_sided_phrase(match, signal)
            self.facts.append(
                SpanFacts(
                    self.tokens.sentences[match.first],
                    thing,
                    seize,
                    lone,
                    animal=seize
                    and obj is not None
                    and not (obj.person or obj.outsider or thing)
                    and bool(obj.animals - {animal}),
                )
            )
            if not negated and signal in self.lexicon.harm_signals:
                hurt = self.harmed_by(match, obj)
                if hurt is not None and hurt.animals - animals:
                    self.harmed = Harm(
                        self.tokens.sentences[match.first], hurt.animals - animals, animals
                    )
                    self.harms.append(self.harmed)
            if signal in self.lexicon.reciprocal:
                for other in sorted(self.partners(match, obj, animals)):
                    if self.can_show(other, signal):
                        extra[other] = signal
        for other, signal in extra.items():
            negated, confirm = self.state(index, other, signal)
            self.spans.append(
                Span(start, end, self.text[start:end], signal, other, negated, confirm)
            )
            lone = signal in self.lexicon.one_sided and self.one_sided_phrase(match, signal)
            self.facts.append(
                SpanFacts(self.tokens.sentences[match.first], thing, False, lone, shared=True)
            )

    def it_is_a_thing(self, mention: Mention) -> bool:
        """Whether "it" names the thing named before it in its sentence, with no animal named
        between ("was playing with his feather wand and bit it"); a thing passed through or
        by is no referent ("went for Ruby's tail where it hung through the bars and bit it")."""
        return self.thing_of_it(mention) is not None

    def thing_of_it(self, mention: Mention, past_doer: bool = False) -> Match | None:
        """The thing "it" names (see `it_is_a_thing`), if it names one; with `past_doer` a
        subject pronoun between is the doer and no other referent ("played with his toy, he
        bit it")."""
        if mention.match < 0:
            return None
        own = self.matches[mention.match]
        if own.kind != "pronoun" or own.entry is None or own.entry.key != NEUTER:
            return None
        sentence = mention.sentence
        sentences = self.tokens.sentences
        for index in range(mention.match - 1, -1, -1):
            match = self.matches[index]
            if sentences[match.first] != sentence:
                return None
            if self.names_thing(match) and not self.after_path(match):
                return match
            if index in self.mentions.at and not self.mentions.at[index].person:
                named = self.mentions.at[index]
                if self.neuter(named) or (past_doer and named.subject and match.kind == "pronoun"):
                    # the thing named again, or the doer: "he bit it and jumped on it"
                    continue
                return None
        return None

    def at_plaything(self, match: Match, found: Target) -> bool:
        """Whether a phrase aimed at a thing is aimed at an "it" that names a plaything (a
        thing that is `harmless.prey` too): "chased the feather toy and pounced on it"."""
        position = match.last + 1 + found.steps
        if position >= len(self.tokens.words):
            return False
        mention = self.mention_at(position)
        thing = self.thing_of_it(mention, past_doer=True) if mention is not None else None
        words = self.tokens.words
        return thing is not None and any(
            words[at].norm in self.lexicon.prey_words for at in thing.positions
        )

    def at_prey(self, match: Match) -> bool:
        """Whether a harm signal with no animal of its own as its target ("pounced", "jumped on
        it") is in a sentence that names prey (`harmless.prey`: a fly, a lizard, a toy mouse)
        and no animal but its doers: "was attacking a fly on the window and he jumped on it",
        "caught a lizard and was jumping on it". An attack aimed at prey is no attack."""
        lexicon = self.lexicon
        if lexicon.harm_signals.isdisjoint(match.senses.values()):
            return False
        tokens = self.tokens
        if self.prey_sentences is None:
            prey = lexicon.prey_words
            # Most notes name no prey: each clause's words (as "=form") say so in C.
            named = lexicon.prey_exact
            self.prey_sentences = (
                frozenset()
                if all(named.isdisjoint(segment) for segment in tokens.segments)
                else frozenset(
                    tokens.sentences[position]
                    for position, word in enumerate(tokens.words)
                    if word.norm in prey and self.prey_at(position)
                )
            )
        sentence = tokens.sentences[match.first]
        if sentence not in self.prey_sentences:
            return False
        found = self.target(match)
        target = found.mention if found is not None else None
        if found is not None and target is None and not self.at_plaything(match, found):
            return False  # aimed at a thing: its own rules
        possessive = lexicon.possessives
        if target is not None and not self.neuter(target):
            return False
        words = tokens.words
        in_sentence = self.mentions.by_sentence.get(sentence, ())
        subjects = [m for m in in_sentence if m.subject and m.last < match.first]
        doer = subjects[-1].animals if subjects else frozenset()
        return not any(
            not (mention.person or mention.outsider or mention.subject)
            and mention is not target
            # a possessive is its owner's, not another animal: "played with his ball"
            and not (mention.first == mention.last and words[mention.first].norm in possessive)
            # "it" after the attack, or one naming a thing before it ("biting it and jumping
            # on it"), is no animal
            and not (
                self.neuter(mention)
                and (
                    mention.first > match.last
                    or (found is not None and self.thing_of_it(mention, True) is not None)
                )
            )
            # a pronoun that can only mean the doer names the prey by its word's gender, as
            # Dutch and German do: "sprang on his toy mouse and has him killed"
            and not (
                mention.match >= 0
                and self.matches[mention.match].kind == "pronoun"
                and doer
                and mention.animals == doer
            )
            # the doer itself, teased before it pounced: "teasing the cat with a feather,
            # Macca pounced on it"
            and not (doer and mention.first < match.first and mention.animals == doer)
            for mention in in_sentence
        )

    def prey_at(self, position: int) -> bool:
        """Whether the prey word there is attacked (inside a `harmless` phrase: "attacking a
        fly", "caught one lizard") or set against the doer ("Yuzu vs a fly")."""
        holder = self.phrases.of(position)
        if holder is not None and (holder.kind == BLOCK or holder.kind != "object"):
            return holder.kind == BLOCK
        words = self.tokens.words
        lexicon = self.lexicon
        # the object of a relative clause after it: "a catnip mouse which he proceeded to bite"
        after = position + 1
        while after < len(words) and words[after].kind != "w" and not words[after].mark:
            after += 1
        if after < len(words) and words[after].norm in lexicon.relatives:
            return True
        if holder is not None:
            position = holder.first  # a thing that is a plaything too: "his ball"
        before = position - 1
        while before >= 0 and (
            words[before].lemma in lexicon.determiners or words[before].norm in lexicon.possessives
        ):
            before -= 1
        if before >= 0 and words[before].norm in lexicon.pair_joiners - lexicon.list_words:
            return True
        if before >= 3 and words[before].raw == "(":
            # a form's field answered yes with the prey in brackets: "Bite: Y (toy mouse only)"
            field = before - 3
            holder = self.phrases.of(field)
            return (
                holder is not None
                and holder.kind == "signal"
                and holder.last == field
                and self.form_answer(field + 1) == before
                and not self.animal_in_brackets(before)
            )
        # the object of play: "played with his ball", "murdered the feather wand"
        if before >= 0 and words[before].lemma in lexicon.prepositions:
            before -= 1
            # the one played with between: "teasing the cat with a feather"
            skipped = 0
            while (
                before >= 0
                and skipped < 3
                and words[before].lemma not in lexicon.plays
                and (
                    words[before].lemma in lexicon.determiners
                    or words[before].norm in lexicon.possessives
                    or self.mention_at(before) is not None
                )
            ):
                before -= 1
                skipped += 1
        return before >= 0 and words[before].lemma in lexicon.plays

    def animal_in_brackets(self, opening: int) -> bool:
        """Whether an animal is named inside the brackets opened at `opening` ("Bite: Y (toy,
        then Sage)": the yes is Sage's too, not only the prey's)."""
        words = self.tokens.words
        close = opening + 1
        while close < len(words) and words[close].raw != ")" and not words[close].stop:
            close += 1
        sentence = self.tokens.sentences[opening]
        return any(
            opening < mention.first < close and not (mention.person or mention.outsider)
            for mention in self.mentions.by_sentence.get(sentence, ())
        )

    def of_the_cast(self, mention: Mention) -> bool:
        """Whether a mention is an animal of the cast: no person, no one outside it, not "it"."""
        return bool(mention.animals) and not (
            mention.person or mention.outsider or self.neuter(mention)
        )

    def neuter(self, mention: Mention) -> bool:
        """Whether a mention is "it"."""
        own = self.matches[mention.match] if mention.match >= 0 else None
        return own is not None and own.entry is not None and own.entry.key == NEUTER

    def after_path(self, match: Match) -> bool:
        """Whether a path word ("through", "by") comes before `match`, past determiners and
        possessives: "through the bars"."""
        lexicon = self.lexicon
        words = self.tokens.words
        position = match.first - 1
        while position >= 0 and (
            words[position].lemma in lexicon.determiners
            or words[position].norm in lexicon.possessives
        ):
            position -= 1
        return position >= 0 and words[position].norm in lexicon.path_words

    def previous_doers(self, match: Match, senses: Mapping[str, str], who: Who) -> Who:
        """In a sentence that names no animal, after a sentence whose readings all went to the
        same animals, those animals: "Groomed each other. Slept." is both of theirs."""
        sentence = self.tokens.sentences[match.first]
        if any(not m.person for m in self.mentions.by_sentence.get(sentence, ())):
            return who
        by_phrase: dict[int, set[str]] = {}
        for span, facts in zip(self.spans, self.facts, strict=True):
            if facts.sentence == sentence - 1 and span.animal is not None and not facts.shared:
                by_phrase.setdefault(span.start, set()).add(span.animal)
        doers = {frozenset(animals) for animals in by_phrase.values()}
        if len(doers) != 1:
            return who
        able = self.cast.able(next(iter(doers)), senses)
        return Who(able, explicit=True) if able else who

    def together(self, match: Match) -> bool:
        """Whether the phrase's clause says two animals did it (`together`: "side by side")."""
        tokens = self.tokens
        clause = tokens.clauses[match.first]
        segment = tokens.segments[clause]
        # Most clauses hold none of their first words: nothing more to look at.
        phrases = [phrase for phrase in self.lexicon.together if "=" + phrase[0] in segment]
        if not phrases:
            return False
        norms = [
            word.norm
            for word, where in zip(tokens.words, tokens.clauses, strict=True)
            if where == clause
        ]
        return any(occurrences(norms, phrases))

    def partners(
        self, match: Match, obj: Mention | None, animals: frozenset[str]
    ) -> frozenset[str]:
        """Who shares a shared signal with `animals`: the animal named as its object, or, with
        none named, the one its doers harmed earlier in the sentence ("Dusty went for Roo,
        proper stoush": Roo fought too)."""
        if obj is not None:
            if obj.ambiguous or obj.person or obj.outsider:
                return frozenset()  # (not "at each other like two colts")
            return obj.animals - animals
        harmed = self.harmed
        if (
            harmed is not None
            and harmed.sentence == self.tokens.sentences[match.first]
            and animals <= harmed.doers
        ):
            return harmed.hurt - animals
        return frozenset()

    def sense(
        self,
        animal: str,
        senses: Mapping[str, str],
        obj: Mention | None,
        thing: bool = False,
        match: Match | None = None,
    ) -> str | None:
        species = self.cast.species[animal]
        signal = senses.get(species)
        if signal is None:
            return None
        kinds: set[str] = set()
        by_object = self.lexicon.object_senses.get(species, {})
        if thing or (
            obj is None
            and match is not None
            and signal in by_object.get(OBJECT, {})
            and (self.aimed_at_thing(match) or self.after_thing(match))
        ):
            kinds = {OBJECT}
        elif obj is not None and not obj.outsider:
            kinds = (
                {"person"}
                if obj.person
                else {self.cast.species[a] for a in obj.animals if a != animal}
            )
        if len(kinds) == 1:
            (kind,) = kinds
            mapped = by_object.get(kind, {})
            if signal in mapped:
                return mapped[signal]
        program = self.program_senses.get(species)
        return signal if program is None else program.get(signal, signal)

    def unsure(
        self, index: int, match: Match, animals: frozenset[str], senses: Mapping[str, str]
    ) -> None:
        start, end = self.bounds(match)
        found = self.target(match)
        thing = found is not None and found.thing
        candidates = tuple(
            (animal, signal)
            for animal in sorted(animals)
            if (signal := self.sense(animal, senses, None, thing, match)) is not None
        )
        if not candidates:
            return
        worst = max(candidates, key=lambda pair: CLASS_RANK[self.klass(*pair)])
        negated, confirm = self.state(index, *worst)
        self.spans.append(Span(start, end, self.text[start:end], worst[1], None, negated, confirm))
        self.facts.append(SpanFacts(self.tokens.sentences[match.first], thing, False))
        if not negated:
            self.unattributed.append(
                Unattributed(start, end, self.text[start:end], worst[1], candidates, confirm)
            )

    def target(self, match: Match) -> Target | None:
        """The mention or thing right after a phrase ("groomed Hazel", "raked the mesh"), and
        how many words sit between them; "Rex and Max" count as one object."""
        if match.first not in self.targets:
            found = self._find_target(match)
            if found is None and self.catch(match):
                found = self.caught_pronoun(match)
            self.targets[match.first] = found
        return self.targets[match.first]

    def catch(self, match: Match) -> bool:
        """Whether `match` is a catch (`seizing`, `captures`, `aims`)."""
        key = match.entry.key if match.entry is not None else ""
        return match.seize or key in (AIMED, CAPTURED)

    def caught_pronoun(self, match: Match) -> Target | None:
        """The pronoun right after a catch that opens no noun: "got her before I could stop
        him", "caught her and ran off" (a clause or subordinate clause opens after it)."""
        words = self.tokens.words
        lexicon = self.lexicon
        after = match.last + 1
        if after + 1 >= len(words) or words[after].norm not in lexicon.possessives:
            return None
        following = words[after + 1].norm
        if following not in lexicon.clause_joiners and following not in lexicon.subordinators:
            return None
        mention = self.mention_at(after)
        return Target(mention, 0) if mention is not None else None

    def names_thing(self, match: Match) -> bool:
        """Whether a phrase names a thing: an object word, or a word blocked from another
        reading that is yet a thing ("the box" is no boxing, but a box)."""
        if match.kind == OBJECT:
            return True
        words = self.tokens.words
        return match.kind == BLOCK and any(
            words[at].norm in self.lexicon.thing_words for at in match.positions
        )

    def shared_place(self, match: Match) -> bool:
        """Whether a phrase of shared signals alone is followed by a word of where it happened
        (`shared_places`): "both fighting on the floor" fought no floor."""
        words = self.tokens.words
        after = match.last + 1
        return (
            after < len(words)
            and words[after].norm in self.lexicon.shared_places
            and self.lexicon.reciprocal.issuperset(match.senses.values())
        )

    def aimed_at_thing(self, match: Match) -> bool:
        """Whether the clause names a thing after the phrase before it names an animal ("raked
        her claws down the side of the cage"); "her" before a word is a possessive."""
        lexicon = self.lexicon
        words = self.tokens.words
        if any(words[position].norm in lexicon.path_words for position in match.positions):
            return False  # "ate out of the bowl": the phrase names the way
        if self.shared_place(match):
            return False
        position = match.last + 1
        end = min(len(words), position + 8)
        while position < end:
            word = words[position]
            if word.kind != "w" or word.norm in lexicon.clause_joiners:
                return False
            if word.norm in lexicon.path_words:
                return False  # "through the mesh" is the way, not the target
            holder = self.phrases.at[position]
            if holder >= 0:
                found = self.matches[holder]
                if self.names_thing(found):
                    return True
                if holder in self.mentions.at and not self.possessive(position):
                    return False
                position = found.last + 1
                continue
            position += 1
        return False

    def harmed_by(self, match: Match, obj: Mention | None) -> Mention | None:
        """The animal a harm signal is done to: its target ("bit Dot"), the owner of the body
        part it names ("mouth on her neck"), or the object of its clause ("had Chewie by the
        scruff")."""
        found = obj
        if found is None and match.last > match.first:
            # "had Maple in her mouth": the animal named inside the phrase.
            inside = [m for m in self.mentions.between(match.first, match.last) if not m.subject]
            found = inside[0] if inside else None
        if found is None:
            position = match.last + 1
            end = min(len(self.tokens.words), position + 3)
            while found is None and position < end and self.tokens.words[position].kind == "w":
                if self.possessive(position):
                    found = self.mention_at(position)
                position += 1
        if found is None:
            clause = self.tokens.clauses[match.first]
            objects = [m for m in self.before(match) if m.clause == clause and not m.subject]
            found = objects[-1] if objects else None
        if found is None or found.person or found.outsider or found.ambiguous:
            return None
        return found

    def taken(self, index: int, match: Match) -> Mapping[str, str] | None:
        """The readings of a `captures` phrase stated (not attempted) with an animal of the
        cast right after it as its only object ("Tom got Pip", "shook her"); "got Pip a
        treat" gives Pip a thing, "got up" and "got bored" take no animal."""
        if index in self.scope.attempted:
            return None
        lexicon = self.lexicon
        words = self.tokens.words
        opener = words[match.first]
        if opener.lemma not in lexicon.capture_starts and opener.norm not in lexicon.capture_starts:
            return None  # no catch starts so: most signals end here
        found = lexicon.captures.get(tuple(words[at].lemma for at in match.positions))
        if found is None:
            found = lexicon.captures.get(tuple(words[at].norm for at in match.positions))
        if found is None:
            return None
        target = self.target(match)
        mention = target.mention if target is not None else None
        if (
            target is None
            or target.steps
            or mention is None
            or mention.person
            or mention.outsider
            or not mention.animals - self.cast.able(mention.animals, found)
        ):
            return None  # the one caught is an animal that could not have caught it
        if words[mention.last].raw.lower().replace("\u2019", "'").endswith("'s"):
            return None  # "got Pip's scent": Pip owns what was got
        if self.neuter(mention) and any(
            self.matches[holder].kind == OBJECT
            for holder in self.phrases.at[
                self.tokens.sentence_range(mention.sentence).start : match.first
            ]
            if holder >= 0
        ):
            return None  # "got his teeth in his toy mouse and shook it": "it" is the thing
        after = mention.last + 1
        if (
            after < len(words)
            and words[after].kind == "w"
            and (
                words[after].norm in lexicon.determiners
                or words[after].norm in lexicon.possessives
                or words[after].norm.isdigit()
            )
        ):
            return None  # "got Pip a treat": two objects, the second a thing
        return found

    def aimed_at_animal(self, match: Match) -> bool:
        """Whether an animal of the cast is the phrase's target ("tried to get Pip")."""
        found = self.target(match)
        mention = found.mention if found is not None else None
        return mention is not None and not (mention.person or mention.outsider)

    def on_person_part(self, match: Match) -> bool:
        """Whether a person's body part (`injuries.person_parts`) sits in the wound phrase or
        within two words of it in its clause ("blood on my thumb", "his finger bled"), or any
        body part right after the owner's word ("a cut in my knee")."""
        return self.near_part(match, self.lexicon.person_parts) or any(
            self.owned_part(position)
            and not any(
                m.animals and not (m.person or m.outsider)
                for m in self.mentions.between(position, match.first)
            )
            for position in self.part_window(match)
        )

    def persons_part_told(self, sentence: int) -> bool:
        """Whether a person's body part (`injuries.person_parts`) is named in a sentence that
        names no animal of the cast, right after no harm to one: a wound there is a person's
        ("took a cork ball on the knuckle in the nets, drew blood", "split tips from the crimps,
        bled on the holds"; not "Bobbin bit Thimble. ... my fingers came away smelling of
        blood")."""
        if self.harmed is not None and self.harmed.sentence >= sentence - 1:
            return False
        tokens = self.tokens
        parts = self.lexicon.person_parts
        return any(
            tokens.words[at].lemma in parts for at in tokens.sentence_range(sentence)
        ) and not any(self.of_the_cast(m) for m in self.mentions.by_sentence.get(sentence, ()))

    def on_screen(self, match: Match) -> bool:
        """Whether the phrase's sentence names something watched, read or told
        (`injuries.fictions`) and no animal of the cast by name or pronoun (a bare word for a
        species, with or without "a", is the story's; a possessive may be a teller's): "a true
        crime documentary, blood everywhere", "on television was documentary, potkany in sewer
        fight and bite", "babka told the story how mačka in her village catch potkan"."""
        tokens = self.tokens
        sentence = tokens.sentences[match.first]
        told = [tokens.words[position].norm for position in tokens.sentence_range(sentence)]
        if self.lexicon.fictions.isdisjoint(told) or not self.lexicon.thing_words.isdisjoint(told):
            return False  # ("there was blood on the cage bars" is in the room)
        return not any(
            m.animals
            and not (m.person or m.outsider)
            and (m.match < 0 or self.matches[m.match].kind not in SPECIES_WORD_KINDS)
            and self.tokens.words[m.first].norm not in self.lexicon.possessives
            for m in self.mentions.by_sentence.get(sentence, ())
        )

    def with_the_owner(self, match: Match) -> bool:
        """Whether the owner is named right after a shared act, as the one it was done with:
        "a lower 8 that fought me the whole way" is no fight between animals."""
        if match.last + 1 >= len(self.tokens.words):
            return False
        after = self.mention_at(match.last + 1)
        return after is not None and after.person

    def owners_own(self, match: Match, sides: bool = False) -> bool:
        """Whether the phrase is said to be the owner's, with no animal named before it in its
        clause: a verb of being or having (`auxiliaries`) right after it, then the owner's word
        ending the sentence ("the only cut is mine."); or, for a fight (`sides`), such a verb at
        most two words after it in its clause, then the owner's word set (`comparisons`)
        against something that is no animal of the cast ("the only fight this week was me
        versus a solicitor")."""
        tokens = self.tokens
        words = tokens.words
        clause = tokens.clauses[match.last]
        if any(
            m.clause == clause and m.animals and not m.person and m.first < match.first
            for m in self.before(match)
        ):
            return False  # "the one with the cut is mine": the owner's rat
        at = match.last + 1
        while (
            sides
            and at < min(len(words) - 1, match.last + 3)
            and words[at].kind == "w"
            and tokens.clauses[at] == clause
            and words[at].norm not in self.lexicon.auxiliaries
            and words[at].norm not in self.lexicon.clause_joiners
            and self.phrases.at[at] < 0
        ):
            at += 1
        if at + 1 >= len(words) or words[at].norm not in self.lexicon.auxiliaries:
            return False
        owner = self.mention_at(at + 1)
        if owner is None or not owner.person:
            return False
        end = owner.last + 1
        if sides:
            # set against another that is no animal of the cast: "me versus a solicitor"
            if end + 1 >= len(words) or words[end].norm not in self.lexicon.comparisons:
                return False
            other = self.mention_at(end + 1)
            return other is None or other.person or other.outsider or not other.animals
        return end >= len(words) or words[end].raw in ".!;"

    def owned_part(self, position: int) -> bool:
        """Whether the word at `position` is a body part right after the owner's word ("my
        knee", "my leg"): the owner's own."""
        if not position or self.tokens.words[position].lemma not in self.lexicon.owner_parts:
            return False
        owner = self.mention_at(position - 1)
        return owner is not None and owner.person and owner.last == position - 1

    def owned_part_before(self, match: Match) -> bool:
        """Whether the owner's own body part is named before the phrase in its sentence with no
        animal of the cast named between: "blister on my thumb from the gavel bled a bit"."""
        tokens = self.tokens
        sentence = tokens.sentences[match.first]
        position = match.first - 1
        while position > 0 and tokens.sentences[position] == sentence:
            found = self.mention_at(position)
            if found is not None and not (found.person or found.outsider):
                return False
            if self.owned_part(position):
                return True
            position -= 1
        return False

    def near_part(self, match: Match, parts: frozenset[str]) -> bool:
        """Whether one of `parts` sits in the wound phrase or within two words of it in its
        clause."""
        if not parts:
            return False
        words = self.tokens.words
        return any(words[position].lemma in parts for position in self.part_window(match))

    def part_window(self, match: Match) -> tuple[int, ...]:
        """The words of the phrase's clause from two before it to three after it."""
        tokens = self.tokens
        words = tokens.words
        clause = tokens.clauses[match.first]
        low = max(0, match.first - 2)
        high = min(len(words), match.last + 4)
        return tuple(
            position
            for position in range(low, high)
            if words[position].kind == "w" and tokens.clauses[position] == clause
        )

    def done_to_owner(self, match: Match) -> bool:
        """Whether the wound phrase's first word is a verb whose object is the owner: the owner
        right after it, no animal after them ("Cut my hand on the secateurs", "it cut me");
        "cut my rat's ear" is the rat's."""
        at = match.first + 1
        phrases = self.phrases
        if at >= len(self.tokens.words) or (holder := phrases.at[at]) < 0:
            return False
        if self.matches[holder].kind != "person":
            return False
        after = phrases.at[at + 1] if at + 1 < len(self.tokens.words) else -1
        return not (after >= 0 and after in self.mentions.at and not self.mentions.at[after].person)

    def owner_bled(self, match: Match, bled: Mention | None) -> bool:
        """Whether the owner is the subject (`bled`, from `subject_bled`) of a verb of bleeding
        ("I cut myself and bled"), or a verb of bleeding with no one named before it follows a
        person's wound in its sentence ("Cut my hand on the secateurs, bled all over my
        gloves"), or with only "it" before it in the sentence after one, no animal named
        between ("I cut my finger. It bled a lot."), or blood itself (`injuries.shed`) does,
        with no animal of the cast named between ("cook borshch and cut finger with knife, much
        blood on the beetroot")."""
        if bled is not None:
            return bled.person
        sentence = self.tokens.sentences[match.first]
        if self.tokens.words[match.first].lemma in self.lexicon.shed:
            # (none named after it either, nor by a possessive: "nipped my thumb, bit of blood
            # in her mouth")
            hurt = self.owner_hurt.get(sentence)
            end = self.tokens.sentence_range(sentence).stop
            return (
                hurt is not None
                and not any(
                    m.animals and not (m.person or m.outsider)
                    for m in self.mentions.between(hurt, end)
                )
                and not any(
                    self.tokens.words[at].norm in self.lexicon.possessives
                    for at in range(match.first, end)
                )
            )
        if self.tokens.words[match.first].norm not in self.lexicon.bleeding:
            return False
        before = self.before(match)
        if (
            sentence - 1 in self.owner_hurt
            and before
            and all(self.neuter(m) for m in before)
            and not any(
                self.of_the_cast(m)
                for m in self.mentions.between(self.owner_hurt[sentence - 1], match.first)
            )
        ):
            return True  # "I cut my finger on an instrument. It bled rather more than I'd like."
        return (sentence in self.owner_hurt or self.owned_part_before(match)) and all(
            m.person for m in before
        )

    def subject_bled(self, match: Match) -> Mention | None:
        """The subject of a verb of bleeding (`injuries.bleeding`) that opens the phrase: the
        last subject named before it in its sentence, when none named after that subject is
        of the other kind (an animal after the owner, or the owner after an animal): "I cut
        myself and bled" (the owner), "I picked Pip up and she bled on my hand" (Pip)."""
        if self.tokens.words[match.first].norm not in self.lexicon.bleeding:
            return None
        before = [m for m in self.before(match) if not m.outsider and not m.ambiguous]
        subjects = [at for at, m in enumerate(before) if m.subject]
        if not subjects:
            return None
        subject = before[subjects[-1]]
        if self.neuter(subject) or any(m.person != subject.person for m in before[subjects[-1] :]):
            return None  # "bit my thumb and it bled": the thumb
        if self.perceived(subject.last + 1, match.first):
            return None  # "I saw she bled": what the owner saw
        # (a pronoun stands for an animal only after one named in its sentence: "my roommate's
        # cat scratched my roommate, she was bleeding" is the roommate's)
        if not subject.person and not any(
            self.matches[m.match].kind != "pronoun" for m in before[: subjects[-1] + 1]
        ):
            return None
        return subject

    def biters_own(self, match: Match, sentence: int) -> frozenset[str]:
        """The one animal that bit the owner in this sentence, when the wound phrase holds a
        possessive pronoun of its own ("chipped his tooth", "blood in her mouth"): the biter hurt
        itself on the owner's hand or ring. Empty otherwise."""
        words = self.tokens.words
        if sentence not in self.owner_bitten or not any(
            words[position].norm in self.lexicon.possessives for position in match.positions
        ):
            return frozenset()
        biters = {
            span.animal
            for span, facts in zip(self.spans, self.facts, strict=True)
            if facts.sentence == sentence
            and span.animal is not None
            and not span.negated
            and span.signal in self.lexicon.bite_signals
        }
        return frozenset(biters) if len(biters) == 1 else frozenset()

    def bitten_before(self, sentence: int) -> bool:
        """Whether the owner was bitten in this sentence or in one of the two before it with
        no other harm told since: "Twite bit me. Hard, on the thumb. Blood on the page." is the
        owner's blood."""
        harms = self.lexicon.harm_signals
        harmed = {
            self.tokens.sentences[self.matches[index].first]
            for index in self.scope.events
            if not harms.isdisjoint(self.matches[index].senses.values())
        }
        for earlier in range(sentence, max(sentence - 3, -1), -1):
            if earlier in self.owner_bitten:
                return True
            if earlier in harmed:
                return False
        return False

    def it_bled(self, match: Match) -> bool:
        """Whether the phrase is a verb of bleeding whose last subject before it in its
        sentence is "it": the wound told before it bled ("a cut on my hand, it bled")."""
        if self.tokens.words[match.first].norm not in self.lexicon.bleeding:
            return False
        subjects = [m for m in self.before(match) if m.subject]
        return bool(subjects) and self.neuter(subjects[-1])

    def on_animal_part(self, match: Match) -> bool:
        """Whether an animal's own body part, named by a possessive pronoun with at most one
        word between ("his lip", "her own foot"), stands in the wound's clause before it or
        with its possessive within three words after it: "bit me, then I saw he has a cut on his
        lip" is his."""
        tokens = self.tokens
        words = tokens.words
        clause = tokens.clauses[match.first]
        high = min(len(words), match.last + 4)
        position = match.first
        while position > 0 and tokens.clauses[position - 1] == clause:
            position -= 1
        # A wound that opens its clause tells of the clause before it in its sentence, or of
        # the one before that when the one between is a word alone: "caught her claw in the
        # wire - torn, bleeding" is her claw's.
        if position == match.first:
            sentence = tokens.sentences[match.first]
            for _ in range(2):
                if position < 2 or tokens.sentences[position - 1] != sentence:
                    break
                mark = position - 1
                position = mark
                while position > 0 and tokens.clauses[position - 1] == tokens.clauses[mark]:
                    position -= 1
                if mark - position > 1:
                    break
        for start in range(position, high - 1):
            if words[start].norm not in self.lexicon.possessives:
                continue
            mention = self.mention_at(start)
            if mention is None or mention.person or mention.outsider:
                continue
            for part in range(start + 1, min(start + 3, len(words))):
                if tokens.clauses[part] != tokens.clauses[start] or words[part].kind != "w":
                    break
                if words[part].lemma in self.lexicon.body_parts:
                    return True
        return False

    def thing_damaged(self, match: Match) -> bool:
        """Whether a wound phrase of `injuries.damage` words has a thing just before it in its
        clause (within three words, no animal or other phrase between) and no body part
        before it in the clause."""
        words = self.tokens.words
        damage = self.lexicon.damage
        if not damage or any(words[p].norm not in damage for p in match.positions):
            return False
        clause = self.tokens.clauses[match.first]
        if any(
            words[p].lemma in self.lexicon.body_parts
            for p in range(match.first - 1, -1, -1)
            if self.tokens.clauses[p] == clause
        ):
            return False  # "her tail caught in the wheel and torn" is her wound
        position = match.first - 1
        low = max(0, match.first - 4)
        while position >= low and words[position].kind == "w":
            if words[position].lemma in self.lexicon.body_parts:
                return False
            holder = self.phrases.at[position]
            if holder >= 0:
                found = self.matches[holder]
                if self.names_thing(found):
                    return True
                if found.kind != "signal" or holder in self.mentions.at:
                    return False
                position = found.first
            position -= 1
        return False

    def holder(self, match: Match) -> str | None:
        """What opens the phrase's clause as the one that has or suffers it, with at most two
        words of having or being between ("has", "got"): a thing (OBJECT: "the sofa has a
        scratch", "Max's hammock has scratches") or a person or a part of the owner's
        ("person": "the kids have scratches", "both my arms have cuts"). None when the clause
        opens otherwise or names an animal before."""
        tokens = self.tokens
        words = tokens.words
        clause = tokens.clauses[match.first]
        position = match.first - 1
        low = match.first - 3
        having = self.lexicon.perfect_have | self.lexicon.perfect_passive
        while position > low and position >= 0 and self.phrases.at[position] < 0:
            if tokens.clauses[position] != clause or words[position].kind != "w":
                return None
            if words[position].lemma not in self.lexicon.owner_parts:
                if words[position].norm not in having:
                    return None  # "I saw a small cut": what the owner found is no one's own
                position -= 1
                continue
            # "my arm": the part right after the owner's word that opens the clause
            opener = position - 1
            found = self.mention_at(opener) if opener >= 0 else None
            if found is None or not found.person or not self.opens_clause(found.first):
                return None
            return "person"
        if position < 0 or tokens.clauses[position] != clause:
            return None
        holder = self.phrases.at[position]
        if holder < 0:
            return None
        held = self.matches[holder]
        person = self.mentions.at.get(holder)
        if person is not None and person.person and person.last == position:
            # "the kids have scratches": a person who opens the clause
            return "person" if self.opens_clause(person.first) else None
        if not self.names_thing(held):
            return None
        opener = held.first - 1
        if opener >= 0 and words[opener].norm in self.lexicon.determiners:
            opener -= 1
        owner = self.mention_at(opener) if opener >= 0 else None
        if owner is not None and possessive_form(self.tokens.words[opener].raw):
            opener = owner.first - 1  # "Max's hammock": the thing, whoever owns it
        return OBJECT if opener < 0 or self.opens_clause(opener + 1) else None

    def plural_mark(self, match: Match) -> bool:
        """Whether a wound phrase is a mark's plural after a word of having or "with" ("has
        scratches", "with cuts"): bare, the plural is as often a verb ("Tom scratches")."""
        words = self.tokens.words
        lexicon = self.lexicon
        nouns = lexicon.injury_nouns
        if len(match.positions) != 2:
            return False
        first, last = match.positions
        opener, noun = words[first].norm, words[last].norm
        return (
            opener in lexicon.perfect_have
            or opener in lexicon.perfect_passive
            or opener in lexicon.prepositions
        ) and (noun in nouns and noun.endswith("s") and (noun[:-1] in nouns or noun[:-2] in nouns))

    def plural_holder(self, match: Match) -> tuple[bool, Mention | None]:
        """(decided, who) has a mark's plural. After a word of having: the first named going
        back past words that are neither ("Max now has cuts", "Max's nose has scratches"):
        an animal has them, a person or a thing does ("my toddler has scratches", "the
        hammock has cuts"); after "with", the last named before it in its clause ("we found
        Max with cuts", "Pip left me with scratches": mine). A part before the mark is
        petting ("chin scratches"), "of" after it a cut of food, a thing after it the thing's
        ("scratches all over his wheel"). Undecided (a pronoun that may name more than one,
        or no one named): the rules for any wound decide."""
        tokens = self.tokens
        words = tokens.words
        lexicon = self.lexicon
        clause = tokens.clauses[match.first]
        opener, noun = match.positions
        after = match.last + 1
        if after < len(words) and words[after].norm in lexicon.part_owners:
            return True, None  # "cuts of banana"
        if any(words[at].lemma in lexicon.body_parts for at in range(opener + 1, noun)):
            return True, None  # "chin scratches": petting
        if any(
            words[at].norm in lexicon.prepositions or words[at].norm in lexicon.clause_joiners
            for at in range(opener + 1, noun)
        ):
            return True, None  # "had cuddles with scratches": the marks are not what was had
        for at in range(after, min(after + 4, len(words))):
            if tokens.clauses[at] != clause or words[at].lemma in lexicon.body_parts:
                break
            holder = self.phrases.at[at]
            if holder >= 0 and self.names_thing(self.matches[holder]):
                return True, None  # "scratches all over his wheel"
        found: Mention | None = None
        if words[opener].norm in lexicon.prepositions:
            named = [m for m in self.before(match) if m.clause == clause]
            found = named[-1] if named else None
        else:
            position = opener - 1
            while position >= max(opener - 4, 0) and tokens.clauses[position] == clause:
                word = words[position]
                if word.kind != "w" or word.norm in lexicon.clause_joiners:
                    break
                holder = self.phrases.at[position]
                if holder >= 0 and self.names_thing(self.matches[holder]):
                    return True, None  # "the hammock has cuts"
                found = self.mention_at(position)
                if found is not None:
                    break
                position -= 1  # a word of having, a group word, an adverb or a part
        if found is None:
            return False, None
        if found.person or found.outsider:
            return True, None
        if found.ambiguous:
            return False, None
        return True, found

    def holds_mark(self, match: Match) -> bool:
        """Whether a wound phrase of a mark's words (`injuries.nouns`: a scratch, cuts) has a
        thing or the owner's part as its holder (`holder`). Blood never is a thing's: "the
        hammock has blood on it" is an animal's."""
        words = self.tokens.words
        return any(
            words[position].norm in self.lexicon.injury_nouns for position in match.positions
        ) and (self.holder(match) is not None)

    def named_later(self, match: Match) -> bool:
        """Whether an animal of the cast is named after the phrase in its sentence, past the
        doer named right after it ("by Tom")."""
        agent = self.agent_after(match)
        sentence = self.tokens.sentences[match.first]
        return any(
            mention.first > match.last
            and not (mention.person or mention.outsider)
            and (agent is None or mention.first > agent.last)
            and not (mention.first == mention.last and self.possessive(mention.first))
            for mention in self.mentions.by_sentence.get(sentence, ())
        )

    def opens_clause(self, position: int) -> bool:
        """Whether the word there opens its clause, after a joiner or a group word at most
        ("and my arm", "both my arms")."""
        tokens = self.tokens
        before = position - 1
        if before >= 0 and tokens.words[before].norm in self.lexicon.floating_group:
            before -= 1
        if before >= 0 and tokens.words[before].norm in self.lexicon.clause_joiners:
            before -= 1
        return (
            before < 0
            or tokens.clauses[before] != tokens.clauses[position]
            or tokens.words[before].mark
        )

    def possessive(self, position: int) -> bool:
        """Whether the word there is a possessive pronoun before a word naming no animal."""
        words = self.tokens.words
        return (
            words[position].norm in self.lexicon.possessives
            and position + 1 < len(words)
            and words[position + 1].kind == "w"
            and self.mention_at(position + 1) is None
        )

    def after_thing(self, match: Match) -> bool:
        """Whether the signal before it in its clause was aimed at a thing (or came after one
        that was), with no animal named between them: "raked the mesh with his claws", "swiped
        at the mesh and caught his claw in it"; or whether a thing is the object of the verb
        before it in its part of the clause: "gave the wire a raking". Remembered per phrase,
        so a long run-on clause is walked once."""
        if match.first not in self.thing_before:
            self.thing_before[match.first] = self._after_thing(match)
        return self.thing_before[match.first]

    def _after_thing(self, match: Match) -> bool:
        if any(not m.person for m in self.mentions.between(match.first, match.last)):
            return False  # "had Pip in her mouth": aimed at the animal inside it
        tokens = self.tokens
        clause = tokens.clauses[match.first]
        part = tokens.parts[match.first]
        position = match.first - 1
        while position >= 0 and tokens.clauses[position] == clause:
            holder = self.phrases.at[position]
            if holder >= 0:
                found = self.matches[holder]
                if (
                    holder in self.mentions.at
                    and tokens.words[position].norm not in self.lexicon.possessives
                ):
                    return False
                if found.kind == "signal":
                    return self.aimed_at_thing(found) or self.after_thing(found)
                if (
                    found.kind == OBJECT
                    and tokens.parts[found.first] == part
                    and (
                        self.object_of_verb_at(found.first)
                        # (a thing aimed at right before a harm is its target; before a meal
                        # it is where it was had: "up on the shelf eating a cracker")
                        or (
                            found.last == match.first - 1
                            and self.aimed_by_at(found.first)
                            and not self.lexicon.harm_signals.isdisjoint(match.senses.values())
                        )
                    )
                ):
                    return True
                position = found.first
            position -= 1
        return self._fragment_after_thing(match, position)

    def _fragment_after_thing(self, match: Match, mark: int) -> bool:
        """Whether a harm phrase that opens a fragment naming no animal ("claws out") comes
        right after a clause or sentence whose last signal was aimed at a thing ("swiped at the
        mesh. claws out."): it tells how that was done."""
        tokens = self.tokens
        words = tokens.words
        if mark < 1 or mark != match.first - 1 or not words[mark].mark:
            return False
        if self.lexicon.harm_signals.isdisjoint(match.senses.values()):
            return False  # "shredding. Eating normally.": no harm, nothing aimed
        clause = tokens.clauses[match.first]
        end = match.last + 1
        while end < len(words) and tokens.clauses[end] == clause:
            end += 1
        if self.mentions.between(mark, end):
            return False  # "claws out, got Pip": the fragment names its own target
        sentence = tokens.sentences[match.first]
        position = mark - 1
        while position >= 0 and tokens.sentences[position] >= sentence - 1:
            holder = self.phrases.at[position]
            if holder >= 0:
                found = self.matches[holder]
                if holder in self.mentions.at and not self.mentions.at[holder].person:
                    return False
                if found.kind == "signal":
                    return self.aimed_at_thing(found) or self.after_thing(found)
                position = found.first
            position -= 1
        return False

    def word_before_article(self, position: int) -> Word | None:
        """The word before `position`, past determiners and possessives ("the", "his"), when it
        is a plain word of no phrase: the preposition or verb a thing is governed by."""
        words = self.tokens.words
        lexicon = self.lexicon
        position -= 1
        while (
            position >= 0
            and words[position].kind == "w"
            and (
                words[position].lemma in lexicon.determiners
                or words[position].norm in lexicon.possessives
            )
        ):
            position -= 1
        if position < 0 or words[position].kind != "w" or self.phrases.at[position] >= 0:
            return None
        return words[position]

    def aimed_by_at(self, position: int) -> bool:
        """Whether the words before `position` (past determiners and possessives) end with a
        preposition that aims, not one of `path_words`: with the verb last, as Dutch and German
        word order puts it, "has with his nails at the cage door scratched" aims at the door
        ("through the mesh scratched" passes through it)."""
        word = self.word_before_article(position)
        lexicon = self.lexicon
        return (
            word is not None
            and word.lemma in lexicon.prepositions
            and word.norm not in lexicon.path_words
        )

    def object_of_verb_at(self, position: int) -> bool:
        """Whether the words before `position` (past determiners and possessives) end with a
        verb, not a preposition: "gave the wire", not "through the wire" or "by the gate"."""
        word = self.word_before_article(position)
        lexicon = self.lexicon
        return word is not None and not (
            word.lemma in lexicon.prepositions
            or word.norm in lexicon.path_words
            or word.lemma in lexicon.subject_openers
            or word.norm in lexicon.clause_joiners
        )

    def _find_target(self, match: Match) -> Target | None:
        if match.last > match.first and self.lexicon.victim_signals.isdisjoint(
            match.senses.values()
        ):
            # "had Pip in his mouth": the animal inside the phrase, whoever comes after it.
            inside = [
                m
                for m in self.mentions.between(match.first, match.last)
                if not m.subject and not m.person
            ]
            if inside:
                return Target(inside[0], 0)
        lexicon = self.lexicon
        words = self.tokens.words
        if words[match.last].norm in lexicon.way_words:
            return None  # "put the paw through the bars": the bars are the way, not the target
        if (
            words[match.last].norm in lexicon.reach_words
            or words[match.last].lemma in lexicon.reach_words
        ) and lexicon.bite_signals.isdisjoint(match.senses.values()):
            return None  # "putting paw in cage": where it reached, not what it was aimed at
        if self.shared_place(match):
            return None  # "fighting on the floor": where two animals fought, not a target
        phrases = self.phrases
        at = self.mentions.at
        position = match.last + 1
        steps = 0
        if (
            position + 1 < len(words)
            and words[position].norm in lexicon.form_labels
            and words[position + 1].lemma in lexicon.prepositions
        ):
            # a report's participle names no target: "Bite observed on Pip"
            position += 1
            steps += 1
        while position < len(words) and steps < 3:
            word = words[position]
            if word.kind != "w":
                return None
            if (
                word.lemma in lexicon.body_parts
                and position + 1 < len(words)
                and words[position + 1].norm in lexicon.part_owners
            ):
                position += 2  # "washed the back of Jonah's neck": the part's owner is aimed at
                continue
            holder = phrases.at[position]
            mention = at.get(holder) if holder >= 0 else None
            if mention is not None and self.possessive(position):
                mention = None  # "his claws": a determiner, not the target
            elif mention is not None and mention.subject and mention.subordinate:
                return None  # "a bloody ear after Tom went for him": Tom opens a clause
            elif mention is not None and word.norm in lexicon.subject_case:
                return None  # "wouldn't let go I had to": a subject pronoun opens a clause
            elif mention is not None and self.it_is_a_thing(mention):
                return Target(None, steps)  # "had his feather wand and bit it": the wand
            elif mention is not None:
                joined = mention.last + 2
                other_holder = phrases.at[joined] if joined < len(words) else -1
                if (
                    other_holder >= 0
                    and words[mention.last + 1].raw.strip().lower() in lexicon.pair_joiners
                    and (other := at.get(other_holder)) is not None
                    and not other.person
                    and not mention.person
                ):
                    both = Mention(
                        mention.match,
                        mention.first,
                        other.last,
                        mention.sentence,
                        mention.clause,
                        mention.part,
                        mention.animals | other.animals,
                        ambiguous=mention.ambiguous or other.ambiguous,
                        plural=True,
                    )
                    return Target(both, steps)
                return Target(mention, steps)
            if holder >= 0 and self.matches[holder].kind == OBJECT:
                return Target(None, steps)
            if word.norm in lexicon.path_words or (
                word.lemma not in lexicon.prepositions
                and word.lemma not in lexicon.determiners
                and not self.possessive(position)
            ):
                return None
            position += 1
            steps += 1
        return None

    def agent_after(self, match: Match) -> Mention | None:
        """The doer named after the phrase: "hissing from Tom", "a lunge by the cat", or in
        brackets right after it, as logs write it: "Tail lashing (Jet)"."""
        tokens = self.tokens
        words = tokens.words
        lexicon = self.lexicon
        position = match.last + 1
        if self.brackets:
            # a form's field answered yes, then who did it: "Bite: Y (Jasper -> Sage, brief)"
            answered = self.form_answer(position)
            if answered > position and answered + 1 < len(words) and words[answered].raw == "(":
                inside = self.mention_at(answered + 1)
                if (
                    inside is not None
                    and not inside.person
                    and not inside.outsider
                    and ARROW_RE.match(self.text, tokens.ends[inside.last])
                ):
                    return inside
        if self.brackets and position + 2 < len(words) and words[position].raw == "(":
            inside = self.mention_at(position + 1)
            if (
                inside is not None
                and inside.last + 1 < len(words)
                and words[inside.last + 1].raw == ")"
                and not inside.person
                and not inside.outsider
            ):
                return inside
        limit = position + 3
        # The doer stays in the phrase's clause: most clauses have no "from" or "by".
        segment = tokens.segments[tokens.clauses[match.last]]
        if segment.isdisjoint(lexicon.agent_exact) and segment.isdisjoint(lexicon.weapons):
            return None
        if (
            match.kind == "signal"
            and position + 1 < len(words)
            and words[position].norm in lexicon.perfect_passive
            and words[position + 1].norm.endswith(lexicon.participle_endings)
        ):
            # a report's passive, the one hurt between: "a bite was delivered to Pip by Tom"
            limit += 4
        owned = False
        while position < len(words) and position < limit:
            word = words[position]
            if word.kind != "w":
                return None
            if word.lemma in lexicon.body_parts and limit == match.last + 4:
                # where it landed comes between: "got bitten on the foot by Dusty"
                limit += 2
            if (
                word.lemma in lexicon.weapons
                and position + 1 < len(words)
                and words[position + 1].norm in lexicon.part_owners
            ):
                # the means named, then whose: "seized in the jaws of the feline"
                position += 1
                word = words[position]
                limit = position + 1
                owned = True
            if word.norm in lexicon.agent_words and (
                words[position - 1].norm in lexicon.away_words
                or words[position - 1].lemma in lexicon.away_words
            ):
                return None  # "backed away from Zuko": Zuko is what it moved from
            if word.norm in lexicon.agent_words or owned:
                following = position + 1
                while (
                    following < len(words)
                    and following < position + 4
                    and words[following].kind == "w"
                    and words[following].lemma in lexicon.determiners
                    and self.mention_at(following) is None
                ):
                    following += 1
                if (
                    following + 1 < len(words)
                    and words[following].lemma in lexicon.weapons
                    and words[following + 1].norm in lexicon.part_owners
                ):
                    # "scratched by the claws of the cat": the doer is whose they are
                    position = limit = following
                    limit += 2
                    continue
                if following < len(words):
                    mention = self.mention_at(following)
                    # One who cannot show it is no doer: "Pip hid from Tom" is Pip's hiding.
                    if (
                        mention is not None
                        and not mention.person
                        and (
                            match.kind != "signal"
                            or mention.outsider
                            or self.cast.able(mention.animals, match.senses)
                        )
                    ):
                        return mention
                return None
            position += 1
        return None

    def form_answer(self, position: int) -> int:
        """Past a form field's yes answer (`form_answers`) at `position` (": Y"), else
        `position`."""
        words = self.tokens.words
        if (
            position + 1 < len(words)
            and words[position].raw == ":"
            and words[position + 1].norm in self.lexicon.form_answers
        ):
            return position + 2
        return position

    def agent_not_an_animal(self, match: Match) -> bool:
        """Whether a passive phrase names its doer ("by", in `agent_words`, in the phrase or
        right after it) and the doer is no animal: "scratched by the rose bush" (a claw, a paw
        or teeth, `weapons`, are an animal's)."""
        words = self.tokens.words
        lexicon = self.lexicon
        position = match.last if words[match.last].norm in lexicon.agent_words else match.last + 1
        if position >= len(words) or words[position].norm not in lexicon.agent_words:
            return False
        following = position + 1
        while following < len(words) and words[following].kind == "w":
            if (
                words[following].lemma in lexicon.weapons
                and following + 1 < len(words)
                and words[following + 1].norm in lexicon.part_owners
            ):
                following += 2  # "by the claws of the cat": whose they are
            elif (
                words[following].lemma in lexicon.determiners
                or words[following].norm in lexicon.possessives
            ) and self.mention_at(following) is None:
                following += 1
            elif (
                (person := self.mention_at(following)) is not None
                and person.person
                and person.last + 1 < len(words)
                and words[person.last + 1].kind == "w"
                and self.owning(person.last + 1)
            ):
                # "by me sister's Jack Russell": whose it is; "by my own rat" names the rat
                clause = self.tokens.clauses[following]
                if any(
                    not (m.person or m.outsider)
                    for m in self.mentions.between(person.last, len(words))
                    if m.clause == clause and m.sentence == person.sentence
                ):
                    return False
                following = person.last + 1
            else:
                break
        # (an animal's claw or teeth are an animal's: "was caught by a claw through the mesh")
        return (
            following < len(words)
            and words[following].kind == "w"
            and self.mention_at(following) is None
            and words[following].lemma not in lexicon.weapons
        )

    def owning(self, position: int) -> bool:
        """Whether a possessive ("sister's") is the word before `position`, the word there or
        the one after: "my sister's dog", "me mate's Jack Russell" (not "my baby today")."""
        words = self.tokens.words
        return any(
            words[at].kind == "w" and possessive_form(words[at].raw)
            for at in range(max(position - 1, 0), min(position + 2, len(words)))
        )

    def soft_strike(self, match: Match) -> bool:
        """Whether a `strikes` verb strikes no blow (`soft_strikes`): a soft part heads it or
        follows "with" in its clause ("Milo's whiskers contacted Pip", "contacted Pip with his
        nose"), or its sentence softens it ("soft paw, no claws")."""
        tokens = self.tokens
        words = tokens.words
        lexicon = self.lexicon
        if match.first and words[match.first - 1].lemma in lexicon.soft_parts:
            return True
        clause = tokens.clauses[match.first]
        for position in range(match.last + 1, min(len(words), match.last + 8)):
            if tokens.clauses[position] != clause:
                break
            if words[position].norm == "with" and any(
                words[at].lemma in lexicon.soft_parts
                for at in range(position + 1, min(len(words), position + 4))
            ):
                return True
        sentence = tokens.sentences[match.first]
        first = match.first
        while first and tokens.sentences[first - 1] == sentence:
            first -= 1
        last = match.last
        while last + 1 < len(words) and tokens.sentences[last + 1] == sentence:
            last += 1
        end = tokens.starts[last] + len(words[last].raw)
        return bool(lexicon.soft_words.search(tokens.text[tokens.starts[first] : end].lower()))

    def done_by_animal(self, match: Match) -> bool:
        """Whether the doer named after "by" is an animal of the cast, or its weapon: "seized
        by the feline", "struck by Tom's paw", "struck by the claws of the cat" (not "by
        Milo's patience")."""
        words = self.tokens.words
        lexicon = self.lexicon
        position = (
            match.last + 1 if words[match.last].norm not in lexicon.agent_words else match.last
        )
        if position >= len(words) or words[position].norm not in lexicon.agent_words:
            return False
        position += 1
        while position < len(words) and words[position].lemma in lexicon.determiners:
            position += 1
        if position < len(words) and words[position].lemma in lexicon.weapons:
            return True  # "by the claws of the cat"
        mention = self.mention_at(position) if position < len(words) else None
        if mention is None or mention.person or mention.outsider:
            return False
        after = mention.last + 1
        owned = words[mention.last].raw.lower().replace("\u2019", "'").endswith("'s")
        return not owned or (after < len(words) and words[after].lemma in lexicon.weapons)

    @cached_property
    def norms(self) -> tuple[str, ...]:
        """Each token's normal form, for the steps that look for word sequences in the note."""
        return tuple(map(NORM, self.tokens.words))

    def mention_at(self, position: int) -> Mention | None:
        holder = self.phrases.at[position]
        return self.mentions.at.get(holder) if holder >= 0 else None

    def before(self, match: Match) -> tuple[Mention, ...]:
        return self.mentions.before(self.tokens.sentences[match.first], match.first)

    def carried_into(self, match: Match) -> Mention | None:
        """The subject of the previous sentence, for a verb with its subject left out."""
        sentence = self.tokens.sentences[match.first]
        if sentence == 0 or self.before(match):
            return None
        return self.previous_subject(sentence)

    def previous_subject(self, sentence: int) -> Mention | None:
        """The subject of the sentence before (else its latest animal)."""
        if sentence == 0:
            return None
        if sentence not in self.carried:
            # A fragment with no animal in it ("Clean through the gap.") carries the subject of
            # the sentence before it on, one sentence at most.
            earlier = sentence - 1
            if earlier > 0 and earlier not in self.mentions.by_sentence:
                earlier -= 1
            previous = [m for m in self.mentions.by_sentence.get(earlier, ()) if not m.person]
            subjects = [m for m in previous if m.subject]
            # A main clause's subject outranks one in a subordinate clause: "Tom leapt on Pip
            # when she got out. Bit her leg." (Tom bit).
            main = [m for m in subjects if not m.subordinate]
            subjects = main or subjects
            self.carried[sentence] = (
                subjects[-1] if subjects else (previous[-1] if previous else None)
            )
        return self.carried[sentence]

    def from_mention(self, mention: Mention, senses: Mapping[str, str], match: Match) -> Who:
        if mention.person:
            return Who(person=True, dropped=True, explicit=True)
        if mention.outsider:
            return Who(dropped=True, explicit=True)
        able = self.cast.able(mention.animals, senses)
        if able:
            # A group left unnamed ("they" in a group of three) all did it, unless it is a
            # quarrel shared by some of them ("they had a fight"; play is everyone's).
            some = mention.ambiguous and (
                not mention.plural
                or any(
                    signal in self.lexicon.reciprocal
                    and self.lexicon.classes[species][signal] != "calm"
                    for species, signal in senses.items()
                )
            )
            return Who(able, ambiguous=some and len(able) > 1, explicit=True)
        fitting = self.pronoun_fits(mention, senses)
        if fitting is not None:
            return fitting
        # The named animal cannot show this; one named inside the phrase may: "Pip was in
        # Tom's mouth" is Tom's bite.
        inside = {
            animal
            for m in self.mentions.between(match.first, match.last)
            if not (m.person or m.outsider or m.ambiguous)
            for animal in self.cast.able(m.animals, senses)
        }
        if len(inside) == 1:
            return Who(frozenset(inside), explicit=True)
        # The named animal cannot show this; one named between it and the phrase may ("Pip
        # watched Tom lunge"), never one named after the phrase.
        low, high = sorted((mention.last, match.first))
        others = sorted(
            (
                m
                for m in self.mentions.between(low, high)
                if m is not mention and not m.person and not m.outsider
            ),
            key=lambda m: abs(m.first - match.first),
        )
        for other in others:
            able = self.cast.able(other.animals, senses)
            if able:
                return Who(able, ambiguous=other.ambiguous and len(able) > 1, explicit=True)
        if not mention.subject and mention.last < match.first:
            # "had her in his mouth": an object that cannot show it is not its doer.
            return self.implicit(match, senses)
        return Who(dropped=True, explicit=True)

    def harming_in_sentence(
        self, match: Match, victims: frozenset[str], senses: Mapping[str, str]
    ) -> frozenset[str]:
        """The one animal (not a victim) named in the sentence right before a harm signal, that
        can show `senses`; empty if none or several."""
        found: frozenset[str] = frozenset()
        words = self.tokens.words
        harm = self.lexicon.harm_signals
        for mention in self.mentions.by_sentence.get(self.tokens.sentences[match.first], ()):
            if mention.person or mention.outsider or mention.ambiguous:
                continue
            able = self.cast.able(mention.animals - victims, senses)
            if not able:
                continue
            following = mention.last + 1
            if following < len(words) and self.phrases.at[following] < 0:
                following += 1  # one adverb between: "Mochi suddenly swatted"
            nxt = self.phrases.of(following) if following < len(words) else None
            if (
                nxt is not None
                and nxt.kind == "signal"
                and not harm.isdisjoint(nxt.senses.values())
            ):
                if found and found != able:
                    return frozenset()
                found = able
        return found

    def pronoun_may_mean(self, mention: Mention, animals: frozenset[str]) -> bool:
        """Whether a singular pronoun could stand for one of `animals` by its sex: "bit Dot
        hard and she has a bloody spot" may mean Dot, the one hurt, as well as the biter."""
        match = self.matches[mention.match] if mention.match >= 0 else None
        if match is None or match.kind != "pronoun" or match.entry is None:
            return False
        key = match.entry.key
        if key not in self.cast.sex_keys:
            # "it" says no sex: "bit him and then its bleeding" may mean the one bitten.
            return key == NEUTER
        return any(self.cast.sex.get(animal) in {None, key} for animal in animals)

    def pronoun_fits(self, mention: Mention, senses: Mapping[str, str]) -> Who | None:
        """A singular pronoun whose antecedent cannot show the signal means the one other animal
        of its sex that can: in "Pudding got Maple she jumped on the lid", she is the cat."""
        match = self.matches[mention.match] if mention.match >= 0 else None
        if match is None or match.kind != "pronoun" or match.entry is None:
            return None
        key = match.entry.key
        if key not in self.cast.sex_keys:
            return None
        fitting = frozenset(a for a, sex in self.cast.sex.items() if sex in {None, key})
        able = self.cast.able(fitting - mention.animals, senses)
        return Who(able, explicit=True) if len(able) == 1 else None

    # --- who showed it ---------------------------------------------------------------------

    def actor(self, index: int, match: Match, senses: Mapping[str, str]) -> Who:
        # "Sidling, puffing, hissing from Max": the doer named after a list does all of it.
        agent = self.agent_after(self.matches[self.scope.bounds(index, joiner=False)[1]])
        if agent is not None:
            return self.from_mention(agent, senses, match)
        before = self.before(match)
        if before and self.owned_outsider_right_before(before[-1], match):
            return Who(dropped=True, explicit=True)  # "my boy Dwayne's staffy bit his cat"
        clause = self.tokens.clauses[match.first]
        part = self.tokens.parts[match.first]
        # A subject after "when" or "while" does things in its own clause only, up to "and".
        subjects = [
            m
            for m in before
            if m.subject and (not m.subordinate or (m.clause == clause and m.part == part))
        ]
        animals = [m for m in before if not m.person]
        if subjects:
            chosen = subjects[-1]
            later = [m for m in animals if m.first > chosen.first]
            if chosen.person and later:
                chosen = later[-1]
            elif chosen.person and self.perceived(chosen.last + 1, match.first):
                # "I heard screaming": what the owner heard or saw is no act of the owner's.
                able = self.cast.able(self.cast.all, senses)
                seen = self.named_right_after(match)
                if seen is not None and self.lexicon.reciprocal.isdisjoint(senses.values()):
                    return self.from_mention(seen, senses, match)
                if len(able) == 1:
                    return Who(able)
                if seen is None:
                    self.heard.add(index)
                # (else "I saw fighting between Rex and Max": the pair named shares it)
                return Who(able, ambiguous=True)
            return self.from_mention(chosen, senses, match)
        if animals and not animals[-1].subject:
            # "went for Pip and bit her": the one it is done to is not its doer.
            found = self.target(match)
            aimed = found.mention if found is not None else None
            if (
                aimed is not None
                and not aimed.person
                and not aimed.ambiguous
                and animals[-1].animals <= aimed.animals
            ):
                others = self.cast.able(self.cast.all - aimed.animals, senses)
                if len(others) == 1:
                    return Who(others)
                return Who(others, ambiguous=True)
        if animals:
            last = animals[-1]
            if not last.subject and self.object_of_verb(last):
                # "caught Byte with his teeth": the one caught is not the doer; the one animal
                # that can show it is, or the subject of the sentence before.
                candidates = self.cast.able(self.cast.all, senses)
                if len(candidates) == 1:
                    return Who(candidates)
                carried = self.previous_subject(self.tokens.sentences[match.first])
                if carried is not None and not carried.outsider and not carried.ambiguous:
                    able = self.cast.able(carried.animals - last.animals, senses)
                    if able:
                        return Who(able)
            return self.from_mention(last, senses, match)
        return self.implicit(match, senses)

    def owned_outsider_right_before(self, mention: Mention, match: Match) -> bool:
        """Whether `mention` is an outsider written after a possessive ("Dwayne's staffy",
        "my mate's ferret") right before the phrase, or with only auxiliaries between: it did
        it, whatever animal of the cast is named before it. An apposition or a comparison
        ("Tom the guard dog lunged", "like a fox pounced") is no such doer. So is one after a
        possessive pronoun that names someone else ("told me his rat bit him")."""
        words = self.tokens.words
        if not mention.outsider or not mention.first:
            return False
        before = words[mention.first - 1]
        owner = self.mention_at(mention.first - 1)
        owned = possessive_form(before.raw.lower()) or (
            owner is not None and owner.outsider and before.norm in self.lexicon.possessives
        )
        return owned and all(
            words[position].norm in self.lexicon.auxiliaries
            for position in range(mention.last + 1, match.first)
        )

    def perceived(self, low: int, high: int) -> bool:
        """Whether a verb of hearing or seeing (`perception`) stands between `low` and `high`
        in one sentence: "I heard [screaming]"."""
        words = self.tokens.words
        sentences = self.tokens.sentences
        perception = self.lexicon.perception
        return any(
            sentences[position] == sentences[low]
            and words[position].kind == "w"
            and (words[position].norm in perception or words[position].lemma in perception)
            for position in range(low, high)
        )

    def unseen(self) -> bool:
        """Whether the note says something was not seen: a denial right before a verb of
        seeing or hearing ("nil witnessed", "I didn't see who", "not seen")."""
        if self.not_seen is None:
            words = self.tokens.words
            self.not_seen = any(
                word.kind == "w"
                and (word.norm in self.lexicon.perception or word.lemma in self.lexicon.perception)
                and any(
                    (holder := self.phrases.of(before)) is not None and holder.kind == "cue"
                    for before in range(max(0, position - 2), position)
                )
                for position, word in enumerate(words)
            )
        return self.not_seen

    def heard_unnamed(self, match: Match) -> bool:
        """Whether a verb of hearing or seeing comes right after a phrase ("screaming heard")
        or earlier in its sentence ("heard screaming at 3am")."""
        position = match.last + 1
        words = self.tokens.words
        sentences = self.tokens.sentences
        start = match.first
        while start > 0 and sentences[start - 1] == sentences[match.first]:
            start -= 1
        # "screaming was heard": an auxiliary may come between
        if (
            position + 1 < len(words)
            and words[position].kind == "w"
            and words[position].lemma in self.lexicon.auxiliaries
        ):
            position += 1
        return self.perceived(start, match.first) or (
            position < len(words)
            and sentences[position] == sentences[match.first]
            and self.perceived(position, position + 1)
        )

    def part_of_another(self, match: Match, senses: Mapping[str, str]) -> bool:
        """Whether a phrase that ends with a possessive's body part ("it was her paw") belongs
        to the animal named next in its sentence, one that cannot show the signal: "it was her
        paw that got scratched, Sage's I mean" is the rat's paw, no cat's scratch."""
        words = self.tokens.words
        if words[match.last].lemma not in self.lexicon.body_parts or not any(
            words[position].norm in self.lexicon.possessives
            for position in range(match.first, match.last)
        ):
            return False
        later = self.owner_named_after(match.last)
        return later is not None and not self.cast.able(later.animals, senses)

    def owner_named_after(self, position: int) -> Mention | None:
        """The animal named next after `position` in its sentence, after a comma and in the
        possessive ("her paw ..., Sage's I mean"): whose a possessive pronoun before was."""
        words = self.tokens.words
        sentence = self.tokens.sentences[position]
        for mention in self.mentions.by_sentence.get(sentence, ()):
            if mention.first <= position:
                continue
            if (
                mention.person
                or mention.outsider
                or not mention.animals
                or mention.first == 0
                or words[mention.first - 1].kind == "w"
                or not words[mention.last].raw.lower().replace("\u2019", "'").endswith("'s")
            ):
                return None
            return mention
        return None

    def named_right_after(self, match: Match) -> Mention | None:
        """The animals named right after a phrase, past a comma or a word ("saw a fight, Rex
        and Max", "saw fighting between Rex and Max"): what was seen is theirs."""
        sentence = self.tokens.sentences[match.first]
        following = [
            mention
            for mention in self.mentions.by_sentence.get(sentence, ())
            if mention.first > match.last
        ]
        if (
            following
            and following[0].first <= match.last + NAMED_AFTER
            and not (following[0].person or following[0].outsider)
        ):
            return following[0]
        return None

    def persistent(self) -> None:
        """A chase that would not stop is an aggressive one (`persistent`) for its doer, and no
        signal of the one chased: `persistence` right before the chase ("wouldn't stop chasing
        her") or after it in its sentence with no signal between but the other's alarm ("chase
        Bolek all around and not stop") and no verb right after it ("wouldn't stop grooming
        him, then chased her" is no such chase). A chase of each other (`together`) with a calm
        signal in its sentence is play ("chasing each other non stop, popcorning")."""
        words = self.tokens.words
        sentences = self.tokens.sentences
        norms = [word.norm if word.kind == "w" else "" for word in words]
        persistent = self.lexicon.persistent
        signals = sorted(
            (
                match.first,
                match.last,
                self.bounds(match),
                not persistent.keys().isdisjoint(match.senses.values()),
                # the one chased screaming between: "chased her and she screamed and he
                # wouldn't stop"
                all(
                    self.lexicon.classes.get(species, {}).get(signal) == "stress"
                    for species, signal in match.senses.items()
                ),
            )
            for match in self.matches
            if match.kind == "signal"
        )
        governed: set[tuple[int, int]] = set()
        for phrase, start in occurrences(norms, self.lexicon.persistence):
            end = start + len(phrase) - 1
            after = [item for item in signals if item[0] == end + 1]
            if after:
                # "wouldn't stop chasing her", "wouldn't stop bruxing": that verb's
                governed.update(bounds for _, _, bounds, chase, _ in after if chase)
                continue
            # "chased her round and round, wouldn't quit": the chases just before it
            for _, last, bounds, chase, stress in reversed(signals):
                if last >= start or (stress and not chase):
                    continue
                if sentences[last] != sentences[start] or not chase:
                    break
                governed.add(bounds)
        if not governed:
            return
        mutual = {sentences[start] for _, start in occurrences(norms, self.lexicon.together)}
        calm = {
            facts.sentence
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.animal is not None
            and not span.negated
            and self.lexicon.classes[self.cast.species[span.animal]].get(span.signal) == "calm"
            and span.signal not in self.lexicon.persistent
        }
        # "chasing each other non stop, popcorning": play
        governed -= {
            (span.start, span.end)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if facts.sentence in mutual and facts.sentence in calm
        }
        kept: list[tuple[Span, SpanFacts]] = []
        for span, facts in zip(self.spans, self.facts, strict=True):
            worse = self.lexicon.persistent.get(span.signal)
            if worse is not None and (span.start, span.end) in governed and span.animal is not None:
                if facts.shared:
                    continue  # the one chased
                species = self.cast.species[span.animal]
                if worse in self.lexicon.species_signals[species]:
                    span = replace(span, signal=worse)
            kept.append((span, facts))
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def excepted(self) -> None:
        """An animal named right after an exception word at its clause's end (`exceptions`)
        does not show what its group was read to show before it: "Lahat sila tulog, except
        Jasper", "they all slept but Jasper"."""
        words = self.tokens.words
        out: list[tuple[int, frozenset[str]]] = []
        for mention in self.mentions.all:
            if mention.person or mention.outsider or not mention.animals:
                continue
            after = mention.last + 1
            if after < len(words) and words[after].kind == "w":
                continue  # "but Jasper bit Pip": a new clause, no exception
            for position in range(max(0, mention.first - 2), mention.first):
                if words[position].kind == "w" and words[position].norm in self.lexicon.exceptions:
                    out.append((position, mention.animals))
        if not out:
            return
        shared: Counter[tuple[int, int]] = Counter(
            (span.start, span.end) for span in self.spans if span.animal is not None
        )
        kept = [
            (span, facts)
            for span, facts in zip(self.spans, self.facts, strict=True)
            if not any(
                span.animal in animals
                and shared[span.start, span.end] > 1
                and facts.sentence == self.tokens.sentences[position]
                and span.end <= self.tokens.starts[position]
                for position, animals in out
            )
        ]
        self.spans = [span for span, _ in kept]
        self.facts = [facts for _, facts in kept]

    def fight_heard(self) -> None:
        """A fight only heard (`fight_heard`): a sentence where the owner hears or wakes to a
        noise from the rats (one of its `noises` where they live, or from a rat of the cast:
        "woke up to a racket in the rat pen") or one of its `fights` ("heard a right ruck"),
        before the note tells of a wound, in a note that reads no harm of an animal named and
        no fight, is a fight of no animal in particular, among the animals who can fight. Not
        where the hearing is denied or supposed ("didn't hear any noise"), where the sentence
        reads another signal (the noise is that: "heard them bruxing, lovely noise"), nor where
        a wound's sentence explains it otherwise ("a cut from the wheel")."""
        heard = self.lexicon.fight_heard
        assert heard is not None
        fight, noises, fights, places, sources, explained, woken = heard
        read = [span for span in self.spans if not span.negated]
        signals = {span.signal for span in read} | {item.signal for item in self.unattributed}
        # (a harm of no animal in particular is no harm read: "a bite on his tail" may be the
        # fight's)
        harms = {span.signal for span in read if span.animal is not None}
        if self.lexicon.victim_signals.isdisjoint(signals) or not (
            self.lexicon.harm_signals.isdisjoint(harms)
        ):
            return
        fighters = tuple(
            (animal, fight) for animal in sorted(self.cast.all) if self.can_show(animal, fight)
        )
        if len(fighters) < 2:
            return  # a fight needs two
        tokens = self.tokens
        wounds = {
            facts.sentence
            for span, facts in zip(self.spans, self.facts, strict=True)
            if span.signal in self.lexicon.victim_signals and not span.negated
        }
        explaining = {
            tokens.sentences[at] for at, word in enumerate(tokens.words) if word.norm in explained
        }
        if explaining & wounds:
            return
        wounded_sentence = min(wounds, default=0)
        # (where the first wound is told: the noise is heard before it)
        wounded = min(
            (
                span.start
                for span in read
                if span.signal in self.lexicon.victim_signals and span.animal is not None
            ),
            default=len(self.text),
        )
        parts = {part for part, wholes in self.lexicon.part_of.items() if fight in wholes}
        told = {
            facts.sentence
            for span, facts in zip(self.spans, self.facts, strict=True)
            if not span.negated
            and span.signal not in parts
            and span.signal not in self.lexicon.victim_signals
        }
        rats = self.cast.by_species.get("rat", frozenset())
        for at, word in enumerate(tokens.words):
            sentence = tokens.sentences[at]
            if (
                (word.norm not in noises and word.norm not in fights)
                or tokens.starts[at] >= wounded
                or sentence in told
            ):
                continue
            within = [p for p, s in enumerate(tokens.sentences) if s == sentence]
            if not any(
                tokens.words[p].norm in self.lexicon.perception or tokens.words[p].norm in woken
                for p in within
            ) and not (
                self.from_home(at, heard)
                and not any(
                    m.animals and not m.person and m.first < at
                    for m in self.mentions.by_sentence.get(sentence, ())
                )
                and not any(sentence <= told <= wounded_sentence for told in explaining)
            ):
                continue
            if any(
                match.kind in {"cue", "hypo"}
                and tokens.sentences[match.first] == sentence
                and match.first < at
                for match in self.matches
            ):
                continue  # "didn't hear any noise", "if I'd heard a racket"
            if word.norm not in fights and not (
                any(occurrences([tokens.words[p].norm for p in within], places))
                or self.heard_from_nowhere(within, heard)
                or any(
                    m.animals & rats
                    and not m.person
                    and m.first > 0
                    and tokens.words[m.first - 1].norm in sources
                    for m in self.mentions.by_sentence.get(sentence, ())
                )
            ):
                continue  # a noise from no rat: "a racket from next door", "a battle of wills"
            # the screams and the rolling heard in its sentence, of no one, are the fight's
            self.drop_unnamed(
                {
                    (span.start, span.end)
                    for span, facts in zip(self.spans, self.facts, strict=True)
                    if span.animal is None and span.signal in parts and facts.sentence == sentence
                }
            )
            start, end = tokens.starts[at], tokens.ends[at]
            self.unattributed.append(
                Unattributed(start, end, self.text[start:end], fight, fighters)
            )
            self.spans.append(Span(start, end, self.text[start:end], fight, None, False))
            self.facts.append(SpanFacts(sentence, False, False))
            return

    def heard_from_nowhere(self, within: list[int], heard: FightHeardWords) -> bool:
        """Whether a sentence the owner hears a noise in says nothing of where it came from (no
        word of `fight_heard.sources`) nor of anyone outside the household: "heard it kick off
        about 3am, right racket" is the rats' own."""
        words = self.tokens.words
        sentence = self.tokens.sentences[within[0]]
        return not any(
            words[p].norm in heard.sources or owner_at(self.tokens, p, self.lexicon) for p in within
        ) and not any(m.outsider for m in self.mentions.by_sentence.get(sentence, ()))

    def from_home(self, at: int, heard: FightHeardWords) -> bool:
        """Whether the noise at `at` is told as coming from where the rats live, one of its
        `sources` and then one of its `places` after it, past other noises, joiners and
        articles only: "screaming and thumping from the cage" is heard, not seen."""
        words = self.tokens.words
        sentence = self.tokens.sentences[at]
        passable = heard.noises | self.lexicon.list_words | self.lexicon.articles
        position = at + 1
        while position < len(words) and self.tokens.sentences[position] == sentence:
            norm = words[position].norm
            if norm in heard.sources:
                following = position + 1
                while following < len(words) and words[following].norm in self.lexicon.articles:
                    following += 1
                return any(
                    tuple(w.norm for w in words[following : following + len(place)]) == place
                    for place in heard.places
                )
            if norm not in passable:
                return False
            position += 1
        return False

    def heard_fights(self) -> None:
        """A part of a harm (`part_of`: a scream in a fight) that the owner only heard, of no
        one named, is part of that harm when the note reads it ("Big fight. I heard screaming"),
        and, in a note that reports a wound and no other harm, that harm heard, left to no
        animal: "heard screaming at 3am, this morning Cheeto has a scab" is a fight no one saw."""
        read = [span for span in self.spans if not span.negated]
        signals = {span.signal for span in read}
        # A wound, and no other harm that explains it ("kaat liya ... I heard squeak").
        wounded = not self.lexicon.victim_signals.isdisjoint(signals) and (
            self.lexicon.harm_signals.isdisjoint(signals)
        )
        heard = {self.bounds(self.matches[index]) for index in self.heard}
        dropped: set[tuple[int, int]] = set()
        for number, item in enumerate(self.unattributed):
            if (item.start, item.end) not in heard:
                continue
            wholes = sorted(
                whole
                for whole in self.lexicon.part_of.get(item.signal, ())
                if whole in self.lexicon.harm_signals
            )
            if not wholes:
                continue
            if wholes[0] in signals:
                dropped.add((item.start, item.end))
                continue
            if not wounded:
                continue
            candidates = tuple(
                (animal, wholes[0])
                for animal, _ in item.candidates
                if wholes[0] in self.lexicon.species_signals[self.cast.species[animal]]
            )
            if len(candidates) < 2:
                continue  # a fight needs two
            self.unattributed[number] = replace(item, signal=wholes[0], candidates=candidates)
            for at, span in enumerate(self.spans):
                if span.animal is None and (span.start, span.end) == (item.start, item.end):
                    self.spans[at] = replace(span, signal=wholes[0])
        self.drop_unnamed(dropped)

    def drop_unnamed(self, dropped: set[tuple[int, int]]) -> None:
        """Leave out the readings of no animal at these bounds."""
        if dropped:
            self.unattributed = [u for u in self.unattributed if (u.start, u.end) not in dropped]
            kept = [
                (span, facts)
                for span, facts in zip(self.spans, self.facts, strict=True)
                if not (span.animal is None and (span.start, span.end) in dropped)
            ]
            self.spans = [span for span, _ in kept]
            self.facts = [facts for _, facts in kept]

    def object_of_verb(self, mention: Mention) -> bool:
        """Whether a mention comes straight after a verb (a word that is no preposition,
        determiner, clause opener or joiner): "caught Byte", "had her"."""
        position = mention.first - 1
        if position < 0:
            return False
        word = self.tokens.words[position]
        lexicon = self.lexicon
        holder = self.phrases.of(position)
        return (
            word.kind == "w"
            and (holder is None or holder.kind not in OPENING_KINDS)
            and word.lemma not in lexicon.prepositions
            and word.lemma not in lexicon.determiners
            and word.lemma not in lexicon.subject_openers
            and word.norm not in lexicon.clause_joiners
        )

    def implicit(self, match: Match, senses: Mapping[str, str]) -> Who:
        candidates = self.cast.able(self.cast.all, senses)
        if len(candidates) == 1:
            return Who(candidates)
        # A verb with its subject left out is the previous subject's; so is a noun ("the
        # pounce") that more than one animal could show.
        carried = self.carried_into(match)
        if carried is not None and not carried.outsider:
            able = self.cast.able(carried.animals, senses)
            if able:
                return Who(able, ambiguous=carried.ambiguous and len(able) > 1)
        return Who(candidates, ambiguous=True)

    def victim(self, match: Match, senses: Mapping[str, str]) -> Who:
        if self.plural_mark(match):
            # "Max has scratches": an animal of the cast that has them is hurt; someone or
            # something else that has them is not ("my toddler has scratches", "had cuts of
            # banana"); with neither named ("Both have little cuts") the rules below decide
            decided, holder = self.plural_holder(match)
            if decided:
                return (
                    Who(dropped=True)
                    if holder is None
                    else self.from_mention(holder, senses, match)
                )
        bled = self.subject_bled(match)
        sentence = self.tokens.sentences[match.first]
        if (
            bled is not None
            and not bled.person
            and sentence not in self.owner_bitten
            and (self.harmed is None or self.harmed.sentence != sentence)
        ):
            # "she bled on my hand": the animal bled, the hand is where the blood went (after a
            # harm in its sentence, the rules of the one harmed decide)
            return self.from_mention(bled, senses, match)
        if (
            self.on_person_part(match)
            or self.done_to_owner(match)
            or self.persons_part_told(sentence)
        ):
            self.owner_hurt[sentence] = match.first
            return Who(person=True, dropped=True)  # "Grandpa cut his finger on the cage door"
        if sentence in self.owners_wounds and self.it_bled(match):
            return Who(person=True, dropped=True)  # "a cut on my hand, it bled a lot"
        adjacent = self.phrases.of(match.first - 1) if match.first else None
        if (adjacent is not None and adjacent.kind == "person") or self.owners_own(match):
            return Who(person=True, dropped=True)  # "my blood, not hers, marked the sleeve"
        if self.on_screen(match):
            return Who(dropped=True)  # "watched a horror film, all blood and teeth"
        found = self.target(match)
        if (found is None or found.mention is None) and (
            self.thing_damaged(match) or self.holds_mark(match)
        ):
            # "has the hammock attacked and torn", "the sofa has a scratch", "my arm has
            # scratches from her nails"
            return Who(dropped=True)
        if found is not None and found.mention is not None:
            return self.from_mention(self.appositive(found.mention, senses), senses, match)
        owner = self.part_owner(match, senses) or self.owner_within(match, senses)
        if owner is not None:
            return self.from_mention(owner, senses, match)
        if self.owner_bled(match, bled):
            return Who(person=True, dropped=True)  # "I broke a glass and bled into the sink"
        biter = self.biters_own(match, sentence)
        if biter:
            return Who(biter, explicit=True)  # "bit me and chipped his tooth on my ring"
        if (
            self.bitten_before(sentence)
            and not self.on_animal_part(match)
            and not self.near_part(match, self.lexicon.animal_parts)
        ):
            return Who(person=True, dropped=True)
        in_sentence = self.mentions.by_sentence.get(sentence, ())
        if not any(
            m.first < match.first
            and not (m.person and m.last < match.first - 1)
            and not self.neuter(m)
            for m in in_sentence
        ):
            # "A puncture wound, quite small, has appeared on Tansy's hind leg": a sentence that
            # opens with the wound names the one hurt after it; so does one where the owner
            # only found it ("I see small cut for Nkechi ear"; "I cut myself" is the owner's),
            # or a learner's empty "it" opens ("It came blood from Soley's ear").
            # (not the subject of a clause of time after it: "blood on the ear when he let go"
            # is the one he held)
            later = [
                m
                for m in in_sentence
                if not (m.person or m.outsider or m.ambiguous or (m.subject and m.subordinate))
            ]
            if later and self.cast.able(later[0].animals, senses):
                return self.from_mention(later[0], senses, match)
        # The owner who found the wound is not the one hurt ("I think there's a tiny scratch");
        # the owner bitten ("bit me, drew blood") is, and drops it.
        # nor is an animal of a species no program casts, which bears no wound in their place
        # ("the dog was sniffing at blood by the cage"), nor "it", a part or a thing ("got his
        # leg stuck in the wheel and tore it up, some blood")
        before = tuple(
            m
            for m in self.before(match)
            if not (m.person and m.subject) and not self.of_other_species(m) and not self.neuter(m)
        )
        # "Byte bit Dot's foot. Drew blood.": the animal hurt last is the one bleeding; so it is
        # when the latest subject cannot be hurt so ("bit Toffee, she's got two holes" of a cat).
        if self.harmed is not None and self.harmed.sentence >= sentence - HARMED_REACH:
            harmed = self.harmed.hurt
            if (
                not before
                or (before[-1].first < match.first and not before[-1].subject)
                or not self.cast.able(before[-1].animals, senses)
                or self.pronoun_may_mean(before[-1], harmed)
            ):
                able = self.cast.able(harmed, senses)
                if able:
                    return Who(able, ambiguous=len(able) > 1, explicit=True)
        if before:
            return self.from_mention(self.appositive(before[-1], senses), senses, match)
        return self.implicit(match, senses)

    def of_other_species(self, mention: Mention) -> bool:
        """Whether a mention is a word of `other_species` ("the dog")."""
        entry = self.matches[mention.match].entry if mention.match >= 0 else None
        return entry is not None and entry.key == OTHER_SPECIES

    def appositive(self, mention: Mention, senses: Mapping[str, str]) -> Mention:
        """An ambiguous possessive pronoun's owner named after it ("her paw ..., Sage's I
        mean"), else the mention itself."""
        if mention.ambiguous and words_possessive(self.tokens.words, mention, self.lexicon):
            owner = self.owner_named_after(mention.last)
            if owner is not None and self.cast.able(owner.animals, senses):
                return owner
        return mention

    def part_owner(self, match: Match, senses: Mapping[str, str]) -> Mention | None:
        """The animal named after a body part and a word of owning (`part_owners`) just after a
        wound phrase: it owns the part and bears the wound ("dugo sa tenga ni Lumpia": blood
        on Lumpia's ear; "a cut on the ear of Max")."""
        words = self.tokens.words
        sentences = self.tokens.sentences
        lexicon = self.lexicon
        for position in range(match.last + 1, min(match.last + 5, len(words) - 2)):
            if sentences[position] != sentences[match.first] or words[position].kind != "w":
                return None
            if (
                words[position].lemma in lexicon.body_parts
                and words[position + 1].norm in lexicon.part_owners
            ):
                return self.bearer(self.mention_at(position + 2), senses)
        return None

    def owner_within(self, match: Match, senses: Mapping[str, str]) -> Mention | None:
        """The animal whose possessive stands inside a wound phrase, between its words: it owns
        the part hurt ("chipped her tooth", "split his nail"), even where the owner was bitten
        ("bit me and broke her tooth on my ring")."""
        for position in range(match.first + 1, match.last):
            if self.tokens.words[position].norm in self.lexicon.possessives:
                mention = self.bearer(self.mention_at(position), senses)
                if mention is not None:
                    return mention
        return None

    def bearer(self, mention: Mention | None, senses: Mapping[str, str]) -> Mention | None:
        """`mention` when it names animals of the cast, none of them in doubt, who can bear
        `senses`; else None."""
        if (
            mention is not None
            and not (mention.person or mention.outsider or mention.ambiguous)
            and self.cast.able(mention.animals, senses)
        ):
            return mention
        return None

    # --- what it means ---------------------------------------------------------------------

    def signal(self, index: int, match: Match) -> None:
        senses = match.senses
        if not self.cast.able(self.cast.all, senses):
            self.held_by_kin(index, match)
            return
        if (
            self.at_prey(match)
            or self.part_of_another(match, senses)
            or self.holds_thing(match)
            or self.grooming_tool(match)
        ):
            return
        # "tried to get Pip" is a lunge; "got out", "get a treat", "get him checked" are not; a
        # catch ("Tom got Pip", `captures`) may have been a bite ("did get Pip in his mouth":
        # the bite says how).
        key = match.entry.key if match.entry is not None else None
        # A signal phrase that is also a catch with an animal as its object is the catch:
        # "Tom caught Pip and shook her" (the cat shook her, she did not tremble).
        taken = self.taken(index, match) if self.lexicon.captures else None
        if taken is not None:
            match = replace(match, senses=taken, seize=True)
            senses = taken
        elif (
            key in (AIMED, CAPTURED)
            and (
                key == CAPTURED
                or index not in self.scope.attempted
                or not self.aimed_at_animal(match)
            )
        ) or (key == STRUCK and (not self.aimed_at_animal(match) or self.soft_strike(match))):
            # a strike (`strikes`) is a blow only at an animal, and not a soft one: "struck
            # Dunlin", not "his nose contacted Pip's"
            return
        kinds = senses.values()
        if not self.lexicon.harm_signals.isdisjoint(kinds) and self.on_screen(match):
            return  # "a documentary, sewer rats fight and bite"
        if not self.lexicon.reciprocal.isdisjoint(kinds) and (
            self.owners_own(match, sides=True) or self.with_the_owner(match)
        ):
            return  # "the only real fight this week was me versus a solicitor"
        if not self.lexicon.victim_signals.isdisjoint(kinds):
            who = self.victim(match, senses)
            if who.person:
                self.owners_wounds.add(self.tokens.sentences[match.first])
            self.doer_of_wound(index, match, senses, who)
            if who.person:
                self.bit_the_owner(index, match)
        else:
            who = self.actor(index, match, senses)
            if taken is not None and not who.explicit:
                return  # a catch by no one named: "getting Gremlin sitting there"
            if (
                not who.explicit
                and len(who.animals) > 1
                and self.heard_unnamed(match)
                and self.named_right_after(match) is None
            ):
                self.heard.add(index)  # "Overnight: screaming heard, not seen"
        if who.dropped:
            if not who.person:
                self.outsiders_harm(index, match, senses)
            return
        if (
            not who.explicit
            and (
                (
                    who.animals
                    and not self.lexicon.reciprocal.isdisjoint(kinds)
                    and not self.lexicon.harm_signals.isdisjoint(kinds)
                )
                # or a part of a harm between animals, of no one named: a scream in "Woke up
                # to screaming. Didn't see who did what."
                or (
                    len(who.animals or self.cast.able(self.cast.all, senses)) > 1
                    and any(
                        not self.lexicon.harm_signals.isdisjoint(self.lexicon.part_of.get(kind, ()))
                        for kind in kinds
                    )
                )
            )
            and self.unseen()
        ):
            # "Overnight: nil witnessed. AM: Sage abr on nose. Probable scuffle.": a fight the
            # owner says no one saw names no animal of its own; it is not the last named's.
            self.heard.add(index)
        if index in self.heard:
            self.unsure(index, match, who.animals or self.cast.able(self.cast.all, senses), senses)
            return
        if (who.ambiguous or not who.explicit) and not self.lexicon.reciprocal.isdisjoint(kinds):
            # "A proper fight between Rex and Ziggy": the pair named after it shares it.
            found = self.target(match)
            obj = found.mention if found is not None else None
            # (not animals outside the cast: "slapping at each other like two colts")
            if obj is not None and not (obj.person or obj.ambiguous or obj.outsider):
                able = self.cast.able(obj.animals, senses)
                if able:
                    who = Who(able, explicit=True)
        if (who.ambiguous or not who.animals) and not self.lexicon.reciprocal.isdisjoint(kinds):
            # "Real fight, Pixel v Dot": two animals named in its sentence share it.
            sentence = self.tokens.sentences[match.first]
            named = [
                m
                for m in self.mentions.by_sentence.get(sentence, ())
                if not m.person and not m.outsider and not m.ambiguous
            ]
            pair = frozenset().union(*(m.animals for m in named)) if named else frozenset()
            able = self.cast.able(pair, senses)
            if len(able) >= 2:
                who = Who(able, explicit=True)
            else:
                # "A real fight, a rolling screaming ball": where only two animals of the cast
                # can share it, both did.
                able = self.cast.able(self.cast.all, senses)
                if len(able) == 2:
                    who = Who(able, explicit=True)
        if (
            who.animals
            and not who.explicit
            and not who.ambiguous
            and not self.lexicon.reciprocal.isdisjoint(kinds)
            and not any(
                not (m.person or m.outsider)
                for m in self.mentions.by_sentence.get(self.tokens.sentences[match.first], ())
            )
        ):
            # "Juniper has a cut ear. A: fight.": a shared act in a sentence naming no animal,
            # where only two animals of the cast can share it, is both's, not the last named's.
            able = self.cast.able(self.cast.all, senses)
            if len(able) == 2 and who.animals < able:
                who = Who(able, explicit=True)
        if (who.ambiguous or not who.animals) and self.together(match):
            # "Asleep together.": where only two animals can show it, both did.
            able = self.cast.able(self.cast.all, senses)
            if len(able) == 2:
                who = Who(able, explicit=True)
        if who.ambiguous or not who.animals:
            who = self.previous_doers(match, senses, who)
        if not who.animals and not who.ambiguous:
            who = self.same_doers(match, senses, who)
        if who.ambiguous or not who.animals:
            candidates = who.animals or self.cast.able(self.cast.all, senses)
            if not self.lexicon.harm_signals.isdisjoint(kinds):
                # "Bite on Pip": a harm aimed at an animal is none of its own
                found = self.target(match)
                obj = found.mention if found is not None else None
                if obj is not None and not (obj.person or obj.outsider or obj.ambiguous):
                    others = candidates - obj.animals
                    wound = self.lexicon.passive_victim
                    hurt = self.cast.able(obj.animals, wound)
                    shown = {senses.get(self.cast.species[a]) for a in others}
                    if (
                        hurt
                        and others
                        and shown <= self.lexicon.bite_signals & self.lexicon.passive_wounds
                    ):
                        # a bite told by no one on an animal is its wound too, as "a bite on
                        # Pip" is (a nip between rats breaks no skin)
                        self.emit(index, match, hurt, wound)
                    if len(others) == 1:
                        self.emit(index, match, others, senses)
                        return
                    candidates = others or candidates
            self.unsure(index, match, candidates, senses)
            return
        self.emit(index, match, who.animals, senses)

    def outsiders_harm(self, index: int, match: Match, senses: Mapping[str, str]) -> None:
        """A bite or a scratch by an animal outside the cast (`other_species`, someone else's
        pet) on an animal of the cast is that animal's wound: "the dog bit Gazebo's tail"."""
        if self.lexicon.passive_wounds.isdisjoint(senses.values()):
            return
        found = self.target(match)
        wound = self.lexicon.passive_victim
        hurt = self.bearer(found.mention if found is not None else None, wound)
        if hurt is not None:
            self.emit(index, match, self.cast.able(hurt.animals, wound), wound)

    def held_by_kin(self, index: int, match: Match) -> None:
        """A bite phrase of a species not in the cast whose words open with an animal of the
        cast, held by a body part or in the mouth ("Flint grabbed Ash by the scruff", "had Max
        in his mouth", between rats), is a bite by the cast's species that bites, done by its
        doer to the one held; not a place ("caught up with Max by the wheel") nor a thing held
        ("had the treat Gus dropped in his mouth")."""
        lexicon = self.lexicon
        words = self.tokens.words
        bites = lexicon.bite_signals.intersection(match.senses.values())
        inside = self.gap(match)
        if not bites or not inside:
            return
        after = max(inside) + 1
        linking = lexicon.articles | lexicon.agent_words | lexicon.path_words
        while after <= match.last and words[after].norm in linking:
            after += 1
        if after <= match.last and not (
            words[after].lemma in lexicon.weapons
            or words[after].lemma in lexicon.body_parts
            or words[after].norm in lexicon.possessives
        ):
            return  # "by the wheel": where, not by what
        if after > match.last and (
            match.last + 1 >= len(words) or words[match.last + 1].lemma not in lexicon.body_parts
        ):
            return  # "grabbed Max by the", then no part
        start = min(inside)
        while start in inside and words[start].norm in lexicon.determiners:
            start += 1
        held = self.mention_at(start) if start in inside else None
        if held is None or held.person or held.outsider or held.ambiguous or self.neuter(held):
            return
        sentence = self.tokens.sentences[match.first]
        if self.in_care_or_play(sentence) or self.scratched_in(sentence):
            return  # "grabbed Gus by the scruff like a mum and groomed him", "with his paw"
        if possessive_form(words[held.last].raw) and (
            held.last + 1 >= len(words) or words[held.last + 1].lemma not in lexicon.body_parts
        ):
            return  # "had Max's food in his mouth": his food, not Max
        senses = self.bites_shown(bites)
        if not senses:
            return
        who = self.actor(index, match, senses)
        doers = self.cast.able(who.animals - held.animals, senses)
        if doers and not who.ambiguous and not who.dropped:
            self.emit(index, match, doers, senses)

    def gap(self, match: Match) -> set[int]:
        """The positions a phrase's `...` reaches across ("had [Pip] in his mouth")."""
        return set(range(match.first + 1, match.last)) - set(match.positions)

    def scratched_in(self, sentence: int) -> bool:
        """Whether one of `scratchers` (claws, nails, a scratch) is named in the sentence: it
        says how blood was drawn or a hold was made."""
        words = self.tokens.words
        scratchers = self.lexicon.scratchers
        return any(words[at].lemma in scratchers for at in self.tokens.sentence_range(sentence))

    def bites_shown(self, bites: frozenset[str] | set[str]) -> dict[str, str]:
        """For each species of the cast that shows one of `bites`, the gravest it shows."""
        return {
            species: max(shown)
            for species in self.cast.by_species
            if (shown := bites & set(self.lexicon.classes[species]))
        }

    def in_care_or_play(self, sentence: int) -> bool:
        """Whether a sentence tells of grooming or play between animals (a calm shared signal,
        or grooming itself that aimed at another is grooming it)."""
        lexicon = self.lexicon
        return any(
            other.kind == "signal"
            and self.tokens.sentences[other.first] == sentence
            and any(
                lexicon.classes[species].get(signal) == "calm"
                and lexicon.object_senses.get(species, {}).get(species, {}).get(signal, signal)
                in lexicon.reciprocal
                for species, signal in other.senses.items()
                if species in lexicon.classes
            )
            for other in self.matches
        )

    def grooming_tool(self, match: Match) -> bool:
        """Whether a bite phrase is what a grooming told before it in its clause was done with
        (`grooming_tools`, `grooming_signals`): "combed Orrin's neck with his tiny teeth"."""
        lexicon = self.lexicon
        if lexicon.bite_signals.isdisjoint(match.senses.values()):
            return False
        words = self.tokens.words
        clause = self.tokens.clauses[match.first]
        # the tool word opens the phrase or stands at most three words before it: "with small
        # bites", "with his tiny teeth"
        if not any(
            words[at].norm in lexicon.grooming_tools and self.tokens.clauses[at] == clause
            for at in range(max(0, match.first - 3), match.first + 1)
        ):
            return False
        return any(
            other.kind == "signal"
            and other.last < match.first
            and self.tokens.clauses[other.first] == clause
            and not lexicon.grooming_signals.isdisjoint(other.senses.values())
            for other in self.matches
        )

    def holds_thing(self, match: Match) -> bool:
        """Whether the words a bite phrase reaches across ("had ... in his mouth") open with a
        thing (`things`, after a determiner at most) and name no animal, and no animal is named
        after it in its clause: "had his toy mouse in his mouth" holds no rat, "had the hammock
        in his mouth with Pip in it" does. Words that name neither ("had the little one in his
        mouth", "grabbed my baby off the table by the scruff") may be the rat: the bite stands
        (a blow at a thing, "hit ... with his paw", stays a blow: `object_senses`)."""
        lexicon = self.lexicon
        if lexicon.bite_signals.isdisjoint(match.senses.values()):
            return False
        inside = self.gap(match)
        if not inside:
            return False
        clause = self.tokens.clauses[match.first]
        words = self.tokens.words

        def owns_a_thing(m: Mention) -> bool:
            # "his toy mouse", not "had her in his mouth"
            after = m.last + 1
            return (
                m.first == m.last
                and after in inside
                and self.possessive(m.first)
                and words[after].norm not in lexicon.prepositions
            )

        if any(
            not (m.person or m.outsider or owns_a_thing(m))
            for m in self.mentions.between(match.first, len(words))
            if m.clause == clause and m.sentence == self.tokens.sentences[match.first]
        ):
            return False
        start = min(inside)
        while start in inside and (
            words[start].norm in lexicon.determiners or words[start].norm in lexicon.possessives
        ):
            start += 1
        if start not in inside:
            return False
        while start in inside:
            holder = self.phrases.at[start]
            if holder < 0 or not self.names_thing(self.matches[holder]):
                return False
            start = self.matches[holder].last + 1
            if start in inside and (
                words[start].norm in lexicon.prepositions
                or words[start].norm in lexicon.path_words
                or words[start].norm in lexicon.part_owners
            ):
                return True  # "a bag of treats", "the toy by the tail"
        # the thing, or things, fill the gap; "her cage mate" is no thing
        return start not in inside

    def same_doers(self, match: Match, senses: Mapping[str, str], who: Who) -> Who:
        """A harm signal in a sentence that names no animal, right after a harm done to an
        animal, was done by the same doers: a terse note leaves the subject out ("Slate had a
        go at Flint. Maybe a bite.")."""
        harmed = self.harmed
        sentence = self.tokens.sentences[match.first]
        if (
            harmed is None
            or not sentence - 1 <= harmed.sentence <= sentence
            or self.lexicon.harm_signals.isdisjoint(senses.values())
            or any(not m.person for m in self.mentions.by_sentence.get(sentence, ()))
        ):
            return who
        able = self.cast.able(harmed.doers, senses)
        return Who(able, explicit=True) if able else who

    def doer_of_wound(self, index: int, match: Match, senses: Mapping[str, str], hurt: Who) -> None:
        """A wound phrase that is also another species' harm ("drew blood": a rat's wound, a
        cat's bite) gives that harm to the subject named before it: "Tom drew blood on Pip's
        nose" is Tom's bite as well as Pip's wound."""
        victim_signals = self.lexicon.victim_signals
        harm = {
            species: signal for species, signal in senses.items() if signal not in victim_signals
        }
        if not harm:
            return
        subjects = [m for m in self.before(match) if m.subject and not m.person]
        sentence = self.tokens.sentences[match.first]
        if subjects:
            if subjects[-1].ambiguous or subjects[-1].outsider:
                return
            doers = self.cast.able(subjects[-1].animals - hurt.animals, harm)
        elif (
            self.harmed is not None
            and self.harmed.sentence >= sentence - HARMED_REACH
            and hurt.animals
            and hurt.animals <= self.harmed.hurt
        ):
            # "pounced on Willow, pinned her. Two scratches on the belly.": the one who harmed
            # her made them.
            doers = self.cast.able(self.harmed.doers - hurt.animals, harm)
        else:
            return
        # "swiped at Pip, drew blood": the blood says the swipe landed (`wounding`), not a bite.
        clawed = {
            span.animal
            for span, facts in zip(self.spans, self.facts, strict=True)
            if not span.negated
            and not facts.thing
            and facts.sentence >= sentence - 1
            and any(
                span.signal in senses or span.signal in senses.values()
                for senses in self.lexicon.wounding.values()
            )
        }
        doers = frozenset(doers - clawed)
        if doers:
            self.emit(index, match, doers, harm)

    def bit_the_owner(self, index: int, match: Match) -> None:
        """Where the owner is on the receiving end (rat-human), a wound the owner suffered
        right after an animal named by name as its subject is that animal's bite ("Pip drew
        blood", "Pip broke the skin on my thumb"), unless claws, nails or a scratch named in
        the sentence say how (`scratchers`)."""
        lexicon = self.lexicon
        if self.cast.program not in lexicon.owner_on_receiving_end or match.first == 0:
            return
        subject = self.mention_at(match.first - 1)
        if (
            subject is None
            or subject.person
            or subject.outsider
            or subject.ambiguous
            or not subject.subject
            or self.matches[subject.match].kind != "name"
        ):
            return  # by name only: "the nurse held Pip while she drew blood", "the other rat"
        if self.scratched_in(self.tokens.sentences[match.first]):
            return
        senses = self.bites_shown(lexicon.passive_wounds & lexicon.bite_signals)
        able = self.cast.able(subject.animals, senses)
        if able:
            self.emit(index, match, able, senses)

    def clawed_by_the_other_kind(
        self, index: int, match: Match, victims: frozenset[str], senses: Mapping[str, str]
    ) -> None:
        """A harm told in the passive by no one named ("Gazebo got clawed through the bars",
        "got swiped"), where one animal of the cast alone, of another species than the one
        hurt, can do it, is that animal's; not one a thing did ("got scratched on the shelf
        edge"), nor a fight, which takes two."""
        kinds = set(senses.values())
        if kinds.isdisjoint(self.lexicon.harm_signals) or not kinds.isdisjoint(
            self.lexicon.reciprocal
        ):
            return
        cast = self.cast
        doers = cast.able(cast.all - victims, senses)
        if len(doers) != 1 or {cast.species[a] for a in doers} & {cast.species[a] for a in victims}:
            return
        if not self.thing_met(match):
            self.emit(index, match, doers, senses)

    def thing_met(self, match: Match) -> bool:
        """Whether a thing is named in the phrase's clause within four words after it, other
        than one a paw came through (`way_words`): "got caught in the wheel", "scratched on
        the shelf edge"; not "clawed through the bars"."""
        tokens = self.tokens
        words = tokens.words
        lexicon = self.lexicon
        clause = tokens.clauses[match.last]
        way = False
        for position in range(match.last + 1, min(match.last + 5, len(words))):
            if tokens.clauses[position] != clause:
                return False
            word = words[position]
            if word.norm in lexicon.way_words:
                way = True
            elif word.norm in lexicon.thing_words or (
                (holder := self.phrases.at[position]) >= 0 and self.matches[holder].kind == OBJECT
            ):
                return not way
        return False

    def other_harm(self, index: int) -> bool:
        """Whether the note tells of a harm (`harm_signals`) in a phrase other than `index`'s:
        a fight, a bite by someone named; not the weapon that names the passive's doer ("was
        caught by a claw through the mesh": the claw is how it was done)."""
        harm = self.lexicon.harm_signals
        words = self.tokens.words
        after = self.matches[index].last + 1
        while after < len(words) and (
            words[after].norm in self.lexicon.agent_words
            or words[after].lemma in self.lexicon.determiners
        ):
            after += 1
        return any(
            other != index
            and not harm.isdisjoint(self.matches[other].senses.values())
            and not (
                self.matches[other].first == after
                and words[after].lemma in self.lexicon.weapons
                and after > self.matches[index].last + 1
            )
            for other in self.scope.events
        )

    def describes(self, match: Match) -> bool:
        """Whether a bare participle comes right after a determiner or possessive, describing
        a thing ("has a bitten tail")."""
        words = self.tokens.words
        position = match.first - 1
        return (
            match.first == match.last
            and position >= 0
            and (
                words[position].lemma in self.lexicon.determiners
                or words[position].norm in self.lexicon.possessives
            )
        )

    def done_to(self, senses: Mapping[str, str], kind: str) -> Mapping[str, str]:
        """The senses of an act done to a person or a thing (`object_senses`): a cat's scratch
        on the owner is no signal, a rat's bite is still its bite; a cat's scratch on the mesh
        is its swat."""
        mapped: dict[str, str] = {}
        for species, signal in senses.items():
            by_kind = self.lexicon.object_senses.get(species, {}).get(kind, {})
            sense = by_kind.get(signal, signal)
            if sense is not None:
                mapped[species] = sense
        return mapped

    def perfect(self, match: Match) -> bool:
        """Whether a bare passive participle is active: a form of "have" before it in its
        sentence, with no passive auxiliary between ("may have bitten", not "had been bitten").
        After a determiner or possessive it describes a thing and stays passive: "has a bitten
        tail" is a wound."""
        if match.first != match.last or self.describes(match):
            return False
        words = self.tokens.words
        sentences = self.tokens.sentences
        lexicon = self.lexicon
        position = match.first - 1
        while position >= 0 and sentences[position] == sentences[match.first]:
            norm = words[position].norm
            if norm in lexicon.perfect_passive:
                return False
            if norm in lexicon.perfect_have:
                return True
            position -= 1
        return False

    def passive(self, index: int, match: Match) -> None:
        assert match.entry is not None
        agent_signal = dict(match.entry.senses)[""]
        cast = self.cast
        lexicon = self.lexicon
        wound = lexicon.passive_victim
        if self.tokens.words[match.first].norm in lexicon.doer_passives and not self.done_by_animal(
            match
        ):
            return  # "seized by panic", "struck by Milo's patience": no attack
        before = self.before(match)
        victim = before[-1] if before else None
        if match.first == match.last:
            # A bare participle ("chased by Rufus and bitten", "Bitten twice.") was done to the
            # clause's subject, else to the subject carried over from the sentence before.
            subjects = [m for m in before if m.subject]
            victim = subjects[-1] if subjects else (victim or self.carried_into(match))
        if victim is not None:
            victim = self.appositive(victim, wound)  # "her paw got scratched, Sage's I mean"
        else:
            # "it was her paw that got scratched, Sage's I mean": the owner named after it
            owner = self.owner_named_after(match.last)
            if owner is not None and cast.able(owner.animals, wound):
                victim = owner
        if victim is None and cast.program in lexicon.owner_on_receiving_end:
            victim = Mention(-1, match.first, match.first, 0, 0, 0, person=True)
        victims: frozenset[str] = frozenset()
        if victim is not None and not victim.person and not victim.outsider:
            victims = victim.animals
            wounded = cast.able(victims, wound)
            if agent_signal in lexicon.passive_wounds and wounded:
                if victim.ambiguous and len(wounded) > 1:
                    self.unsure(index, match, wounded, wound)
                else:
                    self.emit(index, match, wounded, wound)
        senses = self.agent_senses[agent_signal]
        held = self.holder(match) if victim is None or victim.person else None
        if held is not None and self.named_later(match):
            held = None  # "my shoulder got clawed by Tom going for Pip": an act at Pip too
        if held is not None:
            # "my arm was scratched", "the mesh got clawed": done to the owner or a thing, as
            # the object of the act would be
            senses = self.done_to(senses, held)
            if not senses:
                return
        if self.agent_not_an_animal(match):
            return  # "got scratched by your rose bush": no animal did it
        found = self.target(match)
        agent = self.agent_after(match) or (found.mention if found is not None else None)
        if agent is not None and (agent.person or agent.outsider):
            return  # "was bitten by the dog": its doer is no animal of the cast
        if agent is not None:
            able = cast.able(agent.animals, senses)
            if able and victims - able and not agent.ambiguous:
                # "copped a bite on the nose from Dusty, bleeding": the bleeding one is bitten.
                self.harmed = Harm(self.tokens.sentences[match.first], victims - able, able)
            if able:
                if agent.ambiguous and len(able) > 1:
                    self.unsure(index, match, able, senses)
                else:
                    self.emit(index, match, able, senses)
            return
        if victim is not None and victims and victims <= cast.able(victims, wound):
            doer = self.harming_in_sentence(match, victims, senses)
            if doer:
                # "Sage got scratched when Mochi swatted the cage": the one doing harm there.
                self.emit(index, match, doer, senses)
            # else an animal was hurt by someone unnamed: the wound says enough, unless a later
            # line names who did it ("It was Rex."); a bite no other harm in the note explains
            # was still someone's, one of the others who can bite ("Vortex was bitten, aggressor
            # not seen")
            self.unnamed.append((index, match, victims, senses))
            if not doer and not self.describes(match) and not self.other_harm(index):
                if not lexicon.bite_signals.isdisjoint(senses.values()):
                    biters = cast.able(cast.all - victims, senses)
                    if len(biters) == 1:
                        self.emit(index, match, biters, senses)
                    elif biters:
                        self.unsure(index, match, biters, senses)
                else:
                    self.clawed_by_the_other_kind(index, match, victims, senses)
            return
        others = cast.able(cast.all - victims, senses)
        if len(others) == 1:
            self.emit(index, match, others, senses)
        elif others:
            self.unsure(index, match, others, senses)


def words_possessive(words: tuple[Word, ...], mention: Mention, lexicon: Lexicon) -> bool:
    """Whether a mention is one possessive pronoun ("her")."""
    return mention.first == mention.last and words[mention.first].norm in lexicon.possessives


def occurrences(
    norms: Sequence[str], phrases: Iterable[tuple[str, ...]]
) -> Iterator[tuple[tuple[str, ...], int]]:
    """Each of `phrases` (word sequences) where it stands in `norms`, with its first index."""
    present = set(norms)
    for phrase in phrases:
        if phrase[0] not in present:
            continue  # (most phrases are absent from a note: one look each)
        for start in range(len(norms) - len(phrase) + 1):
            if tuple(norms[start : start + len(phrase)]) == phrase:
                yield phrase, start
