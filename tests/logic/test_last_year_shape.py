"""Last year's daily actuals laid over this year by weekday, by campaign day
and by the lunar calendar (logic/last_year_shape.py), worked by hand.

2025, the year before the plan: every ordinary day sells 10,000. 双11 ran at
Tmall's preset dates: 预售 20–31 Oct (its first day, the deposit day, 40,000;
the others 20,000), 正式 1–10 Nov (30,000), 11 Nov (100,000), 返场 12–13 Nov
(15,000). Spring Festival 2025 was 29 January: from 10 days before to 7
after, 3,000 a day.

2026, the plan year: 双11's 预售 starts later, on 24 October (8 days); Spring
Festival is 17 February.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from opsboard.logic.day_targets import day_curve, weekday_pattern
from opsboard.logic.last_year_shape import last_year_shape
from opsboard.model import Campaign, TargetPlan

SPRING_FESTIVAL_2025 = date(2025, 1, 29)


def revenue_2025() -> dict[date, float]:
    days = {date(2025, 1, 1) + timedelta(days=i): 10_000.0 for i in range(365)}
    for i in range(12):
        days[date(2025, 10, 20) + timedelta(days=i)] = 40_000.0 if i == 0 else 20_000.0
    for i in range(10):
        days[date(2025, 11, 1) + timedelta(days=i)] = 30_000.0
    days[date(2025, 11, 11)] = 100_000.0
    days[date(2025, 11, 12)] = days[date(2025, 11, 13)] = 15_000.0
    for offset in range(-10, 8):
        days[SPRING_FESTIVAL_2025 + timedelta(days=offset)] = 3_000.0
    return days


def plan_2026() -> TargetPlan:
    double11 = Campaign(
        id="d11",
        name="双11",
        platform="tmall",
        uplift=1.5,
        phases=[
            {"kind": "presale", "start": date(2026, 10, 24), "end": date(2026, 10, 31), "weight": 0.5},
            {"kind": "main", "start": date(2026, 11, 1), "end": date(2026, 11, 10), "weight": 1},
            {"kind": "main", "start": date(2026, 11, 11), "end": date(2026, 11, 11), "weight": 4},
            {"kind": "return", "start": date(2026, 11, 12), "end": date(2026, 11, 13), "weight": 0.5},
        ],
    )
    return TargetPlan(year=2026, annual_target=12_000_000, seasonality=[1.0] * 12, campaigns=[double11])


def test_last_years_campaign_days_are_found_at_last_years_dates_so_the_weekday_pattern_stays_flat():
    pattern, _festival, _shapes = last_year_shape(plan_2026(), revenue_2025())
    assert pattern == [1.0] * 7
    # Leaving out this year's dates a year earlier (24 Oct – 13 Nov 2025) would
    # count the deposit day 20 October and 21–23 October as ordinary days.
    moved = [date(2025, 10, 24) + timedelta(days=i) for i in range(21)] + [SPRING_FESTIVAL_2025 + timedelta(days=o) for o in range(-10, 8)]
    assert weekday_pattern(revenue_2025().items(), 2025, moved) != [1.0] * 7


def test_this_years_double_11_day_k_follows_last_years_double_11_day_k():
    plan = plan_2026()
    _pattern, _festival, shapes = last_year_shape(plan, revenue_2025())
    # 预售 day 1 (24 Oct 2026) ↔ 20 Oct 2025, the deposit day; days 2–8 ↔ 21–27 Oct.
    # Within the phase: 40,000 and 7 × 20,000, mean 22,500.
    presale = shapes["d11"][:8]
    assert presale == [pytest.approx(40 / 22.5, abs=1e-4)] + [pytest.approx(20 / 22.5, abs=1e-4)] * 7
    assert shapes["d11"][8:] == [1.0] * 13  # flat phases stay flat: their weights say it all

    shaped = plan.model_copy(update={"campaigns": [plan.campaigns[0].model_copy(update={"shape": shapes["d11"]})]})
    curve = day_curve(shaped)
    extra = [curve[(date(2026, 10, d) - date(2026, 1, 1)).days] - 1 for d in (24, 25, 26)]
    assert extra[0] == pytest.approx(2 * extra[1]) and extra[1] == pytest.approx(extra[2])  # the deposit day sells twice
    # the campaign's whole extra is the same: the shape moves sales between its days
    flat = day_curve(plan)
    assert sum(curve) == pytest.approx(sum(flat))


def test_spring_festival_moves_by_the_lunar_calendar():
    plan = plan_2026()
    pattern, festival, _shapes = last_year_shape(plan, revenue_2025())
    assert festival == [0.3] * 18  # 3,000 against an ordinary 10,000
    curve = day_curve(plan.model_copy(update={"weekday_pattern": pattern, "festival_pattern": festival}))

    def on(day: date) -> float:
        return curve[(day - date(2026, 1, 1)).days]

    # the trough falls on 2026's festival, 17 February, not on 29 January
    assert on(date(2026, 2, 17)) == pytest.approx(0.3 * on(date(2026, 2, 3)))
    assert on(date(2026, 1, 29)) == pytest.approx(on(date(2026, 1, 22)))
