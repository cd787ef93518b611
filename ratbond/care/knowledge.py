"""Load and validate the knowledge files under `ratbond/data/knowledge` (cached like programs).

Besides the shape, the loader insists that every entry cites a seed or a named public source,
that seed references look like `003`, and that ids and food names are not used twice.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, TypeVar

from ratbond.care import model
from ratbond.care.model import (
    AskRules,
    Behaviour,
    CageRules,
    CareTasks,
    Faq,
    FoodList,
    FreeRoamChecklist,
)
from ratbond.care.words import normalise
from ratbond.datafiles import FilePath, cached, line_of, read_yaml, validate
from ratbond.errors import DataFileError, format_path

T = TypeVar("T")
Loc = tuple[str | int, ...]

KNOWLEDGE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "knowledge")
CAGE_FILE = os.path.join(KNOWLEDGE_DIR, "cage.yaml")
FOODS_FILE = os.path.join(KNOWLEDGE_DIR, "foods.yaml")
BEHAVIOUR_FILE = os.path.join(KNOWLEDGE_DIR, "behaviour.yaml")
FREE_ROAM_FILE = os.path.join(KNOWLEDGE_DIR, "free-roam.yaml")
FAQ_FILE = os.path.join(KNOWLEDGE_DIR, "faq.yaml")
CARE_TASKS_FILE = os.path.join(KNOWLEDGE_DIR, "care-tasks.yaml")
ASK_FILE = os.path.join(KNOWLEDGE_DIR, "ask.yaml")

_SEED = re.compile(r"^\d{3}$")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# The shapes are part of the cache key, so a pickle never outlives a change to them.
_MODEL_FILE = model.__file__


def cited_entries(value: object, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every object under `value` that carries `seeds` and `sources`, with its location."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = {field.name for field in dataclasses.fields(value)}
        if {"seeds", "sources"} <= names:
            yield loc, value
        for name in names - {"seeds", "sources"}:
            yield from cited_entries(getattr(value, name), (*loc, name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from cited_entries(item, (*loc, index))


def _citation_problem(data: object) -> tuple[Loc, str] | None:
    for loc, entry in cited_entries(data):
        if not entry.seeds and not entry.sources:
            return loc, 'cite a seed (seeds: ["003"]) or a named public source (sources: ...)'
        for index, seed in enumerate(entry.seeds):
            if not _SEED.match(seed):
                return (*loc, "seeds", index), f"seed '{seed}' should be a number like \"003\""
    return None


def _duplicate(keys: list[tuple[Loc, str, str]], what: str) -> tuple[Loc, str] | None:
    """The first key used twice; `keys` are (location, comparison key, text as written)."""
    seen: dict[str, Loc] = {}
    for loc, key, written in keys:
        if key in seen:
            return loc, f"{what} '{written}' is already used at {format_path(seen[key])}"
        seen[key] = loc
    return None


def _id_problem(items: tuple[Any, ...], prefix: Loc, what: str) -> tuple[Loc, str] | None:
    for index, item in enumerate(items):
        if not _ID.match(item.id):
            return (*prefix, index, "id"), f"{what} ids are lower case words joined by underscores"
    return _duplicate(
        [((*prefix, i, "id"), item.id, item.id) for i, item in enumerate(items)], what
    )


def _load(
    kind: str, file: FilePath, shape: type[T], check: Callable[[T], tuple[Loc, str] | None]
) -> T:
    def build() -> T:
        text, data = read_yaml(file)
        if isinstance(data, dict):
            # Keys starting with `_` hold YAML anchors (shared sources), not content.
            data = {key: value for key, value in data.items() if not str(key).startswith("_")}
        value: T = validate(file, text, data, shape)
        problem = _citation_problem(value) or check(value)
        if problem is not None:
            loc, message = problem
            raise DataFileError(os.fspath(file), format_path(loc), message, line_of(text, loc))
        return value

    return cached(f"knowledge-{kind}", [file, _MODEL_FILE], build)


def _check_cage(rules: CageRules) -> tuple[Loc, str] | None:
    return _id_problem(rules.checklist, ("checklist",), "checklist item")


def _check_foods(foods: FoodList) -> tuple[Loc, str] | None:
    keys: list[tuple[Loc, str, str]] = []
    for index, food in enumerate(foods.foods):
        if food.verdict != "avoid" and food.portion is None:
            return ("foods", index, "portion"), "say how much to give, unless the verdict is avoid"
        # Names compare as the lookup sees them, so `peas` and `pea` collide.
        keys.append((("foods", index, "name"), normalise(food.name), food.name))
        keys += [
            (("foods", index, "aliases", i), normalise(alias), alias)
            for i, alias in enumerate(food.aliases)
        ]
    return _duplicate(keys, "food name")


def _check_behaviour(behaviour: Behaviour) -> tuple[Loc, str] | None:
    problem = _id_problem(behaviour.topics, ("topics",), "topic")
    for index, topic in enumerate(behaviour.topics):
        problem = problem or _id_problem(topic.signs, ("topics", index, "signs"), "sign")
    return problem


def _check_free_roam(checklist: FreeRoamChecklist) -> tuple[Loc, str] | None:
    return _id_problem(checklist.items, ("items",), "checklist item")


def _check_faq(faq: Faq) -> tuple[Loc, str] | None:
    problem = _id_problem(faq.entries, ("entries",), "FAQ entry")
    for index, entry in enumerate(faq.entries):
        for name in ("now", "vet"):
            if problem is None and entry.urgent and getattr(entry, name) is None:
                problem = ("entries", index, name), "an urgent entry must say `now` and `vet`"
        if problem is None and not entry.urgent and (entry.now or entry.vet):
            problem = ("entries", index, "urgent"), "`now` and `vet` are for urgent entries"
    return problem


def _check_ask(rules: AskRules) -> tuple[Loc, str] | None:
    keys: list[tuple[Loc, str, str]] = []
    for index, group in enumerate(rules.synonyms):
        keys += [(("synonyms", index, i), normalise(word), word) for i, word in enumerate(group)]
    problem = _duplicate(keys, "synonym")
    for word, base in rules.forms.items():
        if problem is None and normalise(word) == normalise(base):
            problem = ("forms", word), f"'{word}' stands for itself"
    return problem


def _check_care_tasks(care: CareTasks) -> tuple[Loc, str] | None:
    problem = (
        _id_problem(care.tasks, ("tasks",), "task")
        or _id_problem(care.findings, ("findings",), "finding")
        or _id_problem(care.trust_signs, ("trust_signs",), "trust sign")
    )
    if problem is not None:
        return problem
    for index, task in enumerate(care.tasks):
        if task.scope == "household" and task.also_done_by is not None:
            return ("tasks", index, "also_done_by"), "only animal tasks are done by records"
    named: list[tuple[str, list[tuple[str, tuple[str, ...]]]]] = [
        ("findings", [(f.id, f.aliases) for f in care.findings]),
        ("trust_signs", [(s.id, s.aliases) for s in care.trust_signs]),
    ]
    for section, items in named:
        keys: list[tuple[Loc, str, str]] = []
        for index, (item_id, aliases) in enumerate(items):
            keys.append(((section, index, "id"), normalise(item_id), item_id))
            keys += [
                ((section, index, "aliases", i), normalise(alias), alias)
                for i, alias in enumerate(aliases)
            ]
        problem = _duplicate(keys, "name")
        if problem is not None:
            return problem
    return None


def load_cage_rules(file: FilePath = CAGE_FILE) -> CageRules:
    """The cage figures and environment checklist."""
    return _load("cage", file, CageRules, _check_cage)


def load_foods(file: FilePath = FOODS_FILE) -> FoodList:
    """The food list."""
    return _load("foods", file, FoodList, _check_foods)


def load_behaviour(file: FilePath = BEHAVIOUR_FILE) -> Behaviour:
    """The behaviour reference."""
    return _load("behaviour", file, Behaviour, _check_behaviour)


def load_free_roam(file: FilePath = FREE_ROAM_FILE) -> FreeRoamChecklist:
    """The out-of-cage checklist."""
    return _load("free-roam", file, FreeRoamChecklist, _check_free_roam)


def load_faq(file: FilePath = FAQ_FILE) -> Faq:
    """The FAQ."""
    return _load("faq", file, Faq, _check_faq)


def load_care_tasks(file: FilePath = CARE_TASKS_FILE) -> CareTasks:
    """The recurring care tasks, grooming findings, weight-loss rule and trust signs."""
    return _load("care-tasks", file, CareTasks, _check_care_tasks)


def load_ask_rules(file: FilePath = ASK_FILE) -> AskRules:
    """How questions are read: word forms, synonyms, weights, the floor and the topics."""
    return _load("ask", file, AskRules, _check_ask)


@cache
def builtin_ask_rules() -> AskRules:
    return load_ask_rules()


@cache
def builtin_care_tasks() -> CareTasks:
    return load_care_tasks()


@cache
def builtin_cage_rules() -> CageRules:
    return load_cage_rules()


@cache
def builtin_foods() -> FoodList:
    return load_foods()


@cache
def builtin_behaviour() -> Behaviour:
    return load_behaviour()


@cache
def builtin_free_roam() -> FreeRoamChecklist:
    return load_free_roam()


@cache
def builtin_faq() -> Faq:
    return load_faq()
