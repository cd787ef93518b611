"""The notes reader's stages (`ratbond.notes.tokens`, `phrases`, `mentions`, `negation`,
`attribution`): each intermediate shape a frozen slotted dataclass, every word list in
data/notes.yaml rather than the code, and a reading cost linear in the note's length."""

from __future__ import annotations

import ast
import dataclasses
import importlib
from pathlib import Path

import pytest

from ratbond.model import Animal
from ratbond.notes import NotesReader, builtin_reader
from ratbond.scenario import MAX_NOTES

PACKAGE = Path(__file__).resolve().parents[2] / "ratbond" / "notes"
STAGES = ("tokens", "patterns", "phrases", "cast", "mentions", "negation", "attribution", "result")
ANIMALS = [Animal("tom", "cat", name="Tom", sex="male"), Animal("pip", "rat", name="Pip")]
TYPICAL = (
    "Tom crouched by the gate and stared at Pip, no hissing. She froze, then hid in her "
    "hammock. He lunged at the mesh once but did not bite, and his tail was twitching."
)


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_shape_is_a_frozen_slotted_dataclass(stage: str) -> None:
    module = importlib.import_module(f"ratbond.notes.{stage}")
    shapes = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and dataclasses.is_dataclass(value)
        and value.__module__ == module.__name__
    ]
    assert shapes, stage
    for shape in shapes:
        params = shape.__dataclass_params__  # type: ignore[attr-defined]
        assert params.frozen, shape.__name__
        assert "__slots__" in vars(shape), shape.__name__


def string_collections(tree: ast.AST) -> list[str]:
    """Literal sets, lists and tuples of two or more strings in a module (`__all__` aside)."""
    exports = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Set | ast.List | ast.Tuple) or id(node) in exports:
            continue
        items = list(node.elts)
        strings = [i for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
        if len(strings) >= 2 and len(strings) == len(items):
            found.append(ast.unparse(node))
    return found


def test_no_word_list_or_program_id_is_written_in_the_reader() -> None:
    # Kinds of entries and of tokens are the code's own vocabulary; words are data.
    allowed = {
        "{'name', 'species', 'sex', 'group', 'some', 'role', 'pronoun', 'person'}",
        "{'name', 'species', 'sex', 'role', 'some'}",
        "{'signal', 'passive'}",
        "{'hedge', 'attempt', 'cue', 'hypo'}",
        "{'hedge', 'attempt'}",
        "{'cue', 'hypo'}",
        "{'hedge', 'hypo'}",
        "{'person', 'group'}",
        "{'species', 'role'}",
        "{'species', 'some'}",
        "{'species', 'sex', 'group'}",
        "{'any', animal.species}",
        "('signal', 'block', 'passive', 'cue', 'hypo', 'hedge', 'attempt', 'species', 'sex', "
        "'group', 'some', 'role', 'pronoun', 'person', 'object', 'repeat')",
        "('calm', 'stress', 'illness', 'aggression', 'danger')",  # the model's classes
        "('male', 'female')",  # the keys of notes.yaml's sex lists
        # The stemmer's letter rules are its algorithm, not words.
        "('ies', 'ied')",
        "{'w', 'x', 'y'}",
        "('s', 'x', 'z', 'ch', 'sh')",
        "('ss', 'us', 'is')",
    }
    for path in sorted(PACKAGE.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        lists = [text for text in string_collections(tree) if text not in allowed]
        assert not lists, f"{path.name}: {lists}"
        for program in ("cat-rat", "rat-rat", "rat-human"):
            assert f'"{program}"' not in source, f"{path.name} names {program}"


@pytest.mark.parametrize("punctuated", [True, False])
def test_the_largest_accepted_note_is_read_whole(punctuated: bool) -> None:
    # Issue 15: the largest note the store accepts, one long run-on sentence or many short
    # ones, full of names, pronouns, denials and signals, is read to its end as a typical note
    # is. What it costs per character against a typical note is measured in bench/notes.py.
    words = TYPICAL if punctuated else TYPICAL.replace(",", "").replace(".", "")
    largest = (words + " ") * (MAX_NOTES // (len(words) + 1))
    assert MAX_NOTES - len(words) <= len(largest) <= MAX_NOTES
    reader = NotesReader(builtin_reader().lexicon)
    typical = reader.parse(words, ANIMALS, "cat-rat")
    read = reader.parse(largest, ANIMALS, "cat-rat")
    assert read.signals == typical.signals
    assert read.spans[-1].end > len(largest) - len(words)


def test_the_plain_token_pattern_finds_what_the_sign_pattern_finds_where_it_is_used() -> None:
    # `token_finder` reads a note in ASCII with no sign in it with the plain pattern: it must
    # find the very tokens the full pattern (with the lexicon's signs) finds there.
    from ratbond.notes.tokens import token_finder, token_pattern

    shorthand = builtin_reader().lexicon.shorthand
    finder = token_finder(shorthand)
    pattern = token_pattern(shorthand)
    for text in (
        TYPICAL,
        "Nadia sniffed, Tom - calm; W/O any fuss.",
        "swat: none \u2713 pounce \u2717",
        "NAD today w/ Pip",
        "Pip ate \U0001fa78 then slept",
    ):
        found = [(m.group(), m.start()) for m in finder(text)]
        assert found == [(m.group(), m.start()) for m in pattern.finditer(text)], text
