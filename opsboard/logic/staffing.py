"""Customer-service agents for each month's peak day, beside its average day.

A day's orders are its target ÷ the month's planned order value; agents are
those orders ÷ what one agent handles a day, rounded up. The peak day is the
month's day with the highest target on the curve (11 Nov in a 双11 month),
so a month sized on its average day does not leave the peak unanswered.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date

from opsboard.model.targets import MONTHS, TargetPlan

from .day_targets import daily_targets


@dataclass(frozen=True)
class MonthStaffing:
    month: int
    average_agents: int | None  # on the month's average day; None: order value 0
    peak_day: date
    peak_orders: float | None
    peak_agents: int | None


def _agents(orders: float, per_agent: float) -> int:
    # round() first: 1.0000000000000002 agents is one agent, not two
    return math.ceil(round(orders / per_agent, 9))


def peak_staffing(plan: TargetPlan) -> tuple[MonthStaffing, ...]:
    days = daily_targets(plan)
    result = []
    for month in range(1, MONTHS + 1):
        count = calendar.monthrange(plan.year, month)[1]
        dates = [date(plan.year, month, d) for d in range(1, count + 1)]
        peak = max(dates, key=lambda d: (days.on(d), -d.day))
        value = plan.order_value[month - 1]
        if value <= 0:
            result.append(MonthStaffing(month, None, peak, None, None))
            continue
        average = days.month(month) / count / value
        peak_orders = days.on(peak) / value
        result.append(
            MonthStaffing(
                month, _agents(average, plan.orders_per_agent_day), peak, peak_orders, _agents(peak_orders, plan.orders_per_agent_day)
            )
        )
    return tuple(result)
