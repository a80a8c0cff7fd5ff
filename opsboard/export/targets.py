"""The target breakdown as Markdown: months, quarters, channels, departments,
the budget balance and plan vs actual, from the `logic.targets` results.

Signed amounts (gaps, lever effects) carry an explicit + or − so the tables
read without colour; a figure that cannot be computed reads "n/a".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from opsboard.i18n import _, _l, ngettext, pgettext
from opsboard.i18n.formats import month_abbr, not_available, number, order_value_decimals, percent
from opsboard.model.campaigns import PHASE_WORDS
from opsboard.model.labels import lever_word, platform_word, versions_changes

from .columns import Column, Render, markdown_table
from .markdown import escape, heading, table
from .target_columns import (
    ACTUAL_COLUMNS,
    CHANNEL_COLUMNS,
    DEPARTMENTS,
    EFFECT_COLUMNS,
    LEVER_NAME,
    MONTH,
    PLAN_COLUMNS,
    QUARTER_COLUMNS,
    TARGET_TO_DATE,
    channels_without_platform_note,
    days_counted,
    signed,
    year_to_date,
)

_DEPARTMENTS = {
    "marketing": _l("Marketing"),
    "design": _l("Design"),
    "customer_service": _l("Customer service"),
    "product_development": _l("Product development"),
    "hr": _l("HR"),
    "operations": _l("Operations"),
}
_RIGHT = "right"


def amount(value: float | None, decimals: int = 0) -> str:
    return number(value, decimals)


def _signed(value: float | None) -> str:
    return signed(value, Render())


def _figure(value: float | None, unit: str) -> str:
    if unit == "rate":
        return percent(value, 2)
    return amount(value, order_value_decimals(value) if unit == "currency" else 0)  # the average order value: 258, not 258.16


class _Names:
    def __init__(self, departments: Mapping[str, str] | None) -> None:
        self._names = {**{key: str(name) for key, name in _DEPARTMENTS.items()}, **(departments or {})}

    def department(self, key: str | None) -> str:
        if not key:
            return ""
        return escape(self._names.get(key) or key.replace("_", " ").capitalize())

    def departments(self, keys: tuple[str, ...]) -> str:
        return ", ".join(self.department(key) for key in keys)

    def render(self, **changes: Any) -> Render:
        return Render(text=escape, department=self.department, **changes)


def _months_table(breakdown: Any, names: _Names) -> str:
    rows = [*breakdown.months, breakdown.year_total]
    return markdown_table(PLAN_COLUMNS, rows, names.render(totals=breakdown.year_total))


def _quarters_table(breakdown: Any, names: _Names) -> str:
    return markdown_table(QUARTER_COLUMNS, breakdown.quarters, names.render())


def _channels_table(breakdown: Any, names: _Names) -> str:
    return markdown_table(CHANNEL_COLUMNS, breakdown.channels, names.render())


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
    return table([_("Department"), _("Owns"), _("Figure"), _("Value")], rows, ["left", "left", "left", _RIGHT])


def _balance_section(balance: Any, currency: str, names: _Names) -> list[str]:
    if balance is None:
        return [_("The ad spend has not been checked against a promotion budget.")]
    if not balance.checked:
        return [_("Not checked: {reason}.").format(reason=escape(balance.note))]
    spend, budget = amount(balance.ad_spend), amount(balance.budget)
    if not balance.over_budget:
        return [
            _("The plan's ad spend of {spend} {currency} fits the promotion budget of {budget} {currency} ({used} used).").format(
                spend=spend, budget=budget, currency=currency, used=percent(balance.budget_used)
            )
        ]
    parts = [
        _(
            "The plan's ad spend of {spend} {currency} is **over** the promotion budget of {budget} {currency} "
            "by {over} {currency}. Each lever below closes the gap on its own (the factor scales every month alike):"
        ).format(spend=spend, budget=budget, over=amount(balance.shortfall), currency=currency)
    ]
    rows = []
    for fix in balance.levers:
        if fix.lever == "conversion":
            now, needed = percent(fix.current, 2), percent(fix.needed, 2)
        else:
            decimals = order_value_decimals(fix.current, fix.needed) if fix.lever == "order_value" else 0
            now, needed = amount(fix.current, decimals), amount(fix.needed, decimals)
        rows.append(
            [
                lever_word(fix.lever).capitalize(),
                names.department(fix.department),
                f"×{number(fix.factor, 2)}",
                now,
                needed,
                pgettext("answer", "yes") if fix.closable else _("no: {reason}").format(reason=escape(fix.reason)),
            ]
        )
    headers = [_("Lever"), _("Department"), _("Factor"), _("Now"), _("Needed"), _("Closes the gap")]
    parts.append(table(headers, rows, ["left", "left", _RIGHT, _RIGHT, _RIGHT, "left"]))
    return parts


# the plan vs actual table: each month against its target to date, the year to date as the totals row
_ACTUALS_TABLE: list[Column] = [MONTH, TARGET_TO_DATE, *ACTUAL_COLUMNS, *EFFECT_COLUMNS, LEVER_NAME, DEPARTMENTS]


def _actuals_section(pva: Any, currency: str, names: _Names) -> list[str]:
    if pva is None or not pva.has_actuals:
        if pva is None:
            return [_("No actuals yet: import the store's daily figures to compare them with the plan.")]
        return [_("No actuals for {year} yet: import the store's daily figures to compare them with the plan.").format(year=pva.year)]
    ytd = year_to_date(pva)
    total = _("Year to date, {covers}").format(covers=pva.ytd_covers)
    render = names.render(totals=ytd, total=total, partial=days_counted)
    parts = [markdown_table(_ACTUALS_TABLE, [*pva.months, ytd], render)]
    parts.append(
        _(
            "Figures to {day}, the last day with data: each period's target is the sum of its days' targets "
            "through that day (a campaign's days carry its uplift). The gap is split over the levers by their "
            "Shapley values, which do not depend on the order the levers are looked at in."
        ).format(day=pva.cutoff)
    )
    if pva.months and pva.months[-1].partial and pva.month_end_forecast is not None:
        current = pva.months[-1]
        parts.append(
            _("{month} at its run-rate on the curve ends at {forecast} {currency} against a target of {target} {currency}.").format(
                month=month_abbr(current.month), forecast=amount(pva.month_end_forecast), target=amount(current.target), currency=currency
            )
        )
    parts.append(
        _("Forecast for the year at the year-to-date attainment: {forecast} {currency} ({attainment} of the target, gap {gap}).").format(
            forecast=amount(pva.forecast), currency=currency, attainment=percent(pva.forecast_attainment), gap=_signed(pva.forecast_gap)
        )
    )
    if pva.lever:
        parts.append(
            _("Lever to act on: **{lever}**, owned by {departments}.").format(
                lever=lever_word(pva.lever), departments=names.departments(pva.departments)
            )
        )
    else:
        parts.append(_("No lever is behind the plan so far."))
    return parts


def _rest_section(rest: Any, currency: str) -> list[str]:
    if rest is None:
        return [_("No actuals yet: what the rest of the year needs follows once figures are imported.")]
    if rest.factor is None:
        return [_("The year is over at {day}: no day is left to bring anything.").format(day=rest.cutoff)]
    if rest.still_to_bring <= 0:
        return [_("The year's target is reached: the rest of the year needs nothing more.")]
    parts = [
        _(
            "After {day}, the days still to come must bring {amount} {currency} against their targets of "
            "{planned} {currency}: ×{factor} each day, by its place on the curve."
        ).format(
            day=rest.cutoff,
            amount=amount(rest.still_to_bring),
            planned=amount(rest.planned),
            currency=currency,
            factor=number(rest.factor, 2),
        )
    ]
    rows = []
    for m in rest.months:
        label = (
            month_abbr(m.month) if m.first.day == 1 else _("{month} (from {day})").format(month=month_abbr(m.month), day=f"{m.first:%m-%d}")
        )
        rows.append([label, amount(m.planned), amount(m.needed)])
    parts.append(table([_("Month"), _("Planned"), _("Needed now")], rows, ["left", _RIGHT, _RIGHT]))
    if rest.days:
        rows = [[f"{d.day:%m-%d}", amount(d.planned), amount(d.needed)] for d in rest.days]
        day = _("{month}, day").format(month=month_abbr(rest.days[0].day.month))
        parts.append(table([day, _("Planned"), _("Needed now")], rows, ["left", _RIGHT, _RIGHT]))
    return parts


def _spend_section(spend: Any, pva: Any, currency: str) -> list[str]:
    if spend is None:
        return []
    rows = []
    if pva is not None and pva.cutoff is not None:
        used = percent(spend.ytd_spend / spend.ytd_budget) if spend.ytd_budget else not_available()
        rows.append([_("Year to date, to {day}").format(day=pva.cutoff), amount(spend.ytd_spend), amount(spend.ytd_budget), used])
        used = percent(spend.month_spend / spend.month_budget) if spend.month_budget else not_available()
        month = _("{month} (whole month's budget)").format(month=month_abbr(spend.month))
        rows.append([month, amount(spend.month_spend), amount(spend.month_budget), used])
    headers = [_("Actual ad spend"), _("Spent"), _("Budget"), _("Used")]
    parts = [table(headers, rows, ["left", _RIGHT, _RIGHT, _RIGHT])] if rows else []
    if spend.budget > 0:
        parts.append(
            _("The budget to date is the year's {budget} {currency} × the share of the target on those days.").format(
                budget=amount(spend.budget), currency=currency
            )
        )
    if spend.daily_cap is not None:
        if spend.cap_is_even_budget:
            cap = _("{cap} {currency} a day (the budget spread evenly; no 每天上限 set)")
        else:
            cap = _("{cap} {currency} a day (每天上限)")
        cap = cap.format(cap=amount(spend.daily_cap), currency=currency)
        if spend.days_over_cap:
            listed = ", ".join(f"{d:%m-%d} {amount(v)}" for d, v in spend.days_over_cap)
            over = len(spend.days_over_cap)
            parts.append(
                ngettext("Daily cap {cap}: {n} day over it — {days}.", "Daily cap {cap}: {n} days over it — {days}.", over).format(
                    cap=cap, n=over, days=listed
                )
            )
        else:
            parts.append(_("Daily cap {cap}: no day over it.").format(cap=cap))
    parts.append(
        _("ROI (投产比, revenue ÷ ad spend): planned {planned}, actual {actual}.").format(
            planned=number(spend.roi_planned, 2), actual=number(spend.roi_actual, 2)
        )
    )
    return parts


def _staffing_table(staffing: Any) -> str:
    rows = [
        [
            month_abbr(m.month),
            f"{m.peak_day:%m-%d}",
            amount(m.peak_orders),
            not_available() if m.peak_agents is None else str(m.peak_agents),
            not_available() if m.average_agents is None else str(m.average_agents),
        ]
        for m in staffing
    ]
    return table(
        [_("Month"), _("Peak day"), _("Orders that day"), _("Agents at peak"), _("Agents on an average day")],
        rows,
        ["left", "left", _RIGHT, _RIGHT, _RIGHT],
    )


def _pair(plan: Any, actual: Any, kind: str, decimals: int = 0) -> str:
    def one(value: Any) -> str:
        if value is None:
            return not_available()
        return percent(value, 2) if kind == "rate" else number(value, 2 if kind == "ratio" else decimals)

    return f"{one(plan)} / {one(actual)}"


def _channel_lever(c: Any) -> str:
    if c.lever:
        return lever_word(c.lever).capitalize()
    if c.gap >= 0:
        return _("on track")
    return _("no UV to split the gap") if c.effects is None else _("none behind")


def _channels_actual_table(channels: Any, names: _Names) -> str:
    headers = [_("Channel"), _("Target"), _("Actual"), _("Attainment"), _("UV"), _("Conversion"), _("Order value"), _("Ad spend"), _("ROI")]
    headers += [_("Lever"), _("Department")]
    values = order_value_decimals(*(v for c in channels for v in (c.plan_order_value, c.actual_order_value)))  # one for the column
    rows = [
        [
            escape(c.name),
            amount(c.target),
            amount(c.actual),
            percent(c.attainment),
            _pair(c.plan_uv, c.actual_uv, "count"),
            _pair(c.plan_conversion, c.actual_conversion, "rate"),
            _pair(c.plan_order_value, c.actual_order_value, "value", values),
            _pair(c.plan_ad_spend, c.actual_ad_spend, "count"),
            _pair(c.plan_roi, c.actual_roi, "ratio"),
            _channel_lever(c),
            names.department(c.department),
        ]
        for c in channels
    ]
    return table(headers, rows, ["left"] + [_RIGHT] * 8 + ["left", "left"])


def _campaigns_table(plan: Any, names: _Names) -> str:
    rows = []
    for c in sorted(plan.campaigns, key=lambda c: c.start):
        phases = _(", ").join(f"{PHASE_WORDS[p.kind]} {p.start:%m-%d}–{p.end:%m-%d} ×{p.weight:g}" for p in c.phases)
        rows.append(
            [
                escape(c.name),
                escape(platform_word(c.platform)),
                phases,
                f"+{c.uplift:.0%}",
                names.department(c.department),
                amount(c.budget),
            ]
        )
    headers = [_("Campaign"), _("Platform"), _("Phases (weight)"), _("Uplift"), _("Department"), _("Budget")]
    return table(headers, rows, ["left"] * 3 + [_RIGHT, "left", _RIGHT])


def _versions_table(versions: Any, plan: Any, currency: str) -> str:
    rows = []
    every = [*versions, plan]
    for index, (version, change) in enumerate(zip(every, versions_changes(every), strict=True), start=1):
        at = version.saved_at if version is not plan else version.updated_at
        change = escape(change)
        if version.effective_from:
            change = _("{change}; days before {day} kept").format(change=change, day=version.effective_from)
        rows.append(
            [
                _("v{n} (current)").format(n=index) if version is plan else f"v{index}",
                f"{at:%Y-%m-%d %H:%M}" if at else not_available(),
                escape((version.saved_by if version is not plan else version.updated_by) or not_available()),
                f"{amount(version.annual_target)} {currency}",
                change,
            ]
        )
    headers = [_("Version"), _("Saved"), _("By"), _("Annual target"), _("What changed")]
    return table(headers, rows, ["left", "left", "left", _RIGHT, "left"])


def _extras(plan: Any, pva: Any, extras: Any, currency: str, names: _Names) -> list[str]:
    parts: list[str] = []
    if extras.channel_actuals:
        parts += [heading(3, _("Channels: plan vs actual")), _("Each pair is plan / actual, to the same days as the year to date.")]
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
    peak staffing, campaigns and the plan's versions. The months, quarters,
    channels and plan vs actual tables have the columns view 3 draws
    (`target_columns.py`)."""
    parts = [heading(2, escape(title))]
    if plan is None or breakdown is None:
        parts.append(_("No sales target has been set yet: set the annual target to break it down."))
        return "\n\n".join(parts) + "\n"
    names = _Names(departments)
    currency = escape(plan.currency)
    if plan.promotion_budget > 0:
        summary = _("Year {year}. Annual target: {target} {currency}. Promotion budget: {budget} {currency}.").format(
            year=plan.year, target=amount(plan.annual_target), budget=amount(plan.promotion_budget), currency=currency
        )
    else:
        summary = _("Year {year}. Annual target: {target} {currency}.").format(
            year=plan.year, target=amount(plan.annual_target), currency=currency
        )
    parts += [summary, _("Amounts in {currency}.").format(currency=currency)]
    if breakdown.problems:
        parts.append("\n".join(f"- {escape(problem)}" for problem in breakdown.problems))
    parts += [heading(3, _("Months")), _months_table(breakdown, names), heading(3, _("Quarters")), _quarters_table(breakdown, names)]
    parts += [heading(3, _("Channels")), _channels_table(breakdown, names)]
    if breakdown.channels_without_platform:
        parts.append(escape(channels_without_platform_note(breakdown)))
    parts += [heading(3, _("Departments")), _departments_table(breakdown, names)]
    parts += [heading(3, _("Budget")), *_balance_section(balance, currency, names)]
    parts += [heading(3, _("Plan vs actual")), *_actuals_section(pva, currency, names)]
    if extras is not None:
        parts += _extras(plan, pva, extras, currency, names)
    return "\n\n".join(parts) + "\n"
