"""Day-level targets, worked by hand.

Every month has seasonality 1. November has a campaign: 2–10 Nov a 正式
phase of weight 1, 11 Nov a 正式 day of weight 6, uplift +150 %. Its ten
days bring 1.5 × 10 = 15 ordinary days extra, spread over a total weight
of 9 × 1 + 6 = 15: one extra day per unit of weight. So 2–10 Nov weigh 2,
11 Nov weighs 7, November's other 20 days 1: 45 in all, November's weight
is 45 / 30 = 1.5 against 1 for every other month; 12.5 in the year.
With an annual target of 3,750,000 November gets 450,000: 10,000 an
ordinary day, 20,000 on 2–10 Nov, 70,000 on 11 Nov.
"""

from __future__ import annotations

from datetime import date

import pytest

from opsboard.logic.day_targets import daily_targets, day_curve, kept_until, weekday_pattern
from opsboard.logic.targets import monthly_breakdown, monthly_targets
from opsboard.model import Campaign, Channel, TargetPlan


def campaign_plan(**changes) -> TargetPlan:
    double11 = Campaign(
        id="d11",
        name="双11",
        uplift=1.5,
        phases=[
            {"kind": "main", "start": date(2026, 11, 2), "end": date(2026, 11, 10), "weight": 1},
            {"kind": "main", "start": date(2026, 11, 11), "end": date(2026, 11, 11), "weight": 6},
        ],
    )
    fields = {"id": "plan", "year": 2026, "annual_target": 3_750_000, "seasonality": [1.0] * 12, "campaigns": [double11]}
    return TargetPlan(**{**fields, **changes})


def test_a_campaign_months_daily_targets_follow_its_phases() -> None:
    days = daily_targets(campaign_plan())
    assert days.month(11) == 450_000
    assert days.on(date(2026, 11, 1)) == 10_000
    assert [days.on(date(2026, 11, d)) for d in range(2, 11)] == [20_000] * 9
    assert days.on(date(2026, 11, 11)) == 70_000
    assert days.on(date(2026, 11, 12)) == days.on(date(2026, 11, 30)) == 10_000
    assert days.month(6) == 300_000 and sum(days.months()) == 3_750_000
    # to date = the sum of the days through the last day with data
    assert days.between(date(2026, 11, 1), date(2026, 11, 11)) == 260_000  # not 450,000 × 11/30 = 165,000
    assert days.between(date(2026, 11, 12), date(2026, 11, 18)) == 70_000  # the week after is not starved
    assert days.between(date(2025, 12, 29), date(2026, 1, 4)) == days.between(date(2026, 1, 1), date(2026, 1, 4))


def test_the_month_table_is_the_sum_of_its_days() -> None:
    plan = campaign_plan()
    assert monthly_targets(plan)[10] == 450_000
    assert monthly_breakdown(plan).months[10].target == 450_000


def test_a_plan_change_leaves_the_elapsed_days_alone() -> None:
    before = campaign_plan()
    old = daily_targets(before)
    today = date(2026, 11, 12)
    # the lead doubles 双12 (a December campaign) and raises the year on 12 Nov
    double12 = Campaign(id="d12", name="双12", uplift=3.0, start=date(2026, 12, 10), end=date(2026, 12, 12))
    after = campaign_plan(
        annual_target=4_000_000,
        campaigns=[*before.campaigns, double12],
        effective_from=today,
        kept=kept_until(before, today),
    )
    new = daily_targets(after)
    assert new.targets[: len(after.kept)] == old.targets[: len(after.kept)]
    assert new.between(date(2026, 1, 1), date(2026, 11, 11)) == old.between(date(2026, 1, 1), date(2026, 11, 11))
    assert new.between(date(2026, 1, 1), date(2026, 12, 31)) == 4_000_000
    assert sum(new.months()) == pytest.approx(4_000_000)
    # the 250,000 added and December's bigger campaign fall on the days still to come
    assert new.between(date(2026, 12, 10), date(2026, 12, 12)) > old.between(date(2026, 12, 10), date(2026, 12, 12))
    # re-basing the whole year (no effective_from) lets every day move
    rebased = daily_targets(campaign_plan(annual_target=4_000_000, campaigns=[*before.campaigns, double12]))
    assert rebased.month(1) != old.month(1)


def test_kept_must_cover_the_elapsed_days() -> None:
    with pytest.raises(ValueError, match="kept needs one target"):
        campaign_plan(effective_from=date(2026, 1, 3), kept=[1.0])


def test_the_weekday_pattern_shapes_ordinary_days_but_not_the_month() -> None:
    # last year: weekends sell twice a weekday
    revenue = [(date.fromordinal(date(2025, 1, 1).toordinal() + i), 0.0) for i in range(365)]
    revenue = [(day, 200.0 if day.weekday() >= 5 else 100.0) for day, _ in revenue]
    pattern = weekday_pattern(revenue, 2025)
    assert pattern is not None
    assert pattern[5] == pytest.approx(2 * pattern[0], rel=0.02)
    plan = campaign_plan(campaigns=[], weekday_pattern=pattern, annual_target=1_200_000)
    days = daily_targets(plan)
    assert days.month(6) == pytest.approx(100_000, abs=1)
    saturday, monday = days.on(date(2026, 6, 6)), days.on(date(2026, 6, 8))
    assert saturday == pytest.approx(2 * monday, rel=0.01)


def test_no_weekday_pattern_without_enough_ordinary_days() -> None:
    assert weekday_pattern([(date(2025, 3, 3), 10.0)], 2025) is None


def test_a_tmall_campaign_counts_with_the_tmall_share_on_a_board_whose_channels_are_named_in_chinese():
    # Guard: a campaign's platform is an id (tmall), the channels a Chinese
    # board names 天猫 / 抖音; they meet through the platform's aliases.
    from opsboard.logic.campaign_calendar import campaign_preset

    doc = campaign_preset("双11", "tmall", 2026).to_doc()
    plan = TargetPlan(
        year=2026,
        annual_target=10_000_000,
        channels=[Channel(id="tmall", name="天猫", share=0.7), Channel(id="douyin", name="抖音", share=0.3)],
        campaigns=[Campaign.model_validate(doc | {"id": "c-1", "department": "marketing"})],
    )
    curve = day_curve(plan)
    # +150 % over 25 days, phase weights 12×0.5 + 10×1 + 4 + 2×0.5 = 21, on Tmall's 70 %: 1 + 1.5 × 25 × 0.7 / 21 × 4
    assert curve[date(2026, 11, 11).toordinal() - date(2026, 1, 1).toordinal()] == pytest.approx(6.0)
    assert curve[date(2026, 11, 20).toordinal() - date(2026, 1, 1).toordinal()] == pytest.approx(1.0)
