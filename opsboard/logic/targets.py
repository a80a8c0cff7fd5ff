"""The target breakdown in one import: the plan over months, quarters, channels
and departments; its ad spend against the budget; plan vs actual.

    from opsboard.logic.targets import monthly_breakdown, budget_balance, plan_vs_actual

Each lives in its own module (breakdown, balance, plan_vs_actual,
monthly_actuals); the module docstrings say how each figure is worked out.
"""

from __future__ import annotations

from .balance import Balance, LeverFix, budget_balance
from .breakdown import (
    ALL_CHANNEL_NAME,
    LEVER_DEPARTMENTS,
    MONTH_ABBR,
    Breakdown,
    ChannelPlan,
    DepartmentPart,
    Figure,
    MonthPlan,
    PeriodTotal,
    month_shares,
    monthly_breakdown,
    monthly_targets,
    split_whole_units,
)
from .day_targets import DayTargets, daily_targets
from .lever_split import split_gap
from .monthly_actuals import MonthActual, monthly_actuals, seasonality_from_actuals
from .period_attainment import PeriodAttainment, counted_days, period_attainment
from .plan_vs_actual import LEVERS, LeverEffects, MonthVsActual, PlanVsActual, last_day_with_data, plan_vs_actual

__all__ = [
    "ALL_CHANNEL_NAME",
    "LEVERS",
    "LEVER_DEPARTMENTS",
    "MONTH_ABBR",
    "Balance",
    "Breakdown",
    "DayTargets",
    "PeriodAttainment",
    "ChannelPlan",
    "DepartmentPart",
    "Figure",
    "LeverEffects",
    "LeverFix",
    "MonthActual",
    "MonthPlan",
    "MonthVsActual",
    "PeriodTotal",
    "PlanVsActual",
    "budget_balance",
    "counted_days",
    "daily_targets",
    "last_day_with_data",
    "period_attainment",
    "split_gap",
    "month_shares",
    "monthly_actuals",
    "monthly_breakdown",
    "monthly_targets",
    "plan_vs_actual",
    "seasonality_from_actuals",
    "split_whole_units",
]
