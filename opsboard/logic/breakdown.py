"""The year's sales target broken down by month, quarter, channel and department.

A month's share of the year is its seasonality weight raised by the campaigns
running in it, then normalised over the year (see day_targets for the day
curve it comes from): with flat phases and no weekday pattern

    weight(m) = seasonality(m) × (1 + Σ uplift(c) × days of c in m / days in m)

so a +30 % campaign covering all of November raises November's weight by 30 %,
one covering 10 of its 30 days by 10 %. Campaigns add up; days outside the
plan's year are ignored; a month with seasonality 0 stays at 0.

Month targets are whole currency units that sum exactly to the annual target
(largest-remainder rounding); cents in the annual target go to the biggest
month. From each month's target, the plan's conversion and order value give
the orders and the traffic (UV) needed, and from those the paid traffic, the
ad spend and the customer-service agents. A month whose conversion or order
value is 0 cannot reach a target above 0: its figures are None and the month
is named in `Breakdown.problems`.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass

from opsboard.i18n import _
from opsboard.i18n.formats import month_abbr
from opsboard.model.targets import MONTHS, Channel, TargetPlan

from .day_targets import channels_without_platform, daily_targets, day_curve, month_weights
from .whole_units import split_whole_units as split_whole_units

ALL_CHANNEL_NAME = "All"
# Who answers for each lever: the first is the owner named in the reports.
LEVER_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "traffic": ("marketing",),
    "conversion": ("customer_service", "design"),
    "order_value": ("product_development",),
    "budget": ("marketing",),
}
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class MonthPlan:
    month: int  # 1-12
    days: int
    share: float  # of the annual target, after seasonality and campaigns
    target: float  # sales
    conversion: float  # planned orders / UV
    order_value: float  # planned sales / orders
    paid_share: float
    cost_per_click: float
    orders: float | None  # None: the target cannot be reached (conversion or order value 0)
    uv: float | None  # visitors needed = target / (conversion × order value)
    paid_uv: float | None
    ad_spend: float | None
    agents: int | None  # customer-service agents, rounded up
    new_products: int


@dataclass(frozen=True)
class PeriodTotal:
    """A quarter or the year. Agents is the peak month's headcount, not a sum."""

    label: str  # "Q1".."Q4" or "Year"
    months: tuple[int, ...]
    target: float
    orders: float | None
    uv: float | None
    paid_uv: float | None
    ad_spend: float | None
    agents: int | None
    new_products: int
    conversion: float | None  # orders / UV over the period
    order_value: float | None  # target / orders over the period


@dataclass(frozen=True)
class ChannelPlan:
    name: str
    share: float  # normalised: the channels' shares sum to 1
    target: float  # whole units; the channels sum exactly to the annual target
    orders: float | None
    uv: float | None
    paid_uv: float | None
    ad_spend: float | None


@dataclass(frozen=True)
class Figure:
    label: str
    value: float | None
    unit: str  # "currency", "count" or "rate"


@dataclass(frozen=True)
class DepartmentPart:
    department: str  # a Department id, e.g. "customer_service"
    owns: str  # the lever it answers for
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Breakdown:
    year: int
    currency: str
    annual_target: float
    months: tuple[MonthPlan, ...]  # 12, January first
    quarters: tuple[PeriodTotal, ...]  # 4
    year_total: PeriodTotal
    channels: tuple[ChannelPlan, ...]  # at least one ("All" when the plan names none)
    departments: tuple[DepartmentPart, ...]
    problems: tuple[str, ...]  # months whose target cannot be reached, in words
    channels_without_platform: tuple[str, ...] = ()  # channels no platform campaign counts for (day_targets)


def month_shares(plan: TargetPlan) -> list[float]:
    """Each month's share of the year (sums to 1): seasonality raised by
    campaigns, from the day curve (see day_targets)."""
    weights = month_weights(plan, day_curve(plan))
    total = sum(weights)
    return [weight / total for weight in weights]


def monthly_targets(plan: TargetPlan) -> list[float]:
    """The sales target of each month, January first; sums exactly to the
    annual target. The sum of the month's daily targets (day_targets), so
    months already past keep their targets when the plan changes."""
    return daily_targets(plan).months()


def _ratio(numerator: float, denominator: float) -> float | None:
    # Nothing to reach needs nothing; something to reach over a zero rate is impossible.
    if denominator > 0:
        return numerator / denominator
    return 0.0 if numerator == 0 else None


def _month_plan(plan: TargetPlan, month: int, share: float, target: float) -> MonthPlan:
    i = month - 1
    days = calendar.monthrange(plan.year, month)[1]
    conversion, order_value = plan.conversion[i], plan.order_value[i]
    orders = _ratio(target, order_value)
    uv = _ratio(target, conversion * order_value)
    paid_uv = None if uv is None else uv * plan.paid_share[i]
    ad_spend = None if paid_uv is None else paid_uv * plan.cost_per_click[i]
    agents = None
    if orders is not None:
        # round() first: 1.0000000000000002 agents is one agent, not two
        agents = math.ceil(round(orders / days / plan.orders_per_agent_day, 9))
    return MonthPlan(
        month=month,
        days=days,
        share=share,
        target=target,
        conversion=conversion,
        order_value=order_value,
        paid_share=plan.paid_share[i],
        cost_per_click=plan.cost_per_click[i],
        orders=orders,
        uv=uv,
        paid_uv=paid_uv,
        ad_spend=ad_spend,
        agents=agents,
        new_products=plan.new_products[i],
    )


