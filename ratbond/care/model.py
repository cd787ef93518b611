"""The typed shapes of the knowledge files (cage, foods, behaviour, free roam, FAQ, care tasks).

Frozen dataclasses, validated by pydantic on load like the program files; every entry carries
`seeds` (source documents by number) and `sources` (named public sources) so that a test, and
the loader, can insist each piece of advice says where it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from annotated_types import Ge, Gt, Le, Len

from ratbond.model import SeedRef, Species, Text

Id = Text  # lower case with underscores: the loader checks the form
Unit = Literal["cm", "in", "ft", "m"]
FoodVerdict = Literal["staple", "safe", "caution", "avoid"]
TaskScope = Literal["animal", "household"]
TaskRecords = Literal["weights", "grooming"]

_STRICT: dict[str, Any] = {"extra": "forbid", "use_attribute_docstrings": True}


@dataclass(frozen=True, slots=True)
class Source:
    """A named public source, for advice that does not come from a seed."""

    __pydantic_config__ = _STRICT

    name: Text
    """Who says it, e.g. a rat-fancy society, a forum's care list or a cage calculator."""
    url: Text | None = None
    """Where to read it."""


@dataclass(frozen=True, slots=True)
class CageSize:
    """Three dimensions in one unit."""

    __pydantic_config__ = _STRICT

    length: Annotated[float, Gt(0)]
    width: Annotated[float, Gt(0)]
    height: Annotated[float, Gt(0)]
    unit: Unit


