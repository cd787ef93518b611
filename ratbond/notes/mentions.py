"""Stage 3 of reading a note: the mentions of animals (names, species, sex, role and group
words, pronouns) and of the owner, each with the animals it means and its place in the clause."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from ratbond.notes.cast import Cast
from ratbond.notes.lexicon import OTHER_SPECIES, OTHER_THAN, PAIR, RECAP, Entry, Lexicon
from ratbond.notes.phrases import Match, Phrases
from ratbond.notes.tokens import Tokens

MENTION_KINDS = frozenset({"name", "species", "sex", "group", "some", "role", "pronoun", "person"})
INTRODUCED = frozenset({"name", "species", "sex", "role", "some"})
OWNED_KINDS = frozenset({"species", "sex", "group"})
"""Words for animals that someone's possessive may make theirs ("my cousin's rats")."""
OPENING_KINDS = frozenset({"hedge", "attempt", "cue", "hypo"})
"""Phrases after which a mention opens its clause."""
"""What "my" or "both" may introduce ("my cat", "both rats")."""
LOOK_BACK = 12
"""How many mentions back a pronoun or a signal looks for its animal: the cost of reading a
note stays linear in its length, whatever its sentences."""


@dataclass(frozen=True, slots=True)
class Mention:
    """Words that name animals (or the owner), with what they mean."""

    match: int
    """The index of its match (-1 for an implied one)."""
    first: int
    last: int
    sentence: int
    clause: int
    part: int
    animals: frozenset[str] = frozenset()
    person: bool = False
    ambiguous: bool = False
    plural: bool = False
    subject: bool = False
    outsider: bool = False
    subordinate: bool = False


class Meaning(NamedTuple):
    """What mention words mean, before their place in the clause is known (a helper's answer,
    folded into the `Mention`)."""

    animals: frozenset[str] = frozenset()
    ambiguous: bool = False
    plural: bool = False
    outsider: bool = False


@dataclass(frozen=True, slots=True)
class Mentions:
    """Every mention of a note, in order, and indexes to find them."""

    all: tuple[Mention, ...]
    at: Mapping[int, Mention]
    """By match index."""
    by_sentence: Mapping[int, tuple[Mention, ...]]
    firsts: Mapping[int, tuple[int, ...]]
    """Per sentence, the first token of each of its mentions (for bisect)."""
    starts: tuple[int, ...]
    """The first token of each mention."""

    def before(self, sentence: int, position: int) -> tuple[Mention, ...]:
        """The last `LOOK_BACK` mentions of `sentence` that end before `position`."""
        found = self.by_sentence.get(sentence)
        if not found:
            return ()
        cut = bisect.bisect_left(self.firsts[sentence], position)
        while cut > 0 and found[cut - 1].last >= position:
            cut -= 1
        return found[max(0, cut - LOOK_BACK) : cut]

    def between(self, low: int, high: int) -> tuple[Mention, ...]:
        """The mentions that start strictly between two token positions."""
        starts = self.starts
        return self.all[bisect.bisect_right(starts, low) : bisect.bisect_left(starts, high)]


