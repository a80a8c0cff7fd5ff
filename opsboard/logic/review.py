"""The review phase's numbers: store traffic (PV, UV and their growth) and
the weekly and monthly sales reports, per channel or for all channels.

Build a `ReviewData` once from the daily metrics and ask it for reports: it
keeps one prepared DataFrame and caches each report, so switching between
week/month and channels in the TUI is instant. Results are frozen
dataclasses; pandas never leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import TargetPlan

from .review_periods import (
    PERIODS,
    Period,
    month_key,
    period_bounds,
    period_label,
    period_length,
    period_target,
    previous_key,
    week_key,
    year_ago_key,
)

_SUMS = ("pv", "uv", "orders", "revenue", "ad_spend")


@dataclass(frozen=True)
class PeriodRow:
    """One week or month. Rates and growth are fractions (0.25 = 25 %);
    None where the divisor is zero or the period compared with has no data.
    UV is the sum of daily UV (a visitor on two days counts twice)."""

    label: str  # "2025-W46" or "2025-03"; "Total" for the totals row
    start: date
    end: date
    days: int  # days with data
    partial: bool  # fewer days of data than the period has
    pv: int
    uv: int
    pv_per_uv: float | None
    pv_growth: float | None  # against the previous week / month
    pv_growth_yoy: float | None  # against the same ISO week / month a year before
    uv_growth: float | None
    uv_growth_yoy: float | None
    revenue: float
    revenue_growth: float | None
    revenue_growth_yoy: float | None
    orders: int
    conversion: float | None  # orders / UV
    order_value: float | None  # revenue / orders
    ad_spend: float
    roi: float | None  # revenue / ad spend
    target: float | None  # sales target of the period's days in the plan's year
    attainment: float | None  # revenue on those days / target


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


def _ratio(numerator: float, denominator: float) -> float | None:
    return float(numerator) / float(denominator) if denominator else None


def _growth(current: float, before: float | None) -> float | None:
    # A zero or missing period before gives no growth figure, never infinity.
    return float(current) / float(before) - 1 if before else None


class ReviewData:
    """The daily metrics prepared once; `.report()` answers from a cache."""

    def __init__(self, metrics: Iterable[DailyMetric]) -> None:
        import pandas as pd

        records = [(m.date.toordinal(), m.channel, m.pv, m.uv, m.orders, m.revenue, m.ad_spend) for m in metrics]
        frame = pd.DataFrame.from_records(records, columns=["day", "channel", *_SUMS])
        frame = frame.astype({"day": "int64", "pv": "int64", "uv": "int64", "orders": "int64"})
        frame = frame.astype({"revenue": "float64", "ad_spend": "float64"})
        # Calendar keys per distinct day, not per row: a few hundred calls a year.
        days = {ordinal: date.fromordinal(ordinal) for ordinal in frame["day"].unique().tolist()}
        frame["week"] = frame["day"].map({o: week_key(o) for o in days}).astype("int64")
        frame["month"] = frame["day"].map({o: month_key(d) for o, d in days.items()}).astype("int64")
        frame["year"] = frame["day"].map({o: d.year for o, d in days.items()}).astype("int64")
        self._frame = frame
        self.channels: tuple[str, ...] = tuple(sorted(c for c in frame["channel"].unique().tolist() if c))
        self._cache: dict[tuple, ReviewReport] = {}

    @property
    def empty(self) -> bool:
        return self._frame.empty

    def report(self, period: Period, channel: str | None = None, plan: TargetPlan | None = None) -> ReviewReport:
        """The weekly or monthly report for one channel (None: all summed),
        with attainment when a target plan is given."""
        if period not in PERIODS:
            raise ValueError(f"period must be 'week' or 'month', not {period!r}")
        key = (period, channel, plan.model_dump_json() if plan is not None else None)
        if key not in self._cache:
            self._cache[key] = self._build(period, channel, plan)
        return self._cache[key]

    def _build(self, period: Period, channel: str | None, plan: TargetPlan | None) -> ReviewReport:
        frame = self._frame if channel is None else self._frame[self._frame["channel"] == channel]
        grouped = frame.groupby(period, sort=True)
        sums = grouped[list(_SUMS)].sum()
        sums["days"] = grouped["day"].nunique()
        in_plan_year: dict[int, float] = {}
        if plan is not None:
            plan_days = frame[frame["year"] == plan.year]
            in_plan_year = plan_days.groupby(period)["revenue"].sum().to_dict()
        data = {int(k): values for k, values in zip(sums.index.tolist(), sums.itertuples(index=False))}

        rows = []
        target_sum = 0.0
        target_revenue = 0.0
        for key, values in data.items():
            start, end = period_bounds(period, key)
            before = data.get(previous_key(period, key))
            year_ago_at = year_ago_key(period, key)
            year_ago = data.get(year_ago_at) if year_ago_at is not None else None
            target = period_target(plan, channel, start, end) if plan is not None else None
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
            grand = frame[list(_SUMS)].sum()
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
        complete = [row for row in rows if not row.partial] or rows
        best = max(complete, key=lambda row: row.revenue, default=None)
        worst = min(complete, key=lambda row: row.revenue, default=None)
        return ReviewReport(period, channel, tuple(rows), totals, best, worst, self.channels)


def _row(label, start, end, days, partial, now, before, year_ago, target, attainment) -> PeriodRow:
    """A PeriodRow from the period's sums and those of the periods it is compared with."""
    pv, uv, orders = int(now.pv), int(now.uv), int(now.orders)
    revenue, ad_spend = float(now.revenue), float(now.ad_spend)
    return PeriodRow(
        label=label,
        start=start,
        end=end,
        days=days,
        partial=partial,
        pv=pv,
        uv=uv,
        pv_per_uv=_ratio(pv, uv),
        pv_growth=_growth(pv, before.pv if before is not None else None),
        pv_growth_yoy=_growth(pv, year_ago.pv if year_ago is not None else None),
        uv_growth=_growth(uv, before.uv if before is not None else None),
        uv_growth_yoy=_growth(uv, year_ago.uv if year_ago is not None else None),
        revenue=revenue,
        revenue_growth=_growth(revenue, before.revenue if before is not None else None),
        revenue_growth_yoy=_growth(revenue, year_ago.revenue if year_ago is not None else None),
        orders=orders,
        conversion=_ratio(orders, uv),
        order_value=_ratio(revenue, orders),
        ad_spend=ad_spend,
        roi=_ratio(revenue, ad_spend),
        target=target,
        attainment=attainment,
    )
