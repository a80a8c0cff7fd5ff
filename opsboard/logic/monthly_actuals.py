"""Daily store metrics summed into calendar months, and the seasonality they show.

All channels are summed, rows "not split by channel" included (as the review
reports do). UV is the sum of daily UV: a visitor on two days counts twice,
which is also how the plan's monthly UV is meant.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass

from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import MONTHS

_SUMS = ("pv", "uv", "orders", "revenue", "ad_spend")

# A month counts towards a seasonality profile with data on at least half its days.
_FULL_ISH = 0.5


@dataclass(frozen=True)
class MonthActual:
    month: int  # 1-12
    days: int  # distinct days with data
    days_in_month: int
    pv: int
    uv: int
    orders: int
    revenue: float
    ad_spend: float

    @property
    def covered(self) -> float:
        """The share of the month's days that have data (1.0 = the whole month)."""
        return self.days / self.days_in_month


def monthly_actuals(metrics: Iterable[DailyMetric], year: int) -> dict[int, MonthActual]:
    """The months of `year` that have metrics, by month number (1-12)."""
    rows = [(m.date.month, m.date.toordinal(), m.pv, m.uv, m.orders, m.revenue, m.ad_spend) for m in metrics if m.date.year == year]
    if not rows:
        return {}
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=["month", "day", *_SUMS])
    grouped = frame.groupby("month", sort=True)
    sums = grouped[list(_SUMS)].sum()
    days = grouped["day"].nunique()
    result = {}
    for month, values, covered in zip(sums.index.tolist(), sums.itertuples(index=False), days.tolist()):
        result[int(month)] = MonthActual(
            month=int(month),
            days=int(covered),
            days_in_month=calendar.monthrange(year, int(month))[1],
            pv=int(values.pv),
            uv=int(values.uv),
            orders=int(values.orders),
            revenue=float(values.revenue),
            ad_spend=float(values.ad_spend),
        )
    return result


def seasonality_from_actuals(metrics: Iterable[DailyMetric], year: int) -> list[float] | None:
    """Each month's share of `year`'s revenue (pass the plan's year minus one),
    or None unless every month has data on at least half its days and the
    year has revenue. A month with days missing is scaled up to a full month
    (revenue per day with data × days in the month), so a gap in an export
    does not read as a slow month."""
    months = monthly_actuals(metrics, year)
    if len(months) < MONTHS or any(m.covered < _FULL_ISH for m in months.values()):
        return None
    full_month = [months[i].revenue / months[i].days * months[i].days_in_month for i in range(1, MONTHS + 1)]
    total = sum(full_month)
    if total <= 0:
        return None
    return [value / total for value in full_month]
