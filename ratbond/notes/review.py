"""Which readings of a note count, and what the owner's review may change (docs/notes.md,
*ticked ones win*): one set of rules for the advice, `ratbond log` and the web log form."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ratbond.engine import class_table
from ratbond.model import (
    CLASS_RANK,
    Program,
    SessionClass,
    Signal,
    SignalClass,
    Species,
    Vocabulary,
)
from ratbond.notes.result import NotesResult, Unattributed

CLASS_ORDER: tuple[SignalClass, ...] = ("calm", "stress", "illness", "aggression", "danger")
"""The order signal classes are shown in, mildest first (illness beside stress, as it weighs)."""
KEPT_CLASSES: frozenset[SignalClass] = frozenset(CLASS_ORDER[CLASS_ORDER.index("stress") + 1 :])
"""The classes after stress (illness, aggression, danger), whose readings of the notes count
whatever the owner ticked: an owner who wrote down a bite, a hiss or a sneeze meant it, and
ticking "relaxed" beside it must not hide it (a misread word is fixed by rewording the note).
Calm and stress readings give way to the ticked ones."""

ClassTable = Mapping[Species, Mapping[str, SignalClass]]
"""Each species' signals and their class in one program (`ratbond.engine.class_table`)."""


def signals_by_class(
    program: Program, vocabulary: Vocabulary, species: Species, role: str | None = None
) -> list[tuple[SignalClass, list[tuple[str, Signal]]]]:
    """A species' signals grouped by their class in `program`, in `CLASS_ORDER`; classes with
    no signal are left out. With a `role`, only the signals the program offers for it
    (`ratbond.programs.role_signals`). What the owner picks signals from, on the command line
    and the web."""
    from ratbond.programs import role_signals

    classes = class_table(program, vocabulary)[species]
    offered = None if role is None else set(role_signals(program, vocabulary, role))
    groups: dict[SignalClass, list[tuple[str, Signal]]] = {klass: [] for klass in CLASS_ORDER}
    for name, signal in vocabulary.signals[species].items():
        if offered is None or name in offered:
            groups[classes[name]].append((name, signal))
    return [(klass, items) for klass, items in groups.items() if items]


def weighs_as(klass: SignalClass) -> SessionClass:
    """The session class a signal class weighs as: illness as stress."""
    return "stress" if klass == "illness" else klass


@dataclass(frozen=True, slots=True)
class Reading:
    """One signal the notes give one animal, as the advice counts it."""

    animal: str
    signal: str
    klass: SignalClass
    """The signal's class for the animal's species in the program."""
    phrases: tuple[str, ...]
    """The words of the note it was read from."""
    unsure: bool
    """Read with no animal named: counted for each animal that could have shown it."""
    confirm: bool = False
    """A danger reading the words cannot rule out ("I think he bit her"): it counts until the
    owner says it did not happen (`to_confirm`, `stays`)."""

    @property
    def danger(self) -> bool:
        return self.klass == "danger"

    @property
    def kept(self) -> bool:
        """Counted whatever the owner ticks (`KEPT_CLASSES`), unless it is one to confirm."""
        return self.klass in KEPT_CLASSES and not self.confirm


@dataclass(frozen=True, slots=True)
class Unsure:
    """A signal the notes give to no animal, and whether it counts for its candidates."""

    item: Unattributed
    counts: bool
    """Stress or worse for some candidate; a calm one counts for no one."""


@dataclass(frozen=True, slots=True)
class NoteReadings:
    """What counts from one note: each animal's readings (one per signal), and the signals
    the note leaves to no animal."""

    readings: tuple[Reading, ...]
    unsure: tuple[Unsure, ...]


def note_readings(
    result: NotesResult, species: Mapping[str, Species], classes: ClassTable
) -> NoteReadings:
    """The readings of `result` that count: every signal the note gives an animal, then each
    stress-or-worse signal it leaves to no animal, for every animal that could have shown it.
    A signal the program's vocabulary does not know for the animal's species says nothing.

    `species` holds the animals the note was read for, by id."""
    found: dict[tuple[str, str], tuple[list[str], SignalClass, bool]] = {}
    sure: set[tuple[str, str]] = set()

    def offer(animal: str, signal: str, phrase: str, unsure: bool, confirm: bool) -> None:
        klass = classes.get(species[animal], {}).get(signal)
        if klass is None:
            return
        phrases, _, _ = found.setdefault((animal, signal), ([], klass, unsure))
        if phrase not in phrases:
            phrases.append(phrase)
        if not confirm:
            sure.add((animal, signal))

    for span in result.spans:
        if span.animal is not None and not span.negated and span.animal in species:
            offer(span.animal, span.signal, span.text, False, span.confirm)
    unsure: list[Unsure] = []
    for item in result.unattributed:
        counting = [
            (animal, name)
            for animal, name in item.candidates
            if animal in species
            and (klass := classes.get(species[animal], {}).get(name)) is not None
            and CLASS_RANK[weighs_as(klass)] >= CLASS_RANK["stress"]
        ]
        for animal, name in counting:
            offer(animal, name, item.text, True, item.confirm)
        unsure.append(Unsure(item, bool(counting)))
    # Grouped by animal, each animal's readings in the order the note gives them.
    order: dict[str, int] = {}
    for animal, _ in found:
        order.setdefault(animal, len(order))
    readings = [
        Reading(
            animal,
            signal,
            klass,
            tuple(phrases),
            was_unsure,
            confirm=klass == "danger" and (animal, signal) not in sure,
        )
        for (animal, signal), (phrases, klass, was_unsure) in found.items()
    ]
    readings.sort(key=lambda reading: order[reading.animal])
    return NoteReadings(tuple(readings), tuple(unsure))


