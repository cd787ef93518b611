"""Knowledge files: every entry cites a seed or a named source; bad files fail with a location."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ratbond.care import knowledge
from ratbond.care.knowledge import cited_entries
from ratbond.errors import DataFileError

SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"
LOADERS = {
    "cage": knowledge.builtin_cage_rules,
    "foods": knowledge.builtin_foods,
    "behaviour": knowledge.builtin_behaviour,
    "free-roam": knowledge.builtin_free_roam,
    "faq": knowledge.builtin_faq,
}


@pytest.mark.parametrize("name", LOADERS)
def test_every_entry_cites_a_seed_or_a_named_source(name: str) -> None:
    entries = list(cited_entries(LOADERS[name]()))
    assert entries, name
    for loc, entry in entries:
        assert entry.seeds or entry.sources, (name, loc)
        for seed in entry.seeds:
            assert re.fullmatch(r"\d{3}", seed), (name, loc, seed)
        for source in entry.sources:
            assert source.name.strip(), (name, loc)


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the seed documents are not checked out here")
def test_cited_seeds_exist() -> None:
    existing = {path.name[:3] for path in SEEDS_DIR.glob("*.txt")}
    for load in LOADERS.values():
        for loc, entry in cited_entries(load()):
            assert set(entry.seeds) <= existing, loc


def test_faq_covers_the_questions_owners_ask() -> None:
    ids = {entry.id for entry in knowledge.builtin_faq().entries}
    assert {"bonding_time", "one_person", "cats_and_rats", "quarantine", "treats", "gloves",
            "forced_socialisation"} <= ids  # fmt: skip


def write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "faq.yaml"
    file.write_text(text, encoding="utf-8")
    return file


ENTRY = "  - id: one\n    question: Q?\n    brief: B.\n    detail: D.\n"


def test_missing_citation_is_reported_with_file_line_and_path(tmp_path: Path) -> None:
    file = write(tmp_path, "entries:\n" + ENTRY)
    with pytest.raises(DataFileError) as caught:
        knowledge.load_faq(file)
    error = caught.value
    assert error.path == "entries[0]"
    assert error.line == 2
    assert "cite a seed" in error.message
    assert str(file) in str(error)


def test_bad_seed_reference(tmp_path: Path) -> None:
    file = write(tmp_path, "entries:\n" + ENTRY + '    seeds: ["seed 3"]\n')
    with pytest.raises(DataFileError, match=r"entries\[0\]\.seeds\[0\]: seed 'seed 3'"):
        knowledge.load_faq(file)


def test_unknown_field_suggests_the_right_one(tmp_path: Path) -> None:
    file = write(tmp_path, "entries:\n" + ENTRY + '    seed: ["003"]\n')
    with pytest.raises(DataFileError, match="did you mean 'seeds'") as caught:
        knowledge.load_faq(file)
    assert caught.value.line == 6


def test_duplicate_ids(tmp_path: Path) -> None:
    twice = ENTRY + '    seeds: ["003"]\n'
    file = write(tmp_path, "entries:\n" + twice + twice)
    with pytest.raises(DataFileError, match=r"'one' is already used at entries\[0\]\.id"):
        knowledge.load_faq(file)


def test_food_names_collide_after_plurals(tmp_path: Path) -> None:
    file = tmp_path / "foods.yaml"
    file.write_text(
        "unknown: {text: Ask a vet., seeds: ['003']}\n"
        "diet: {text: Blocks first., seeds: ['003']}\n"
        "foods:\n"
        "  - {name: pea, verdict: safe, why: W, portion: P, seeds: ['003']}\n"
        "  - {name: peas, verdict: safe, why: W, portion: P, seeds: ['003']}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="food name 'peas' is already used") as caught:
        knowledge.load_foods(file)
    assert caught.value.line == 5


def test_a_safe_food_needs_a_portion(tmp_path: Path) -> None:
    file = tmp_path / "foods.yaml"
    file.write_text(
        "unknown: {text: Ask a vet., seeds: ['003']}\n"
        "diet: {text: Blocks first., seeds: ['003']}\n"
        "foods:\n  - {name: kale, verdict: safe, why: W, seeds: ['003']}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"foods\[0\]\.portion"):
        knowledge.load_foods(file)


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not valid YAML"):
        knowledge.load_faq(write(tmp_path, "entries: [\n"))
    with pytest.raises(DataFileError, match="no such file"):
        knowledge.load_faq(tmp_path / "absent.yaml")


def test_an_urgent_entry_must_say_now_and_vet(tmp_path: Path) -> None:
    file = tmp_path / "faq.yaml"
    file.write_text(
        "entries:\n"
        "  - {id: bleeding, question: Q, brief: B, detail: D, urgent: true, now: N,"
        " seeds: ['003']}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"entries\[0\]\.vet: an urgent entry must say"):
        knowledge.load_faq(file)


def test_ask_synonyms_are_not_listed_twice(tmp_path: Path) -> None:
    text = Path(knowledge.ASK_FILE).read_text(encoding="utf-8")
    file = tmp_path / "ask.yaml"
    doubled = text.replace("  - [pellet, lab block,", "  - [pellet, pellets, lab block,")
    file.write_text(doubled, encoding="utf-8")
    with pytest.raises(DataFileError, match="synonym 'pellets' is already used"):
        knowledge.load_ask_rules(file)
