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
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from opsboard.i18n import _
from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import TargetPlan

from .funnel import SUMMED, funnel_figures, funnel_frame, known_sums
from .period_attainment import counted_days
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
    pv_growth: float | None  # against the previous day / week / month; per day of data when either is partial
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
    # N of M: the days the row's figures stand for — with a target, the days
    # its target covers (in the plan's year, to the last day with data, as
    # view 3 counts them); else the days with data. M: the days of the
    # period (of the year for a total).
    covered: int = 0
    period_days: int = 0
    # growth set per day of data (either period partial): against the
    # previous period, against last year's
    growth_per_day: bool = False
    yoy_per_day: bool = False
    year: int | None = None  # a totals row's year
    total: bool = False  # a year's totals row

    @property
    def coverage(self) -> str:
        """'(26 of 30 days)' for a period only partly covered; '' for a whole one."""
        if self.covered >= self.period_days:
            return ""
        return _("({n} of {m} days)").format(n=self.covered, m=self.period_days)

    @property
    def title(self) -> str:
        """What a person reads in the period column: '2026-11 (26 of 30 days)',
        'Total 2026 (330 of 365 days)'."""
        name = _("Total {year}").format(year=self.year) if self.total else self.label
        return f"{name} {self.coverage}" if self.coverage else name


@dataclass(frozen=True)
class ReviewReport:
    period: Period
    channel: str | None  # None: all channels summed
    rows: tuple[PeriodRow, ...]  # periods with data, oldest first
    year_totals: tuple[PeriodRow, ...]  # one totals row per calendar year with data, never across years
    best: PeriodRow | None  # by revenue, among complete periods when any exist
    worst: PeriodRow | None
    channels: tuple[str, ...]  # every named channel in the metrics, sorted

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def totals(self) -> PeriodRow | None:
        """The latest year's totals row (None when there are no rows)."""
        return self.year_totals[-1] if self.year_totals else None


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


def _growth(current: float | None, before: float | None, scale: float = 1.0) -> float | None:
    # A zero, unknown or missing period before gives no growth figure, never infinity.
    # `scale` puts the period before on the current one's days (see _day_scale).
    return float(current) / (float(before) * scale) - 1 if current is not None and before else None


def _per_day(period: Period, key: int, days: int, other: Any, other_key: int | None) -> bool:
    """Whether growth against `other` compares means per day of data: either period is partial."""
    if other is None or other_key is None or not other.days:
        return False
    return days < period_length(period, key) or int(other.days) < period_length(period, other_key)


def _day_scale(period: Period, key: int, days: int, other: Any, other_key: int | None) -> float:
    """Like with like: two whole periods compare their sums; when either is
    partial (W44's 1 of 7 days, this week's 4), their means per day of data —
    the sum before times days now / days then."""
    if not _per_day(period, key, days, other, other_key):
        return 1.0
    return days / int(other.days)


