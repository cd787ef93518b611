"""Load and validate program and vocabulary files, and publish the program file's JSON Schema.

Validation uses pydantic, which is slow to import, so a validated file is cached (pickled,
keyed by the hash of its bytes) and later loads skip both YAML parsing and pydantic.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from ratbond.datafiles import FilePath, cached, line_of, read_yaml, validate
from ratbond.errors import DataFileError, did_you_mean, format_path
from ratbond.model import (
    ALERT_CODES,
    AlertCode,
    AlertInfo,
    Program,
    Signal,
    Species,
    Vocabulary,
)

# File names as text: the `evaluate` path never imports `pathlib`, which is slow to import.
DATA_DIR = os.path.join(os.path.dirname(__file__), "data")
PROGRAMS_DIR = os.path.join(DATA_DIR, "programs")
SIGNALS_FILE = os.path.join(DATA_DIR, "signals.yaml")
ALERTS_FILE = os.path.join(DATA_DIR, "alerts.yaml")
NOTES_FILE = os.path.join(DATA_DIR, "notes.yaml")
"""The notes reader's rules (`ratbond.notes.lexicon`), named here so that a digest of them
needs no import of the reader (`ratbond.store.replays.reader_version`)."""


def load_vocabulary(
    signals_file: FilePath = SIGNALS_FILE, alerts_file: FilePath = ALERTS_FILE
) -> Vocabulary:
    """The signal vocabulary and alert catalogue, validated (or from the cache)."""
    return cached(
        "vocabulary",
        [signals_file, alerts_file],
        lambda: _build_vocabulary(signals_file, alerts_file),
    )


def _build_vocabulary(signals_file: FilePath, alerts_file: FilePath) -> Vocabulary:
    text, data = read_yaml(signals_file)
    signals = validate(signals_file, text, data, dict[Species, dict[str, Signal]])
    for species, by_id in signals.items():
        for signal_id in by_id:
            if not signal_id.isidentifier() or signal_id != signal_id.lower():
                raise DataFileError(
                    os.fspath(signals_file),
                    f"{species}.{signal_id}",
                    "signal ids are lower case words joined by underscores",
                    line_of(text, (species, signal_id)),
                )
    text, data = read_yaml(alerts_file)
    alerts = validate(alerts_file, text, data, dict[AlertCode, AlertInfo])
    missing = sorted(set(ALERT_CODES) - set(alerts))
    if missing:
        raise DataFileError(os.fspath(alerts_file), missing[0], "alert code is not described")
    return Vocabulary(signals=signals, alerts=alerts)


def load_program(file: FilePath, vocabulary: Vocabulary) -> Program:
    """A program file, validated against the schema and the vocabulary (or from the cache)."""
    # The vocabulary files are part of the key: the cross-check depends on them.
    files = [file, SIGNALS_FILE, ALERTS_FILE]
    return cached("program", files, lambda: _build_program(file, vocabulary))


def _build_program(file: FilePath, vocabulary: Vocabulary) -> Program:
    text, data = read_yaml(file)
    program: Program = validate(file, text, data, Program)
    problem = _cross_check(program, vocabulary)
    if problem is not None:
        loc, message = problem
        raise DataFileError(os.fspath(file), format_path(loc), message, line_of(text, loc))
    return program


def _cross_check(
    program: Program, vocabulary: Vocabulary
) -> tuple[tuple[str | int, ...], str] | None:
    """The first rule that ties fields together and that the program breaks, if any."""
    problem = _check_role_signals(program, vocabulary)
    if problem is not None:
        return problem
    seen: set[str] = set()
    for index, stage in enumerate(program.stages):
        if stage.id in seen:
            return ("stages", index, "id"), f"stage id '{stage.id}' is used twice"
        seen.add(stage.id)
        if stage.gate is not None and index != 0:
            return ("stages", index, "gate"), "only the first stage may be a waiting stage"
        if stage.gate is not None and stage.gate.role not in program.roles:
            return ("stages", index, "gate", "role"), (
                f"unknown role '{stage.gate.role}'" + did_you_mean(stage.gate.role, program.roles)
            )
        if (
            stage.gate is None
            and stage.calm_to_advance is None
            and not (program.rules.calm_to_advance_by_origin)
        ):
            return (
                "stages",
                index,
            ), "a stage needs calm_to_advance (or rules.calm_to_advance_by_origin)"
        if stage.minutes is not None and stage.minutes.start > stage.minutes.max:
            return ("stages", index, "minutes", "start"), "start is longer than max"
        if stage.progress_signal is not None and not any(
            stage.progress_signal in vocabulary.signals.get(role.species, {})
            for role in program.roles.values()
        ):
            return ("stages", index, "progress_signal"), f"unknown signal '{stage.progress_signal}'"
    if all(stage.gate is not None for stage in program.stages):
        return ("stages",), "a program needs at least one stage that is not a waiting stage"
    references: list[tuple[tuple[str | int, ...], Species, str]] = []
    for species, overrides in program.signal_class_overrides.items():
        references += [(("signal_class_overrides", species, s), species, s) for s in overrides]
    for species, alerts in program.rules.signal_alerts.items():
        references += [(("rules", "signal_alerts", species, s), species, s) for s in alerts]
    if program.rules.injury_stop is not None:
        for species, names in program.rules.injury_stop.signals.items():
            references += [
                (("rules", "injury_stop", "signals", species, i), species, s)
                for i, s in enumerate(names)
            ]
    for index, stage in enumerate(program.stages):
        if stage.gate is not None:
            for species, names in stage.gate.contact_signals.items():
                references += [
                    (("stages", index, "gate", "contact_signals", species, i), species, s)
                    for i, s in enumerate(names)
                ]
        if stage.progress_signal is not None:
            species_of = {role.species for role in program.roles.values()}
            references += [
                (("stages", index, "progress_signal"), species, stage.progress_signal)
                for species in species_of
                if stage.progress_signal in vocabulary.signals.get(species, {})
            ]
    for loc, species, signal_id in references:
        known = vocabulary.signals.get(species, {})
        if signal_id not in known:
            return loc, f"unknown {species} signal '{signal_id}'" + did_you_mean(signal_id, known)
        offered = species_signals(program, vocabulary, species)
        if signal_id not in offered:
            return loc, (
                f"{species} signal '{signal_id}' is not offered to any {species} role of the "
                "program; add it to that role's `signals`"
            )
    return None


def _check_role_signals(
    program: Program, vocabulary: Vocabulary
) -> tuple[tuple[str | int, ...], str] | None:
    """A role's `signals` list: known signals of its species, each once, at least one."""
    for name, role in program.roles.items():
        if role.signals is None:
            continue
        known = vocabulary.signals.get(role.species, {})
        if not role.signals:
            return ("roles", name, "signals"), "list at least one signal, or leave the key out"
        listed: set[str] = set()
        for index, signal_id in enumerate(role.signals):
            loc: tuple[str | int, ...] = ("roles", name, "signals", index)
            if signal_id not in known:
                return loc, f"unknown {role.species} signal '{signal_id}'" + did_you_mean(
                    signal_id, known
                )
            if signal_id in listed:
                return loc, f"signal '{signal_id}' is listed twice"
            listed.add(signal_id)
    return None


