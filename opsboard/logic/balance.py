"""Does the plan's ad spend fit the promotion budget, and what would close the gap?

Ad spend = Σ target / (conversion × order value) × paid share × cost per click,
so scaling every month's conversion (or order value) by a factor k divides
the ad spend by k. The factor that brings the spend down to the budget is
k = ad spend / budget, for either lever on its own; the third way out is
simply a bigger budget. A lever that would need a conversion above 100 % in
some month cannot close the gap on its own and is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

from opsboard.i18n import _
from opsboard.i18n.formats import month_abbr
from opsboard.model.targets import TargetPlan

from .breakdown import LEVER_DEPARTMENTS, Breakdown, monthly_breakdown


@dataclass(frozen=True)
class LeverFix:
    """What one lever alone must do to bring ad spend down to the budget."""

    lever: str  # "conversion", "order_value" or "budget"
    department: str  # who owns the lever
    factor: float  # needed / current (the same scale applies to every month)
    current: float  # average conversion / average order value / the budget
    needed: float
    closable: bool
    reason: str  # why it cannot close the gap; "" when it can


@dataclass(frozen=True)
class Balance:
    budget: float  # the promotion budget, 0 = not set
    ad_spend: float | None  # the plan's ad spend for the year; None when it cannot be computed
    checked: bool  # False: no budget set or no ad spend figure, see `note`
    over_budget: bool
    shortfall: float  # ad spend beyond the budget (0 when it fits)
    levers: tuple[LeverFix, ...]  # empty unless over budget
    note: str  # why nothing was checked; "" when checked

    @property
    def budget_used(self) -> float | None:
        """Ad spend as a share of the budget (1.0 = all of it)."""
        return None if not self.checked or self.ad_spend is None else self.ad_spend / self.budget


def budget_balance(plan: TargetPlan, breakdown: Breakdown | None = None) -> Balance:
    """The plan's ad spend against its promotion budget, and each lever's fix."""
    if breakdown is None:
        breakdown = monthly_breakdown(plan)
    spend = breakdown.year_total.ad_spend
    budget = plan.promotion_budget
    if budget <= 0:
        return Balance(budget, spend, False, False, 0.0, (), _("no promotion budget is set"))
    if spend is None:
        note = _("the ad spend cannot be computed: {problems}").format(problems="; ".join(breakdown.problems))
        return Balance(budget, None, False, False, 0.0, (), note)
    if spend <= budget:
        return Balance(budget, spend, True, False, 0.0, (), "")
    factor = spend / budget
    return Balance(
        budget=budget,
        ad_spend=spend,
        checked=True,
        over_budget=True,
        shortfall=spend - budget,
        levers=(_conversion_fix(breakdown, factor), _order_value_fix(breakdown, factor), _budget_fix(budget, spend)),
        note="",
    )


def _conversion_fix(breakdown: Breakdown, factor: float) -> LeverFix:
    current = breakdown.year_total.conversion or 0.0
    # Months without a target need no traffic: their rate does not matter.
    # The tolerance keeps exactly 100 % (give or take float noise) possible.
    too_high = [m for m in breakdown.months if m.target > 0 and m.conversion * factor > 1 + 1e-9]
    reason = ""
    if too_high:
        worst = max(too_high, key=lambda m: m.conversion)
        reason = _("would need a conversion of {rate} in {month}, more than 100%").format(
            rate=f"{worst.conversion * factor:.1%}", month=month_abbr(worst.month)
        )
    owner = LEVER_DEPARTMENTS["conversion"][0]
    return LeverFix("conversion", owner, factor, current, current * factor, not too_high, reason)


def _order_value_fix(breakdown: Breakdown, factor: float) -> LeverFix:
    current = breakdown.year_total.order_value or 0.0
    return LeverFix("order_value", LEVER_DEPARTMENTS["order_value"][0], factor, current, current * factor, True, "")


def _budget_fix(budget: float, spend: float) -> LeverFix:
    return LeverFix("budget", LEVER_DEPARTMENTS["budget"][0], spend / budget, budget, spend, True, "")