class ReviewData:
    """The daily metrics prepared once; `.report()` answers from a cache."""

    def __init__(self, metrics: Iterable[DailyMetric], since: date | None = None) -> None:
        """`since`: the first day asked for (`--from`): no target counts days before it."""
        self._since = since
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
            raise ValueError(_("period must be 'day', 'week' or 'month', not '{period}'").format(period=period))
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
        cutoff = date.fromordinal(int(self._frame["day"].max())) if not self._frame.empty else None
        counted_from = None  # the first day a target counts: view 3's year to date starts there
        if plan is not None:
            plan_days = frame[frame["year"] == plan.year]
            in_plan_year = plan_days.groupby(column)["revenue"].sum().to_dict()
            if not plan_days.empty:
                counted_from = date.fromordinal(int(plan_days["day"].min())).replace(day=1)
                counted_from = max(counted_from, self._since) if self._since is not None else counted_from
        data = {int(k): values for k, values in zip(sums.index.tolist(), sums.itertuples(index=False), strict=True)}

        rows = []
        for key, values in data.items():
            start, end = period_bounds(period, key)
            before_at = previous_key(period, key)
            before = data.get(before_at)
            year_ago_at = year_ago_key(period, key)
            year_ago = data.get(year_ago_at) if year_ago_at is not None else None
            scales = (
                _day_scale(period, key, int(values.days), before, before_at),
                _day_scale(period, key, int(values.days), year_ago, year_ago_at),
            )
            asked = max(start, counted_from) if counted_from is not None else start
            target = period_target(plan, channel, asked, end, cutoff) if plan is not None else None
            attainment = None
            covered = int(values.days)
            if target is not None and plan is not None:
                attainment = _ratio(in_plan_year.get(key, 0.0), target)
                first, through = counted_days(plan.year, asked, end, cutoff)  # type: ignore[misc]  # a target has days
                covered = (through - first).days + 1
            row = _row(period_label(period, key), start, end, int(values.days), values, before, year_ago, target, attainment, scales)
            per_day = (
                _per_day(period, key, int(values.days), before, before_at),
                _per_day(period, key, int(values.days), year_ago, year_ago_at),
            )
            rows.append(
                replace(row, growth_per_day=per_day[0], yoy_per_day=per_day[1], covered=covered, period_days=period_length(period, key))
            )

        totals = tuple(
            self._year_total(
                frame[frame["year"] == year], year, channel, plan if any(r.target is not None for r in rows) else None, cutoff, counted_from
            )
            for year in sorted(int(y) for y in frame["year"].unique().tolist())
        )
        with_revenue = [row for row in rows if row.revenue is not None]
        complete = [row for row in with_revenue if not row.partial] or with_revenue
        best = max(complete, key=lambda row: row.revenue or 0.0, default=None)
        worst = min(complete, key=lambda row: row.revenue or 0.0, default=None)
        return ReviewReport(period, channel, tuple(rows), totals, best, worst, self.channels)

    @staticmethod
    def _year_total(
        days: Any, year: int, channel: str | None, plan: TargetPlan | None, cutoff: date | None, counted_from: date | None
    ) -> PeriodRow:
        """One year's totals: the sums of its days only. In the plan's year its
        target is view 3's year to date: from the first of the first month
        with data (`counted_from`) to the last day with data."""
        first = date.fromordinal(int(days["day"].min()))
        last = date.fromordinal(int(days["day"].max()))
        year_end = date(year, 12, 31)
        grand = days[list(SUMMED)].sum(min_count=1)
        target = attainment = None
        if plan is not None and plan.year == year:
            first = counted_from or first
            target = period_target(plan, channel, first, year_end, cutoff)
            attainment = _ratio(float(grand["revenue"]) if grand["revenue"] == grand["revenue"] else 0.0, target)
            if cutoff is not None:
                last = min(cutoff, year_end)
        with_data = int(days["shop_day"].nunique())
        row = _row(f"Total {year}", first, last, with_data, grand, None, None, target, attainment)
        covered = (last - first).days + 1 if target is not None else with_data
        return replace(row, covered=covered, period_days=(year_end - date(year, 1, 1)).days + 1, year=year, total=True)


def _row(
    label: str,
    start: date,
    end: date,
    days: int,
    now: Any,
    before: Any,
    year_ago: Any,
    target: float | None,
    attainment: float | None,
    scales: tuple[float, float] = (1.0, 1.0),
) -> PeriodRow:
    """A PeriodRow from the period's sums and those of the periods it is
    compared with (`scales`: the previous one's and last year's, _day_scale)."""
    was_scale, ago_scale = scales
    f = funnel_figures(now)
    was = funnel_figures(before) if before is not None else None
    ago = funnel_figures(year_ago) if year_ago is not None else None
    return PeriodRow(
        label=label,
        start=start,
        end=end,
        days=days,
        partial=days < (end - start).days + 1,
        pv=f.pv,
        uv=f.uv,
        pv_per_uv=_ratio(f.pv, f.uv),
        pv_growth=_growth(f.pv, was.pv if was else None, was_scale),
        pv_growth_yoy=_growth(f.pv, ago.pv if ago else None, ago_scale),
        uv_growth=_growth(f.uv, was.uv if was else None, was_scale),
        uv_growth_yoy=_growth(f.uv, ago.uv if ago else None, ago_scale),
        revenue=f.revenue,
        revenue_growth=_growth(f.revenue, was.revenue if was else None, was_scale),
        revenue_growth_yoy=_growth(f.revenue, ago.revenue if ago else None, ago_scale),
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