def find_mentions(tokens: Tokens, phrases: Phrases, cast: Cast, lexicon: Lexicon) -> Mentions:
    """The mentions among `phrases`."""
    mentions: list[Mention] = []
    words = tokens.words
    matches = phrases.matches
    at: dict[int, Mention] = {}
    key = _owner_key(tokens, phrases, cast, lexicon)
    for index, match in enumerate(matches):
        if match.kind not in MENTION_KINDS:
            continue
        entry = match.entry
        sentence = tokens.sentences[match.first]
        clause = tokens.clauses[match.first]
        following = phrases.of(match.last + 1) if match.last + 1 < len(words) else None
        # "my cat", "both rats": the word only introduces the animal named next.
        if (
            match.kind in {"person", "group"}
            and following is not None
            and following.first == match.last + 1
            and following.kind in INTRODUCED
        ):
            continue
        # "they were both out": a floating "both" repeats the mention before it.
        if (
            match.kind == "group"
            and words[match.first].norm in lexicon.floating_group
            and match.first == match.last
            and mentions
            and mentions[-1].clause == clause
            and mentions[-1].sentence == sentence
        ):
            continue
        if _compound_head(tokens, match, entry):
            continue
        person = match.kind == "person"
        meaning = Meaning()
        if match.kind == "name":
            assert match.animal is not None
            # "Subjects: 1 = Nibbles ... Subject 1": the owner's own key before the cast's order
            keyed = key.get(words[match.last].norm) if match.last > match.first else None
            meaning = Meaning(frozenset({keyed or match.animal}))
        elif entry is not None and match.kind == "pronoun":
            meaning = _pronoun(
                entry,
                sentence,
                mentions,
                cast,
                _after_verb(tokens, match, lexicon),
                words[match.first].norm in lexicon.subject_case,
            )
            if _outsiders_own(mentions, matches, sentence, entry.key) or (
                words[match.first].norm in lexicon.possessives
                and following is not None
                and following.first == match.last + 1
                and following.kind == "species"
                and following.entry is not None
                and following.entry.key == OTHER_SPECIES
            ):
                # "showed me where his rat bit him": him is the man whose rat it was; "said his
                # colt bit the lad": an animal of no cast's species is no animal's
                meaning = Meaning(outsider=True)
        elif (
            entry is not None
            and match.kind == "group"
            and (
                (words[match.first].norm in lexicon.floating_group and match.first == match.last)
                or entry.key == PAIR
            )
            and len(cast.all) > 2
        ):
            # "Rex and Max had a scrap, both screaming", "the pair of them rolling about": the
            # two named last.
            meaning = _both(mentions, sentence) or _word_meaning(match.kind, entry, cast)
        elif entry is not None and match.kind == "group" and entry.key == RECAP:
            # "Rex and Max fought. All were bleeding.": the animals just named.
            meaning = _recap(mentions, sentence) or _word_meaning(match.kind, entry, cast)
        elif entry is not None and not person:
            meaning = _word_meaning(match.kind, entry, cast)
            if meaning.ambiguous and (named := _bracketed(tokens, phrases, match, lexicon)):
                # "the rodent's neck (Nutmeg)", "subject (Plover)": the name in brackets says
                # which one.
                meaning = Meaning(frozenset({named}))
            elif (
                meaning.ambiguous
                and match.kind == "species"
                and not _set_apart(tokens, match, lexicon)
            ):
                # "... (Nutmeg). the rodent escaped the enclosure": the one of them just named
                meaning = _named_before(mentions, sentence, meaning.animals) or meaning
        if not person and (
            _others_pet(tokens, phrases, match, mentions, lexicon)
            or _outsiders_prey(match, mentions, sentence)
        ):
            meaning = Meaning(outsider=True)
        subject, subordinate = _role_in_clause(tokens, phrases, match, lexicon)
        norm = words[match.first].norm
        if norm in lexicon.subject_case:
            subject = True
        elif norm in lexicon.object_case and not _opens_sentence(tokens, match.first):
            subject = False
        animals, ambiguous, plural = meaning.animals, meaning.ambiguous, meaning.plural
        if len(animals) > 1 and not ambiguous:
            plural = True
        # "Rex and Max sniffed": two subjects joined by "and" act together.
        # "Rex and Max sniffed": two subjects joined by "and" act together; so do two names
        # written as a pair ("Gus/Bandit", "Kiwi + Olive").
        if mentions and not person:
            before = mentions[-1]
            joined = (
                before.last + 2 == match.first
                and words[before.last + 1].raw.strip().lower() in lexicon.pair_joiners
            )
            paired = match.kind == "name" and (
                joined
                or (
                    before.last + 1 == match.first
                    and tokens.starts[match.first] > tokens.ends[before.last] + 1
                )
            )
            # Two names set against each other ("Juniper vs Thyme", "Kiwi + Olive") are a pair
            # wherever they stand: "Aggressive episode Juniper vs Thyme, full fight".
            against = joined and words[before.last + 1].raw.strip().lower() not in (
                lexicon.list_words
            )
            if (
                (before.subject or against)
                and not before.person
                and before.sentence == sentence
                and ((subject and joined) or paired)
            ):
                animals = before.animals | animals | _listed_before(tokens, mentions, lexicon)
                plural = True
                subject = before.subject or subject or not against
                ambiguous = before.ambiguous or ambiguous
        mention = Mention(
            index,
            match.first,
            match.last,
            sentence,
            clause,
            tokens.parts[match.first],
            animals,
            person,
            ambiguous,
            plural,
            subject,
            meaning.outsider,
            subordinate,
        )
        mentions.append(mention)
        at[index] = mention
    if any(m.match >= 0 and _relative(matches[m.match]) for m in mentions):
        mentions = _answered(tokens, matches, mentions, lexicon)
        at = {m.match: m for m in mentions}
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    return Mentions(
        tuple(mentions),
        at,
        {sentence: tuple(found) for sentence, found in by_sentence.items()},
        {sentence: tuple(m.first for m in found) for sentence, found in by_sentence.items()},
        tuple(m.first for m in mentions),
    )


