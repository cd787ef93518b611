"""What the notes reader found in a saved session's notes, in the owner's words: what the advice
counted, and what it did not and why. One home for the wording, which the command line prints
after `log` and `fix` (`ratbond.cli.sessions`) and the web's log panel shows after a save
(`ratbond.web.routes.sessions`); each gives only how to count a reading left out (`--signal
tom:hissing` at a terminal, a tick on the web), as each has its own way to.

A reading counts by the rules of docs/notes.md (*ticked ones win*, `ratbond.notes.review.
stays`). One is left out when the animal's signals were given (ticked, or given with
`--signal`) without it, for the notes then add only signs of danger, aggression or illness;
when it is a danger the words
could not rule out and the animal's signals leave out as not having happened (the owner
answered no, or unticked it); or when it is a calm sign the notes give to no animal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ratbond.notes.review import NoteReadings
    from ratbond.store.records import IntroductionRecord

READ = "Read in your notes: "
NOT_COUNTED = "Not counted from your notes: "


@dataclass(frozen=True, slots=True)
class NotesCounted:
    """A session's notes as the advice read them: each reading counted (`Pip: biting`), and
    each left out with the words it was read from and why."""

    counted: tuple[str, ...]
    not_counted: tuple[str, ...]

    def lines(self) -> list[str]:
        """`Read in your notes: ...` and `Not counted from your notes: ...`, those that apply."""
        lines = []
        if self.counted:
            lines.append(READ + "; ".join(self.counted))
        if self.not_counted:
            lines.append(NOT_COUNTED + "; ".join(self.not_counted))
        return lines


def notes_read(intro: IntroductionRecord, notes: str) -> NoteReadings:
    """What the notes reader finds in `notes` for the introduction's animals."""
    from ratbond.engine import class_table
    from ratbond.notes import parse_notes
    from ratbond.notes.review import note_readings
    from ratbond.programs import builtin_program, builtin_vocabulary

    result = parse_notes(
        notes, [m.animal.to_model() for m in intro.members], intro.program, intro.roles
    )
    species = {m.animal.key: m.animal.species for m in intro.members}
    classes = class_table(builtin_program(intro.program), builtin_vocabulary())
    return note_readings(result, species, classes)


def notes_counted(
    intro: IntroductionRecord,
    notes: str | None,
    signals: Mapping[str, Sequence[str]],
    to_count: Callable[[str, str], str],
) -> NotesCounted:
    """What of `notes` the advice counted for a session whose ticked signals are `signals`
    (by animal id), and what it left out. `to_count(animal, signal)` says how to count a
    reading left out because the animal's signals were given without it (`add it with
    --signal tom:hissing`)."""
    from ratbond.notes.review import stays

    if not notes:
        return NotesCounted((), ())
    read = notes_read(intro, notes)
    labels = {m.animal.key: m.animal.label for m in intro.members}
    used: set[tuple[str, str]] = set()
    by_animal: dict[str, list[str]] = {}
    left_out: list[str] = []
    for reading in read.readings:
        ticked = signals.get(reading.animal)
        name = reading.signal.replace("_", " ")
        label = labels[reading.animal]
        if stays(reading, ticked) and (ticked is None or reading.signal not in ticked):
            used.add((reading.animal, reading.signal))
            if not reading.unsure:
                by_animal.setdefault(reading.animal, []).append(name)
        elif ticked is not None and reading.signal not in ticked and not reading.unsure:
            said = f'"{reading.phrases[0]}" ({label}: {name}; '
            how = to_count(reading.animal, reading.signal)
            if reading.confirm:
                # A danger the words left unsure: the owner said no, or left it unticked.
                said += f"your words could not rule it out, and {label}'s signals leave it out "
                left_out.append(said + f"as not having happened; if it did: {how})")
            else:
                said += (
                    f"you gave {label}'s signals, so the notes add only danger, aggression "
                    "and illness"
                )
                left_out.append(said + f": {how})")
    for unsure in read.unsure:
        if not unsure.counts:
            left_out.append(
                f'"{unsure.item.text}" ({unsure.item.signal.replace("_", " ")}, no animal named: '
                "a calm sign counts only for the animal it names)"
            )
    counted = [f"{labels[animal]}: {', '.join(names)}" for animal, names in by_animal.items()]
    for unsure in read.unsure:
        candidates = [labels[a] for a, name in unsure.item.candidates if (a, name) in used]
        if candidates:
            counted.append(
                f"{unsure.item.signal.replace('_', ' ')} (animal not named; counted for "
                f"{' or '.join(candidates)})"
            )
    return NotesCounted(tuple(counted), tuple(left_out))
