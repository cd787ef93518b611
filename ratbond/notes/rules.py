"""The shape of data/notes.yaml, validated with pydantic when the lexicon is compiled."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from annotated_types import Len
from pydantic import StringConstraints

from ratbond.model import Species

Word = Annotated[str, Len(min_length=1)]
OneWord = Annotated[str, StringConstraints(pattern=r"^\S+$")]
"""A single word: what a word written short stands for is read as one token."""
_STRICT: dict[str, Any] = {"extra": "forbid", "use_attribute_docstrings": True}


@dataclass(frozen=True)
class Negation:
    """Words that deny or suspend a signal, and the words that end their reach."""

    __pydantic_config__ = _STRICT

    cues: tuple[Word, ...]
    hypothetical: tuple[Word, ...]
    uncertain: tuple[Word, ...]
    attempts: tuple[Word, ...]
    after: tuple[Word, ...]
    scope_ends: tuple[Word, ...]
    list_joiners: tuple[Word, ...]
    given: tuple[Word, ...] = ()
    """Words that, in a question, open a clause told as given ("did Pip bleed when Tom bit
    him? no"): an answer denies what the question asks, not the act after one of these."""
    asking: tuple[Word, ...] = ()
    """Verbs that open what a question asks ("did", "has"): a word of `given` before one is
    no given clause of the act after it."""
    answer_labels: tuple[str, ...] = ()
    """Labels that open an answer in a transcript ("Q. Blood? A. None."): a denial after one
    answers the question before it as a bare one does."""
    expectations: tuple[Word, ...] = ()
    earlier: tuple[Word, ...] = ()
    healed: tuple[Word, ...] = ()
    present: tuple[Word, ...] = ()
    then_words: tuple[Word, ...] = ()
    """Words that open a clause telling what happened at the time named right before them, when
    this session is set against it ("unlike 2nd Nov when ...", "than Sunday when ...")."""
    days: tuple[Word, ...] = ()
    """Names of days and months: a time named so, with a `then_words` clause after it, is past."""
    contrasts: tuple[Word, ...] = ()
    """Words that set a day against this session ("than Sunday", "unlike Monday"): sameness
    words ("as", "like") do not."""
    apposition_marks: tuple[str, ...] = ()
    """Words after a wound in its clause that say it is gone ("has healed over")."""
    """Words that place what follows in an earlier session ("last week"): not this one's."""
    disbelief: tuple[Word, ...] = ()
    """Cues that, opening a sentence before an animal and its act in -ing, say it happened
    ("not Tom charging the gate 😭"): no denial."""
    futures: tuple[str, ...] = ()
    """Words of a time to come or a condition: a hedge over a clause with one reports no act
    ("dunno if she'll bite next time")."""
    told_now: tuple[str, ...] = ()
    """Words in the brackets after a reference to an earlier record that date them now."""
    disbelief_markers: tuple[str, ...] = ()
    """What a sentence of disbelief holds (an emoji, "omg", "again")."""
    disbelief_denials: tuple[str, ...] = ()
    """What makes such a sentence a denial after all ("this time", "for once", praise)."""


@dataclass(frozen=True)
class Attributes:
    """Words read as a size only before a noun ("a lil cut"), not before a verb and its object
    ("Lil cut Pip's nails": a person)."""

    __pydantic_config__ = _STRICT

    words: dict[str, Word] = field(default_factory=dict)
    objects: tuple[Word, ...] = ()
    """Words that, after the next word, make it a verb with its object ("the", "her")."""
    verbs: dict[str, Word] = field(default_factory=dict)
    """Verbs read as the word they stand for only with no object right after them ("pipped":
    squeaked; "pipped Max to the treat" beat him to it)."""


@dataclass(frozen=True)
class Placed:
    """A signal of a rat's own choosing is none after the owner put it there ("I held Pip on
    my lap")."""

    __pydantic_config__ = _STRICT

    signals: tuple[str, ...] = ()
    subjects: tuple[Word, ...] = ()
    verbs: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Inattention:
    """A cat's act of harm at no animal and no thing is none in a sentence where the same cat is
    told to pay the rats no heed ("pounced on it twenty times, never looked at the cage")."""

    __pydantic_config__ = _STRICT

    heed: str = ""
    """The signal that tells of no heed (`ignoring`); it counts only when its clause names a
    rat of the cast or a thing of `things` after it."""
    acts: tuple[str, ...] = ()
    """The cat's signals of harm or aim it undoes."""
    towards: tuple[Word, ...] = ()
    """Words that aim the heed at what follows them ("looked at", "care about", "notice of"):
    the rat or thing must follow the heed itself or one of these, determiners between."""


@dataclass(frozen=True)
class Postures:
    """A posture told alone ("low on the floor") is no signal beside a rest of the same animal
    ("fast asleep"), unless an aim is there too."""

    __pydantic_config__ = _STRICT

    words: tuple[Word, ...] = ()
    """The first words of such a posture's phrase."""
    rests: tuple[str, ...] = ()
    """Signals of rest that undo it."""
    aims: tuple[str, ...] = ()
    """Signals of aim, told by other words, that keep it."""


@dataclass(frozen=True)
class NounFrames:
    """The words around a slang noun that make it the noun ("there was blud", "blud on his
    tail"): elsewhere it is a word of address ("Nah blud, ...")."""

    __pydantic_config__ = _STRICT

    before: tuple[Word, ...] = ()
    after: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Corrections:
    """A later line naming who really did it ("that was Pickle", "it was Burrito not Nacho"):
    the earlier signals of the one it replaces are that animal's."""

    __pydantic_config__ = _STRICT

    leads: tuple[Word, ...]
    """What opens its clause before the name ("that was", "it was")."""
    openers: tuple[Word, ...] = ()
    """Words that may come before a lead ("actually", "no")."""
    denials: tuple[Word, ...] = ()
    """Words before the animal replaced ("not Nacho")."""


@dataclass(frozen=True)
class Numbered:
    """Words for one animal (singular) and for all of them (plural)."""

    __pydantic_config__ = _STRICT

    singular: tuple[Word, ...] = ()
    plural: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Numbering:
    """A log's numbered words for the animals it studies: before a number or a letter
    ("subject 1", "subject B") one names the animal of `species` in that place in the cast."""

    __pydantic_config__ = _STRICT

    species: Species
    words: tuple[Word, ...] = ()
    others: tuple[Word, ...] = ()
    """The log's word for the one animal it watches beside them ("specimen"): the animals of
    another species, else those of `species`."""
    key_marks: tuple[Word, ...] = ()
    """What joins a number to the name it stands for in the log's own key ("1 = Nibbles")."""


@dataclass(frozen=True)
class Pronouns:
    """Pronouns by what they can refer to."""

    __pydantic_config__ = _STRICT

    male: tuple[Word, ...]
    female: tuple[Word, ...]
    neuter: tuple[Word, ...]
    plural: tuple[Word, ...]
    relative: tuple[Word, ...]


@dataclass(frozen=True)
class PronounCase:
    """Pronouns that are always a subject, and those that never are."""

    __pydantic_config__ = _STRICT

    subject: tuple[Word, ...]
    object: tuple[Word, ...]


@dataclass(frozen=True)
class ProgramRules:
    """Programs some reading rules depend on (by program id)."""

    __pydantic_config__ = _STRICT

    roles_by_arrival: tuple[Word, ...]
    owner_on_receiving_end: tuple[Word, ...]


@dataclass(frozen=True)
class Harmless:
    """A verb of attack aimed at one of these objects is no attack ("bit into a grape",
    "pounced on a fly", "leapt onto the windowsill")."""

    __pydantic_config__ = _STRICT

    bites: tuple[Word, ...]
    """Verbs of biting or grabbing, read with `food`."""
    food: tuple[Word, ...]
    leaps: tuple[Word, ...]
    """Verbs of leaping or pouncing, read with `perches` and `prey`."""
    perches: tuple[Word, ...]
    prey: tuple[Word, ...]
    determiners: tuple[Word, ...] = ()
    """Read between a verb of more than one word and its object ("leapt onto the sill")."""
    plays: tuple[Word, ...] = ()
    """Verbs of play (as lemmas): prey after one is a plaything, and a pounce or swat at "it"
    in its sentence is at the plaything ("played with his ball, pounced on it")."""


@dataclass(frozen=True)
class Injuries:
    """An injury word next to a body part is a wound ("a graze on his nose", "ear got
    ripped")."""

    __pydantic_config__ = _STRICT

    words: tuple[Word, ...]
    body_parts: tuple[Word, ...]
    sizes: tuple[Word, ...] = ()
    """Words of size before an injury noun ("a tiny nick")."""
    nouns: tuple[Word, ...] = ()
    """Injury nouns that, after a size, are a wound wherever they are ("a tiny nick near the
    tip")."""
    person_parts: tuple[Word, ...] = ()
    owner_parts: tuple[Word, ...] = ()
    """Parts a rat has too, by other names: after the owner's word ("my arm") the owner's."""
    animal_parts: tuple[Word, ...] = ()
    """An animal's, never a person's: a wound next to one is an animal's even where the
    owner was bitten ("bit my son, and she hurt the paw in the grid")."""
    damage: tuple[Word, ...] = ()
    """Injury words that may be a thing's damage: one right after a thing is no wound."""
    shed: tuple[Word, ...] = ()
    """Blood itself: after a person's wound in its sentence, no animal of the cast named
    between, it is that person's."""
    bleeding: tuple[Word, ...] = ()
    """Verbs of bleeding: one whose subject, carried on in its sentence, is the owner is the
    owner's ("I broke a glass and bled everywhere")."""
    fictions: tuple[Word, ...] = ()
    """What is watched, read or played: a wound in a sentence naming one and no animal of the
    cast is no one's."""
    findings: tuple[Word, ...] = ()
    """Words of finding or having a wound in the household ("found", "spotted", "we had a
    bit of blood"): the owner so telling it is not its bearer."""
    verbs: tuple[Word, ...] = ()
    """Injury words that are verbs of attack too ("bite"): before a body part one is a wound
    only after an article or a size ("a bite on his back"), as the bare verb of learners after
    its doer is the attack ("Mantou bite his back")."""
    verb_preps: tuple[Word, ...] = ()
    """Prepositions that make one of `verbs` before a body part a noun: "bite to the tail"."""
    marks: tuple[Word, ...] = ()
    """Marks of colour that are a wound beside a body part as `words` are ("a red streak on
    her back")."""
    mark_causes: tuple[Word, ...] = ()
    """Words that explain such a mark away in its sentence ("her markings", "beetroot")."""
    """A person's body parts: a wound on one is a person's ("cut his finger")."""


@dataclass(frozen=True)
class Perfect:
    """Words that make a bare passive participle active ("may have bitten"), and words between
    that keep it passive ("had been bitten")."""

    __pydantic_config__ = _STRICT

    have: tuple[Word, ...]
    passive: tuple[Word, ...]


@dataclass(frozen=True)
class Shelters:
    """Going into a shelter is hiding, not just running off ("ran into her house")."""

    __pydantic_config__ = _STRICT

    signal: str
    verbs: tuple[Word, ...]
    places: tuple[Word, ...]


@dataclass(frozen=True)
class FightLooks:
    """A fight told by its look and sound, not named: animals rolling (`motions`) in a sentence
    where they scream (`noises`, read as `sound`) are fighting (`signal`)."""

    __pydantic_config__ = _STRICT

    signal: str
    sound: str
    motions: tuple[Word, ...]
    noises: tuple[Word, ...]


@dataclass(frozen=True)
class FightHeard:
    """A fight only heard: a sentence where the owner hears (`perception`) one of `noises`
    from the rats, or of `fights` ("a racket from the cage in the night"), before the note tells
    of a wound, in a note that reads no harm, is a fight (`signal`) of no animal in
    particular."""

    __pydantic_config__ = _STRICT

    signal: str
    noises: tuple[Word, ...]
    """Noises that tell of a fight only from the rats (`places`, `sources`)."""
    fights: tuple[Word, ...] = ()
    """Noises that are a fight wherever they are heard ("a right ruck")."""
    places: tuple[Word, ...] = ()
    """Where the rats live: a noise in a sentence naming one is theirs ("a racket in the
    cage")."""
    sources: tuple[Word, ...] = ()
    """Words before a rat of the cast that make it the noise's source ("noise from rats")."""
    explained: tuple[Word, ...] = ()
    """Words that, in the wound's sentence, tell another cause ("a cut from the wheel")."""
    woken: tuple[Word, ...] = ()
    """Words of waking that hear as `perception` does here ("woke up to a racket")."""


@dataclass(frozen=True)
class ThingMotions:
    """Signals a thing may do too (`signals`: "trembling", "the door shook"): right after one of
    `things` opening its clause (past determiners and `whole`, with only `auxiliaries`
    between), in a sentence naming no animal of the cast, the signal is the thing's."""

    __pydantic_config__ = _STRICT

    signals: tuple[str, ...]
    things: tuple[Word, ...]
    """The barrier and the furniture, which no animal is inside ("cage", "door")."""
    whole: tuple[str, ...] = ()
    """Words before such a thing ("the whole cage"), and two-word phrases that stand for one
    ("the whole thing")."""


@dataclass(frozen=True)
class GroomedStill:
    """A rat's grooming in a sentence where another animal of the cast keeps still (`still`,
    named right before those words) is the grooming they share (`signal`), for both, unless
    one of `own` (himself, his own) follows it: "Max held still while Rex groomed his neck"."""

    __pydantic_config__ = _STRICT

    signal: str
    still: tuple[Word, ...]
    own: tuple[Word, ...]


@dataclass(frozen=True)
class BodyLeaps:
    """A leap (one of `verbs`) onto a thing read as `signal` ("jumped on the cage") with no
    paw, claw or top named (`signs`) in its sentence and no other sign of that signal by the
    same animal in its sentence or the one before is the body hitting the barrier (`leap`)."""

    __pydantic_config__ = _STRICT

    signal: str
    leap: str
    verbs: tuple[Word, ...]
    signs: tuple[Word, ...]
    paws_first: tuple[Word, ...] = ()
    """Words that tell the paws led: a `leap` (a rush) at a thing with one of these in its
    sentence is the `signal` ("flew at the carrier with both front paws out")."""


@dataclass(frozen=True)
class ReleasedBites:
    """A bite (`bite`) by an animal of `species`, in a sentence that says it was let go (one of
    `releases`, with none of `refusals` ending right before it or at most two words earlier),
    in a note that tells no wound, is the quick bite let go that the vocabulary calls `nip`."""

    __pydantic_config__ = _STRICT

    species: Species
    bite: str
    nip: str
    releases: tuple[Word, ...]
    refusals: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Retractions:
    """Self-corrections: the cues that take words back, and filler words around a replacement."""

    __pydantic_config__ = _STRICT

    strong: tuple[Word, ...]
    weak: tuple[Word, ...]
    lead: tuple[Word, ...]


@dataclass(frozen=True)
class SetApart:
    """`set_apart`: words before or after a singular species word that keep it from meaning
    the animal named last ("the other rat", "the rat that was eating")."""

    __pydantic_config__ = _STRICT

    before: tuple[Word, ...] = ()
    after: tuple[Word, ...] = ()


@dataclass(frozen=True)
class OthersPets:
    """`others_pets`: people outside the household whose animals are no animal of the cast,
    and the pronouns that stand alone for an animal of theirs."""

    __pydantic_config__ = _STRICT

    owners: tuple[str, ...]
    households: tuple[Word, ...] = ()
    """Words that make an owner after them one of the household ("flat mate")."""
    standalone: tuple[Word, ...] = ()
    reports: tuple[Word, ...] = ()
    """Words of telling: a possessive pronoun is an owner's only after one of these."""
    echoes: tuple[str, ...] = ()
    """Words that say the cast did the same: with one near, the rule reads nothing."""
    bare_owners: tuple[Word, ...] = ()
    """Owners whose animal a learner names with no possessive ending ("neighbour cat")."""


@dataclass(frozen=True)
class SoftStrikes:
    """`soft_strikes`: parts that strike no blow heading a `strikes` verb or after "with", and
    words that soften one in its sentence."""

    __pydantic_config__ = _STRICT

    parts: tuple[Word, ...] = ()
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class RushStrikes:
    """`rush_strikes`: a strike that opens with one of `words` and has one of `targets` as its
    object, with no word of `parts` after it in its sentence, at most `reach` words after one
    of `verbs` (of rushing or leaping) of the same cat, is the `leap` (the body's blow), not the
    `strike`."""

    __pydantic_config__ = _STRICT

    leap: str
    strike: str
    words: tuple[Word, ...]
    targets: tuple[Word, ...]
    between: tuple[Word, ...]
    verbs: tuple[Word, ...]
    parts: tuple[Word, ...]
    reach: int


@dataclass(frozen=True)
class LeapPaws:
    """`leap_paws`: words for both forepaws that, after a verb of leaping in their sentence,
    are the `leap`, not a `strike`."""

    __pydantic_config__ = _STRICT

    leap: str
    strike: str
    words: tuple[Word, ...]
    verbs: tuple[Word, ...]


@dataclass(frozen=True)
class NotesFile:
    """The reading rules of notes.yaml (see docs/notes.md)."""

    __pydantic_config__ = _STRICT

    negation: Negation
    species_words: dict[Species, Numbered]
    sex_words: dict[Literal["male", "female"], Numbered]
    group_words: tuple[Word, ...]
    some_words: dict[str, tuple[Word, ...]]
    role_words: dict[str, dict[str, Numbered]]
    pronouns: Pronouns
    person_words: tuple[Word, ...]
    subject_openers: tuple[Word, ...]
    determiners: tuple[Word, ...]
    prepositions: tuple[Word, ...]
    auxiliaries: tuple[Word, ...]
    not_signals: tuple[Word, ...]
    passive: dict[str, tuple[Word, ...]]
    passive_wounds: tuple[Word, ...]
    victim_signals: tuple[Word, ...]
    reciprocal: tuple[Word, ...]
    object_senses: dict[Species, dict[str, dict[str, str | None]]]
    program_senses: dict[str, dict[Species, dict[str, str]]]
    irregular: dict[str, Word]
    clause_joiners: tuple[Word, ...]
    pronoun_case: PronounCase
    subordinators: tuple[Word, ...]
    list_words: tuple[Word, ...]
    list_marks: tuple[Word, ...]
    agent_words: tuple[Word, ...]
    away_words: tuple[Word, ...]
    """Words before "from" that make what follows a place left, not a doer ("away from")."""
    perception: tuple[Word, ...]
    """Verbs of hearing or seeing: an act after the owner's one is no act of the owner's."""
    pair_joiners: tuple[Word, ...]
    floating_group: tuple[Word, ...]
    bite_signals: tuple[Word, ...]
    passive_victim: dict[Species, str]
    agent_fallback: dict[str, str]
    programs: ProgramRules
    things: tuple[Word, ...]
    possessives: tuple[Word, ...]
    not_initials: tuple[Word, ...]
    spelling_swaps: tuple[tuple[Word, Word], ...]
    path_words: tuple[Word, ...]
    comparisons: tuple[Word, ...]
    exceptions: tuple[Word, ...]
    lively: tuple[str, ...]
    harm_signals: tuple[Word, ...]
    wounding: dict[Species, dict[str, str]]
    injuries: Injuries
    other_species: Numbered = field(default_factory=Numbered)
    """Words for animals of species no program casts (a dog, a fox): never the cast's."""
    seizing: tuple[Word, ...] = ()
    diminutives: tuple[Word, ...] = ()
    swears: tuple[Word, ...] = ()
    """Wound words that also swear ("bloody", "bleeding"): before one of `swear_targets`, no
    wound."""
    swear_targets: tuple[Word, ...] = ()
    """Words a swear is said of that cannot be said of blood or a wound ("lovely", "hell")."""
    swear_feelings: tuple[Word, ...] = ()
    """Feelings a swear is said of after a linking verb only ("was bleedin' terrified")."""
    swear_links: tuple[Word, ...] = ()
    """The linking verbs before a swear and one of `swear_feelings`."""
    adjective_swears: tuple[Word, ...] = ()
    """Swears that are no verb form ("bloody"): before `adjective_swear_targets`, no wound."""
    adjective_swear_targets: tuple[Word, ...] = ()
    not_signals_alone: tuple[Word, ...] = ()
    """Like `not_signals`, only where no animal, pronoun or body part comes right after."""
    """Words a swear is said of ("lovely", "hell"): "bleedin' lovely" is no blood."""
    """Endings that make a pet form of a name ("Churrito" for Churro)."""
    way_words: tuple[Word, ...] = ()
    reach_words: tuple[Word, ...] = ()
    articles: tuple[Word, ...] = ()
    word_determiners: tuple[Word, ...] = ()
    form_answers: tuple[Word, ...] = ()
    persistent: dict[str, str] = field(default_factory=dict)
    reached_through: dict[str, str] = field(default_factory=dict)
    """An act on an animal told with a way word ("through the bars"): the reach it took."""
    thing_motions: ThingMotions | None = None
    persistence: tuple[Word, ...] = ()
    part_owners: tuple[Word, ...] = ()
    """Words between a body part and the animal that owns it ("tenga ni Lumpia")."""
    relatives: tuple[Word, ...] = ()
    """Relative pronouns: prey before one is the object of the clause it opens."""
    set_apart: SetApart | None = None
    """Words that keep a singular species word from meaning the animal named last."""
    others_pets: OthersPets | None = None
    """People outside the household whose animals a word for animals may name."""
    explanations: tuple[Word, ...] = ()
    """Words after a quotation in its sentence that explain it away ("but she means")."""
    """Path words that, ending a phrase, make the thing named after it the way, not the
    target ("put the paw through the bars")."""
    meals: dict[str, tuple[Word, ...]] = field(default_factory=dict)
    """By a signal, verbs that are it before a food of `harmless` ("had her banana")."""
    shelters: Shelters | None = None
    synonyms: dict[str, Word] = field(default_factory=dict)
    noun_synonyms: dict[str, Word] = field(default_factory=dict)
    noun_frames: NounFrames = field(default_factory=lambda: NounFrames())
    attributes: Attributes = field(default_factory=lambda: Attributes())
    postures: Postures = field(default_factory=lambda: Postures())
    inattention: Inattention = field(default_factory=lambda: Inattention())
    placed: Placed = field(default_factory=lambda: Placed())
    """Slang read as a noun only where no other noun follows it ("drew a bit of claret", not
    "the claret cushion")."""
    shorthand: dict[str, str] = field(default_factory=dict)
    section_labels: tuple[Word, ...] = ()
    """Letters that head a clinical note's sections ("O:", "A:")."""
    retractions: Retractions = field(default_factory=lambda: Retractions((), (), ()))
    sound_spellings: tuple[tuple[Word, Word], ...] = ()
    """Letter groups that sound alike ("cks", "x"): a misspelling that sounds like a signal
    word is that word ("brucksing" is "bruxing")."""
    """Signs written for words, each read as the words (or marks) given: "🩸" blood, "w/" with."""
    """Slang for a word the phrases use, read as that word ("gob": mouth)."""
    aims: dict[Species, dict[str, tuple[Word, ...]]] = field(default_factory=dict)
    captures: dict[Species, dict[str, tuple[Word, ...]]] = field(default_factory=dict)
    """By species and signal, verbs that say the animal took hold of another of the cast
    ("got Pip"): read as that signal, to confirm, unless a bite or swipe says how."""
    capture_means: tuple[str, ...] = ()
    """Signals that say how a catch (`captures`, `seizing`) was made: a bite, a swipe."""
    part_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    part_of_shared: dict[str, tuple[str, ...]] = field(default_factory=dict)
    told_bites: tuple[Word, ...] = ()
    """Nouns of a bite told again ("just the one bite"): the earlier biter's."""
    """Like `part_of`, only for a part told of two animals or more at once ("both biting")."""
    one_sided: dict[str, tuple[Word, ...]] = field(default_factory=dict)
    """By a signal two animals share, its phrases that name one doer ("attacked")."""
    play_fights: dict[str, str] = field(default_factory=dict)
    grooming_signals: tuple[str, ...] = ()
    """Signals of grooming: a bite phrase told as what one was done with is grooming too."""
    grooming_tools: tuple[Word, ...] = ()
    """Words that open what a grooming was done with ("with his teeth")."""
    groomed_still: GroomedStill | None = None
    shared_places: tuple[Word, ...] = ()
    """Words after a shared signal (`reciprocal`) that say where it happened, not what it was
    aimed at ("fighting on the floor")."""
    fight_looks: FightLooks | None = None
    fight_heard: FightHeard | None = None
    body_leaps: BodyLeaps | None = None
    released_bites: ReleasedBites | None = None
    repeats: tuple[Word, ...] = ()
    harmless: Harmless | None = None
    protected_words: tuple[Word, ...] = ()
    scan_misreads: tuple[tuple[Word, Word], ...] = ()
    """What a scanner misreads for what (OCR): a digit in a word ("Li1y") or a letter group
    ("rn" for "m")."""
    scan_units: tuple[Word, ...] = ()
    """Letters a number is written with ("1st", "10am", "x10"): such a word is no misread."""
    elisions: dict[str, Word] = field(default_factory=dict)
    """A word cut to letters and an apostrophe before the next word ("t'cage"): the word."""
    name_contractions: dict[str, OneWord] = field(default_factory=dict)
    """A contraction's ending written onto a name ("Morvah've"): the word it stands for."""
    dropped_endings: dict[str, OneWord] = field(default_factory=dict)
    """A word written with an apostrophe for its last letter ("an'"): the word it stands for."""
    corrections: Corrections | None = None
    together: tuple[Word, ...] = ()
    """Words that say a signal was shown by both animals ("asleep together")."""
    perfect: Perfect | None = None
    pair_words: tuple[Word, ...] = ()
    recap_words: tuple[Word, ...] = ()
    """Group words for the animals named in the sentence before, if any ("All were bleeding")."""
    """Group words for two animals ("the pair of them"): in a larger cast, the two named last."""
    numbering: Numbering | None = None
    """A log's numbered words for the animals it studies ("subject 1")."""
    abbreviations: tuple[Word, ...] = ()
    """Words a log abbreviates with a dot ("approx."): the dot ends no sentence before a
    number or a lower-case word."""
    form_labels: tuple[Word, ...] = ()
    participle_endings: tuple[Word, ...] = ()
    """Endings of a passive participle after an auxiliary right after a signal: the doer is
    named further on ("a bite was delivered to Pip by Tom")."""
    """Participles after a signal that heads a form's field ("Injuries sustained:")."""
    weapons: tuple[Word, ...] = ()
    soft_strikes: SoftStrikes | None = None
    """Parts that strike no blow and words that soften a `strikes` verb."""
    doer_passives: tuple[Word, ...] = ()
    scratchers: tuple[Word, ...] = ()
    """What scratches: in a sentence, how an animal drew the owner's blood (no bite)."""
    """Participles whose passive is an attack only with an animal (or its weapon) as doer."""

    """What an attack is made with ("jaws", "claws"): after one, a word of `part_owners` names
    the doer ("seized in the jaws of the feline")."""
    strikes: dict[Species, dict[str, tuple[Word, ...]]] = field(default_factory=dict)
    """By species and signal, verbs of striking that are the signal only with an animal of the
    cast as their object ("struck Dunlin"; "striking the door" as a leap lands is none)."""
    treatments: tuple[Word, ...] = ()
    leap_paws: LeapPaws | None = None
    """Both forepaws told after a verb of leaping are the leap's, no strike."""
    rush_strikes: RushStrikes | None = None
    """A strike that names no paw (its `words`: "hit the cage"), after a verb of rushing or
    leaping of its sentence, is the body's blow, the `leap` (a lunge), not the `strike`."""
    """Signal phrases, as written, that in a note reporting a wound are the carer's care of it
    ("Cleaned, monitor."): no sign of an animal."""
