"""The notes lexicon: owner phrases (signals.yaml) and reading rules (notes.yaml), compiled once.

Loading validates both files with pydantic and compiles them into plain lookup tables; the
result is cached by `datafiles.cached` (keyed by the files' bytes) so later processes skip YAML,
pydantic and compilation alike.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from ratbond import programs
from ratbond.datafiles import cached, line_of, read_yaml, validate
from ratbond.errors import DataFileError
from ratbond.model import Vocabulary
from ratbond.notes.retract import cue_keys, cue_pattern

if TYPE_CHECKING:
    from ratbond.notes.rules import NotesFile

NOTES_FILE = Path(programs.NOTES_FILE)
SIGNALS_FILE = Path(programs.SIGNALS_FILE)
ALERTS_FILE = Path(programs.ALERTS_FILE)

# "..." between two words of a phrase lets up to WIDE_GAP words sit there; elsewhere GAP.
GAP = 2
WIDE_GAP = 5
WILD = "..."
AIMED = "aimed"
"""The key of an `aims` phrase's entry: a signal only when aimed at an animal of the cast."""
CAPTURED = "captured"
"""The key of a `captures` phrase's entry: a catch only when an animal of the cast is its
object."""
OTHER_THAN = "not:"
"""Before a species in a species word's key: the word means the animals of the other species
(`numbering.others`: "specimen"), else that species'."""
OTHER_SPECIES = "other species"
"""The key of `other_species`: a word of it names no animal of any cast."""
STRUCK = "struck"
"""The key of a `strikes` phrase's entry: a signal only when an animal of the cast is its
object."""
EARLIER = "earlier"
"""The key of a `negation.earlier` phrase: what follows it happened in an earlier session."""
HEALED = "healed"
"""The key of a `negation.healed` phrase: the wound before it in its clause is gone."""
PAIR = "pair"
"""The key of a group word for two animals (`pair_words`)."""
RECAP = "recap"
"""The key of a group word for the animals just named (`recap_words`)."""

# --- the compiled tables -------------------------------------------------------------------

Kind = Literal[
    "signal",
    "block",
    "passive",
    "cue",
    "hypo",
    "hedge",
    "attempt",
    "species",
    "sex",
    "group",
    "some",
    "role",
    "pronoun",
    "person",
    "object",
    "repeat",
]


@dataclass(frozen=True)
class Entry:
    """What a matched phrase means."""

    kind: Kind
    # signal: species -> signal id; passive: {"": agent signal}.
    senses: tuple[tuple[str, str], ...] = ()
    # species/sex/role/pronoun: the key (cat, male, newcomer, plural ...); role: "program:role".
    key: str = ""
    plural: bool = False


ALONE = "alone"
"""The key of a `not_signals_alone` phrase's entry."""
TIGHT = "tight"
"""The key of a phrase whose words stand with none between ("bite on the back": "bite him on
the back" is the verb with its object)."""


class Phrase(NamedTuple):
    """A phrase as a tuple of parts: lemmas, `=surface` exact forms, or WILD. A tuple: the
    lexicon holds tens of thousands, and a tuple is the quickest to load from the cache."""

    parts: tuple[str, ...]
    words: int
    entry: Entry
    text: str
    need: frozenset[str] = frozenset()
    """The parts after the first: a phrase is only tried where they all occur nearby."""


class InattentionWords(NamedTuple):
    """`inattention`, normalised (see `Attribution.inattentive`)."""

    heed: str
    """The signal that tells of no heed."""
    acts: frozenset[str]
    """The cat's signals it undoes."""
    towards: frozenset[str]
    """Words that aim a heed at what follows them."""


class RushStrikeWords(NamedTuple):
    """`rush_strikes`, normalised (see `Attribution.rush_strikes`)."""

    leap: str
    strike: str
    openers: frozenset[str]
    targets: frozenset[str]
    between: frozenset[str]
    verbs: frozenset[str]
    parts: frozenset[str]
    reach: int


class OthersPetsWords(NamedTuple):
    """`others_pets`, normalised (see `mentions._others_pet`)."""

    owners: frozenset[tuple[str, ...]]
    """People outside the household, as word tuples."""
    households: frozenset[str]
    """Words that make an owner after them one of the household ("flat mate")."""
    standalone: frozenset[str]
    """Pronouns that stand alone for an animal of theirs ("hers")."""
    reports: frozenset[str]
    """Words of telling after such a person ("calls", "said")."""
    echoes: frozenset[tuple[str, ...]]
    """Words that say the cast did the same ("so did", "too")."""
    bare_owners: frozenset[str]
    """Owners whose animal is named with no possessive ending ("neighbour cat")."""


class ReleasedBiteWords(NamedTuple):
    """`released_bites`, normalised (see `Attribution.released_bites`)."""

    species: str
    bite: str
    nip: str
    releases: tuple[tuple[str, ...], ...]
    refusals: tuple[tuple[str, ...], ...]


class ThingMotionWords(NamedTuple):
    """`thing_motions`, normalised (see `Attribution.things_moved`)."""

    signals: frozenset[str]
    things: frozenset[str]
    whole: frozenset[str]


class GroomedStillWords(NamedTuple):
    """`groomed_still`, normalised (see `Attribution.groomed_still`)."""

    signal: str
    still: frozenset[tuple[str, ...]]
    """Word sequences of keeping still ("held still")."""
    own: frozenset[str]
    """Words that keep a grooming one's own ("himself")."""


class BodyLeapWords(NamedTuple):
    """`body_leaps`, normalised (see `Attribution.body_leaps`)."""

    signal: str
    leap: str
    verbs: frozenset[str]
    signs: frozenset[str]
    paws_first: frozenset[tuple[str, ...]]
    """Word sequences that tell the paws led a rush: it is the pounce."""


class FightHeardWords(NamedTuple):
    """`fight_heard`, normalised (see `Attribution.fight_heard`)."""

    signal: str
    noises: frozenset[str]
    """Noises that tell of a fight heard from the rats."""
    fights: frozenset[str]
    """Noises that are a fight wherever heard."""
    places: frozenset[tuple[str, ...]]
    """Where the rats live, as word tuples ("cage", "rat room")."""
    sources: frozenset[str]
    """Words that make a rat after them a noise's source."""
    explained: frozenset[str]
    """Words that explain a wound otherwise."""
    woken: frozenset[str]
    """Words of waking that hear too."""


