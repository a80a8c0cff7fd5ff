"""`opsboard target set|task` and `opsboard import-actuals`: the sales target
and the store's daily metrics from scripts and cron."""

from __future__ import annotations

import argparse
import re

from opsboard.export.target_columns import channels_without_platform_note
from opsboard.i18n import _, ngettext
from opsboard.i18n.formats import month_abbr, order_value
from opsboard.model.campaigns import PHASE_WORDS
from opsboard.model.labels import platform_word, versions_changes
from opsboard.services.actuals import import_actuals_counted, parse_mapping
from opsboard.services.board_files import open_board
from opsboard.services.campaigns import add_campaign, edit_campaign, remove_campaign
from opsboard.services.departments import department_names
from opsboard.services.errors import FieldErrors, InputError, NeedsConfirmation
from opsboard.services.target_plan import plan_versions
from opsboard.services.targets import create_corrective_task, set_target, targets_view
from opsboard.services.user import current_user

NAMES = ("target", "import-actuals")

# argparse takes "-2%" or "-1.5m" for an option and stops with "expected one
# argument" (exit 2); read as a figure, it is refused with its option named (exit 1).
NEGATIVE_FIGURE = re.compile(r"^-[\d.,]+(%|[kKmM]|万|亿)?$")


def _figures_may_be_negative(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser._negative_number_matcher = NEGATIVE_FIGURE  # type: ignore[attr-defined]  # argparse's own test, widened
    return parser


# plan field → the option a user typed, so a message names what to fix
_OPTIONS = {
    "annual_target": "--annual",
    "year": "--year",
    "promotion_budget": "--budget",
    "currency": "--currency",
    "conversion": "--conversion",
    "order_value": "--order-value",
    "paid_share": "--paid-share",
    "cost_per_click": "--cpc",
    "orders_per_agent_day": "--agent-orders",
    "new_products": "--new-products",
    "channels": "--channel",
    "seasonality": "--seasonality",
    "campaigns": "--campaign",
    "daily_ad_cap": "--daily-cap",
    "roi": "--roi",
    "rebase": "--rebase",
    "preset": "--preset",
    "platform": "--platform",
    "name": "--name",
    "phase": "--phase",
    "uplift": "--uplift",
    "department": "--dept",
    "budget": "--budget",
    "rename": "--rename",
}


def register(sub, add_common) -> None:
    target = sub.add_parser("target", help=_("set the year's sales target and its assumptions"))
    actions = target.add_subparsers(dest="target_command", metavar="ACTION", required=True)

    setter = _figures_may_be_negative(
        actions.add_parser(
            "set",
            help=_("create or change the plan (only the options given change)"),
            description=_(
                "Create or change the year's target plan. Rates take 0.03 or 3%; amounts 1500000, "
                "1,500,000, 1.5m or 150万. The first time, --annual is needed."
            ),
        )
    )
    setter.add_argument("board")
    setter.add_argument("--annual", metavar="AMOUNT", help=_("the year's sales target"))
    setter.add_argument("--year", metavar="YYYY", help=_("the plan year (default: the plan's, else the board's)"))
    setter.add_argument("--budget", metavar="AMOUNT", help=_("the year's promotion budget (ad spend must fit it)"))
    setter.add_argument("--currency", help=_("e.g. CNY (default: the board's)"))
    setter.add_argument(
        "--conversion", metavar="RATE", help=_("orders / UV: one value for every month, or 12 comma-separated values (January first)")
    )
    setter.add_argument(
        "--order-value",
        metavar="AMOUNT",
        help=_("average order value: one value for every month, or 12 comma-separated values (January first)"),
    )
    setter.add_argument(
        "--paid-share",
        metavar="RATE",
        help=_("paid share of the traffic: one value for every month, or 12 comma-separated values (January first)"),
    )
    setter.add_argument(
        "--cpc", metavar="AMOUNT", help=_("cost per click: one value for every month, or 12 comma-separated values (January first)")
    )
    setter.add_argument("--agent-orders", metavar="N", help=_("orders one customer-service agent handles a day"))
    setter.add_argument(
        "--new-products",
        metavar="N",
        help=_("new products to list: one value for every month, or 12 comma-separated values (January first)"),
    )
    setter.add_argument(
        "--channel",
        action="append",
        metavar="NAME=SHARE",
        help=_(
            "a channel, its share and its own cr, aov, paid, cpc or roi if they differ from the board's, and its platform when "
            'its name does not say it, e.g. Tmall=70%% or "Douyin=30%% aov=180 roi=4" or "旗舰店=70%% platform=tmall" '
            "(repeat; shares add up to 100%%; --channel none removes them)"
        ),
    )
    setter.add_argument(
        "--campaign",
        action="append",
        metavar="NAME,START,END,UPLIFT[,DEPT]",
        help=_(
            "a campaign raising its days' sales, e.g. '618 sale,2026-06-01,2026-06-18,60%%,marketing' "
            "(repeat; the list replaces the plan's; --campaign none removes them)"
        ),
    )
    setter.add_argument("--daily-cap", metavar="AMOUNT", help=_("每天上限: the most ad spend a day (days over it are listed)"))
    setter.add_argument("--roi", metavar="N", help=_("投产比 target: revenue ÷ ad spend, e.g. 4"))
    setter.add_argument("--rebase", action="store_true", help=_("spread the whole year again, the days already elapsed too (with --yes)"))
    setter.add_argument("--yes", action="store_true", help=_("confirm an uplift above 300%% or a re-base"))
    seasons = setter.add_mutually_exclusive_group()
    seasons.add_argument("--seasonality", metavar="W1,...,W12", help=_("12 monthly weights, or 'default'"))
    seasons.add_argument("--seasonality-from-actuals", action="store_true", help=_("shape the months like last year's imported revenue"))
    add_common(setter)
    setter.set_defaults(handler=cmd_set)

    _register_campaigns(actions, add_common)
    versions = actions.add_parser("versions", help=_("the plan's saved versions: who, when, what changed"))
    versions.add_argument("board")
    add_common(versions)
    versions.set_defaults(handler=cmd_versions)

    task = actions.add_parser("task", help=_("create the corrective task for the lever behind a gap"))
    task.add_argument("board")
    task.add_argument("--month", type=int, metavar="1-12", help=_("the month (default: the year to date)"))
    add_common(task)
    task.set_defaults(handler=cmd_task)

    actuals = sub.add_parser(
        "import-actuals",
        help=_("import the store's daily metrics from a back-office CSV or Excel file"),
        description=_(
            "Reads CSV (UTF-8, GBK/GB18030, UTF-16) and Excel (.xlsx, .xls) files in the layouts of "
            "生意参谋, 京东商智, 拼多多, 抖店/罗盘 and 巨量千川 (recognised from the header row), or the columns "
            "date, channel, pv, uv, orders, buyers, revenue, refunds, ad_spend. All rows are checked first: one bad row "
            "and nothing is imported. Importing the same days and channels again replaces them."
        ),
    )
    actuals.add_argument("board")
    actuals.add_argument("file", metavar="FILE.csv|.xlsx|.xls")
    actuals.add_argument("--channel", help=_("the channel of a file without a channel column (店铺名称 is read when present)"))
    actuals.add_argument("--sheet", help=_("the workbook's sheet to read (default: the first)"))
    actuals.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=_(
            "name a column for a layout opsboard does not know (repeatable; ad_spend columns are summed); "
            "remembered for the board's next import"
        ),
    )
    actuals.add_argument(
        "--replace-unsplit", action="store_true", help=_("let this file's channels replace the board's figures not split by channel")
    )
    add_common(actuals)
    actuals.set_defaults(handler=cmd_import)


