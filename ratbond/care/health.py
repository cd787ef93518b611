"""Health warnings from the records: grooming findings and weight lost within a month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.loss import loss_of
from ratbond.care.model import CareTasks, Finding, WeightLossRule
from ratbond.care.words import find_named


@dataclass(frozen=True, slots=True)
class WeightLoss:
    """The heaviest weighing in the window before the latest one, and how much is gone since."""

    peak_date: dt.date
    peak_grams: float
    latest_date: dt.date
    latest_grams: float
    percent: float
    """Percent of the peak weight lost, e.g. 10.0."""

    def text(self, label: str) -> str:
        """`Kit lost 15 % of its weight (400 g on 2026-11-08, 340 g on 2026-11-19); see a vet`."""
        return (
            f"{label} lost {self.percent:g} % of its weight ({self.peak_grams:g} g on "
            f"{self.peak_date.isoformat()}, {self.latest_grams:g} g on "
            f"{self.latest_date.isoformat()}); see a vet"
        )


def weight_loss(
    weights: Iterable[tuple[dt.date, float]], rule: WeightLossRule | None = None
) -> WeightLoss | None:
    """The loss to warn about, or None.

    Compares the latest weighing with the heaviest one in the `within_days` days before it
    (a weighing exactly `within_days` earlier counts); warns when the loss is `percent` or
    more of that heaviest weight. No weighings, or only one, warn about nothing.
    """
    rule = rule or builtin_care_tasks().weight_loss
    loss = loss_of(weights, rule.within_days, rule.percent)
    if loss is None:
        return None
    latest_date, latest, peak_date, peak, percent = loss
    return WeightLoss(
        peak_date=peak_date,
        peak_grams=peak,
        latest_date=latest_date,
        latest_grams=latest,
        percent=percent,
    )


def find_findings(names: Sequence[str], care: CareTasks | None = None) -> tuple[Finding, ...]:
    """Findings by id, title or alias (any case), in the order given, without repeats."""
    care = care or builtin_care_tasks()
    return find_named(names, care.findings, "finding", "finding")