def _named_lately(
    earlier: Sequence[Mention], sentence: int, most: int | None = None
) -> frozenset[str]:
    """The animals named in the previous sentence and in this one so far, the latest first, up
    to `most` of them (more when the mention that reaches `most` names several)."""
    found: set[str] = set()
    for mention in reversed(earlier[-LOOK_BACK:]):
        if mention.sentence < sentence - 1:
            break
        if mention.person or mention.outsider or mention.ambiguous or not mention.animals:
            continue
        found |= mention.animals
        if most is not None and len(found) >= most:
            break
    return frozenset(found)


def _both(earlier: Sequence[Mention], sentence: int) -> Meaning | None:
    """The two animals named last in this or the previous sentence, if two are."""
    found = _named_lately(earlier, sentence, most=2)
    return Meaning(found, plural=True) if len(found) == 2 else None


def _recap(earlier: Sequence[Mention], sentence: int) -> Meaning | None:
    """The animals named in the sentence before this one and in this one so far, if any."""
    found = _named_lately(earlier, sentence)
    return Meaning(found, plural=True) if found else None


def _named_before(
    earlier: Sequence[Mention], sentence: int, animals: frozenset[str]
) -> Meaning | None:
    """The latest single animal among `animals` named in this or the two previous sentences,
    as a pronoun finds it."""
    for mention in reversed(earlier[-LOOK_BACK:]):
        if mention.sentence < sentence - 2:
            break
        if mention.person or mention.outsider or mention.ambiguous or len(mention.animals) != 1:
            continue
        if mention.animals <= animals:
            return Meaning(mention.animals)
    return None


def _owner_key(tokens: Tokens, phrases: Phrases, cast: Cast, lexicon: Lexicon) -> dict[str, str]:
    """A log's own key to its numbered subjects (`numbering`), each number or letter with the
    rat named after it in a sentence that holds a numbering word: "Subjects: 1 = Nibbles, 2 =
    Pip", "Subject 1 is Clover". A rat's name as the doer of an act or an owner ("Subject 2:
    Clover chased her", "Subject 2 is Pip's sister"), or the cat's, tells of the subject, not
    which it is."""
    rats = cast.by_species.get("rat", frozenset())
    words = tokens.words
    numbering = lexicon.numbering[1] if lexicon.numbering else ()
    if not numbering:
        return {}
    keyed: dict[str, str] = {}
    for position in range(len(words) - 1):
        number = words[position].norm
        if not (number.isdigit() or len(number) == 1):
            continue
        # the mark between may be dropped as a sign ("1 = Nibbles")
        joined = (
            position + 2 if words[position + 1].raw.lower() in lexicon.key_marks else position + 1
        )
        named = phrases.of(joined) if joined < len(words) else None
        if named is None or named.kind != "name" or named.animal not in rats:
            continue
        after = phrases.of(named.last + 1) if named.last + 1 < len(words) else None
        # a name written with more than its own letters is its possessive ("Pip's")
        possessive = words[named.last].raw.lower() != words[named.last].norm
        if named.first != joined or possessive or (after is not None and after.kind == "signal"):
            continue
        start = _sentence_start(tokens, position)
        if any(words[at].lemma in numbering for at in range(start, position)):
            keyed.setdefault(number, named.animal)
    return keyed


