"""Actual ad spend against the budget and a daily cap, and ROI (投产比)
planned against actual.

The budget to date is the promotion budget × the share of the year's target
that falls on the days to the cut-off (a campaign month may spend more), and
likewise for the cut-off's month. The daily cap is the plan's 每天上限, or,
when none is set, the budget spread evenly over the year's days. A day's
spend is the sum over its channels and sources (the back office's tools).
ROI is revenue ÷ ad spend; the planned one is the plan's ROI target, else
the annual target ÷ the plan's ad spend.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import TargetPlan

from .breakdown import Breakdown
from .day_targets import daily_targets


@dataclass(frozen=True)
class SpendCheck:
    budget: float  # for the year, 0 = none
    ytd_spend: float
    ytd_budget: float | None  # the budget's share to the cut-off; None without a budget
    month: int | None  # the cut-off's month
    month_spend: float
    month_budget: float | None
    daily_cap: float | None  # None: no cap and no budget
    cap_is_even_budget: bool  # the cap is the budget spread evenly (no 每天上限 set)
    days_over_cap: tuple[tuple[date, float], ...]  # (day, spend), oldest first
    roi_planned: float | None
    roi_actual: float | None  # revenue ÷ spend to the cut-off

    @property
    def over_budget_to_date(self) -> bool:
        return self.ytd_budget is not None and self.ytd_spend > self.ytd_budget


def spend_check(plan: TargetPlan, metrics: Iterable[DailyMetric], breakdown: Breakdown, cutoff: date | None) -> SpendCheck:
    spend_by_day: dict[date, float] = {}
    revenue = 0.0
    for metric in metrics:
        if metric.date.year != plan.year or (cutoff is not None and metric.date > cutoff):
            continue
        if metric.ad_spend:
            spend_by_day[metric.date] = spend_by_day.get(metric.date, 0.0) + metric.ad_spend
        revenue += metric.revenue or 0.0
    ytd_spend = sum(spend_by_day.values())
    days = daily_targets(plan)
    budget = plan.promotion_budget
    month = cutoff.month if cutoff is not None else None
    month_spend = sum(v for d, v in spend_by_day.items() if d.month == month)
    ytd_budget = month_budget = None
    if budget > 0 and cutoff is not None and plan.annual_target > 0:
        ytd_budget = budget * days.between(date(plan.year, 1, 1), cutoff) / plan.annual_target
        month_start = date(plan.year, cutoff.month, 1)
        month_end = date(plan.year, cutoff.month, calendar.monthrange(plan.year, cutoff.month)[1])
        month_budget = budget * days.between(month_start, month_end) / plan.annual_target
    year_days = 366 if calendar.isleap(plan.year) else 365
    cap: float | None = plan.daily_ad_cap or None
    even = cap is None and budget > 0
    if even:
        cap = budget / year_days
    over = tuple(sorted((d, v) for d, v in spend_by_day.items() if cap is not None and v > cap + 1e-9))
    planned_spend = breakdown.year_total.ad_spend
    roi_planned = plan.roi or (plan.annual_target / planned_spend if planned_spend else None)
    return SpendCheck(
        budget=budget,
        ytd_spend=ytd_spend,
        ytd_budget=ytd_budget,
        month=month,
        month_spend=month_spend,
        month_budget=month_budget,
        daily_cap=cap,
        cap_is_even_budget=even,
        days_over_cap=over,
        roi_planned=roi_planned,
        roi_actual=revenue / ytd_spend if ytd_spend else None,
    )