def _register_campaigns(actions, add_common) -> None:
    campaign = actions.add_parser("campaign", help=_("the plan's campaigns: list, add (a preset or its phases), set (edit one), remove"))
    steps = campaign.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    lister = steps.add_parser("list", help=_("the campaigns, their phases, uplift and owner"))
    lister.add_argument("board")
    add_common(lister)
    lister.set_defaults(handler=cmd_campaign_list)
    adder = _figures_may_be_negative(
        steps.add_parser(
            "add",
            help=_("add a campaign from a preset or its phases"),
            description=_(
                "Presets at each platform's usual dates for the plan year: 年货节 (before Spring Festival, "
                "by the lunar calendar), 38节, 618, 99划算节, 双11, 双12. Phases: KIND:START:END[:WEIGHT] with KIND "
                "预售/presale, 预热/warmup, 正式/main or 返场/return, dates YYYY-MM-DD or MM-DD (the plan year)."
            ),
        )
    )
    adder.add_argument("board")
    adder.add_argument("--preset", metavar="NAME", help=_("年货节, 38节, 618, 99划算节, 双11 or 双12"))
    adder.add_argument("--platform", default="", metavar="P", help=_("tmall (default), jd, douyin or pinduoduo"))
    adder.add_argument("--name", help=_("the campaign's name (default: the preset's)"))
    adder.add_argument("--phase", action="append", metavar="KIND:START:END[:WEIGHT]", help=_("a phase (repeat); replaces the preset's"))
    adder.add_argument("--uplift", metavar="RATE", help=_("extra sales on its days, e.g. 150%% (presets have one)"))
    adder.add_argument("--dept", metavar="DEPT", help=_("the owning department (default: Marketing)"))
    adder.add_argument("--budget", metavar="AMOUNT", help=_("what it may spend"))
    adder.add_argument("--yes", action="store_true", help=_("confirm an uplift above 300%%"))
    add_common(adder)
    adder.set_defaults(handler=cmd_campaign_add)
    setter = _figures_may_be_negative(
        steps.add_parser(
            "set",
            help=_("edit a campaign in place: only the options given change"),
            description=_(
                "Phases: KIND:START:END[:WEIGHT] with KIND 预售/presale, 预热/warmup, 正式/main or 返场/return, "
                "dates YYYY-MM-DD or MM-DD (the plan year); the phases given replace all the campaign's phases. "
                "The days already elapsed keep their targets."
            ),
        )
    )
    setter.add_argument("board")
    setter.add_argument("name", help=_("the campaign's name"))
    setter.add_argument("--phase", action="append", metavar="KIND:START:END[:WEIGHT]", help=_("a phase (repeat); replaces all its phases"))
    setter.add_argument("--uplift", metavar="RATE", help=_("extra sales on its days, e.g. 150%%"))
    setter.add_argument("--budget", metavar="AMOUNT", help=_("what it may spend"))
    setter.add_argument("--department", "--dept", dest="dept", metavar="DEPT", help=_("the owning department"))
    setter.add_argument("--platform", metavar="P", help=_("tmall, jd, douyin or pinduoduo"))
    setter.add_argument("--rename", metavar="NEW", help=_("a new name for it"))
    setter.add_argument("--yes", action="store_true", help=_("confirm an uplift above 300%%"))
    add_common(setter)
    setter.set_defaults(handler=cmd_campaign_set)
    remover = steps.add_parser("remove", help=_("remove a campaign by name"))
    remover.add_argument("board")
    remover.add_argument("name")
    add_common(remover)
    remover.set_defaults(handler=cmd_campaign_remove)


