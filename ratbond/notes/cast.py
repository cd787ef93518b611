"""The animals a note is read about: their names, sexes, species and roles, built once per
set of animals (a functools cache in the reader)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import ascii_lowercase

from ratbond.model import Animal, read_sex
from ratbond.notes.lexicon import Lexicon, normalise, sound_key
from ratbond.notes.tokens import TOKEN_RE

CAST_CACHE = 64
SPLIT_PART = 3
"""The shortest part of a name split in two by dictation ("nut meg")."""
DIMINUTIVE_BASE = 4
"""The shortest name given pet forms: "Lola" is, "Pip" is not."""
CLIPPED_SHORTEST = 3
"""The shortest clipped name ("Reg" for Reggie)."""


@dataclass(frozen=True, slots=True)
class Cast:
    """The animals of one reading, indexed the ways the stages look them up."""

    animals: Mapping[str, Animal]
    program: str
    roles: Mapping[str, frozenset[str]]
    sex: Mapping[str, str | None]
    names: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    """By a name's first word: each name's words and its animal."""
    all: frozenset[str]
    species: Mapping[str, str]
    by_species: Mapping[str, frozenset[str]]
    possessive_forms: Mapping[str, str]
    """A one-word name with an "s" and no apostrophe ("toffees tail"), to its animal: a name
    only before a body part (see `phrases`)."""
    openers: frozenset[str]
    """Every word that may start a name: the names' first words and the possessive forms."""
    sounds: Mapping[str, str]
    """A one-word name's `sound_key`, to its animal (when no other name sounds the same):
    what a dictated note may write for it ("maple" for Mabel)."""
    clipped: frozenset[str] = frozenset()
    """Names clipped to their start ("Prim" for Primrose): a name only written with a capital
    (see `phrases`)."""

    @property
    def sex_keys(self) -> frozenset[str]:
        """The sexes a pronoun key may name ("male", "female")."""
        return frozenset(sex for sex in self.sex.values() if sex is not None)

    def able(self, animals: frozenset[str], senses: Mapping[str, str]) -> frozenset[str]:
        """The animals among `animals` whose species has a reading in `senses`."""
        if senses.keys() >= self.by_species.keys():
            return animals  # every species here can show it (the animals are all the cast's)
        found: frozenset[str] = frozenset()
        for species, members in self.by_species.items():
            if species in senses:
                found = found | members
        return found if animals is self.all else animals & found


def new_cast(
    lexicon: Lexicon,
    listed: tuple[Animal, ...],
    program: str,
    roles: tuple[tuple[str, tuple[str, ...]], ...],
) -> Cast:
    """The cast of `listed` in `program` with `roles` (role name to animal ids)."""
    by_id = {animal.id: animal for animal in listed}
    names: dict[tuple[str, ...], str] = {}
    for animal in listed:
        names.setdefault((normalise(animal.id),), animal.id)
    for animal in listed:
        if animal.name:
            words = tuple(normalise(m.group()) for m in TOKEN_RE.finditer(animal.name))
            if words:
                names[words] = animal.id
    # Dictation splits a long name it does not know into words it does ("nut meg" for
    # Nutmeg): each split of a one-word name into parts of SPLIT_PART letters or more.
    for words, animal_id in list(names.items()):
        if len(words) == 1:
            word = words[0]
            for cut in range(SPLIT_PART, len(word) - SPLIT_PART + 1):
                names.setdefault((word[:cut], word[cut:]), animal_id)
    # A pet form of a name, as Spanish and Italian make one ("Churrito" for Churro, "Canelita"
    # for Canela): the name, less a final vowel, with one of `diminutives`.
    for words, animal_id in list(names.items()):
        if len(words) == 1 and len(words[0]) >= DIMINUTIVE_BASE:
            word = words[0]
            stem_ = word[:-1] if word[-1] in "aeiou" else word
            for ending in lexicon.diminutives:
                names.setdefault((stem_ + ending,), animal_id)
    # A name clipped to its start, as owners shorten one ("Prim" for Primrose, "Reg" for
    # Reggie, "Koeks" for Koeksister): half the name or more, three letters at least, the start
    # of no other animal's name and no lexicon word; only with a capital (see `phrases`).
    starts: dict[str, set[str]] = {}
    for words, animal_id in list(names.items()):
        if len(words) == 1:
            word = words[0]
            for end in range(max(CLIPPED_SHORTEST, (len(word) + 1) // 2), len(word)):
                starts.setdefault(word[:end], set()).add(animal_id)
    clipped = frozenset(
        start
        for start, ids in starts.items()
        if len(ids) == 1 and (start,) not in names and start not in lexicon.surface
    )
    for start in clipped:
        names[(start,)] = next(iter(starts[start]))
    # An initial stands for the one animal whose name starts with it ("B squeaked"), written as
    # a capital letter (see `phrases`); "I" and "A" are words.
    initials: dict[str, list[str]] = {}
    for animal in listed:
        if animal.name:
            initials.setdefault(normalise(animal.name)[:1], []).append(animal.id)
    for letter, ids in initials.items():
        if len(ids) == 1 and letter.isalpha() and letter not in lexicon.not_initials:
            names.setdefault((letter,), ids[0])
    # A log numbers the animals it studies in the cast's order: "subject 1", "subject A".
    species, numbering = lexicon.numbering
    studied = [animal.id for animal in listed if animal.species == species]
    for place, animal_id in enumerate(studied[: len(ascii_lowercase)]):
        for word in numbering:
            names.setdefault((word, str(place + 1)), animal_id)
            names.setdefault((word, ascii_lowercase[place]), animal_id)
    role_sets = {role: frozenset(m for m in members if m in by_id) for role, members in roles}
    if not role_sets and program in lexicon.roles_by_arrival:
        role_sets = _roles_by_arrival(listed)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, animal_id in names.items():
        by_first.setdefault(words[0], []).append((words, animal_id))
    possessive_forms = {
        words[0] + "s": animal_id
        for words, animal_id in names.items()
        if len(words) == 1 and len(words[0]) > 1 and (words[0] + "s",) not in names
    }
    heard: dict[str, set[str]] = {}
    for words, animal_id in names.items():
        if len(words) == 1 and words[0] not in clipped and (key := sound_key(words[0])):
            heard.setdefault(key, set()).add(animal_id)
    by_species: dict[str, set[str]] = {}
    for animal in listed:
        by_species.setdefault(animal.species, set()).add(animal.id)
    return Cast(
        animals=by_id,
        program=program,
        roles=role_sets,
        sex={animal.id: _sex(animal.sex) for animal in listed},
        names={first: tuple(found) for first, found in by_first.items()},
        all=frozenset(by_id),
        species={animal.id: animal.species for animal in listed},
        by_species={species: frozenset(ids) for species, ids in by_species.items()},
        possessive_forms=possessive_forms,
        openers=frozenset(by_first).union(possessive_forms),
        sounds={key: next(iter(ids)) for key, ids in heard.items() if len(ids) == 1},
        clipped=clipped,
    )


def _sex(value: str | None) -> str | None:
    """Which pronouns the animal takes: its `sex` field read as the engine reads it
    (`read_sex`), a neutered male still a he."""
    sex = read_sex(value)
    return None if sex is None or sex == "unknown" else sex.split()[-1]


def _roles_by_arrival(animals: tuple[Animal, ...]) -> dict[str, frozenset[str]]:
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