class PhraseTable(Mapping[str, tuple[Phrase, ...]]):
    """The phrases by their first part, kept as one pickled group per first part and decoded
    the first time it is asked for: a process reads the groups of the words its notes have (a
    few hundred), not all the lexicon's tens of thousands of phrases, when it loads the cache."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._groups: dict[str, tuple[Phrase, ...]] = {}

    @classmethod
    def of(cls, groups: Mapping[str, tuple[Phrase, ...]]) -> PhraseTable:
        return cls(
            {
                first: pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
                for first, found in groups.items()
            }
        )

    def __getitem__(self, first: str) -> tuple[Phrase, ...]:
        found = self._groups.get(first)
        if found is None:
            found = self._groups[first] = pickle.loads(self._packed[first])
        return found

    def __contains__(self, first: object) -> bool:
        return first in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __reduce__(self) -> tuple[type[PhraseTable], tuple[dict[str, bytes]]]:
        return PhraseTable, (self._packed,)


@dataclass(frozen=True)
class Lexicon:
    """Every table the parser reads; plain containers so it pickles and loads fast."""

    by_first: PhraseTable
    signal_starts: frozenset[str]
    """The first parts of the signal phrases."""
    agent_senses: dict[str, dict[str, str]]
    """By the agent signal of each passive phrase, the doer's reading of it by species: a
    cat's nip is a bite (`agent_fallback` where the species has no such signal)."""
    surface: dict[str, str]
    lemmas: frozenset[str]
    protected: frozenset[str]
    fuzzy_targets: dict[str, tuple[str, ...]]
    after_negation: tuple[str, ...]
    answer_labels: tuple[str, ...]
    given: frozenset[str]
    asking: frozenset[str]
    """`negation.asking`: verbs that open what a question asks."""
    """`negation.given`: words that open a clause a question tells as given."""
    expectations: frozenset[tuple[str, ...]]
    """Hedges that make a later attempt a fear: "I thought he was going to bite"."""
    scope_ends: frozenset[str]
    present: frozenset[str]
    disbelief: frozenset[str]
    """`negation.disbelief`: such a cue before an animal and its act in -ing denies nothing."""
    futures: re.Pattern[str]
    """`negation.futures`: a hedge over a clause with one of them reports no act."""
    told_now: re.Pattern[str]
    """`negation.told_now`: brackets with one of them after a reference to an earlier record
    tell of this session."""
    disbelief_markers: re.Pattern[str]
    """`negation.disbelief_markers`, one of which such a sentence must hold."""
    disbelief_denials: re.Pattern[str]
    """`negation.disbelief_denials`: such a sentence with one of them denies after all."""
    apposition_marks: frozenset[str]
    """Marks that set a noun phrase beside the one before them ("last week's incident (the
    lunge)")."""
    """Words that bring a clause back to this session ("today"): an earlier time's reach ends."""
    list_joiners: frozenset[str]
    subject_openers: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    auxiliaries: frozenset[str]
    passive_wounds: frozenset[str]
    victim_signals: frozenset[str]
    reciprocal: frozenset[str]
    shared_places: frozenset[str]
    """`shared_places`: after a shared signal, where it happened ("fighting on the floor")."""
    together: frozenset[tuple[str, ...]]
    """The normal forms of the `together` phrases ("side by side")."""
    object_senses: dict[str, dict[str, dict[str, str | None]]]
    program_senses: dict[str, dict[str, dict[str, str]]]
    classes: dict[str, dict[str, str]]
    species_signals: dict[str, frozenset[str]]
    irregular: dict[str, str]
    synonyms: dict[str, str]
    """`synonyms`, normalised: a word read as another also matches a phrase's exact form of it
    ("was gebissen" is "was =bitten")."""
    clause_joiners: frozenset[str]
    noun_synonyms: dict[str, str]
    """Slang read as the word it stands for only where it ends its phrase (`tokenise`)."""
    noun_followers: frozenset[str]
    noun_frames: tuple[frozenset[str], frozenset[str]]
    attributes: tuple[dict[str, str], frozenset[str], dict[str, str]]
    postures: tuple[tuple[str, ...], frozenset[str], frozenset[str]]
    inattention: InattentionWords
    placed: tuple[frozenset[str], re.Pattern[str]]
    """`placed`: the signals, and the owner putting the animal there ("i held")."""
    """`postures`: words, rests and aims (see `Attribution.rested_postures`)."""
    """`attributes`: sizes as chat spells them, and the words that make the next word a verb."""
    """`noun_frames`: the words before and after a slang noun that frame it as the noun."""
    """The words after which a noun synonym still ends its phrase: prepositions, joiners."""
    """Each spelling of an animal's `sex` field, to "male" or "female"."""
    subject_case: frozenset[str]
    object_case: frozenset[str]
    subordinators: frozenset[str]
    list_words: frozenset[str]
    list_marks: frozenset[str]
    agent_words: frozenset[str]
    away_words: frozenset[str]
    perception: frozenset[str]
    """Words before "from" that make what follows a place left, not a doer ("away from")."""
    agent_exact: frozenset[str]
    """`agent_words` as a clause's exact forms ("=by"): a cheap test that a clause has one."""
    pair_joiners: frozenset[str]
    floating_group: frozenset[str]
    bite_signals: frozenset[str]
    person_harms: frozenset[str]
    """`bite_signals` and the signals `object_senses` reads as none when aimed at a person (a
    cat's scratching): blood in a sentence that reports one on the owner is the owner's."""
    passive_victim: dict[str, str]
    thing_words: frozenset[str]
    prey_words: frozenset[str]
    plays: frozenset[str]
    """`harmless.plays` as lemmas: prey after one is a plaything."""
    prey_exact: frozenset[str]
    held_words: frozenset[str]
    """The one-word `harmless.food` and `harmless.prey` ("treat", "wand", "sock"): a bite
    phrase's `...` never passes over one, so "had the feather wand in his mouth" holds no
    animal (an animal's name there still passes: "had Biscuit in his mouth")."""
    """`prey_words` as exact forms ("=fly"): a cheap test that a clause names one."""
    """The one-word `harmless.prey` ("fly", "mouse"): a sentence that aims an attack at one may
    aim the next at it too ("chased a fly and pounced on it")."""
    """The one-word `things` ("box"): one inside a blocked phrase ("the box") is still a thing."""
    perfect_have: frozenset[str]
    """Words before a bare participle that make it active ("may have bitten")."""
    perfect_passive: frozenset[str]
    """Words between those and the participle that keep it passive ("had been bitten")."""
    agent_fallback: dict[str, str]
    roles_by_arrival: frozenset[str]
    owner_on_receiving_end: frozenset[str]
    possessives: frozenset[str]
    not_initials: frozenset[str]
    diminutives: tuple[str, ...]
    """Endings that make a pet form of a one-word name: "Churrito" is Churro."""
    section_labels: frozenset[str]
    """Letters that head a clinical note's sections before a colon ("O:", "A:")."""
    numbering: tuple[str, tuple[str, ...]]
    key_marks: frozenset[str]
    """`numbering.key_marks`: what joins a number to a name in a log's own key."""
    abbreviations: frozenset[str]
    form_labels: frozenset[str]
    leap_paws: tuple[str, str, frozenset[str], frozenset[str]]
    rush_strikes: RushStrikeWords | None
    """`leap_paws`: a leap signal, a strike signal, words for both forepaws (lower-cased) and
    verbs of leaping: the forepaws after such a verb in their sentence are the leap."""
    participle_endings: tuple[str, ...]
    """`participle_endings`: a report's passive after a signal ("was delivered") reaches its
    doer past the one hurt."""
    treatments: frozenset[str]
    """`treatments`, lower-cased: in a note that reports a wound, the carer's care of it."""
    soft_parts: frozenset[str]
    """`soft_strikes.parts`, stemmed: one heading a `strikes` verb or after "with" strikes no
    blow."""
    soft_words: re.Pattern[str]
    """`soft_strikes.words`: a `strikes` verb in a sentence with one is no blow."""
    doer_passives: frozenset[str]
    scratchers: frozenset[str]
    """`scratchers`, stemmed: one in a sentence says a scratch drew the owner's blood."""
    """`doer_passives`: such a passive is an attack only when an animal of the cast, or its
    weapon, is the doer named after "by"."""
    weapons: frozenset[str]
    """`weapons`, stemmed: after one, a word of `part_owners` names the doer ("in the jaws of
    the feline")."""
    """`form_labels`: words after a signal that heads a form's field, before its colon."""
    """`abbreviations`: words whose dot ends no sentence before a number or a lower-case word."""
    """`numbering`: the species a log numbers, and its words for them ("subject")."""
    spelling_swaps: tuple[tuple[str, str], ...]
    path_words: frozenset[str]
    comparisons: frozenset[str]
    exceptions: frozenset[str]
    lively: frozenset[str]
    way_words: frozenset[str]
    reach_words: frozenset[str]
    articles: frozenset[str]
    word_determiners: frozenset[str]
    form_answers: frozenset[str]
    persistent: dict[str, str]
    reached_through: dict[str, str]
    thing_motions: ThingMotionWords | None
    """`thing_motions`: signals a thing opening its clause does itself ("the door shook")."""
    persistence: tuple[tuple[str, ...], ...]
    part_owners: frozenset[str]
    """`part_owners`: the animal named after a body part and one of these owns it."""
    relatives: frozenset[str]
    """`relatives`: prey right before one is what its clause attacks."""
    set_apart: tuple[frozenset[str], frozenset[str]]
    """`set_apart`: a species word after one of `before` (first) or before one of `after`
    (second) is not the animal named last."""
    others_pets: OthersPetsWords
    """`others_pets`, normalised."""
    explanations: tuple[tuple[str, ...], ...]
    """`explanations`, as word tuples: a quotation they follow in its sentence is no event."""
    """Path words a phrase may end with that make the thing after it the way ("paw through")."""
    harm_signals: frozenset[str]
    wounding: dict[str, dict[str, str]]
    seizing: frozenset[tuple[str, ...]]
    """Phrases that only say an animal was caught: the bite or scratch says how."""
    body_parts: frozenset[str]
    marks: tuple[str, ...]
    """`injuries.marks`, lower-cased: a wound read from one is undone by `mark_causes`."""
    mark_causes: re.Pattern[str]
    """`injuries.mark_causes`: in a mark's sentence, what it is instead of a wound."""
    animal_objects: frozenset[str]
    """Pronouns that may name an animal as an object ("him", "her", "them"): after one of
    `not_signals_alone` ("the end bit her") the phrase is the signal after all."""
    person_parts: frozenset[str]
    injury_nouns: frozenset[str]
    """`injuries.nouns`, normalised: a wound's own words, not blood's."""
    owner_parts: frozenset[str]
    """`injuries.owner_parts` with every body part, stemmed: after the owner's word, theirs."""
    animal_parts: frozenset[str]
    """`injuries.animal_parts`, stemmed: a wound next to one is an animal's."""
    damage: frozenset[str]
    """Injury words a thing named just before them has suffered ("the hammock ... torn")."""
    """A wound next to one of these is a person's: "cut his finger on the cage door"."""
    bleeding: frozenset[str]
    """`injuries.bleeding`: verbs of bleeding, whose owner subject is the one who bled."""
    shed: frozenset[str]
    """`injuries.shed`: blood itself, the owner's after the owner's wound in its sentence."""
    fictions: frozenset[str]
    """`injuries.fictions`: what is watched or read; a wound in its sentence is no one's when
    no animal of the cast is named there."""
    findings: frozenset[str]
    """`injuries.findings`, `perception` and `others_pets.reports`: words of finding, seeing
    or being told of a wound ("my partner says there was blood")."""
    part_of: dict[str, frozenset[str]]
    part_of_shared: dict[str, frozenset[str]]
    """`part_of_shared`: by a part told of two animals or more at once, the signals it is part
    of."""
    told_bites: frozenset[str]
    """`told_bites`: nouns of a bite told again, the earlier biter's."""
    one_sided: dict[str, frozenset[tuple[str, ...]]]
    captures: dict[tuple[str, ...], dict[str, str]]
    """`captures`, by a phrase's words (lemmas, or as written for an exact one): the signal
    each species' catch of an animal of the cast is read as."""
    capture_signals: dict[str, str]
    """By species, the signal a bare catch (`captures`, `seizing`) of an animal is read as."""
    capture_starts: frozenset[str]
    """The first words of `captures`' keys: a phrase opened by none is no catch."""
    capture_means: frozenset[str]
    """`capture_means`: signals that say how a catch was made."""
    """By a signal two animals share, the lemmas of its phrases that name one doer."""
    """Signals by the worse one they are part of ("squeaking" in a "fighting")."""
    play_fights: dict[str, str]
    grooming_signals: frozenset[str]
    """`grooming_signals`: a bite phrase told as what one was done with is no bite."""
    grooming_tools: frozenset[str]
    """`grooming_tools`: words that open what a grooming was done with."""
    groomed_still: GroomedStillWords | None
    """`groomed_still`: another animal keeping still for a grooming shares it."""
    """A fight by the play it was, when the sentence says so and no one is hurt."""
    fight_looks: tuple[str, str, frozenset[str], frozenset[str]] | None
    fight_heard: FightHeardWords | None
    released_bites: ReleasedBiteWords | None
    """`released_bites`: a bite let go at once, with no wound, is a nip."""
    body_leaps: BodyLeapWords | None
    """`body_leaps`: the pounce, the lunge it is with no paw named, the verbs of leaping, the
    words that say the paws led it, and those that turn a rush into the pounce."""
    """`fight_looks`: the fight, the sound it is told by, and its motions and noises, lower-cased
    as written."""
    sound_spellings: tuple[tuple[str, str], ...]
    scan_digits: dict[str, tuple[str, ...]]
    """Digits a scanner reads for letters in a word ("1" for "l" or "i": "Li1y" is Lily)."""
    scan_letters: tuple[tuple[str, str], ...]
    """Letter groups a scanner reads for others ("rn" for "m": "harnrnock" is hammock)."""
    scan_units: frozenset[str]
    elisions: dict[str, str]
    name_contractions: dict[str, str]
    dropped_endings: dict[str, str]
    corrections: tuple[tuple[str, ...], ...]
    """`corrections.leads`, as word tuples: "that was Pickle" gives the signals just told of
    another animal of its kind to Pickle."""
    correction_openers: frozenset[str]
    correction_denials: frozenset[str]
    then_words: frozenset[str]
    """`negation.then_words`: a clause they open right after an earlier time is of that time."""
    days: frozenset[str]
    contrasts: frozenset[str]
    """`negation.contrasts`: words that set a day against this session ("than", "unlike")."""
    """`negation.days`: names of days and months, times a `then_words` clause may tell of."""
    """Words cut to letters and an apostrophe before the next word ("t'cage": the cage)."""
    """Letters a number is written with ("10am", "1st", "x10"): no misread digits."""
    sounds: dict[str, str]
    """The fuzzy targets by `spelled_sound`: a misspelling that sounds like one is it."""
    retractions: re.Pattern[str]
    """The cues of a self-correction ("no wait", "- well"): see `ratbond.notes.retract`."""
    retraction_keys: tuple[str, ...]
    """Text one of `retractions` needs (a dash, or a cue's longest word): a note with none of
    them skips the pattern."""
    retraction_lead: frozenset[str]
    """Words that open or close a correction's replacement and mean nothing ("na", "it was")."""
    shorthand: dict[str, tuple[str, ...]]
    """Signs written for words ("🩸": blood, "✗": a clause mark after a sign not seen), each
    with and without an emoji variation selector, to the tokens read in their place."""

    def stem(self, word: str) -> str:
        """`stem` with this lexicon's irregular forms."""
        return stem(word, self.irregular)


