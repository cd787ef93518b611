"""The weight-loss rule over plain values, in a module that imports nothing of ratbond's:
`ratbond.care.health` wraps it in a record, `ratbond today` uses it as it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

# (latest weighing's date and grams, heaviest's date and grams, percent lost)
Loss = tuple[dt.date, float, dt.date, float, float]


def loss_of(
    weights: Iterable[tuple[dt.date, float]], within_days: int, percent: float
) -> Loss | None:
    """The loss to warn about, or None.

    Compares the latest weighing with the heaviest one in the `within_days` days before it
    (a weighing exactly `within_days` earlier counts); warns when the loss is `percent` or
    more of that heaviest weight. No weighings, or only one, warn about nothing.
    """
    ordered = sorted(weights, key=lambda pair: pair[0])
    if len(ordered) < 2:
        return None
    latest_date, latest = ordered[-1]
    start = latest_date - dt.timedelta(days=within_days)
    window = [(day, grams) for day, grams in ordered[:-1] if day >= start]
    if not window:
        return None
    peak_date, peak = max(window, key=lambda pair: (pair[1], pair[0]))
    lost = peak - latest
    # Compare without dividing, with a hair of tolerance, so 300 g -> 270 g is exactly 10 %.
    if lost * 100 < percent * peak - 1e-9 * peak:
        return None
    return latest_date, latest, peak_date, peak, round(lost * 100 / peak, 1)
