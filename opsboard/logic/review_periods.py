"""The calendar periods of the review reports — days, ISO weeks and months —
and the share of the sales target that falls in each.

A period is identified by an integer key so neighbours are plain arithmetic:
a day by its ordinal, a week by the ordinal of its Monday, a month by
`year * 12 + month - 1`.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

from opsboard.model.targets import TargetPlan

from .period_attainment import counted_days
from .period_attainment import period_target as days_target

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


def period_target(plan: TargetPlan, channel: str | None, start: date, end: date, cutoff: date | None = None) -> float | None:
    """The sales target of the days start..end that fall in plan.year, through
    the cut-off (the last day with data): the sum of those days' targets
    (logic/period_attainment, the one definition every view uses). None when
    no such day is left or the channel has no target."""
    counted = counted_days(plan.year, start, end, cutoff)
    if counted is None:
        return None
    return days_target(plan, channel, *counted)
