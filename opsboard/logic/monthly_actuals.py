"""Daily store metrics summed into calendar months, and the seasonality they show.

All channels are summed, rows "not split by channel" included (as the review
reports do). UV is the sum of daily UV: a visitor on two days counts twice,
which is also how the plan's monthly UV is meant. Unknown figures stay
unknown (None) rather than 0; conversion and order value follow the back
office's definitions (logic/funnel.py).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass

from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import MONTHS

from .funnel import funnel_figures, funnel_frame, known_sums

# A month counts towards a seasonality profile with data on at least half its days.
_FULL_ISH = 0.5


@dataclass(frozen=True)
class MonthActual:
    month: int  # 1-12
    days: int  # distinct days with the shop's figures
    days_in_month: int
    pv: int | None  # None: no day of the month knows it
    uv: int | None
    orders: int | None
    revenue: float  # 0.0 when only spend is known
    ad_spend: float | None
    buyers: int | None = None
    refunds: float | None = None
    conversion: float | None = None  # buyers ÷ UV where buyers are known, else orders ÷ UV
    conversion_basis: str | None = None  # "buyers" or "orders"
    order_value: float | None = None  # revenue ÷ buyers, else revenue ÷ orders
    order_value_basis: str | None = None

    @property
    def covered(self) -> float:
        """The share of the month's days that have data (1.0 = the whole month)."""
        return self.days / self.days_in_month

    @property
    def net_revenue(self) -> float | None:
        return None if self.refunds is None else self.revenue - self.refunds


def monthly_actuals(metrics: Iterable[DailyMetric], year: int) -> dict[int, MonthActual]:
    """The months of `year` that have metrics, by month number (1-12)."""
    metrics = [m for m in metrics if m.date.year == year]
    if not metrics:
        return {}
    frame = funnel_frame(metrics)
    frame["month"] = [m.date.month for m in metrics]
    grouped = frame.groupby("month", sort=True)
    sums = known_sums(grouped)
    days = grouped["shop_day"].nunique()
    result = {}
    for month, values, covered in zip(sums.index.tolist(), sums.itertuples(index=False), days.tolist(), strict=True):
        f = funnel_figures(values)
        result[int(month)] = MonthActual(
            month=int(month),
            days=int(covered),
            days_in_month=calendar.monthrange(year, int(month))[1],
            pv=f.pv,
            uv=f.uv,
            orders=f.orders,
            revenue=f.revenue or 0.0,
            ad_spend=f.ad_spend,
            buyers=f.buyers,
            refunds=f.refunds,
            conversion=f.conversion,
            conversion_basis=f.conversion_basis,
            order_value=f.order_value,
            order_value_basis=f.order_value_basis,
        )
    return result


def seasonality_from_actuals(metrics: Iterable[DailyMetric], year: int) -> list[float] | None:
    """Each month's share of `year`'s revenue (pass the plan's year minus one),
    or None unless every month has data on at least half its days and the
    year has revenue. A month with days missing is scaled up to a full month
    (revenue per day with data × days in the month), so a gap in an export
    does not read as a slow month."""
    months = monthly_actuals(metrics, year)
    if len(months) < MONTHS or any(m.covered < _FULL_ISH or not m.days for m in months.values()):
        return None
    full_month = [months[i].revenue / months[i].days * months[i].days_in_month for i in range(1, MONTHS + 1)]
    total = sum(full_month)
    if total <= 0:
        return None
    return [value / total for value in full_month]
