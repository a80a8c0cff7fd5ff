"""The calendar periods of the review reports — days, ISO weeks and months —
and the share of the sales target that falls in each.

A period is identified by an integer key so neighbours are plain arithmetic:
a day by its ordinal, a week by the ordinal of its Monday, a month by
`year * 12 + month - 1`.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from opsboard.model.targets import TargetPlan

from .breakdown import monthly_targets

Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")


def week_key(ordinal: int) -> int:
    """The key of the ISO week holding the day `ordinal` (date.toordinal()).
    Day 1 (0001-01-01) is a Monday, so the Monday is found by arithmetic."""
    return ordinal - (ordinal - 1) % 7


def month_key(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_of(key: int) -> tuple[int, int]:
    return key // 12, key % 12 + 1


def period_bounds(period: Period, key: int) -> tuple[date, date]:
    """First and last day of the period."""
    if period == "day":
        day = date.fromordinal(key)
        return day, day
    if period == "week":
        monday = date.fromordinal(key)
        return monday, monday + timedelta(days=6)
    year, month = _month_of(key)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def period_length(period: Period, key: int) -> int:
    start, end = period_bounds(period, key)
    return (end - start).days + 1


def period_label(period: Period, key: int) -> str:
    """`2025-03-01`, `2025-W46` (ISO year and week: 2024-12-30 is in 2025-W01)
    or `2025-03`."""
    if period == "day":
        return date.fromordinal(key).isoformat()
    if period == "week":
        iso = date.fromordinal(key).isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    year, month = _month_of(key)
    return f"{year}-{month:02d}"


def previous_key(period: Period, key: int) -> int:
    return key - 7 if period == "week" else key - 1  # a day's key is its ordinal


def year_ago_key(period: Period, key: int) -> int | None:
    """The same ISO week number of the previous ISO year, or the same month of
    the previous year, or the same date a year before. None for week 53 when
    last year had only 52 weeks, and for 29 February."""
    if period == "month":
        return key - 12
    if period == "day":
        day = date.fromordinal(key)
        try:
            return day.replace(year=day.year - 1).toordinal()
        except ValueError:
            return None
    iso = date.fromordinal(key).isocalendar()
    try:
        return date.fromisocalendar(iso.year - 1, iso.week, 1).toordinal()
    except ValueError:
        return None


@lru_cache(maxsize=16)
def _month_targets(plan_json: str) -> tuple[float, ...]:
    # Keyed by the plan's JSON: a weekly report asks for hundreds of weeks.
    return tuple(monthly_targets(TargetPlan.model_validate_json(plan_json)))


def _month_target(plan: TargetPlan, month: int) -> float:
    """Target of month 1–12 of plan.year, as the targets view breaks it down
    (seasonality raised by campaigns, whole units), so both views agree."""
    return _month_targets(plan.model_dump_json())[month - 1]


def _channel_share(plan: TargetPlan, channel: str | None) -> float | None:
    """The channel's share of the target; 1 for all channels (None) or metrics
    not split by channel (""); None when the plan does not name the channel."""
    if not channel:
        return 1.0
    wanted = channel.casefold()
    for planned in plan.channels:
        if planned.name.casefold() == wanted:
            return planned.share
    return None


def period_target(plan: TargetPlan, channel: str | None, start: date, end: date) -> float | None:
    """The sales target for the days start..end that fall in plan.year: each
    day carries its month's target divided by the days in that month.
    None when no day is in the plan's year or the channel has no target."""
    share = _channel_share(plan, channel)
    if share is None:
        return None
    first = max(start, date(plan.year, 1, 1))
    last = min(end, date(plan.year, 12, 31))
    if first > last:
        return None
    total = 0.0
    for month in range(first.month, last.month + 1):
        month_days = calendar.monthrange(plan.year, month)[1]
        day_from = first.day if month == first.month else 1
        day_to = last.day if month == last.month else month_days
        total += _month_target(plan, month) * (day_to - day_from + 1) / month_days
    return total * share
