"""The values `ratbond today` keeps of the data files: made again when a data file changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ratbond.care import knowledge
from ratbond.programs import load_vocabulary
from ratbond.store import today_facts as facts_module
from ratbond.store.today_facts import TodayFacts, today_facts

SOURCE = Path(facts_module.DATA_DIR)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[int]]:
    """A copy of the data files, which `today_facts` keys its cache on and reads (alerts and
    care tasks), a cache folder of its own, and the count of times the values were made."""
    copy = tmp_path / "data"
    shutil.copytree(SOURCE, copy)
    monkeypatch.setenv("RATBOND_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(facts_module, "DATA_DIR", str(copy))
    monkeypatch.setattr(
        "ratbond.programs.builtin_vocabulary",
        lambda: load_vocabulary(copy / "signals.yaml", copy / "alerts.yaml"),
    )
    monkeypatch.setattr(
        knowledge,
        "builtin_care_tasks",
        lambda: knowledge.load_care_tasks(copy / "knowledge" / "care-tasks.yaml"),
    )
    made: list[int] = []
    values = facts_module._values

    def counted() -> tuple[object, ...]:
        made.append(1)
        return values()

    monkeypatch.setattr(facts_module, "_values", counted)
    return copy, made


def titles(facts: TodayFacts) -> list[str]:
    return [title for _, title, *_ in facts.tasks]


def test_the_values_are_made_once_then_read_from_the_cache(
    data: tuple[Path, list[int]],
) -> None:
    _, made = data
    first = today_facts()
    assert len(made) == 1
    again = today_facts()
    assert len(made) == 1  # read back from the cache file
    assert again.tasks == first.tasks
    assert again.severity == first.severity


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("knowledge/care-tasks.yaml", "title: Weekly weigh-in", "title: Weekly weighing"),
        ("alerts.yaml", "title: See a vet today", "title: See a vet at once"),
    ],
)
def test_a_changed_data_file_makes_the_values_again(
    data: tuple[Path, list[int]], file: str, old: str, new: str
) -> None:
    copy, made = data
    before = today_facts()
    assert len(made) == 1
    changed = copy / file
    text = changed.read_text()
    assert old in text
    changed.write_text(text.replace(old, new))
    after = today_facts()
    assert len(made) == 2  # the key (each data file's size and modification time) changed
    word = new.removeprefix("title: ")
    assert word in titles(after) + list(after.titles.values())
    assert word not in titles(before) + list(before.titles.values())
    today_facts()
    assert len(made) == 2  # and the new values are the cached ones from then on


def test_a_touched_program_file_makes_the_values_again(data: tuple[Path, list[int]]) -> None:
    copy, made = data
    today_facts()
    program = next((copy / "programs").glob("*.yaml"))
    program.write_text(program.read_text() + "\n# an owner's note\n")
    today_facts()
    assert len(made) == 2


def test_an_unreadable_cache_file_is_made_again(data: tuple[Path, list[int]]) -> None:
    _, made = data
    today_facts()
    cache = Path(facts_module.cache_dir()) / facts_module.FILE_NAME
    cache.write_bytes(b"not marshal")
    assert today_facts().tasks
    assert len(made) == 2
