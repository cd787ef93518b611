"""Check a cage against the figures and environment checklist in `cage.yaml`: pass or fail, why."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ratbond.care.knowledge import builtin_cage_rules
from ratbond.care.model import CageRules, Source, Unit
from ratbond.errors import InputError, did_you_mean
from ratbond.limits import MAX_LEVELS, MAX_RATS, MAX_SIDE_CM, MIN_SIDE_CM

CM_PER: dict[Unit, float] = {"cm": 1.0, "m": 100.0, "in": 2.54, "ft": 30.48}
LITRES_PER_CUBIC_FT = 28.316846592
UNIT_NAMES: dict[str, Unit] = {
    "cm": "cm",
    "centimetre": "cm",
    "centimetres": "cm",
    "centimeter": "cm",
    "centimeters": "cm",
    "in": "in",
    "inch": "in",
    "inches": "in",
    '"': "in",
    "ft": "ft",
    "foot": "ft",
    "feet": "ft",
    "'": "ft",
    "m": "m",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
}
Status = Literal["pass", "fail", "unanswered"]


@dataclass(frozen=True)
class CageCheck:
    """One line of a cage verdict."""

    id: str
    title: str
    status: Status
    detail: str
    """What was measured or answered, against what figure."""
    why: str
    seeds: tuple[str, ...]
    sources: tuple[Source, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "why": self.why,
            "seeds": list(self.seeds),
            "sources": [{"name": s.name, "url": s.url} for s in self.sources],
        }


@dataclass(frozen=True)
class CageVerdict:
    """Pass or fail for a cage, with every check and the figures behind them."""

    passed: bool
    rats: int
    volume_cubic_ft: float
    volume_litres: float
    required_cubic_ft: float
    fits_rats: int
    """How many rats the cage's volume is big enough for (0 if too small even for a pair)."""
    checks: tuple[CageCheck, ...]
    notes: tuple[str, ...]

    @property
    def room(self) -> str:
        """How many rats the volume houses, in words."""
        if self.fits_rats == 0:
            return "too small even for a pair"
        return f"room for {self.fits_rats} rat{'' if self.fits_rats == 1 else 's'}"

    @property
    def failures(self) -> tuple[CageCheck, ...]:
        return tuple(check for check in self.checks if check.status == "fail")

    @property
    def unanswered(self) -> tuple[CageCheck, ...]:
        return tuple(check for check in self.checks if check.status == "unanswered")

    def to_json(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "rats": self.rats,
            "volume_cubic_ft": round(self.volume_cubic_ft, 2),
            "volume_litres": round(self.volume_litres),
            "required_cubic_ft": round(self.required_cubic_ft, 2),
            "fits_rats": self.fits_rats,
            "checks": [check.to_json() for check in self.checks],
            "notes": list(self.notes),
        }


def parse_unit(text: str) -> Unit:
    """`cm`, `in`, `ft` or `m` from what a person types (`inches`, `Feet`, ...)."""
    unit = UNIT_NAMES.get(text.strip().lower())
    if unit is None:
        raise InputError(
            "unit",
            f"unknown unit '{text}'" + did_you_mean(text, UNIT_NAMES) + "; use cm, in, ft or m",
        )
    return unit


def required_cubic_ft(rats: int, rules: CageRules | None = None) -> float:
    """The smallest volume, in cubic feet, for `rats` rats: the pair figure plus extra per rat."""
    rules = rules or builtin_cage_rules()
    base = _cubic_ft(
        rules.volume.size.length,
        rules.volume.size.width,
        rules.volume.size.height,
        rules.volume.size.unit,
    )
    extra = rules.extra_rat.volume * (CM_PER[rules.extra_rat.unit] / CM_PER["ft"]) ** 3
    return base + max(0, rats - rules.volume.rats) * extra


def check_cage(
    *,
    length: float,
    width: float,
    height: float,
    unit: str,
    rats: int,
    levels: int | None = None,
    bar_spacing: float | None = None,
    answers: Mapping[str, bool | None] | None = None,
    rules: CageRules | None = None,
) -> CageVerdict:
    """Check a cage for `rats` rats; `bar_spacing` is in `unit`; `answers` are checklist ids.

    Missing measurements and checklist answers are reported as unanswered and do not fail the
    cage; anything answered or measured that falls short does.
    """
    rules = rules or builtin_cage_rules()
    unit_ = parse_unit(unit)
    for name, value in (("length", length), ("width", width), ("height", height)):
        _positive(name, value, unit_)
    if bar_spacing is not None:
        _positive("bar_spacing", bar_spacing, unit_)
    if isinstance(rats, bool) or rats < 1:
        raise InputError("rats", f"must be at least 1 (got {rats}); how many rats will live here?")
    if rats > MAX_RATS:
        raise InputError("rats", f"at most {MAX_RATS} rats share one cage here (got {rats})")
    if levels is not None and levels < 1:
        raise InputError("levels", f"must be at least 1, the floor (got {levels})")
    if levels is not None and levels > MAX_LEVELS:
        raise InputError("levels", f"at most {MAX_LEVELS} levels in one cage here (got {levels})")
    known = [item.id for item in rules.checklist]
    for key in answers or {}:
        if key not in known:
            raise InputError(
                f"answers.{key}",
                "unknown checklist item"
                + did_you_mean(key, known)
                + "; known: "
                + ", ".join(known),
            )

    volume = _cubic_ft(length, width, height, unit_)
    required = required_cubic_ft(rats, rules)
    checks = [
        _volume_check(volume, required, rats, rules),
        _height_check(height, unit_, rules),
        _bar_check(bar_spacing, unit_, rules),
        _levels_check(levels, rules),
    ]
    for item in rules.checklist:
        answer = (answers or {}).get(item.id)
        status: Status = "unanswered" if answer is None else ("pass" if answer else "fail")
        if not item.required and status == "fail":
            status = "pass"  # an optional item only adds its hint
        detail = {"pass": "yes", "fail": "no", "unanswered": item.question}[status]
        checks.append(
            CageCheck(item.id, item.title, status, detail, item.why, item.seeds, item.sources)
        )
    notes = [rules.bigger_is_better.text]
    if rats == 1:
        notes.insert(0, rules.lone_rat.text)
    return CageVerdict(
        passed=not any(check.status == "fail" for check in checks),
        rats=rats,
        volume_cubic_ft=volume,
        volume_litres=volume * LITRES_PER_CUBIC_FT,
        required_cubic_ft=required,
        fits_rats=_fits(volume, rules),
        checks=tuple(checks),
        notes=tuple(notes),
    )


