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


# Two years loaded: November 2025 at 20,000 a day (no plan for 2025), then
# 1 October – 20 November 2026 at 15,000 a day. October's target is 300,000
# (3,750,000 / 12.5), November's to the 20th 350,000 (above).
TWO_YEARS = [
    DailyMetric(date=date(2025, 11, 1) + timedelta(days=i), channel="", pv=3_000, uv=1_000, orders=80, revenue=20_000) for i in range(30)
] + [DailyMetric(date=date(2026, 10, 1) + timedelta(days=i), channel="", pv=3_000, uv=1_000, orders=60, revenue=15_000) for i in range(51)]


def test_view_3_the_monthly_and_the_weekly_review_give_one_answer_and_one_label():
    plan = campaign_plan()
    pva = plan_vs_actual(plan, TWO_YEARS)
    data = ReviewData(TWO_YEARS)
    monthly, weekly = data.report("month", None, plan), data.report("week", None, plan)

    # November to the 20th: the same target, actual, attainment and days everywhere
    november = pva.months[-1]
    [month_row] = [row for row in monthly.rows if row.label == "2026-11"]
    assert (month_row.target, month_row.revenue, month_row.attainment) == (350_000, 300_000, november.attainment)
    assert month_row.title == "2026-11 (20 of 30 days)"

    # the week of 16–22 November has data on 16–20: five days of target, and says so
    [week_row] = [row for row in weekly.rows if row.start == date(2026, 11, 16)]
    week = period_attainment(plan, date(2026, 11, 16), date(2026, 11, 22), pva.cutoff, 75_000)
    assert (week_row.target, week_row.revenue, week_row.attainment) == (week.target, 75_000, week.attainment) == (50_000, 75_000, 1.5)
    assert week_row.title == "2026-W47 (5 of 7 days)"
    # the week of 28 September – 4 October counts from 1 October, where view 3's year to date starts
    first_week = weekly.rows[-8]
    assert (first_week.start, first_week.title) == (date(2026, 9, 28), "2026-W40 (4 of 7 days)")
    assert first_week.target == pytest.approx(4 * 300_000 / 31, abs=0.01)

    # the year to date: view 3's, the monthly and the weekly total are one answer
    assert (pva.ytd_target, pva.ytd_actual) == (650_000, 765_000)
    for report in (monthly, weekly):
        last_year, this_year = report.year_totals
        assert (this_year.target, this_year.revenue, this_year.attainment) == (650_000, 765_000, pva.ytd_attainment)
        assert this_year.title == "Total 2026 (51 of 365 days)"
        assert (this_year.start, this_year.end) == (pva.ytd_first, pva.cutoff)
        # 2025 stands apart: its own revenue, and no target beside it
        assert (last_year.revenue, last_year.target, last_year.title) == (600_000, None, "Total 2025 (30 of 365 days)")
    assert sum(row.target for row in weekly.rows if row.target is not None) == pytest.approx(650_000)

    # and the exports say the same
    view3 = tables(targets_markdown(plan, monthly_breakdown(plan), budget_balance(plan), pva, "Targets"))
    [actuals] = [t for t in view3 if t[0][0] == "Month" and "Attainment" in t[0]]
    assert actuals[2][:4] == ["Nov (20 of 30 days)", "350,000", "300,000", "85.7%"]
    assert actuals[3][:4] == ["Year to date, 2026-10-01 – 2026-11-20 (51 of 365 days)", "650,000", "765,000", "117.7%"]
    month_table, week_table = tables(review_markdown(monthly, weekly, "Review", "CNY"))
    assert month_table[-3][0] == "2026-11 (20 of 30 days)" and month_table[-3][-2:] == ["350,000", "85.7%"]
    for table in (month_table, week_table):
        assert table[-2][0] == "Total 2025 (30 of 365 days)" and table[-2][-2:] == ["n/a", "n/a"]
        assert table[-1][0] == "Total 2026 (51 of 365 days)" and table[-1][-2:] == ["650,000", "117.7%"]
    assert [row[0] for row in week_table if row[1] == "2026-11-16"] == ["2026-W47 (5 of 7 days)"]


def test_view_3s_month_table_says_the_same(tmp_path, monkeypatch: pytest.MonkeyPatch):
    """View 3's table (the rows MonthTable draws) beside view 4's: November
    to the 20th, 350,000 against 300,000, 85.7 %, labelled with its days; the
    total is the year to date with its days, as view 4's 'Total 2026'."""
    from opsboard.model.activity import Operation, OpKind, Table
    from opsboard.services.board_files import init_board
    from opsboard.services.targets import targets_view
    from opsboard.tui.widgets.month_table import table_rows

    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-21T09:00:00+00:00")
    store = init_board(tmp_path / "b.json", user="ana", name="Shop", year=2026)
    store.apply(Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id="plan", after=campaign_plan().to_doc()))
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=[m.to_doc() | {"id": m.id} for m in TWO_YEARS]))
    rows = {key: cells for key, cells, _behind in table_rows(targets_view(store), compact=False)}
    november, total = rows["11"], rows["total"]
    assert (november["month"], november["target"], november["target_to_date"]) == ("Nov (20 of 30 days)", "450,000", "350,000")
    assert (november["actual"], november["attainment"]) == ("300,000", "85.7%")
    assert (total["month"], total["target_to_date"], total["actual"], total["attainment"]) == (
        "Total (51 of 365 days)",
        "650,000",
        "765,000",
        "117.7%",
    )
    [this_year] = [t for t in ReviewData(TWO_YEARS).report("month", None, campaign_plan()).year_totals if t.year == 2026]
    assert this_year.title == "Total 2026 (51 of 365 days)" and (this_year.target, this_year.revenue) == (650_000, 765_000)
