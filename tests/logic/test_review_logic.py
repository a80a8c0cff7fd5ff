"""Review reports against figures computed by hand on small fixtures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from opsboard.logic.review import ReviewData, channels_in, review_report
from opsboard.logic.review_periods import period_label, period_target, week_key, year_ago_key
from opsboard.model import Channel, DailyMetric, TargetPlan


def days(first: date, last: date, skip: tuple[date, ...] = ()) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1) if first + timedelta(n) not in skip]


def metric(day: date, channel: str, pv: int, uv: int, orders: int, revenue: float, ad_spend: float = 0.0):
    return DailyMetric(date=day, channel=channel, pv=pv, uv=uv, orders=orders, revenue=revenue, ad_spend=ad_spend)


MISSING = date(2025, 1, 8)


def three_weeks() -> list[DailyMetric]:
    """2025-W01 (2024-12-30..2025-01-05, across a month and a year end), 2025-W02
    without Wednesday 8 January, and 2025-W03 with channel A only and no ad spend.

    Per day, A / B:                 W01 totals: pv 1050, uv 350, orders 35, revenue 3500, ad 350
      W01  100/40/4/400/50  +  50/10/1/100/0
      W02  100/50/5/600/60  +  50/10/1/100/0   (6 days) pv 900, uv 360, orders 36, revenue 4200, ad 360
      W03  100/40/4/400/0   (A only)                   pv 700, uv 280, orders 28, revenue 2800, ad 0
    """
    rows = []
    for day in days(date(2024, 12, 30), date(2025, 1, 5)):
        rows += [metric(day, "A", 100, 40, 4, 400, 50), metric(day, "B", 50, 10, 1, 100)]
    for day in days(date(2025, 1, 6), date(2025, 1, 12), skip=(MISSING,)):
        rows += [metric(day, "A", 100, 50, 5, 600, 60), metric(day, "B", 50, 10, 1, 100)]
    for day in days(date(2025, 1, 13), date(2025, 1, 19)):
        rows.append(metric(day, "A", 100, 40, 4, 400))
    return rows


def flat_plan(**extra) -> TargetPlan:
    # 12 equal months: every month of 2025 has a target of 100,000.
    return TargetPlan(year=2025, annual_target=1_200_000, seasonality=[1.0] * 12, **extra)


def test_weekly_totals_over_all_channels():
    report = review_report(three_weeks(), "week")
    w1, w2, w3 = report.rows
    assert [r.label for r in report.rows] == ["2025-W01", "2025-W02", "2025-W03"]
    assert (w1.start, w1.end) == (date(2024, 12, 30), date(2025, 1, 5))
    assert (w1.pv, w1.uv, w1.orders, w1.revenue, w1.ad_spend) == (1050, 350, 35, 3500.0, 350.0)
    assert (w1.days, w1.partial) == (7, False)
    assert w1.pv_per_uv == pytest.approx(3.0)
    assert w1.conversion == pytest.approx(0.1)
    assert w1.order_value == pytest.approx(100.0)
    assert w1.roi == pytest.approx(10.0)
    assert w1.pv_growth is None and w1.uv_growth is None and w1.revenue_growth is None
    assert (w2.pv, w2.uv, w2.orders, w2.revenue, w2.ad_spend) == (900, 360, 36, 4200.0, 360.0)
    assert (w2.days, w2.partial) == (6, True)
    # W02 has 6 days of data: growth per day of data (pv 150/day both weeks, uv 60 vs 50, revenue 700 vs 500)
    assert w2.pv_growth == pytest.approx(0.0)
    assert w2.uv_growth == pytest.approx(0.2)
    assert w2.revenue_growth == pytest.approx(0.4)
    assert w2.roi == pytest.approx(4200 / 360)
    assert (w3.pv, w3.uv, w3.orders, w3.revenue, w3.ad_spend) == (700, 280, 28, 2800.0, 0.0)
    assert w3.roi is None  # no ad spend: no ROI, not infinity
    assert w3.uv_growth == pytest.approx(40 / 60 - 1)  # 7 whole days against W02's 6: per day
    assert w1.target is None and w1.attainment is None


def test_one_totals_row_per_year_never_across_years():
    report = review_report(three_weeks(), "week")
    last_year, this_year = report.year_totals
    # 30–31 Dec 2024: two days of W01 (A 100/40/4/400/50 + B 50/10/1/100/0 a day)
    assert (last_year.label, last_year.start, last_year.end) == ("Total 2024", date(2024, 12, 30), date(2024, 12, 31))
    assert (last_year.pv, last_year.uv, last_year.orders, last_year.revenue, last_year.ad_spend) == (300, 100, 10, 1000.0, 100.0)
    assert (last_year.days, last_year.covered, last_year.period_days) == (2, 2, 366)
    assert last_year.title == "Total 2024 (2 of 366 days)"
    # 1–19 Jan 2025 less the missing 8 January: 18 days
    assert (this_year.start, this_year.end) == (date(2025, 1, 1), date(2025, 1, 19))
    assert (this_year.pv, this_year.uv, this_year.orders, this_year.revenue, this_year.ad_spend) == (2350, 890, 89, 9500.0, 610.0)
    assert (this_year.days, this_year.partial) == (18, True)
    assert this_year.title == "Total 2025 (18 of 365 days)"
    assert report.totals is this_year
    assert this_year.roi == pytest.approx(9500 / 610)
    assert this_year.uv_growth is None and this_year.uv_growth_yoy is None


def test_monthly_split_at_the_month_and_year_end():
    report = review_report(three_weeks(), "month")
    dec, jan = report.rows
    assert (dec.label, dec.start, dec.end) == ("2024-12", date(2024, 12, 1), date(2024, 12, 31))
    assert (dec.days, dec.partial) == (2, True)
    assert (dec.pv, dec.uv, dec.orders, dec.revenue, dec.ad_spend) == (300, 100, 10, 1000.0, 100.0)
    assert (jan.label, jan.days, jan.partial) == ("2025-01", 18, True)
    assert (jan.pv, jan.uv, jan.orders, jan.revenue, jan.ad_spend) == (2350, 890, 89, 9500.0, 610.0)
    # 18 days against December's 2: per day of data, uv 890/18 against 50, revenue 9500/18 against 500
    assert jan.uv_growth == pytest.approx(890 / 900 - 1)
    assert jan.revenue_growth == pytest.approx(9500 / 9000 - 1)
    # Every month is partial, so best and worst come from all of them.
    assert (report.best.label, report.worst.label) == ("2025-01", "2024-12")


def test_best_and_worst_skip_partial_periods():
    report = review_report(three_weeks(), "week")
    # 2025-W02 has the most revenue (4,200) but a missing day.
    assert report.best.label == "2025-W01"
    assert report.worst.label == "2025-W03"


def test_one_channel_and_the_channel_list():
    data = ReviewData(three_weeks())
    b = data.report("week", "B")
    assert [r.label for r in b.rows] == ["2025-W01", "2025-W02"]
    assert (b.rows[0].pv, b.rows[0].uv, b.rows[0].orders, b.rows[0].revenue) == (350, 70, 7, 700.0)
    assert b.rows[0].roi is None
    assert (b.rows[1].pv, b.rows[1].revenue, b.rows[1].days, b.rows[1].partial) == (300, 600.0, 6, True)
    a = data.report("week", "A")
    assert [r.revenue for r in a.rows] == [2800.0, 3600.0, 2800.0]
    total = data.report("week")
    assert [r.revenue for r in total.rows] == [ra.revenue + rb.revenue for ra, rb in zip(a.rows, b.rows, strict=False)] + [2800.0]
    assert b.channel == "B" and total.channel is None
    assert total.channels == ("A", "B")
    assert channels_in(three_weeks() + [metric(date(2025, 2, 1), "", 1, 1, 0, 0)]) == ["A", "B"]
    assert data.report("week", "nowhere").rows == ()


def test_growth_against_a_zero_period_is_none():
    quiet = [metric(d, "", 0, 0, 0, 0) for d in days(date(2025, 3, 3), date(2025, 3, 9))]
    busy = [metric(d, "", 10, 5, 1, 50) for d in days(date(2025, 3, 10), date(2025, 3, 16))]
    first, second = review_report(quiet + busy, "week").rows
    assert first.pv_per_uv is None and first.conversion is None and first.order_value is None
    assert second.pv_growth is None and second.uv_growth is None and second.revenue_growth is None
    assert second.uv == 35


def test_growth_against_a_partial_week_compares_per_day_of_data():
    # The demo's W45 read +389.9% UV against W44's 1 of 7 days: like with like, per day.
    w44 = [metric(date(2026, 11, 8), "", 200, 100, 5, 500)]  # Sunday only
    w45 = [metric(d, "", 180, 70 + d.day, 4, 400) for d in days(date(2026, 11, 9), date(2026, 11, 15))]
    w46 = [metric(d, "", 180, 70, 4, 400) for d in days(date(2026, 11, 16), date(2026, 11, 18))]
    rows = review_report(w44 + w45 + w46, "week").rows
    assert [r.title for r in rows] == ["2026-W45 (1 of 7 days)", "2026-W46", "2026-W47 (3 of 7 days)"]
    uv45 = sum(70 + d for d in range(9, 16))  # 574 over 7 days, 82 a day
    assert rows[1].uv_growth == pytest.approx(82 / 100 - 1)  # not 574 / 100 - 1 = +474%
    assert rows[1].pv_growth == pytest.approx(180 / 200 - 1)
    assert rows[1].revenue_growth == pytest.approx(400 / 500 - 1)
    assert rows[2].uv_growth == pytest.approx(70 / (uv45 / 7) - 1)  # 3 days against 7: per day, not 210 / 574 - 1


def test_growth_against_a_missing_period_is_none():
    one = [metric(date(2025, 3, 3), "", 10, 5, 1, 50)]
    three_later = [metric(date(2025, 3, 24), "", 20, 10, 1, 50)]
    assert review_report(one + three_later, "week").rows[1].uv_growth is None


def test_year_on_year_weekly():
    year_ago = [metric(d, "A", 50, 25, 2, 100) for d in days(date(2024, 1, 1), date(2024, 1, 7))]
    rows = review_report(year_ago + three_weeks(), "week").rows
    assert rows[0].label == "2024-W01" and rows[1].label == "2025-W01"
    assert rows[1].uv_growth_yoy == pytest.approx(350 / 175 - 1)
    assert rows[1].pv_growth_yoy == pytest.approx(2.0)
    assert rows[1].revenue_growth_yoy == pytest.approx(3500 / 700 - 1)
    assert rows[1].uv_growth is None  # 2024-W52 has no data
    assert rows[2].uv_growth_yoy is None  # no 2024-W02


def two_years() -> list[DailyMetric]:
    """Every day of 2024 and 2025: pv 10 / uv 5 / revenue 10×month in 2024,
    pv 12 / uv 6 / revenue 12×month in 2025, one order a day."""
    rows = []
    for day in days(date(2024, 1, 1), date(2025, 12, 31)):
        scale = 10 if day.year == 2024 else 12
        rows.append(metric(day, "", scale, scale // 2, 1, scale * day.month, ad_spend=day.month))
    return rows


def test_year_on_year_monthly_and_best_worst():
    report = review_report(two_years(), "month")
    assert len(report.rows) == 24
    by_label = {r.label: r for r in report.rows}
    march = by_label["2025-03"]
    assert (march.uv, march.revenue, march.ad_spend) == (186, 31 * 36.0, 93.0)
    assert march.uv_growth_yoy == pytest.approx(0.2)
    assert march.revenue_growth_yoy == pytest.approx(0.2)
    assert by_label["2025-02"].uv_growth_yoy == pytest.approx(28 * 6 / (29 * 5) - 1)  # 2024 was a leap year
    assert by_label["2024-03"].uv_growth_yoy is None
    assert report.best.label == "2025-12" and report.worst.label == "2024-01"
    assert not any(r.partial for r in report.rows)
    weekly = review_report(two_years(), "week")
    assert {r.label: r for r in weekly.rows}["2025-W10"].uv_growth_yoy == pytest.approx(0.2)


def test_targets_and_attainment():
    plan = flat_plan()
    weekly = review_report(three_weeks(), "week", plan=plan)
    w1, w2, w3 = weekly.rows
    # W01 has five of its days in 2025 (the plan's year), each 100,000 / 31.
    assert w1.target == pytest.approx(500_000 / 31)
    assert w1.attainment == pytest.approx(2500 / (500_000 / 31))  # 2024's two days left out
    assert w2.target == pytest.approx(700_000 / 31)
    assert w2.attainment == pytest.approx(4200 / (700_000 / 31))
    assert weekly.totals.target == pytest.approx(1_900_000 / 31)
    assert weekly.totals.attainment == pytest.approx(9500 / (1_900_000 / 31))
    monthly = review_report(three_weeks(), "month", plan=plan)
    dec, jan = monthly.rows
    assert dec.target is None and dec.attainment is None  # outside the plan's year
    # January to the last day with data (19 January): 19 of 31 days' targets
    assert jan.target == pytest.approx(100_000 * 19 / 31, abs=0.01)
    assert jan.attainment == pytest.approx(9_500 / (100_000 * 19 / 31), rel=1e-6)
    assert monthly.totals.target == pytest.approx(100_000 * 19 / 31, abs=0.01)


def test_channel_targets_use_the_plan_share():
    plan = flat_plan(channels=[Channel(id="a", name="a", share=0.75), Channel(id="b", name="B", share=0.25)])
    data = ReviewData(three_weeks())
    jan = data.report("month", "A", plan).rows[1]
    # January to the last day with data, 19 January: 19 of its 31 days
    assert jan.target == pytest.approx(75_000 * 19 / 31, abs=0.01)
    assert jan.attainment == pytest.approx(8400 / (75_000 * 19 / 31), rel=1e-6)
    assert data.report("month", "B", plan).rows[1].target == pytest.approx(25_000 * 19 / 31, abs=0.01)
    assert data.report("month", "nowhere", plan).rows == ()
    assert period_target(plan, "C", date(2025, 1, 1), date(2025, 1, 31)) is None


def test_seasonality_spreads_the_target():
    plan = TargetPlan(year=2025, annual_target=1_000_000, seasonality=[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0])
    # Whole units as in the targets view: 2,000,000 / 12 rounds up to 166,667 (largest remainder).
    assert period_target(plan, None, date(2025, 11, 1), date(2025, 11, 30)) == pytest.approx(166_667)
    # 2025-W48 .. a week across November and December: 6 November days, 1 December day worth 0.
    assert period_target(plan, None, date(2025, 11, 24), date(2025, 11, 30)) == pytest.approx(166_667 * 7 / 30)
    assert period_target(plan, None, date(2025, 12, 29), date(2026, 1, 4)) == pytest.approx(0.0)
    assert period_target(plan, None, date(2026, 1, 5), date(2026, 1, 11)) is None


def test_week_labels_and_year_ago_weeks():
    assert period_label("week", week_key(date(2025, 1, 1).toordinal())) == "2025-W01"
    assert period_label("week", week_key(date(2025, 11, 12).toordinal())) == "2025-W46"
    assert period_label("week", week_key(date(2025, 12, 29).toordinal())) == "2026-W01"
    assert date.fromordinal(week_key(date(2025, 1, 5).toordinal())) == date(2024, 12, 30)
    assert year_ago_key("week", date(2026, 12, 28).toordinal()) is None  # 2025 had no W53
    assert date.fromordinal(year_ago_key("week", date(2025, 12, 29).toordinal())) == date(2024, 12, 30)


def test_empty_metrics_and_bad_period():
    report = review_report([], "month")
    assert report.rows == () and report.totals is None and report.best is None and report.worst is None
    assert report.empty and report.channels == ()
    with pytest.raises(ValueError, match="week"):
        review_report(three_weeks(), "year")  # type: ignore[arg-type]


def test_reports_are_cached():
    data = ReviewData(three_weeks())
    assert data.report("month", "A", flat_plan()) is data.report("month", "A", flat_plan())
    assert data.report("month", "A") is not data.report("month", "A", flat_plan())
