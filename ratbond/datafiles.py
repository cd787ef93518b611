"""Generic loading of YAML data files: read, validate with pydantic, locate errors, cache.

Validation uses pydantic, which is slow to import, so a validated file is cached (pickled,
keyed like Python's bytecode cache by each file's path, size and modification time) and later
loads skip both YAML parsing and pydantic.
"""

from __future__ import annotations

import functools
import os
import pickle
import threading
import zlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ratbond import __version__, model
from ratbond.cachedir import cache_dir
from ratbond.errors import DataFileError, did_you_mean, format_path, plain_message

T = TypeVar("T")
# A file name: a `str` on the engine path (`pathlib` is slow to import), or a `Path`.
FilePath = str | os.PathLike[str]


# Reentrant: building one file may load another (a program needs the vocabulary).
_BUILD_LOCK = threading.RLock()


def cached(kind: str, files: Sequence[FilePath], build: Callable[[], T]) -> T:
    """`build()`, or its pickled result from an earlier run over the same file bytes."""
    # Keyed like Python's own bytecode cache: path, size and modification time of each file,
    # and of the module defining the records pickled, so a changed class never meets old bytes.
    key = f"{kind}:{__version__}"
    for file in (*files, model.__file__):
        try:
            stat = os.stat(file)
        except OSError:
            read_bytes(file)  # raises the DataFileError that names the file
            raise
        key += f":{os.path.realpath(file)}:{stat.st_size}:{stat.st_mtime_ns}"
    folder = cache_dir()
    target = os.path.join(folder, f"{kind}-{zlib.crc32(key.encode()):08x}.pickle")
    cached_value: tuple[T] | None = _load(target)
    if cached_value is not None:
        return cached_value[0]
    # One build at a time per process: threads of a web server asking for the same cold file
    # wait for the first build and read its result, instead of validating it again at once
    # (pydantic's validators are not safe to build concurrently on CPython 3.11).
    with _BUILD_LOCK:
        cached_value = _load(target)
        if cached_value is not None:
            return cached_value[0]
        return _build_and_store(build, folder, target)


def _load(target: str) -> tuple[T] | None:
    """The value pickled at `target` (as a 1-tuple, since a value may be None), if readable."""
    try:
        with open(target, "rb") as handle:
            return (pickle.load(handle),)
    except Exception:  # whatever is wrong with a cache file, it is rebuilt
        return None


def _build_and_store(build: Callable[[], T], folder: str, target: str) -> T:
    value = build()
    import tempfile

    try:
        os.makedirs(folder, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as temporary:
            pickle.dump(value, temporary, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary.name, target)
    except OSError:
        pass  # a read-only cache only costs speed
    return value


# The largest data file read: the shipped ones are a few dozen KB; anything past this is not
# a program or knowledge file (a device such as /dev/zero would otherwise be read forever).
MAX_DATA_FILE_BYTES = 2_000_000


def read_bytes(file: FilePath) -> bytes:
    """A data file's bytes; a missing, unreadable or oversized file is a DataFileError naming
    it."""
    try:
        with open(file, "rb") as handle:
            data = handle.read(MAX_DATA_FILE_BYTES + 1)
        if len(data) > MAX_DATA_FILE_BYTES:
            raise DataFileError(
                os.fspath(file),
                "",
                f"larger than {MAX_DATA_FILE_BYTES:,} bytes, so not a data file; check the path",
            )
        return data
    except FileNotFoundError:
        raise DataFileError(os.fspath(file), "", "no such file; check the path") from None
    except OSError as error:
        raise DataFileError(os.fspath(file), "", f"cannot be read ({error.strerror})") from None


def read_yaml(file: FilePath) -> tuple[str, Any]:
    """The text of a YAML file and its parsed data; any problem is a located DataFileError."""
    import yaml

    try:
        text = read_bytes(file).decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError(os.fspath(file), "", "not UTF-8 text; save it as UTF-8") from None
    try:
        return text, yaml.load(text, Loader=_strict_loader())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise DataFileError(os.fspath(file), "", f"not valid YAML: {problem}", line) from None


@functools.cache
def _strict_loader() -> Any:
    """YAML's safe loader (the C one when built), refusing a key given twice in one mapping:
    YAML would keep the last unseen, so a second `id:` would rename a program silently."""
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[str] = set()
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        twice = f"the key {key.value!r} is given twice; keep one"
                        raise yaml.constructor.ConstructorError(None, None, twice, key.start_mark)
                    seen.add(key.value)
            return super().construct_mapping(node, deep)

    return StrictLoader


def line_of(text: str, loc: tuple[str | int, ...]) -> int | None:
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


def validate(file: FilePath, text: str, data: Any, shape: Any) -> Any:
    """`data` validated into `shape`; the first problem names file, line and field path."""
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(shape).validate_python(data, strict=False)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = tuple(part for part in first["loc"] if isinstance(part, str | int))
        message = plain_message(first)
        if first["type"] in {"unexpected_keyword_argument", "extra_forbidden"}:
            message += did_you_mean(str(loc[-1]), field_names(shape, loc))
        raise DataFileError(
            os.fspath(file), format_path(loc), message, line_of(text, loc)
        ) from None


def field_names(shape: Any, loc: tuple[str | int, ...]) -> list[str]:
    """Field names of the dataclass that holds the unknown field, for a did-you-mean hint."""
    import dataclasses
    import types
    import typing

    def inner(kind: Any) -> Any:
        """Strip Annotated and Optional wrappers."""
        while True:
            if typing.get_origin(kind) is typing.Annotated:
                kind = typing.get_args(kind)[0]
                continue
            args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
            if typing.get_origin(kind) in (typing.Union, types.UnionType) and len(args) == 1:
                kind = args[0]
                continue
            return kind

    current = inner(shape)
    for part in loc[:-1]:
        if dataclasses.is_dataclass(current) and isinstance(part, str):
            current = typing.get_type_hints(current, include_extras=True).get(part)
        elif typing.get_origin(current) is dict:
            current = typing.get_args(current)[1]
        elif typing.get_origin(current) in (tuple, list):
            current = typing.get_args(current)[0]
        current = inner(current)
    if isinstance(current, type) and dataclasses.is_dataclass(current):
        return [f.name.rstrip("_") for f in dataclasses.fields(current)]
    return []
