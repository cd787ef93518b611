"""Turn a scenario document (parsed JSON) into a validated `Scenario`, or one precise InputError.

Hand-written rather than pydantic so the `evaluate` path starts fast and every message can name
the field path, the species involved and the nearest valid id.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ratbond.errors import InputError, clipped, did_you_mean, format_path
from ratbond.errors import kind_of as _kind
from ratbond.limits import DATE_CEILING, MAX_ATTEMPTS, MAX_MINUTES
from ratbond.limits import DATE_FLOOR as DATE_FLOOR
from ratbond.limits import MAX_ID as MAX_ID
from ratbond.limits import MAX_NAME as MAX_NAME
from ratbond.limits import MAX_NOTES as MAX_NOTES
from ratbond.limits import MAX_SEX as MAX_SEX
from ratbond.model import (
    ORIGINS,
    PREY_DRIVES,
    SPECIES,
    Animal,
    Program,
    Scenario,
    Session,
    Vocabulary,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")

ANIMAL_ID = re.compile(r"[a-z0-9_-]+")
# Characters no name can hold: control characters and line breaks (a name is one line).
_CONTROLS = r"\x00-\x1f\x7f-\x9f\u2028\u2029"
CONTROL = re.compile(f"[{_CONTROLS}]")
# Invisible characters that reorder the text around them (bidi embeddings, overrides and
# isolates) or hide in it (zero-width space, word joiner, byte order mark): a name holding one
# can be shown reversed or be told apart from its look-alike. The joiners some scripts need
# (U+200C, U+200D) and the plain direction marks (U+200E, U+200F) stay allowed.
_INVISIBLES = r"\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff"
INVISIBLE = re.compile(f"[{_INVISIBLES}]")
# The same rule as a JSON Schema pattern, for the API's one-line fields.
ONE_LINE_PATTERN = f"^[^{_CONTROLS}{_INVISIBLES}]*$"
SCENARIO_FIELDS = ("program", "today", "animals", "roles", "sessions")
ANIMAL_FIELDS = (
    "id",
    "species",
    "name",
    "sex",
    "born",
    "arrived",
    "origin",
    "prey_drive",
    "health_check",
)
SESSION_FIELDS = (
    "date",
    "stage",
    "minutes",
    "supervised",
    "signals",
    "notes",
    "attempts",
    "rewarded",
)
Path = tuple[str | int, ...]


def fail(path: Path, message: str) -> InputError:
    return InputError(format_path(path), message)


class _Repeated(dict[str, Any]):
    """A JSON object in which a key was given twice; `key` is the first such key."""

    key: str = ""


def parse_json(text: str) -> Any:
    """Parse JSON text into plain data, or one InputError that says what is wrong and where.

    A byte order mark at the start is ignored (some editors write one); an empty text, NaN or
    Infinity, and a key given twice in one object (JSON readers disagree on which value wins)
    are refused; syntax errors say line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("", "is empty; expected one JSON object")
    repeated: list[_Repeated] = []

    def refuse(constant: str) -> Any:
        raise InputError("", f"'{constant}' is not a number JSON allows; use a finite number")

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) == len(items):
            return obj
        twice = _Repeated(obj)
        keys = [key for key, _ in items]
        twice.key = next(key for index, key in enumerate(keys) if key in keys[:index])
        repeated.append(twice)
        return twice

    try:
        document = json.loads(text, parse_constant=refuse, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        raise InputError(
            "", f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise InputError("", "the JSON document is nested too deeply") from None
    except ValueError:  # Python's own limit on the digits of a number (4,300)
        raise InputError(
            "", "holds a number thousands of digits long, which no field takes"
        ) from None
    if repeated:
        twice = repeated[0]
        raise fail(
            (*_path_to(document, twice), twice.key),
            "given twice in the same object; keep one of them",
        )
    return document


def _path_to(document: object, target: object) -> Path:
    """The path of `target` (found by identity) inside a parsed JSON document."""
    stack: list[tuple[object, Path]] = [(document, ())]
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if isinstance(node, dict):
            stack.extend((value, (*path, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*path, index)) for index, value in enumerate(node))
    return ()


def id_problem(value: str) -> str | None:
    """What is wrong with an id (of an animal, or of an introduction sent to the API), in the
    words every caller shows; None for a good one."""
    if len(value) > MAX_ID:
        return f"is {len(value):,} characters long; at most {MAX_ID}"
    if not ANIMAL_ID.fullmatch(value):
        return (
            f"'{clipped(value)}' is not a valid id; use lower-case letters, digits, '-' and '_' "
            "only"
        )
    return None


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(value: object, path: Path) -> dt.date:
    if not isinstance(value, str):
        raise fail(path, f"expected a date as text (YYYY-MM-DD), got {_kind(value)}")
    try:
        # fromisoformat alone also takes week dates ("2026-W10-1") and digits of other scripts
        if ISO_DAY.fullmatch(value) is None:
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(path, f"'{clipped(value)}' is not a date; write it as YYYY-MM-DD") from None


def _object(value: object, path: Path, allowed: tuple[str, ...], what: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise fail(path, f"expected {what} (a JSON object), got {_kind(value)}")
    for key in value:
        if key not in allowed:
            hint = did_you_mean(key, allowed) or "; the fields are " + ", ".join(allowed)
            raise fail((*path, key), "unknown field" + hint)
    return value


def _list(value: object, path: Path, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise fail(path, f"expected a list of {what}, got {_kind(value)}")
    return value


def _text(value: object, path: Path) -> str:
    if not isinstance(value, str):
        raise fail(path, f"expected text, got {_kind(value)}")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: `"\\ud800"` in JSON, a bad byte in argv
            raise fail(path, "holds a character that is not text (a lone surrogate)") from None
    return value


def storable_text(value: str, path: Path) -> str:
    """`value` when every store can keep it: text (no lone surrogate) without a NUL character
    (PostgreSQL refuses one, SQLite would keep it). Free text that no other rule checks (an
    animal's markings, a vet's findings, who logged) passes here on its way in from the API
    and the forms; the command line cannot carry a NUL, and refuses what is not UTF-8."""
    _text(value, path)
    if "\x00" in value:
        raise fail(path, "holds a NUL character; type the text again as plain text")
    return value


def _line(value: object, path: Path, longest: int) -> str:
    """Text of one line, at most `longest` characters, without control characters."""
    text = _text(value, path)
    if len(text) > longest:
        raise fail(path, f"is {len(text)} characters long; at most {longest}")
    found = CONTROL.search(text)
    if found is not None:
        raise fail(
            path, f"holds a control character ({json.dumps(found.group())}); type it on one line"
        )
    hidden = INVISIBLE.search(text)
    if hidden is not None:
        raise fail(
            path,
            f"holds an invisible character ({json.dumps(hidden.group())}) that can reverse or "
            "hide the text shown after it; type it again without it",
        )
    return text


def _notes(value: object, path: Path) -> str:
    text = _text(value, path)
    if len(text) > MAX_NOTES:
        raise fail(
            path,
            f"is {len(text):,} characters long; a session's notes hold at most {MAX_NOTES:,}: "
            "keep what was seen, in a few paragraphs",
        )
    if "\x00" in text:
        raise fail(path, "holds a NUL character; save the notes as plain text")
    return text


def _choice(value: object, path: Path, choices: tuple[T, ...], what: str) -> T:
    shown = ", ".join(f"'{c}'" for c in choices)
    if not isinstance(value, str):
        raise fail(path, f"expected the {what} as text, one of {shown}; got {_kind(value)}")
    if value not in choices:
        hint = did_you_mean(value, [str(c) for c in choices])
        raise fail(
            path, f"unknown {what} {json.dumps(clipped(value))}{hint}; expected one of {shown}"
        )
    return value


def _optional(
    data: Mapping[str, Any], key: str, path: Path, convert: Callable[[object, Path], T]
) -> T | None:
    value = data.get(key)
    return None if value is None else convert(value, (*path, key))


def plausible_day(day: dt.date, today: dt.date, path: Path) -> dt.date:
    """`day` when an owner can have seen it: from `DATE_FLOOR` to `today`. Every date of a
    record passes here (a scenario's, and the store's through `not_future`)."""
    if day > today:
        raise fail(
            path,
            f"{day.isoformat()} is after today ({today.isoformat()}); "
            "only past and present dates can be logged",
        )
    if day < DATE_FLOOR:
        raise fail(
            path,
            f"{day.isoformat()} is before {DATE_FLOOR.isoformat()}, earlier than any animal "
            "alive today was born; check the year",
        )
    return day


def plausible_today(today: dt.date) -> dt.date:
    """`today` when ratbond can reckon from it: from `DATE_FLOOR` to `DATE_CEILING`."""
    if today > DATE_CEILING:
        raise fail(
            ("today",),
            f"{today.isoformat()} is after {DATE_CEILING.isoformat()}, the latest date ratbond "
            "reckons with; check the year, or leave 'today' out to use the local date",
        )
    if today < DATE_FLOOR:
        raise fail(
            ("today",),
            f"{today.isoformat()} is before {DATE_FLOOR.isoformat()}, earlier than any animal "
            "alive today was born; check the year, or leave 'today' out to use the local date",
        )
    return today


def parse_scenario(
    document: object,
    vocabulary: Vocabulary,
    programs: Mapping[str, Program],
    default_today: dt.date,
) -> Scenario:
    """Validate a scenario against the contract; `programs` maps ids to the known programs."""
    data = _object(document, (), SCENARIO_FIELDS, "a scenario")
    program = _program(data, programs)
    today = plausible_today(
        parse_date(data["today"], ("today",)) if data.get("today") is not None else default_today
    )
    animals = _animals(data, today)
    roles = _roles(data, program, animals)
    sessions = _sessions(data, program, vocabulary, animals, roles, today)
    return Scenario(program=program, today=today, animals=animals, roles=roles, sessions=sessions)


def _program(data: Mapping[str, Any], programs: Mapping[str, Program]) -> Program:
    if "program" not in data:
        if len(programs) == 1:
            return next(iter(programs.values()))
        raise fail(
            ("program",),
            "required field is missing; name one of " + ", ".join(f"'{p}'" for p in programs),
        )
    program_id = _text(data["program"], ("program",))
    if program_id not in programs:
        raise fail(("program",), unknown_program(program_id, programs))
    return programs[program_id]


def unknown_program(program_id: str, known: Iterable[str]) -> str:
    """`unknown program 'x' (did you mean 'y'?); known: ...`, wherever a program is named."""
    known = list(known)
    return (
        f"unknown program '{clipped(program_id)}'"
        + did_you_mean(program_id, known)
        + "; known: "
        + ", ".join(known)
    )


def unknown_animal(animal_id: str, animals: Mapping[str, Animal]) -> str:
    """`unknown animal 'x'`, with the nearest id, or else the ids of the scenario's animals."""
    hint = did_you_mean(animal_id, animals)
    if not hint:
        ids = list(animals)
        more = f" and {len(ids) - 6:,} more" if len(ids) > 6 else ""
        hint = "; give the id of one of the animals: " + ", ".join(ids[:6]) + more
    return f"unknown animal '{clipped(animal_id)}'" + hint


def _animals(data: Mapping[str, Any], today: dt.date) -> dict[str, Animal]:
    if "animals" not in data:
        raise fail(("animals",), "required field is missing; list the animals taking part")
    items = _list(data["animals"], ("animals",), "animals")
    if not items:
        raise fail(("animals",), "list at least one animal")
    return animal_list(items, ("animals",), today)


def animal_list(items: Sequence[object], path: Path, today: dt.date) -> dict[str, Animal]:
    """Animals by id, each checked by `parse_animal`; two with one id are refused."""
    animals: dict[str, Animal] = {}
    for index, item in enumerate(items):
        animal = parse_animal(item, (*path, index), today)
        if animal.id in animals:
            raise fail((*path, index, "id"), f"id '{animal.id}' is used by another animal")
        animals[animal.id] = animal
    return animals


def parse_animal(value: object, path: Path, today: dt.date) -> Animal:
    """One animal as the contract describes it (`ANIMAL_FIELDS`), by the contract's rules; an
    InputError names the field under `path`. Every animal ratbond takes in passes here: a
    scenario's, one the store adds or edits, one of a `ratbond notes parse` request."""
    entry = _object(value, path, ANIMAL_FIELDS, "an animal")
    # The name first: an id is often made from it, and a name too long is the owner's slip.
    name = _optional(entry, "name", path, lambda v, p: _line(v, p, MAX_NAME))
    if "id" not in entry:
        raise fail(
            (*path, "id"),
            "required field is missing; give the animal an id of lower-case letters, digits, "
            "'-' and '_' (such as 'pip')",
        )
    animal_id = _text(entry["id"], (*path, "id"))
    problem = id_problem(animal_id)
    if problem is not None:
        raise fail((*path, "id"), problem)
    if "species" not in entry:
        raise fail((*path, "species"), "required field is missing; 'cat' or 'rat'")
    species = _choice(entry["species"], (*path, "species"), SPECIES, "species")
    prey_drive = _optional(
        entry, "prey_drive", path, lambda v, p: _choice(v, p, PREY_DRIVES, "prey drive")
    )
    if prey_drive is not None and species != "cat":
        raise fail((*path, "prey_drive"), "only cats have a prey drive; remove it for a rat")

    def past_date(value: object, where: Path) -> dt.date:
        return plausible_day(parse_date(value, where), today, where)

    born = _optional(entry, "born", path, past_date)
    arrived = _optional(entry, "arrived", path, past_date)
    if born is not None and arrived is not None and arrived < born:
        raise fail(
            (*path, "arrived"),
            f"{arrived.isoformat()} is before the animal was born ({born.isoformat()}); "
            "check both dates",
        )
    return Animal(
        id=animal_id,
        species=species,
        name=name,
        sex=_optional(entry, "sex", path, lambda v, p: _line(v, p, MAX_SEX)),
        born=born,
        arrived=arrived,
        origin=_optional(entry, "origin", path, lambda v, p: _choice(v, p, ORIGINS, "origin")),
        prey_drive=prey_drive,
        health_check=_optional(entry, "health_check", path, past_date),
    )


def _roles(
    data: Mapping[str, Any], program: Program, animals: Mapping[str, Animal]
) -> dict[str, tuple[str, ...]]:
    names = tuple(program.roles)
    if "roles" not in data:
        raise fail(("roles",), "required field is missing; give " + ", ".join(names))
    entry = _object(data["roles"], ("roles",), names, f"the roles of {program.id}")
    roles: dict[str, tuple[str, ...]] = {}
    playing: dict[str, str] = {}
    for name, role in program.roles.items():
        path: Path = ("roles", name)
        if name not in entry:
            raise fail(path, f"required role is missing; list the {role.species}s that play it")
        members = _list(entry[name], path, "animal ids")
        if not members:
            raise fail(path, f"list at least one {role.species}")
        for index, member in enumerate(members):
            where = (*path, index)
            animal_id = _text(member, where)
            if animal_id not in animals:
                raise fail(where, unknown_animal(animal_id, animals))
            species = animals[animal_id].species
            if species != role.species:
                raise fail(
                    where,
                    f"'{animal_id}' is a {species}, but the {name} role needs a {role.species}",
                )
            if animal_id in playing:
                raise fail(
                    where,
                    f"'{animal_id}' is listed twice in the {name} role; list it once"
                    if playing[animal_id] == name
                    else f"'{animal_id}' already plays the {playing[animal_id]} role; "
                    "an animal plays one role",
                )
            playing[animal_id] = name
        roles[name] = tuple(members)
    # An arrival date the waiting stage needs may be missing (the contract makes `arrived`
    # optional): the engine then waits for it (`Decision._missing_prerequisites`).
    return roles


def _minutes(value: object, path: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(path, f"expected a number of minutes, got {_kind(value)}")
    if isinstance(value, int) and value > MAX_MINUTES:  # beyond a float's range, too
        raise _too_long(path, value)
    minutes = float(value)
    if not math.isfinite(minutes):
        raise fail(path, "minutes must be a finite number")
    if minutes < 0:
        raise fail(path, f"{minutes:g} is negative; minutes must be 0 or more")
    if minutes > MAX_MINUTES:
        raise _too_long(path, value)
    return minutes


def _too_long(path: Path, value: float) -> InputError:
    return fail(
        path,
        f"{_shown(value)} minutes is more than a day; give the session's length in minutes "
        f"(at most {MAX_MINUTES:,})",
    )


def _shown(value: float) -> str:
    """A number as a message shows it: a long integer by its count of digits."""
    if isinstance(value, int):
        return str(value) if value < 10**15 else f"a {len(str(value))}-digit number of"
    return f"{value:g}"


def _sessions(
    data: Mapping[str, Any],
    program: Program,
    vocabulary: Vocabulary,
    animals: Mapping[str, Animal],
    roles: Mapping[str, tuple[str, ...]],
    today: dt.date,
) -> tuple[Session, ...]:
    given = data.get("sessions")
    items = [] if given is None else _list(given, ("sessions",), "sessions")
    stages = {stage.id: stage for stage in program.stages}
    in_role = {animal for members in roles.values() for animal in members}
    sessions: list[Session] = []
    for index, item in enumerate(items):
        path: Path = ("sessions", index)
        entry = _object(item, path, SESSION_FIELDS, "a session")
        if "date" not in entry:
            raise fail(
                (*path, "date"), "required field is missing; give the session's date as YYYY-MM-DD"
            )
        day = plausible_day(parse_date(entry["date"], (*path, "date")), today, (*path, "date"))
        if sessions and day < sessions[-1].date:
            # Section 2: sessions come in date order, and a day's in the order they happened,
            # which only the caller knows: a history out of order is refused, never guessed.
            raise fail(
                (*path, "date"),
                f"{day.isoformat()} is before the session before it "
                f"({sessions[-1].date.isoformat()}); give the sessions in date order, a day's "
                "in the order they happened",
            )
        if "stage" not in entry:
            raise fail(
                (*path, "stage"),
                "required field is missing; name one of the stages of "
                f"{program.id}: " + ", ".join(stages),
            )
        stage_id = _text(entry["stage"], (*path, "stage"))
        if stage_id not in stages:
            raise fail(
                (*path, "stage"),
                f"unknown stage '{clipped(stage_id)}' for {program.id}"
                + did_you_mean(stage_id, stages)
                + "; stages: "
                + ", ".join(stages),
            )
        stage = stages[stage_id]
        minutes = _optional(entry, "minutes", path, _minutes)
        if minutes is None and stage.minutes is not None:
            raise fail(
                (*path, "minutes"),
                f"required at the timed stage '{stage_id}'; give the session's length in minutes",
            )
        supervised = entry.get("supervised", True)
        if not isinstance(supervised, bool):
            raise fail((*path, "supervised"), f"expected true or false, got {_kind(supervised)}")
        signals = _signals(entry.get("signals"), (*path, "signals"), vocabulary, animals, in_role)
        notes = _optional(entry, "notes", path, _notes)
        attempts, rewarded = _attempts(entry, path, stage_id, stage.min_success_rate is not None)
        sessions.append(
            Session(
                date=day,
                stage=stage_id,
                minutes=minutes,
                supervised=supervised,
                signals=signals,
                notes=notes,
                attempts=attempts,
                rewarded=rewarded,
            )
        )
    return tuple(sessions)


def _count_of(value: object, path: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(path, f"expected a whole number, got {_kind(value)}")
    if value < 0:
        raise fail(path, f"{value} is negative; count 0 or more")
    if value > MAX_ATTEMPTS:
        raise fail(
            path,
            f"{_shown(value)} tries is more than one session holds; count at most {MAX_ATTEMPTS:,}",
        )
    return value


def _attempts(
    entry: Mapping[str, Any], path: Path, stage_id: str, required: bool
) -> tuple[int | None, int | None]:
    """A training session's attempts and rewarded count, checked against each other."""
    attempts = _optional(entry, "attempts", path, _count_of)
    rewarded = _optional(entry, "rewarded", path, _count_of)
    if required and attempts is None:
        raise fail(
            (*path, "attempts"),
            f"required at the training stage '{stage_id}'; count the tries at the behaviour",
        )
    if required and rewarded is None:
        raise fail(
            (*path, "rewarded"),
            f"required at the training stage '{stage_id}'; "
            "count the tries that earned a click and a treat",
        )
    if attempts is not None and rewarded is not None and rewarded > attempts:
        raise fail(
            (*path, "rewarded"),
            f"{rewarded} rewarded is more than the {attempts} attempts; count each try once",
        )
    return attempts, rewarded


def _signals(
    value: object,
    path: Path,
    vocabulary: Vocabulary,
    animals: Mapping[str, Animal],
    in_role: set[str],
) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail(
            path, f"expected an object mapping animal ids to signal lists, got {_kind(value)}"
        )
    signals: dict[str, tuple[str, ...]] = {}
    for animal_id, names in value.items():
        where: Path = (*path, animal_id)
        if animal_id not in animals:
            raise fail(where, unknown_animal(animal_id, animals))
        if animal_id not in in_role:
            raise fail(where, f"'{animal_id}' plays no role in this introduction")
        species = animals[animal_id].species
        known = vocabulary.signals[species]
        seen: list[str] = []
        for index, name in enumerate(_list(names, where, "signal ids")):
            signal = _text(name, (*where, index))
            if signal not in known:
                raise fail(
                    (*where, index),
                    f"unknown signal '{clipped(signal)}' for a {species}"
                    + did_you_mean(signal, known)
                    + f"; see 'ratbond signals --species {species}'",
                )
            if signal not in seen:
                seen.append(signal)
        signals[animal_id] = tuple(seen)
    return signals
