"""Program and vocabulary files: validated on load, with file, line and field path on error."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import get_args

import pytest
import yaml

from ratbond.errors import DataFileError
from ratbond.model import AlertCode
from ratbond.programs import (
    PROGRAMS_DIR,
    SIGNALS_FILE,
    builtin_programs,
    builtin_vocabulary,
    load_program,
    load_vocabulary,
    program_schema,
)

CONTRACT_SIGNALS = {
    ("cat", "calm"): "relaxed_posture slow_blink ears_forward ignoring lying_down sniffing "
    "watching_calmly",
    ("cat", "aggression"): "ears_flat hissing growling rapid_breathing stalking fixed_stare "
    "tail_lashing chattering",
    ("cat", "danger"): "lunging pouncing swatting biting scratching",
    ("rat", "calm"): "relaxed bruxing boggling eating exploring sniffing grooming_self approaching "
    "mutual_grooming takes_treat_from_hand climbs_onto_hand climbs_onto_shoulder "
    "grooms_person seeks_company sleeping pinning boxing play_wrestling chasing",
    ("rat", "stress"): "fur_on_end freezing hiding retreating frantic_movement squeaking trembling",
    (
        "rat",
        "aggression",
    ): "hissing puffed_up sidling teeth_baring aggressive_chasing nipping biting",
    ("rat", "danger"): "wound fighting",
    ("rat", "illness"): "sneezing porphyrin labored_breathing lethargy",
}


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RATBOND_CACHE_DIR", str(tmp_path / "cache"))


def test_vocabulary_has_exactly_the_contract_signals_and_classes() -> None:
    vocabulary = builtin_vocabulary()
    found = {
        (species, signal.class_, name)
        for species, signals in vocabulary.signals.items()
        for name, signal in signals.items()
    }
    expected = {
        (species, klass, name)
        for (species, klass), names in CONTRACT_SIGNALS.items()
        for name in names.split()
    }
    assert found == expected


def test_every_alert_code_is_described() -> None:
    assert set(builtin_vocabulary().alerts) == set(get_args(AlertCode))


def test_contract_numbers_are_read_from_the_program_files() -> None:
    programs = builtin_programs()
    cat_rat = {s.id: s for s in programs["cat-rat"].stages}
    assert cat_rat["scent"].minutes is not None
    assert (cat_rat["scent"].minutes.start, cat_rat["scent"].minutes.max) == (120, 240)
    assert cat_rat["supervised"].calm_to_advance == 5
    assert programs["cat-rat"].rules.stop_after == 4
    assert programs["rat-rat"].rules.stop_after == 6
    assert programs["rat-rat"].stages[0].gate is not None
    assert programs["rat-rat"].stages[0].gate.days == 14
    assert programs["rat-rat"].signal_class_overrides == {"rat": {"squeaking": "calm"}}
    assert programs["rat-human"].rules.stop_after is None
    assert programs["rat-human"].rules.calm_to_advance_by_origin == {
        "breeder": 2,
        "pet_store": 3,
        "unknown": 3,
        "rescue": 4,
    }


def test_every_stage_cites_seeds_that_exist() -> None:
    seeds_dir = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    known = {path.name[:3] for path in seeds_dir.glob("*.txt")} or {"000", "001", "002", "003"}
    for program in builtin_programs().values():
        for stage in program.stages:
            assert stage.seeds, (program.id, stage.id)
            assert set(stage.seeds) <= known, (program.id, stage.id)


def edited(tmp_path: Path, change: str, replacement: str, name: str = "cat-rat") -> Path:
    text = (Path(PROGRAMS_DIR) / f"{name}.yaml").read_text()
    assert change in text
    target = tmp_path / "mine.yaml"
    target.write_text(text.replace(change, replacement, 1))
    return target


@pytest.mark.parametrize(
    ("change", "replacement", "expected"),
    [
        (
            "minutes: {start: 5, step: 3, max: 20}",
            "minutes: {start: 5, step: -3, max: 20}",
            "line 51: stages[0].minutes.step: -3 is out of range; give a number greater than 0",
        ),
        (
            "calm_to_advance: 3",
            "calm_to_advnce: 3",
            "line 52: stages[0].calm_to_advnce: unknown field (did you mean 'calm_to_advance'?)",
        ),
        (
            "species: cat",
            "species: dog",
            """line 10: roles.cat.species: unknown value "dog"; expected 'cat' or 'rat'""",
        ),
        ("  stop_after: 4", "  stop_after: 4\n  bogus: 1", "line 38: rules.bogus: unknown field"),
        (
            "      cat: [biting, scratching]",
            "      cat: [biting, scraching]",
            "rules.injury_stop.signals.cat[1]: unknown cat signal 'scraching' (did you mean "
            "'scratching'?)",
        ),
        ("  - id: scent", "  - id: visual", "stages[1].id: stage id 'visual' is used twice"),
        ("title: A cat meets a rat", "title: [unclosed", "not valid YAML"),
        (
            "title: A cat meets a rat",
            "title: A cat meets a rat\ntitle: Another",
            "line 3: not valid YAML: the key 'title' is given twice; keep one",
        ),
        # A role's `signals`: known signals of its species, each once, and every signal the
        # program names elsewhere offered to some role of its species.
        (
            "    signals: [relaxed, bruxing,",
            "    signals: [relaxd, bruxing,",
            "roles.rat.signals[0]: unknown rat signal 'relaxd' (did you mean 'relaxed'?)",
        ),
        (
            "    signals: [relaxed, bruxing,",
            "    signals: [bruxing, bruxing,",
            "roles.rat.signals[1]: signal 'bruxing' is listed twice",
        ),
        (
            " teeth_baring, nipping, biting, wound, sneezing,",
            " teeth_baring, nipping, biting, sneezing,",
            "line 36: rules.signal_alerts.rat.wound: rat signal 'wound' is not offered to any rat "
            "role of the program; add it to that role's `signals`",
        ),
    ],
)
def test_malformed_program_file_names_file_line_and_field(
    tmp_path: Path, change: str, replacement: str, expected: str
) -> None:
    path = edited(tmp_path, change, replacement)
    with pytest.raises(DataFileError) as caught:
        load_program(path, builtin_vocabulary())
    assert str(caught.value).startswith(str(path))
    assert expected in str(caught.value)


def test_a_missing_program_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        load_program(tmp_path / "nope.yaml", builtin_vocabulary())


def test_malformed_vocabulary_names_the_signal(tmp_path: Path) -> None:
    signals = yaml.safe_load(Path(SIGNALS_FILE).read_text())
    signals["cat"]["hissing"]["class"] = "grumpy"
    path = tmp_path / "signals.yaml"
    path.write_text(yaml.safe_dump(signals))
    expected = r"cat\.hissing\.class: unknown value \"grumpy\"; expected 'calm'"
    with pytest.raises(DataFileError, match=expected):
        load_vocabulary(path)


def test_cache_gives_the_same_program_as_a_fresh_load(tmp_path: Path) -> None:
    path = edited(tmp_path, "calm_to_advance: 5", "calm_to_advance: 6")
    first = load_program(path, builtin_vocabulary())
    again = load_program(path, builtin_vocabulary())
    assert first == again
    assert first.stages[-1].calm_to_advance == 6


class Unloadable:
    """Pickles into bytes whose loading fails as an older record class's state would."""

    def __reduce__(self) -> tuple[type[int], tuple[str]]:
        return int, ("not a number",)


@pytest.mark.parametrize(
    "spoiled",
    [b"", b"not a pickle", pickle.dumps(Unloadable()), b"\x80\x05\x95garbage"],
    ids=["empty", "text", "stale class", "truncated"],
)
def test_a_spoiled_cache_file_is_rebuilt_not_raised(tmp_path: Path, spoiled: bytes) -> None:
    path = edited(tmp_path, "calm_to_advance: 5", "calm_to_advance: 6")
    load_program(path, builtin_vocabulary())
    (cache_file,) = (tmp_path / "cache").glob("program-*.pickle")
    cache_file.write_bytes(spoiled)
    assert load_program(path, builtin_vocabulary()).stages[-1].calm_to_advance == 6


def test_schema_describes_a_program_file_and_accepts_the_shipped_ones() -> None:
    schema = program_schema()
    assert schema["title"] == "ratbond program file"
    assert {"id", "stages", "roles"} <= set(schema["required"])
    stage = schema["$defs"]["Stage"]
    assert stage["additionalProperties"] is False
    calm = stage["properties"]["calm_to_advance"]
    assert calm["description"].startswith("Calm sessions in a row")  # the attribute docstring
