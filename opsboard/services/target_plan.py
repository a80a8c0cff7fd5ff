"""Setting the year's target plan: the annual target, the budget and the
assumptions it is broken down with. One saved change each time: an ADD the
first time, then a SET of the fields that changed, with the values the user
saw as `before` (so a teammate's save of the same field is a conflict, not
overwritten).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from typing import Any

from pydantic import ValidationError

from opsboard.i18n import _, _l, ngettext
from opsboard.logic.day_targets import kept_until
from opsboard.logic.last_year_shape import last_year_shape as shape_of
from opsboard.logic.targets import seasonality_from_actuals
from opsboard.model import DEFAULT_SEASONALITY, BoardMeta, Campaign, Channel, Operation, OpKind, Table, TargetPlan
from opsboard.model.campaigns import UPLIFT_TO_CONFIRM
from opsboard.model.clock import today
from opsboard.model.ids import new_id
from opsboard.model.labels import plan_change_stored
from opsboard.model.validation_messages import refusal_text
from opsboard.store import BoardStore

from .departments import resolve_department
from .errors import FieldErrors, InputError, NeedsConfirmation
from .target_inputs import (
    SEASONALITY_DEFAULT,
    amount_text,
    campaigns_text,
    channel_text,
    monthly_text,
    parse_amount,
    parse_campaigns,
    parse_channels,
    parse_monthly,
    parse_rate,
    parse_seasonality,
    parse_year,
    rate_text,
)

PLAN_ID = "plan"
NO_PLAN = "the board has no plan yet: set the annual target first"

# The plan's fields a user sets, in the order the form shows them.
FIELDS: dict[str, str] = {
    "annual_target": _l("Annual sales target"),
    "year": _l("Plan year"),
    "currency": _l("Currency"),
    "promotion_budget": _l("Promotion budget for the year (0: none)"),
    "conversion": _l("Conversion rate (3% or 0.03; one value, or 12 for the months)"),
    "order_value": _l("Average order value (one value, or 12)"),
    "paid_share": _l("Paid share of traffic (40% or 0.4; one value, or 12)"),
    "cost_per_click": _l("Cost per click (one value, or 12)"),
    "orders_per_agent_day": _l("Orders one customer-service agent handles a day"),
    "new_products": _l("New products to list per month (one value, or 12)"),
    "channels": _l(
        "Channels and shares, each with its own cr/aov/paid/cpc/roi if it differs, and platform= when its name does not say it "
        "(Tmall=60%, Douyin=30% aov=180 roi=4, 旗舰店=10% platform=jd)"
    ),
    "seasonality": _l("Seasonality: 12 monthly weights, or 'default'"),
    "campaigns": _l("Campaigns: NAME, START, END, UPLIFT, DEPARTMENT; separated by ; (phases: `opsboard target campaign`)"),
    "daily_ad_cap": _l("Daily ad spend cap (每天上限; 0: none)"),
    "roi": _l("ROI target (投产比: revenue ÷ ad spend, e.g. 4; 0: none)"),
}


def _count(raw: object) -> float:
    return parse_amount(raw, whole=True)


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "annual_target": parse_amount,
    "year": parse_year,
    "currency": lambda raw: " ".join(str(raw).split()).upper(),
    "promotion_budget": parse_amount,
    "conversion": lambda raw: parse_monthly(raw, parse_rate),
    "order_value": lambda raw: parse_monthly(raw, parse_amount),
    "paid_share": lambda raw: parse_monthly(raw, parse_rate),
    "cost_per_click": lambda raw: parse_monthly(raw, parse_amount),
    "orders_per_agent_day": lambda raw: parse_amount(raw, positive=True),
    "new_products": lambda raw: [int(v) for v in parse_monthly(raw, _count)],
    "seasonality": lambda raw: parse_seasonality(raw, DEFAULT_SEASONALITY),
    "daily_ad_cap": parse_amount,
    "roi": parse_amount,
}
# A conversion or order value of 0 makes any target above 0 unreachable.
_ABOVE_ZERO = {
    "conversion": lambda: _("must be more than 0{where}: a conversion of 0 cannot reach any target"),
    "order_value": lambda: _("must be more than 0{where}: an order value of 0 cannot reach any target"),
}


def _slug(name: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if not slug or slug in taken:
        slug = new_id("ch")
    taken.add(slug)
    return slug


def _channels(raw: object, current: list[Channel]) -> list[dict[str, Any]]:
    """Channels as documents; a channel keeps its id when its name stays."""
    known = {channel.name.casefold(): channel.id for channel in current}
    taken: set[str] = set()
    docs = []
    for name, share, own in parse_channels(raw):
        channel_id = known.get(name.casefold())
        if channel_id is None or channel_id in taken:
            channel_id = _slug(name, taken)
        taken.add(channel_id)
        docs.append({"id": channel_id, "name": name, "share": share, **own})
    return docs


def _campaigns(raw: object, current: list[Campaign], department: Callable[[str], str], year: int | None) -> list[dict[str, Any]]:
    """Campaigns as documents; a campaign keeps its id when its name stays,
    and its phases, platform and budget while its first and last day stay
    (the one-line text shows only those)."""
    if isinstance(raw, list) and all(isinstance(item, dict) for item in raw):
        return raw  # campaign documents (services/campaigns.py), checked by the model
    known = {campaign.name.casefold(): campaign for campaign in current}
    taken: set[str] = set()
    docs = []
    for name, start, end, uplift, typed in parse_campaigns(raw, year):
        same = known.get(name.casefold())
        campaign_id = same.id if same is not None else None
        if campaign_id is None or campaign_id in taken:
            campaign_id = _slug(name, taken)
        taken.add(campaign_id)
        owner = department(typed) if typed else "marketing"
        doc = {"id": campaign_id, "name": name, "uplift": uplift, "department": owner}
        if same is not None and (same.start, same.end) == (start, end):
            doc.update(platform=same.platform, budget=same.budget, phases=[p.model_dump(mode="json") for p in same.phases])
        else:
            doc["phases"] = [{"kind": "main", "start": start.isoformat(), "end": end.isoformat(), "weight": 1.0}]
        docs.append(doc)
    return docs


def parse_plan_fields(fields: dict[str, Any], current: TargetPlan | None, department: Callable[[str], str] = str) -> dict[str, Any]:
    """What a user typed → plan values; FieldErrors naming every bad field.
    None leaves a field as it is. `department(typed) -> id` finds a
    campaign's department (InputError when unknown)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name, raw in fields.items():
        if raw is None:
            continue
        try:
            if name == "channels":
                values[name] = _channels(raw, current.channels if current else [])
            elif name == "campaigns":
                values[name] = _campaigns(raw, current.campaigns if current else [], department, current.year if current else None)
            elif name in _PARSERS:
                values[name] = _PARSERS[name](raw)
                if name in _ABOVE_ZERO and any(v == 0 for v in values[name]):
                    month = values[name].index(0) + 1
                    where = "" if len(set(values[name])) == 1 else f" (month {month})"
                    raise ValueError(_ABOVE_ZERO[name]().format(where=where))
            else:
                raise ValueError(_("is not a setting of the plan (valid: {fields})").format(fields=", ".join(FIELDS)))
            if name == "currency" and not values[name]:
                raise ValueError(_("must not be empty (e.g. CNY)"))
        except (ValueError, InputError) as error:
            errors[name] = str(error)
    if errors:
        raise FieldErrors(errors)
    return values


