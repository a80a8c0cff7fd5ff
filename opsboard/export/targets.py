"""The target breakdown as Markdown: months, quarters, channels, departments,
the budget balance and plan vs actual, from the `logic.targets` results.

Signed amounts (gaps, lever effects) carry an explicit + or − so the tables
read without colour; a figure that cannot be computed reads "n/a".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from opsboard.i18n import _
from opsboard.model.campaigns import PHASE_WORDS

from .markdown import amount, escape, heading, percent, table

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DEPARTMENTS = {
    "marketing": "Marketing",
    "design": "Design",
    "customer_service": "Customer service",
    "product_development": "Product development",
    "hr": "HR",
    "operations": "Operations",
}
_LEVERS = {"traffic": "Traffic", "conversion": "Conversion", "order_value": "Order value", "budget": "Budget"}
_RIGHT = "right"


def _money(value: float | None, decimals: int = 0) -> str:
    return "n/a" if value is None else amount(value, decimals)


def _signed(value: float | None) -> str:
    if value is None:
        return "n/a"
    text = amount(abs(value))
    if text.strip("0.,") == "":  # rounds to zero: no sign
        return text
    return ("+" if value > 0 else "−") + text


def _figure(value: float | None, unit: str) -> str:
    if unit == "rate":
        return percent(value, 2)
    return _money(value, 2 if unit == "currency" and value is not None and abs(value) < 1000 else 0)


class _Names:
    def __init__(self, departments: Mapping[str, str] | None) -> None:
        self._names = {**_DEPARTMENTS, **(departments or {})}

    def department(self, key: str | None) -> str:
        if not key:
            return ""
        return escape(self._names.get(key) or key.replace("_", " ").capitalize())

    def departments(self, keys: tuple[str, ...]) -> str:
        return ", ".join(self.department(key) for key in keys)


def _months_table(breakdown: Any) -> str:
    headers = ["Month", "Target", "Orders", "UV needed", "Conversion", "Order value", "Ad spend", "Agents"]
    headers.append("New products")
    rows = [
        [
            _MONTHS[m.month - 1],
            amount(m.target),
            _money(m.orders),
            _money(m.uv),
            percent(m.conversion, 2),
            amount(m.order_value, 2),
            _money(m.ad_spend),
            "n/a" if m.agents is None else str(m.agents),
            str(m.new_products),
        ]
        for m in breakdown.months
    ]
    year = breakdown.year_total
    rows.append(
        [
            "**Total**",
            amount(year.target),
            _money(year.orders),
            _money(year.uv),
            percent(year.conversion, 2),
            _money(year.order_value, 2),
            _money(year.ad_spend),
            "n/a" if year.agents is None else f"{year.agents} at peak",
            str(year.new_products),
        ]
    )
    return table(headers, rows, ["left"] + [_RIGHT] * 8)


def _quarters_table(breakdown: Any) -> str:
    headers = ["Quarter", "Target", "Orders", "UV needed", "Ad spend", "Agents at peak", "New products"]
    rows = [
        [
            q.label,
            amount(q.target),
            _money(q.orders),
            _money(q.uv),
            _money(q.ad_spend),
            "n/a" if q.agents is None else str(q.agents),
            str(q.new_products),
        ]
        for q in breakdown.quarters
    ]
    return table(headers, rows, ["left"] + [_RIGHT] * 6)


def _channels_table(breakdown: Any) -> str:
    headers = ["Channel", "Share", "Target", "Orders", "UV needed", "Ad spend"]
    rows = [
        [escape(c.name), percent(c.share), amount(c.target), _money(c.orders), _money(c.uv), _money(c.ad_spend)] for c in breakdown.channels
    ]
    return table(headers, rows, ["left"] + [_RIGHT] * 5)


def _departments_table(breakdown: Any, names: _Names) -> str:
    rows = [
        [
            names.department(part.department),
            escape(part.owns),
            escape(figure.label),
            _figure(figure.value, figure.unit),
        ]
        for part in breakdown.departments
        for figure in part.figures
    ]
    return table(["Department", "Owns", "Figure", "Value"], rows, ["left", "left", "left", _RIGHT])


def _balance_section(balance: Any, currency: str, names: _Names) -> list[str]:
    if balance is None:
        return ["The ad spend has not been checked against a promotion budget."]
    if not balance.checked:
        return [f"Not checked: {escape(balance.note)}."]
    spend, budget = amount(balance.ad_spend), amount(balance.budget)
    if not balance.over_budget:
        used = percent(balance.budget_used)
        return [f"The plan's ad spend of {spend} {currency} fits the promotion budget of {budget} {currency} ({used} used)."]
    parts = [
        f"The plan's ad spend of {spend} {currency} is **over** the promotion budget of {budget} {currency} "
        f"by {amount(balance.shortfall)} {currency}. Each lever below closes the gap on its own "
        "(the factor scales every month alike):"
    ]
    rows = []
    for fix in balance.levers:
        if fix.lever == "conversion":
            now, needed = percent(fix.current, 2), percent(fix.needed, 2)
        else:
            decimals = 2 if fix.lever == "order_value" else 0
            now, needed = amount(fix.current, decimals), amount(fix.needed, decimals)
        rows.append(
            [
                _LEVERS.get(fix.lever, escape(fix.lever)),
                names.department(fix.department),
                f"×{fix.factor:,.2f}",
                now,
                needed,
                "yes" if fix.closable else f"no: {escape(fix.reason)}",
            ]
        )
    headers = ["Lever", "Department", "Factor", "Now", "Needed", "Closes the gap"]
    parts.append(table(headers, rows, ["left", "left", _RIGHT, _RIGHT, _RIGHT, "left"]))
    return parts


def _month_label(row: Any) -> str:
    label = _MONTHS[row.month - 1]
    if row.partial:
        label += f" {row.coverage}"  # the same words as view 4's periods
    return label


def _actual_row(label: str, figures: tuple, effects: Any, lever: str | None, departments: tuple[str, ...], names: _Names) -> list[str]:
    target, actual, attainment, gap = figures
    return [
        label,
        amount(target),
        amount(actual),
        percent(attainment),
        _signed(gap),
        _signed(effects.traffic if effects else None),
        _signed(effects.conversion if effects else None),
        _signed(effects.order_value if effects else None),
        _LEVERS.get(lever, "") if lever else "on track",
        names.departments(departments),
    ]


def _actuals_section(pva: Any, currency: str, names: _Names) -> list[str]:
    if pva is None or not pva.has_actuals:
        year = f" for {pva.year}" if pva is not None else ""
        return [f"No actuals{year} yet: import the store's daily figures to compare them with the plan."]
    headers = ["Month", "Target", "Actual", "Attainment", "Gap", "Traffic", "Conversion", "Order value"]
    headers += ["Lever to act on", "Department"]
    rows = [
        _actual_row(_month_label(m), (m.target_to_date, m.actual, m.attainment, m.gap), m.effects, m.lever, m.departments, names)
        for m in pva.months
    ]
    ytd = (pva.ytd_target, pva.ytd_actual, pva.ytd_attainment, pva.ytd_gap)
    rows.append(_actual_row(f"**Year to date**, {pva.ytd_covers}", ytd, pva.ytd_effects, pva.lever, pva.departments, names))
    parts = [table(headers, rows, ["left"] + [_RIGHT] * 7 + ["left", "left"])]
    parts.append(
        f"Figures to {pva.cutoff}, the last day with data: each period's target is the sum of its days' targets "
        "through that day (a campaign's days carry its uplift). The gap is split over the levers by their "
        "Shapley values, which do not depend on the order the levers are looked at in."
    )
    if pva.months and pva.months[-1].partial and pva.month_end_forecast is not None:
        current = pva.months[-1]
        parts.append(
            f"{_MONTHS[current.month - 1]} at its run-rate on the curve ends at {amount(pva.month_end_forecast)} {currency} "
            f"against a target of {amount(current.target)} {currency}."
        )
    parts.append(
        f"Forecast for the year at the year-to-date attainment: {amount(pva.forecast)} {currency} "
        f"({percent(pva.forecast_attainment)} of the target, gap {_signed(pva.forecast_gap)})."
    )
    if pva.lever:
        owners = names.departments(pva.departments)
        parts.append(f"Lever to act on: **{_LEVERS[pva.lever].lower()}**, owned by {owners}.")
    else:
        parts.append("No lever is behind the plan so far.")
    return parts


def _rest_section(rest: Any, currency: str) -> list[str]:
    if rest is None:
        return ["No actuals yet: what the rest of the year needs follows once figures are imported."]
    if rest.factor is None:
        return [f"The year is over at {rest.cutoff}: no day is left to bring anything."]
    if rest.still_to_bring <= 0:
        return ["The year's target is reached: the rest of the year needs nothing more."]
    parts = [
        f"After {rest.cutoff}, the days still to come must bring {amount(rest.still_to_bring)} {currency} "
        f"against their targets of {amount(rest.planned)} {currency}: ×{rest.factor:,.2f} each day, by its place on the curve."
    ]
    rows = [
        [_MONTHS[m.month - 1] + ("" if m.first.day == 1 else f" (from {m.first:%m-%d})"), amount(m.planned), amount(m.needed)]
        for m in rest.months
    ]
    parts.append(table(["Month", "Planned", "Needed now"], rows, ["left", _RIGHT, _RIGHT]))
    if rest.days:
        rows = [[f"{d.day:%m-%d}", amount(d.planned), amount(d.needed)] for d in rest.days]
        parts.append(table([f"{_MONTHS[rest.days[0].day.month - 1]}, day", "Planned", "Needed now"], rows, ["left", _RIGHT, _RIGHT]))
    return parts


def _spend_section(spend: Any, pva: Any, currency: str) -> list[str]:
    if spend is None:
        return []
    rows = []
    if pva is not None and pva.cutoff is not None:
        used = percent(spend.ytd_spend / spend.ytd_budget) if spend.ytd_budget else "n/a"
        rows.append([f"Year to date, to {pva.cutoff}", amount(spend.ytd_spend), _money(spend.ytd_budget), used])
        used = percent(spend.month_spend / spend.month_budget) if spend.month_budget else "n/a"
        rows.append([f"{_MONTHS[spend.month - 1]} (whole month's budget)", amount(spend.month_spend), _money(spend.month_budget), used])
    parts = [table(["Actual ad spend", "Spent", "Budget", "Used"], rows, ["left", _RIGHT, _RIGHT, _RIGHT])] if rows else []
    if spend.budget > 0:
        parts.append(f"The budget to date is the year's {amount(spend.budget)} {currency} × the share of the target on those days.")
    if spend.daily_cap is not None:
        cap = f"{amount(spend.daily_cap)} {currency} a day" + (
            " (the budget spread evenly; no 每天上限 set)" if spend.cap_is_even_budget else " (每天上限)"
        )
        if spend.days_over_cap:
            listed = ", ".join(f"{d:%m-%d} {amount(v)}" for d, v in spend.days_over_cap)
            parts.append(f"Daily cap {cap}: {len(spend.days_over_cap)} days over it — {listed}.")
        else:
            parts.append(f"Daily cap {cap}: no day over it.")
    roi_plan = "n/a" if spend.roi_planned is None else f"{spend.roi_planned:,.2f}"
    roi_actual = "n/a" if spend.roi_actual is None else f"{spend.roi_actual:,.2f}"
    parts.append(f"ROI (投产比, revenue ÷ ad spend): planned {roi_plan}, actual {roi_actual}.")
    return parts


def _staffing_table(staffing: Any) -> str:
    rows = [
        [
            _MONTHS[m.month - 1],
            f"{m.peak_day:%m-%d}",
            _money(m.peak_orders),
            "n/a" if m.peak_agents is None else str(m.peak_agents),
            "n/a" if m.average_agents is None else str(m.average_agents),
        ]
        for m in staffing
    ]
    return table(
        ["Month", "Peak day", "Orders that day", "Agents at peak", "Agents on an average day"],
        rows,
        ["left", "left", _RIGHT, _RIGHT, _RIGHT],
    )


def _pair(plan: Any, actual: Any, kind: str) -> str:
    def one(value: Any) -> str:
        if value is None:
            return "n/a"
        return percent(value, 2) if kind == "rate" else (f"{value:,.2f}" if kind == "ratio" else amount(value, 2 if kind == "value" else 0))

    return f"{one(plan)} / {one(actual)}"


def _channels_actual_table(channels: Any, names: _Names) -> str:
    headers = ["Channel", "Target", "Actual", "Attainment", "UV", "Conversion", "Order value", "Ad spend", "ROI", "Lever", "Department"]
    rows = [
        [
            escape(c.name),
            amount(c.target),
            amount(c.actual),
            percent(c.attainment),
            _pair(c.plan_uv, c.actual_uv, "count"),
            _pair(c.plan_conversion, c.actual_conversion, "rate"),
            _pair(c.plan_order_value, c.actual_order_value, "value"),
            _pair(c.plan_ad_spend, c.actual_ad_spend, "count"),
            _pair(c.plan_roi, c.actual_roi, "ratio"),
            _LEVERS.get(c.lever, "")
            if c.lever
            else ("on track" if c.gap >= 0 else "no UV to split the gap" if c.effects is None else "none behind"),
            names.department(c.department),
        ]
        for c in channels
    ]
    return table(headers, rows, ["left"] + [_RIGHT] * 8 + ["left", "left"])


def _campaigns_table(plan: Any, names: _Names) -> str:
    rows = []
    for c in sorted(plan.campaigns, key=lambda c: c.start):
        phases = ", ".join(f"{PHASE_WORDS[p.kind]} {p.start:%m-%d}–{p.end:%m-%d} ×{p.weight:g}" for p in c.phases)
        rows.append(
            [escape(c.name), escape(c.platform or "all"), phases, f"+{c.uplift:.0%}", names.department(c.department), amount(c.budget)]
        )
    return table(
        ["Campaign", "Platform", "Phases (weight)", "Uplift", "Department", "Budget"], rows, ["left"] * 3 + [_RIGHT, "left", _RIGHT]
    )


def _versions_table(versions: Any, plan: Any, currency: str) -> str:
    rows = []
    for number, version in enumerate([*versions, plan], start=1):
        at = version.saved_at if version is not plan else version.updated_at
        kept = f"; days before {version.effective_from} kept" if version.effective_from else ""
        rows.append(
            [
                f"v{number}" + (" (current)" if version is plan else ""),
                f"{at:%Y-%m-%d %H:%M}" if at else "n/a",
                escape((version.saved_by if version is not plan else version.updated_by) or "n/a"),
                f"{amount(version.annual_target)} {currency}",
                escape(version.change or "saved") + kept,
            ]
        )
    return table(["Version", "Saved", "By", "Annual target", "What changed"], rows, ["left", "left", "left", _RIGHT, "left"])


def _extras(plan: Any, pva: Any, extras: Any, currency: str, names: _Names) -> list[str]:
    parts: list[str] = []
    if extras.channel_actuals:
        parts += [heading(3, _("Channels: plan vs actual")), "Each pair is plan / actual, to the same days as the year to date."]
        parts.append(_channels_actual_table(extras.channel_actuals, names))
    parts += [heading(3, _("The rest of the year")), *_rest_section(extras.rest, currency)]
    if extras.spend is not None:
        parts += [heading(3, _("Spend")), *_spend_section(extras.spend, pva, currency)]
    if extras.staffing:
        parts += [heading(3, _("Customer service at the peak")), _staffing_table(extras.staffing)]
    if plan.campaigns:
        parts += [heading(3, _("Campaigns")), _campaigns_table(plan, names)]
    parts += [heading(3, _("Plan versions")), _versions_table(extras.versions, plan, currency)]
    return parts


def targets_markdown(
    plan: Any,
    breakdown: Any,
    balance: Any,
    pva: Any,
    title: str,
    departments: Mapping[str, str] | None = None,
    extras: Any = None,
) -> str:
    """The targets view as Markdown. `plan` is the board's TargetPlan (None:
    none set); `breakdown`, `balance` and `pva` are `logic.targets`'
    Breakdown, Balance and PlanVsActual (None: not computed). `departments`
    maps department ids to the board's names. `extras` (a services.targets
    TargetsView) adds per-channel plan vs actual, the rest of the year, spend,
    peak staffing, campaigns and the plan's versions."""
    parts = [heading(2, escape(title))]
    if plan is None or breakdown is None:
        parts.append("No sales target has been set yet: set the annual target to break it down.")
        return "\n\n".join(parts) + "\n"
    names = _Names(departments)
    currency = escape(plan.currency)
    summary = f"Year {plan.year}. Annual target: {amount(plan.annual_target)} {currency}."
    if plan.promotion_budget > 0:
        summary += f" Promotion budget: {amount(plan.promotion_budget)} {currency}."
    parts += [summary, f"Amounts in {currency}."]
    if breakdown.problems:
        parts.append("\n".join(f"- {escape(problem)}" for problem in breakdown.problems))
    parts += [heading(3, "Months"), _months_table(breakdown), heading(3, "Quarters"), _quarters_table(breakdown)]
    parts += [heading(3, "Channels"), _channels_table(breakdown)]
    parts += [heading(3, "Departments"), _departments_table(breakdown, names)]
    parts += [heading(3, "Budget"), *_balance_section(balance, currency, names)]
    parts += [heading(3, "Plan vs actual"), *_actuals_section(pva, currency, names)]
    if extras is not None:
        parts += _extras(plan, pva, extras, currency, names)
    return "\n\n".join(parts) + "\n"