def _others_pet(
    tokens: Tokens, phrases: Phrases, match: Match, mentions: Sequence[Mention], lexicon: Lexicon
) -> bool:
    """Whether words for an animal name one of someone outside the household (`others_pets`):
    after one of `owners` written possessive ("my cousin's rats"), or after a possessive pronoun,
    or as a `standalone` one, after such an owner and a word of telling (`reports`: "my cousin
    calls, his rats had a fight", "someone at the club said hers drew blood"). Not an owner
    after a preposition (a place: "back from my mate's"), not with an animal of the cast named
    right after ("her cat Tom"), and not where the owner's animals are echoed by the cast's in
    its sentence or the next (`echoes`: "and so did ours")."""
    others = lexicon.others_pets
    if not others.owners:
        return False
    words = tokens.words
    following = phrases.of(match.last + 1) if match.last + 1 < len(words) else None
    if following is not None and following.first == match.last + 1 and following.kind == "name":
        return False
    norm = words[match.first].norm
    if match.kind == "pronoun":
        owned = norm in lexicon.possessives and (
            following is not None
            and following.first == match.last + 1
            and following.kind in OWNED_KINDS
        )
        found = (norm in others.standalone or owned) and _owner_told(
            tokens, match.first, mentions, lexicon
        )
    elif match.kind not in OWNED_KINDS or not match.first:
        return False
    else:
        before = words[match.first - 1]
        if match.kind == "species" and _claim_told(tokens, match.first, lexicon):
            # rats at large, in what someone outside the household claims of them: "my manager
            # reckons rats carry diseases and will bite you"
            return _owner_told(tokens, match.first, mentions, lexicon)
        if owner_at(tokens, match.first - 1, lexicon):
            found = _owners_word(
                tokens, match.first - 1, lexicon, bare=match.kind == "species"
            ) and not _a_place(tokens, match.first - 1, lexicon)
        else:
            found = before.norm in lexicon.possessives and _owner_told(
                tokens, match.first - 1, mentions, lexicon
            )
    return found and not _echoed(tokens, match.first, others.echoes)


def _owners_word(tokens: Tokens, position: int, lexicon: Lexicon, bare: bool) -> bool:
    """Whether one of `owners` at `position` owns what follows: written with more than its own
    letters, its possessive ("cousin's"), or (when `bare`, before a species word) with none, as
    a learner writes one of `bare_owners` ("Neighbour кіт")."""
    word = tokens.words[position]
    return owner_at(tokens, position, lexicon) and (
        word.raw.lower() != word.norm or (bare and word.norm in lexicon.others_pets.bare_owners)
    )


def owner_at(tokens: Tokens, position: int, lexicon: Lexicon) -> bool:
    """Whether one of `owners` ends at `position` ("cousin", "brother in law"), not after one of
    `households` ("flat mate")."""
    others = lexicon.others_pets
    words = tokens.words
    for owner in others.owners:
        first = position - len(owner) + 1
        if first >= 0 and tuple(w.norm for w in words[first : position + 1]) == owner:
            return not (first and words[first - 1].norm in others.households)
    return False


def _a_place(tokens: Tokens, position: int, lexicon: Lexicon) -> bool:
    """Whether the person at `position` is named after a preposition, past determiners and
    possessives: a place ("back from my mate's", "at his friend's")."""
    words = tokens.words
    before = position - 1
    while before >= 0 and (
        words[before].norm in lexicon.determiners or words[before].norm in lexicon.possessives
    ):
        before -= 1
    return before >= 0 and words[before].norm in lexicon.prepositions


def _claim_told(tokens: Tokens, position: int, lexicon: Lexicon) -> bool:
    """Whether the species word at `position` is bare (no determiner or possessive) right after
    a word of telling (`others_pets.reports`), or after one and "that" or an adjective: "said
    rats bite", "say male rat fight"."""
    words = tokens.words
    at = position - 1
    if at >= 0 and words[at].kind == "w" and words[at].norm in lexicon.relatives:
        at -= 1  # "said that rats ..."
    if at >= 1 and words[at].norm not in lexicon.others_pets.reports:
        at -= 1  # one word describing them: "male rat"
        if words[at + 1].norm in lexicon.determiners or words[at + 1].kind != "w":
            return False
    return at >= 0 and words[at].kind == "w" and words[at].norm in lexicon.others_pets.reports


