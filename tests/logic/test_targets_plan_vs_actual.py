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
    # Shapley: a lever's change × the other two at plan (pp), one actual (ap, pa) or both (aa),
    # weighted 1/3, 1/6, 1/6, 1/3. Conversion × order value: pp 5, ap 4.5, pa 5.2, aa 4.68.
    assert effects.traffic == pytest.approx(1_000 * (5 / 3 + 4.5 / 6 + 5.2 / 6 + 4.68 / 3))  # +4,843.33
    # traffic × order value: pp 7,500,000, ap 7,750,000, pa 7,800,000, aa 8,060,000
    assert effects.conversion == pytest.approx(-0.002 * (7_500_000 / 3 + 7_750_000 / 6 + 7_800_000 / 6 + 8_060_000 / 3))
    # traffic × conversion: pp 600, ap 620, pa 540, aa 558
    assert effects.order_value == pytest.approx(10 * (600 / 3 + 620 / 6 + 540 / 6 + 558 / 3))  # +5,793.33
    assert effects.total == pytest.approx(january.gap)
    assert (january.lever, january.department) == ("conversion", "customer_service")
    assert january.departments == ("customer_service", "design")


def test_a_month_in_progress_is_compared_with_its_target_to_date():
    february = plan_vs_actual(PLAN, FEBRUARY_HALF).months[0]
    # 14 of 28 days: the first 14 days' targets, 75,000 to date, planned UV 15,000
    assert (february.days_with_actuals, february.days_counted, february.days) == (14, 14, 28)
    assert february.target == 150_000
    assert february.target_to_date == 75_000
    assert february.plan_uv == pytest.approx(15_000)
    assert february.gap == pytest.approx(-5_000)  # 70,000 − 75,000
    assert february.attainment == pytest.approx(70_000 / 75_000)
    # conversion and order value on plan: the whole gap is traffic's
    assert february.effects.traffic == pytest.approx(-5_000)  # (14,000 − 15,000) × 5
    assert february.effects.conversion == pytest.approx(0, abs=1e-6)
    assert february.effects.order_value == pytest.approx(0, abs=1e-6)
    assert (february.lever, february.department) == ("traffic", "marketing")


def test_year_to_date_and_forecast():
    result = plan_vs_actual(PLAN, JANUARY + FEBRUARY_HALF)
    assert [m.month for m in result.months] == [1, 2]
    assert result.last_month == 2
    assert result.ytd_target == 225_000  # 150,000 + 75,000
    assert result.ytd_actual == pytest.approx(215_080)  # 145,080 + 70,000
    assert result.ytd_gap == pytest.approx(-9_920)
    assert result.ytd_attainment == pytest.approx(215_080 / 225_000)
    assert result.ytd_covers == "2025-01-01 – 2025-02-14 (45 of 365 days)"
    # the months' splits added up: January's plus February's
    jan, feb = result.months
    assert result.ytd_effects.traffic == pytest.approx(jan.effects.traffic + feb.effects.traffic)
    assert result.ytd_effects.conversion == pytest.approx(jan.effects.conversion)
    assert result.ytd_effects.total == pytest.approx(-9_920)
    assert (result.lever, result.department) == ("conversion", "customer_service")
    # the rest of the year, 1,575,000 = 7 × 225,000, earns at the same rate: 8 × 215,080
    forecast = 1_720_640
    assert result.forecast == pytest.approx(forecast)
    assert result.forecast_gap == pytest.approx(forecast - 1_800_000)
    assert result.forecast_attainment == pytest.approx(forecast / 1_800_000)
    # February's end at its own run-rate on the curve: 70,000 + 75,000 × 70,000 / 75,000
    assert result.month_end_forecast == pytest.approx(140_000)


def test_a_month_without_data_between_counts_as_nothing_sold():
    # March has data, February none: the year to date is January to March, February at 0.
    march = days(2025, 3, 31, pv=2_000, uv=1_000, orders=20, revenue=5_000)  # 155,000 against 150,000
    result = plan_vs_actual(PLAN, JANUARY + march)
    assert [m.month for m in result.months] == [1, 2, 3]
    assert (result.months[1].actual, result.months[1].attainment, result.months[1].lever) == (0, 0, "traffic")
    assert result.ytd_target == 450_000
    assert result.ytd_actual == pytest.approx(300_080)
    assert result.forecast == pytest.approx(300_080 + 1_350_000 * 300_080 / 450_000)


def test_the_year_to_date_starts_with_the_first_month_with_data():
    march = days(2025, 3, 31, pv=2_000, uv=1_000, orders=20, revenue=5_000)
    result = plan_vs_actual(PLAN, march)
    assert [m.month for m in result.months] == [3]
    assert result.ytd_covers == "2025-03-01 – 2025-03-31 (31 of 365 days)"


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
    # order value as planned (nothing observed); traffic × 250 × (0.02/3 + 0/6 … ):
    assert row.effects.traffic == pytest.approx(-27_000 * 250 * (0.02 / 2 + 0 / 2))  # −67,500
    assert row.effects.conversion == pytest.approx(-0.02 * 250 * (30_000 / 2 + 3_000 / 2))  # −82,500
    assert row.effects.order_value == pytest.approx(0)
    # looked at first, traffic would take −135,000 of it; fairly split, conversion lost more
    assert row.lever == "conversion"


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
    assert row.effects.conversion < 0  # 0.018 against 0.02 still costs sales …
    assert row.lever is None  # … but a month ahead of plan names no lever to act on


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


# -- the split does not depend on the order of the levers ---------------------------


def test_the_issue_case_blames_order_value_not_traffic():
    # traffic 10.0 % under plan, conversion on plan, order value 10.5 % under
    from opsboard.logic.lever_split import split_gap

    effects = split_gap(10_000, 0.02, 250, 9_000, 0.02, 250 * 0.895, 180 * 250 * 0.895)
    assert effects.traffic == pytest.approx(-0.09475 * 50_000)
    assert effects.order_value == pytest.approx(-0.09975 * 50_000)
    assert effects.conversion == pytest.approx(0, abs=1e-9)
    assert effects.total == pytest.approx(180 * 250 * 0.895 - 50_000)
    assert effects.weakest == "order_value"


def test_the_issue_case_files_its_task_with_product_development():
    # a month of it through plan_vs_actual: 30,000 planned UV at 2 % and 250
    march = days(2025, 3, 31, pv=2_000, uv=871, orders=17, revenue=17 * 223.75 + 0.0)
    row = plan_vs_actual(PLAN, march).months[0]
    # 27,001 UV (−10.0 %), 527 orders (conversion 1.952 %, −2.4 %), order value 223.75 (−10.5 %)
    assert row.lever == "order_value" and row.department == "product_development"


def test_the_split_is_the_same_whatever_the_order_of_the_levers():
    from itertools import permutations

    from opsboard.logic.lever_split import _shapley

    plan, actual = (30_000.0, 0.02, 250.0), (27_000.0, 0.021, 223.75)
    names = ("traffic", "conversion", "order_value")
    base = {names[i]: _shapley(plan, actual, i) for i in range(3)}
    for order in permutations(range(3)):
        shuffled_plan = tuple(plan[i] for i in order)
        shuffled_actual = tuple(actual[i] for i in order)
        again = {names[order[k]]: _shapley(shuffled_plan, shuffled_actual, k) for k in range(3)}
        assert again == pytest.approx(base)
    assert sum(base.values()) == pytest.approx(27_000 * 0.021 * 223.75 - 30_000 * 0.02 * 250)
