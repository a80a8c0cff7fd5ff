"""Plan vs actual: attainment, the gap, a forecast, and the lever behind the gap.

Everything is measured to the cut-off, the last day with data in the plan's
year (period_attainment): a month's target to date is the sum of its daily
targets through the cut-off (day_targets), its actual the revenue of those
days. Every month from January to the cut-off's month has a row — a month
with no data reads 0 — so the year to date is 1 January to the cut-off,
whatever was imported.

The gap (actual − target to date) is split into the three levers of
sales = UV × conversion × order value by their Shapley values (lever_split):
the split does not depend on the order the levers are looked at in, and
the parts add up to the gap. The planned UV to date is the target to date
÷ (planned conversion × order value). The weakest lever is the most
negative part; it names the department that must act. A period on or
ahead of plan names none.

The forecast runs the year-to-date attainment on over the days still to
come, by their targets on the curve:

    forecast = YTD actual + (annual target − YTD target) × YTD actual / YTD target

With no target so far (YTD target 0) the rest of the year is taken as
planned. The month-end forecast does the same within the cut-off's month.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from opsboard.i18n import _
from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import TargetPlan

from .breakdown import LEVER_DEPARTMENTS, Breakdown, MonthPlan, monthly_breakdown
from .day_targets import DayTargets, daily_targets
from .lever_split import LEVERS, LeverEffects, split_gap
from .monthly_actuals import MonthActual, monthly_actuals

__all__ = ["LEVERS", "LeverEffects", "MonthVsActual", "PlanVsActual", "plan_vs_actual"]


@dataclass(frozen=True)
class MonthVsActual:
    month: int  # 1-12
    days_with_actuals: int  # distinct days with data
    days: int  # days in the month
    days_counted: int  # N: 1st to the cut-off (or the whole month)
    through: date  # the last day counted
    target: float  # the whole month's target
    target_to_date: float  # Σ daily targets through `through`
    actual: float  # revenue
    attainment: float | None  # actual / target to date; None when that is 0
    gap: float  # actual − target to date
    plan_uv: float | None  # to date
    actual_uv: int | None  # None: the back office gives no UV (抖店)
    plan_conversion: float
    actual_conversion: float | None  # buyers ÷ UV (orders ÷ UV without buyers); None without visitors
    plan_order_value: float
    actual_order_value: float | None  # revenue ÷ buyers (÷ orders without buyers); None without them
    ad_spend: float
    effects: LeverEffects | None  # None when the plan month cannot be reached at all
    lever: str | None  # the weakest lever, or None
    department: str | None  # its owner

    @property
    def partial(self) -> bool:
        return self.days_counted < self.days

    @property
    def coverage(self) -> str:
        """'(20 of 30 days)' for a month counted to the cut-off; '' for a whole one
        (the same words as view 4's periods, logic/review.PeriodRow.coverage)."""
        return _("({n} of {m} days)").format(n=self.days_counted, m=self.days) if self.partial else ""

    @property
    def departments(self) -> tuple[str, ...]:
        """Every department answering for the lever, the owner first."""
        return LEVER_DEPARTMENTS.get(self.lever or "", ())


@dataclass(frozen=True)
class PlanVsActual:
    year: int
    annual_target: float
    months: tuple[MonthVsActual, ...]  # the first month with data to the cut-off's month
    last_month: int | None  # the cut-off's month
    ytd_target: float
    ytd_actual: float
    ytd_attainment: float | None
    ytd_gap: float
    ytd_effects: LeverEffects | None
    lever: str | None  # the weakest lever year to date
    department: str | None
    forecast: float | None  # None without actuals
    forecast_attainment: float | None  # forecast / annual target
    forecast_gap: float | None  # forecast − annual target
    cutoff: date | None = None  # the last day with data
    month_end_forecast: float | None = None  # the cut-off's month at its run-rate on the curve
    ytd_ad_spend: float = 0.0

    @property
    def has_actuals(self) -> bool:
        return bool(self.months)

    @property
    def departments(self) -> tuple[str, ...]:
        """Every department answering for the year-to-date lever, the owner first."""
        return LEVER_DEPARTMENTS.get(self.lever or "", ())

    @property
    def ytd_first(self) -> date | None:
        return date(self.year, self.months[0].month, 1) if self.months else None

    @property
    def ytd_days(self) -> int:
        return 0 if self.cutoff is None or not self.months else (self.cutoff - self.ytd_first).days + 1  # type: ignore[operator]

    @property
    def ytd_coverage(self) -> str:
        """'(330 of 365 days)' for a year counted to the cut-off; '' for a whole one
        (the words of the months' `coverage` and of view 4's year totals)."""
        total = 366 if calendar.isleap(self.year) else 365
        if self.cutoff is None or not self.months or self.ytd_days == total:
            return ""
        return _("({n} of {m} days)").format(n=self.ytd_days, m=total)

    @property
    def ytd_covers(self) -> str:
        """'2026-01-01 – 2026-11-20 (324 of 365 days)'"""
        if self.cutoff is None or not self.months:
            return ""
        total = 366 if calendar.isleap(self.year) else 365
        return _("{first} – {last} ({n} of {m} days)").format(first=self.ytd_first, last=self.cutoff, n=self.ytd_days, m=total)


def _owner(lever: str | None) -> str | None:
    return LEVER_DEPARTMENTS[lever][0] if lever else None


def _empty(month: int, year: int) -> MonthActual:
    # nothing imported for the month: nothing sold, no visitors seen
    return MonthActual(month, 0, calendar.monthrange(year, month)[1], None, 0, 0, 0.0, None)


def _month(plan_month: MonthPlan, actual: MonthActual, days: DayTargets, cutoff: date) -> MonthVsActual:
    year = days.year
    first = date(year, plan_month.month, 1)
    through = min(date(year, plan_month.month, plan_month.days), cutoff)
    target = days.between(first, through)
    gap = actual.revenue - target
    plan_uv = None
    effects = None
    if plan_month.uv is not None:
        rate = plan_month.conversion * plan_month.order_value
        plan_uv = target / rate if rate else 0.0
        if actual.uv is not None:  # unknown traffic (抖店): no lever split
            conversion = actual.conversion if actual.uv else None
            value = actual.order_value
            effects = split_gap(plan_uv, plan_month.conversion, plan_month.order_value, actual.uv, conversion, value, actual.revenue)
    lever = effects.weakest if effects else None
    return MonthVsActual(
        month=plan_month.month,
        days_with_actuals=actual.days,
        days=plan_month.days,
        days_counted=through.day,
        through=through,
        target=plan_month.target,
        target_to_date=target,
        actual=actual.revenue,
        attainment=actual.revenue / target if target else None,
        gap=gap,
        plan_uv=plan_uv,
        actual_uv=actual.uv,
        plan_conversion=plan_month.conversion,
        actual_conversion=actual.conversion,
        plan_order_value=plan_month.order_value,
        actual_order_value=actual.order_value,
        ad_spend=actual.ad_spend or 0.0,
        effects=effects,
        lever=lever,
        department=_owner(lever),
    )


def last_day_with_data(metrics: Iterable[DailyMetric], year: int) -> date | None:
    """The cut-off: the last day of `year` with data (31 Dec when later years have data)."""
    last = None
    for metric in metrics:
        if last is None or metric.date > last:
            last = metric.date
    if last is None or last.year < year:
        return None
    return min(last, date(year, 12, 31))


def plan_vs_actual(
    plan: TargetPlan, metrics: Iterable[DailyMetric], breakdown: Breakdown | None = None, cutoff: date | None = None
) -> PlanVsActual:
    """The plan's year against the daily metrics (other years are ignored),
    to `cutoff` (default: the last day with data)."""
    metrics = list(metrics)
    if breakdown is None:
        breakdown = monthly_breakdown(plan)
    actuals = monthly_actuals(metrics, plan.year)
    if cutoff is None:
        cutoff = last_day_with_data(metrics, plan.year)
    if cutoff is None or not actuals:
        return PlanVsActual(plan.year, plan.annual_target, (), None, 0.0, 0.0, None, 0.0, None, None, None, None, None, None)
    days = daily_targets(plan)
    months = tuple(
        _month(breakdown.months[m - 1], actuals.get(m) or _empty(m, plan.year), days, cutoff) for m in range(min(actuals), cutoff.month + 1)
    )
    ytd_target = sum(m.target_to_date for m in months)
    ytd_actual = sum(m.actual for m in months)
    ytd_gap = ytd_actual - ytd_target
    ytd_effects = None
    effects = [m.effects for m in months if m.effects]
    if len(effects) == len(months):
        traffic = sum(e.traffic for e in effects)
        conversion = sum(e.conversion for e in effects)
        ytd_effects = LeverEffects(traffic, conversion, ytd_gap - traffic - conversion)
    attainment = ytd_actual / ytd_target if ytd_target else None
    # Nothing planned so far means nothing to scale by: the rest is taken as planned.
    remaining = plan.annual_target - ytd_target
    forecast = ytd_actual + remaining * (attainment if attainment is not None else 1.0)
    current = months[-1]
    month_rate = current.attainment if current.attainment is not None else 1.0
    month_end = current.actual + (current.target - current.target_to_date) * month_rate
    lever = ytd_effects.weakest if ytd_effects else None
    return PlanVsActual(
        year=plan.year,
        annual_target=plan.annual_target,
        months=months,
        last_month=current.month,
        ytd_target=ytd_target,
        ytd_actual=ytd_actual,
        ytd_attainment=attainment,
        ytd_gap=ytd_gap,
        ytd_effects=ytd_effects,
        lever=lever,
        department=_owner(lever),
        forecast=forecast,
        forecast_attainment=forecast / plan.annual_target if plan.annual_target else None,
        forecast_gap=forecast - plan.annual_target,
        cutoff=cutoff,
        month_end_forecast=month_end,
        ytd_ad_spend=sum(m.ad_spend for m in months),
    )
