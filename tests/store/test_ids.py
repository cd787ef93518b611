"""A number typed where a record is named: an id the database can hold, or no record at all."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ratbond.errors import NotFound
from ratbond.store import Database
from ratbond.store.ids import MAX_ROW_ID, row_id
from ratbond.store.introductions import get_introduction
from ratbond.store.sessions import NewSession, log_session
from tests.store.helpers import TODAY, cat_and_rat


@given(st.integers(1, MAX_ROW_ID))
def test_every_number_a_column_holds_is_a_row_id(number: int) -> None:
    assert row_id(f" {number} ") == number


@pytest.mark.parametrize(
    "text", ["³", "١٢", "0", "-3", "1.5", "", "9223372036854775808", "9" * 5000, "12a"]
)
def test_what_no_column_holds_is_no_row_id(text: str) -> None:
    assert row_id(text) is None


@pytest.mark.parametrize("ref", ["³", "9223372036854775808", "9" * 5000, "0"])
def test_an_absurd_introduction_number_is_not_found(db: Database, ref: str) -> None:
    cat_and_rat(db)
    with pytest.raises(NotFound):
        get_introduction(db, ref)
    with pytest.raises(NotFound):
        log_session(db, ref, NewSession("visual", TODAY, 5), today=TODAY)