# --- words -----------------------------------------------------------------------------------

_KEEP_DOUBLE = frozenset("lsz")
_VOWELS = frozenset("aeiou")


def stem(word: str, irregular: Mapping[str, str]) -> str:
    """A light, consistent stem: inflections of one word share it (not a linguistic root).
    `irregular` maps irregular forms to their base (notes.yaml, `irregular`)."""
    word = irregular.get(word, word)
    if len(word) <= 3:
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) >= 6:
        word = word[:-3]
    elif word.endswith("ed") and len(word) >= 5:
        word = word[:-2]
    elif word.endswith("es") and len(word) >= 5:
        base = word[:-2]
        word = base if base.endswith(("s", "x", "z", "ch", "sh")) else word[:-1]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) >= 4:
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in _VOWELS | _KEEP_DOUBLE:
        word = word[:-1]
    return word


WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*|\d+")


def split_words(text: str) -> list[str]:
    """The normalised words of a phrase or note fragment (lower case, apostrophes folded)."""
    return [normalise(match.group()) for match in WORD_RE.finditer(text)]


SOUND_PAIRS = str.maketrans("bdgcqvz", "ptkkkfs", "hwy")
"""Letters that sound alike to speech-to-text (a voiced and an unvoiced consonant), and the
letters it drops."""
SOUND_MIN = 4
"""The shortest name (and word) compared by sound."""


