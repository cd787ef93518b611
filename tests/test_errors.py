"""Validation messages in plain words: what is wrong with the value, and what to give."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pytest
from annotated_types import Ge, Gt, Le, Len
from pydantic import TypeAdapter, ValidationError

from ratbond.errors import plain_message
from ratbond.model import Program

SHAPES_AND_BAD_VALUES: list[tuple[Any, object, str]] = [
    (Annotated[float, Gt(0)], -3, "-3 is out of range; give a number greater than 0"),
    (Annotated[int, Ge(1)], 0, "0 is out of range; give a number of at least 1"),
    (Annotated[int, Le(5)], 9, "9 is out of range; give a number of at most 5"),
    (Literal["cat", "rat"], "dog", "unknown value \"dog\"; expected 'cat' or 'rat'"),
    (int, "x", 'expected a whole number, got text ("x")'),
    (int, 1.5, "1.5 is not a whole number; give one without a fraction"),
    (bool, "maybe", 'expected true or false, got text ("maybe")'),
    (Annotated[str, Len(min_length=1)], "", "is empty; write some text"),
    (Annotated[tuple[str, ...], Len(min_length=1)], [], "list at least 1 item"),
    (dict[str, int], [1], "expected a mapping of keys to values, got a list ([1])"),
    (Program, 5, "expected a mapping of fields, got a number (5)"),
]


def first_error(shape: Any, value: object) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(shape).validate_python(value, strict=False)
    return dict(caught.value.errors(include_url=False)[0])


@pytest.mark.parametrize(("shape", "value", "expected"), SHAPES_AND_BAD_VALUES)
def test_a_validation_error_reads_as_what_was_given_and_what_to_give(
    shape: Any, value: object, expected: str
) -> None:
    message = plain_message(first_error(shape, value))
    assert message == expected
    assert "Input should" not in message
