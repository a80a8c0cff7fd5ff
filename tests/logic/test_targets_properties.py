"""Properties of the target breakdown that must hold for any plan."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsboard.logic.targets import monthly_breakdown, plan_vs_actual, split_whole_units
from opsboard.model import Campaign, Channel, DailyMetric, TargetPlan

YEAR = 2025


def twelve(values):
    return st.lists(values, min_size=12, max_size=12)


positive_rate = st.floats(min_value=0.001, max_value=1.0)
seasonality = twelve(st.floats(min_value=0, max_value=100)).filter(lambda s: sum(s) > 0)
# whole units or cents, up to a hundred billion
annual = st.one_of(st.integers(0, 10**11).map(float), st.integers(0, 10**13).map(lambda cents: cents / 100))


@st.composite
def campaigns(draw):
    start = date(YEAR, 1, 1) + timedelta(days=draw(st.integers(-40, 370)))
    end = start + timedelta(days=draw(st.integers(0, 60)))
    return Campaign(id="c", name="c", start=start, end=end, uplift=draw(st.floats(0, 10)))


@st.composite
def plans(draw):
    return TargetPlan(
        year=YEAR,
        annual_target=draw(annual),
        seasonality=draw(seasonality),
        conversion=draw(twelve(positive_rate)),
        order_value=draw(twelve(st.floats(min_value=1, max_value=10_000))),
        paid_share=draw(twelve(st.floats(0, 1))),
        cost_per_click=draw(twelve(st.floats(0, 50))),
        campaigns=draw(st.lists(campaigns(), max_size=3)),
        channels=[Channel(id=f"c{i}", name=f"c{i}", share=share) for i, share in enumerate(draw(st.lists(st.floats(0, 1), max_size=5)))],
    )


@settings(max_examples=150, deadline=None)
@given(plans())
def test_months_and_channels_sum_exactly_to_the_annual_target(plan):
    breakdown = monthly_breakdown(plan)
    targets = [m.target for m in breakdown.months]
    assert sum(targets) == plan.annual_target
    assert math.fsum(targets) == plan.annual_target
    assert breakdown.year_total.target == plan.annual_target
    assert sum(c.target for c in breakdown.channels) == plan.annual_target
    # whole units, except the one month that carries the cents
    assert sum(1 for t in targets if t != int(t)) <= 1


@settings(max_examples=150, deadline=None)
@given(plans())
def test_each_month_uv_times_conversion_times_order_value_is_its_target(plan):
    for month in monthly_breakdown(plan).months:
        assert month.uv * month.conversion * month.order_value == pytest.approx(month.target, rel=1e-9, abs=1e-6)
        assert month.orders * month.order_value == pytest.approx(month.target, rel=1e-9, abs=1e-6)
        assert month.agents >= 0


@given(st.integers(0, 10**12), st.lists(st.floats(0, 1e6), min_size=1, max_size=20).filter(lambda w: sum(w) > 0))
def test_largest_remainder_parts_are_within_one_unit_of_their_quota(total, weights):
    parts = split_whole_units(total, weights)
    assert sum(parts) == total
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part - total * weight / sum(weights)) < 1 + 1e-6 * total


@st.composite
def month_of_metrics(draw):
    month = draw(st.integers(1, 12))
    count = draw(st.integers(1, 10))
    metrics = []
    for day in range(1, count + 1):
        uv = draw(st.integers(0, 100_000))
        orders = draw(st.integers(0, uv))
        # revenue without orders can come from a broken export: the split must still add up
        revenue = draw(st.floats(0, 1e9))
        metrics.append(DailyMetric(date=date(YEAR, month, day), pv=uv, uv=uv, orders=orders, revenue=revenue))
    return metrics


@settings(max_examples=80, deadline=None)
@given(plans(), st.lists(month_of_metrics(), min_size=1, max_size=3))
def test_the_lever_split_adds_up_to_the_gap(plan, months):
    metrics = {m.date: m for batch in months for m in batch}  # one row per day
    result = plan_vs_actual(plan, list(metrics.values()))
    for row in result.months:
        effects = row.effects
        scale = abs(effects.traffic) + abs(effects.conversion) + abs(row.gap) + 1
        assert effects.traffic + effects.conversion + effects.order_value == pytest.approx(row.gap, abs=1e-9 * scale)
        assert row.gap == pytest.approx(row.actual - row.target_to_date)
    ytd = result.ytd_effects
    scale = abs(ytd.traffic) + abs(ytd.conversion) + abs(result.ytd_gap) + 1
    assert ytd.total == pytest.approx(result.ytd_gap, abs=1e-9 * scale)
    if result.lever is not None:
        assert getattr(ytd, result.lever) == min(ytd.traffic, ytd.conversion, ytd.order_value) < 0