def _sum(values: list[float | None]) -> float | None:
    return None if any(value is None for value in values) else math.fsum(values)  # type: ignore[arg-type]


def _period(label: str, months: list[MonthPlan]) -> PeriodTotal:
    orders = _sum([m.orders for m in months])
    uv = _sum([m.uv for m in months])
    agents = [m.agents for m in months]
    target = sum(m.target for m in months)  # whole units: exact in floats
    return PeriodTotal(
        label=label,
        months=tuple(m.month for m in months),
        target=target,
        orders=orders,
        uv=uv,
        paid_uv=_sum([m.paid_uv for m in months]),
        ad_spend=_sum([m.ad_spend for m in months]),
        agents=None if None in agents else max(agents),  # type: ignore[type-var]
        new_products=sum(m.new_products for m in months),
        conversion=None if orders is None or not uv else orders / uv,
        order_value=None if not orders else target / orders,
    )


def _channels(plan: TargetPlan, months: list[MonthPlan]) -> tuple[ChannelPlan, ...]:
    """Each channel's share of every month, with its own conversion, order
    value, paid share and cost per click where it has them (else the board's)."""
    named: list[Channel | None] = [*plan.channels] or [None]
    total_share = sum(c.share for c in plan.channels)
    # Shares that do not sum to 1 are scaled; all zero means an equal split.
    shares = [c.share / total_share if total_share > 0 else 1 / len(named) for c in plan.channels] or [1.0]
    targets = split_whole_units(plan.annual_target, shares)
    result = []
    for channel, share, target in zip(named, shares, targets, strict=True):
        orders: float | None = 0.0
        uv: float | None = 0.0
        paid_uv: float | None = 0.0
        spend: float | None = 0.0
        for month in months:
            i = month.month - 1
            part = month.target * share

            def own(name: str, i: int = i, channel: Channel | None = channel) -> float:
                value = getattr(channel, name) if channel is not None else None
                found: float = value if value is not None else getattr(plan, name)[i]
                return found

            cr, aov = own("conversion"), own("order_value")
            if orders is None or uv is None or paid_uv is None or spend is None:
                continue
            if cr <= 0 or aov <= 0:
                if part > 0:
                    orders = uv = paid_uv = spend = None
                continue
            month_uv = part / (cr * aov)
            orders += part / aov
            uv += month_uv
            paid_uv += month_uv * own("paid_share")
            spend += month_uv * own("paid_share") * own("cost_per_click")
        name = channel.name if channel is not None else ALL_CHANNEL_NAME
        result.append(ChannelPlan(name=name, share=share, target=target, orders=orders, uv=uv, paid_uv=paid_uv, ad_spend=spend))
    return tuple(result)


def _departments(plan: TargetPlan, year: PeriodTotal, months: list[MonthPlan]) -> tuple[DepartmentPart, ...]:
    conversion = (Figure(_("Average conversion"), year.conversion, "rate"), Figure(_("Orders"), year.orders, "count"))
    marketing = [
        Figure(_("UV needed"), year.uv, "count"),
        Figure(_("Paid UV"), year.paid_uv, "count"),
        Figure(_("Ad spend"), year.ad_spend, "currency"),
    ]
    if plan.promotion_budget > 0:
        marketing.append(Figure(_("Promotion budget"), plan.promotion_budget, "currency"))
    order_value = Figure(_("Average order value"), year.order_value, "currency")
    products = (order_value, Figure(_("New products"), year.new_products, "count"))
    agent_months = [m.agents for m in months]
    agent_total = None if None in agent_months else sum(agent_months)  # type: ignore[arg-type]
    headcount = (Figure(_("Agents at peak"), year.agents, "count"), Figure(_("Agent-months"), agent_total, "count"))
    return (
        DepartmentPart("marketing", _("traffic and ad spend"), tuple(marketing)),
        DepartmentPart("design", _("conversion (shop and product pages)"), conversion),
        DepartmentPart("customer_service", _("conversion (pre-sale service)"), conversion),
        DepartmentPart("product_development", _("order value and new products"), products),
        DepartmentPart("hr", _("headcount"), headcount),
    )


def _unreachable(month: MonthPlan) -> str:
    """Why a month's target cannot be reached, in the interface language."""
    values = {"month": month_abbr(month.month), "target": f"{month.target:,.0f}"}
    if month.order_value == 0:
        return _("{month}: a target of {target} cannot be reached with an order value of 0").format(**values)
    return _("{month}: a target of {target} cannot be reached with a conversion of 0").format(**values)


def monthly_breakdown(plan: TargetPlan) -> Breakdown:
    """The plan broken down: months, quarters, the year, channels, departments."""
    targets = monthly_targets(plan)
    total = sum(targets)
    shares = [target / total if total else 0.0 for target in targets]
    months = [_month_plan(plan, i + 1, shares[i], targets[i]) for i in range(MONTHS)]
    quarters = tuple(_period(f"Q{q + 1}", months[3 * q : 3 * q + 3]) for q in range(4))
    year = _period("Year", months)
    problems = tuple(_unreachable(m) for m in months if m.uv is None)
    return Breakdown(
        year=plan.year,
        currency=plan.currency,
        annual_target=plan.annual_target,
        months=tuple(months),
        quarters=quarters,
        year_total=year,
        channels=_channels(plan, months),
        departments=_departments(plan, year, months),
        problems=problems,
        channels_without_platform=channels_without_platform(plan),
    )
