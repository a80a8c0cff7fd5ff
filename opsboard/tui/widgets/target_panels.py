"""The text panels of view 3, built from a services.targets.TargetsView: the
deviation panel (the selected month's gap, its weakest lever and the
department that owns it, and the budget balance), the budget in detail, and
the channel, department, quarter and campaign tables.

User text (channel, campaign and department names) goes in as Text, never
markup. Signs (−/+) and words carry the meaning; colour only repeats it.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from opsboard.logic.targets import monthly_targets
from opsboard.model.campaigns import PHASE_WORDS
from opsboard.services.targets import month_deviation, ytd_deviation

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LEVERS = {"traffic": "traffic", "conversion": "conversion", "order_value": "order value", "budget": "budget"}
IMPORT_HELP = "opsboard import-actuals BOARD FILE.csv"


def money(value: float | None, decimals: int = 0) -> str:
    return "n/a" if value is None else f"{value:,.{decimals}f}".replace("-", "−")


def signed(value: float | None) -> str:
    if value is None:
        return "n/a"
    text = f"{abs(value):,.0f}"
    return text if text == "0" else ("+" if value > 0 else "−") + text


def rate(value: float | None, decimals: int = 1) -> str:
    return "n/a" if value is None else f"{value * 100:.{decimals}f}%"


def _fix_words(view, fix) -> str:
    owner = view.department_name(fix.department)
    if fix.lever == "conversion":
        text = f"conversion {rate(fix.current, 2)}→{rate(fix.needed, 2)}"
    elif fix.lever == "order_value":
        text = f"order value {money(fix.current, 2)}→{money(fix.needed, 2)}"
    else:
        text = f"budget {money(fix.current)}→{money(fix.needed)}"
    return f"{text} ({owner})" + ("" if fix.closable else " — not alone: " + fix.reason)


def budget_line(view, brief: bool = False) -> Text:
    """One paragraph: does the ad spend fit the budget, and what closes the
    gap; `brief`: one short line that points to the Budget tab."""
    balance, currency = view.balance, view.plan.currency
    if brief and balance is not None and balance.over_budget:
        text = Text()
        text.append("Over budget:", style="bold reverse")
        return text.append(f" by {money(balance.shortfall)} {currency} — the Budget tab (l) says what closes it")
    if balance is None or not balance.checked:
        note = balance.note if balance is not None else "no plan"
        return Text(f"Budget not checked: {note} (e: set the promotion budget).", style="dim")
    if not balance.over_budget:
        used = rate(balance.budget_used, 0)
        return Text(f"Budget: ad spend {money(balance.ad_spend)} fits the {money(balance.budget)} {currency} budget ({used} used).")
    text = Text()
    text.append("Over budget: ", style="bold reverse")
    text.append(
        f" ad spend {money(balance.ad_spend)} is {money(balance.shortfall)} {currency} over the "
        f"{money(balance.budget)} budget. Each closes it alone: "
    )
    text.append(" · ".join(_fix_words(view, fix) for fix in balance.levers))
    return text


def _lever_line(view, deviation) -> Text:
    text = Text("▶ Weakest lever: ", style="bold")
    text.append(deviation.words, style="bold")
    text.append(" → ")
    text.append(view.department_name(deviation.department), style="bold underline")
    text.append(f" ({signed(deviation.effect)} of the gap) · t: task on its board")
    return text


def deviation_text(view, month: int | None, brief: bool = False, board: str = "BOARD") -> Text:
    """The deviation panel for `month` (None: the year to date); `brief`
    for a short screen: the budget in one line; `board`: the file the import
    command names (as view 4 names it)."""
    plan, pva = view.plan, view.pva
    year, currency = plan.year, plan.currency
    lines: list[Text] = []
    if not view.actuals_ready:
        lines.append(Text("Working out plan vs actual…", style="dim"))
    elif pva is None or not pva.has_actuals:
        command = IMPORT_HELP.replace("BOARD", board)
        lines.append(Text(f"No store metrics for {year} yet. Import the daily figures to compare plan and actual: {command}"))
    elif month is None:
        lines.append(
            Text(
                f"Year to date, {pva.ytd_covers}: {money(pva.ytd_actual)} of "
                f"{money(pva.ytd_target)} {currency} ({rate(pva.ytd_attainment, 0)}), gap {signed(pva.ytd_gap)}; "
                f"forecast {money(pva.forecast)} ({rate(pva.forecast_attainment, 0)} of the year)"
            )
        )
        effects, deviation = pva.ytd_effects, ytd_deviation(pva)
        lines += _split_and_lever(view, effects, deviation)
    else:
        row = view.actual(month)
        target = view.breakdown.months[month - 1]
        if row is None:
            lines.append(
                Text(
                    f"{MONTHS[month - 1]} {year}: no actuals yet. Plan {money(target.target)} {currency}: "
                    f"{money(target.orders)} orders from {money(target.uv)} UV, ad spend {money(target.ad_spend)}."
                )
            )
        else:
            days = f" {row.coverage}" if row.partial else ""
            lines.append(
                Text(
                    f"{MONTHS[month - 1]} {year}{days}: {money(row.actual)} of {money(row.target_to_date)} {currency} "
                    f"({rate(row.attainment, 0)}), gap {signed(row.gap)}"
                )
            )
            lines += _split_and_lever(view, row.effects, month_deviation(year, row))
    lines.append(budget_line(view, brief))
    return Text("\n").join(lines)


def _split_and_lever(view, effects, deviation) -> list[Text]:
    lines = []
    if effects is not None:
        lines.append(
            Text(
                f"Gap by lever: traffic {signed(effects.traffic)} · conversion {signed(effects.conversion)}"
                f" · order value {signed(effects.order_value)}"
            )
        )
    if deviation is None:
        lines.append(Text("No lever is behind plan."))
    elif deviation.ahead:
        lines.append(Text(f"Ahead of plan; the lever lagging most: {deviation.words} ({view.department_name(deviation.department)})."))
    else:
        lines.append(_lever_line(view, deviation))
    return lines


def _table(title: str, headers: list[str], right_from: int = 1) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, expand=False)
    for index, header in enumerate(headers):
        table.add_column(header, justify="right" if index >= right_from else "left", no_wrap=index >= right_from)
    return table


def budget_panel(view) -> RenderableType:
    """The budget in detail: spend vs budget and each lever's fix."""
    parts: list[RenderableType] = [budget_line(view)]
    balance = view.balance
    if balance is not None and balance.over_budget:
        table = _table("What closes the gap, each lever alone", ["Lever", "Department", "Factor", "Now", "Needed", "Alone?"], 2)
        for fix in balance.levers:
            if fix.lever == "conversion":
                now, needed = rate(fix.current, 2), rate(fix.needed, 2)
            else:
                decimals = 2 if fix.lever == "order_value" else 0
                now, needed = money(fix.current, decimals), money(fix.needed, decimals)
            alone = "yes" if fix.closable else "no"
            table.add_row(LEVERS[fix.lever], Text(view.department_name(fix.department)), f"×{fix.factor:,.2f}", now, needed, alone)
        parts += [Text(""), table]
        parts += [Text(f"conversion: {fix.reason}", style="dim") for fix in balance.levers if not fix.closable]
    for problem in view.breakdown.problems:
        parts.append(Text(problem, style="bold"))
    parts += _actual_spend(view)
    parts += [Text(""), _spend_table(view)]
    return Group(*parts)