def _validated(doc: dict[str, Any]) -> TargetPlan:
    """The model's own checks, worded per field as a form shows them."""
    try:
        return TargetPlan.model_validate(doc)
    except ValidationError as error:
        errors: dict[str, str] = {}
        for detail in error.errors():
            field = str(detail["loc"][0]) if detail["loc"] else "plan"
            errors.setdefault(field, refusal_text(detail))
        raise FieldErrors(errors) from None


def set_assumptions(
    store: BoardStore,
    *,
    seen: TargetPlan | None = None,
    rebase: bool = False,
    confirmed: bool = False,
    **fields: Any,
) -> TargetPlan:
    """Create or change the plan from what a user typed (see FIELDS: rates as
    3% or 0.03, amounts as 1,500,000 or 1.5m, monthly fields as one value or
    twelve). A conversion of 300 % or a negative budget is refused: FieldErrors
    naming every bad field, nothing saved. `seen`: the plan as the user saw it.

    The past stays as it was: a change to the targets keeps the targets of the
    days before today (`kept`) unless `rebase`; the plan as it was is kept as a
    version. An uplift above 300 % or a re-base needs `confirmed`
    (NeedsConfirmation otherwise, naming the field)."""
    current = store.plan()
    shown = seen or current
    values = parse_plan_fields(fields, current, lambda typed: resolve_department(store, typed).id)
    if current is None:
        if "annual_target" not in values:
            raise FieldErrors({"annual_target": NO_PLAN})
        meta = store.meta()
        doc = {"id": PLAN_ID, "year": meta.year, "currency": meta.currency, **values}
        plan = _validated(doc)
        shaped = last_year_shape(store, plan)
        if shaped:
            plan = _validated({**plan.to_doc(), **shaped})
        _check_campaigns(plan, values, confirmed)
        doc = {**plan.to_doc(), "change": plan_change_stored([], created=True)}
        store.apply(Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id=PLAN_ID, after=doc, label="add"))
        return store.plan()  # type: ignore[return-value]
    assert shown is not None
    old = shown.to_doc()
    plan = _validated({**current.to_doc(), **values})
    if "year" not in values and (plan.weekday_pattern is None or "campaigns" in values):
        # Last year's shape is taken when its daily actuals are first there,
        # and again when the campaigns change: which of last year's days were
        # ordinary depends on them.
        shaped = last_year_shape(store, plan)
        values.update(shaped)
        plan = _validated({**plan.to_doc(), **shaped})
    _check_campaigns(plan, values, confirmed)
    new = plan.to_doc()
    after = {name: new[name] for name in values if new[name] != old.get(name)}
    if not after and not rebase:
        return current
    after.update(_past_kept(current, plan, after, rebase, confirmed))
    # what changed first: the activity view lists the fields in this order
    after = {"change": plan_change_stored([name for name in after if name not in ("effective_from", "kept")], rebased=rebase), **after}
    _validated({**current.to_doc(), **after})
    before = {name: old.get(name) for name in after}
    version = _version_doc(current)
    # One save, one undo step: the change, and the plan as it was kept as a version.
    store.apply(
        Operation(kind=OpKind.SET, table=Table.TARGETS, doc_id=PLAN_ID, after=after, before=before, label="edit"),
        Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id=version["id"], after=version, label="add"),
    )
    return store.plan()  # type: ignore[return-value]


