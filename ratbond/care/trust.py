"""The trust tracker's arithmetic: trust signs by name, and a weekly count and score per rat."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.model import CareTasks, TrustSign
from ratbond.care.words import find_named
from ratbond.errors import InputError


def find_trust_signs(names: Sequence[str], care: CareTasks | None = None) -> tuple[TrustSign, ...]:
    """Trust signs by id, title or alias (any case), in the order given, without repeats."""
    care = care or builtin_care_tasks()
    known = [sign.id for sign in care.trust_signs]
    if not names:
        raise InputError("sign", "name at least one trust sign; known: " + ", ".join(known))
    return find_named(names, care.trust_signs, "sign", "trust sign")


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


@dataclass(frozen=True)
class TrustWeek:
    """The trust signs seen in one week (Monday to Sunday)."""

    start: dt.date
    count: int
    score: int
    """Sum of the signs' points: bolder signs of trust weigh more."""
    signs: dict[str, int] = field(default_factory=dict)
    """Sightings per sign id."""

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)


def trust_trend(
    sightings: Iterable[tuple[dt.date, str]],
    today: dt.date,
    *,
    weeks: int | None = None,
    care: CareTasks | None = None,
) -> list[TrustWeek]:
    """One entry per week, oldest first, empty weeks included, up to the week of `today`.

    Starts at the week of the first sighting, or `weeks` weeks back when given. A sign id no
    longer in the file still counts, for one point.
    """
    care = care or builtin_care_tasks()
    points = {sign.id: sign.points for sign in care.trust_signs}
    by_week: dict[dt.date, dict[str, int]] = {}
    for day, sign in sightings:
        if day > today:
            continue
        counts = by_week.setdefault(week_start(day), {})
        counts[sign] = counts.get(sign, 0) + 1
    last = week_start(today)
    if weeks is not None:
        if weeks < 1:
            raise InputError("weeks", "give at least one week")
        first = last - dt.timedelta(weeks=weeks - 1)
    elif by_week:
        first = min(by_week)
    else:
        return []
    result: list[TrustWeek] = []
    start = first
    while start <= last:
        counts = by_week.get(start, {})
        result.append(
            TrustWeek(
                start=start,
                count=sum(counts.values()),
                score=sum(points.get(sign, 1) * n for sign, n in counts.items()),
                signs=dict(sorted(counts.items())),
            )
        )
        start += dt.timedelta(weeks=1)
    return result
