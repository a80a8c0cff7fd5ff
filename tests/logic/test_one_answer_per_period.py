"""The same partial month gives the same target, actual and attainment in
view 3 (plan vs actual), view 4 (the review reports, month and week) and
both exports: the sum of the days' targets through the last day with data.

Plan: 2026, every month seasonality 1, 双11 on 2–10 Nov (weight 1) and 11 Nov
(weight 6) at +150 %: November's days weigh 1, 2 (2–10 Nov) and 7 (11 Nov),
45 in all; its target 450,000 of 3,750,000 (see test_day_targets). Actuals:
1–20 November, 15,000 a day. Through 20 Nov the target is 10,000 + 9 ×
20,000 + 70,000 + 9 × 10,000 = 350,000, the actual 300,000: 85.7 %. Spread
evenly it would have been 450,000 × 20 / 30 = 300,000 and read 100 %.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from gfm import tables
from test_day_targets import campaign_plan

from opsboard.export.review import review_markdown
from opsboard.export.targets import targets_markdown
from opsboard.logic.review import ReviewData
from opsboard.logic.targets import budget_balance, monthly_breakdown, period_attainment, plan_vs_actual
from opsboard.model import DailyMetric

NOVEMBER_TO_20 = [
    DailyMetric(date=date(2026, 11, 1) + timedelta(days=i), channel="", pv=3_000, uv=1_000, orders=60, revenue=15_000) for i in range(20)
]


def test_the_same_partial_month_everywhere():
    plan = campaign_plan()
    pva = plan_vs_actual(plan, NOVEMBER_TO_20)
    [november] = pva.months
    assert (november.target_to_date, november.actual, november.days_counted, november.days) == (350_000, 300_000, 20, 30)
    assert november.attainment == pytest.approx(300_000 / 350_000)

    period = period_attainment(plan, date(2026, 11, 1), date(2026, 11, 30), pva.cutoff, 300_000)
    assert (period.target, period.attainment) == (350_000, november.attainment)
    assert period.covers == "2026-11-01 – 2026-11-20 (20 of 30 days)"

    data = ReviewData(NOVEMBER_TO_20)
    [month_row] = data.report("month", None, plan).rows
    assert (month_row.target, month_row.revenue) == (350_000, 300_000)
    assert month_row.attainment == pytest.approx(november.attainment)

    # the week of 16–22 Nov has data on 16–20: five days of target, not seven
    week = [row for row in data.report("week", None, plan).rows if row.start == date(2026, 11, 16)][0]
    assert week.target == 50_000 and week.revenue == 75_000

    view3 = tables(targets_markdown(plan, monthly_breakdown(plan), budget_balance(plan), pva, "Targets"))
    [actuals] = [t for t in view3 if t[0][0] == "Month" and "Attainment" in t[0]]
    assert actuals[1][:4] == ["Nov (20 of 30 days)", "350,000", "300,000", "85.7%"]
    review = tables(review_markdown(data.report("month", None, plan), data.report("week", None, plan), "Review", "CNY"))
    assert review[0][1][-2:] == ["350,000", "85.7%"]
