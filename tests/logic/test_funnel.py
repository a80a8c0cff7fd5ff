"""The back office's definitions over days: unknown figures stay unknown,
conversion and order value divide by paying buyers where known."""

from datetime import date

import pytest

from opsboard.logic.monthly_actuals import monthly_actuals
from opsboard.logic.review import ReviewData
from opsboard.model import DailyMetric


def test_conversion_and_order_value_per_buyer_as_the_back_office_counts():
    # 生意参谋's own figures for one day: 支付转化率 2.91%, 客单价 182.44
    day = DailyMetric(date=date(2025, 1, 1), pv=30000, uv=10000, orders=313, buyers=291, revenue=53090.04, refunds=1000)
    month = monthly_actuals([day], 2025)[1]
    assert (month.conversion_basis, round(month.conversion * 100, 2)) == ("buyers", 2.91)
    assert (month.order_value_basis, round(month.order_value, 2)) == ("buyers", 182.44)
    assert month.net_revenue == pytest.approx(52090.04)


def test_orders_stand_in_only_when_no_day_knows_buyers():
    days = [DailyMetric(date=date(2025, 1, d), pv=100, uv=50, orders=5, revenue=500) for d in (1, 2)]
    month = monthly_actuals(days, 2025)[1]
    assert (month.conversion_basis, month.conversion, month.order_value) == ("orders", 0.1, 100.0)
    assert month.net_revenue is None  # no refunds known: no net figure, not revenue − 0


def test_unknown_traffic_stays_unknown_not_zero():
    # 抖店: no shop PV/UV
    days = [DailyMetric(date=date(2025, 2, d), channel="抖音", orders=10, buyers=8, revenue=800, ad_spend=None) for d in (1, 2)]
    report = ReviewData(days).report("month")
    row = report.rows[0]
    assert (row.pv, row.uv, row.conversion, row.ad_spend, row.roi) == (None, None, None, None, None)
    assert (row.buyers, row.order_value, row.order_value_basis) == (16, 100.0, "buyers")
    month = monthly_actuals(days, 2025)[2]
    assert (month.uv, month.revenue) == (None, 1600.0)


def test_a_spend_only_row_adds_spend_without_touching_the_shop_figures():
    shop = DailyMetric(date=date(2025, 3, 1), channel="抖音", orders=10, revenue=1000, ad_spend=None)
    spend = DailyMetric(date=date(2025, 3, 1), channel="抖音", source="巨量千川", ad_spend=250, revenue=None)
    assert spend.id == "2025-03-01|抖音|巨量千川" and shop.id == "2025-03-01|抖音"
    row = ReviewData([shop, spend]).report("day").rows[0]
    assert (row.revenue, row.orders, row.ad_spend, row.roi, row.days) == (1000.0, 10, 250.0, 4.0, 1)


def test_daily_report_compares_with_the_day_before_and_a_year_before():
    days = [
        DailyMetric(date=date(2024, 3, 2), pv=10, uv=5, orders=1, revenue=100),
        DailyMetric(date=date(2025, 3, 1), pv=10, uv=5, orders=1, revenue=100),
        DailyMetric(date=date(2025, 3, 2), pv=10, uv=5, orders=1, revenue=150),
    ]
    report = ReviewData(days).report("day")
    assert [row.label for row in report.rows] == ["2024-03-02", "2025-03-01", "2025-03-02"]
    last = report.rows[-1]
    assert (last.revenue_growth, last.revenue_growth_yoy, last.partial) == (0.5, 0.5, False)
