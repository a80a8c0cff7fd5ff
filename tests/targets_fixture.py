"""A plan small enough to work out by hand, shared by the targets tests."""

from __future__ import annotations

from opsboard.model import TargetPlan


def flat_plan(**changes) -> TargetPlan:
    """Every month alike: 1,800,000 / 12 = 150,000 a month.
    Orders = 150,000 / 250 = 600; UV = 150,000 / (0.02 × 250) = 30,000;
    paid UV = 30,000 × 0.5 = 15,000; ad spend = 15,000 × 2 = 30,000 a month,
    360,000 a year."""
    values = dict(
        year=2025,
        annual_target=1_800_000,
        seasonality=[1.0] * 12,
        conversion=[0.02] * 12,
        order_value=[250.0] * 12,
        paid_share=[0.5] * 12,
        cost_per_click=[2.0] * 12,
        new_products=[3] * 12,
        orders_per_agent_day=10,
    )
    values.update(changes)
    return TargetPlan(**values)