def _sentence_start(tokens: Tokens, position: int) -> int:
    """The first word of the sentence holding word `position`."""
    return tokens.sentence_range(tokens.sentences[position]).start


def _owner_told(
    tokens: Tokens, position: int, mentions: Sequence[Mention], lexicon: Lexicon
) -> bool:
    """Whether one of `owners` comes before `position` in its sentence, not after a possessive
    pronoun ("his mate") nor a preposition, then one of `reports`, with no animal of the cast
    named between."""
    others = lexicon.others_pets
    words = tokens.words
    start = _sentence_start(tokens, position)
    told = [
        at
        for at in range(start, position)
        if owner_at(tokens, at, lexicon)
        and not (at and words[at - 1].norm in lexicon.possessives)
        and not _a_place(tokens, at, lexicon)
    ]
    if not told:
        return False
    # (the word of telling may close the sentence: "my cousin in Patra her rats they fight,
    # she tell me yesterday")
    told_end = tokens.sentence_range(tokens.sentences[position]).stop
    if not any(words[at].norm in others.reports for at in range(told[-1], told_end)):
        return False
    return not any(
        told[-1] < m.first < position and m.animals and not (m.person or m.outsider)
        for m in mentions
    )


def _echoed(tokens: Tokens, position: int, echoes: frozenset[tuple[str, ...]]) -> bool:
    """Whether one of `echoes` stands in the sentence at `position` or the next: "my cousin's
    rats had a fight, and so did ours"."""
    sentence = tokens.sentences[position]
    told = range(tokens.sentence_range(sentence).start, tokens.sentence_range(sentence + 1).stop)
    norms = [tokens.words[at].norm for at in told]
    return any(
        tuple(norms[at : at + len(echo)]) == echo for echo in echoes for at in range(len(norms))
    )


def _set_apart(tokens: Tokens, match: Match, lexicon: Lexicon) -> bool:
    """Whether a species word is set apart from the animal named last (`set_apart`): "the
    other rat", "the rat that was eating", "the rat with the cut"."""
    words = tokens.words
    before = words[match.first - 1].norm if match.first else ""
    after = words[match.last + 1].norm if match.last + 1 < len(words) else ""
    set_before, set_after = lexicon.set_apart
    return before in set_before or after in set_after


def _bracketed(tokens: Tokens, phrases: Phrases, match: Match, lexicon: Lexicon) -> str | None:
    """The animal named in brackets right after words for an animal, past a body part of its
    ("the rodent (Nutmeg)", "the rodent's neck (Nutmeg)")."""
    words = tokens.words
    position = match.last + 1
    if position < len(words) and words[position].lemma in lexicon.body_parts:
        position += 1
    if position + 2 >= len(words) or words[position].raw != "(":
        return None
    named = phrases.of(position + 1)
    if (
        named is None
        or named.kind != "name"
        or named.last + 1 >= len(words)
        or words[named.last + 1].raw != ")"
    ):
        return None
    return named.animal


def _word_meaning(kind: str, entry: Entry, cast: Cast) -> Meaning:
    chosen: frozenset[str]
    if kind == "species" and entry.key.startswith(OTHER_THAN):
        # "specimen": the animals of another species than the log's subjects, else theirs
        studied = cast.by_species.get(entry.key.removeprefix(OTHER_THAN), frozenset())
        chosen = (cast.all - studied) or studied
    elif kind == "species":
        chosen = cast.by_species.get(entry.key, frozenset())
    elif kind == "sex":
        known = [a for a, sex in cast.sex.items() if sex is not None]
        chosen = frozenset(a for a in known if cast.sex[a] == entry.key) if known else cast.all
        if entry.plural and len(cast.by_species) > 1:
            # "the boys" of a mixed cast are the pack, not the one other animal besides: the
            # species most of them are, when one is ("your boys snoozing" with a tomcat by)
            counts = sorted(
                (len(chosen & members), species) for species, members in cast.by_species.items()
            )
            if len(counts) > 1 and counts[-1][0] > max(1, counts[-2][0]):
                chosen = chosen & cast.by_species[counts[-1][1]]
    elif kind == "group":
        chosen = cast.all
    elif kind == "some":
        chosen = frozenset(
            a for a, animal in cast.animals.items() if entry.key in {"any", animal.species}
        )
        return Meaning(chosen, ambiguous=len(chosen) != 1, outsider=not chosen)
    else:
        program, _, role = entry.key.partition(":")
        if program != cast.program:
            return Meaning(outsider=True)
        chosen = cast.roles.get(role, frozenset())
    if not chosen:
        outsider = kind in {"species", "role"}
        return Meaning(cast.all, ambiguous=not outsider, plural=entry.plural, outsider=outsider)
    return Meaning(chosen, ambiguous=not entry.plural and len(chosen) > 1, plural=entry.plural)