def _actual_spend(view) -> list[RenderableType]:
    """Actual ad spend against the budget to date and this month, the daily
    cap and the days over it, ROI planned vs actual."""
    spend, pva, currency = view.spend, view.pva, view.plan.currency
    if spend is None or pva is None or pva.cutoff is None:
        return []
    table = _table(f"Actual ad spend to {pva.cutoff} ({currency})", ["", "Spent", "Budget", "Used"])
    ytd_used = rate(spend.ytd_spend / spend.ytd_budget, 0) if spend.ytd_budget else "n/a"
    table.add_row("Year to date", money(spend.ytd_spend), money(spend.ytd_budget), ytd_used)
    month_used = rate(spend.month_spend / spend.month_budget, 0) if spend.month_budget else "n/a"
    table.add_row(f"{MONTHS[spend.month - 1]} (month's budget)", money(spend.month_spend), money(spend.month_budget), month_used)
    parts: list[RenderableType] = [Text(""), table]
    if spend.daily_cap is not None:
        source = "the budget spread evenly" if spend.cap_is_even_budget else "每天上限"
        line = Text(f"Daily cap {money(spend.daily_cap)} ({source}): ")
        if spend.days_over_cap:
            shown = ", ".join(f"{d:%m-%d} {money(v)}" for d, v in spend.days_over_cap[:12])
            more = f" and {len(spend.days_over_cap) - 12} more" if len(spend.days_over_cap) > 12 else ""
            line.append(f"{len(spend.days_over_cap)} days over — ", style="bold")
            line.append(shown + more)
        else:
            line.append("no day over it.")
        parts.append(line)
    roi_plan = "n/a" if spend.roi_planned is None else f"{spend.roi_planned:,.2f}"
    roi_actual = "n/a" if spend.roi_actual is None else f"{spend.roi_actual:,.2f}"
    parts.append(Text(f"ROI (投产比): planned {roi_plan}, actual {roi_actual}."))
    return parts


