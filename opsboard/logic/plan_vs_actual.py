"""Plan vs actual: attainment, the gap, a forecast, and the lever behind the gap.

A month in progress is compared with its target *to date*: the month's target
× the share of its days that have data. With whole months imported that is
simply the month's target.

The gap (actual − target to date) is split into the three levers of
sales = UV × conversion × order value, one after the other in funnel order:

    traffic     = (UV_a − UV_p) × CR_p × AOV_p
    conversion  = UV_a × (CR_a − CR_p) × AOV_p
    order value = UV_a × CR_a × (AOV_a − AOV_p)

(_a actual, _p plan to date). The three add up to the gap with no residual;
the order-value part is computed as what is left, so they add up to the
cent even when the export has revenue without orders. With no visitors the
actual conversion is taken as planned, with no orders the order value is:
nothing was observed, so that lever is not blamed. The weakest lever is the
most negative part; it names the department that must act.

The forecast runs the year-to-date attainment on: every day without data
(the rest of the year, and gaps before) earns its target × YTD attainment:

    forecast = YTD actual + (annual target − YTD target) × YTD actual / YTD target

With no target so far (YTD target 0) the rest of the year is taken as planned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import TargetPlan

from .breakdown import LEVER_DEPARTMENTS, Breakdown, MonthPlan, monthly_breakdown
from .monthly_actuals import MonthActual, monthly_actuals

LEVERS = ("traffic", "conversion", "order_value")


@dataclass(frozen=True)
class LeverEffects:
    """How much of a gap each lever explains; the three sum to the gap."""

    traffic: float
    conversion: float
    order_value: float

    @property
    def total(self) -> float:
        return self.traffic + self.conversion + self.order_value

    @property
    def weakest(self) -> str | None:
        """The lever with the most negative effect; None when none is negative."""
        lever, value = min(zip(LEVERS, (self.traffic, self.conversion, self.order_value)), key=lambda p: p[1])
        return lever if value < 0 else None


@dataclass(frozen=True)
class MonthVsActual:
    month: int  # 1-12
    days_with_actuals: int
    days: int
    target: float  # the whole month's target
    target_to_date: float  # target × days with actuals / days
    actual: float  # revenue
    attainment: float | None  # actual / target to date; None when that is 0
    gap: float  # actual − target to date
    plan_uv: float | None  # to date
    actual_uv: int
    plan_conversion: float
    actual_conversion: float | None  # None without visitors
    plan_order_value: float
    actual_order_value: float | None  # None without orders
    effects: LeverEffects | None  # None when the plan month cannot be reached at all
    lever: str | None  # the weakest lever, or None
    department: str | None  # its owner

    @property
    def departments(self) -> tuple[str, ...]:
        """Every department answering for the lever, the owner first."""
        return LEVER_DEPARTMENTS.get(self.lever or "", ())


@dataclass(frozen=True)
class PlanVsActual:
    year: int
    annual_target: float
    months: tuple[MonthVsActual, ...]  # months with actuals only, January first
    last_month: int | None  # the last month with actuals
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

    @property
    def has_actuals(self) -> bool:
        return bool(self.months)

    @property
    def departments(self) -> tuple[str, ...]:
        """Every department answering for the year-to-date lever, the owner first."""
        return LEVER_DEPARTMENTS.get(self.lever or "", ())


def _owner(lever: str | None) -> str | None:
    return LEVER_DEPARTMENTS[lever][0] if lever else None


def _effects(plan_month: MonthPlan, actual: MonthActual, covered: float, gap: float) -> LeverEffects | None:
    if plan_month.uv is None or actual.uv is None:  # unknown traffic (抖店): no lever split
        return None
    plan_uv = plan_month.uv * covered
    plan_cr, plan_aov = plan_month.conversion, plan_month.order_value
    actual_cr = actual.conversion if actual.conversion is not None else plan_cr  # the back office's definition
    traffic = (actual.uv - plan_uv) * plan_cr * plan_aov
    conversion = actual.uv * (actual_cr - plan_cr) * plan_aov
    return LeverEffects(traffic, conversion, gap - traffic - conversion)


def _month(plan_month: MonthPlan, actual: MonthActual) -> MonthVsActual:
    covered = actual.covered
    target = plan_month.target * covered
    gap = actual.revenue - target
    effects = _effects(plan_month, actual, covered, gap)
    lever = effects.weakest if effects else None
    return MonthVsActual(
        month=plan_month.month,
        days_with_actuals=actual.days,
        days=actual.days_in_month,
        target=plan_month.target,
        target_to_date=target,
        actual=actual.revenue,
        attainment=actual.revenue / target if target else None,
        gap=gap,
        plan_uv=None if plan_month.uv is None else plan_month.uv * covered,
        actual_uv=actual.uv,
        plan_conversion=plan_month.conversion,
        actual_conversion=actual.conversion,
        plan_order_value=plan_month.order_value,
        actual_order_value=actual.order_value,
        effects=effects,
        lever=lever,
        department=_owner(lever),
    )


def plan_vs_actual(plan: TargetPlan, metrics: Iterable[DailyMetric], breakdown: Breakdown | None = None) -> PlanVsActual:
    """The plan's year against the daily metrics (other years are ignored)."""
    if breakdown is None:
        breakdown = monthly_breakdown(plan)
    actuals = monthly_actuals(metrics, plan.year)
    months = tuple(_month(breakdown.months[m - 1], actual) for m, actual in sorted(actuals.items()))
    if not months:
        return PlanVsActual(plan.year, plan.annual_target, (), None, 0.0, 0.0, None, 0.0, None, None, None, None, None, None)
    ytd_target = sum(m.target_to_date for m in months)
    ytd_actual = sum(m.actual for m in months)
    ytd_gap = ytd_actual - ytd_target
    ytd_effects = None
    if all(m.effects for m in months):
        traffic = sum(m.effects.traffic for m in months)  # type: ignore[union-attr]
        conversion = sum(m.effects.conversion for m in months)  # type: ignore[union-attr]
        ytd_effects = LeverEffects(traffic, conversion, ytd_gap - traffic - conversion)
    attainment = ytd_actual / ytd_target if ytd_target else None
    # Nothing planned so far means nothing to scale by: the rest is taken as planned.
    remaining = plan.annual_target - ytd_target
    forecast = ytd_actual + remaining * (attainment if attainment is not None else 1.0)
    lever = ytd_effects.weakest if ytd_effects else None
    return PlanVsActual(
        year=plan.year,
        annual_target=plan.annual_target,
        months=months,
        last_month=months[-1].month,
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
    )
