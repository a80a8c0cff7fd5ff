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

from opsboard.export.columns import Column, Render
from opsboard.export.target_columns import CHANNEL_COLUMNS, QUARTER_COLUMNS, channels_without_platform_note, days_counted
from opsboard.i18n import _, ngettext, pgettext
from opsboard.i18n.formats import month_abbr, not_available, number, order_value_decimals, percent
from opsboard.i18n.formats import signed as signed_text
from opsboard.logic.targets import monthly_targets
from opsboard.model.campaigns import PHASE_WORDS
from opsboard.model.labels import lever_word, platform_word, versions_changes
from opsboard.services.targets import month_deviation, ytd_deviation

IMPORT_HELP = "opsboard import-actuals {board} FILE.csv"


def money(value: float | None, decimals: int = 0) -> str:
    return number(value, decimals)


def signed(value: float | None) -> str:
    return signed_text(number, value)


def rate(value: float | None, decimals: int = 1) -> str:
    return percent(value, decimals)


def _fix_words(view, fix) -> str:
    owner = view.department_name(fix.department)
    if fix.lever == "conversion":
        now, needed = rate(fix.current, 2), rate(fix.needed, 2)
    elif fix.lever == "order_value":
        decimals = order_value_decimals(fix.current, fix.needed)
        now, needed = money(fix.current, decimals), money(fix.needed, decimals)
    else:
        now, needed = money(fix.current), money(fix.needed)
    if fix.closable:
        return _("{lever} {now}→{needed} ({department})").format(lever=lever_word(fix.lever), now=now, needed=needed, department=owner)
    return _("{lever} {now}→{needed} ({department}) — not alone: {reason}").format(
        lever=lever_word(fix.lever), now=now, needed=needed, department=owner, reason=fix.reason
    )


def budget_line(view, brief: bool = False) -> Text:
    """One paragraph: does the ad spend fit the budget, and what closes the
    gap; `brief`: one short line that points to the Budget tab."""
    balance, currency = view.balance, view.plan.currency
    if brief and balance is not None and balance.over_budget:
        text = Text()
        text.append(_("Over budget:"), style="bold reverse")
        return text.append(
            _(" by {amount} {currency} — the Budget tab (l) says what closes it").format(amount=money(balance.shortfall), currency=currency)
        )
    if balance is None or not balance.checked:
        note = balance.note if balance is not None else _("no plan")
        return Text(_("Budget not checked: {reason} (e: set the promotion budget).").format(reason=note), style="dim")
    if not balance.over_budget:
        return Text(
            _("Budget: ad spend {spend} fits the {budget} {currency} budget ({used} used).").format(
                spend=money(balance.ad_spend), budget=money(balance.budget), currency=currency, used=rate(balance.budget_used, 0)
            )
        )
    text = Text()
    text.append(_("Over budget:"), style="bold reverse")
    text.append(
        _(" ad spend {spend} is {over} {currency} over the {budget} budget. Each closes it alone: ").format(
            spend=money(balance.ad_spend), over=money(balance.shortfall), currency=currency, budget=money(balance.budget)
        )
    )
    text.append(" · ".join(_fix_words(view, fix) for fix in balance.levers))
    return text


def _lever_line(view, deviation) -> Text:
    text = Text(_("▶ Weakest lever: "), style="bold")  # the spaces are the language's: none after a Chinese colon
    text.append(deviation.words, style="bold")
    text.append(" → ")
    text.append(view.department_name(deviation.department), style="bold underline")
    text.append(_(" ({effect} of the gap) · t: task on its board").format(effect=signed(deviation.effect)))
    return text