def rest_panel(view, compare: int | None = None) -> RenderableType:
    """What the rest of the year needs, then the plan beside an earlier version."""
    parts: list[RenderableType] = []
    rest, currency = view.rest, view.plan.currency
    if rest is None:
        parts.append(Text("No actuals yet: what the rest of the year needs follows once figures are imported.", style="dim"))
    elif rest.factor is None:
        parts.append(Text(f"The year is over at {rest.cutoff}."))
    elif rest.still_to_bring <= 0:
        parts.append(Text("The year's target is reached: the rest of the year needs nothing more."))
    else:
        parts.append(
            Text(
                f"After {rest.cutoff} the days still to come must bring {money(rest.still_to_bring)} {currency} "
                f"against their targets of {money(rest.planned)}: ×{rest.factor:,.2f} each day, by its place on the curve."
            )
        )
        if rest.month_end_forecast is not None and view.pva is not None and view.pva.months:
            current = view.pva.months[-1]
            parts.append(
                Text(
                    f"{MONTHS[current.month - 1]} at its run-rate on the curve ends at {money(rest.month_end_forecast)} "
                    f"of {money(current.target)} {currency}."
                )
            )
        months = _table("What each remaining month must bring", ["Month", "Planned", "Needed now"])
        for need in rest.months:
            label = MONTHS[need.month - 1] + ("" if need.first.day == 1 else f" from {need.first:%m-%d}")
            months.add_row(label, money(need.planned), money(need.needed))
        days = _table("And each remaining day of the month", ["Day", "Planned", "Needed now"])
        for need in rest.days:
            days.add_row(f"{need.day:%m-%d}", money(need.planned), money(need.needed))
        parts += [Text(""), months, Text(""), days]
    parts += [Text(""), versions_table(view, compare)]
    return Group(*parts)


def versions_table(view, compare: int | None) -> RenderableType:
    """The current plan's month targets beside version `compare` (1-based; None: the previous)."""
    versions = view.versions
    if not versions:
        return Text("One version of the plan so far: each saved change keeps the plan before it (v: compare).", style="dim")
    index = len(versions) if compare is None else max(1, min(compare, len(versions)))
    earlier = versions[index - 1]
    by = earlier.saved_by or "?"
    when = f"{earlier.saved_at:%Y-%m-%d %H:%M}" if earlier.saved_at else "?"
    title = f"This plan beside v{index} of {len(versions) + 1} ({by}, {when}: {earlier.change or 'saved'}) — v: another"
    table = _table(title, ["Month", "Now", f"v{index}", "Change"])
    now, then = monthly_targets(view.plan), monthly_targets(earlier)
    for month, (a, b) in enumerate(zip(now, then, strict=True), start=1):
        table.add_row(MONTHS[month - 1], money(a), money(b), signed(a - b))
    table.add_row("Year", money(sum(now)), money(sum(then)), signed(sum(now) - sum(then)))
    return table


def _spend_table(view) -> Table:
    """Ad spend month by month (paid UV × cost per click) and how much of the budget it has used."""
    budget = view.plan.promotion_budget
    headers = ["Month", "Paid share", "Paid UV", "Cost/click", "Ad spend", "So far"] + (["Of budget"] if budget else [])
    table = _table("Ad spend by month: paid UV × cost per click", headers)
    total = 0.0
    for month in view.breakdown.months:
        total += month.ad_spend or 0.0
        row = [
            MONTHS[month.month - 1],
            rate(month.paid_share, 0),
            money(month.paid_uv),
            money(month.cost_per_click, 2),
            money(month.ad_spend),
            money(total),
        ]
        if budget:
            row.append(rate(total / budget, 0))
        table.add_row(*row)
    return table


