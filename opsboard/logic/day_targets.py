"""The plan's target for each day of its year, and so for any period.

The day curve. Every day starts at a base weight: last year's weekday
pattern when the plan carries one (`TargetPlan.weekday_pattern`, taken from
the board's daily actuals when the plan was saved), its Spring Festival days
moved onto this year's by the lunar calendar (`festival_pattern`), else 1.
A campaign adds

    extra(d) = uplift × (its days) × weight of d's phase / Σ phase weights of its days

so a +50 % campaign brings half of its days' ordinary sales on top, spread
over its days by its phases' weights (a 正式 day of weight 4 takes four times
a 预热 day of weight 1), each day's weight times last year's shape of the
campaign on the same campaign day when it has one (`Campaign.shape`,
logic/last_year_shape.py). A campaign on one platform (Tmall) counts with the
share of the channel on that platform when the plan names channels.

A month's weight is its seasonality × its days' mean curve weight, so with
flat phases and no weekday pattern a campaign raises its month exactly as
`seasonality × (1 + uplift × covered days / days)`. Month targets are whole
units summing to the annual target (whole_units.split_whole_units); each
month's target is split over its days in proportion to their curve weights.

The past stays as it was. A plan changed on day D carries `effective_from`
= D and `kept`, the targets its days before D had; what is left of its
annual target is spread over the remaining days by its own shape of the
year. A plan without `effective_from` (the first, or one the lead chose to
re-base) spreads the whole year.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import accumulate

from opsboard.model.targets import MONTHS, Channel, TargetPlan

from .campaign_calendar import platform_of, spring_festival_days
from .whole_units import split_whole_units


@dataclass(frozen=True)
class DayTargets:
    """Targets of every day of `year` (index 0 = 1 January)."""

    year: int
    targets: tuple[float, ...]
    curve: tuple[float, ...]  # the current plan's day weights (base + campaigns)
    cumulative: tuple[float, ...]  # cumulative[i] = Σ targets[:i]
    month_totals: tuple[float, ...] = ()  # each month's target, January first

    def index(self, day: date) -> int:
        return day.toordinal() - date(self.year, 1, 1).toordinal()

    def on(self, day: date) -> float:
        return self.targets[self.index(day)] if day.year == self.year else 0.0

    def between(self, start: date, end: date) -> float:
        """Σ of the daily targets of start..end that fall in the plan's year."""
        first = max(start, date(self.year, 1, 1))
        last = min(end, date(self.year, 12, 31))
        if first > last:
            return 0.0
        # to the cent: float sums of a day's share carry noise below it
        return round(self.cumulative[self.index(last) + 1] - self.cumulative[self.index(first)], 2)

    def month(self, month: int) -> float:
        return self.between(date(self.year, month, 1), date(self.year, month, calendar.monthrange(self.year, month)[1]))

    def months(self) -> list[float]:
        """Whole units summing exactly to the annual target when the whole
        year is spread at once; the sum of the days (to the cent) otherwise."""
        return list(self.month_totals) or [self.month(m) for m in range(1, MONTHS + 1)]

    def curve_between(self, start: date, end: date) -> list[float]:
        first = max(start, date(self.year, 1, 1))
        last = min(end, date(self.year, 12, 31))
        if first > last:
            return []
        return list(self.curve[self.index(first) : self.index(last) + 1])


def _days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def channel_platform(channel: Channel) -> str | None:
    """The platform a channel sells on: the one set for it, else the one its name says (Tmall → tmall)."""
    return channel.platform or platform_of(channel.name)


def channels_without_platform(plan: TargetPlan) -> tuple[str, ...]:
    """The plan's channels no campaign on a platform counts for: neither
    set to a platform nor named with one (旗舰店, "Flagship"), while the plan
    has such a campaign. Their days get none of its uplift."""
    if not plan.channels or not any(c.platform and c.uplift > 0 for c in plan.campaigns):
        return ()
    return tuple(c.name for c in plan.channels if channel_platform(c) is None)


def _channel_shares(plan: TargetPlan) -> dict[str, float]:
    """platform → the share of the plan's channels on it."""
    total = sum(c.share for c in plan.channels)
    shares: dict[str, float] = {}
    for channel in plan.channels:
        platform = channel_platform(channel)
        if platform is not None and total > 0:
            shares[platform] = shares.get(platform, 0.0) + channel.share / total
    return shares


def day_curve(plan: TargetPlan) -> list[float]:
    """Each day's weight in the plan year: its weekday base plus campaign extras."""
    year = plan.year
    first = date(year, 1, 1)
    n = _days_in_year(year)
    pattern = plan.weekday_pattern
    weekday0 = first.weekday()
    if pattern:
        curve = [pattern[(weekday0 + i) % 7] for i in range(n)]
        if plan.festival_pattern:  # last year's festival days, moved by the lunar calendar
            for day, factor in zip(spring_festival_days(year), plan.festival_pattern, strict=True):
                if day.year == year:
                    curve[day.toordinal() - first.toordinal()] *= factor
        _mean_one_per_month(curve, year)
    else:
        curve = [1.0] * n
    shares = _channel_shares(plan)
    for campaign in plan.campaigns:
        weights = campaign.day_weights()
        total_weight = sum(weights.values())
        if total_weight <= 0 or campaign.uplift <= 0:
            continue
        scale = 1.0
        if campaign.platform and plan.channels:
            scale = shares.get(campaign.platform, 0.0)
        extra = campaign.uplift * len(weights) * scale / total_weight
        for day, weight in weights.items():
            if day.year == year:
                curve[day.toordinal() - first.toordinal()] += extra * weight
    return curve


