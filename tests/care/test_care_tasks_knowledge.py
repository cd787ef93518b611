"""care-tasks.yaml: every entry cited, trust signs are rat signals, bad files fail clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ratbond.care import knowledge
from ratbond.care.knowledge import builtin_care_tasks, cited_entries
from ratbond.errors import DataFileError
from ratbond.programs import builtin_vocabulary

SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_every_entry_cites_a_seed_or_a_named_source() -> None:
    entries = list(cited_entries(builtin_care_tasks()))
    # Tasks, findings, the weight rule, trust signs and the finding advice.
    assert len(entries) >= 4 + 5 + 1 + 6 + 1
    for loc, entry in entries:
        assert entry.seeds or entry.sources, loc
        for seed in entry.seeds:
            assert re.fullmatch(r"\d{3}", seed), loc
        for source in entry.sources:
            assert source.name.strip(), loc
            assert (source.url or "").startswith("http"), loc


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="the seed documents are not checked out here")
def test_cited_seeds_exist() -> None:
    existing = {path.name[:3] for path in SEEDS_DIR.glob("*.txt")}
    for loc, entry in cited_entries(builtin_care_tasks()):
        assert set(entry.seeds) <= existing, loc


def test_the_care_tasks_file_holds_four_tasks_and_five_findings() -> None:
    care = builtin_care_tasks()
    assert {t.id for t in care.tasks} == {
        "weigh_in",
        "health_check",
        "toy_rotation",
        "cage_cleaning",
    }
    assert {f.id for f in care.findings} == {"lump", "cut", "skin", "red_tears", "breathing_noise"}
    assert (care.weight_loss.percent, care.weight_loss.within_days) == (10, 30)


def test_trust_signs_are_calm_rat_signals() -> None:
    rat = builtin_vocabulary().signals["rat"]
    for sign in builtin_care_tasks().trust_signs:
        assert sign.id in rat, sign.id
        assert rat[sign.id].class_ == "calm", sign.id


def write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "care-tasks.yaml"
    file.write_text(text, encoding="utf-8")
    return file


BASE = """
tasks:
  - {id: cage_cleaning, title: Clean, every_days: 7, what: Clean it., seeds: ["003"]}
findings:
  - {id: lump, title: Lump, looks_like: A bump., what_to_do: Vet., seeds: ["003"]}
weight_loss: {percent: 10, within_days: 30, why: Illness., seeds: ["003"]}
trust_signs:
  - {id: bruxing, title: Bruxing, points: 2, seeds: ["003"]}
finding_advice: {text: See a vet., seeds: ["003"]}
"""


def test_a_small_valid_file_loads(tmp_path: Path) -> None:
    care = knowledge.load_care_tasks(write(tmp_path, BASE))
    assert care.tasks[0].scope == "household"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("every_days: 7", "every_days: 0"), "tasks[0].every_days"),
        ((', seeds: ["003"]}\nfindings', "}\nfindings"), "tasks[0]: cite a seed"),
        (("what: Clean it.", "what: Clean it., also_done_by: weights"), "only animal tasks"),
        (("points: 2, seeds", "points: 2, aliases: [Bruxing], seeds"), "already used"),
    ],
)
def test_bad_files_fail_with_the_place(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    with pytest.raises(DataFileError, match=re.escape(message)):
        knowledge.load_care_tasks(write(tmp_path, BASE.replace(*change)))