def breakdown_panel(view) -> RenderableType:
    """Channels, departments, quarters and campaigns."""
    breakdown, plan = view.breakdown, view.plan
    channels = _table(f"Channels ({plan.currency})", ["Channel", "Share", "Target", "Orders", "UV needed", "Ad spend"])
    for channel in breakdown.channels:
        channels.add_row(
            Text(channel.name),
            rate(channel.share),
            money(channel.target),
            money(channel.orders),
            money(channel.uv),
            money(channel.ad_spend),
        )
    departments = _table("Departments: what each owns", ["Department", "Owns", "Figure", "Value"], 3)
    for part in breakdown.departments:
        for index, figure in enumerate(part.figures):
            value = (
                rate(figure.value, 2)
                if figure.unit == "rate"
                else money(figure.value, 2 if figure.unit == "currency" and (figure.value or 0) < 1000 else 0)
            )
            name = Text(view.department_name(part.department)) if index == 0 else Text("")
            departments.add_row(name, Text(part.owns if index == 0 else ""), figure.label, value)
    quarters = _table("Quarters", ["Quarter", "Target", "Orders", "UV needed", "Ad spend", "Agents at peak", "New products"])
    for quarter in breakdown.quarters:
        quarters.add_row(
            quarter.label,
            money(quarter.target),
            money(quarter.orders),
            money(quarter.uv),
            money(quarter.ad_spend),
            money(quarter.agents),
            str(quarter.new_products),
        )
    parts: list[RenderableType] = [channels, Text("")]
    if view.channel_actuals:
        parts += [_channel_actuals(view), Text("")]
    parts += [departments, Text(""), quarters]
    if view.staffing:
        staffing = _table("Customer-service agents: the peak day beside the average day", ["Month", "Peak day", "At peak", "Average day"])
        for month in view.staffing:
            staffing.add_row(MONTHS[month.month - 1], f"{month.peak_day:%m-%d}", money(month.peak_agents), money(month.average_agents))
        parts += [Text(""), staffing]
    if plan.campaigns:
        campaigns = _table("Campaigns (c: add one)", ["Campaign", "Platform", "Phases (weight)", "Uplift", "Department"], 9)
        for campaign in sorted(plan.campaigns, key=lambda c: c.start):
            phases = ", ".join(f"{PHASE_WORDS[p.kind]} {p.start:%m-%d}–{p.end:%m-%d}×{p.weight:g}" for p in campaign.phases)
            campaigns.add_row(
                Text(campaign.name),
                Text(campaign.platform or "all"),
                phases,
                f"+{campaign.uplift:.0%}",
                Text(view.department_name(campaign.department)),
            )
        parts += [Text(""), campaigns]
    return Group(*parts)


def _channel_actuals(view) -> Group:
    """Two narrow tables (they fit 80 columns): attainment and the lever to
    act on, then each lever planned above actual."""
    pva = view.pva
    title = f"Channels: plan vs actual, {pva.ytd_covers}" if pva is not None else "Channels: plan vs actual"
    totals = _table(title, ["Channel", "Target", "Actual", "Att.", "Lever → department"])
    levers = _table("Channels: each figure planned (top) and actual (below)", ["Channel", "Conversion", "Order value", "Ad spend", "ROI"])
    for c in view.channel_actuals:
        if c.lever:
            lever = Text(f"{LEVERS[c.lever]} → {view.department_name(c.department)}")
        else:  # no split without the channel's visitors: say so rather than "on track"
            lever = Text("on track" if c.gap >= 0 else ("no UV to split the gap" if c.effects is None else "none behind"))
        totals.add_row(Text(c.name), money(c.target), money(c.actual), rate(c.attainment, 0), lever)
        levers.add_row(
            Text(c.name),
            f"{rate(c.plan_conversion, 2)}\n{rate(c.actual_conversion, 2)}",
            f"{money(c.plan_order_value, 2)}\n{money(c.actual_order_value, 2)}",
            f"{money(c.plan_ad_spend)}\n{money(c.actual_ad_spend)}",
            f"{money(c.plan_roi, 2)}\n{money(c.actual_roi, 2)}",
        )
    return Group(totals, Text(""), levers)
