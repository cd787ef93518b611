"""Look up whether rats may eat a food, ignoring case and plurals and forgiving small typos."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ratbond.care.knowledge import builtin_foods
from ratbond.care.model import Food, FoodList, Source
from ratbond.care.words import close_names, closest, normalise
from ratbond.errors import InputError

Match = Literal["exact", "typo", "none"]
VERDICT_WORDS = {
    "staple": "Staple food",
    "safe": "Safe as a treat",
    "caution": "Only with care",
    "avoid": "Avoid",
    "unknown": "Unknown",
}
"""Each verdict in words, as every screen shows it."""
VERDICT_ORDER = ("staple", "safe", "caution", "avoid")


@dataclass(frozen=True)
class FoodAnswer:
    """What ratbond says about one food: the entry found (if any) and how it was found."""

    query: str
    food: Food | None
    match: Match
    """`exact` (ignoring case and plurals), `typo` (close spelling) or `none`."""
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

    def to_json(self) -> dict[str, Any]:
        food = self.food
        return {
            "query": self.query,
            "verdict": self.verdict,
            "verdict_words": self.verdict_words,
            "match": self.match,
            "matched_name": self.matched_name,
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
    # Suggestions only among close names: one edit more than a typo fix forgives, no more.
    names: list[str] = []
    for candidate in close_names(key, index):
        if index[candidate][0] not in names:
            names.append(index[candidate][0])
    return _answer(query, foods, "none", None, tuple(names[:3]))


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
