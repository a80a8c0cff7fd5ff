"""A year of made-up but believable daily store metrics for the demo board.

Each channel's month follows the plan's seasonality (a Chinese New Year
trough, 618 and Double 11 peaks) times how well that channel is really doing;
inside a month, weekends sell more, campaign days far more, and every day gets
some noise from a fixed seed, so the same call always gives the same figures.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass
from datetime import date, timedelta

from opsboard.model import DailyMetric, TargetPlan


@dataclass(frozen=True)
class ChannelProfile:
    name: str
    attainment: tuple[float, ...]  # actual / planned sales, January..December
    order_value: float  # average order value, CNY
    conversion: float  # orders / UV on an ordinary day
    pages_per_visit: float  # PV / UV
    paid_share: float  # paid UV / UV
    cost_per_click: float  # CNY


# Tmall carries the brand and runs close to plan; Douyin was slow to start and
# is the gap the demo's targets view points at; JD is small and steady.
PROFILES = (
    ChannelProfile("Tmall", (1.02, 0.97, 1.0, 0.98, 1.03, 1.06, 0.95, 0.94, 0.97, 0.99, 1.01, 1.0), 268.0, 0.031, 3.4, 0.38, 1.45),
    ChannelProfile("Douyin", (0.55, 0.6, 0.66, 0.7, 0.74, 0.81, 0.78, 0.8, 0.83, 0.85, 0.88, 0.9), 189.0, 0.019, 2.1, 0.55, 0.95),
    ChannelProfile("JD", (0.98, 1.0, 1.04, 1.02, 1.0, 1.08, 1.01, 0.99, 1.02, 1.03, 1.05, 1.0), 301.0, 0.034, 3.7, 0.3, 1.8),
)

SEED = 20260618
WEEKDAY = (0.92, 0.95, 0.97, 0.98, 1.02, 1.09, 1.07)  # Monday..Sunday: apparel sells at weekends
CHINESE_NEW_YEAR = date(2026, 2, 17)


def event_factor(day: date) -> float:
    """How much busier than an ordinary day of its month: presales, the big
    days of 618, Double 11 and Double 12, and couriers stopping around
    Chinese New Year."""
    offset = (day - CHINESE_NEW_YEAR).days
    if -8 <= offset <= 7:
        return 0.35 + 0.04 * abs(offset)  # logistics stop: the lowest days of the year
    if day.month == 6:
        if day.day == 18:
            return 4.5
        if day.day in (1, 16, 17):
            return 2.2  # presale starts and the last push
        if day.day < 18:
            return 1.15
        return 0.55  # after the peak
    if day.month == 10 and day.day >= 20:
        return 1.6 if day.day in (20, 24) else 1.1  # Double 11 presale opens
    if day.month == 11:
        if day.day == 11:
            return 7.0
        if day.day in (1, 10):
            return 3.0
        if day.day < 11:
            return 1.35
        return 0.6  # returns and a quiet market after Double 11
    if day.month == 12:
        return 3.5 if day.day == 12 else (1.3 if 8 <= day.day < 12 else 1.0)
    return 1.0


def daily_metrics(plan: TargetPlan, first: date, last: date) -> list[DailyMetric]:
    """Every day from `first` to `last` for each channel of PROFILES, by date
    then channel. A month's sales are its planned share of the channel's
    target times the channel's attainment for that month."""
    rng = random.Random(SEED)
    shares = {channel.name: channel.share for channel in plan.channels}
    seasonality_total = sum(plan.seasonality)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    weights: dict[tuple[str, date], float] = {}
    for profile in PROFILES:
        for day in days:
            noise = max(0.6, rng.gauss(1.0, 0.09))
            weights[(profile.name, day)] = WEEKDAY[day.weekday()] * event_factor(day) * noise
    month_weight: dict[tuple[str, int], float] = {}
    for (name, day), weight in weights.items():
        month_weight[(name, day.month)] = month_weight.get((name, day.month), 0.0) + weight
    metrics = []
    for day in days:
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        for profile in PROFILES:
            # A month cut short (today's month) gets the part of it that has passed.
            full_month_weight = month_weight[(profile.name, day.month)] * days_in_month / _days_in(days, day.month)
            month_sales = (
                plan.annual_target
                * shares[profile.name]
                * plan.seasonality[day.month - 1]
                / seasonality_total
                * profile.attainment[day.month - 1]
            )
            revenue = month_sales * weights[(profile.name, day)] / full_month_weight
            metrics.append(_day(rng, profile, day, revenue))
    return metrics


def _days_in(days: list[date], month: int) -> int:
    return sum(1 for day in days if day.month == month)


def _day(rng: random.Random, profile: ChannelProfile, day: date, revenue: float) -> DailyMetric:
    busy = event_factor(day)
    # Big days convert better (people come to buy) and spend more per order (bundles).
    order_value = profile.order_value * (1.08 if busy > 2 else 1.0) * rng.uniform(0.93, 1.07)
    orders = max(1, round(revenue / order_value))
    conversion = profile.conversion * (1.5 if busy > 2 else 1.0) * rng.uniform(0.9, 1.1)
    uv = max(orders, round(orders / conversion))
    pv = max(uv, round(uv * profile.pages_per_visit * rng.uniform(0.92, 1.08)))
    ad_spend = uv * profile.paid_share * profile.cost_per_click * rng.uniform(0.9, 1.1)
    return DailyMetric(
        date=day,
        channel=profile.name,
        pv=pv,
        uv=uv,
        orders=orders,
        revenue=round(orders * order_value, 2),
        ad_spend=round(ad_spend, 2),
    )
