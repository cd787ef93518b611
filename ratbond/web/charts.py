"""Chart.js configurations built from store records; pages embed them as JSON for app.js."""

from __future__ import annotations

from typing import Any

from ratbond.store.records import AnimalRecord, SessionRecord, Weight

CLASS_COLOURS = {
    "calm": "#2f8f5b",
    "stress": "#d49a00",
    "aggression": "#d2601a",
    "danger": "#b3261e",
}
CLASSES = tuple(CLASS_COLOURS)


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


def minutes_chart(sessions: list[SessionRecord]) -> dict[str, Any] | None:
    """One bar per session, its height the minutes and its colour the session's class."""
    timed = [s for s in sessions if s.minutes is not None]
    if not timed:
        return None
    labels = [f"#{number} {s.date.strftime('%-d %b')}" for number, s in enumerate(timed, 1)]
    datasets = [
        {
            "label": klass,
            "data": [s.minutes if s.session_class == klass else None for s in timed],
            "backgroundColor": colour,
            "borderRadius": 4,
            "stack": "minutes",
        }
        for klass, colour in CLASS_COLOURS.items()
        if any(s.session_class == klass for s in timed)
    ]
    return {
        "type": "bar",
        "data": {"labels": labels, "datasets": datasets},
        "options": {
            "plugins": {"legend": {"position": "bottom"}},
            "scales": {
                "x": {"stacked": True, "ticks": {"maxRotation": 0, "autoSkip": True}},
                "y": {"stacked": True, "title": {"display": True, "text": "minutes"}},
            },
        },
    }