@dataclass(frozen=True, slots=True)
class VolumeRule:
    """The smallest cage for a group, given as a box."""

    __pydantic_config__ = _STRICT

    size: CageSize
    rats: Annotated[int, Ge(1)]
    """How many rats the box is for; fewer rats still need this much."""
    why: Text
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class ExtraRatRule:
    """Volume to add for each rat beyond the group the base figure is for."""

    __pydantic_config__ = _STRICT

    volume: Annotated[float, Ge(0)]
    """In cubic `unit`."""
    unit: Unit
    why: Text
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Limit:
    """A single length limit (a minimum or a maximum, as the field name says)."""

    __pydantic_config__ = _STRICT

    value: Annotated[float, Gt(0)]
    unit: Unit
    why: Text
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class LevelsRule:
    """How many floors, shelves or hammock levels a cage should offer."""

    __pydantic_config__ = _STRICT

    min: Annotated[int, Ge(1)]
    why: Text
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One yes/no question of a checklist."""

    __pydantic_config__ = _STRICT

    id: Id
    """Stable identifier, lower case with underscores (also the CLI flag, with dashes)."""
    title: Text
    question: Text
    """Asked of the owner; 'yes' is the safe answer."""
    why: Text
    required: bool = True
    """A 'no' fails the check; optional items only add a hint."""
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    """A piece of advice shown alongside a verdict."""

    __pydantic_config__ = _STRICT

    text: Text
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class CageRules:
    """The figures and the environment checklist a cage is checked against."""

    __pydantic_config__ = _STRICT

    volume: VolumeRule
    extra_rat: ExtraRatRule
    min_height: Limit
    max_bar_spacing: Limit
    levels: LevelsRule
    checklist: tuple[ChecklistItem, ...]
    lone_rat: Note
    """Shown when the cage is for a single rat."""
    bigger_is_better: Note
    """Shown with every verdict: the figures are minimums."""


@dataclass(frozen=True, slots=True)
class Food:
    """Whether rats may eat a food, why, and how much."""

    __pydantic_config__ = _STRICT

    name: Text
    verdict: FoodVerdict
    """`staple` (the base of the diet), `safe` as a treat, `caution` (only as the entry says),
    or `avoid`."""
    why: Text
    portion: Text | None = None
    """How much and how to serve it; required unless the verdict is `avoid`."""
    aliases: tuple[Text, ...] = ()
    """Other names people type for it."""
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class FoodList:
    """The foods file: what to say about an unknown food, and the known foods."""

    __pydantic_config__ = _STRICT

    unknown: Note
    """Said when a food is not in the list."""
    diet: Note
    """Said with every answer: the staple is the base of the diet, treats a small share."""
    foods: tuple[Food, ...]


@dataclass(frozen=True, slots=True)
class Sign:
    """Something a rat does, what it means and what to do about it."""

    __pydantic_config__ = _STRICT

    id: Id
    name: Text
    meaning: Text
    what_to_do: Text
    aliases: tuple[Text, ...] = ()
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class BehaviourTopic:
    """A group of signs: vocalisations, body language, shyness, aggression, trust."""

    __pydantic_config__ = _STRICT

    id: Id
    title: Text
    summary: Text
    signs: Annotated[tuple[Sign, ...], Len(min_length=1)]
    aliases: tuple[Text, ...] = ()
    """Other words for the topic, e.g. `sounds` for vocalisations."""
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Behaviour:
    """The behaviour reference file."""

    __pydantic_config__ = _STRICT

    topics: Annotated[tuple[BehaviourTopic, ...], Len(min_length=1)]


@dataclass(frozen=True, slots=True)
class FreeRoamChecklist:
    """The checks to run before rats play out of the cage."""

    __pydantic_config__ = _STRICT

    title: Text
    intro: Text
    items: Annotated[tuple[ChecklistItem, ...], Len(min_length=1)]
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class FaqEntry:
    """A question owners ask, answered briefly and at length."""

    __pydantic_config__ = _STRICT

    id: Id
    question: Text
    brief: Text
    detail: Text
    keywords: tuple[Text, ...] = ()
    """Extra words people use for this question, to help the search."""
    urgent: bool = False
    """An emergency: ranked first when it matches, and it must say `now` and `vet`."""
    now: Text | None = None
    """For an emergency: what to do at once."""
    vet: Text | None = None
    """For an emergency: when to see a vet (or, for a person, a doctor)."""
    stage: Text | None = None
    """`program/stage` whose end-early rules the answer repeats, so both give the same care."""
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Faq:
    """The FAQ file."""

    __pydantic_config__ = _STRICT

    entries: Annotated[tuple[FaqEntry, ...], Len(min_length=1)]


# --- care-tasks.yaml: recurring tasks, grooming findings, weight loss, trust signs ---------


@dataclass(frozen=True, slots=True)
class CareTask:
    """A chore that comes round again: weigh-in, health check, toy rotation, cage cleaning."""

    __pydantic_config__ = _STRICT

    id: Id
    """Lower case with underscores; the CLI also takes it with dashes (`cage-cleaning`)."""
    title: Text
    every_days: Annotated[int, Ge(1)]
    """Due this many days after it was last done; never done means due now."""
    what: Text
    """What doing it involves, in a sentence or two."""
    scope: TaskScope = "household"
    """`animal`: done for each animal of `species`; `household`: once for everyone."""
    species: tuple[Species, ...] = ("rat",)
    """For `animal` tasks: which animals it applies to."""
    also_done_by: TaskRecords | None = None
    """Records that count as doing it: a weighing is a weigh-in, a grooming log a health check."""
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """Something found while grooming that needs a vet."""

    __pydantic_config__ = _STRICT

    id: Id
    title: Text
    looks_like: Text
    what_to_do: Text
    aliases: tuple[Text, ...] = ()
    signals: tuple[Text, ...] = ()
    """Rat signals of the notes reader that show it in a grooming note (`wound` for a cut);
    a finding without any is read from a note by its title and aliases."""
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class WeightLossRule:
    """How much weight lost within how many days calls for a vet."""

    __pydantic_config__ = _STRICT

    percent: Annotated[float, Gt(0)]
    within_days: Annotated[int, Ge(1)]
    why: Text
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class TrustSign:
    """A sign of trust an owner can log for a rat, with its weight in the weekly score."""

    __pydantic_config__ = _STRICT

    id: Id
    """The rat signal of the same id in signals.yaml."""
    title: Text
    points: Annotated[int, Ge(1)]
    """How much one sighting adds to the week's trust score: bolder signs of trust weigh more."""
    aliases: tuple[Text, ...] = ()
    """Other names, such as the behaviour reference's ids (`climbs_on_you`)."""
    seeds: tuple[SeedRef, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class CareTasks:
    """The care-tasks file."""

    __pydantic_config__ = _STRICT

    tasks: Annotated[tuple[CareTask, ...], Len(min_length=1)]
    findings: Annotated[tuple[Finding, ...], Len(min_length=1)]
    weight_loss: WeightLossRule
    trust_signs: Annotated[tuple[TrustSign, ...], Len(min_length=1)]
    finding_advice: Note
    """Said with every alert raised by a grooming finding."""
    finding_denials: tuple[Text, ...] = ()
    """Words that deny a finding read by its aliases when they come before it in its clause
    ("no lumps"); findings read by the notes reader use the reader's own negation."""


# --- ask.yaml: how `ratbond ask` reads a question --------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldWeights:
    """How much a word found in each part of an entry counts."""

    __pydantic_config__ = _STRICT

    title: Annotated[float, Gt(0)]
    """The entry's title or question."""
    keywords: Annotated[float, Gt(0)]
    """Its keywords and aliases."""
    body: Annotated[float, Gt(0)]
    """Its answer text."""


@dataclass(frozen=True, slots=True)
class WildRats:
    """Rats no one owns (no owner's word, pet word or name for one in the question), in one of
    `places` where wild ones live, doing one of `deeds` or asked about in one of `asks`: pest
    control, which ratbond does not cover."""

    __pydantic_config__ = _STRICT

    places: Annotated[tuple[Text, ...], Len(min_length=1)]
    """Words, as written, of places where wild rats live (`workshop`, `cellar`, `feed room`)."""
    deeds: tuple[Text, ...] = ()
    """Words, as written, of what wild rats do there (`chewing through`, `droppings`)."""
    asks: tuple[Text, ...] = ()
    """Words, as written, that ask how to be rid of them (`catch them`, `bait`, `rat-proof`)."""
    kept: tuple[Text, ...] = ()
    """Words, as written, of kept rats (`pet`, `cage`, `free roam`): one in the question makes
    its rats someone's."""


@dataclass(frozen=True, slots=True)
class OffTopic:
    """Questions ratbond must not answer, though some of their words match."""

    __pydantic_config__ = _STRICT

    animals: tuple[Text, ...]
    """Animals ratbond knows nothing about (a question about them gets no answer)."""
    words: tuple[Text, ...]
    """Words of pest control and other subjects ratbond does not cover."""
    asides: tuple[Text, ...] = ()
    """Words of other subjects (a phone's use, travel, trivia) that an alarm said beside them
    outweighs: "my rat is bleeding, on phone to the vet" is the emergency."""
    plain_alarms: tuple[Text, ...] = ()
    """Alarms (terms) common in other subjects that outweigh no aside: "he caught the train
    from Leeds", "what does a train ticket weigh"."""
    unless_eaten: tuple[Text, ...] = ()
    """Terms of pest control (poison) unless the question says a rat ate it: then the worry
    is the rat's."""
    eating: tuple[Text, ...] = ()
    """Terms that say a rat ate something (`eat`, `swallow`, `chew`)."""
    operators: tuple[Text, ...] = ()
    """Words, as written, of a sum between two numbers ("7 times 8", "twelve divided by 4"):
    arithmetic is no question about rats."""
    numbers: tuple[Text, ...] = ()
    """Numbers in words, as written, beside digits ("seven")."""
    word_problems: tuple[Text, ...] = ()
    """Words, as written, of a sum told in words (`equally`, `altogether`): one of them with
    two numbers and no rat named is arithmetic ("if 28 pupils share 196 stickers equally")."""
    killing: tuple[Text, ...] = ()
    """Words, as written, of killing: a thing ratbond knows named before one in its clause,
    aimed at one rat (`killed`), is said to kill, and a phrase of pest control there asks
    whether it is safe ("grapes'll kill a rat, is that right?"), as `food_question` reads a
    poison."""
    killed: tuple[Text, ...] = ()
    """Words, as written, right after one of `killing` that aim it at one rat or at the
    asker's ("a", "my", "him"): a thing said to kill so is asked about as a food."""
    food_question: Text | None = None
    """The term an `unless_eaten` term is read as when the question names a food and says
    nothing was eaten ("are grapes poison": `safe`)."""
    wounds: tuple[Text, ...] = ()
    """Words of a wound told (`bleed`): one with a bite beside the owner's rat outweighs a word
    of another subject ("one of the boys bit me, it's bleeding, I'm on warfarin")."""
    wild: WildRats | None = None
    """Rats no one owns, where wild ones live and do what they do."""


@dataclass(frozen=True, slots=True)
class Person:
    """Words for someone the asker knows and the pronouns that may stand for them."""

    __pydantic_config__ = _STRICT

    words: Annotated[tuple[Text, ...], Len(min_length=1)]
    """Words, as written, that name such a person (`mum`, `teacher`)."""
    pronouns: Annotated[tuple[Text, ...], Len(min_length=1)]
    """Pronouns, as written, that agree with them (`she`, `her` for a mother)."""


@dataclass(frozen=True, slots=True)
class Acquired:
    """How a rat named only as when the asker got them is told ("since we got the rats")."""

    __pydantic_config__ = _STRICT

    after: tuple[Text, ...]
    """Words that open the time (`since`)."""
    verbs: tuple[Text, ...]
    """Words of getting an animal (`got`, `adopted`), after one of `after`."""
    within: Annotated[int, Ge(1), Le(8)]
    """How many words before the rat the time may open."""


@dataclass(frozen=True, slots=True)
class People:
    """How a question about a person, not a rat, is told."""

    __pydantic_config__ = _STRICT

    terms: tuple[Text, ...]
    """Terms that name a person (`person`: a human, a baby, a toddler)."""
    pronouns: tuple[Text, ...]
    """Words that may stand for an animal (`he`, `them`): a question with one may be a rat's."""
    unless: tuple[Text, ...]
    """Terms that make it a rat's question anyway (`bite`: "bit my finger")."""
    own_alarms: tuple[Text, ...] = ()
    """Alarms, as written, that right after the asker's own body part (`own`, after "my") are
    the asker's ("my finger is bleeding, can rats eat banana"), in a question naming no rat
    beside it: they make no emergency of a rat."""
    asker: tuple[Text, ...] = ()
    """Words, as written, by which the asker speaks of themself (`i`, `my`, `ive`)."""
    own: tuple[Text, ...] = ()
    """Words, as written, of a body or its ailments (`tooth`, `head`, `migraine`, `a cold`):
    one of them (several words found in a row) within `within` words after an `asker` word
    makes the asker the subject."""
    within: Annotated[int, Ge(1)] = 3
    taking: tuple[Text, ...] = ()
    """Words, as written, by which the asker tells what they take (`i take`, `im on`): an alarm
    (a medicine) named only in a clause with one, and no rat, is the asker's own."""
    objects: tuple[Text, ...] = ()
    """Pronouns, as written, that stand for someone done to (`him`, `her`, `them`) unless a
    word of an ailment follows ("her limp")."""
    animals_own: tuple[Text, ...] = ()
    """Words, as written, of an ailment or care that only an animal covered beside rats (a cat)
    is told to have here, besides `own` (`limp`, `off his food`): never the asker's."""
    persons: tuple[Person, ...] = ()
    """People the asker may speak of: a pronoun agreeing with the last one named before it, in
    a question naming no rat, no animal and no pet by name, stands for that person ("my mum
    says her chest hurts"), and speaks of their body as an `asker` word does."""
    pets: tuple[Text, ...] = ()
    """Words, as written, by which owners call their rats (`boys`, `girl`, `buck`): a question
    with one in it is never a person's ("my daughter says her boy has a sore foot")."""
    body: tuple[Text, ...] = ()
    """Words, as written, of a person's body or ailments that a rat's question never uses on
    its own ("sprained wrist"): one makes a question with no rat, no animal, no pet's name
    and no pronoun for one a person's."""
    speaking: tuple[Text, ...] = ()
    """Words, as written, by which someone says what they think (`reckons`, `says`): rats do
    not, so in a question naming no rat, no animal and no pet's name the pronouns of `singular`
    stand for a person ("she reckons it's just a cold")."""
    singular: tuple[Text, ...] = ()
    """Pronouns, as written, for one animal or person (`he`, `she`, `him`, `her`): after a
    `speaking` word each stands for a person."""
    cooking: tuple[Text, ...] = ()
    """Words, as written, of cooking (`boil`, `bake`, `roast`): one in a question that also
    asks one of `cooking_asks` makes a question with no rat, no animal, no pet's name and no
    pronoun for one the asker's own cooking ("how long do I boil green banana till it's
    soft")."""
    cooking_asks: tuple[Text, ...] = ()
    """Terms that ask how a thing is cooked (`how long`)."""
    cooking_unless: tuple[Text, ...] = ()
    """Words, as written, of a symptom (`symptom`, `sick`): one in a question makes it no
    cooking question, nor does a word of `eating`, an alarm, or any pronoun ("how long after
    eating a cooked chicken bone will symptoms show" is the bone)."""
    ages: tuple[Text, ...] = ()
    """Words, as written, of a span of age (`year`, `months`): "a" or "an", a number, one of
    them and "old" with no rat named is a child ("can a 2 year old eat grapes whole"), read as
    `aged_as`."""
    aged_as: Text = "child"
    """The word of `persons` a child told by its age is read as."""
    human: tuple[Text, ...] = ()
    """Words, as written, of a person's care that a rat's never needs unless bitten
    (`tetanus`): one makes a question naming no rat and no bite a person's, even beside a
    pet word ("my boy cut his hand, does he need a tetanus jab")."""


@dataclass(frozen=True, slots=True)
class Befriending:
    """Pets living together ("get to know each other", "become friends") said of the asker and
    one rat is the asker's bond with the rat: one side is a person."""

    __pydantic_config__ = _STRICT

    together: Text
    """The term of pets living together (`live together`)."""
    bond: Text
    """The term of a person's bond with a rat that takes its place (`trust`)."""
    askers: tuple[Text, ...]
    """Words, as written, of the asker as one side (`i`, `me`)."""
    plural: tuple[Text, ...]
    """Words, as written, of several animals as the sides (`them`, `they`, `each`)."""


@dataclass(frozen=True, slots=True)
class Eaten:
    """A thing with no entry of its own that a rat has already eaten or drunk may be harmful."""

    __pydantic_config__ = _STRICT

    words: Annotated[tuple[Text, ...], Len(min_length=1)]
    """Words, as written, that say it was already eaten (`ate`, `drank`, `licked`)."""
    fallback: Text
    """The entry that answers such a question when no entry is sure (the ingestion
    emergency)."""
    with_a_thing: tuple[Text, ...] = ()
    """Words of `words` that say a thing was drunk only beside a thing named that may be drunk
    or eaten (`sup`, `lapped`): "sup everyone!" greets, "lapped the cage" is a lap of it."""


@dataclass(frozen=True, slots=True)
class Heard:
    """Words for a sound that, beside a sign, say how the sign is heard ("sounds congested")."""

    __pydantic_config__ = _STRICT

    words: tuple[Text, ...] = ()
    """Words, one each, for a sound (`sounds`, `noise`)."""
    signs: tuple[Text, ...] = ()
    """Terms of the signs heard so (`sneeze`, `breath`)."""


@dataclass(frozen=True, slots=True)
class Implied:
    """Words that together say one more thing: a cat and a wound mean the cat caught the rat."""

    __pydantic_config__ = _STRICT

    all: Annotated[tuple[Text, ...], Len(min_length=2)]
    """Terms (a synonym group's first word or a plain word) that must all be in the question."""
    add: Text
    """The term the question is then also searched for."""


@dataclass(frozen=True, slots=True)
class NamedThing:
    """When a food asked about by its whole name goes before a general answer on eating."""

    __pydantic_config__ = _STRICT

    share: Annotated[float, Gt(0), Le(1)]
    """The food's entry must score at least this share of the general answer's."""
    before: Annotated[tuple[Text, ...], Len(min_length=1)]
    """The general answers on eating (entry ids) it may go before."""


@dataclass(frozen=True, slots=True)
class AskTopic:
    """A subject ratbond can answer questions about, listed when it has no answer."""

    __pydantic_config__ = _STRICT

    title: Text
    example: Text
    """A question that shows what it covers."""


@dataclass(frozen=True, slots=True)
class AskRules:
    """The ask file: word forms, synonyms, weights, the confidence floor and the topics."""

    __pydantic_config__ = _STRICT

    floor: Annotated[float, Gt(0), Le(1)]
    """The share of a question's meaning the best entry must cover to be given as an answer."""
    min_strong_share: Annotated[float, Ge(0), Le(1)]
    """The share of the question the best entry must hold in its title or keywords."""
    min_information: Annotated[float, Ge(0)]
    """How telling the matched words must be at least, so a lone 'rat' is no question."""
    urgent_floor: Annotated[float, Gt(0), Le(1)]
    """The lower floor of an emergency the question names in the entry's title or keywords."""
    near_best: Annotated[float, Gt(0), Le(1)]
    """An entry scoring at least this share of the best one's may answer in its place when the
    best covers too little of the question."""
    named_program: Annotated[float, Gt(0), Le(1)]
    """A program whose title alone of the programs' names a thing the question asks for, which
    the best FAQ's title does not, goes before that FAQ holding at least this share of its
    score and as much of its coverage ("teach him to spin")."""
    named_thing: NamedThing
    urgent_margin: Annotated[float, Gt(0), Le(1)]
    """An emergency goes before a better match holding at least this share of its score and
    of its coverage."""
    alarms: Annotated[tuple[Text, ...], Len(min_length=1)]
    """Words that make an emergency: the lower floor needs the entry to hold one."""
    subject: Text
    """The term every question is about unless it says otherwise (`rat`)."""
    only_with_rats: tuple[Text, ...]
    """Terms of animals covered only beside rats: named without a rat, only entries holding
    them in title or keywords may answer."""
    min_known_share: Annotated[float, Ge(0), Le(1)]
    """The share of a question's telling words that must be known to ratbond at least."""
    owned_lead: Annotated[float, Ge(0), Le(1)]
    """A question naming the owner's rat (a rat, a pet word, a pet's name) whose best entry
    covers enough and scores well ahead of the next (that one scoring at most this share of
    it) is answered however many of its words ratbond does not know (0: never)."""
    unknown_weight: Annotated[float, Ge(0)]
    """How much a word no entry uses counts against the floor, against the rarest known word."""
    weights: FieldWeights
    boosts: dict[Text, Annotated[float, Gt(0)]]
    """Score multipliers by kind of entry (`faq`, `urgent`, `food` ...)."""
    stopwords: tuple[Text, ...]
    """Words that carry no topic."""
    articles: tuple[Text, ...]
    """Words a phrase is still found with between its words ("ok for the rats")."""
    denials: tuple[Text, ...]
    """Words that deny the word after them ("no blood"): that word is not searched for."""
    denial_phrases: tuple[Text, ...]
    """Phrases that deny the word after them as `denials` do ("can't see any blood")."""
    forms: dict[Text, Text]
    """Irregular or variant word forms and the word they stand for (`bit: bite`)."""
    synonyms: tuple[Annotated[tuple[Text, ...], Len(min_length=2)], ...]
    """Groups of words or phrases meaning one thing; each is searched as the group's first."""
    off_topic: OffTopic
    frames: tuple[Text, ...]
    """Terms that say what kind of answer is wanted ("how often"), not what about: the best
    entry must hold another of the question's words (not the subject) in its title or
    keywords."""
    min_shortened: Annotated[int, Ge(2)]
    """The fewest letters of a word taken as the start of a longer known one ("porph")."""
    min_compound: Annotated[int, Ge(2)]
    """The fewest letters of a word two written apart are read as ("blue berries")."""
    frame_weight: Annotated[float, Gt(0), Le(1)]
    """What a frame counts in the ranking, against another word."""
    belonging: tuple[Text, ...]
    """Words after which an animal says whose a thing is ("the milk of cow"): in a question
    about rats it is not the subject."""
    benefits: tuple[Text, ...]
    """Words after which an animal covered only beside rats, in a question naming no rat,
    is the one whose care is asked about ("is that dangerous for a cat?")."""
    smells: tuple[Text, ...]
    """Words of a smell: an animal right after one and a word of `belonging`, the asker named
    before them ("I reached in smelling of dogs"), is a smell on the asker, not an animal in
    the question."""
    housing: tuple[Text, ...]
    """Words for a small pet's home or gear ("cage", "wheel"): an animal right before one says
    what kind it is ("a hamster cage"), in a question about rats."""
    acquired: Acquired
    """A rat named only as when the asker got them is only a time ("since we got the rats
    I've been sneezing")."""
    comparisons: tuple[Text, ...]
    """Words after which an animal is a comparison, not the subject ("like a dog")."""
    implied: tuple[Implied, ...]
    """Terms that, found together, add another term to the question."""
    people: People
    """A question naming a person and no rat, no animal by a pronoun and no bite is about that
    person ("my toddler has a fever"): it gets no answer."""
    unnamed_animal: Annotated[float, Gt(0), Le(1)]
    """Score multiplier of an entry that does not hold, in its title or keywords, an animal of
    `only_with_rats` that the question names."""
    context_weight: Annotated[float, Gt(0), Le(1)]
    """What a word outside the clause that asks counts, against one inside it."""
    named_kinds: tuple[Text, ...]
    """Kinds of entry about one named thing (`food`): one answers only a question whose rarest
    word (in the clause that asks) is in its title or a whole keyword."""
    fallbacks: dict[Text, Text]
    """By term, the entry that answers a question holding it when entries of `named_kinds`
    were set aside for not naming what it asks (`eat: faq:treats`)."""
    topics: Annotated[tuple[AskTopic, ...], Len(min_length=1)]
    no_answer: Text
    """Said when no entry is sure enough, before the topics."""
    likening: tuple[Text, ...] = ()
    """Words, as written, of a clause telling how one treats an animal ("as one does with a",
    "like we do for a"): only these between a comparison and "a" and an animal liken to it."""
    calendar: tuple[Text, ...] = ()
    """Words written capitalised that name no pet (days and months: "coughing since Tuesday")."""
    name_particles: tuple[Text, ...] = ()
    """Words after which a capitalised word is part of a place's or a dish's name, not a pet's
    ("bacalhau à Brás", "Pastéis de Belém")."""
    excepting: tuple[Text, ...] = ()
    """Words, as written, that set the rat after them aside ("his, not the rat"): a rat named
    only so is not what the question is about."""
    naming: tuple[Text, ...] = ()
    """Words, as written, of calling someone something ("call", "called"): "a rat" at most two
    words after one ("call my ex a rat") is a name given to a person, not a rat."""
    being: tuple[Text, ...] = ()
    """Words, as written, that say what someone is (`is`, `was`): "a rat" right after one (a
    word that describes it between) and a word of `scorned` before it is a name given to a
    person ("my colleague is a real rat"), ending its clause or before `continuing`."""
    asking_who: tuple[Text, ...] = ()
    """Words, as written, that ask who someone is (`who`, `whos`): "the rat" right after one (and
    a word of `being`, a word describing it between) asks which person is the informer ("who's
    the biggest rat in the show"), no rat, in a question with no word of `possessives`."""
    scorned: tuple[Text, ...] = ()
    """Words, as written, for people one may call a rat (`colleague`, `pal`, `ex`)."""
    continuing: tuple[Text, ...] = ()
    """Words, as written, that may follow "a rat" said of a person (`and`, `he`, `lah`): any
    other word after it makes it a rat's word ("a rat vet", "a rat lover")."""
    informing_after: tuple[Text, ...] = ()
    """Words, as written, after which "rat" or "rats", before a word of `informing_on`, is a
    verb of telling on someone (`who`: "someone who rats on you")."""
    informing_on: tuple[Text, ...] = ()
    """Words, as written, after "rat" told as a verb (`on`, `out`)."""
    informing: tuple[Text, ...] = ()
    """Forms, as written, of "rat" as a verb of telling on someone ("ratted"): no rat is
    named so."""
    contrasts: tuple[tuple[Text, Text], ...] = ()
    """Pairs of words, as written, of a contrast ("not the ... but"): the words from the first,
    right before an article, to the second are set aside; what follows is what is meant."""
    reacting: tuple[Text, ...] = ()
    """Words, as written, of a person's allergy ("allergy", "allergic"): a rat right before one
    ("rodent allergy") or after one and "to" ("allergic to rats") is what a person reacts to,
    not what the question is about."""
    senses: tuple[Text, ...] = ()
    """Words of how a thing smells, looks, sounds or feels: another subject right after one and
    a comparison ("smells like a sewer") is a likening, not what is asked."""
    grave: tuple[Text, ...] = ()
    """Phrases, as written, that tell of an alarm that threatens life now ("not breathing",
    "won't stop bleeding"): of two emergencies named, the one holding its alarm leads, and it
    is answered however much else the question asks."""
    not_now: tuple[Text, ...] = ()
    """Words, as written, before a phrase of `grave` or `happening` in its clause that say it is
    not the rat's now ("looks like", "used to", "not"): it is then answered only as other
    alarms are."""
    gone_by: tuple[Text, ...] = ()
    """Words, as written, after a phrase of `grave` or `happening` in its clause that put it in
    the past ("last month", "yesterday"): it is then answered only as other alarms are."""
    happening: tuple[Text, ...] = ()
    """Phrases, as written, that tell of an alarm happening now ("is bleeding"): its emergency
    goes before an answer of another kind, however much else the question asks, though not
    before another emergency."""
    question_labels: tuple[Text, ...] = ()
    """Section labels, as written, that open the question of a form ("Q:"): the part after
    one asks, whether or not it ends with a question mark."""
    measures: tuple[Text, ...] = ()
    """Phrases that give a size by a thing ("the size of a"): the thing is not searched for."""
    heard: Heard = Heard()
    """A sound word beside one of its signs is not searched for: the sign is what is asked."""
    eaten: Eaten | None = None
    befriending: Befriending | None = None
    possessives: tuple[Text, ...] = ()
    """Words that make the rat after them the owner's ("my rats"): a phrase of pest control is
    not read across one ("it'll kill my rats" fears for pets)."""
    glosses: tuple[Text, ...] = ()
    """Words, as written, right before which the asker gives the English name of a thing they
    named in their own words ("what foreigners call", "in english is"): the thing named after
    is what is asked about."""
    examples: tuple[Text, ...] = ()
    suppositions: tuple[Text, ...] = ()
    """Words, as written, after which a clause supposes a case ("what if", "in case"): an alarm
    named only after one, with no word of `told_now` after it, is a case asked about, not one
    seen, and makes no emergency ("what if they fall off the edge and break something")."""
    told_now: tuple[Text, ...] = ()
    """Words, as written, that tell a case is so, now or already ("is", "has", "just",
    "hes"): after a supposition they undo it ("in case it matters, he's bleeding")."""
    alternatives: tuple[Text, ...] = ()
    """Words, as written, that open a clause going on with another case of the clause before
    it ("or"): after a supposition, its alarms are supposed too ("what if they chew a cable,
    or fall off the edge"), unless it opens a question of its own ("or should I wait", its
    second word one of `yes_no`) or tells it is so (`told_now`)."""
    """Words, as written, after which a clause gives examples ("e g", "such as"): an alarm
    named only after one is a case the owner asks about, not one seen ("abort criteria, e.g.
    blood drawn"), and makes no emergency."""
    follow_ups: tuple[Text, ...] = ()
    """Words, as written, that open a sentence asking more of the one before it, on its answer
    ("if so", "if yes"): such a sentence is not the one that says what the question is about
    ("Cooked pasta: OK as an occasional feed? If so, portion in g.")."""
    explaining: tuple[Text, ...] = ()
    """Words, as written, that open a sentence saying what a thing is ("it is", "they are"):
    such a sentence right after the one that asks, when that one names a word no entry uses,
    is asked about too ("Can he have kranjska klobasa? It is our smoked sausage.")."""
    normalcy: tuple[Text, ...] = ()
    """Openings, as written, of a question whether a thing seen is normal ("is it normal"):
    the clause tells what was seen, so an alarm in it is no mere worry."""
    yes_no: tuple[Text, ...] = ()
    """Words, as written, that open a clause asking whether ("is", "can", "did"): an alarm
    named only in such clauses, beside a clause telling what was seen, is wondered about and
    makes no emergency ("he sneezes a lot, can it kill him?")."""
    subjects: tuple[Text, ...] = ()
    """Words, as written, that show a word of `yes_no` right before them opens a question (its
    verb before its subject: "is she", "has he"): in a last sentence left without its question
    mark, a clause asks only so ("and now has a rattly breath" tells the breath)."""
    undenied: tuple[Text, ...] = ()
    """Words, as written, of a manner that, right after the alarm a word of `conditions`
    ("without") denies, undo the denial ("without breathing properly" breathes badly)."""
    double_negations: tuple[Text, ...] = ()
    """Words, as written, of a negation that, before a word of `conditions` in its clause,
    undo its denial of the alarm after it ("can't move without limping" always limps)."""
    conditions: tuple[Text, ...] = ()
    """Words, as written, after which a sentence says what the asker wants a thing done
    without ("without"): the words after one, named nowhere before it, are context ("how do I
    pick him up without him getting scared" asks about picking up)."""
    condition_ends: tuple[Text, ...] = ()
    """Words, as written, that end what a word of `conditions` governs, as a clause's end
    does ("and", "but", "since"): "she walks without using her leg since she fell"."""
    sources: tuple[Text, ...] = ()
    """Words, as written, that with one of `possessives` right after them say where a thing
    came from ("from my"): what follows is context, as a condition's words are ("can they
    have the pumpkin seeds from my desk drawer stash" asks about pumpkin seeds)."""
    misreadings: tuple[tuple[Text, Text], ...] = ()
    """What a scanner or a screen reader reads for letters of print, and the letters
    (`[rn, m]`, `[0, o]`, `[1, l]`): a word ratbond does not know, and no English one, that
    some of them turn into one is read as that word ("frorn" is from, "b1ood" blood)."""
    emoji: dict[Text, Text] = field(default_factory=dict)
    """Emoji whose Unicode name is not the word owners mean (`☕: coffee`), and faces that are
    signs, not feelings (`🤧: sneezing`), with the words they stand for (`ratbond.care.emoji`)."""
    respellings: tuple[tuple[Text, Text], ...] = ()
    """Spellings by sound and the usual spelling each stands for (`[ee, ea]`): an unknown word
    that becomes an English one by one or two of them is read as that word."""
    """What answers a question saying a rat already ate something ratbond has no entry for."""
