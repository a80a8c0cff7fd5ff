"""The review report's columns (view 4's table and the review exports),
declared once: heading, narrow heading (the screen), alignment and how a
`logic.review.PeriodRow` becomes the cell. Growth carries its sign (+12.5%,
−3.0%, a true minus) and reads "n/a" against a zero or missing period; a
year's totals row leaves growth empty (it compares with nothing).
"""

from __future__ import annotations

from typing import Any

from opsboard.i18n import _l
from opsboard.i18n.formats import not_available, number, percent

from .columns import Column, Render

ORDERS_MARK = "†"  # a conversion / order value per order in a table that is otherwise per buyer
PER_DAY_MARK = "‡"  # a growth set per day of data: the period or the one it is compared with is partial
# said under a table with a growth marked so: the review exports, and view 4's one-line summary
PER_DAY_NOTE = _l("{mark} growth per day of data: the period, or the one it is compared with, has days without data.")
PER_DAY_SHORT = _l("{mark} growth per day of data")


def growth(value: float | None) -> str:
    """+12.5% / −3.0% / 0.0% / n/a."""
    if value is None:
        return not_available()
    text = f"{abs(value) * 100:,.1f}%"
    if round(value * 100, 1) == 0:
        return text
    return ("+" if value > 0 else "−") + text


def ratio(value: float | None) -> str:
    return number(value, 2)


def _growth(pick, per_day: str = "growth_per_day"):
    """A growth cell, marked ‡ where it compares means per day of data (`per_day`: the row's flag)."""

    def cell(row: Any, render: Render) -> str:
        if render.is_total(row):
            return ""
        value = pick(row)
        return f"{growth(value)}{PER_DAY_MARK}" if value is not None and getattr(row, per_day, False) else growth(value)

    return cell


def per_day_note(report: Any, short: bool = False) -> str:
    """'‡ growth per day of data: …' when a growth of the report is marked so; else ''."""
    if any(row.growth_per_day or row.yoy_per_day for row in report.rows):
        return str(PER_DAY_SHORT if short else PER_DAY_NOTE).format(mark=PER_DAY_MARK)
    return ""


def _basis(value: float | None, basis: str | None, text: str, render: Render) -> str:
    """The † mark on a figure per order in a table whose totals are per buyer."""
    totals = render.totals
    mixed = totals is not None and totals.conversion_basis == "buyers"
    return f"{text}{ORDERS_MARK}" if value is not None and basis == "orders" and mixed else text


def _label(row: Any, render: Render) -> str:
    """'2026-11 (26 of 30 days)', 'Total 2026 (330 of 365 days)' (logic/review.py words them)."""
    return render.text(row.title)


def _start(row: Any, render: Render) -> str:
    return "" if render.is_total(row) else row.start.isoformat()


PERIOD_HEADERS = {"day": _l("Day"), "week": _l("Week"), "month": _l("Month")}


def period_columns(period: str) -> list[Column]:
    """The day, week or month label first; a week also shows its first day."""
    columns = [Column("label", PERIOD_HEADERS.get(period, PERIOD_HEADERS["month"]), _label, "left")]
    if period == "week":
        columns.append(Column("start", _l("Start"), _start, "left"))
    return columns