def _listed_before(tokens: Tokens, mentions: Sequence[Mention], lexicon: Lexicon) -> frozenset[str]:
    """The animals named as subjects before the last mention in a list marked by commas
    (`list_marks`), in its sentence: "Rex, Max and Bo slept" joins Rex to "Max and Bo"; not an
    object before the comma ("Tom hissed at Pip, Rex and Max slept")."""
    words = tokens.words
    listed: set[str] = set()
    for later, earlier in zip(reversed(mentions), list(reversed(mentions))[1:], strict=False):
        if (
            not earlier.subject
            or earlier.person
            or earlier.outsider
            or earlier.sentence != later.sentence
            or earlier.last + 2 != later.first
            or words[earlier.last + 1].raw.strip() not in lexicon.list_marks
        ):
            break
        listed |= earlier.animals
    return frozenset(listed)


def _compound_head(tokens: Tokens, match: Match, entry: Entry | None) -> bool:
    """Whether a word of `other_species` opens a hyphened word ("dog-tired", "dog-eared"): a
    way of speaking, no animal."""
    if entry is None or entry.key != OTHER_SPECIES or match.last + 1 >= len(tokens.starts):
        return False
    end = tokens.starts[match.last] + len(tokens.words[match.last].raw)
    return tokens.text[end : end + 1] == "-"


def _relative(match: Match) -> bool:
    return match.kind == "pronoun" and match.entry is not None and match.entry.key == "relative"


def _answered(
    tokens: Tokens, matches: Sequence[Match], mentions: list[Mention], lexicon: Lexicon
) -> list[Mention]:
    """A "who" that opens a question (no animal named before it in its sentence) means the
    animal the answer names: after a form of "be" later in the sentence ("who jumped on the
    cage, it was Bagel") or first in the next one ("Who hissed? Hanni.")."""
    words = tokens.words
    result = list(mentions)
    for number, mention in enumerate(mentions):
        if mention.match < 0 or not _relative(matches[mention.match]):
            continue
        if any(
            m.sentence == mention.sentence and not m.person and m.first < mention.first
            for m in mentions[:number]
        ):
            continue
        answer = None
        for later in mentions[number + 1 :]:
            if later.person or later.outsider or later.ambiguous or not later.animals:
                continue
            if later.match >= 0 and _relative(matches[later.match]):
                continue
            if later.sentence == mention.sentence:
                before = later.first - 1
                if before >= 0 and (
                    words[before].norm in lexicon.auxiliaries
                    or words[before].lemma in lexicon.auxiliaries
                ):
                    answer = later
                    break
            elif later.sentence == mention.sentence + 1:
                opening = [p for p in range(later.first) if tokens.sentences[p] == later.sentence]
                if len([p for p in opening if words[p].kind == "w"]) <= 3:
                    answer = later
                break
            else:
                break
        if answer is not None:
            result[number] = replace(
                mention,
                animals=answer.animals,
                person=False,
                ambiguous=False,
                plural=answer.plural,
                outsider=False,
            )
    return result


def _outsiders_prey(match: Match, earlier: Sequence[Mention], sentence: int) -> bool:
    """Whether an animal named by no name ("a rat", `some_words`) follows an animal outside the
    cast in its sentence, with no animal of the cast named between: "the tenant's cat had
    killed a rat" is a wild rat."""
    if match.kind != "some":
        return False
    for m in reversed(earlier):
        if m.sentence != sentence:
            return False
        if m.outsider:
            return True
        if m.animals and not m.person:
            return False
    return False