def sound_key(norm: str) -> str:
    """How a word sounds, roughly: its consonants with voiced and unvoiced ones merged and
    doubles collapsed, then its vowels in order ("maple" and "Mabel", "bold" and "Bolt" sound
    alike; "while" and "Willow" do not). Empty for a word shorter than `SOUND_MIN`."""
    if len(norm) < SOUND_MIN or not norm.isalpha():
        return ""
    letters = norm.translate(SOUND_PAIRS)
    if not letters:
        return ""
    consonants: list[str] = []
    for letter in letters:
        if letter not in "aeiou" and (not consonants or consonants[-1] != letter):
            consonants.append(letter)
    vowels = "".join(letter for letter in letters if letter in "aeiou")
    return letters[0] + "".join(consonants) + ":" + vowels


def spelled_sound(norm: str, spellings: Iterable[tuple[str, str]]) -> str:
    """How a word sounds when spelt by ear: each letter group of `spellings` written as the
    one it sounds like ("cks" as "x"), then doubled letters written once ("brucksing" and
    "bruxing", "scrached" and "scratched" are not alike: a letter dropped is no sound)."""
    for written, heard in spellings:
        if written in norm:
            norm = norm.replace(written, heard)
    return re.sub(r"(.)\1+", r"\1", norm)


def normalise(raw: str) -> str:
    """Lower case; a possessive `'s` is dropped and other apostrophes vanish (didn't: didnt)."""
    word = raw.lower().replace("\u2019", "'")
    if possessive_form(word):
        word = word[:-2]
    return word.replace("'", "")


def possessive_form(raw: str) -> bool:
    """Whether a word as written ends in a possessive `'s` ("sister's", "Max's")."""
    return raw.lower().replace("\u2019", "'").endswith("'s")


def inflections(word: str) -> set[str]:
    """Regular inflected forms of a word, as fuzzy-matching targets for misspellings."""
    forms = {word}
    if len(word) < 3 or not word.isalpha():
        return forms
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and word[-2:-1] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "s", word + "es", word + "ed", word + "ing"}
        if word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2:-1] in _VOWELS:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


# --- loading ----------------------------------------------------------------------------------


def load_lexicon(
    notes_file: Path = NOTES_FILE,
    signals_file: Path = SIGNALS_FILE,
    alerts_file: Path = ALERTS_FILE,
) -> Lexicon:
    """The compiled lexicon, validated and built (or from the cache)."""
    # Keyed on every module of the reader, not only this one: the build calls into others
    # (`ratbond.notes.retract`, the rules' shapes), and a changed one must not meet old bytes.
    modules = sorted(Path(__file__).parent.glob("*.py"))
    return cached(
        "notes-lexicon",
        [notes_file, signals_file, alerts_file, *modules],
        lambda: _build(notes_file, signals_file, alerts_file),
    )


def _wholes(parts_of: Mapping[str, tuple[str, ...]]) -> dict[str, frozenset[str]]:
    """By a part (`part_of`), the signals it is part of."""
    return {
        part: frozenset(whole for whole, parts in parts_of.items() if part in parts)
        for part in {part for parts in parts_of.values() for part in parts}
    }


def _build(notes_file: Path, signals_file: Path, alerts_file: Path) -> Lexicon:
    from ratbond.programs import load_vocabulary

    vocabulary = load_vocabulary(signals_file, alerts_file)
    # The file's shape (and pydantic) is needed only when the cache is cold.
    from ratbond.notes.rules import NotesFile

    text, data = read_yaml(notes_file)
    rules: NotesFile = validate(notes_file, text, data, NotesFile)
    _check_rules(rules, vocabulary, notes_file, text)
    return _compile(rules, vocabulary, signals_file)


def _check_rules(rules: NotesFile, vocabulary: Vocabulary, file: Path, text: str) -> None:
    """Signal ids named by the rules must exist for the species they are used with."""
    known = {species: set(signals) for species, signals in vocabulary.signals.items()}
    every = set().union(*known.values())

    def fail(loc: tuple[str | int, ...], message: str) -> DataFileError:
        from ratbond.errors import format_path

        return DataFileError(str(file), format_path(loc), message, line_of(text, loc))

    named = (
        *rules.passive,
        *rules.passive_wounds,
        *rules.victim_signals,
        *rules.reciprocal,
        *rules.harm_signals,
        *rules.bite_signals,
        *(name for senses in rules.wounding.values() for pair in senses.items() for name in pair),
        *(name for whole, parts in rules.part_of.items() for name in (whole, *parts)),
        *(name for whole, parts in rules.part_of_shared.items() for name in (whole, *parts)),
        *rules.one_sided,
        *(name for pair in rules.play_fights.items() for name in pair),
        *rules.grooming_signals,
        *((rules.fight_looks.signal, rules.fight_looks.sound) if rules.fight_looks else ()),
        *((rules.fight_heard.signal,) if rules.fight_heard else ()),
        *((rules.body_leaps.signal, rules.body_leaps.leap) if rules.body_leaps else ()),
        *((rules.released_bites.bite, rules.released_bites.nip) if rules.released_bites else ()),
        *(name for pair in rules.reached_through.items() for name in pair),
        *(rules.thing_motions.signals if rules.thing_motions else ()),
    )
    for name in rules.capture_means:
        if name not in every:
            raise fail(("capture_means", name), f"unknown signal '{name}'")
    for name in rules.meals:
        if name not in every:
            raise fail(("meals", name), f"unknown signal '{name}'")
    for name in (rules.inattention.heed, *rules.inattention.acts) if rules.inattention.heed else ():
        if name not in known.get("cat", set()):
            raise fail(("inattention", name), f"unknown cat signal '{name}'")
    if rules.shelters is not None and rules.shelters.signal not in every:
        raise fail(("shelters",), f"unknown signal '{rules.shelters.signal}' in shelters.signal")
    for key, table in (("aims", rules.aims), ("captures", rules.captures)):
        for species, by_signal in table.items():
            for name in by_signal:
                if name not in known[species]:
                    raise fail((key, species, name), f"unknown {species} signal '{name}'")
    for name in named:
        if name not in every:
            raise fail(("passive",), f"unknown signal '{name}'")
    for number, expectation in enumerate(rules.negation.expectations):
        if expectation not in (*rules.negation.uncertain, *rules.negation.hypothetical):
            raise fail(
                ("negation", "expectations", number),
                f"'{expectation}' is not one of negation.uncertain or negation.hypothetical",
            )
    for species, by_object in rules.object_senses.items():
        for obj, senses in by_object.items():
            for source, aim in senses.items():
                for maybe in (source, aim):
                    if maybe is not None and maybe not in known[species]:
                        raise fail(
                            ("object_senses", species, obj, source),
                            f"unknown {species} signal '{maybe}'",
                        )
    for program, by_species in rules.program_senses.items():
        for species, mapping in by_species.items():
            for source, goal in mapping.items():
                for name in (source, goal):
                    if name not in known[species]:
                        raise fail(
                            ("program_senses", program, species, source),
                            f"unknown {species} signal '{name}'",
                        )


SELECTOR = "\ufe0f"
"""The emoji variation selector a phone may add after a sign ("🖐️"): read as the sign."""


