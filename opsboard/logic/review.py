"""The review phase's numbers: store traffic (PV, UV and their growth) and
the daily, weekly and monthly sales reports, per channel or for all channels.

Figures follow the back office (logic/funnel.py): unknown stays None, never
0; conversion and order value divide by paying buyers where known, else by
orders, and each row says which.

Build a `ReviewData` once from the daily metrics and ask it for reports: it
keeps one prepared DataFrame and caches each report, so switching between
week/month and channels in the TUI is instant. Results are frozen
dataclasses; pandas never leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import TargetPlan

from .funnel import SUMMED, funnel_figures, funnel_frame, known_sums
from .review_periods import (
    PERIODS,
    month_key,
    period_bounds,
    period_label,
    period_length,
    period_target,
    previous_key,
    week_key,
    year_ago_key,
)
from .review_periods import (
    Period as Period,
)


@dataclass(frozen=True)
class PeriodRow:
    """One day, week or month. Rates and growth are fractions (0.25 = 25 %);
    None where the divisor is zero or unknown, or the period compared with has
    no data. A figure no day of the period knows is None.
    UV is the sum of daily UV (a visitor on two days counts twice)."""

    label: str  # "2025-03-01", "2025-W46" or "2025-03"; "Total" for the totals row
    start: date
    end: date
    days: int  # days with the shop's figures
    partial: bool  # fewer days of data than the period has
    pv: int | None
    uv: int | None
    pv_per_uv: float | None
    pv_growth: float | None  # against the previous day / week / month
    pv_growth_yoy: float | None  # against the same date / ISO week / month a year before
    uv_growth: float | None
    uv_growth_yoy: float | None
    revenue: float | None
    revenue_growth: float | None
    revenue_growth_yoy: float | None
    orders: int | None
    conversion: float | None  # buyers / UV where buyers are known, else orders / UV
    order_value: float | None  # revenue / buyers where buyers are known, else revenue / orders
    ad_spend: float | None
    roi: float | None  # revenue / ad spend
    target: float | None  # sales target of the period's days in the plan's year
    attainment: float | None  # revenue on those days / target
    buyers: int | None = None
    refunds: float | None = None
    net_revenue: float | None = None  # revenue − refunds, when refunds are known
    conversion_basis: str | None = None  # "buyers" or "orders": the divisor used
    order_value_basis: str | None = None


@dataclass(frozen=True)
class ReviewReport:
    period: Period
    channel: str | None  # None: all channels summed
    rows: tuple[PeriodRow, ...]  # periods with data, oldest first
    totals: PeriodRow | None  # None when there are no rows
    best: PeriodRow | None  # by revenue, among complete periods when any exist
    worst: PeriodRow | None
    channels: tuple[str, ...]  # every named channel in the metrics, sorted

    @property
    def empty(self) -> bool:
        return not self.rows


def channels_in(metrics: Iterable[DailyMetric]) -> list[str]:
    """The named channels in the metrics, sorted ("" — not split — left out)."""
    return sorted({metric.channel for metric in metrics if metric.channel})


def review_report(
    metrics: Iterable[DailyMetric],
    period: Period,
    channel: str | None = None,
    plan: TargetPlan | None = None,
) -> ReviewReport:
    """One report from scratch; for repeated reports keep a `ReviewData`."""
    return ReviewData(metrics).report(period, channel, plan)


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    return float(numerator) / float(denominator) if numerator is not None and denominator else None


def _growth(current: float | None, before: float | None) -> float | None:
    # A zero, unknown or missing period before gives no growth figure, never infinity.
    return float(current) / float(before) - 1 if current is not None and before else None


class ReviewData:
    """The daily metrics prepared once; `.report()` answers from a cache."""

    def __init__(self, metrics: Iterable[DailyMetric]) -> None:
        frame = funnel_frame(metrics)
        days = {ordinal: date.fromordinal(ordinal) for ordinal in frame["day"].unique().tolist()}
        frame["week"] = frame["day"].map({o: week_key(o) for o in days}).astype("int64")
        frame["day_key"] = frame["day"]
        frame["month"] = frame["day"].map({o: month_key(d) for o, d in days.items()}).astype("int64")
        frame["year"] = frame["day"].map({o: d.year for o, d in days.items()}).astype("int64")
        self._frame = frame
        self.channels: tuple[str, ...] = tuple(sorted(c for c in frame["channel"].unique().tolist() if c))
        self._cache: dict[tuple[Any, ...], ReviewReport] = {}

    @property
    def empty(self) -> bool:
        return bool(self._frame.empty)

    def report(self, period: Period, channel: str | None = None, plan: TargetPlan | None = None) -> ReviewReport:
        """The daily, weekly or monthly report for one channel (None: all
        summed), with attainment when a target plan is given."""
        if period not in PERIODS:
            raise ValueError(f"period must be 'day', 'week' or 'month', not {period!r}")
        key = (period, channel, plan.model_dump_json() if plan is not None else None)
        if key not in self._cache:
            self._cache[key] = self._build(period, channel, plan)
        return self._cache[key]

    def _build(self, period: Period, channel: str | None, plan: TargetPlan | None) -> ReviewReport:
        frame = self._frame if channel is None else self._frame[self._frame["channel"] == channel]
        column = "day_key" if period == "day" else period
        grouped = frame.groupby(column, sort=True)
        sums = known_sums(grouped)
        sums["days"] = grouped["shop_day"].nunique()
        in_plan_year: dict[int, float] = {}
        # One answer per period (logic/period_attainment): a period's target
        # runs through the last day with data, like view 3's.
        cutoff = date.fromordinal(int(self._frame["day"].max())) if plan is not None and not self._frame.empty else None
        if plan is not None:
            plan_days = frame[frame["year"] == plan.year]
            in_plan_year = plan_days.groupby(column)["revenue"].sum().to_dict()
        data = {int(k): values for k, values in zip(sums.index.tolist(), sums.itertuples(index=False), strict=True)}

        rows = []
        target_sum = 0.0
        target_revenue = 0.0
        for key, values in data.items():
            start, end = period_bounds(period, key)
            before = data.get(previous_key(period, key))
            year_ago_at = year_ago_key(period, key)
            year_ago = data.get(year_ago_at) if year_ago_at is not None else None
            target = period_target(plan, channel, start, end, cutoff) if plan is not None else None
            attainment = None
            if target is not None:
                revenue_on_target_days = in_plan_year.get(key, 0.0)
                attainment = _ratio(revenue_on_target_days, target)
                target_sum += target
                target_revenue += revenue_on_target_days
            rows.append(
                _row(
                    period_label(period, key),
                    start,
                    end,
                    int(values.days),
                    int(values.days) < period_length(period, key),
                    values,
                    before,
                    year_ago,
                    target,
                    attainment,
                )
            )

        totals = None
        if rows:
            grand = frame[list(SUMMED)].sum(min_count=1)
            has_target = any(row.target is not None for row in rows)
            totals = _row(
                "Total",
                rows[0].start,
                rows[-1].end,
                sum(row.days for row in rows),
                any(row.partial for row in rows),
                grand,
                None,
                None,
                target_sum if has_target else None,
                _ratio(target_revenue, target_sum) if has_target else None,
            )
        with_revenue = [row for row in rows if row.revenue is not None]
        complete = [row for row in with_revenue if not row.partial] or with_revenue
        best = max(complete, key=lambda row: row.revenue or 0.0, default=None)
        worst = min(complete, key=lambda row: row.revenue or 0.0, default=None)
        return ReviewReport(period, channel, tuple(rows), totals, best, worst, self.channels)


def _row(
    label: str,
    start: date,
    end: date,
    days: int,
    partial: bool,
    now: Any,
    before: Any,
    year_ago: Any,
    target: float | None,
    attainment: float | None,
) -> PeriodRow:
    """A PeriodRow from the period's sums and those of the periods it is compared with."""
    f = funnel_figures(now)
    was = funnel_figures(before) if before is not None else None
    ago = funnel_figures(year_ago) if year_ago is not None else None
    return PeriodRow(
        label=label,
        start=start,
        end=end,
        days=days,
        partial=partial,
        pv=f.pv,
        uv=f.uv,
        pv_per_uv=_ratio(f.pv, f.uv),
        pv_growth=_growth(f.pv, was.pv if was else None),
        pv_growth_yoy=_growth(f.pv, ago.pv if ago else None),
        uv_growth=_growth(f.uv, was.uv if was else None),
        uv_growth_yoy=_growth(f.uv, ago.uv if ago else None),
        revenue=f.revenue,
        revenue_growth=_growth(f.revenue, was.revenue if was else None),
        revenue_growth_yoy=_growth(f.revenue, ago.revenue if ago else None),
        orders=f.orders,
        conversion=f.conversion,
        order_value=f.order_value,
        ad_spend=f.ad_spend,
        roi=_ratio(f.revenue, f.ad_spend),
        target=target,
        attainment=attainment,
        buyers=f.buyers,
        refunds=f.refunds,
        net_revenue=f.net_revenue,
        conversion_basis=f.conversion_basis,
        order_value_basis=f.order_value_basis,
    )
