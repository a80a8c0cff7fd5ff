"""The target tables' columns (view 3 and the targets export), declared once.

`PLAN_COLUMNS` read a month of the plan (`logic.breakdown.MonthPlan`, or the
year's `PeriodTotal` as the totals row); `ACTUAL_COLUMNS` and
`EFFECT_COLUMNS` read a month against its target
(`logic.plan_vs_actual.MonthVsActual`, or `year_to_date(pva)` as the totals
row). View 3's month table draws the plan columns and, beside them, the
actual ones; the export draws them as two tables. Quarters and channels are
declared here too. Gaps carry their sign (+/−, a true minus).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from opsboard.i18n import _, _l, lazy_pgettext, ngettext
from opsboard.i18n.formats import month_abbr, not_available, percent
from opsboard.model.labels import lever_word

from .columns import Column, Render


def signed(value: float | None, render: Render) -> str:
    """'+38,500' / '−223,000' (compact: '+38.5k'); no sign when it rounds to zero."""
    if value is None:
        return not_available()
    text = render.amount(abs(value))
    if text.strip("0.,") in ("", "k", "M", "B", "万", "亿"):
        return text
    return ("+" if value > 0 else "−") + text


def _month(row: Any, render: Render) -> str:
    if render.is_total(row):
        return render.total_label()
    label = month_abbr(row.month)
    return render.partial(label, row) if getattr(row, "partial", False) else label


def _count(value: float | int | None) -> str:
    return not_available() if value is None else str(value)


def lever_cell(row: Any, render: Render) -> str:
    """The weakest lever and who owns it — only for a period behind plan."""
    if not row.lever or row.gap >= 0:
        return ""
    return _("{lever} → {department}").format(lever=lever_word(row.lever), department=render.department(row.department))


MONTH = Column("month", _l("Month"), _month, "left", short=lazy_pgettext("narrow heading", "Mon"))
TARGET = Column("target", _l("Target"), lambda r, f: f.amount(r.target), short=_l("Tgt"))
ORDERS = Column("orders", _l("Orders"), lambda r, f: f.amount(r.orders), short=_l("Ord."))
UV_NEEDED = Column("uv", _l("UV needed"), lambda r, f: f.amount(r.uv), short=_l("UV"))
CONVERSION = Column("conversion", _l("Conversion"), lambda r, f: percent(r.conversion, 2), narrow=_l("Conv."), short=_l("Conv"))
ORDER_VALUE = Column("order_value", _l("Order value"), lambda r, f: f.order_value(r.order_value), narrow=_l("AOV"))
AD_SPEND = Column("ad_spend", _l("Ad spend"), lambda r, f: f.amount(r.ad_spend), short=_l("Ads"))
AGENTS = Column("agents", _l("Agents"), lambda r, f: _count(r.agents), short=_l("Agt"))
NEW_PRODUCTS = Column("new_products", _l("New products"), lambda r, f: str(r.new_products), narrow=_l("New prod."), short=_l("New"))

PLAN_COLUMNS = [MONTH, TARGET, ORDERS, UV_NEEDED, CONVERSION, ORDER_VALUE, AD_SPEND, AGENTS, NEW_PRODUCTS]

TARGET_TO_DATE = Column("target_to_date", _l("Target"), lambda r, f: f.amount(r.target_to_date))
ACTUAL = Column("actual", _l("Actual"), lambda r, f: f.amount(r.actual), short=_l("Act."))
ATTAINMENT = Column(
    "attainment", _l("Attainment"), lambda r, f: percent(r.attainment, 0 if f.compact else 1), narrow=_l("Attain."), short=_l("Att.")
)
GAP = Column("gap", _l("Gap"), lambda r, f: signed(r.gap, f))
LEVER = Column("lever", _l("Lever to act on"), lever_cell, "left")

ACTUAL_COLUMNS = [ACTUAL, ATTAINMENT, GAP]
# view 3's month table shows the whole month's plan and, beside the actual, the
# target of the days counted: the one the attainment and gap are measured against
TARGET_SO_FAR = Column(
    "target_to_date", _l("Target to date"), lambda r, f: f.amount(r.target_to_date), narrow=_l("To date"), short=_l("To date")
)


def days_counted(label: str, row: Any) -> str:
    """'Feb (14 of 28 days)': a month counted to a cut-off before its end
    (the coverage worded by logic/, as view 4's periods)."""
    return _("{period} {coverage}").format(period=label, coverage=row.coverage) if row.partial else label


def year_to_date_label(pva: Any) -> str:
    """The totals row against the year to date: 'Total (330 of 365 days)', the
    days of view 4's 'Total 2026 (330 of 365 days)' (view 3 is one year)."""
    return _("{period} {coverage}").format(period=_("Total"), coverage=pva.ytd_coverage) if pva.ytd_coverage else _("Total")


def _lever_name(row: Any, render: Render) -> str:
    return lever_word(row.lever).capitalize() if row.lever else _("on track")


def _departments(row: Any, render: Render) -> str:
    return ", ".join(render.department(key) for key in row.departments)


LEVER_NAME = Column("lever_name", _l("Lever to act on"), _lever_name, "left")
DEPARTMENTS = Column("departments", _l("Department"), _departments, "left")

EFFECT_COLUMNS = [
    Column("traffic", _l("Traffic"), lambda r, f: signed(r.effects.traffic if r.effects else None, f)),
    Column("conversion_effect", _l("Conversion"), lambda r, f: signed(r.effects.conversion if r.effects else None, f)),
    Column("order_value_effect", _l("Order value"), lambda r, f: signed(r.effects.order_value if r.effects else None, f)),
]


@dataclass(frozen=True)
class YearToDate:
    """The year to date read as a month against its target (the totals row)."""

    target_to_date: float
    actual: float
    attainment: float | None
    gap: float
    effects: Any
    lever: str | None
    department: str | None
    departments: tuple[str, ...]


def year_to_date(pva: Any) -> YearToDate:
    return YearToDate(
        pva.ytd_target, pva.ytd_actual, pva.ytd_attainment, pva.ytd_gap, pva.ytd_effects, pva.lever, pva.department, pva.departments
    )


QUARTER_COLUMNS = [
    Column("quarter", _l("Quarter"), lambda r, f: r.label, "left"),
    TARGET,
    ORDERS,
    UV_NEEDED,
    AD_SPEND,
    Column("agents", _l("Agents at peak"), lambda r, f: _count(r.agents)),
    NEW_PRODUCTS,
]


def channels_without_platform_note(breakdown: Any) -> str:
    """One line under the channels when a campaign on a platform counts for
    none of some channels' days (their names say no platform): which, and
    how to set it. '' when every channel has one."""
    names = breakdown.channels_without_platform
    if not names:
        return ""
    share = next((c.share for c in breakdown.channels if c.name == names[0]), 0.0)
    example = f"{names[0]}={share:.0%} platform=tmall"
    return ngettext(
        "{channels} gets no share of the campaigns on a platform: its name says no platform. "
        "Set one in the plan's channels (view 3: e), e.g. {example} (or jd, douyin, pinduoduo).",
        "{channels} get no share of the campaigns on a platform: their names say no platform. "
        "Set one in the plan's channels (view 3: e), e.g. {example} (or jd, douyin, pinduoduo).",
        len(names),
    ).format(channels=_(", ").join(names), example=example)


CHANNEL_COLUMNS = [
    Column("channel", _l("Channel"), lambda r, f: f.text(r.name), "left"),
    Column("share", _l("Share"), lambda r, f: percent(r.share)),
    TARGET,
    ORDERS,
    UV_NEEDED,
    AD_SPEND,
]