def role_signals(program: Program, vocabulary: Vocabulary, role: str) -> tuple[str, ...]:
    """The signals offered for an animal in `role` when a session is logged: the role's
    `signals`, in the vocabulary's order; every signal of its species without the key."""
    part = program.roles[role]
    known = vocabulary.signals.get(part.species, {})
    if part.signals is None:
        return tuple(known)
    listed = set(part.signals)
    return tuple(signal_id for signal_id in known if signal_id in listed)


def species_signals(program: Program, vocabulary: Vocabulary, species: Species) -> set[str]:
    """The signals offered to some role of `species` in `program`."""
    return {
        signal_id
        for role, part in program.roles.items()
        if part.species == species
        for signal_id in role_signals(program, vocabulary, role)
    }


@cache
def builtin_vocabulary() -> Vocabulary:
    return load_vocabulary()


@cache
def builtin_program_files() -> dict[str, str]:
    """The shipped program files (in `programs/` and its folders) by program id."""
    files = sorted(
        os.path.join(folder, name)
        for folder, _, names in os.walk(PROGRAMS_DIR)
        for name in names
        if name.endswith(".yaml")
    )
    return {os.path.basename(file).removesuffix(".yaml"): file for file in files}


@cache
def builtin_program(program_id: str) -> Program:
    """A shipped program by id; raises KeyError for an unknown id."""
    files = builtin_program_files()
    return load_program(files[program_id], builtin_vocabulary())


def stage_title(program: Program | str, stage_id: str) -> str:
    """How a stage is named wherever an owner reads it (CLI, pages, reasons): its title
    (`Cages side by side`), never its id (`side_by_side`). `program` is a program or a
    shipped program's id; the id stays only for a stage its program no longer has."""
    if isinstance(program, str):
        if program not in builtin_program_files():
            return stage_id
        program = builtin_program(program)
    return next((stage.title for stage in program.stages if stage.id == stage_id), stage_id)


def builtin_programs() -> dict[str, Program]:
    return {key: builtin_program(key) for key in builtin_program_files()}


class BuiltinCatalog(Mapping[str, Program]):
    """The shipped programs by id, each loaded only when asked for (keeps `evaluate` quick)."""

    def __getitem__(self, program_id: str) -> Program:
        return builtin_program(program_id)

    def __iter__(self) -> Iterator[str]:
        return iter(builtin_program_files())

    def __len__(self) -> int:
        return len(builtin_program_files())


def program_schema() -> dict[str, Any]:
    """The JSON Schema of a program file, for people writing their own programs."""
    from pydantic import TypeAdapter

    schema: dict[str, Any] = TypeAdapter(Program).json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ratbond program file"
    return schema