def _positive(name: str, value: float, unit: Unit) -> None:
    if not math.isfinite(value) or value <= 0:
        raise InputError(name, f"must be a positive number of {_unit_word(unit)} (got {value:g})")
    largest = MAX_SIDE_CM / CM_PER[unit]
    smallest = MIN_SIDE_CM / CM_PER[unit]
    if value < smallest:
        raise InputError(
            name,
            f"{value:g} {_unit_word(unit)} is smaller than any cage; a side is at least "
            f"{smallest:.3g} {_unit_word(unit)} (check the unit: --unit cm, in, ft or m)",
        )
    if value > largest:
        raise InputError(
            name,
            f"{value:g} {_unit_word(unit)} is larger than a room; a cage side is at most "
            f"{largest:g} {_unit_word(unit)} (check the unit: --unit cm, in, ft or m)",
        )


def _unit_word(unit: Unit) -> str:
    return {"cm": "centimetres", "in": "inches", "ft": "feet", "m": "metres"}[unit]


def _cubic_ft(length: float, width: float, height: float, unit: Unit) -> float:
    per_ft = CM_PER[unit] / CM_PER["ft"]
    return (length * per_ft) * (width * per_ft) * (height * per_ft)


def _fits(volume: float, rules: CageRules) -> int:
    """How many rats `volume` houses: the pair figure, then one more per extra volume, worked
    out in one step whatever size was typed (where extra space is free, the pair figure)."""
    rats = rules.volume.rats
    base = required_cubic_ft(rats, rules)
    if volume < base:
        return 0
    each = required_cubic_ft(rats + 1, rules) - base
    if each <= 0:
        return rats
    more = math.floor((volume - base) / each)
    # The division may land one off where the volume is exactly a boundary.
    if required_cubic_ft(rats + more + 1, rules) <= volume:
        more += 1
    elif more > 0 and required_cubic_ft(rats + more, rules) > volume:
        more -= 1
    return rats + more


def _volume_check(volume: float, required: float, rats: int, rules: CageRules) -> CageCheck:
    size = rules.volume.size
    figure = f"{size.length:g} x {size.width:g} x {size.height:g} {size.unit}"
    need = f"{rats} rat{'s' if rats != 1 else ''} need{'s' if rats == 1 else ''}"
    detail = (
        f"{volume:.1f} cubic ft ({volume * LITRES_PER_CUBIC_FT:.0f} L); {need} at least "
        f"{required:.1f} cubic ft ({figure} for {rules.volume.rats}"
        + (f", plus {rules.extra_rat.volume:g} cubic {rules.extra_rat.unit} per extra rat)")
    )
    return CageCheck(
        "volume",
        "Volume",
        "pass" if volume >= required - 1e-9 else "fail",
        detail,
        rules.volume.why + " " + rules.extra_rat.why,
        rules.volume.seeds + rules.extra_rat.seeds,
        rules.volume.sources + rules.extra_rat.sources,
    )


def _height_check(height: float, unit: Unit, rules: CageRules) -> CageCheck:
    limit = rules.min_height
    minimum = limit.value * CM_PER[limit.unit] / CM_PER[unit]
    status: Status = "pass" if height >= minimum - 1e-9 else "fail"
    detail = f"{height:g} {unit}; at least {limit.value:g} {limit.unit}" + _in_unit(
        minimum, unit, limit.unit
    )
    return CageCheck("height", "Height", status, detail, limit.why, limit.seeds, limit.sources)


def _bar_check(spacing: float | None, unit: Unit, rules: CageRules) -> CageCheck:
    limit = rules.max_bar_spacing
    maximum = limit.value * CM_PER[limit.unit] / CM_PER[unit]
    tail = f"at most {limit.value:g} {limit.unit}" + _in_unit(maximum, unit, limit.unit)
    if spacing is None:
        status: Status = "unanswered"
        detail = f"not measured; {tail}"
    else:
        status = "pass" if spacing <= maximum + 1e-9 else "fail"
        detail = f"{spacing:g} {unit}; {tail}"
    return CageCheck(
        "bar_spacing", "Bar spacing", status, detail, limit.why, limit.seeds, limit.sources
    )


def _levels_check(levels: int | None, rules: CageRules) -> CageCheck:
    rule = rules.levels
    if levels is None:
        status: Status = "unanswered"
        detail = f"not given; at least {rule.min}"
    else:
        status = "pass" if levels >= rule.min else "fail"
        detail = f"{levels}; at least {rule.min}"
    return CageCheck(
        "levels", "Levels to climb", status, detail, rule.why, rule.seeds, rule.sources
    )


def _in_unit(value: float, unit: Unit, limit_unit: Unit) -> str:
    """` (about 0.5 in)` when the figure's own unit differs from the one the owner used."""
    return "" if unit == limit_unit else f" (about {value:.2g} {unit})"
