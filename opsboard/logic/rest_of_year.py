"""What the rest of the year needs, and how this month ends at its pace.

The remaining gap — the annual target less the revenue so far — is spread
over the days after the cut-off by their targets on the curve: a day the
plan gives twice the target of another must now bring twice as much too.
So each remaining day needs its target × (still to bring ÷ the remaining
days' targets); a month sums its days. Once the year's target is reached
nothing more is needed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from opsboard.model.targets import TargetPlan

from .day_targets import daily_targets
from .plan_vs_actual import PlanVsActual


@dataclass(frozen=True)
class MonthNeed:
    month: int
    first: date  # the first remaining day of the month
    planned: float  # the targets of its remaining days
    needed: float  # what they must now bring


@dataclass(frozen=True)
class DayNeed:
    day: date
    planned: float
    needed: float


@dataclass(frozen=True)
class RestOfYear:
    cutoff: date
    still_to_bring: float  # annual target − revenue so far (0 once reached)
    planned: float  # Σ targets of the days still to come
    factor: float | None  # needed / planned per day (1.1: 10 % more than planned); None: no day left
    months: tuple[MonthNeed, ...]  # the remaining months, the cut-off's month first when days are left in it
    days: tuple[DayNeed, ...]  # the remaining days of the cut-off's month (or of the next month)
    month_end_forecast: float | None  # the cut-off's month at its run-rate on the curve


def rest_of_year(plan: TargetPlan, pva: PlanVsActual) -> RestOfYear | None:
    """None without actuals (nothing to measure from)."""
    if pva.cutoff is None:
        return None
    days = daily_targets(plan)
    cutoff = pva.cutoff
    first = cutoff + timedelta(days=1)
    last = date(plan.year, 12, 31)
    still = max(0.0, plan.annual_target - pva.ytd_actual)
    planned = days.between(first, last) if first <= last else 0.0
    factor = still / planned if planned > 0 else None
    scale = factor if factor is not None else 0.0
    months = []
    if first <= last:
        for month in range(first.month, 13):
            start = first if month == first.month else date(plan.year, month, 1)
            end = date(plan.year, month, calendar.monthrange(plan.year, month)[1])
            target = days.between(start, end)
            months.append(MonthNeed(month, start, target, target * scale))
    day_needs = []
    if first <= last:
        end = date(plan.year, first.month, calendar.monthrange(plan.year, first.month)[1])
        day = first
        while day <= end:
            target = days.on(day)
            day_needs.append(DayNeed(day, target, target * scale))
            day += timedelta(days=1)
    return RestOfYear(cutoff, still, planned, factor, tuple(months), tuple(day_needs), pva.month_end_forecast)
