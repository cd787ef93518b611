"""The notes reader's word lists (`ratbond.notes.lexicon`): several phrases per signal, stems
shared by inflections, and data files whose phrases or rules make no sense refused."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from ratbond.errors import DataFileError
from ratbond.notes.lexicon import load_lexicon
from ratbond.programs import builtin_vocabulary

DATA = Path(__file__).resolve().parents[2] / "ratbond" / "data"


def test_every_signal_has_several_phrases() -> None:
    for species, by_id in builtin_vocabulary().signals.items():
        for signal_id, signal in by_id.items():
            assert len(signal.phrases) >= 3, f"{species}.{signal_id}"


def test_stem_is_shared_by_inflections() -> None:
    stem = load_lexicon().stem
    assert {stem(w) for w in ("hiss", "hissed", "hisses", "hissing")} == {"hiss"}
    assert {stem(w) for w in ("lunge", "lunged", "lunges", "lunging")} == {"lung"}
    assert {stem(w) for w in ("bite", "bites", "biting", "bit")} == {"bit"}
    assert stem("bitten") != stem("bite")


def test_a_phrase_claimed_by_two_signals_of_a_species_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RATBOND_CACHE_DIR", str(tmp_path / "cache"))
    source = DATA
    signals_text = (source / "signals.yaml").read_text(encoding="utf-8")
    # Give the cat's `growling` a phrase that already means `hissing`.
    broken = signals_text.replace('phrases: ["growled",', 'phrases: ["hissed", "growled",', 1)
    assert broken != signals_text
    (tmp_path / "signals.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"cat\.growling\.phrases\[0\]"):
        load_lexicon(source / "notes.yaml", tmp_path / "signals.yaml", source / "alerts.yaml")


def test_a_bad_rule_in_the_notes_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RATBOND_CACHE_DIR", str(tmp_path / "cache"))
    source = DATA
    notes_text = (source / "notes.yaml").read_text(encoding="utf-8")
    for key, wrong in (
        ("reciprocal: [", "reciprocal: [hugging, "),
        ("reached_through: {", "reached_through: {hugging: swatting, "),
    ):
        assert key in notes_text
        broken = notes_text.replace(key, wrong, 1)
        (tmp_path / "notes.yaml").write_text(broken, encoding="utf-8")
        with pytest.raises(DataFileError, match="unknown signal 'hugging'"):
            load_lexicon(tmp_path / "notes.yaml", source / "signals.yaml", source / "alerts.yaml")


def test_the_cached_lexicon_is_keyed_on_every_module_of_the_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The build calls into other modules than lexicon.py (retract.py's cue patterns, the rules'
    # shapes): a change to any of them must rebuild, never serve the lexicon an older one made.
    import ratbond.notes.lexicon as lexicon

    keyed: list[Path] = []

    def record(kind: str, files: list[Path], build: object) -> object:
        keyed.extend(files)
        return None

    monkeypatch.setattr(lexicon, "cached", record)
    lexicon.load_lexicon()
    package = Path(lexicon.__file__).parent
    assert set(package.glob("*.py")) <= set(keyed)
    assert package / "retract.py" in keyed


def test_the_phrase_table_decodes_only_the_groups_asked_for() -> None:
    # The cache holds one pickled group of phrases per first word (`PhraseTable`): a copy read
    # back from its pickle answers membership without decoding, and each group it decodes is
    # the one the built lexicon has.
    table = load_lexicon().by_first
    copy = pickle.loads(pickle.dumps(table))
    first = next(iter(table))
    assert first in copy
    assert "no-such-first-word" not in copy
    assert len(copy) == len(table)
    assert not copy._groups
    assert copy[first] == table[first]
    assert list(copy._groups) == [first]
    assert copy.get("no-such-first-word", ()) == ()
    assert all(phrase.parts[0] == first for phrase in copy[first])


def test_a_word_written_short_must_stand_for_one_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RATBOND_CACHE_DIR", str(tmp_path / "cache"))
    notes_text = (DATA / "notes.yaml").read_text(encoding="utf-8")
    key = "dropped_endings: {"
    assert key in notes_text
    broken = notes_text.replace(key, "dropped_endings: {wi: with him, ", 1)
    (tmp_path / "notes.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"dropped_endings\.wi"):
        load_lexicon(tmp_path / "notes.yaml", DATA / "signals.yaml", DATA / "alerts.yaml")
