"""Chart.js configurations built from store records; pages embed them as JSON for app.js."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ratbond.store.queries import CLASS_ORDER, SessionDay
from ratbond.store.records import AnimalRecord, Weight

# In the store's order, from the calmest to the worst: the legend reads that way.
CLASS_COLOURS = dict(zip(CLASS_ORDER, ("#2f8f5b", "#d49a00", "#d2601a", "#b3261e"), strict=True))


def weight_chart(animal: AnimalRecord, weights: list[Weight]) -> dict[str, Any] | None:
    """A line of the animal's weighings in grams, oldest first; None with fewer than one."""
    if not weights:
        return None
    return {
        "type": "line",
        "data": {
            "labels": [w.date.isoformat() for w in weights],
            "datasets": [
                {
                    "label": f"{animal.label}, grams",
                    "data": [w.grams for w in weights],
                    "borderColor": "#2f6b4f",
                    "backgroundColor": "#2f6b4f",
                    "tension": 0.2,
                    "pointRadius": 4,
                }
            ],
        },
        "options": {
            "plugins": {"legend": {"display": False}},
            "scales": {
                "y": {"title": {"display": True, "text": "grams"}},
                "x": {"ticks": {"maxRotation": 0, "autoSkip": True}},
            },
        },
    }


def minutes_chart(days: Sequence[SessionDay]) -> dict[str, Any] | None:
    """One bar per day of sessions, its height the day's minutes on a log scale (a two-hour
    session and five-minute ones stay readable side by side), its colour the class of the
    day's worst session; None without a timed session."""
    if not days:
        return None
    labels = [day.day.strftime("%-d %b") for day in days]
    datasets = [
        {
            "label": klass,
            "data": [day.minutes if day.worst == klass else None for day in days],
            "backgroundColor": colour,
            "borderRadius": 4,
        }
        for klass, colour in CLASS_COLOURS.items()
        if any(day.worst == klass for day in days)
    ]
    return {
        "type": "bar",
        "data": {"labels": labels, "datasets": datasets},
        "options": {
            "plugins": {"legend": {"position": "bottom"}},
            "scales": {
                # Stacked on x: each day's single bar sits in the middle of its slot.
                "x": {"stacked": True, "ticks": {"maxRotation": 0, "autoSkip": True}},
                "y": {
                    "type": "logarithmic",
                    "title": {"display": True, "text": "minutes a day (log scale)"},
                },
            },
        },
    }
