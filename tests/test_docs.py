"""The docs cannot drift from the code: every command, option and data-file key the code has is
documented, every command line the docs show exists, and the figures written by scripts are
the ones the scripts give now."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
CLI_DOC = ROOT / "docs" / "cli.md"
DATA_DOC = ROOT / "docs" / "data-files.md"


def script(name: str) -> ModuleType:
    """A module of `scripts/` (the project folder is on the path, as it is for pytest)."""
    return importlib.import_module(f"scripts.{name}")


# --- commands and options ------------------------------------------------------------------


@cache
def command_tree() -> dict[str, Any]:
    """Every command and group by full name (`ratbond care done`), from the Typer app."""
    reference = script("docs_reference")
    return {
        name: command
        for name, command, _ in reference.commands(reference.root_command(), ("ratbond",), None)
    }


def options(command: Any) -> set[str]:
    return {
        spelling
        for parameter in command.params
        if parameter.param_type_name == "option"
        for spelling in (*parameter.opts, *parameter.secondary_opts)
    }


def reference_of(name: str) -> str:
    """The part of docs/cli.md's command reference about one command."""
    _, _, rest = CLI_DOC.read_text(encoding="utf-8").partition(f"### `{name}`\n")
    return rest.split("\n### ", 1)[0]


def test_the_command_reference_is_current() -> None:
    text = CLI_DOC.read_text(encoding="utf-8")
    assert script("docs_reference").current(text) == text, (
        "docs/cli.md's command reference is out of date: run scripts/docs_reference.py"
    )


@pytest.mark.parametrize("name", sorted(command_tree()))
def test_every_command_and_option_is_documented(name: str) -> None:
    section = reference_of(name)
    assert section, f"{name} is not in docs/cli.md: run scripts/docs_reference.py"
    missing = sorted(o for o in options(command_tree()[name]) if f"{o}" not in section)
    assert not missing, f"{name}: {missing} not in docs/cli.md: run scripts/docs_reference.py"


@pytest.mark.parametrize("name", sorted(command_tree()))
def test_every_command_and_option_has_help(name: str) -> None:
    command = command_tree()[name]
    assert command.help, f"{name} has no help"
    silent = [p.name for p in command.params if not getattr(p, "help", None)]
    assert not silent, f"{name}: no help for {silent}"


def shown_command_lines(text: str) -> Iterator[str]:
    """The command lines a doc shows: `ratbond ...` code spans, and code block lines that run
    ratbond (`scripts/run` passes its arguments to ratbond)."""
    in_block = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_block = not in_block
        elif in_block:
            for part in re.split(r"[|;]|&&", line.split("#")[0]):
                words = part.split()
                if words[:1] == ["ratbond"]:
                    yield " ".join(words)
                elif words[:1] == ["scripts/run"]:
                    yield " ".join(["ratbond", *words[1:]])
        else:
            yield from re.findall(r"`(ratbond [^`]*)`", line)


def test_every_command_line_in_the_docs_exists() -> None:
    tree = command_tree()
    wrong = []
    for doc in DOCS:
        for line in shown_command_lines(doc.read_text(encoding="utf-8")):
            words = line.split()
            # ratbond's own `--as NAME` comes before the command.
            if words[1:2] == ["--as"]:
                words = words[:1] + words[3:]
            name = "ratbond"
            for word in words[1:]:
                if f"{name} {word}" not in tree:
                    # A lower-case word after a group is a command it lacks; a placeholder
                    # (COMMAND, [OPTIONS]), an argument or an option ends the name.
                    if hasattr(tree[name], "commands") and re.fullmatch(r"[a-z][a-z-]*", word):
                        wrong.append(f"{doc.name}: {line}: no command {name} {word}")
                    break
                name = f"{name} {word}"
            shown = " ".join(words)
            unknown = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", shown)) - options(tree[name])
            wrong += [
                f"{doc.name}: {line}: {name} has no {o}" for o in sorted(unknown - {"--help"})
            ]
    assert not wrong, "\n".join(wrong)


# --- data files ----------------------------------------------------------------------------


def data_shapes() -> dict[str, Any]:
    """The shape each data file is validated into, by its heading in docs/data-files.md."""
    from ratbond import model
    from ratbond.care import model as care
    from ratbond.notes.rules import NotesFile

    return {
        "programs/*.yaml": model.Program,
        "signals.yaml": model.Signal,
        "alerts.yaml": model.AlertInfo,
        "notes.yaml": NotesFile,
        "knowledge/cage.yaml": care.CageRules,
        "knowledge/foods.yaml": care.FoodList,
        "knowledge/behaviour.yaml": care.Behaviour,
        "knowledge/free-roam.yaml": care.FreeRoamChecklist,
        "knowledge/faq.yaml": care.Faq,
        "knowledge/care-tasks.yaml": care.CareTasks,
        "knowledge/ask.yaml": care.AskRules,
    }


def file_keys(shape: Any) -> set[str]:
    """Every key a file of this shape may hold, at any depth, as spelled in the file."""
    from pydantic import TypeAdapter

    from ratbond import model
    from ratbond.care import model as care

    for module in (model, care):
        # The names some annotations use exist only while a file is validated, as the
        # loaders arrange: supplied here the same way, when the module still needs them.
        names = getattr(module, "validation_names", None)
        if names is not None:
            vars(module).update(names())
    keys: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                keys.update(properties)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(TypeAdapter(shape).json_schema(by_alias=True))
    return keys


def data_doc_section(heading: str) -> str:
    _, found, rest = DATA_DOC.read_text(encoding="utf-8").partition(f"\n## `{heading}`\n")
    assert found, f"docs/data-files.md has no section ## `{heading}`"
    return rest.split("\n## ", 1)[0]


def citations() -> str:
    """`seeds` and `sources` are described once, for every file."""
    _, _, rest = DATA_DOC.read_text(encoding="utf-8").partition("\n## Citations")
    return rest.split("\n## ", 1)[0]


@pytest.mark.parametrize("heading", sorted(data_shapes()))
def test_every_data_file_key_is_documented(heading: str) -> None:
    text = data_doc_section(heading) + citations()
    keys = file_keys(data_shapes()[heading])
    missing = sorted(key for key in keys if f"`{key}`" not in text)
    assert keys
    assert not missing, f"docs/data-files.md, ## `{heading}`: no word on {missing}"


def test_the_data_file_sections_name_real_files() -> None:
    data = ROOT / "ratbond" / "data"
    for heading in data_shapes():
        assert list(data.glob(heading)), heading


# --- figures written by scripts, and examples of formats ----------------------------------


def test_the_notes_quality_figures_are_current(notes_quality_parts: Sequence[Any]) -> None:
    quality = script("notes_quality")
    text = quality.report(notes_quality_parts)
    assert quality.REPORT.read_text(encoding="utf-8") == text, (
        "docs/notes-quality.md is out of date: run scripts/notes_quality.py"
    )


def test_the_ask_quality_figures_are_current(ask_quality_parts: Sequence[Any]) -> None:
    quality = script("ask_quality")
    text = quality.report(ask_quality_parts)
    assert quality.REPORT.read_text(encoding="utf-8") == text, (
        "docs/ask-quality.md is out of date: run scripts/ask_quality.py"
    )


def test_the_export_example_has_the_current_format_and_schema() -> None:
    from ratbond.store.db import head_revision
    from ratbond.store.transfer import FORMAT, FORMAT_VERSION

    example = f'{{"format": "{FORMAT}", "version": {FORMAT_VERSION}, "schema": "{head_revision()}",'
    assert example in (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
