"""Food lookup: case, plurals, typos, aliases, unknown foods and the safety of near misses."""

from __future__ import annotations

import pytest

from ratbond.care.food import lookup_food
from ratbond.care.knowledge import builtin_foods
from ratbond.care.words import normalise, singular
from ratbond.errors import InputError
from ratbond.limits import MAX_FOOD_NAME


@pytest.mark.parametrize(
    ("query", "name", "verdict"),
    [
        ("banana", "banana", "safe"),
        ("BANANAS", "banana", "safe"),
        ("  Blueberries ", "blueberry", "safe"),
        ("scrambled eggs", "scrambled egg", "safe"),
        ("Leafy-Greens", "leafy greens", "safe"),
        ("chocolate", "chocolate", "avoid"),
        ("Raw Sweet Potatoes", "raw sweet potato", "avoid"),
        ("garlic", "onion family", "avoid"),
        ("orange", "orange", "caution"),
        ("green banana", "green banana", "avoid"),
        ("blue cheese!", "blue cheese", "avoid"),
    ],
)
def test_exact_ignoring_case_plural_and_punctuation(query: str, name: str, verdict: str) -> None:
    answer = lookup_food(query)
    assert answer.match == "exact"
    assert answer.food is not None
    assert answer.food.name == name
    assert answer.verdict == verdict


@pytest.mark.parametrize(
    ("query", "name"),
    [("banan", "banana"), ("Blueberies", "blueberry"), ("brocoli", "broccoli"),
     ("choclate", "chocolate"), ("avacado", "avocado")],
)  # fmt: skip
def test_typos_are_forgiven(query: str, name: str) -> None:
    answer = lookup_food(query)
    assert answer.match == "typo"
    assert answer.food is not None
    assert answer.food.name == name


def test_unknown_food_says_unknown_and_to_ask_a_vet() -> None:
    answer = lookup_food("dragon fruit")
    assert answer.verdict == "unknown"
    assert answer.food is None
    assert "vet" in answer.unknown_advice
    assert answer.to_json()["verdict"] == "unknown"


@pytest.mark.parametrize("query", ["bean", "chicken bones", "cheesecake", "banana bread"])
def test_a_different_food_is_never_taken_for_a_known_one(query: str) -> None:
    # "bean" is close to "pea"s and "chicken bones" holds "chicken": each must stay unknown
    # rather than borrow a safe food's verdict.
    assert lookup_food(query).verdict == "unknown"


@pytest.mark.parametrize(
    ("query", "verdict", "part"),
    [
        ("xylitol gum", "avoid", "xylitol"),
        ("grapefruit juice", "avoid", "grapefruit"),
        ("dark chocolate chip cookie", "avoid", "dark chocolate"),
    ],
)
def test_an_unknown_food_holding_a_risky_one_takes_its_verdict(
    query: str, verdict: str, part: str
) -> None:
    answer = lookup_food(query)
    assert (answer.verdict, answer.match, answer.matched_name) == (verdict, "part", part)
    assert answer.how_read is not None
    assert f"it holds {part}" in answer.how_read
    assert answer.to_json()["how_read"] == answer.how_read


def test_the_safe_foods_an_unknown_one_holds_are_only_suggested() -> None:
    answer = lookup_food("banana bread")
    assert (answer.verdict, answer.how_read) == ("unknown", None)
    assert set(answer.suggestions) >= {"banana"}


def test_a_food_name_longer_than_the_limit_is_refused() -> None:
    with pytest.raises(InputError) as raised:
        lookup_food("x" * (MAX_FOOD_NAME + 1))
    assert raised.value.path == "food"
    assert f"at most {MAX_FOOD_NAME}" in raised.value.message


def test_unknown_food_suggests_close_names() -> None:
    assert "apple" in lookup_food("aple").suggestions


def test_safe_foods_cite_seed_003_and_give_a_portion() -> None:
    for query in ["apple", "blueberry", "banana", "broccoli", "carrot", "peas", "leafy greens",
                  "cooked quinoa", "brown rice", "cooked lean meat", "scrambled egg"]:  # fmt: skip
        food = lookup_food(query).food
        assert food is not None
        assert food.verdict == "safe"
        assert "003" in food.seeds
        assert food.portion


@pytest.mark.parametrize("query", ["", "   ", "?!"])
def test_empty_name_is_an_input_error(query: str) -> None:
    with pytest.raises(InputError, match="name a food"):
        lookup_food(query)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("berries", "berry"), ("potatoes", "potato"), ("peaches", "peach"), ("citrus", "citrus"),
     ("peas", "pea"), ("grass", "grass"), ("egg", "egg")],
)  # fmt: skip
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_normalise_strips_accents_and_punctuation() -> None:
    assert normalise("  Crème-Brûlées! ") == "creme brulee"


def test_the_list_covers_what_rats_eat_each_with_a_reason_and_a_source() -> None:
    foods = builtin_foods().foods
    assert len(foods) >= 120
    for food in foods:
        assert food.why, food.name
        assert food.seeds or food.sources, food.name
    for name in ("lab blocks", "pellets", "cheese", "grapes", "raisins", "corn", "sunflower seeds"):
        assert lookup_food(name).verdict != "unknown", name


def test_lab_blocks_are_the_staple_and_every_answer_says_treats_are_a_small_share() -> None:
    answer = lookup_food("pellets")
    assert answer.verdict == "staple"
    assert answer.food is not None
    assert answer.food.name == "lab blocks"
    assert "small share" in lookup_food("banana").diet
    assert answer.to_json()["verdict_words"] == "Staple food"


def test_typos_are_fixed_only_among_close_names() -> None:
    answer = lookup_food("rasins")
    assert (answer.match, answer.food and answer.food.name) == ("typo", "raisins")
    assert lookup_food("pizza").suggestions == ()
    # Real words are what the owner meant: bat food is not a typo for rat food.
    assert lookup_food("bat food").match == "none"
    assert lookup_food("dragon fruit").suggestions == ()