# Changing these changes what the days must bring.
TARGET_FIELDS = ("annual_target", "seasonality", "campaigns", "channels", "weekday_pattern", "festival_pattern")


def _past_kept(current: TargetPlan, plan: TargetPlan, after: dict[str, Any], rebase: bool, confirmed: bool) -> dict[str, Any]:
    """The days before today keep the targets they had, unless the lead
    re-bases the whole year (asked to confirm) or the year changes."""
    first = date(plan.year, 1, 1)
    day = today()
    if rebase:
        if not confirmed:
            elapsed = max(0, min((day - first).days, 366))
            message = ngettext(
                "re-basing spreads the whole year again, changing the target of the {n} day already elapsed: confirm to save it",
                "re-basing spreads the whole year again, changing the targets of the {n} days already elapsed: confirm to save it",
                elapsed,
            )
            raise NeedsConfirmation({"rebase": message.format(n=elapsed)})
        return {"effective_from": None, "kept": []}
    if "year" in after:
        return {"effective_from": None, "kept": []}
    if not any(name in after for name in TARGET_FIELDS) or day <= first:
        return {}
    if day.year != plan.year:
        # A year that has ended is being reviewed, not run: its plan is
        # spread again as a whole (the kept days of an earlier change go).
        return {"effective_from": None, "kept": []} if current.effective_from else {}
    return {"effective_from": day.isoformat(), "kept": kept_until(current, day)}


