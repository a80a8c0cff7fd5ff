"""Ad spend against the promotion budget, and what each lever must do to fit it."""

from __future__ import annotations

import pytest
from targets_fixture import flat_plan

from opsboard.logic.targets import budget_balance, monthly_breakdown


def test_no_budget_means_no_check():
    balance = budget_balance(flat_plan(promotion_budget=0))
    assert (balance.checked, balance.over_budget, balance.shortfall, balance.levers) == (False, False, 0.0, ())
    assert balance.ad_spend == pytest.approx(360_000)
    assert balance.note == "no promotion budget is set"
    assert balance.budget_used is None


def test_spend_within_budget():
    balance = budget_balance(flat_plan(promotion_budget=400_000))
    assert (balance.checked, balance.over_budget, balance.shortfall, balance.levers) == (True, False, 0.0, ())
    assert balance.budget_used == pytest.approx(0.9)  # 360,000 / 400,000


def test_over_budget_each_lever_alone_closes_it():
    plan = flat_plan(promotion_budget=300_000)
    balance = budget_balance(plan, monthly_breakdown(plan))
    # 360,000 against 300,000: 60,000 short; every lever must move by 360,000 / 300,000 = 1.2
    assert balance.over_budget
    assert balance.shortfall == pytest.approx(60_000)
    conversion, order_value, budget = balance.levers
    assert (conversion.lever, conversion.department) == ("conversion", "customer_service")
    assert conversion.factor == pytest.approx(1.2)
    assert conversion.current == pytest.approx(0.02)
    assert conversion.needed == pytest.approx(0.024)  # 2 % × 1.2
    assert (conversion.closable, conversion.reason) == (True, "")
    assert (order_value.lever, order_value.department) == ("order_value", "product_development")
    assert order_value.needed == pytest.approx(300)  # 250 × 1.2
    assert order_value.closable
    assert (budget.lever, budget.department) == ("budget", "marketing")
    assert (budget.current, budget.needed) == (300_000, pytest.approx(360_000))


def test_closing_factor_really_brings_spend_to_the_budget():
    plan = flat_plan(promotion_budget=300_000)
    fix = budget_balance(plan).levers[0]
    scaled = flat_plan(promotion_budget=300_000, conversion=[c * fix.factor for c in plan.conversion])
    assert monthly_breakdown(scaled).year_total.ad_spend == pytest.approx(300_000)
    fix = budget_balance(plan).levers[1]
    scaled = flat_plan(promotion_budget=300_000, order_value=[v * fix.factor for v in plan.order_value])
    assert monthly_breakdown(scaled).year_total.ad_spend == pytest.approx(300_000)


def test_conversion_above_100_percent_cannot_close_it():
    # At 50 % conversion: UV 150,000 / 125 = 1,200 a month, ad spend 1,200 × 0.5 × 2 = 1,200, 14,400 a year.
    # Budget 7,200 → factor 2 → exactly 100 %: still possible.
    exactly = budget_balance(flat_plan(conversion=[0.5] * 12, promotion_budget=7_200)).levers[0]
    assert exactly.needed == pytest.approx(1.0)
    assert exactly.closable
    # Budget 7,000 → factor 14,400 / 7,000 = 2.057 → 102.9 %: impossible.
    beyond = budget_balance(flat_plan(conversion=[0.5] * 12, promotion_budget=7_000)).levers[0]
    assert beyond.factor == pytest.approx(14_400 / 7_000)
    assert not beyond.closable
    assert beyond.reason == "would need a conversion of 102.9% in Jan, more than 100%"


def test_the_month_named_is_the_one_pushed_furthest():
    conversion = [0.1] * 12
    conversion[5] = 0.6  # June: its needed rate is the highest
    plan = flat_plan(conversion=conversion, promotion_budget=1)
    fix = budget_balance(plan).levers[0]
    assert not fix.closable
    assert " in Jun, " in fix.reason


def test_a_month_without_target_does_not_block_the_conversion_lever():
    seasonality = [1.0] * 12
    seasonality[0] = 0.0
    conversion = [0.02] * 12
    conversion[0] = 0.99  # January sells nothing, so its rate can stay whatever it is
    plan = flat_plan(seasonality=seasonality, conversion=conversion, promotion_budget=300_000)
    assert budget_balance(plan).levers[0].closable


def test_unreachable_month_means_no_check():
    conversion = [0.02] * 12
    conversion[2] = 0.0
    balance = budget_balance(flat_plan(conversion=conversion, promotion_budget=1_000))
    assert (balance.checked, balance.ad_spend) == (False, None)
    assert "Mar" in balance.note