def _one_line(error: FieldErrors) -> InputError:
    parts = [_("{option}: {message}").format(option=_OPTIONS.get(field, field), message=message) for field, message in error.errors.items()]
    text = _("; ").join(parts)
    if isinstance(error, NeedsConfirmation):
        text = _("{message} (add --yes)").format(message=text)
    return InputError(text)


def _plan_summary(store) -> list[str]:
    view = targets_view(store)
    plan, breakdown, balance = view.plan, view.breakdown, view.balance
    assert plan is not None and breakdown is not None and balance is not None
    currency = plan.currency
    peak = max(breakdown.months, key=lambda m: m.target)
    low = min(breakdown.months, key=lambda m: m.target)
    lines = [
        _("Plan {year}: {target} {currency} over 12 months (lowest {low} in {low_month}, highest {peak} in {peak_month})").format(
            year=plan.year,
            target=f"{plan.annual_target:,.0f}",
            currency=currency,
            low=f"{low.target:,.0f}",
            low_month=month_abbr(low.month),
            peak=f"{peak.target:,.0f}",
            peak_month=month_abbr(peak.month),
        ),
    ]
    lines += [f"  {problem}" for problem in breakdown.problems]
    if breakdown.channels_without_platform:  # their days get none of a platform campaign: said, not silent
        lines.append(channels_without_platform_note(breakdown))
    year = breakdown.year_total
    if year.uv is not None and year.orders is not None:
        needs = _("Needs {uv} UV and {orders} orders; ad spend {spend} {currency}")
        lines.append(needs.format(uv=f"{year.uv:,.0f}", orders=f"{year.orders:,.0f}", spend=f"{year.ad_spend:,.0f}", currency=currency))
    if balance.over_budget:
        over = _("Over the promotion budget of {budget} by {shortfall} {currency}; each closes it alone:")
        lines.append(over.format(budget=f"{balance.budget:,.0f}", shortfall=f"{balance.shortfall:,.0f}", currency=currency))
        for fix in balance.levers:
            lines.append(f"  {_fix(fix)}")
    elif balance.checked:
        fits = _("Fits the promotion budget of {budget} {currency} ({used} used)")
        lines.append(fits.format(budget=f"{balance.budget:,.0f}", currency=currency, used=f"{balance.budget_used:.0%}"))
    else:
        lines.append(_("Budget not checked: {note}").format(note=balance.note))
    return lines