def _outsiders_own(
    earlier: Sequence[Mention], matches: Sequence[Match], sentence: int, key: str
) -> bool:
    """Whether a possessive pronoun of the same gender (`key`) named someone else's pet
    earlier in the sentence, with no animal of the cast named since: a later "him" or "her"
    is that owner too; a later "they" after someone else's animals are those animals."""
    for m in reversed(earlier):
        if m.sentence != sentence:
            return False
        if m.outsider and m.match >= 0:
            entry = matches[m.match].entry
            if matches[m.match].kind == "pronoun" and entry is not None and entry.key == key:
                return True
            # ... and "they" after someone else's animals: "her rats they fight"
            if key == "plural" and entry is not None and entry.plural:
                return True
        elif m.animals and not m.person:
            return False
    return False


def _pronoun(
    entry: Entry,
    sentence: int,
    earlier: Sequence[Mention],
    cast: Cast,
    after_verb: bool,
    as_subject: bool = False,
) -> Meaning:
    key = entry.key
    if key == "relative":
        if earlier and not earlier[-1].person:
            return _copy(earlier[-1])
        return Meaning()
    recent: list[Mention] = []
    for m in reversed(earlier):
        if m.sentence < sentence - 2 or len(recent) >= LOOK_BACK:
            break
        if not m.person and m.animals and not m.outsider:
            recent.append(m)
    if after_verb and not as_subject:
        # "Willow groomed her": an object pronoun is not the subject of its own clause.
        subject = next((m for m in recent if m.subject and m.sentence == sentence), None)
        if subject is not None:
            recent = [m for m in recent if m.animals != subject.animals]
    if key == "plural":
        for candidate in recent:
            if candidate.plural and candidate.sentence >= sentence - 1:
                return _copy(candidate, plural=True)
        singles: set[str] = set()
        for candidate in recent:
            if candidate.sentence >= sentence - 1 and len(candidate.animals) == 1:
                singles |= candidate.animals
        if len(singles) > 1:
            return Meaning(frozenset(singles), plural=True)
        # With no antecedent "they" is everyone only in a pair; in a group, some of them (for
        # a shared signal: "they had a fight"; see `attribution`).
        return Meaning(cast.all, ambiguous=len(cast.all) > 2, plural=True)
    if as_subject:
        # "Tom went for Pip he bit him": a subject pronoun carries on the last subject that
        # fits, before a later object does.
        recent.sort(key=lambda m: not m.subject)
    for candidate in recent:
        if len(candidate.animals) == 1 and not candidate.ambiguous:
            (animal,) = candidate.animals
            if key == "neuter" or cast.sex[animal] in {None, key}:
                return Meaning(candidate.animals)
    fitting = frozenset(a for a in cast.all if key == "neuter" or cast.sex[a] in {None, key})
    if len(fitting) == 1:
        return Meaning(fitting)
    return Meaning(fitting or cast.all, ambiguous=True)


def _copy(source: Mention, plural: bool | None = None) -> Meaning:
    return Meaning(
        source.animals,
        source.ambiguous,
        source.plural if plural is None else plural,
        source.outsider,
    )


def _opens_sentence(tokens: Tokens, position: int) -> bool:
    """Whether the word there opens its sentence: an object pronoun there is the subject, as
    Caribbean English (patois) says it ("Him explore di whole sofa", "Him tek di banana")."""
    return position == 0 or tokens.sentences[position - 1] != tokens.sentences[position]