def _check_campaigns(plan: TargetPlan, values: dict[str, Any], confirmed: bool) -> None:
    """A campaign outside the plan year is refused; an uplift above 300 %
    (often 5 typed for 5 %) needs confirming."""
    if "campaigns" not in values and "year" not in values:
        return
    for campaign in plan.campaigns:
        if campaign.start.year != plan.year or campaign.end.year != plan.year:
            message = _("{name}: {start} – {end} is not inside the plan year {year}")
            raise FieldErrors({"campaigns": message.format(name=campaign.name, start=campaign.start, end=campaign.end, year=plan.year)})
    if confirmed or "campaigns" not in values:
        return
    big = [c for c in plan.campaigns if c.uplift > UPLIFT_TO_CONFIRM]
    if big:
        named = ", ".join(f"{c.name} +{c.uplift:.0%}" for c in big)
        message = _("an uplift above {limit} ({campaigns}): confirm to save it")
        raise NeedsConfirmation({"campaigns": message.format(limit=f"{UPLIFT_TO_CONFIRM:.0%}", campaigns=named)})


def _version_doc(plan: TargetPlan) -> dict[str, Any]:
    """The plan as it was, kept as a version: who saved it and when."""
    doc = plan.to_doc()
    doc.update(id=new_id("plan-v"), saved_at=doc.get("updated_at"), saved_by=doc.get("updated_by", ""))
    return doc


def plan_versions(store: BoardStore) -> list[TargetPlan]:
    """Every earlier version of the plan, oldest first (the current one is `store.plan()`)."""
    versions = [TargetPlan.model_validate(doc) for key, doc in store.raw(Table.TARGETS).items() if key != PLAN_ID]
    return sorted(versions, key=lambda p: p.saved_at or p.updated_at or datetime.min.replace(tzinfo=timezone.utc))


def rebase_plan(store: BoardStore, *, confirmed: bool = False, seen: TargetPlan | None = None) -> TargetPlan:
    """Spread the whole year again from the current plan (elapsed days too)."""
    if store.plan() is None:
        raise FieldErrors({"annual_target": NO_PLAN})
    return set_assumptions(store, seen=seen, rebase=True, confirmed=confirmed)


def last_year_shape(store: BoardStore, plan: TargetPlan) -> dict[str, Any]:
    """The plan's fields taken from last year's daily actuals
    (logic/last_year_shape.py): the weekday pattern of its ordinary days, its
    Spring Festival days, and each campaign's day-by-day shape aligned by
    campaign day (`campaigns` with their `shape`). {} without last year's
    actuals."""
    last_year = plan.year - 1
    revenue: dict[date, float] = {}
    for metric in store.actuals():
        if metric.date.year == last_year and metric.revenue is not None:
            revenue[metric.date] = revenue.get(metric.date, 0.0) + metric.revenue
    if not revenue:
        return {}
    earlier = [version for version in plan_versions(store) if version.year == last_year]
    pattern, festival, shapes = shape_of(plan, revenue, earlier[-1].campaigns if earlier else ())
    shaped: dict[str, Any] = {}
    if pattern is not None:
        shaped["weekday_pattern"] = pattern
        if festival is not None:
            shaped["festival_pattern"] = festival
    campaigns = [{**c.to_doc(), "shape": shapes.get(c.id, [])} for c in plan.campaigns]
    if campaigns != [c.to_doc() for c in plan.campaigns]:
        shaped["campaigns"] = campaigns
    return shaped


def last_year_seasonality(store: BoardStore, year: int) -> list[float] | None:
    """Each month's share of the revenue of the year before `year`, from the
    board's actuals; None unless every month of it has figures."""
    return seasonality_from_actuals(store.actuals(), year - 1)