def deviation_text(view, month: int | None, brief: bool = False, board: str = "BOARD") -> Text:
    """The deviation panel for `month` (None: the year to date); `brief`
    for a short screen: the budget in one line; `board`: the file the import
    command names (as view 4 names it)."""
    plan, pva = view.plan, view.pva
    year, currency = plan.year, plan.currency
    lines: list[Text] = []
    if not view.actuals_ready:
        lines.append(Text(_("Working out plan vs actual…"), style="dim"))
    elif pva is None or not pva.has_actuals:
        command = IMPORT_HELP.format(board=board)
        lines.append(
            Text(
                _("No store metrics for {year} yet. Import the daily figures to compare plan and actual: {command}").format(
                    year=year, command=command
                )
            )
        )
    elif month is None:
        lines.append(
            Text(
                _(
                    "Year to date, {covers}: {actual} of {target} {currency} ({attainment}), gap {gap}; "
                    "forecast {forecast} ({forecast_attainment} of the year)"
                ).format(
                    covers=pva.ytd_covers,
                    actual=money(pva.ytd_actual),
                    target=money(pva.ytd_target),
                    currency=currency,
                    attainment=rate(pva.ytd_attainment, 0),
                    gap=signed(pva.ytd_gap),
                    forecast=money(pva.forecast),
                    forecast_attainment=rate(pva.forecast_attainment, 0),
                )
            )
        )
        effects, deviation = pva.ytd_effects, ytd_deviation(pva)
        lines += _split_and_lever(view, effects, deviation)
    else:
        row = view.actual(month)
        target = view.breakdown.months[month - 1]
        when = pgettext("month and year", "{month} {year}").format(month=month_abbr(month), year=year)
        if row is None:
            lines.append(
                Text(
                    _("{month}: no actuals yet. Plan {target} {currency}: {orders} orders from {uv} UV, ad spend {spend}.").format(
                        month=when,
                        target=money(target.target),
                        currency=currency,
                        orders=money(target.orders),
                        uv=money(target.uv),
                        spend=money(target.ad_spend),
                    )
                )
            )
        else:
            if row.partial:
                when = days_counted(when, row)
            lines.append(
                Text(
                    _("{month}: {actual} of {target} {currency} ({attainment}), gap {gap}").format(
                        month=when,
                        actual=money(row.actual),
                        target=money(row.target_to_date),
                        currency=currency,
                        attainment=rate(row.attainment, 0),
                        gap=signed(row.gap),
                    )
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
                _("Gap by lever: traffic {traffic} · conversion {conversion} · order value {order_value}").format(
                    traffic=signed(effects.traffic), conversion=signed(effects.conversion), order_value=signed(effects.order_value)
                )
            )
        )
    if deviation is None:
        lines.append(Text(_("No lever is behind plan.")))
    elif deviation.ahead:
        lines.append(
            Text(
                _("Ahead of plan; the lever lagging most: {lever} ({department}).").format(
                    lever=deviation.words, department=view.department_name(deviation.department)
                )
            )
        )
    else:
        lines.append(_lever_line(view, deviation))
    return lines