def _shorthand(signs: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """Each sign (with and without a variation selector) to the tokens written in its place."""
    from ratbond.notes.tokens import TOKEN_TEXT_RE

    table: dict[str, tuple[str, ...]] = {}
    for sign, words in signs.items():
        plain = sign.replace(SELECTOR, "")
        tokens = tuple(TOKEN_TEXT_RE.findall(words))
        table[plain] = table[plain + SELECTOR] = tokens
    return table


def _fillers(verb: str, determiners: Iterable[str]) -> tuple[str, ...]:
    """What may sit between a verb and its object in a generated phrase: nothing (a one-word
    verb has its own gap, and one ending in "..." reaches across any words) or, after a verb of
    more than one word, one determiner ("leapt onto the sill", "ran into her house")."""
    spaced = " " in verb and not verb.endswith(WILD)
    return ("", *(f"{det} " for det in determiners)) if spaced else ("",)


def _species_with(vocabulary: Vocabulary, signal_id: str) -> tuple[tuple[str, str], ...]:
    """(species, signal) for every species that has the signal."""
    return tuple(
        (species, signal_id)
        for species, signals in sorted(vocabulary.signals.items())
        if signal_id in signals
    )


def _parts(text: str, irregular: Mapping[str, str], exact: bool = False) -> tuple[str, ...]:
    parts: list[str] = []
    for chunk in text.split():
        if chunk == WILD:
            parts.append(WILD)
        elif chunk.startswith("=") or exact:
            parts.extend("=" + word for word in split_words(chunk.lstrip("=")))
        else:
            parts.extend(stem(word, irregular) for word in split_words(chunk))
    return tuple(parts)


def _compile(rules: NotesFile, vocabulary: Vocabulary, signals_file: Path) -> Lexicon:
    # A synonym is read as the word it stands for, like an irregular form ("gob": mouth).
    irregular = {**rules.synonyms, **rules.irregular}

    def stem_of(word: str) -> str:
        return stem(word, irregular)

    phrases: dict[tuple[str, ...], tuple[Entry, str]] = {}
    signal_senses: dict[tuple[str, ...], dict[str, str]] = {}
    first_text: dict[tuple[str, str, tuple[str, ...]], str] = {}
    words: set[str] = set()
    signal_words: set[str] = set()

    def remember(text: str, exact: bool = False) -> tuple[str, ...]:
        parts = _parts(text, irregular, exact)
        if not parts or parts[0] == WILD or parts[-1] == WILD:
            raise DataFileError(str(signals_file), "", f"phrase '{text}' has no words to match")
        words.update(split_words(text.replace(WILD, " ").replace("=", " ")))
        return parts

    for species, signals in vocabulary.signals.items():
        for signal_id, signal in signals.items():
            if len(signal.phrases) < 2:
                raise DataFileError(
                    str(signals_file),
                    f"{species}.{signal_id}.phrases",
                    "give at least two phrases owners use for this signal",
                )
            for index, text in enumerate(signal.phrases):
                parts = remember(text)
                signal_words.update(split_words(text.replace(WILD, " ").replace("=", " ")))
                senses = signal_senses.setdefault(parts, {})
                if species in senses and senses[species] != signal_id:
                    earlier = first_text[(species, senses[species], parts)]
                    raise DataFileError(
                        str(signals_file),
                        f"{species}.{signal_id}.phrases[{index}]",
                        f"'{text}' reads the same as '{earlier}' of {species}.{senses[species]}; "
                        "a phrase can mean one signal per species",
                    )
                senses[species] = signal_id
                first_text.setdefault((species, signal_id, parts), text)
    # A longer phrase says nothing of a species its start (its first word, or a shorter phrase
    # it opens with) has a reading for: there it keeps that reading, the longest start's first
    # ("scratching on the net" is a cat's scratching; "a scratch on" a rat's wound; "curled up
    # asleep", a rat's sleep, is a cat's "curled up").
    # (shortest first, so each start has its own inherited readings before it passes them on)
    for parts, senses in sorted(signal_senses.items(), key=lambda item: len(item[0])):
        for length in range(len(parts) - 1, 0, -1):
            head = signal_senses.get(parts[:length])
            if head is not None:
                for head_species, head_signal in head.items():
                    senses.setdefault(head_species, head_signal)
    for parts, senses in signal_senses.items():
        phrases[parts] = (Entry("signal", tuple(sorted(senses.items()))), " ".join(parts))

    def add(texts: Iterable[str], entry: Entry, exact: bool = False) -> None:
        for text in texts:
            # Words that name animals match as written: "rats" must not read as "rat".
            parts = remember(text, exact)
            # Reading rules come second: a signal phrase keeps its meaning.
            phrases.setdefault(parts, (entry, text))

    negation = rules.negation
    add(rules.not_signals, Entry("block"))
    # Only when no animal, pronoun or body part follows: "got a bite of apple", not "got a bite
    # of Ziggy's ear"; "the top bit of the cage", not "jumped to the top bit Max".
    add(rules.not_signals_alone, Entry("block", key=ALONE))
    # A wound word that swears is no wound before what it is said of: "bleedin' lovely". The
    # word said of is matched as written: "cute" stems to "cut", and "a bleeding cut" is a wound.
    sworn_of = rules.swear_targets
    add((f"{swear} ={word}" for swear in rules.swears for word in sworn_of), Entry("block"))
    add(
        (f"{s} {w}" for s in rules.adjective_swears for w in rules.adjective_swear_targets),
        Entry("block"),
    )
    # A feeling is sworn at only after a linking verb: "was bleedin' terrified", but "Pip
    # bleeding terrified under the sofa" is a wound.
    add(
        (
            f"{link} {swear} {word}"
            for link in rules.swear_links
            for swear in rules.swears
            for word in rules.swear_feelings
        ),
        Entry("block"),
    )
    # An injury word and a body part, in either order within a clause, are the victim's wound
    # for every species that has one: "a graze on his nose", "his ear got ripped".
    hurt = Entry("signal", tuple(sorted(rules.passive_victim.items())))
    attack_verbs = set(rules.injuries.verbs)
    for injury in (*rules.injuries.words, *rules.injuries.marks):
        for part in rules.injuries.body_parts:
            if injury in attack_verbs:
                # "a bite on his back", "tail bite", but "Mantou bite his back" is the bite
                add((f"{part} {injury}",), hurt)
                leads = (*rules.articles, *rules.injuries.sizes)
                add((f"{lead} {injury} {part}" for lead in leads), hurt)
                # a noun takes a preposition, the verb its object: "bite to the tail", but
                # "bite him on the back" is the verb (no word between them)
                add(
                    (
                        f"{injury} {prep} {det}{part}"
                        for prep in rules.injuries.verb_preps
                        for det in ("", *(f"{d} " for d in (*rules.articles, *rules.possessives)))
                    ),
                    replace(hurt, key=TIGHT),
                )
            else:
                add((f"{injury} {part}", f"{part} {injury}"), hurt)
    # A size before an injury noun is a wound on its own: "a tiny nick near the tip".
    for size in rules.injuries.sizes:
        add((f"{size} {noun}" for noun in rules.injuries.nouns), hurt)
    harmless = rules.harmless
    # A meal verb before a food is that meal ("had her banana", "chomped on a snap pea"), for
    # each species with the signal; it comes before the harmless rules, which it outranks.
    if harmless is not None:
        for signal_id, verbs in rules.meals.items():
            eats = Entry("signal", _species_with(vocabulary, signal_id))
            for verb in verbs:
                fillers = _fillers(verb, (*harmless.determiners, *rules.possessives))
                add((f"{verb} {f}{food}" for food in harmless.food for f in fillers), eats)
    shelters = rules.shelters
    if shelters is not None:
        hides = Entry("signal", _species_with(vocabulary, shelters.signal))
        for verb in shelters.verbs:
            fillers = _fillers(verb, (*rules.determiners, *rules.possessives))
            add((f"{verb} {f}{place}" for place in shelters.places for f in fillers), hides)
    # A bite at food, a leap onto a perch or a pounce on prey is no attack: "not a signal".
    if harmless is not None:
        # After a verb of more than one word, a determiner (and, before food, a possessive:
        # "tore into his dinner") may sit before the object.
        for verb, aims, dets in (
            *(
                (
                    bite,
                    (*harmless.food, *harmless.prey),
                    (*harmless.determiners, *rules.possessives),
                )
                for bite in harmless.bites
            ),
            *(
                (leap, (*harmless.perches, *harmless.prey), harmless.determiners)
                for leap in harmless.leaps
            ),
        ):
            fillers = _fillers(verb, dets)
            add((f"{verb} {filler}{aim}" for aim in aims for filler in fillers), Entry("block"))
    # A verb that is an attack only when an animal of the cast is its object ("tried to get
    # Pip", not "got out"): read as a signal, kept only when so aimed (`attribution`).
    for species, by_signal in rules.aims.items():
        for signal_id, texts in by_signal.items():
            add(texts, Entry("signal", ((species, signal_id),), key=AIMED))
    # A verb that says a cat took hold of an animal, not how ("got Pip", "carried her off"):
    # read as the bite it may have been, only when an animal of the cast is its object.
    for species, by_signal in rules.captures.items():
        for signal_id, texts in by_signal.items():
            add(texts, Entry("signal", ((species, signal_id),), key=CAPTURED))
    # A verb of striking that is a blow only at an animal of the cast ("struck Dunlin", not
    # "striking the door" as a leap lands): one entry per verb, with each species' sense
    # ("seized": a cat's bite and a rat's).
    struck: dict[str, list[tuple[str, str]]] = {}
    for species, by_signal in rules.strikes.items():
        for signal_id, texts in by_signal.items():
            for text in texts:
                struck.setdefault(text, []).append((species, signal_id))
    for text, struck_senses in struck.items():
        add((text,), Entry("signal", tuple(struck_senses), key=STRUCK))
    for agent, texts in rules.passive.items():
        for text in texts:
            phrases[remember(text)] = (Entry("passive", (("", agent),)), text)
    # Closed words, matched as written: "noted" is not "not".
    add(negation.cues, Entry("cue"), exact=True)
    add(negation.hypothetical, Entry("hypo"), exact=True)
    # Time words are no typo targets: "mooth" is "mouth", not "month".
    known = set(words)
    add(negation.earlier, Entry("hypo", key=EARLIER), exact=True)
    add(negation.healed, Entry("cue", key=HEALED), exact=True)
    times = words - known
    add(negation.uncertain, Entry("hedge"), exact=True)
    add(negation.attempts, Entry("attempt"), exact=True)
    add(rules.repeats, Entry("repeat"), exact=True)
    for species, numbered in rules.species_words.items():
        add(numbered.singular, Entry("species", key=species), exact=True)
        add(numbered.plural, Entry("species", key=species, plural=True), exact=True)
    # a key no cast's species has: such a word names an outsider
    add(rules.other_species.singular, Entry("species", key=OTHER_SPECIES), exact=True)
    add(rules.other_species.plural, Entry("species", key=OTHER_SPECIES, plural=True), exact=True)
    if rules.numbering:
        others = Entry("species", key=OTHER_THAN + rules.numbering.species)
        add(rules.numbering.others, others, exact=True)
    for sex, numbered in rules.sex_words.items():
        add(numbered.singular, Entry("sex", key=sex), exact=True)
        add(numbered.plural, Entry("sex", key=sex, plural=True), exact=True)
    add(rules.group_words, Entry("group", plural=True), exact=True)
    add(rules.pair_words, Entry("group", key=PAIR, plural=True), exact=True)
    add(rules.recap_words, Entry("group", key=RECAP, plural=True), exact=True)
    for key, texts in rules.some_words.items():
        add(texts, Entry("some", key=key), exact=True)
    for program, roles in rules.role_words.items():
        for role, numbered in roles.items():
            add(numbered.singular, Entry("role", key=f"{program}:{role}"), exact=True)
            add(numbered.plural, Entry("role", key=f"{program}:{role}", plural=True), exact=True)
    pronouns = rules.pronouns
    for key, texts in (
        ("male", pronouns.male),
        ("female", pronouns.female),
        ("neuter", pronouns.neuter),
        ("plural", pronouns.plural),
        ("relative", pronouns.relative),
    ):
        add(texts, Entry("pronoun", key=key, plural=key == "plural"), exact=True)
    add(rules.person_words, Entry("person"), exact=True)
    add(rules.things, Entry("object"), exact=True)

    by_first: dict[str, list[Phrase]] = {}
    # Each part and each set of needed parts is one object, so the cache stores it once.
    one_part: dict[str, str] = {}
    one_need: dict[frozenset[str], frozenset[str]] = {}
    for written, (entry, text) in phrases.items():
        parts = tuple(one_part.setdefault(part, part) for part in written)
        count = sum(1 for part in parts if part != WILD)
        need = frozenset(part for part in parts[1:] if part != WILD)
        need = one_need.setdefault(need, need)
        by_first.setdefault(parts[0], []).append(Phrase(parts, count, entry, text, need))
    ordered = {
        first: tuple(sorted(items, key=lambda p: (-p.words, p.entry.kind != "block", p.text)))
        for first, items in by_first.items()
    }

    plain = [
        *negation.scope_ends,
        *negation.present,
        *negation.list_joiners,
        *rules.subject_openers,
        *rules.determiners,
        *rules.prepositions,
        *rules.auxiliaries,
        *negation.after,
    ]
    words.update(word for text in plain for word in split_words(text))
    surface: dict[str, str] = {}
    for word in sorted(words):
        surface[word] = stem_of(word)
    # Misspellings are looked for among the inflections of signal words only, and only of
    # base forms: "hised" must not be a form of "his", nor "hisseded" one of "hissed".
    function_words = {w for text in plain for w in split_words(text)}
    for word in sorted(signal_words - function_words):
        if len(word) >= 4 and stem_of(word) in {word, word[:-1]}:
            for form in sorted(inflections(word)):
                surface.setdefault(form, stem_of(word))
    lemmas = frozenset(surface.values())
    protected = frozenset(normalise(word) for word in rules.protected_words)
    targets: dict[str, list[str]] = {}
    for form in sorted(surface):
        if len(form) >= 5 and form not in times:
            targets.setdefault(form[0], []).append(form)
    sound_spellings = tuple((a, b) for a, b in rules.sound_spellings)
    heard: dict[str, set[str]] = {}
    for forms in targets.values():
        for form in forms:
            heard.setdefault(spelled_sound(form, sound_spellings), set()).add(form)
    # Forms that sound alike name one word only if they are inflections of one lemma.
    sounds = {
        key: min(forms)
        for key, forms in heard.items()
        if len({surface[form] for form in forms}) == 1
    }
    classes: dict[str, dict[str, str]] = {
        species: {name: signal.class_ for name, signal in signals.items()}
        for species, signals in vocabulary.signals.items()
    }
    species_signals = {species: frozenset(signals) for species, signals in classes.items()}
    prey_words = frozenset(
        normalise(text)
        for text in (rules.harmless.prey if rules.harmless else ())
        if " " not in text
    )
    captures = {
        tuple(part.lstrip("=") for part in _parts(text, irregular)): {str(species): signal}
        for species, by_signal in rules.captures.items()
        for signal, texts in by_signal.items()
        for text in texts
    }
    return Lexicon(
        by_first=PhraseTable.of(ordered),
        signal_starts=frozenset(
            first
            for first, found in ordered.items()
            if any(phrase.entry.kind == "signal" for phrase in found)
        ),
        agent_senses={
            signal: _agent_senses(species_signals, rules.agent_fallback.get(signal), signal)
            for found in ordered.values()
            for phrase in found
            if phrase.entry.kind == "passive"
            for _, signal in phrase.entry.senses
        },
        surface=surface,
        lemmas=lemmas,
        protected=protected,
        fuzzy_targets={letter: tuple(forms) for letter, forms in targets.items()},
        after_negation=tuple(negation.after),
        answer_labels=tuple(negation.answer_labels),
        given=frozenset(normalise(w) for w in negation.given),
        asking=frozenset(normalise(w) for w in negation.asking),
        expectations=frozenset(
            tuple(normalise(word) for word in split_words(text)) for text in negation.expectations
        ),
        scope_ends=frozenset(stem_of(w) for w in negation.scope_ends),
        present=frozenset(stem_of(w) for w in negation.present),
        then_words=frozenset(normalise(w) for w in negation.then_words),
        days=frozenset(normalise(w) for w in negation.days),
        contrasts=frozenset(normalise(w) for w in negation.contrasts),
        disbelief=frozenset(normalise(w) for w in negation.disbelief),
        disbelief_markers=_word_pattern(negation.disbelief_markers),
        futures=_word_pattern(negation.futures),
        told_now=_word_pattern(negation.told_now),
        disbelief_denials=_word_pattern(negation.disbelief_denials),
        apposition_marks=frozenset(negation.apposition_marks),
        list_joiners=frozenset(stem_of(w) for w in negation.list_joiners),
        subject_openers=frozenset(stem_of(w) for w in rules.subject_openers),
        determiners=frozenset(stem_of(w) for w in rules.determiners),
        prepositions=frozenset(stem_of(w) for w in rules.prepositions),
        auxiliaries=frozenset(stem_of(normalise(w)) for w in rules.auxiliaries),
        passive_wounds=frozenset(rules.passive_wounds),
        victim_signals=frozenset(rules.victim_signals),
        reciprocal=frozenset(rules.reciprocal),
        shared_places=frozenset(normalise(w) for w in rules.shared_places),
        together=frozenset(tuple(split_words(text)) for text in rules.together),
        object_senses={s: dict(v) for s, v in rules.object_senses.items()},
        program_senses={
            p: {s: dict(m) for s, m in v.items()} for p, v in rules.program_senses.items()
        },
        classes=classes,
        species_signals=species_signals,
        irregular=irregular,
        synonyms={normalise(word): means for word, means in rules.synonyms.items()},
        clause_joiners=frozenset(rules.clause_joiners),
        noun_synonyms={normalise(k): v for k, v in rules.noun_synonyms.items()},
        placed=(
            frozenset(rules.placed.signals),
            _placing(rules.placed.subjects, rules.placed.verbs),
        ),
        inattention=InattentionWords(
            rules.inattention.heed,
            acts=frozenset(rules.inattention.acts),
            towards=frozenset(normalise(w) for w in rules.inattention.towards),
        ),
        postures=(
            tuple(w.lower() for w in rules.postures.words),
            frozenset(rules.postures.rests),
            frozenset(rules.postures.aims),
        ),
        attributes=(
            {normalise(k): v for k, v in rules.attributes.words.items()},
            frozenset(normalise(w) for w in rules.attributes.objects),
            {normalise(k): v for k, v in rules.attributes.verbs.items()},
        ),
        noun_frames=(
            frozenset(normalise(w) for w in rules.noun_frames.before),
            frozenset(normalise(w) for w in rules.noun_frames.after),
        ),
        noun_followers=frozenset(
            normalise(w)
            for w in (*rules.prepositions, *rules.clause_joiners, *rules.negation.scope_ends)
        ),
        subject_case=frozenset(normalise(w) for w in rules.pronoun_case.subject),
        object_case=frozenset(normalise(w) for w in rules.pronoun_case.object),
        subordinators=frozenset(rules.subordinators),
        list_words=frozenset(rules.list_words),
        list_marks=frozenset(rules.list_marks),
        agent_words=frozenset(rules.agent_words),
        away_words=frozenset(rules.away_words),
        perception=frozenset(rules.perception),
        agent_exact=frozenset("=" + normalise(word) for word in rules.agent_words),
        pair_joiners=frozenset(rules.pair_joiners),
        floating_group=frozenset(rules.floating_group),
        bite_signals=frozenset(rules.bite_signals),
        person_harms=frozenset(rules.bite_signals)
        | {
            signal
            for by_kind in rules.object_senses.values()
            for signal, sense in by_kind.get("person", {}).items()
            if sense is None
        },
        passive_victim={str(k): v for k, v in rules.passive_victim.items()},
        thing_words=frozenset(normalise(w) for w in rules.things if " " not in w),
        plays=frozenset(stem_of(w) for w in (rules.harmless.plays if rules.harmless else ())),
        prey_words=prey_words,
        prey_exact=frozenset("=" + word for word in prey_words),
        held_words=prey_words
        | frozenset(
            normalise(text)
            for text in (rules.harmless.food if rules.harmless else ())
            if " " not in text
        ),
        perfect_have=frozenset(normalise(w) for w in rules.perfect.have)
        if rules.perfect
        else frozenset(),
        perfect_passive=frozenset(normalise(w) for w in rules.perfect.passive)
        if rules.perfect
        else frozenset(),
        agent_fallback=dict(rules.agent_fallback),
        roles_by_arrival=frozenset(rules.programs.roles_by_arrival),
        owner_on_receiving_end=frozenset(rules.programs.owner_on_receiving_end),
        possessives=frozenset(rules.possessives),
        not_initials=frozenset(rules.not_initials),
        diminutives=tuple(normalise(w) for w in rules.diminutives),
        section_labels=frozenset(normalise(w) for w in rules.section_labels),
        abbreviations=frozenset(w.lower() for w in rules.abbreviations),
        form_labels=frozenset(normalise(w) for w in rules.form_labels),
        participle_endings=tuple(normalise(w) for w in rules.participle_endings),
        treatments=frozenset(w.lower() for w in rules.treatments),
        leap_paws=(
            (
                rules.leap_paws.leap,
                rules.leap_paws.strike,
                frozenset(w.lower() for w in rules.leap_paws.words),
                frozenset(normalise(w) for w in rules.leap_paws.verbs),
            )
            if rules.leap_paws
            else ("", "", frozenset(), frozenset())
        ),
        rush_strikes=RushStrikeWords(
            rules.rush_strikes.leap,
            rules.rush_strikes.strike,
            frozenset(normalise(w) for w in rules.rush_strikes.words),
            frozenset(normalise(w) for w in rules.rush_strikes.targets),
            frozenset(normalise(w) for w in rules.rush_strikes.between),
            frozenset(normalise(w) for w in rules.rush_strikes.verbs),
            frozenset(normalise(w) for w in rules.rush_strikes.parts),
            rules.rush_strikes.reach,
        )
        if rules.rush_strikes
        else None,
        soft_parts=frozenset(
            stem_of(normalise(w)) for w in (rules.soft_strikes.parts if rules.soft_strikes else ())
        ),
        soft_words=_word_pattern(rules.soft_strikes.words if rules.soft_strikes else ()),
        doer_passives=frozenset(normalise(w) for w in rules.doer_passives),
        scratchers=frozenset(stem_of(normalise(w)) for w in rules.scratchers),
        weapons=frozenset(stem_of(normalise(w)) for w in rules.weapons),
        key_marks=frozenset(
            w.lower() for w in (rules.numbering.key_marks if rules.numbering else ())
        ),
        numbering=(
            (rules.numbering.species, tuple(normalise(w) for w in rules.numbering.words))
            if rules.numbering
            else ("", ())
        ),
        spelling_swaps=tuple(pair for a, b in rules.spelling_swaps for pair in ((a, b), (b, a))),
        path_words=frozenset(rules.path_words),
        comparisons=frozenset(rules.comparisons),
        exceptions=frozenset(rules.exceptions),
        lively=frozenset(rules.lively),
        way_words=frozenset(rules.way_words),
        reach_words=frozenset(rules.reach_words),
        articles=frozenset(rules.articles),
        word_determiners=frozenset(normalise(w) for w in rules.word_determiners),
        form_answers=frozenset(rules.form_answers),
        persistent=dict(rules.persistent),
        reached_through=dict(rules.reached_through),
        thing_motions=(
            ThingMotionWords(
                frozenset(rules.thing_motions.signals),
                frozenset(normalise(w) for w in rules.thing_motions.things),
                frozenset(rules.thing_motions.whole),
            )
            if rules.thing_motions
            else None
        ),
        persistence=tuple(tuple(normalise(w) for w in p.split()) for p in rules.persistence),
        explanations=tuple(tuple(w.split()) for w in rules.explanations),
        relatives=frozenset(normalise(w) for w in rules.relatives),
        set_apart=(
            frozenset(normalise(w) for w in rules.set_apart.before)
            if rules.set_apart
            else frozenset(),
            frozenset(normalise(w) for w in rules.set_apart.after)
            if rules.set_apart
            else frozenset(),
        ),
        others_pets=OthersPetsWords(
            *(
                (
                    frozenset(
                        tuple(normalise(w) for w in owner.split())
                        for owner in rules.others_pets.owners
                    ),
                    frozenset(normalise(w) for w in rules.others_pets.households),
                    frozenset(normalise(w) for w in rules.others_pets.standalone),
                    frozenset(normalise(w) for w in rules.others_pets.reports),
                    frozenset(
                        tuple(normalise(w) for w in echo.split())
                        for echo in rules.others_pets.echoes
                    ),
                    frozenset(normalise(w) for w in rules.others_pets.bare_owners),
                )
                if rules.others_pets
                else (frozenset(),) * 6
            )
        ),
        part_owners=frozenset(normalise(w) for w in rules.part_owners),
        harm_signals=frozenset(rules.harm_signals),
        wounding={str(k): dict(v) for k, v in rules.wounding.items()},
        seizing=frozenset(_parts(text, irregular) for text in rules.seizing),
        body_parts=frozenset(stem_of(normalise(w)) for w in rules.injuries.body_parts),
        marks=tuple(w.lower() for w in rules.injuries.marks),
        mark_causes=_word_pattern(rules.injuries.mark_causes),
        animal_objects=frozenset(
            normalise(w)
            for w in (*rules.pronouns.male, *rules.pronouns.female, *rules.pronouns.plural)
        ),
        person_parts=frozenset(stem_of(normalise(w)) for w in rules.injuries.person_parts),
        injury_nouns=frozenset(normalise(w.lstrip("=")) for w in rules.injuries.nouns),
        owner_parts=frozenset(
            stem_of(normalise(w))
            for w in (
                *rules.injuries.owner_parts,
                *rules.injuries.person_parts,
                *rules.injuries.body_parts,
            )
        ),
        animal_parts=frozenset(stem_of(normalise(w)) for w in rules.injuries.animal_parts),
        damage=frozenset(normalise(w) for w in rules.injuries.damage),
        bleeding=frozenset(normalise(w) for w in rules.injuries.bleeding),
        shed=frozenset(normalise(w) for w in rules.injuries.shed),
        fictions=frozenset(normalise(w) for w in rules.injuries.fictions),
        findings=frozenset(
            normalise(w)
            for w in (
                *rules.injuries.findings,
                *rules.perception,
                *(rules.others_pets.reports if rules.others_pets else ()),
            )
        ),
        part_of=_wholes(rules.part_of),
        part_of_shared=_wholes(rules.part_of_shared),
        told_bites=frozenset(normalise(w) for w in rules.told_bites),
        play_fights=dict(rules.play_fights),
        grooming_signals=frozenset(rules.grooming_signals),
        grooming_tools=frozenset(normalise(w) for w in rules.grooming_tools),
        groomed_still=(
            GroomedStillWords(
                rules.groomed_still.signal,
                frozenset(
                    tuple(normalise(w) for w in split_words(text))
                    for text in rules.groomed_still.still
                ),
                frozenset(normalise(w) for w in rules.groomed_still.own),
            )
            if rules.groomed_still
            else None
        ),
        released_bites=(
            ReleasedBiteWords(
                rules.released_bites.species,
                rules.released_bites.bite,
                rules.released_bites.nip,
                tuple(tuple(split_words(text)) for text in rules.released_bites.releases),
                tuple(tuple(split_words(text)) for text in rules.released_bites.refusals),
            )
            if rules.released_bites
            else None
        ),
        body_leaps=(
            BodyLeapWords(
                rules.body_leaps.signal,
                rules.body_leaps.leap,
                frozenset(normalise(w) for w in rules.body_leaps.verbs),
                frozenset(normalise(w) for w in rules.body_leaps.signs),
                frozenset(
                    tuple(normalise(w) for w in split_words(text))
                    for text in rules.body_leaps.paws_first
                ),
            )
            if rules.body_leaps
            else None
        ),
        fight_heard=(
            FightHeardWords(
                rules.fight_heard.signal,
                noises=frozenset(normalise(w) for w in rules.fight_heard.noises),
                fights=frozenset(normalise(w) for w in rules.fight_heard.fights),
                places=frozenset(
                    tuple(normalise(w) for w in place.split()) for place in rules.fight_heard.places
                ),
                sources=frozenset(normalise(w) for w in rules.fight_heard.sources),
                explained=frozenset(normalise(w) for w in rules.fight_heard.explained),
                woken=frozenset(normalise(w) for w in rules.fight_heard.woken),
            )
            if rules.fight_heard
            else None
        ),
        fight_looks=(
            (
                rules.fight_looks.signal,
                rules.fight_looks.sound,
                frozenset(normalise(w) for w in rules.fight_looks.motions),
                frozenset(normalise(w) for w in rules.fight_looks.noises),
            )
            if rules.fight_looks
            else None
        ),
        sound_spellings=sound_spellings,
        scan_digits={
            digit: tuple(b for a, b in rules.scan_misreads if a == digit)
            for digit in dict.fromkeys(a for a, _ in rules.scan_misreads if a.isdigit())
        },
        scan_letters=tuple((a, b) for a, b in rules.scan_misreads if not a.isdigit()),
        scan_units=frozenset(normalise(w) for w in rules.scan_units),
        elisions={normalise(k): v for k, v in rules.elisions.items()},
        name_contractions=dict(rules.name_contractions),
        dropped_endings={normalise(k): v for k, v in rules.dropped_endings.items()},
        corrections=tuple(
            tuple(normalise(w) for w in c.split())
            for c in (rules.corrections.leads if rules.corrections else ())
        ),
        correction_openers=frozenset(
            normalise(w) for w in (rules.corrections.openers if rules.corrections else ())
        ),
        correction_denials=frozenset(
            normalise(w) for w in (rules.corrections.denials if rules.corrections else ())
        ),
        sounds=sounds,
        shorthand=_shorthand(rules.shorthand),
        retractions=cue_pattern(tuple(rules.retractions.strong), tuple(rules.retractions.weak)),
        retraction_keys=cue_keys(tuple(rules.retractions.strong)),
        retraction_lead=frozenset(normalise(word) for word in rules.retractions.lead),
        one_sided={
            signal: frozenset(_parts(text, irregular) for text in phrases)
            for signal, phrases in rules.one_sided.items()
        },
        captures=captures,
        capture_starts=frozenset(words[0] for words in captures),
        capture_means=frozenset(rules.capture_means),
        capture_signals={
            str(species): signal
            for species, by_signal in rules.captures.items()
            for signal in by_signal
        },
    )


def _agent_senses(
    species_signals: Mapping[str, frozenset[str]], fallback: str | None, signal: str
) -> dict[str, str]:
    """The doer's reading of a passive phrase by species: a cat's nip is a bite."""
    found = {}
    for species, names in species_signals.items():
        if signal in names:
            found[species] = signal
        elif fallback is not None and fallback in names:
            found[species] = fallback
    return found


def _word_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding any of `phrases` in lower-cased text: words whole, signs anywhere."""
    phrases = tuple(phrases)
    if not phrases:
        return re.compile(r"(?!)")
    parts = (
        rf"(?<!\w){re.escape(p.lower())}(?!\w)" if p[:1].isalnum() else re.escape(p)
        for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile("|".join(parts))


def _placing(subjects: Iterable[str], verbs: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding the owner as the subject of a verb of putting ("i held", "we put")."""
    subjects, verbs = tuple(subjects), tuple(verbs)
    if not subjects or not verbs:
        return re.compile(r"(?!)")
    who = "|".join(re.escape(w.lower()) for w in sorted(subjects, key=len, reverse=True))
    did = "|".join(re.escape(w.lower()) for w in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{who})\s+(?:\w+\s+)?(?:{did})(?!\w)")
