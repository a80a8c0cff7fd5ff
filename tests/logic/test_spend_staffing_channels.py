"""Spend against budget and cap, peak staffing, the rest of the year and
per-channel plan vs actual, worked by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from test_day_targets import campaign_plan

from opsboard.logic.channel_plans import channel_plan_vs_actual
from opsboard.logic.rest_of_year import rest_of_year
from opsboard.logic.spend import spend_check
from opsboard.logic.staffing import peak_staffing
from opsboard.logic.targets import monthly_breakdown, plan_vs_actual
from opsboard.model import Channel, DailyMetric, TargetPlan


def day(d: date, channel: str = "", uv: int = 1_000, buyers: int | None = 20, revenue: float = 5_000, ad_spend: float = 0.0) -> DailyMetric:
    return DailyMetric(date=d, channel=channel, pv=uv * 3, uv=uv, orders=buyers, buyers=buyers, revenue=revenue, ad_spend=ad_spend)


def test_days_over_the_daily_cap_are_listed_and_spend_meets_the_budget_to_date():
    # 365,000 a year at 1,000 a day: budget 36,500 → an even cap of 100 a day
    plan = TargetPlan(
        id="plan", year=2026, annual_target=365_000, seasonality=[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], promotion_budget=36_500
    )
    spends = {date(2026, 3, 1): 90.0, date(2026, 3, 2): 150.0, date(2026, 3, 3): 100.0, date(2026, 3, 4): 101.0}
    metrics = [day(d, ad_spend=s) for d, s in spends.items()]
    check = spend_check(plan, metrics, monthly_breakdown(plan), date(2026, 3, 4))
    assert (check.daily_cap, check.cap_is_even_budget) == (100, True)
    assert check.days_over_cap == ((date(2026, 3, 2), 150.0), (date(2026, 3, 4), 101.0))
    assert check.ytd_spend == 441
    assert check.ytd_budget == pytest.approx(36_500 * 63 / 365)  # 1 Jan – 4 Mar: 63 days of target
    assert (check.month, check.month_spend, check.month_budget) == (3, 441, pytest.approx(3_100))
    assert check.roi_actual == pytest.approx(20_000 / 441)
    # a 每天上限 of its own replaces the even cap; a channel-split day is summed
    capped = plan.model_copy(update={"daily_ad_cap": 120.0})
    split = [day(date(2026, 3, 5), "Tmall", ad_spend=70), day(date(2026, 3, 5), "JD", ad_spend=60)]
    check = spend_check(capped, metrics + split, monthly_breakdown(capped), date(2026, 3, 5))
    assert check.days_over_cap == ((date(2026, 3, 2), 150.0), (date(2026, 3, 5), 130.0))


def test_agents_for_the_peak_day_beside_the_average_day():
    # November: 450,000 at 250 a order = 1,800 orders, 60 a day on average; 11 Nov 70,000 = 280 orders.
    plan = campaign_plan(order_value=[250.0] * 12, orders_per_agent_day=50.0)
    november = peak_staffing(plan)[10]
    assert november.peak_day == date(2026, 11, 11)
    assert (november.average_agents, november.peak_orders, november.peak_agents) == (2, 280, 6)
    assert peak_staffing(plan)[5].peak_agents == peak_staffing(plan)[5].average_agents == 1


def test_the_rest_of_the_year_follows_the_curve():
    # 5,000 a day through 31 October (304 days) is 1,520,000: 2,230,000 still to bring over
    # November and December, whose targets are 450,000 and 300,000 (see test_day_targets)
    plan = campaign_plan()
    metrics = [day(date(2026, 1, 1) + timedelta(days=i)) for i in range(304)]
    pva = plan_vs_actual(plan, metrics)
    rest = rest_of_year(plan, pva)
    assert rest.cutoff == date(2026, 10, 31)
    assert rest.still_to_bring == pytest.approx(3_750_000 - 1_520_000)
    assert rest.planned == pytest.approx(750_000)
    assert rest.factor == pytest.approx(2_230_000 / 750_000)
    assert [(m.month, round(m.needed)) for m in rest.months] == [(11, round(450_000 * rest.factor)), (12, round(300_000 * rest.factor))]
    assert len(rest.days) == 30 and rest.days[10].day == date(2026, 11, 11)
    assert rest.days[10].needed == pytest.approx(70_000 * rest.factor)  # 11 Nov still needs seven ordinary days


def test_per_channel_plan_vs_actual_with_its_own_order_value():
    # Tmall 60 % at the board's 250; Douyin 40 % at its own 180 and 4 % conversion
    plan = TargetPlan(
        id="plan",
        year=2026,
        annual_target=3_650_000,
        seasonality=[31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
        conversion=[0.02] * 12,
        order_value=[250.0] * 12,
        paid_share=[0.5] * 12,
        cost_per_click=[1.0] * 12,
        channels=[
            Channel(id="t", name="Tmall", share=0.6),
            Channel(id="d", name="Douyin", share=0.4, order_value=180, conversion=0.04, roi=5),
        ],
    )
    # 1–10 January: 10,000 a day → Tmall 6,000 a day, Douyin 4,000
    metrics = []
    for i in range(10):
        d = date(2026, 1, 1) + timedelta(days=i)
        metrics.append(day(d, "Tmall", uv=1_200, buyers=24, revenue=6_000, ad_spend=300))  # on plan
        metrics.append(day(d, "Douyin", uv=500, buyers=20, revenue=3_600, ad_spend=1_000))  # fewer visitors
    tmall, douyin = channel_plan_vs_actual(plan, metrics, date(2026, 1, 1), date(2026, 1, 10))
    assert (tmall.target, tmall.actual, tmall.attainment) == (60_000, 60_000, 1)
    assert tmall.plan_uv == pytest.approx(12_000) and tmall.actual_uv == 12_000
    assert (tmall.plan_ad_spend, tmall.actual_ad_spend) == (pytest.approx(6_000), 3_000)
    assert tmall.lever is None
    # Douyin: 40,000 planned at 4 % × 180 = 7.2 a visitor → 5,555.6 UV; actual 5,000 UV, 200 buyers, 180 each
    assert douyin.target == 40_000 and douyin.actual == 36_000
    assert douyin.plan_order_value == pytest.approx(180) and douyin.actual_order_value == pytest.approx(180)
    assert douyin.plan_conversion == pytest.approx(0.04) and douyin.actual_conversion == pytest.approx(0.04)
    assert douyin.effects.traffic == pytest.approx(-4_000) and douyin.effects.total == pytest.approx(-4_000)
    assert (douyin.lever, douyin.department) == ("traffic", "marketing")
    assert (douyin.plan_roi, douyin.actual_roi) == (5, pytest.approx(3.6))


def test_a_channel_plans_with_its_own_assumptions_and_the_text_round_trips():
    from opsboard.services.target_inputs import channel_text, parse_channels

    parsed = parse_channels("Tmall=60%, Douyin=40% aov=180 cr=4% roi=5")
    assert parsed == [("Tmall", 0.6, {}), ("Douyin", 0.4, {"order_value": 180.0, "conversion": 0.04, "roi": 5.0})]
    assert channel_text("Douyin", 0.4, parsed[1][2]) == "Douyin=40% cr=4% aov=180 roi=5"
    with pytest.raises(ValueError, match="Douyin aov: must be more than 0"):
        parse_channels("Tmall=60%, Douyin=40% aov=0")
    with pytest.raises(ValueError, match="'ctr' is not a channel setting"):
        parse_channels("Tmall=60%, Douyin=40% ctr=2")
    plan = TargetPlan(
        id="plan",
        year=2026,
        annual_target=1_200_000,
        seasonality=[1.0] * 12,
        conversion=[0.02] * 12,
        order_value=[250.0] * 12,
        channels=[Channel(id="t", name="Tmall", share=0.6), Channel(id="d", name="Douyin", share=0.4, order_value=180, conversion=0.04)],
    )
    tmall, douyin = monthly_breakdown(plan).channels
    assert (tmall.target, tmall.orders, tmall.uv) == (720_000, pytest.approx(2_880), pytest.approx(144_000))  # the board's 250 and 2 %
    assert (douyin.target, douyin.orders, douyin.uv) == (480_000, pytest.approx(480_000 / 180), pytest.approx(480_000 / 7.2))


def test_a_channel_without_figures_is_behind_with_no_split():
    plan = TargetPlan(
        id="plan",
        year=2026,
        annual_target=3_650_000,
        seasonality=[1.0] * 12,
        channels=[Channel(id="t", name="Tmall", share=0.5), Channel(id="j", name="JD", share=0.5)],
    )
    metrics = [day(date(2026, 1, 1) + timedelta(days=i), "Tmall") for i in range(5)]
    tmall, jd = channel_plan_vs_actual(plan, metrics, date(2026, 1, 1), date(2026, 1, 5))
    assert (jd.actual, jd.attainment, jd.actual_uv, jd.effects, jd.lever) == (0, 0, None, None, None)
    assert jd.gap < 0 and tmall.actual_uv == 5_000


def test_a_channel_name_with_a_space_runs_to_its_share_and_round_trips():
    from opsboard.services.target_inputs import channel_text, parse_channels

    parsed = parse_channels("Flagship JD=30% aov=180, 旗舰店 二号=70% platform=tmall")
    assert parsed == [("Flagship JD", 0.3, {"order_value": 180.0}), ("旗舰店 二号", 0.7, {"platform": "tmall"})]
    assert [channel_text(*channel) for channel in parsed] == ["Flagship JD=30% aov=180", "旗舰店 二号=70% platform=tmall"]
    assert parse_channels(", ".join(channel_text(*channel) for channel in parsed)) == parsed
    assert [name for name, _, _ in parse_channels("[link=x]JD=40%, Tmall=60%")] == ["[link=x]JD", "Tmall"]  # an '=' in a name too