def _fix(fix) -> str:
    if fix.lever == "conversion":
        change = _("conversion {current} → {needed}").format(current=f"{fix.current:.2%}", needed=f"{fix.needed:.2%}")
    elif fix.lever == "order_value":
        current, needed = order_value(fix.current, fix.needed), order_value(fix.needed, fix.current)
        change = _("order value {current} → {needed}").format(current=current, needed=needed)
    else:
        change = _("budget {current} → {needed}").format(current=f"{fix.current:,.0f}", needed=f"{fix.needed:,.0f}")
    return change if fix.closable else _("{change} (cannot: {reason})").format(change=change, reason=fix.reason)


def cmd_set(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    try:
        set_target(
            store,
            annual=args.annual,
            year=args.year,
            budget=args.budget,
            seasonality_from_actuals=args.seasonality_from_actuals,
            currency=args.currency,
            conversion=args.conversion,
            order_value=args.order_value,
            paid_share=args.paid_share,
            cost_per_click=args.cpc,
            orders_per_agent_day=args.agent_orders,
            new_products=args.new_products,
            channels=None if args.channel is None else (args.channel if args.channel != ["none"] else ""),
            seasonality=args.seasonality,
            campaigns=None if args.campaign is None else (args.campaign if args.campaign != ["none"] else ""),
            daily_ad_cap=args.daily_cap,
            roi=args.roi,
            rebase=args.rebase,
            confirmed=args.yes,
        )
    except FieldErrors as error:
        raise _one_line(error) from None
    print("\n".join(_plan_summary(store)))
    return 0


def _campaign_line(campaign, departments: dict[str, str]) -> str:
    phases = _(", ").join(f"{PHASE_WORDS[p.kind]} {p.start:%m-%d}–{p.end:%m-%d}×{p.weight:g}" for p in campaign.phases)
    platform = f" [{platform_word(campaign.platform)}]" if campaign.platform else ""
    values = dict(
        name=campaign.name,
        platform=platform,
        uplift=f"+{campaign.uplift:.0%}",
        phases=phases,
        department=departments.get(campaign.department, campaign.department),
    )
    if campaign.budget:
        return _("{name}{platform}: {uplift} ({phases}); {department}, budget {budget}").format(**values, budget=f"{campaign.budget:,.0f}")
    return _("{name}{platform}: {uplift} ({phases}); {department}").format(**values)


def cmd_campaign_list(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    plan = store.plan()
    if plan is None:
        raise InputError(_("the board has no plan yet: set the annual target first (opsboard target set BOARD --annual AMOUNT)"))
    for campaign in sorted(plan.campaigns, key=lambda c: c.start):
        print(_campaign_line(campaign, department_names(store)))
    if not plan.campaigns:
        print(_("No campaigns: add one with `opsboard target campaign add BOARD --preset 双11`"))
    return 0


def cmd_campaign_add(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    try:
        campaign = add_campaign(
            store,
            preset=args.preset,
            platform=args.platform,
            name=args.name,
            phases=args.phase,
            uplift=args.uplift,
            department=args.dept,
            budget=args.budget,
            confirmed=args.yes,
        )
    except FieldErrors as error:
        raise _one_line(error) from None
    print(_("Added {campaign}").format(campaign=_campaign_line(campaign, department_names(store))))
    _say_channels_without_platform(store)
    return 0


def _say_channels_without_platform(store) -> None:
    """After a campaign is added or changed: the channels it counts for none of, and how to set their platform."""
    breakdown = targets_view(store).breakdown
    if breakdown is not None and breakdown.channels_without_platform:
        print(channels_without_platform_note(breakdown))


def cmd_campaign_set(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    try:
        campaign = edit_campaign(
            store,
            args.name,
            rename=args.rename,
            platform=args.platform,
            phases=args.phase,
            uplift=args.uplift,
            department=args.dept,
            budget=args.budget,
            confirmed=args.yes,
        )
    except FieldErrors as error:
        if "campaign" in error.errors:  # the NAME typed: no option to name
            raise InputError(error.errors["campaign"]) from None
        # the new name is typed after --rename here, not --name
        raise _one_line(type(error)({"rename" if f == "name" else f: m for f, m in error.errors.items()})) from None
    print(_("Changed {campaign}").format(campaign=_campaign_line(campaign, department_names(store))))
    _say_channels_without_platform(store)
    return 0


def cmd_campaign_remove(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    try:
        remove_campaign(store, args.name)
    except FieldErrors as error:
        raise _one_line(error) from None
    print(_("Removed {name}").format(name=args.name))
    return 0


def cmd_versions(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    plan = store.plan()
    if plan is None:
        raise InputError(_("the board has no plan yet: set the annual target first (opsboard target set BOARD --annual AMOUNT)"))
    rows = [(v.saved_at, v.saved_by, v) for v in plan_versions(store)] + [(plan.updated_at, plan.updated_by, plan)]
    changes = versions_changes([version for _at, _by, version in rows])
    for number, ((at, by, version), change) in enumerate(zip(rows, changes, strict=True), start=1):
        when = f"{at:%Y-%m-%d %H:%M}" if at else "?"
        name = _("v{number} (current)") if version is plan else "v{number}"
        if version.effective_from:
            change = _("{change}; days before {day} kept").format(change=change, day=version.effective_from)
        line = _("{version}  {when}  {by}  {target} {currency}: {change}")
        print(
            line.format(
                version=name.format(number=number),
                when=when,
                by=by or "?",
                target=f"{version.annual_target:,.0f}",
                currency=version.currency,
                change=change,
            )
        )
    return 0


def cmd_task(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    task = create_corrective_task(store, args.month)
    names = {d.id: d.name for d in store.departments()}
    print(f"{task.id}  {names.get(task.department, task.department)}  P{task.priority}  {task.title}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    options = dict(channel=args.channel, sheet=args.sheet, mapping=parse_mapping(args.map) or None, replace_unsplit=args.replace_unsplit)
    result = import_actuals_counted(store, args.file, **options)
    imported = ngettext(
        "Imported {n} row ({new} new, {replaced} replaced) from {file}",
        "Imported {n} rows ({new} new, {replaced} replaced) from {file}",
        result.rows,
    )
    print(imported.format(n=f"{result.rows:,}", new=f"{result.new:,}", replaced=f"{result.replaced:,}", file=args.file))
    return 0
