"""The target breakdown, with every figure worked out by hand in the comments."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from targets_fixture import flat_plan

from opsboard.logic.targets import (
    ALL_CHANNEL_NAME,
    month_shares,
    monthly_breakdown,
    monthly_targets,
    seasonality_from_actuals,
    split_whole_units,
)
from opsboard.model import Campaign, Channel, DailyMetric, TargetPlan


def test_month_figures_worked_by_hand():
    breakdown = monthly_breakdown(flat_plan())
    january, february, april = breakdown.months[0], breakdown.months[1], breakdown.months[3]
    assert (january.month, january.days, february.days) == (1, 31, 28)
    assert january.share == pytest.approx(1 / 12)
    assert january.target == 150_000
    assert january.orders == pytest.approx(600)
    assert january.uv == pytest.approx(30_000)
    assert january.paid_uv == pytest.approx(15_000)
    assert january.ad_spend == pytest.approx(30_000)
    assert (january.conversion, january.order_value, january.new_products) == (0.02, 250.0, 3)
    # agents = orders / days / orders per agent-day, rounded up:
    # Jan 600 / 31 / 10 = 1.94 → 2; Feb 600 / 28 / 10 = 2.14 → 3; Apr 600 / 30 / 10 = 2.0 exactly → 2
    assert (january.agents, february.agents, april.agents) == (2, 3, 2)
    assert breakdown.problems == ()


def test_quarter_and_year_totals():
    breakdown = monthly_breakdown(flat_plan())
    q1 = breakdown.quarters[0]
    assert [q.label for q in breakdown.quarters] == ["Q1", "Q2", "Q3", "Q4"]
    assert q1.months == (1, 2, 3)
    # three months of 150,000 / 600 orders / 30,000 UV; the peak headcount is February's 3
    assert q1.target == 450_000
    assert q1.orders == pytest.approx(1_800)
    assert q1.uv == pytest.approx(90_000)
    assert q1.ad_spend == pytest.approx(90_000)
    assert (q1.agents, q1.new_products) == (3, 9)
    year = breakdown.year_total
    assert year.target == 1_800_000
    assert year.orders == pytest.approx(7_200)
    assert year.uv == pytest.approx(360_000)
    assert year.paid_uv == pytest.approx(180_000)
    assert year.ad_spend == pytest.approx(360_000)
    assert (year.agents, year.new_products) == (3, 36)
    assert year.conversion == pytest.approx(0.02)  # 7,200 / 360,000
    assert year.order_value == pytest.approx(250)  # 1,800,000 / 7,200


def test_largest_remainder_rounding():
    # 100 / 3 = 33.33 each: one unit left, the tie goes to the first
    assert split_whole_units(100, [1, 1, 1]) == [34, 33, 33]
    # 10 × 1/3 = 3.33, 10 × 2/3 = 6.67: the unit left goes to the bigger fraction
    assert split_whole_units(10, [1, 2]) == [3, 7]
    # cents go to the biggest weight
    assert split_whole_units(10.5, [1, 2]) == [3, 7.5]
    with pytest.raises(ValueError):
        split_whole_units(10, [0, 0])
    with pytest.raises(ValueError):
        split_whole_units(float("inf"), [1, 2])  # the model lets infinity through: refuse it here


def test_months_are_whole_units_summing_exactly():
    # 1,000 / 12 = 83.33: 12 × 83 = 996, the 4 units left go to Jan-Apr (equal fractions, earliest first)
    targets = monthly_targets(flat_plan(annual_target=1_000))
    assert targets == [84, 84, 84, 84] + [83] * 8
    assert sum(targets) == 1_000


def test_default_seasonality_and_cents():
    plan = TargetPlan(year=2025, annual_target=10_000_000.5)
    targets = monthly_targets(plan)
    # the default calendar: 6 % in January, 15 % in November (Double 11) which also takes the 0.50
    assert targets[0] == 600_000
    assert targets[10] == 1_500_000.5
    assert sum(targets) == 10_000_000.5


def test_campaign_uplift_raises_its_months():
    # Nov 1-15 is 15 of November's 30 days: weight 1 × (1 + 0.4 × 15/30) = 1.2;
    # the year weighs 11 + 1.2 = 12.2, so 12,200 gives 1,200 to November and 1,000 to the rest
    campaign = Campaign(id="c", name="Double 11", start=date(2025, 11, 1), end=date(2025, 11, 15), uplift=0.4)
    plan = flat_plan(annual_target=12_200, campaigns=[campaign])
    assert month_shares(plan)[10] == pytest.approx(1.2 / 12.2)
    assert monthly_targets(plan) == [1_000] * 10 + [1_200, 1_000]


def test_campaign_days_outside_the_year_do_not_count():
    # Dec 20 2024 - Jan 10 2025: 10 of January's 31 days → 1 + 0.31 × 10/31 = 1.1; 12,100 → Jan 1,100
    campaign = Campaign(id="c", name="New year", start=date(2024, 12, 20), end=date(2025, 1, 10), uplift=0.31)
    assert monthly_targets(flat_plan(annual_target=12_100, campaigns=[campaign])) == [1_100] + [1_000] * 11


def test_campaigns_add_up_and_a_zero_month_stays_zero():
    # two whole-month campaigns in March: 1 × (1 + 0.5 + 0.5) = 2; January has seasonality 0
    campaigns = [Campaign(id=f"c{i}", name="Spring", start=date(2025, 3, 1), end=date(2025, 3, 31), uplift=0.5) for i in range(2)]
    january_off = [0.0] + [1.0] * 11
    plan = flat_plan(annual_target=1_200, seasonality=january_off, campaigns=campaigns)
    # weights 0, 1, 2, 1 × 9: total 12 → 0, 100, 200, 100 …
    assert monthly_targets(plan) == [0, 100, 200] + [100] * 9


def test_channels_split_by_normalised_share():
    plan = flat_plan(
        annual_target=100,
        channels=[Channel(id="a", name="Tmall", share=0.3), Channel(id="b", name="JD", share=0.3)],
    )
    channels = monthly_breakdown(plan).channels
    # 0.3 and 0.3 do not sum to 1: each becomes 0.5
    assert [(c.name, c.share, c.target) for c in channels] == [("Tmall", 0.5, 50), ("JD", 0.5, 50)]
    # the year's 100 / 250 = 0.4 orders, halved
    assert channels[0].orders == pytest.approx(0.2)


def test_channel_targets_sum_exactly_and_zero_shares_split_equally():
    names = ["A", "B", "C"]
    plan = flat_plan(annual_target=100, channels=[Channel(id=n, name=n, share=0) for n in names])
    channels = monthly_breakdown(plan).channels
    assert [c.target for c in channels] == [34, 33, 33]
    assert [c.share for c in channels] == pytest.approx([1 / 3] * 3)


def test_no_channels_means_one_channel_for_all():
    channels = monthly_breakdown(flat_plan()).channels
    assert [(c.name, c.share, c.target) for c in channels] == [(ALL_CHANNEL_NAME, 1.0, 1_800_000)]
    assert channels[0].uv == pytest.approx(360_000)


def test_departments_own_their_levers():
    breakdown = monthly_breakdown(flat_plan(promotion_budget=500_000))
    parts = {part.department: {f.label: f.value for f in part.figures} for part in breakdown.departments}
    assert list(parts) == ["marketing", "design", "customer_service", "product_development", "hr"]
    assert parts["marketing"]["UV needed"] == pytest.approx(360_000)
    assert parts["marketing"]["Ad spend"] == pytest.approx(360_000)
    assert parts["marketing"]["Promotion budget"] == 500_000
    assert parts["customer_service"]["Average conversion"] == pytest.approx(0.02)
    assert parts["design"]["Average conversion"] == pytest.approx(0.02)
    assert parts["product_development"]["Average order value"] == pytest.approx(250)
    assert parts["product_development"]["New products"] == 36
    # peak 3 (February); agent-months: 11 months of 2 and February's 3 = 25
    assert parts["hr"] == {"Agents at peak": 3, "Agent-months": 25}


def test_a_month_with_zero_conversion_cannot_reach_its_target():
    conversion = [0.02] * 12
    conversion[2] = 0.0
    breakdown = monthly_breakdown(flat_plan(conversion=conversion))
    march = breakdown.months[2]
    assert march.target == 150_000
    assert march.orders == pytest.approx(600)  # order value still gives the orders
    assert (march.uv, march.paid_uv, march.ad_spend) == (None, None, None)
    assert breakdown.year_total.uv is None
    assert breakdown.problems == ("Mar: a target of 150,000 cannot be reached with a conversion of 0",)


def test_zero_target_needs_nothing_even_at_zero_rates():
    breakdown = monthly_breakdown(flat_plan(annual_target=0, conversion=[0.0] * 12, order_value=[0.0] * 12))
    assert all((m.target, m.orders, m.uv, m.ad_spend, m.agents) == (0, 0, 0, 0, 0) for m in breakdown.months)
    assert breakdown.problems == ()


def test_pandas_is_not_imported_by_the_breakdown():
    # The TUI opens without pandas: importing these modules and breaking a plan down must not load it.
    code = (
        "import sys\n"
        "from opsboard.logic.targets import monthly_breakdown, budget_balance\n"
        "from opsboard.export.targets import targets_markdown\n"
        "from opsboard.importers import parse_actuals\n"
        "from opsboard.model import TargetPlan\n"
        "plan = TargetPlan(year=2025, annual_target=1000, promotion_budget=1)\n"
        "budget_balance(plan, monthly_breakdown(plan))\n"
        "assert 'pandas' not in sys.modules, 'pandas imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def days_of(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


def metric(day: date, revenue: float, channel: str = "") -> DailyMetric:
    return DailyMetric(date=day, channel=channel, pv=10, uv=5, orders=1, revenue=revenue)


def test_seasonality_from_last_years_revenue():
    # 100 a day all through 2023 (365 days): January 3,100 / 36,500, February 2,800 / 36,500
    metrics = [metric(day, 100) for day in days_of(2023)]
    shares = seasonality_from_actuals(metrics, 2023)
    assert shares is not None
    assert shares[0] == pytest.approx(3_100 / 36_500)
    assert shares[1] == pytest.approx(2_800 / 36_500)
    assert sum(shares) == pytest.approx(1)


def test_seasonality_scales_a_month_with_missing_days_and_sums_channels():
    # January has only 16 of 31 days (over half): 16 × 100 per day is scaled to 31 × 100.
    # Each day is split over two channels of 50: the sum is what counts.
    metrics = [metric(day, 50, channel) for day in days_of(2023) if not (day.month == 1 and day.day > 16) for channel in ("Tmall", "JD")]
    shares = seasonality_from_actuals(metrics, 2023)
    assert shares is not None
    assert shares[0] == pytest.approx(3_100 / 36_500)


def test_seasonality_needs_a_full_ish_year():
    sparse = [metric(day, 100) for day in days_of(2023) if not (day.month == 5 and day.day > 10)]
    assert seasonality_from_actuals(sparse, 2023) is None  # May has 10 of 31 days
    assert seasonality_from_actuals([metric(day, 100) for day in days_of(2023)], 2024) is None  # another year
    assert seasonality_from_actuals([metric(day, 0) for day in days_of(2023)], 2023) is None  # no revenue
    assert seasonality_from_actuals([], 2023) is None
