"""Look up whether rats may eat a food, ignoring case and plurals and forgiving small typos."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ratbond.care.knowledge import builtin_foods
from ratbond.care.model import Food, FoodList, Source
from ratbond.care.words import close_names, closest, normalise
from ratbond.errors import InputError
from ratbond.limits import MAX_FOOD_NAME

Match = Literal["exact", "typo", "part", "none"]
VERDICT_WORDS = {
    "staple": "Staple food",
    "safe": "Safe as a treat",
    "caution": "Only with care",
    "avoid": "Avoid",
    "unknown": "Unknown",
}
"""Each verdict in words, as every screen shows it."""
VERDICT_ORDER = ("staple", "safe", "caution", "avoid")
RISKY = ("caution", "avoid")
"""Verdicts a food named inside an unknown one passes on to it (`xylitol gum` is xylitol's
`avoid`): a risky part makes the whole risky, while a safe part says nothing of the rest."""


@dataclass(frozen=True)
class FoodAnswer:
    """What ratbond says about one food: the entry found (if any) and how it was found."""

    query: str
    food: Food | None
    match: Match
    """`exact` (ignoring case and plurals), `typo` (close spelling), `part` (an unknown name
    holding a known risky food, e.g. `xylitol gum`) or `none`."""
    matched_name: str | None
    """The name or alias that matched, e.g. `garlic` for the onion family entry."""
    suggestions: tuple[str, ...]
    """For an unknown food, known names that look a little like it."""
    unknown_advice: str
    unknown_sources: tuple[Source, ...]
    diet: str
    """The base-diet note said with every answer."""

    @property
    def verdict(self) -> str:
        """`staple`, `safe`, `caution`, `avoid`, or `unknown`."""
        return self.food.verdict if self.food is not None else "unknown"

    @property
    def verdict_words(self) -> str:
        return VERDICT_WORDS[self.verdict]

    @property
    def how_read(self) -> str | None:
        """How the query was read when not as itself, in words every screen shows."""
        if self.food is None or self.matched_name is None:
            return None
        if self.match == "typo":
            return f"read '{self.query}' as '{self.matched_name}'"
        if self.match == "part":
            listed = "" if self.matched_name == self.food.name else f" ({self.food.name})"
            return (
                f"'{self.query}' is not in the list; it holds {self.matched_name}{listed}, "
                "whose answer applies"
            )
        if self.matched_name != self.food.name:
            return f"{self.matched_name} is listed under {self.food.name}"
        return None

    def to_json(self) -> dict[str, Any]:
        food = self.food
        return {
            "query": self.query,
            "verdict": self.verdict,
            "verdict_words": self.verdict_words,
            "match": self.match,
            "matched_name": self.matched_name,
            "how_read": self.how_read,
            "name": food.name if food else None,
            "why": food.why if food else self.unknown_advice,
            "portion": food.portion if food else None,
            "seeds": list(food.seeds) if food else [],
            "sources": [
                {"name": s.name, "url": s.url}
                for s in (food.sources if food else self.unknown_sources)
            ],
            "suggestions": list(self.suggestions),
            "diet": self.diet,
        }


def food_index(foods: FoodList) -> dict[str, tuple[str, Food]]:
    """Normalised name or alias -> (name as written, food)."""
    index: dict[str, tuple[str, Food]] = {}
    for food in foods.foods:
        for name in (food.name, *food.aliases):
            index[normalise(name)] = (name, food)
    return index


def lookup_food(query: str, foods: FoodList | None = None) -> FoodAnswer:
    """The entry for `query`; an unknown food gets verdict `unknown` and the ask-a-vet advice."""
    foods = foods or builtin_foods()
    if len(query) > MAX_FOOD_NAME:
        raise InputError(
            "food", f"a food's name has at most {MAX_FOOD_NAME} characters (got {len(query):,})"
        )
    key = normalise(query)
    if not key:
        raise InputError("food", "name a food, e.g. 'ratbond food banana'")
    index = food_index(foods)
    if key in index:
        return _answer(query, foods, "exact", index[key])
    nearest = closest(key, index)
    # Two different foods equally close is a guess, not a typo fix.
    if nearest and len({id(index[k][1]) for k in nearest}) == 1:
        return _answer(query, foods, "typo", index[nearest[0]])
    parts = named_within(key, index)
    risky = [part for part in parts if index[part][1].verdict in RISKY]
    if risky:
        worst = max(risky, key=lambda part: RISKY.index(index[part][1].verdict))
        return _answer(query, foods, "part", index[worst])
    # Suggestions only among close names: one edit more than a typo fix forgives, no more;
    # else the foods the name holds.
    names: list[str] = []
    for candidate in [*close_names(key, index), *parts]:
        if index[candidate][0] not in names:
            names.append(index[candidate][0])
    return _answer(query, foods, "none", None, tuple(names[:3]))


def named_within(key: str, index: dict[str, tuple[str, Food]]) -> list[str]:
    """The known names that run of whole words in `key` spells, longest first and not
    overlapping (`chicken bone` holds chicken; `grapefruit juice` holds grapefruit)."""
    words = key.split()
    taken = [False] * len(words)
    found: list[str] = []
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            span = " ".join(words[start : start + size])
            if span in index and not any(taken[start : start + size]):
                taken[start : start + size] = [True] * size
                found.append(span)
    return found


def _answer(
    query: str,
    foods: FoodList,
    match: Match,
    hit: tuple[str, Food] | None,
    suggestions: tuple[str, ...] = (),
) -> FoodAnswer:
    return FoodAnswer(
        query=query,
        food=hit[1] if hit else None,
        match=match,
        matched_name=hit[0] if hit else None,
        suggestions=suggestions,
        unknown_advice=foods.unknown.text,
        unknown_sources=foods.unknown.sources,
        diet=foods.diet.text,
    )
