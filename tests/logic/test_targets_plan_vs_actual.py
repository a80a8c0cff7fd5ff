"""Plan vs actual, worked by hand on a flat plan: 150,000 a month at 2 % conversion
and 250 order value, so 30,000 visitors a month (a UV is worth 0.02 × 250 = 5)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from opsboard.logic.targets import monthly_actuals, plan_vs_actual
from opsboard.model import DailyMetric, TargetPlan

PLAN = TargetPlan(
    year=2025,
    annual_target=1_800_000,
    seasonality=[1.0] * 12,
    conversion=[0.02] * 12,
    order_value=[250.0] * 12,
)


def days(year: int, month: int, count: int, channels=("",), **figures) -> list[DailyMetric]:
    """`count` days from the 1st, each with the same figures (split evenly over channels)."""
    n = len(channels)
    share = {key: value / n if key == "revenue" else value // n for key, value in figures.items()}
    first = date(year, month, 1)
    return [DailyMetric(date=first + timedelta(days=i), channel=channel, **share) for i in range(count) for channel in channels]


# January, all 31 days: 1,000 UV, 18 orders, 4,680 revenue a day →
# UV 31,000, orders 558, revenue 145,080; conversion 0.018, order value 260.
JANUARY = days(2025, 1, 31, pv=3_000, uv=1_000, orders=18, revenue=4_680)
# February, 14 of its 28 days: 1,000 UV, 20 orders, 5,000 a day → 14,000 UV, 280 orders, 70,000
FEBRUARY_HALF = days(2025, 2, 14, pv=2_000, uv=1_000, orders=20, revenue=5_000)


def test_a_whole_month_worked_by_hand():
    january = plan_vs_actual(PLAN, JANUARY).months[0]
    assert (january.month, january.days_with_actuals, january.days) == (1, 31, 31)
    assert (january.target, january.target_to_date, january.actual) == (150_000, 150_000, pytest.approx(145_080))
    assert january.attainment == pytest.approx(145_080 / 150_000)  # 96.7 %
    assert january.gap == pytest.approx(-4_920)
    assert january.actual_uv == 31_000
    assert january.actual_conversion == pytest.approx(0.018)
    assert january.actual_order_value == pytest.approx(260)
    effects = january.effects
    assert effects.traffic == pytest.approx(5_000)  # (31,000 − 30,000) × 0.02 × 250
    assert effects.conversion == pytest.approx(-15_500)  # 31,000 × (0.018 − 0.02) × 250
    assert effects.order_value == pytest.approx(5_580)  # 31,000 × 0.018 × (260 − 250) = 558 × 10
    assert effects.total == pytest.approx(january.gap)
    assert (january.lever, january.department) == ("conversion", "customer_service")
    assert january.departments == ("customer_service", "design")


def test_a_month_in_progress_is_compared_with_its_target_to_date():
    february = plan_vs_actual(PLAN, FEBRUARY_HALF).months[0]
    # 14 of 28 days: target to date 75,000, planned UV 15,000
    assert (february.days_with_actuals, february.days) == (14, 28)
    assert february.target == 150_000
    assert february.target_to_date == pytest.approx(75_000)
    assert february.plan_uv == pytest.approx(15_000)
    assert february.gap == pytest.approx(-5_000)  # 70,000 − 75,000
    assert february.attainment == pytest.approx(70_000 / 75_000)
    assert february.effects.traffic == pytest.approx(-5_000)  # (14,000 − 15,000) × 5
    assert february.effects.conversion == pytest.approx(0)
    assert february.effects.order_value == pytest.approx(0)
    assert (february.lever, february.department) == ("traffic", "marketing")


def test_year_to_date_and_forecast():
    result = plan_vs_actual(PLAN, JANUARY + FEBRUARY_HALF)
    assert [m.month for m in result.months] == [1, 2]
    assert result.last_month == 2
    assert result.ytd_target == pytest.approx(225_000)  # 150,000 + 75,000
    assert result.ytd_actual == pytest.approx(215_080)  # 145,080 + 70,000
    assert result.ytd_gap == pytest.approx(-9_920)
    assert result.ytd_attainment == pytest.approx(215_080 / 225_000)
    # traffic +5,000 − 5,000; conversion −15,500; order value +5,580; sum −9,920
    assert result.ytd_effects.traffic == pytest.approx(0)
    assert result.ytd_effects.conversion == pytest.approx(-15_500)
    assert result.ytd_effects.order_value == pytest.approx(5_580)
    assert (result.lever, result.department) == ("conversion", "customer_service")
    # the rest of the year, 1,800,000 − 225,000 = 1,575,000 = 7 × 225,000, earns at the same rate:
    # 215,080 + 7 × 215,080 = 1,720,640
    assert result.forecast == pytest.approx(1_720_640)
    assert result.forecast_gap == pytest.approx(-79_360)
    assert result.forecast_attainment == pytest.approx(1_720_640 / 1_800_000)


def test_a_gap_month_is_forecast_like_the_future():
    # March has data, February none: February's 150,000 is forecast at March's rate (100 %).
    march = days(2025, 3, 31, pv=2_000, uv=1_000, orders=20, revenue=5_000)  # 155,000 against 150,000
    result = plan_vs_actual(PLAN, JANUARY + march)
    assert [m.month for m in result.months] == [1, 3]
    assert result.ytd_target == 300_000
    assert result.ytd_actual == pytest.approx(300_080)
    assert result.forecast == pytest.approx(300_080 + 1_500_000 * 300_080 / 300_000)


def test_channels_are_summed_and_other_years_ignored():
    split = days(2025, 1, 31, channels=("Tmall", "JD"), pv=3_000, uv=1_000, orders=18, revenue=4_680)
    last_year = days(2024, 1, 31, pv=10, uv=5, orders=1, revenue=1_000_000)
    january = plan_vs_actual(PLAN, split + last_year).months[0]
    assert january.actual == pytest.approx(145_080)
    assert january.actual_uv == 31_000


def test_no_visitors_blames_traffic_only():
    march = days(2025, 3, 31, pv=0, uv=0, orders=0, revenue=0)
    row = plan_vs_actual(PLAN, march).months[0]
    assert (row.actual_conversion, row.actual_order_value, row.attainment) == (None, None, 0)
    # (0 − 30,000) × 5 = −150,000: all of the gap
    assert (row.effects.traffic, row.effects.conversion, row.effects.order_value) == (-150_000, 0, 0)
    assert row.lever == "traffic"


def test_visitors_without_orders():
    # April: 100 UV a day for 30 days = 3,000 UV, no orders
    april = days(2025, 4, 30, pv=100, uv=100, orders=0, revenue=0)
    row = plan_vs_actual(PLAN, april).months[0]
    assert row.actual_conversion == 0
    assert row.actual_order_value is None
    assert row.effects.traffic == pytest.approx(-135_000)  # (3,000 − 30,000) × 5
    assert row.effects.conversion == pytest.approx(-15_000)  # 3,000 × (0 − 0.02) × 250
    assert row.effects.order_value == pytest.approx(0)
    assert row.lever == "traffic"


def test_ahead_of_plan_has_no_lever_to_act_on():
    march = days(2025, 3, 31, pv=3_000, uv=1_000, orders=20, revenue=5_000)  # UV 31,000 at plan rates
    row = plan_vs_actual(PLAN, march).months[0]
    assert row.gap == pytest.approx(5_000)
    assert (row.lever, row.department, row.departments) == (None, None, ())


def test_month_with_zero_target():
    seasonality = [1.0] * 12
    seasonality[0] = 0.0
    plan = PLAN.model_copy(update={"seasonality": seasonality})
    row = plan_vs_actual(plan, JANUARY).months[0]
    assert row.target == 0
    assert row.attainment is None
    assert row.gap == pytest.approx(145_080)
    assert row.effects.total == pytest.approx(145_080)
    assert row.lever == "conversion"  # 0.018 against 0.02 still costs sales


def test_unreachable_plan_month_has_no_split():
    conversion = [0.02] * 12
    conversion[0] = 0.0
    plan = PLAN.model_copy(update={"conversion": conversion})
    result = plan_vs_actual(plan, JANUARY)
    assert result.months[0].effects is None
    assert result.months[0].lever is None
    assert result.ytd_effects is None
    assert result.ytd_gap == pytest.approx(-4_920)


def test_no_actuals():
    result = plan_vs_actual(PLAN, days(2024, 1, 31, pv=10, uv=5, orders=1, revenue=100))
    assert not result.has_actuals
    assert (result.months, result.last_month, result.forecast, result.lever) == ((), None, None, None)
    assert (result.ytd_target, result.ytd_actual, result.ytd_attainment) == (0, 0, None)


def test_monthly_actuals_counts_days_once_across_channels():
    split = days(2025, 2, 10, channels=("Tmall", "JD"), pv=100, uv=50, orders=4, revenue=400)
    february = monthly_actuals(split, 2025)[2]
    assert (february.days, february.days_in_month, february.uv, february.orders) == (10, 28, 500, 40)
    assert february.revenue == pytest.approx(4_000)
    assert february.covered == pytest.approx(10 / 28)
