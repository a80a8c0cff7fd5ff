"""Which lever explains a gap, whatever order the levers are looked at in.

Sales = UV × conversion × order value. The gap between actual and plan is
split over the three levers by their Shapley values: each lever's part is
its average contribution over the six orders in which the levers can be
changed from plan to actual one at a time. With f(u, c, v) = u × c × v and
_p plan, _a actual:

    traffic = 1/3 [f(Ua,Cp,Vp) − f(Up,Cp,Vp)] + 1/6 [f(Ua,Ca,Vp) − f(Up,Ca,Vp)]
            + 1/6 [f(Ua,Cp,Va) − f(Up,Cp,Va)] + 1/3 [f(Ua,Ca,Va) − f(Up,Ca,Va)]

and the same for conversion and order value. The three sum exactly to
f(actual) − f(plan), and swapping the order of the levers changes nothing.
With traffic 10.0 % under plan and order value 10.5 % under (conversion
on plan) order value explains more (−9.975 % of plan against −9.475 %),
though looking at traffic first would blame it.

Conversion is buyers ÷ UV and order value revenue ÷ buyers (the back
office's definitions), so f(actual) is the revenue. Without visitors the
actual conversion is taken as planned, without buyers the order value:
nothing was observed, so that lever is not blamed. Whatever the product
of the three cannot explain (revenue without buyers) is put on order value,
so the parts always add up to the gap.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVERS = ("traffic", "conversion", "order_value")


@dataclass(frozen=True)
class LeverEffects:
    """How much of a gap each lever explains; the three sum to the gap."""

    traffic: float
    conversion: float
    order_value: float

    @property
    def total(self) -> float:
        return self.traffic + self.conversion + self.order_value

    @property
    def weakest(self) -> str | None:
        """The lever with the most negative effect; None when the period is
        on or ahead of plan (nothing to act on) or no lever is negative."""
        if self.total >= 0:
            return None
        lever, value = min(zip(LEVERS, (self.traffic, self.conversion, self.order_value), strict=True), key=lambda p: p[1])
        return lever if value < 0 else None


def _shapley(plan: tuple[float, float, float], actual: tuple[float, float, float], i: int) -> float:
    j, k = (n for n in range(3) if n != i)
    delta = actual[i] - plan[i]
    # the other two levers at plan (p) or actual (a): weights 1/3, 1/6, 1/6, 1/3
    pp = plan[j] * plan[k]
    ap = actual[j] * plan[k]
    pa = plan[j] * actual[k]
    aa = actual[j] * actual[k]
    return delta * (pp / 3 + ap / 6 + pa / 6 + aa / 3)


def split_gap(
    plan_uv: float,
    plan_conversion: float,
    plan_order_value: float,
    actual_uv: float,
    conversion: float | None,
    order_value: float | None,
    revenue: float,
) -> LeverEffects:
    """The gap revenue − plan_uv × plan_conversion × plan_order_value split
    over the levers. `conversion` (buyers ÷ UV) and `order_value` (revenue ÷
    buyers) are the actual ones; None: not observed, taken as planned."""
    plan = (plan_uv, plan_conversion, plan_order_value)
    actual = (
        float(actual_uv),
        plan_conversion if conversion is None else conversion,
        plan_order_value if order_value is None else order_value,
    )
    traffic, rate, value = (_shapley(plan, actual, i) for i in range(3))
    gap = revenue - plan_uv * plan_conversion * plan_order_value
    return LeverEffects(traffic, rate, value + (gap - traffic - rate - value))
