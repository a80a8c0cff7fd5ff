"""Last year's daily actuals laid over this year's calendar: by weekday for
ordinary days, by campaign day for campaigns, by the lunar calendar around
Spring Festival.

Campaigns move: 双11's 预售 starts on 20 October one year and 24 October the
next, 618 and 年货节 (before Spring Festival) move more. So last year's run of
each of this year's campaigns is found on last year's own dates — the same
campaign in last year's plan when the board kept it, else the preset for
last year (logic/campaign_calendar), else the same dates a year earlier —
and aligned day by day: phase by phase (day j of last year's 预售 ↔ day j of
this year's), or from the last day when the phases differ (the peak is
where campaigns end). What comes of it:

- the weekday pattern is measured on last year's ordinary days only: its
  campaign days (at their own dates) and Spring Festival's days left out;
- each campaign's shape: how last year's run sold day by day, as a factor of
  mean 1 within each of this year's phases — so the phases' weights still
  say how strongly each phase sells, and last year says which of its days
  do (the first 预售 day, the last day before the peak);
- the festival pattern: how each day from 10 days before Spring Festival to
  7 after sold against an ordinary day of its weekday and month, laid on
  this year's festival (moved by the lunar calendar).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from opsboard.model.campaigns import Campaign
from opsboard.model.targets import TargetPlan

from .campaign_calendar import PLATFORMS, campaign_preset, find_preset_name, spring_festival_days
from .day_targets import weekday_pattern


def last_year_campaign(campaign: Campaign, plan_year: int, last_years: Sequence[Campaign] = ()) -> list[tuple[date, date, float]]:
    """Last year's run of `campaign` as (first day, last day, weight) per
    phase: from last year's plan (`last_years`, matched by name), else the
    preset for last year, else the same dates a year earlier."""
    wanted = campaign.name.casefold()
    for earlier in last_years:
        if earlier.name.casefold() == wanted:
            return [(p.start, p.end, p.weight) for p in sorted(earlier.phases, key=lambda p: p.start)]
    preset = find_preset_name(campaign.name)
    if preset is not None:
        platform = campaign.platform if campaign.platform in PLATFORMS else "tmall"
        phases = campaign_preset(preset, platform, plan_year - 1).phases
        if phases:
            return [(p.start, p.end, p.weight) for p in phases]
    return [(_year_before(p.start), _year_before(p.end), p.weight) for p in sorted(campaign.phases, key=lambda p: p.start)]


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def aligned_days(campaign: Campaign, last_run: Sequence[tuple[date, date, float]]) -> list[list[tuple[date, date | None]]]:
    """This year's campaign days, phase by phase, each with last year's day
    it is aligned with (None: last year's run had no such day)."""
    phases = sorted(campaign.phases, key=lambda p: p.start)
    if len(phases) == len(last_run):
        aligned = []
        for phase, (first, last, _weight) in zip(phases, last_run, strict=True):
            before = _days(first, last)
            aligned.append([(day, before[j] if j < len(before) else None) for j, day in enumerate(_days(phase.start, phase.end))])
        return aligned
    # phases that differ: counted back from the last day, where the peak is
    before_all = [day for first, last, _w in last_run for day in _days(first, last)]
    this_all = [day for phase in phases for day in _days(phase.start, phase.end)]
    back = {
        day: (before_all[len(before_all) - len(this_all) + i] if len(before_all) - len(this_all) + i >= 0 else None)
        for i, day in enumerate(this_all)
    }
    return [[(day, back[day]) for day in _days(phase.start, phase.end)] for phase in phases]


def campaign_shape(aligned: Sequence[Sequence[tuple[date, date | None]]], revenue: Mapping[date, float]) -> list[float]:
    """Each campaign day's factor (day order), mean 1 within each phase over
    the days last year knows; 1 where it does not. [] when last year knows
    none of them."""
    shape: list[float] = []
    known_any = False
    for phase in aligned:
        known = [revenue[before] for _day, before in phase if before is not None and before in revenue]
        mean = sum(known) / len(known) if known else 0.0
        for _day, before in phase:
            if mean > 0 and before is not None and before in revenue:
                shape.append(round(revenue[before] / mean, 4))
                known_any = True
            else:
                shape.append(1.0)
    return shape if known_any else []


def festival_pattern(revenue: Mapping[date, float], year: int, weekday: Sequence[float], ordinary: Iterable[date]) -> list[float] | None:
    """Each festival day of `year` (FESTIVAL_DAYS) against an ordinary day of
    its weekday and month (the month's mean ordinary day × the weekday's
    factor). None unless last year knows every festival day and its months."""
    ordinary_by_month: dict[int, list[float]] = {}
    for day in ordinary:
        if day in revenue:
            ordinary_by_month.setdefault(day.month, []).append(revenue[day])
    pattern = []
    for day in spring_festival_days(year):
        month = ordinary_by_month.get(day.month)
        if day.year != year or day not in revenue or not month:
            return None
        level = sum(month) / len(month) * weekday[day.weekday()]
        if level <= 0:
            return None
        pattern.append(round(revenue[day] / level, 4))
    return pattern


def last_year_shape(
    plan: TargetPlan, revenue: Mapping[date, float], last_years: Sequence[Campaign] = ()
) -> tuple[list[float] | None, list[float] | None, dict[str, list[float]]]:
    """(weekday pattern, festival pattern, each campaign's shape by id) from
    last year's daily revenue; None / {} where last year says too little."""
    last_year = plan.year - 1
    runs = {c.id: aligned_days(c, last_year_campaign(c, plan.year, last_years)) for c in plan.campaigns}
    campaign_days = {before for run in runs.values() for phase in run for _day, before in phase if before is not None}
    campaign_days |= {
        day for c in plan.campaigns for first, last, _w in last_year_campaign(c, plan.year, last_years) for day in _days(first, last)
    }
    festival = set(spring_festival_days(last_year))
    pattern = weekday_pattern(revenue.items(), last_year, campaign_days | festival)
    shapes = {cid: shape for cid, run in runs.items() if (shape := campaign_shape(run, revenue))}
    ordinary = [day for day in revenue if day.year == last_year and day not in campaign_days and day not in festival]
    festive = festival_pattern(revenue, last_year, pattern, ordinary) if pattern is not None else None
    return pattern, festive, shapes
