"""The validated-data cache: one build per cold file, whatever reads it at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from ratbond.datafiles import cached


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RATBOND_CACHE_DIR", str(tmp_path / "cache"))


def test_threads_asking_for_a_cold_file_at_once_share_one_build(tmp_path: Path) -> None:
    source = tmp_path / "data.yaml"
    source.write_text("answer: 42\n")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(threading.get_ident())
        time.sleep(0.05)  # long enough for every other thread to arrive meanwhile
        return {"answer": 42}

    start = threading.Barrier(8)
    results: list[dict[str, int]] = []

    def read() -> None:
        start.wait()
        results.append(cached("test-data", [str(source)], build))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert results == [{"answer": 42}] * 8


def test_a_build_may_load_another_file_while_it_runs(tmp_path: Path) -> None:
    inner, outer = tmp_path / "inner.yaml", tmp_path / "outer.yaml"
    inner.write_text("a: 1\n")
    outer.write_text("b: 2\n")

    def build_outer() -> tuple[int, int]:
        return cached("test-inner", [str(inner)], lambda: 1), 2

    assert cached("test-outer", [str(outer)], build_outer) == (1, 2)


def test_a_cached_none_is_read_back_without_a_second_build(tmp_path: Path) -> None:
    source = tmp_path / "empty.yaml"
    source.write_text("")
    builds: list[None] = []

    def build() -> None:
        builds.append(None)

    cached("test-none", [str(source)], build)
    cached("test-none", [str(source)], build)
    assert len(builds) == 1


def test_a_file_larger_than_any_data_file_is_refused_unread(tmp_path: Path) -> None:
    from ratbond.datafiles import MAX_DATA_FILE_BYTES, read_bytes
    from ratbond.errors import DataFileError

    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"#" * (MAX_DATA_FILE_BYTES + 1))
    for file in (huge, Path("/dev/zero")):
        with pytest.raises(DataFileError) as raised:
            read_bytes(file)
        assert "not a data file" in str(raised.value)