def no_seasonality_message(year: int) -> str:
    return (
        f"no full year of actuals for {year - 1} (every month needs figures on at least half its days): "
        "import them first, or give the 12 weights"
    )


def set_target(
    store: BoardStore,
    annual: object = None,
    year: object = None,
    budget: object = None,
    *,
    seasonality_from_actuals: bool = False,
    seen: TargetPlan | None = None,
    **assumptions: Any,
) -> TargetPlan:
    """`opsboard target set`: the annual target (needed the first time), the
    year (default: the plan's, else the board's), the promotion budget and any
    of the assumptions set_assumptions takes. `seasonality_from_actuals`
    shapes the months like last year's revenue."""
    fields = {"annual_target": annual, "year": year, "promotion_budget": budget, **assumptions}
    if seasonality_from_actuals:
        if fields.get("seasonality") is not None:
            raise FieldErrors({"seasonality": _("give the 12 weights or take them from last year's actuals, not both")})
        current = store.plan()
        try:
            plan_year = parse_year(year) if year is not None else (current.year if current else store.meta().year)
        except ValueError as error:
            raise FieldErrors({"year": str(error)}) from None
        weights = last_year_seasonality(store, plan_year)
        if weights is None:
            raise FieldErrors({"seasonality": no_seasonality_message(plan_year)})
        fields["seasonality"] = weights
    return set_assumptions(store, seen=seen, **fields)


def use_last_year_seasonality(store: BoardStore, *, seen: TargetPlan | None = None) -> TargetPlan:
    """The plan's months shaped like last year's revenue (view 3's `s`)."""
    plan = store.plan()
    if plan is None:
        raise FieldErrors({"annual_target": NO_PLAN})
    weights = last_year_seasonality(store, plan.year)
    if weights is None:
        raise FieldErrors({"seasonality": no_seasonality_message(plan.year)})
    return set_assumptions(store, seen=seen, seasonality=weights)


def assumption_texts(plan: TargetPlan | None, meta: BoardMeta, departments: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each field of FIELDS as the form shows it (parsing it gives the value back);
    `departments` (id → name): a campaign's department by the board's name for it."""
    if plan is None:
        return {
            "annual_target": "",
            "year": str(meta.year),
            "currency": meta.currency,
            "promotion_budget": "0",
            "conversion": "3%",
            "order_value": "200",
            "paid_share": "40%",
            "cost_per_click": "1.5",
            "orders_per_agent_day": "150",
            "new_products": "10",
            "channels": "",
            "seasonality": str(SEASONALITY_DEFAULT),
            "campaigns": "",
            "daily_ad_cap": "0",
            "roi": "0",
        }
    count = lambda value: str(int(value))
    names = departments or {}
    seasonality = str(SEASONALITY_DEFAULT) if plan.seasonality == DEFAULT_SEASONALITY else ", ".join(f"{v:g}" for v in plan.seasonality)
    return {
        "annual_target": amount_text(plan.annual_target),
        "year": str(plan.year),
        "currency": plan.currency,
        "promotion_budget": amount_text(plan.promotion_budget),
        "conversion": monthly_text(plan.conversion, rate_text),
        "order_value": monthly_text(plan.order_value, amount_text),
        "paid_share": monthly_text(plan.paid_share, rate_text),
        "cost_per_click": monthly_text(plan.cost_per_click, amount_text),
        "orders_per_agent_day": amount_text(plan.orders_per_agent_day),
        "new_products": monthly_text(plan.new_products, count),
        "channels": ", ".join(channel_text(c.name, c.share, c.model_dump()) for c in plan.channels),
        "seasonality": seasonality,
        "campaigns": campaigns_text((c.name, c.start, c.end, c.uplift, names.get(c.department, c.department)) for c in plan.campaigns),
        "daily_ad_cap": amount_text(plan.daily_ad_cap),
        "roi": f"{plan.roi:g}",
    }
