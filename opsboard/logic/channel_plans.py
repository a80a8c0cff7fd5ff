"""Plan vs actual per channel: revenue, UV, conversion, order value, ad
spend and ROI (投产比), with the gap split over the levers as for the store.

Each channel has its own conversion, order value, paid share, cost per
click and ROI target, each defaulting to the board's (the plan's month
value; the plan's ROI target). Its target to date is its share of the
days' targets from the first month with data to the cut-off — the same days
as the store's year to date — and its planned UV, orders and ad spend follow
from its own assumptions month by month. Actuals are the metrics whose
channel has the plan channel's name (case aside); conversion is buyers ÷ UV
(orders ÷ UV for an export without buyers), order value revenue ÷ buyers.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from opsboard.model.actuals import DailyMetric
from opsboard.model.targets import Channel, TargetPlan

from .breakdown import LEVER_DEPARTMENTS
from .day_targets import daily_targets
from .lever_split import LeverEffects, split_gap


@dataclass(frozen=True)
class ChannelVsActual:
    name: str
    share: float
    target: float  # to date
    actual: float
    attainment: float | None
    gap: float
    plan_uv: float | None  # None: a conversion or order value of 0
    actual_uv: int | None  # None: the back office gives none (抖店)
    plan_conversion: float | None
    actual_conversion: float | None
    plan_order_value: float | None
    actual_order_value: float | None
    plan_ad_spend: float | None
    actual_ad_spend: float
    plan_roi: float | None
    actual_roi: float | None
    effects: LeverEffects | None
    lever: str | None
    department: str | None


def channel_assumption(plan: TargetPlan, channel: Channel, name: str, month: int) -> float:
    """The channel's own value, else the board's for the month."""
    own = getattr(channel, name)
    found: float = own if own is not None else getattr(plan, name)[month - 1]
    return found


def _planned(
    plan: TargetPlan, channel: Channel, share: float, first: date, cutoff: date
) -> tuple[float, float | None, float | None, float | None]:
    """target, UV, orders and ad spend planned for the channel first..cutoff
    (UV, orders and spend None when a month with a target has a conversion
    or order value of 0: it cannot be reached)."""
    days = daily_targets(plan)
    target = uv = orders = spend = 0.0
    reachable = True
    for month in range(first.month, cutoff.month + 1):
        start = max(first, date(plan.year, month, 1))
        end = min(cutoff, date(plan.year, month, calendar.monthrange(plan.year, month)[1]))
        part = days.between(start, end) * share
        target += part
        cr = channel_assumption(plan, channel, "conversion", month)
        aov = channel_assumption(plan, channel, "order_value", month)
        if cr <= 0 or aov <= 0:
            reachable = reachable and part == 0
            continue
        month_uv = part / (cr * aov)
        uv += month_uv
        orders += part / aov
        spend += (
            month_uv * channel_assumption(plan, channel, "paid_share", month) * channel_assumption(plan, channel, "cost_per_click", month)
        )
    if not reachable:
        return target, None, None, None
    return target, uv, orders, spend


def channel_plan_vs_actual(
    plan: TargetPlan, metrics: Iterable[DailyMetric], first: date | None, cutoff: date | None
) -> tuple[ChannelVsActual, ...]:
    """Each of the plan's channels from `first` to `cutoff` (the store's year
    to date); () without channels or actuals."""
    if not plan.channels or first is None or cutoff is None:
        return ()
    total_share = sum(c.share for c in plan.channels)
    sums: dict[str, list[Any]] = {c.name.casefold(): [None, 0, 0, False, 0.0, 0.0] for c in plan.channels}
    for metric in metrics:
        if not first <= metric.date <= cutoff:
            continue
        row = sums.get(metric.channel.casefold())
        if row is None:
            continue
        if metric.uv is not None:
            row[0] = (row[0] or 0) + metric.uv
        row[1] += metric.orders or 0
        if metric.buyers is not None:
            row[2] += metric.buyers
            row[3] = True
        row[4] += metric.revenue or 0.0
        row[5] += metric.ad_spend or 0.0
    result = []
    for channel in plan.channels:
        share = channel.share / total_share if total_share > 0 else 1 / len(plan.channels)
        target, plan_uv, plan_orders, plan_spend = _planned(plan, channel, share, first, cutoff)
        uv, orders, buyers, has_buyers, revenue, spend = sums[channel.name.casefold()]
        payers = buyers if has_buyers else orders
        conversion = payers / uv if uv else None
        order_value = revenue / payers if payers else None
        plan_cr = plan_orders / plan_uv if plan_uv and plan_orders is not None else None
        plan_aov = target / plan_orders if plan_orders else None
        effects = None
        if plan_uv is not None and plan_cr is not None and plan_aov is not None and uv is not None:
            effects = split_gap(plan_uv, plan_cr, plan_aov, uv, conversion if uv else None, order_value, revenue)
        lever = effects.weakest if effects else None
        roi_target = channel.roi or plan.roi or (target / plan_spend if plan_spend else None)
        result.append(
            ChannelVsActual(
                name=channel.name,
                share=share,
                target=target,
                actual=revenue,
                attainment=revenue / target if target else None,
                gap=revenue - target,
                plan_uv=plan_uv,
                actual_uv=uv,
                plan_conversion=plan_cr,
                actual_conversion=conversion,
                plan_order_value=plan_aov,
                actual_order_value=order_value,
                plan_ad_spend=plan_spend,
                actual_ad_spend=spend,
                plan_roi=roi_target,
                actual_roi=revenue / spend if spend else None,
                effects=effects,
                lever=lever,
                department=LEVER_DEPARTMENTS[lever][0] if lever else None,
            )
        )
    return tuple(result)