def stays(reading: Reading, ticked: Collection[str] | None, *, reviewed: bool = True) -> bool:
    """Whether a reading counts for its animal after the owner's review. `ticked` holds the
    signals the owner left ticked for that animal; None if the owner did not review it. A
    reading `kept` (danger, aggression, illness) always counts: a bite written down must never
    be lost to an untick. A danger reading to confirm (the words could not rule it out) may be
    unticked, but only by an owner who was asked: with `reviewed` false (a scenario given
    whole, whose ticked signals answered no question) it counts too."""
    return (
        ticked is None
        or reading.kept
        or (reading.confirm and not reviewed)
        or reading.signal in ticked
    )


def to_confirm(readings: Iterable[Reading]) -> tuple[Reading, ...]:
    """The readings ratbond asks the owner about: danger the words cannot rule out. Each counts
    until the owner says it did not happen: `ratbond log` asks, the web form shows it ticked
    for review, `ratbond evaluate` lists it under `to_confirm`."""
    return tuple(reading for reading in readings if reading.confirm)


def question(reading: Reading, label: str) -> str:
    """How ratbond asks about a reading to confirm, in the owner's words."""
    said = ", ".join(f'"{phrase}"' for phrase in reading.phrases)
    return (
        f"Your notes ({said}) may mean {label}: {reading.signal.replace('_', ' ')}, "
        "a danger sign. Did it happen?"
    )


def ticked_after_answers(
    readings: Iterable[Reading],
    ticked: Mapping[str, Sequence[str]],
    answers: Mapping[tuple[str, str], bool],
) -> dict[str, list[str]]:
    """The ticked signals once the owner has answered the questions on `to_confirm`
    ((animal, signal) to yes or no): a "no" is dropped, a "yes" counts even for an animal with
    a ticked list, every other reading counts as it did."""
    listed = list(readings)
    result = {animal: list(names) for animal, names in ticked.items()}
    confirmed = {pair for pair, yes in answers.items() if yes}
    if all(yes for yes in answers.values()) and not any(a in ticked for a, _ in confirmed):
        return result
    checked = {
        (r.animal, r.signal)
        for r in listed
        if stays(r, ticked.get(r.animal)) and answers.get((r.animal, r.signal), True)
    } | confirmed
    return ticked_after_review(listed, ticked, checked)


def noted_signals(
    readings: Iterable[Reading], ticked: Mapping[str, Collection[str]], *, reviewed: bool = True
) -> dict[str, tuple[str, ...]]:
    """What the notes add to each animal's ticked signals (a session's `noted`): every reading
    of an animal with no ticked list; for one with a ticked list (even empty), only the
    readings that `stay` (`reviewed` as there) and are not ticked already."""
    found: dict[str, list[str]] = {}
    for reading in readings:
        own = ticked.get(reading.animal)
        if stays(reading, own, reviewed=reviewed) and (own is None or reading.signal not in own):
            found.setdefault(reading.animal, []).append(reading.signal)
    return {animal: tuple(names) for animal, names in found.items()}


def ticked_after_review(
    readings: Iterable[Reading],
    ticked: Mapping[str, Sequence[str]],
    checked: Collection[tuple[str, str]],
) -> dict[str, list[str]]:
    """Each animal's ticked signals once the owner has reviewed `readings`, leaving the
    (animal, signal) pairs `checked`: every animal with a reading gets a ticked list, so the
    notes no longer add the readings unticked, and the readings that `stay` join it."""
    result = {animal: list(names) for animal, names in ticked.items()}
    kept: dict[str, set[str]] = {}
    for animal, signal in checked:
        kept.setdefault(animal, set()).add(signal)
    for reading in readings:
        names = result.setdefault(reading.animal, [])
        if stays(reading, kept.get(reading.animal, set())) and reading.signal not in names:
            names.append(reading.signal)
    return result
