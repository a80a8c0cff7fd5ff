"""The back office's funnel over a span of days: sums of the known figures,
and conversion and order value by the back office's definitions.

A figure nobody gave stays unknown (NaN in the frame, None in results); it is
never summed as 0. Conversion is paying buyers ÷ UV over the days that know
both; only when no day knows buyers is it orders ÷ UV (likewise order value:
revenue ÷ buyers, else revenue ÷ orders), and the result says which.

`funnel_frame` prepares the per-row columns once; groupby sums of them go to
`funnel_figures`. pandas is imported by the caller's functions only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from opsboard.model.actuals import BUYERS, ORDERS, SHOP_FIGURES, DailyMetric

FIGURES = ("pv", "uv", "orders", "buyers", "revenue", "refunds", "ad_spend")
# (numerator, denominator) summed over the days that know both; name → columns
_PAIRS = {
    "cv_buyers": ("buyers", "uv"),
    "cv_orders": ("orders", "uv"),
    "ov_buyers": ("revenue", "buyers"),
    "ov_orders": ("revenue", "orders"),
}
SUMMED = (*FIGURES, *(f"{name}_{part}" for name in _PAIRS for part in ("num", "den")))


@dataclass(frozen=True)
class Funnel:
    pv: int | None
    uv: int | None
    orders: int | None
    buyers: int | None
    revenue: float | None
    refunds: float | None
    ad_spend: float | None
    conversion: float | None
    conversion_basis: str | None  # BUYERS or ORDERS; None with no conversion
    order_value: float | None
    order_value_basis: str | None

    @property
    def net_revenue(self) -> float | None:
        """Revenue less refunds; None unless both are known."""
        if self.revenue is None or self.refunds is None:
            return None
        return self.revenue - self.refunds


def metric_records(metrics: Iterable[DailyMetric]) -> list[tuple[Any, ...]]:
    """(ordinal, channel, shop day or None, *FIGURES) per metric, unknown as NaN."""
    nan = math.nan
    records = []
    for m in metrics:
        shop_day = m.date.toordinal() if m.source == SHOP_FIGURES else None
        values = (m.pv, m.uv, m.orders, m.buyers, m.revenue, m.refunds, m.ad_spend)
        records.append((m.date.toordinal(), m.channel, shop_day, *(nan if v is None else v for v in values)))
    return records


def funnel_frame(metrics: Iterable[DailyMetric]) -> Any:
    """A DataFrame: day, channel, shop_day (NaN for spend-only rows), the
    figures as float64 (NaN unknown) and each ratio's paired columns."""
    import pandas as pd

    frame = pd.DataFrame.from_records(metric_records(metrics), columns=["day", "channel", "shop_day", *FIGURES])
    frame = frame.astype({"day": "int64", "shop_day": "float64", **{f: "float64" for f in FIGURES}})
    for name, (top, bottom) in _PAIRS.items():
        both = frame[top].notna() & frame[bottom].notna()
        frame[f"{name}_num"] = frame[top].where(both)
        frame[f"{name}_den"] = frame[bottom].where(both)
    return frame


def known_sums(grouped: Any) -> Any:
    """Sums of SUMMED per group, NaN where no row of the group knows the figure."""
    return grouped[list(SUMMED)].sum(min_count=1)


def _value(sums: Any, name: str) -> float | None:
    value = getattr(sums, name)
    return None if value is None or value != value else float(value)  # NaN → None


def _whole(value: float | None) -> int | None:
    return None if value is None else int(round(value))


def _ratio(sums: Any, name: str) -> float | None:
    top, bottom = _value(sums, f"{name}_num"), _value(sums, f"{name}_den")
    return top / bottom if top is not None and bottom else None


def funnel_figures(sums: Any) -> Funnel:
    """The Funnel of one group's sums (a row of known_sums, or any object
    with the SUMMED attributes)."""
    conversion, conversion_basis = _ratio(sums, "cv_buyers"), BUYERS
    if _value(sums, "cv_buyers_den") is None:
        conversion, conversion_basis = _ratio(sums, "cv_orders"), ORDERS
    order_value, order_value_basis = _ratio(sums, "ov_buyers"), BUYERS
    if _value(sums, "ov_buyers_den") is None:
        order_value, order_value_basis = _ratio(sums, "ov_orders"), ORDERS
    return Funnel(
        pv=_whole(_value(sums, "pv")),
        uv=_whole(_value(sums, "uv")),
        orders=_whole(_value(sums, "orders")),
        buyers=_whole(_value(sums, "buyers")),
        revenue=_value(sums, "revenue"),
        refunds=_value(sums, "refunds"),
        ad_spend=_value(sums, "ad_spend"),
        conversion=conversion,
        conversion_basis=conversion_basis if conversion is not None else None,
        order_value=order_value,
        order_value_basis=order_value_basis if order_value is not None else None,
    )
