"""Load and validate program and vocabulary files, and publish the program file's JSON Schema.

Validation uses pydantic, which is slow to import, so a validated file is cached (pickled,
keyed by the hash of its bytes) and later loads skip both YAML parsing and pydantic.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from ratbond import __version__
from ratbond.errors import DataFileError, did_you_mean, format_path
from ratbond.model import AlertCode, AlertInfo, Program, Signal, Species, Vocabulary

if TYPE_CHECKING:
    import yaml

DATA_DIR = Path(__file__).parent / "data"
PROGRAMS_DIR = DATA_DIR / "programs"
SIGNALS_FILE = DATA_DIR / "signals.yaml"
ALERTS_FILE = DATA_DIR / "alerts.yaml"

T = TypeVar("T")


def cache_dir() -> Path:
    """Where validated files are cached: `RATBOND_CACHE_DIR`, else the platform's cache folder."""
    configured = os.environ.get("RATBOND_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("ratbond"))


def _cached(kind: str, files: list[Path], build: Callable[[], T]) -> T:
    digest = hashlib.sha256(f"{kind}:{__version__}".encode())
    for file in files:
        digest.update(file.read_bytes())
    target = cache_dir() / f"{kind}-{digest.hexdigest()[:32]}.pickle"
    try:
        with target.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as temporary:
            pickle.dump(value, temporary, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary.name, target)
    except OSError:
        pass  # a read-only cache only costs speed
    return value


def _read_yaml(file: Path) -> tuple[str, Any]:
    import yaml

    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(str(file), "", "no such file; check the path") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(str(file), "", f"cannot be read ({error})") from None
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return text, yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise DataFileError(str(file), "", f"not valid YAML: {problem}", line) from None


def _line_of(text: str, loc: tuple[str | int, ...]) -> int | None:
    """The 1-based line of the YAML node at `loc`, or of its nearest existing parent."""
    import yaml

    node: yaml.Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    child = key if value is None else value
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _validate(file: Path, text: str, data: Any, shape: Any) -> Any:
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(shape).validate_python(data, strict=False)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = tuple(part for part in first["loc"] if isinstance(part, str | int))
        message = first["msg"]
        if first["type"] in {"unexpected_keyword_argument", "extra_forbidden"}:
            message = "unknown field" + did_you_mean(str(loc[-1]), _field_names(shape, loc))
        elif first["type"] == "missing":
            message = "required field is missing"
        raise DataFileError(str(file), format_path(loc), message, _line_of(text, loc)) from None


def _field_names(shape: Any, loc: tuple[str | int, ...]) -> list[str]:
    """Field names of the dataclass that holds the unknown field, for a did-you-mean hint."""
    import dataclasses
    import typing

    current: Any = shape
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if dataclasses.is_dataclass(current):
            hints = typing.get_type_hints(current)
            current = hints.get(str(part))
        args = [arg for arg in get_args(current) if arg is not type(None)]
        while args and not dataclasses.is_dataclass(current):
            current = args[-1]
            args = [arg for arg in get_args(current) if arg is not type(None)]
    if dataclasses.is_dataclass(current):
        return [f.name.rstrip("_") for f in dataclasses.fields(current)]
    return []


def load_vocabulary(
    signals_file: Path = SIGNALS_FILE, alerts_file: Path = ALERTS_FILE
) -> Vocabulary:
    """The signal vocabulary and alert catalogue, validated (or from the cache)."""
    return _cached(
        "vocabulary",
        [signals_file, alerts_file],
        lambda: _build_vocabulary(signals_file, alerts_file),
    )


def _build_vocabulary(signals_file: Path, alerts_file: Path) -> Vocabulary:
    text, data = _read_yaml(signals_file)
    signals = _validate(signals_file, text, data, dict[Species, dict[str, Signal]])
    for species, by_id in signals.items():
        for signal_id in by_id:
            if not signal_id.isidentifier() or signal_id != signal_id.lower():
                raise DataFileError(
                    str(signals_file),
                    f"{species}.{signal_id}",
                    "signal ids are lower case words joined by underscores",
                    _line_of(text, (species, signal_id)),
                )
    text, data = _read_yaml(alerts_file)
    alerts = _validate(alerts_file, text, data, dict[AlertCode, AlertInfo])
    missing = sorted(set(get_args(AlertCode)) - set(alerts))
    if missing:
        raise DataFileError(str(alerts_file), missing[0], "alert code is not described")
    return Vocabulary(signals=signals, alerts=alerts)


def load_program(file: Path, vocabulary: Vocabulary) -> Program:
    """A program file, validated against the schema and the vocabulary (or from the cache)."""
    # The vocabulary files are part of the key: the cross-check depends on them.
    files = [file, SIGNALS_FILE, ALERTS_FILE]
    return _cached("program", files, lambda: _build_program(file, vocabulary))


def _build_program(file: Path, vocabulary: Vocabulary) -> Program:
    text, data = _read_yaml(file)
    program: Program = _validate(file, text, data, Program)
    problem = _cross_check(program, vocabulary)
    if problem is not None:
        loc, message = problem
        raise DataFileError(str(file), format_path(loc), message, _line_of(text, loc))
    return program


def _cross_check(
    program: Program, vocabulary: Vocabulary
) -> tuple[tuple[str | int, ...], str] | None:
    """The first rule that ties fields together and that the program breaks, if any."""
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
    for loc, species, signal_id in references:
        known = vocabulary.signals.get(species, {})
        if signal_id not in known:
            return loc, f"unknown {species} signal '{signal_id}'" + did_you_mean(signal_id, known)
    return None


@cache
def builtin_vocabulary() -> Vocabulary:
    return load_vocabulary()


def builtin_program_files() -> dict[str, Path]:
    return {path.stem: path for path in sorted(PROGRAMS_DIR.glob("*.yaml"))}


def builtin_program(program_id: str) -> Program:
    """A shipped program by id; raises KeyError for an unknown id."""
    files = builtin_program_files()
    return load_program(files[program_id], builtin_vocabulary())


def builtin_programs() -> dict[str, Program]:
    return {key: builtin_program(key) for key in builtin_program_files()}


def program_schema() -> dict[str, Any]:
    """The JSON Schema of a program file, for people writing their own programs."""
    from pydantic import TypeAdapter

    schema: dict[str, Any] = TypeAdapter(Program).json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "ratbond program file"
    return schema