def _role_in_clause(
    tokens: Tokens, phrases: Phrases, match: Match, lexicon: Lexicon
) -> tuple[bool, bool]:
    """(subject, subordinate): does the mention open its clause, and after "when" or like? A
    mention after a hedge or a denial ("I think Tom ...", "not once did Tom") opens one too."""
    words = tokens.words
    position = match.first - 1
    before = phrases.of(position) if position >= 0 else None
    if before is not None and before.kind in OPENING_KINDS:
        return True, False
    while (
        position >= 0
        and words[position].kind == "w"
        and (
            words[position].lemma in lexicon.determiners
            # someone's, as a determiner: "Neighbour's cat caught a rat", "Neighbour cat catch"
            or (
                match.kind == "species"
                and position == match.first - 1
                and _owners_word(tokens, position, lexicon, bare=True)
            )
        )
    ):
        position -= 1
    if position < 0 or words[position].kind != "w":
        return True, False
    holder = phrases.of(position) if position == match.first - 1 else None
    if holder is not None and holder.kind == "object":
        # Straight after a thing, a relative clause: "the box she was in", "the blanket Toffee
        # sleeps on": its subject does things in that clause only.
        return True, True
    if position == match.first - 1 and words[position].lemma in lexicon.body_parts:
        # A run-on note: a name straight after a body part opens a new clause ("had her by the
        # tail fudge screamed"); after a thing it may be a relative clause ("the blanket
        # Toffee sleeps on"), so it does not.
        return True, False
    word = words[position].norm
    if word in lexicon.subordinators:
        return True, True
    if match.kind == "name" and position == match.first - 1 and _fronted(tokens, position, lexicon):
        # After a phrase of time or place that opens the clause ("At the end Rex bit him", "In
        # the morning Rex ..."), a name opens the clause: "end" is no verb of which it is the
        # object.
        return True, False
    if words[position].lemma in lexicon.subject_openers:
        return True, False
    if (
        match.kind == "name"
        and (before is None or before.kind != "pronoun")
        and (
            _verb_follows(tokens, match, lexicon)
            or (
                before is not None
                and before.kind == "signal"
                and _alone(before, lexicon)
                and _signal_follows(tokens, phrases, match)
            )
        )
    ):
        # A run-on note: a name straight before an auxiliary opens a new clause ("did not
        # stop toffee was squealing"); after "which" it is a relative clause's subject. So
        # does one straight before a signal ("peaches sleeping nugget cleaning herself").
        return True, False
    return False, False


def _fronted(tokens: Tokens, position: int, lexicon: Lexicon) -> bool:
    """Whether the word at `position` ends a phrase that opens its clause with a preposition
    and one or more determiners before it ("at the end", "in the morning", "after a while"),
    or right after a word that opens a subject's clause ("meanwhile in the playpen")."""
    words = tokens.words
    at = position - 1
    while at >= 0 and words[at].kind == "w" and words[at].lemma in lexicon.determiners:
        at -= 1
    return (
        at < position - 1
        and at >= 0
        and words[at].kind == "w"
        and (words[at].lemma in lexicon.prepositions or words[at].norm in lexicon.path_words)
        and (at == 0 or words[at - 1].kind != "w" or words[at - 1].lemma in lexicon.subject_openers)
    )


def _alone(match: Match, lexicon: Lexicon) -> bool:
    """Whether a signal phrase is done to no one: no harm, nothing two animals share."""
    return all(
        signal not in lexicon.harm_signals
        and signal not in lexicon.reciprocal
        and signal not in lexicon.victim_signals
        for signal in match.senses.values()
    )


def _signal_follows(tokens: Tokens, phrases: Phrases, match: Match) -> bool:
    """Whether a signal phrase opens on the word right after a name."""
    following = match.last + 1
    if following >= len(tokens.words) or tokens.words[following].kind != "w":
        return False
    holder = phrases.of(following)
    return holder is not None and holder.kind == "signal" and holder.first == following


def _verb_follows(tokens: Tokens, match: Match, lexicon: Lexicon) -> bool:
    """Whether the word after a name is an auxiliary ("was", "kept")."""
    following = match.last + 1
    if following >= len(tokens.words):
        return False
    word = tokens.words[following]
    return word.kind == "w" and word.lemma in lexicon.auxiliaries


def _after_verb(tokens: Tokens, match: Match, lexicon: Lexicon) -> bool:
    """Whether a pronoun follows a verb directly ("groomed her"), not a preposition."""
    position = match.first - 1
    if position < 0 or tokens.words[position].kind != "w":
        return False
    word = tokens.words[position]
    return not (
        word.lemma in lexicon.prepositions
        or word.lemma in lexicon.determiners
        or word.lemma in lexicon.subject_openers
        or word.norm in lexicon.clause_joiners
    )