def _table(title: str, headers: list[str], right_from: int = 1) -> Table:
    # the title as Text, never markup: it can hold a campaign's or a person's
    # name ('… v2 (lin, …: campaign [/] added)' would stop the panel drawing)
    table = Table(title=Text(title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, expand=False)
    for index, header in enumerate(headers):
        table.add_column(str(header), justify="right" if index >= right_from else "left", no_wrap=index >= right_from)
    return table


def _declared_table(title: str, columns: list[Column], rows, render: Render) -> Table:
    """A table of columns declared once with the targets export's."""
    table = Table(title=Text(title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD, padding=(0, 1), show_edge=False, expand=False)
    for column in columns:
        table.add_column(column.heading(), justify=column.align, no_wrap=column.align == "right")
    for row in rows:
        table.add_row(*(Text(column.cell(row, render)) for column in columns))
    return table


def _ratio(value: float | None) -> str:
    return number(value, 2)


def budget_panel(view) -> RenderableType:
    """The budget in detail: spend vs budget and each lever's fix."""
    parts: list[RenderableType] = [budget_line(view)]
    balance = view.balance
    if balance is not None and balance.over_budget:
        headers = [_("Lever"), _("Department"), _("Factor"), _("Now"), _("Needed"), _("Alone?")]
        table = _table(_("What closes the gap, each lever alone"), headers, 2)
        for fix in balance.levers:
            if fix.lever == "conversion":
                now, needed = rate(fix.current, 2), rate(fix.needed, 2)
            else:
                decimals = order_value_decimals(fix.current, fix.needed) if fix.lever == "order_value" else 0
                now, needed = money(fix.current, decimals), money(fix.needed, decimals)
            alone = pgettext("answer", "yes") if fix.closable else pgettext("answer", "no")
            table.add_row(
                lever_word(fix.lever), Text(view.department_name(fix.department)), f"×{number(fix.factor, 2)}", now, needed, alone
            )
        parts += [Text(""), table]
        parts += [
            Text(_("{lever}: {reason}").format(lever=lever_word(fix.lever), reason=fix.reason), style="dim")
            for fix in balance.levers
            if not fix.closable
        ]
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
    title = _("Actual ad spend to {day} ({currency})").format(day=pva.cutoff, currency=currency)
    table = _table(title, ["", _("Spent"), _("Budget"), _("Used")])
    ytd_used = rate(spend.ytd_spend / spend.ytd_budget, 0) if spend.ytd_budget else not_available()
    table.add_row(_("Year to date"), money(spend.ytd_spend), money(spend.ytd_budget), ytd_used)
    month_used = rate(spend.month_spend / spend.month_budget, 0) if spend.month_budget else not_available()
    month = _("{month} (month's budget)").format(month=month_abbr(spend.month))
    table.add_row(month, money(spend.month_spend), money(spend.month_budget), month_used)
    parts: list[RenderableType] = [Text(""), table]
    if spend.daily_cap is not None:
        if spend.cap_is_even_budget:
            line = Text(_("Daily cap {cap} (the budget spread evenly): ").format(cap=money(spend.daily_cap)))
        else:
            line = Text(_("Daily cap {cap} (每天上限): ").format(cap=money(spend.daily_cap)))
        if spend.days_over_cap:
            over = len(spend.days_over_cap)
            shown = ", ".join(f"{d:%m-%d} {money(v)}" for d, v in spend.days_over_cap[:12])
            line.append(ngettext("{n} day over —", "{n} days over —", over).format(n=over) + " ", style="bold")
            line.append(shown if over <= 12 else _("{days} and {n} more").format(days=shown, n=over - 12))
        else:
            line.append(_("no day over it."))
        parts.append(line)
    parts.append(
        Text(
            _("ROI (投产比): planned {planned}, actual {actual}.").format(
                planned=_ratio(spend.roi_planned), actual=_ratio(spend.roi_actual)
            )
        )
    )
    return parts


def rest_panel(view, compare: int | None = None) -> RenderableType:
    """What the rest of the year needs, then the plan beside an earlier version."""
    parts: list[RenderableType] = []
    rest, currency = view.rest, view.plan.currency
    if rest is None:
        parts.append(Text(_("No actuals yet: what the rest of the year needs follows once figures are imported."), style="dim"))
    elif rest.factor is None:
        parts.append(Text(_("The year is over at {day}.").format(day=rest.cutoff)))
    elif rest.still_to_bring <= 0:
        parts.append(Text(_("The year's target is reached: the rest of the year needs nothing more.")))
    else:
        parts.append(
            Text(
                _(
                    "After {day} the days still to come must bring {amount} {currency} against their targets of {planned}: "
                    "×{factor} each day, by its place on the curve."
                ).format(
                    day=rest.cutoff,
                    amount=money(rest.still_to_bring),
                    currency=currency,
                    planned=money(rest.planned),
                    factor=number(rest.factor, 2),
                )
            )
        )
        if rest.month_end_forecast is not None and view.pva is not None and view.pva.months:
            current = view.pva.months[-1]
            parts.append(
                Text(
                    _("{month} at its run-rate on the curve ends at {forecast} of {target} {currency}.").format(
                        month=month_abbr(current.month),
                        forecast=money(rest.month_end_forecast),
                        target=money(current.target),
                        currency=currency,
                    )
                )
            )
        months = _table(_("What each remaining month must bring"), [_("Month"), _("Planned"), _("Needed now")])
        for need in rest.months:
            label = month_abbr(need.month)
            if need.first.day != 1:
                label = _("{month} from {day}").format(month=label, day=f"{need.first:%m-%d}")
            months.add_row(label, money(need.planned), money(need.needed))
        days = _table(_("And each remaining day of the month"), [_("Day"), _("Planned"), _("Needed now")])
        for need in rest.days:
            days.add_row(f"{need.day:%m-%d}", money(need.planned), money(need.needed))
        parts += [Text(""), months, Text(""), days]
    parts += [Text(""), versions_table(view, compare)]
    return Group(*parts)


def versions_table(view, compare: int | None) -> RenderableType:
    """The current plan's month targets beside version `compare` (1-based; None: the previous)."""
    versions = view.versions
    if not versions:
        return Text(_("One version of the plan so far: each saved change keeps the plan before it (v: compare)."), style="dim")
    index = len(versions) if compare is None else max(1, min(compare, len(versions)))
    earlier = versions[index - 1]
    title = _("This plan beside v{index} of {count} ({by}, {when}: {change}) — v: another").format(
        index=index,
        count=len(versions) + 1,
        by=earlier.saved_by or "?",
        when=f"{earlier.saved_at:%Y-%m-%d %H:%M}" if earlier.saved_at else "?",
        change=versions_changes(versions[:index])[-1],
    )
    table = _table(title, [_("Month"), _("Now"), f"v{index}", _("Change")])
    now, then = monthly_targets(view.plan), monthly_targets(earlier)
    for month, (a, b) in enumerate(zip(now, then, strict=True), start=1):
        table.add_row(month_abbr(month), money(a), money(b), signed(a - b))
    table.add_row(_("Year"), money(sum(now)), money(sum(then)), signed(sum(now) - sum(then)))
    return table


def _spend_table(view) -> Table:
    """Ad spend month by month (paid UV × cost per click) and how much of the budget it has used."""
    budget = view.plan.promotion_budget
    headers = [_("Month"), _("Paid share"), _("Paid UV"), _("Cost/click"), _("Ad spend"), _("So far")] + (
        [_("Of budget")] if budget else []
    )
    table = _table(_("Ad spend by month: paid UV × cost per click"), headers)
    total = 0.0
    for month in view.breakdown.months:
        total += month.ad_spend or 0.0
        row = [
            month_abbr(month.month),
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
    render = Render(department=view.department_name)
    channels = _declared_table(_("Channels ({currency})").format(currency=plan.currency), CHANNEL_COLUMNS, breakdown.channels, render)
    departments = _table(_("Departments: what each owns"), [_("Department"), _("Owns"), _("Figure"), _("Value")], 3)
    for part in breakdown.departments:
        for index, figure in enumerate(part.figures):
            value = (
                rate(figure.value, 2)
                if figure.unit == "rate"
                else money(figure.value, order_value_decimals(figure.value) if figure.unit == "currency" else 0)  # 258, as the export
            )
            name = Text(view.department_name(part.department)) if index == 0 else Text("")
            departments.add_row(name, Text(part.owns if index == 0 else ""), figure.label, value)
    quarters = _declared_table(_("Quarters"), QUARTER_COLUMNS, breakdown.quarters, render)
    parts: list[RenderableType] = [channels, Text("")]
    if breakdown.channels_without_platform:  # their days get none of a platform campaign's uplift: said, not silent
        parts += [Text(channels_without_platform_note(breakdown), style="bold"), Text("")]
    if view.channel_actuals:
        parts += [_channel_actuals(view), Text("")]
    parts += [departments, Text(""), quarters]
    if view.staffing:
        headers = [_("Month"), _("Peak day"), _("At peak"), _("Average day")]
        staffing = _table(_("Customer-service agents: the peak day beside the average day"), headers)
        for month in view.staffing:
            staffing.add_row(month_abbr(month.month), f"{month.peak_day:%m-%d}", money(month.peak_agents), money(month.average_agents))
        parts += [Text(""), staffing]
    if plan.campaigns:
        headers = [_("Campaign"), _("Platform"), _("Phases (weight)"), _("Uplift"), _("Department")]
        campaigns = _table(_("Campaigns (c: add one)"), headers, 9)
        for campaign in sorted(plan.campaigns, key=lambda c: c.start):
            phases = _(", ").join(f"{PHASE_WORDS[p.kind]} {p.start:%m-%d}–{p.end:%m-%d}×{p.weight:g}" for p in campaign.phases)
            campaigns.add_row(
                Text(campaign.name),
                Text(platform_word(campaign.platform)),
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
    if pva is not None:
        title = _("Channels: plan vs actual, {covers}").format(covers=pva.ytd_covers)
    else:
        title = _("Channels: plan vs actual")
    totals = _table(title, [_("Channel"), _("Target"), _("Actual"), _("Att."), _("Lever → department")])
    headers = [_("Channel"), _("Conversion"), _("Order value"), _("Ad spend"), _("ROI")]
    levers = _table(_("Channels: each figure planned (top) and actual (below)"), headers)
    values = order_value_decimals(*(v for c in view.channel_actuals for v in (c.plan_order_value, c.actual_order_value)))
    for c in view.channel_actuals:
        if c.lever:
            lever = Text(_("{lever} → {department}").format(lever=lever_word(c.lever), department=view.department_name(c.department)))
        elif c.gap >= 0:
            lever = Text(_("on track"))
        else:  # no split without the channel's visitors: say so rather than "on track"
            lever = Text(_("no UV to split the gap") if c.effects is None else _("none behind"))
        totals.add_row(Text(c.name), money(c.target), money(c.actual), rate(c.attainment, 0), lever)
        levers.add_row(
            Text(c.name),
            f"{rate(c.plan_conversion, 2)}\n{rate(c.actual_conversion, 2)}",
            f"{money(c.plan_order_value, values)}\n{money(c.actual_order_value, values)}",
            f"{money(c.plan_ad_spend)}\n{money(c.actual_ad_spend)}",
            f"{money(c.plan_roi, 2)}\n{money(c.actual_roi, 2)}",
        )
    return Group(totals, Text(""), levers)