def _mean_one_per_month(curve: list[float], year: int) -> None:
    # A weekday pattern reshapes the days of a month, never its total:
    # seasonality alone says how big a month is.
    start = 0
    for month in range(1, MONTHS + 1):
        days = calendar.monthrange(year, month)[1]
        part = curve[start : start + days]
        mean = sum(part) / days
        if mean > 0:
            curve[start : start + days] = [w / mean for w in part]
        start += days


def month_weights(plan: TargetPlan, curve: Sequence[float]) -> list[float]:
    """seasonality × the month's mean day weight (the months' shares, unnormalised)."""
    weights = []
    start = 0
    for month in range(1, MONTHS + 1):
        days = calendar.monthrange(plan.year, month)[1]
        weights.append(plan.seasonality[month - 1] * math.fsum(curve[start : start + days]) / days)
        start += days
    return weights


def _month_targets(plan: TargetPlan, curve: list[float]) -> list[float]:
    return split_whole_units(plan.annual_target, month_weights(plan, curve))


def _whole_year(plan: TargetPlan, curve: list[float]) -> list[float]:
    month_targets = _month_targets(plan, curve)
    targets: list[float] = []
    start = 0
    for month in range(1, MONTHS + 1):
        days = calendar.monthrange(plan.year, month)[1]
        part = curve[start : start + days]
        weight = math.fsum(part)
        if month_targets[month - 1] and weight > 0:
            targets += [month_targets[month - 1] * w / weight for w in part]
        else:
            targets += [month_targets[month - 1] / days] * days
        start += days
    return targets


def _keeping_the_past(plan: TargetPlan, curve: list[float]) -> list[float]:
    """Days before effective_from keep `plan.kept`; the rest share what is
    left of the annual target by the plan's own shape of the year."""
    whole = _whole_year(plan, curve)
    if plan.effective_from is None or plan.effective_from <= date(plan.year, 1, 1):
        return whole
    index = len(plan.kept)
    left = plan.annual_target - math.fsum(plan.kept)
    rest = whole[index:]
    if left <= 0 or sum(rest) <= 0:
        # The past already brought the whole target: nothing left to ask for.
        return list(plan.kept) + [0.0] * len(rest)
    weight = math.fsum(rest)
    return list(plan.kept) + [left * w / weight for w in rest]


def daily_targets(plan: TargetPlan) -> DayTargets:
    """The target of each day of the plan year (see the module docstring)."""
    return _daily_targets(plan.model_dump_json(exclude={"updated_at", "updated_by", "change", "notes"}))


@lru_cache(maxsize=32)
def _daily_targets(plan_json: str) -> DayTargets:
    # Keyed by the plan's JSON: views and reports ask for the same plan many times.
    plan = TargetPlan.model_validate_json(plan_json)
    curve = day_curve(plan)
    targets = _keeping_the_past(plan, curve)
    cumulative = [0.0, *accumulate(targets)]
    rebased = plan.effective_from is None or plan.effective_from <= date(plan.year, 1, 1)
    months = tuple(_month_targets(plan, curve)) if rebased else ()
    return DayTargets(plan.year, tuple(targets), tuple(curve), tuple(cumulative), months)


def kept_until(plan: TargetPlan, day: date) -> list[float]:
    """The targets of the plan's days before `day`, to keep when it changes."""
    targets = daily_targets(plan)
    index = max(0, min((day - date(plan.year, 1, 1)).days, len(targets.targets)))
    return list(targets.targets[:index])


def weekday_pattern(revenue_by_day: Iterable[tuple[date, float]], year: int, skip: Iterable[date] = ()) -> list[float] | None:
    """Last year's weekday pattern (Monday first, mean 1) from its daily
    revenue, each day taken relative to its month's mean so a strong month
    does not make its weekdays look strong. `skip`: last year's campaign days
    and the days around Spring Festival, which say nothing about an ordinary
    week (logic/last_year_shape finds them at last year's own dates).
    None unless every weekday has at least four ordinary days of data."""
    skipped = set(skip)
    by_month: dict[int, list[tuple[date, float]]] = {}
    for day, revenue in revenue_by_day:
        if day.year == year and day not in skipped:
            by_month.setdefault(day.month, []).append((day, revenue))
    sums = [0.0] * 7
    counts = [0] * 7
    for days in by_month.values():
        mean = sum(revenue for _, revenue in days) / len(days)
        if mean <= 0:
            continue
        for day, revenue in days:
            sums[day.weekday()] += revenue / mean
            counts[day.weekday()] += 1
    if min(counts) < 4:
        return None
    pattern = [s / c for s, c in zip(sums, counts, strict=True)]
    mean = sum(pattern) / 7
    if mean <= 0:
        return None
    return [round(value / mean, 4) for value in pattern]