PV = Column("pv", _l("PV"), lambda r, f: number(r.pv))
PV_GROWTH = Column("pv_growth", _l("PV growth %"), _growth(lambda r: r.pv_growth), narrow=_l("PV ±"))
PV_GROWTH_YOY = Column("pv_growth_yoy", _l("PV growth YoY"), _growth(lambda r: r.pv_growth_yoy, "yoy_per_day"), narrow=_l("PV YoY"))
UV = Column("uv", _l("UV"), lambda r, f: number(r.uv))
UV_GROWTH = Column("uv_growth", _l("UV growth %"), _growth(lambda r: r.uv_growth), narrow=_l("UV ±"))
UV_GROWTH_YOY = Column("uv_growth_yoy", _l("UV growth YoY"), _growth(lambda r: r.uv_growth_yoy, "yoy_per_day"), narrow=_l("UV YoY"))
PV_PER_UV = Column("pv_per_uv", _l("PV/UV"), lambda r, f: ratio(r.pv_per_uv))
REVENUE = Column("revenue", _l("Revenue"), lambda r, f: number(r.revenue))
REVENUE_GROWTH = Column("revenue_growth", _l("Revenue growth %"), _growth(lambda r: r.revenue_growth), narrow=_l("Rev ±"))
REVENUE_GROWTH_YOY = Column(
    "revenue_growth_yoy", _l("Revenue growth YoY"), _growth(lambda r: r.revenue_growth_yoy, "yoy_per_day"), narrow=_l("Rev YoY")
)
NET_REVENUE = Column("net_revenue", _l("Net revenue"), lambda r, f: number(r.net_revenue), narrow=_l("Net rev."))
ORDERS = Column("orders", _l("Orders"), lambda r, f: number(r.orders))
BUYERS = Column("buyers", _l("Buyers"), lambda r, f: number(r.buyers))
CONVERSION = Column(
    "conversion",
    _l("Conversion"),
    lambda r, f: _basis(r.conversion, r.conversion_basis, percent(r.conversion, 2), f),
    narrow=_l("Conv."),
)
ORDER_VALUE = Column(
    "order_value", _l("Order value"), lambda r, f: _basis(r.order_value, r.order_value_basis, f.order_value(r.order_value), f)
)
AD_SPEND = Column("ad_spend", _l("Ad spend"), lambda r, f: number(r.ad_spend))
ROI = Column("roi", _l("ROI"), lambda r, f: ratio(r.roi))
TARGET = Column("target", _l("Target"), lambda r, f: number(r.target))
ATTAINMENT = Column("attainment", _l("Attainment"), lambda r, f: percent(r.attainment), narrow=_l("Attain."))

# shown only when the import had refunds / buyers
OPTIONAL = {NET_REVENUE.key: "net_revenue", BUYERS.key: "buyers"}
TARGET_COLUMNS = (TARGET, ATTAINMENT)  # shown when the board has a plan for the periods

# view 4's table: every figure, revenue first
SCREEN_COLUMNS = [
    REVENUE,
    REVENUE_GROWTH,
    REVENUE_GROWTH_YOY,
    TARGET,
    ATTAINMENT,
    NET_REVENUE,
    UV,
    UV_GROWTH,
    UV_GROWTH_YOY,
    PV,
    PV_GROWTH,
    PV_PER_UV,
    ORDERS,
    BUYERS,
    CONVERSION,
    ORDER_VALUE,
    AD_SPEND,
    ROI,
]
# the review export, and the traffic and sales reports of the review checklist
REVIEW_COLUMNS = [PV, UV, PV_PER_UV, UV_GROWTH, REVENUE, NET_REVENUE, ORDERS, BUYERS, CONVERSION, ORDER_VALUE, AD_SPEND, ROI]
TRAFFIC_COLUMNS = [PV, PV_GROWTH, PV_GROWTH_YOY, UV, UV_GROWTH, UV_GROWTH_YOY, PV_PER_UV]
SALES_COLUMNS = [REVENUE, REVENUE_GROWTH, NET_REVENUE, ORDERS, BUYERS, CONVERSION, ORDER_VALUE, AD_SPEND, ROI]


def report_columns(report: Any, figures: list[Column], targets_last: bool = True) -> list[Column]:
    """The columns a report shows: its period's label, the `figures` it has
    data for (net revenue and buyers only when imported), the target and its
    attainment when the board has a plan for those periods."""
    known = {key for key, field in OPTIONAL.items() if any(getattr(row, field) is not None for row in report.rows)}
    with_targets = any(row.target is not None for row in report.rows)
    chosen = [c for c in figures if (c.key not in OPTIONAL or c.key in known) and (with_targets or c not in TARGET_COLUMNS)]
    if with_targets and targets_last:
        chosen += [c for c in TARGET_COLUMNS if c not in chosen]
    return [*period_columns(report.period), *chosen]
