"""One answer per period: the target, actual and attainment of any day,
week, month or year to date, as every view and export shows it.

The days counted are the period's days that fall in the plan's year, up
to the cut-off: the last day with data. The target is the sum of those
days' targets (day_targets), the actual the revenue on those same days, so
a week of which 4 days have data is measured against 4 days of target, a
December–January week against its days in the plan's year only. A period
that has not begun by the cut-off counts no day and has no attainment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opsboard.i18n import _
from opsboard.model.targets import TargetPlan

from .day_targets import daily_targets


@dataclass(frozen=True)
class PeriodAttainment:
    start: date  # the period as asked
    end: date
    first: date | None  # the first and last day counted; None: no day counted
    through: date | None
    days: int  # N: days counted
    period_days: int  # M: days of the period
    target: float | None  # None: the plan has no target for the channel
    actual: float
    attainment: float | None  # actual / target; None when the target is 0 or unknown
    gap: float | None  # actual − target

    @property
    def partial(self) -> bool:
        return self.days < self.period_days

    @property
    def coverage(self) -> str:
        """'(20 of 30 days)' for a partial period; '' for a whole one."""
        return _("({n} of {m} days)").format(n=self.days, m=self.period_days) if self.partial else ""

    @property
    def covers(self) -> str:
        """Exactly which days: '2026-11-01 – 2026-11-20 (20 of 30 days)'."""
        if self.first is None or self.through is None:
            return _("{first} – {last} (no days yet)").format(first=self.start, last=self.end)
        if not self.partial:
            return f"{self.first} – {self.through}"
        if self.first == self.through:
            return _("{day} ({n} of {m} days)").format(day=self.first, n=self.days, m=self.period_days)
        return _("{first} – {last} ({n} of {m} days)").format(first=self.first, last=self.through, n=self.days, m=self.period_days)


def counted_days(year: int, start: date, end: date, cutoff: date | None) -> tuple[date, date] | None:
    """The days of start..end in `year` through the cut-off; None when none."""
    first = max(start, date(year, 1, 1))
    last = min(end, date(year, 12, 31))
    if cutoff is not None:
        last = min(last, cutoff)
    return (first, last) if first <= last else None


def channel_share(plan: TargetPlan, channel: str | None) -> float | None:
    """The channel's share of the target; 1 for all channels (None) or metrics
    not split by channel (""); None when the plan does not name the channel."""
    if not channel:
        return 1.0
    wanted = channel.casefold()
    total = sum(c.share for c in plan.channels)
    for planned in plan.channels:
        if planned.name.casefold() == wanted:
            return planned.share / total if total > 0 else 1 / len(plan.channels)
    return None


def period_target(plan: TargetPlan, channel: str | None, first: date, through: date) -> float | None:
    """Σ of the daily targets of first..through (in the plan's year) × the channel's share."""
    share = channel_share(plan, channel)
    if share is None:
        return None
    return daily_targets(plan).between(first, through) * share


def period_attainment(
    plan: TargetPlan, start: date, end: date, cutoff: date | None, actual: float, channel: str | None = None
) -> PeriodAttainment:
    """The period start..end to date. `actual`: the revenue on the days
    counted (`counted_days(plan.year, start, end, cutoff)`), which the caller sums."""
    period_days = (end - start).days + 1
    counted = counted_days(plan.year, start, end, cutoff)
    if counted is None:
        target = 0.0 if channel_share(plan, channel) is not None else None
        return PeriodAttainment(start, end, None, None, 0, period_days, target, actual, None, None if target is None else actual - target)
    first, through = counted
    target = period_target(plan, channel, first, through)
    days = (through - first).days + 1
    attainment = actual / target if target else None
    gap = None if target is None else actual - target
    return PeriodAttainment(start, end, first, through, days, period_days, target, actual, attainment, gap)
