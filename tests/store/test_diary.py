"""A diary imported into an introduction: each session lands at the stage advised on its date,
the whole file goes in or nothing does, errors name the line and field, and files too large
or lines too long are refused before they are parsed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ratbond.errors import InputError, RatbondError
from ratbond.store import Database
from ratbond.store.diary import MAX_DIARY_BYTES, MAX_LINE_CHARS, import_diary
from ratbond.store.introductions import get_advice
from ratbond.store.sessions import list_sessions
from tests.store.helpers import TODAY, cat_and_rat, day


def placed(db: Database) -> list[tuple[str, str, float | None]]:
    _, sessions = list_sessions(db, "tom-pip")
    return [(s.date.isoformat(), s.stage, s.minutes) for s in sessions]


def test_a_csv_diary_lands_at_the_stages_of_its_dates(db: Database, tmp_path: Path) -> None:
    cat_and_rat(db)
    diary = tmp_path / "diary.csv"
    # Out of order on purpose: the diary goes in by date.
    rows = [f"{day(-37)},,tom:slow_blink,,"] + [f"{day(d)},,,calm,yes" for d in (-40, -39, -38)]
    diary.write_text("date,minutes,signals,notes,supervised\n" + "\n".join(rows) + "\n")
    result = import_diary(db, "tom-pip", diary, today=TODAY)
    assert (result.sessions, result.first, result.last) == (4, day(-40), day(-37))
    assert placed(db) == [
        (day(-40).isoformat(), "visual", 5),
        (day(-39).isoformat(), "visual", 8),
        (day(-38).isoformat(), "visual", 11),
        (day(-37).isoformat(), "scent", 120),
    ]
    _, sessions = list_sessions(db, "tom-pip")
    assert sessions[-1].signals == {"tom": ("slow_blink",)}


def test_a_json_lines_diary_keeps_the_stages_and_minutes_it_gives(
    db: Database, tmp_path: Path
) -> None:
    cat_and_rat(db)
    diary = tmp_path / "diary.jsonl"
    lines = [
        {"date": day(-3).isoformat(), "minutes": 4, "stage": "visual"},
        {"date": day(-2).isoformat(), "signals": {"Pip": ["relaxed"]}, "notes": "quiet"},
    ]
    diary.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    import_diary(db, "tom-pip", diary, today=TODAY)
    assert placed(db) == [(day(-3).isoformat(), "visual", 4), (day(-2).isoformat(), "visual", 7)]


def test_a_hedged_bite_in_a_diary_s_notes_counts_until_the_owner_says_no(
    db: Database, tmp_path: Path
) -> None:
    cat_and_rat(db)
    diary = tmp_path / "diary.csv"
    diary.write_text(
        "date,signals,notes\n"
        f'{day(-2)},tom:ears_forward pip:relaxed,"I think Tom bit Pip on the tail."\n'
    )
    import_diary(db, "tom-pip", diary, today=TODAY)
    _, sessions = list_sessions(db, "tom-pip")
    assert sessions[-1].signals == {"tom": ("ears_forward", "biting"), "pip": ("relaxed",)}
    _, advice = get_advice(db, "tom-pip", today=TODAY)
    assert advice.action == "stop"
    assert "vet_now" in advice.alerts


def test_a_bad_line_names_its_line_and_field_and_saves_nothing(
    db: Database, tmp_path: Path
) -> None:
    cat_and_rat(db)
    diary = tmp_path / "diary.csv"
    diary.write_text(f"date,minutes,signals\n{day(-3)},5,\n{day(-2)},5,tom:purring_loud\n")
    with pytest.raises(InputError) as refused:
        import_diary(db, "tom-pip", diary, today=TODAY)
    assert refused.value.path.startswith("line 3, signals")
    assert placed(db) == []
    diary.write_text(f"date,minutes\n{day(-3)},five\n")
    with pytest.raises(InputError, match=r"^line 2, minutes: 'five' is not a number"):
        import_diary(db, "tom-pip", diary, today=TODAY)
    diary.write_text("day,minutes\n")
    with pytest.raises(InputError, match=r"^line 1, day: unknown column"):
        import_diary(db, "tom-pip", diary, today=TODAY)


def test_a_quoted_note_over_several_lines_counts_its_lines(db: Database, tmp_path: Path) -> None:
    cat_and_rat(db)
    diary = tmp_path / "diary.csv"
    diary.write_text(f'date,notes,minutes\n{day(-3)},"one\ntwo",5\n{day(-2)},x,five\n')
    with pytest.raises(InputError, match=r"^line 4, minutes"):
        import_diary(db, "tom-pip", diary, today=TODAY)


def test_oversized_files_and_lines_are_refused_unparsed(db: Database, tmp_path: Path) -> None:
    cat_and_rat(db)
    big = tmp_path / "big.csv"
    with big.open("w") as file:
        file.truncate(MAX_DIARY_BYTES + 1)
    with pytest.raises(RatbondError, match="more than a diary's"):
        import_diary(db, "tom-pip", big, today=TODAY)
    long = tmp_path / "long.csv"
    long.write_text("date,notes\n" + f"{day(-2)}," + "x" * MAX_LINE_CHARS + "\n")
    with pytest.raises(InputError, match=f"^line 2: longer than {MAX_LINE_CHARS:,} characters"):
        import_diary(db, "tom-pip", long, today=TODAY)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        # A digit to str.isdigit, no number to int: was a ValueError traceback.
        ("sup.csv", "date,attempts\n{d},²\n", "line 2, attempts: '²' is not a whole number"),
        # Past Python's 4,300 digits int() refuses: was a ValueError traceback.
        (
            "big.csv",
            "date,attempts\n{d}," + "9" * 5000 + "\n",
            "line 2, attempts: a 5,000-digit number; count at most 1,000 tries",
        ),
        # Which date is meant? The last one was taken unseen.
        ("twice.csv", "date,minutes,date\n{d},5,{d}\n", "line 1, date: column given twice"),
        ("twice.jsonl", '{{"date": "{d}", "minutes": 5, "minutes": 6}}\n', "line 1, minutes:"),
        # A JSON array was read as a CSV header ("[{"date": unknown column").
        ("array.json", '[{{"date": "{d}"}},\n{{"date": "{d}"}}]\n', "line 1: a JSON array;"),
        ("number.jsonl", '{{"date": "{d}"}}\n5\n', "line 2: expected an object; a diary in JSON"),
    ],
)
def test_a_malformed_diary_is_one_message_naming_its_line(
    db: Database, tmp_path: Path, name: str, text: str, message: str
) -> None:
    cat_and_rat(db)
    diary = tmp_path / name
    diary.write_text(text.format(d=day(-3)))
    with pytest.raises(InputError) as refused:
        import_diary(db, "tom-pip", diary, today=TODAY)
    assert str(refused.value).startswith(message)
    assert placed(db) == []


@pytest.mark.parametrize("text", ["", "\n\n", "date,minutes,notes\n", "date,minutes\n\n\n"])
def test_a_diary_without_a_session_is_refused_not_imported_as_none(
    db: Database, tmp_path: Path, text: str
) -> None:
    """A header alone was 'Imported 0 sessions' with exit 0, as if the diary had gone in."""
    cat_and_rat(db)
    diary = tmp_path / "diary.csv"
    diary.write_text(text)
    with pytest.raises(RatbondError, match=r"diary\.csv: (empty|a header row and no session)"):
        import_diary(db, "tom-pip", diary, today=TODAY)
    assert placed(db) == []
