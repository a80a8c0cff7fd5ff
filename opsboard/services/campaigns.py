"""Campaigns of the target plan as entries of their own: add one from a
preset (双11 on Tmall for the plan year) or with its own phases, edit one
in place (its phases, uplift, platform, owner, budget or name), remove it. Each is one saved change of the plan,
so the past keeps its targets and the plan before it is kept as a version.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from opsboard.i18n import _
from opsboard.logic.campaign_calendar import PLATFORMS, PRESET_NAMES, campaign_preset, find_preset_name
from opsboard.model import Campaign, TargetPlan
from opsboard.model.clock import today as clock_today
from opsboard.model.ids import new_id
from opsboard.model.labels import platform_id
from opsboard.store import BoardStore

from .departments import resolve_department
from .errors import FieldErrors, NeedsConfirmation
from .parsing import read_date
from .target_inputs import parse_amount, parse_uplift
from .target_plan import NO_PLAN, set_assumptions

PHASE_KINDS = {
    "presale": "presale",
    "pre-sale": "presale",
    "预售": "presale",
    "warmup": "warmup",
    "warm-up": "warmup",
    "预热": "warmup",
    "main": "main",
    "正式": "main",
    "return": "return",
    "encore": "return",
    "返场": "return",
}


def parse_phase(text: str, year: int) -> dict[str, Any]:
    """'预售:10-20:10-31:0.5' or 'main:2026-11-11:2026-11-11:4' (weight
    optional, 1) → a phase; dates as MM-DD take the plan year."""
    parts = [part.strip() for part in text.replace("：", ":").split(":")]
    if len(parts) not in (3, 4) or parts[0].casefold() not in PHASE_KINDS:
        raise ValueError(
            _("'{text}' is not KIND:START:END[:WEIGHT] (KIND: 预售/presale, 预热/warmup, 正式/main, 返场/return)").format(text=text)
        )

    def day(value: str) -> date:
        found = read_date(value, clock_today(), year)  # as the task forms read dates; MM-DD in the plan year
        if found is None:
            raise ValueError(_("'{value}' is not a date (YYYY-MM-DD or MM-DD)").format(value=value))
        return found

    weight = 1.0
    if len(parts) == 4:
        try:
            weight = float(parts[3])
        except ValueError:
            raise ValueError(_("the weight '{weight}' is not a number").format(weight=parts[3])) from None
        if weight < 0:
            raise ValueError(_("the weight must not be negative (got {weight})").format(weight=parts[3]))
    start, end = day(parts[1]), day(parts[2])
    if end < start:
        raise ValueError(_("{phase} ends ({end}) before it starts ({start})").format(phase=parts[0], end=end, start=start))
    return {"kind": PHASE_KINDS[parts[0].casefold()], "start": start.isoformat(), "end": end.isoformat(), "weight": weight}


def _plan(store: BoardStore) -> TargetPlan:
    plan = store.plan()
    if plan is None:
        raise FieldErrors({"annual_target": NO_PLAN})
    return plan


def _docs(plan: TargetPlan) -> list[dict[str, Any]]:
    return [c.to_doc() for c in plan.campaigns]


def add_campaign(
    store: BoardStore,
    *,
    preset: str | None = None,
    platform: str = "",
    name: str | None = None,
    phases: list[str] | None = None,
    uplift: object = None,
    department: str | None = None,
    budget: object = None,
    confirmed: bool = False,
) -> Campaign:
    """A preset (its usual dates on `platform` for the plan year; name,
    uplift and the rest may be changed) or a campaign of its own phases.
    FieldErrors naming the field when something is wrong; NeedsConfirmation
    for an uplift above 300 %."""
    plan = _plan(store)
    errors: dict[str, str] = {}
    doc: dict[str, Any] = {}
    platform = platform_id(platform)
    _check_platform(platform, errors)
    if preset is not None:
        found = find_preset_name(preset)
        if found is None:
            errors["preset"] = _("'{name}' is not a preset campaign (presets: {presets})").format(
                name=preset, presets=", ".join(PRESET_NAMES)
            )
        elif "platform" not in errors:
            doc = campaign_preset(found, platform or "tmall", plan.year).to_doc()
            if not doc["phases"]:
                errors["preset"] = _("{name} has no days in {year}").format(name=found, year=plan.year)
    elif not phases:
        errors["phase"] = _("give a preset (--preset 双11) or the campaign's phases (--phase main:11-01:11-11)")
    if phases:
        try:
            doc["phases"] = [parse_phase(text, plan.year) for text in phases]
        except ValueError as error:
            errors["phase"] = str(error)
    if name is not None:
        doc["name"] = " ".join(name.split())
    if not doc.get("name") and "preset" not in errors:
        errors.setdefault("name", _("needs a name (e.g. 双11)"))
    _read_figures(store, doc, errors, uplift, budget, department or None)
    if errors:
        raise FieldErrors(errors)
    doc.setdefault("platform", platform)
    if any(c.name.casefold() == doc["name"].casefold() for c in plan.campaigns):
        raise FieldErrors({"name": _("the plan already has a campaign named {name}").format(name=doc["name"])})
    doc["id"] = new_id("cmp")
    _save(store, plan, [*_docs(plan), doc], confirmed)
    return next(c for c in store.plan().campaigns if c.id == doc["id"])  # type: ignore[union-attr]


def _named(plan: TargetPlan, name: str, field: str = "name") -> Campaign:
    """The plan's campaign of that name (any case, spaces squeezed, a preset's
    other spelling); FieldErrors listing the names."""
    wanted = " ".join(name.split()).casefold()
    found = next((c for c in plan.campaigns if c.name.casefold() == wanted), None)
    preset = find_preset_name(name)  # 双十一 for 双11, as --preset reads it
    if found is None and preset is not None:
        found = next((c for c in plan.campaigns if c.name.casefold() == preset.casefold()), None)
    if found is not None:
        return found
    if not plan.campaigns:
        raise FieldErrors({field: _("no campaign named {name} (the plan has none)").format(name=name)})
    names = ", ".join(c.name for c in plan.campaigns)
    raise FieldErrors({field: _("no campaign named {name} (campaigns: {names})").format(name=name, names=names)})


def remove_campaign(store: BoardStore, name: str) -> TargetPlan:
    plan = _plan(store)
    gone = _named(plan, name)
    return set_assumptions(store, seen=plan, campaigns=[c.to_doc() for c in plan.campaigns if c.id != gone.id])


def edit_campaign(
    store: BoardStore,
    name: str,
    *,
    rename: str | None = None,
    platform: str | None = None,
    phases: list[str] | None = None,
    uplift: object = None,
    department: str | None = None,
    budget: object = None,
    confirmed: bool = False,
    seen: TargetPlan | None = None,
) -> Campaign:
    """Change the campaign named `name` in place: only what is given changes
    (`phases` replace all its phases). It keeps its id; the change is one
    saved change of the plan, checked as `add_campaign` checks (FieldErrors
    naming the field; `campaign` when no campaign has that name;
    NeedsConfirmation for an uplift above 300 %), and the days already
    elapsed keep their targets. `seen`: the plan as the form showed it, so a
    teammate's change to the campaigns meanwhile is a conflict, not overwritten."""
    plan = _plan(store)
    campaign = _named(plan, name, field="campaign")
    doc = campaign.to_doc()
    errors: dict[str, str] = {}
    if platform is not None:
        typed = platform_id(platform)
        _check_platform(typed, errors)
        doc["platform"] = typed
    if phases is not None:
        if not phases:
            errors["phase"] = _("a campaign needs at least one phase (e.g. main:11-01:11-11)")
        try:
            doc["phases"] = [parse_phase(text, plan.year) for text in phases]
        except ValueError as error:
            errors["phase"] = str(error)
    if rename is not None:
        doc["name"] = " ".join(rename.split())
        if not doc["name"]:
            errors["name"] = _("needs a name (e.g. 双11)")
        elif any(c.id != campaign.id and c.name.casefold() == doc["name"].casefold() for c in plan.campaigns):
            errors["name"] = _("the plan already has a campaign named {name}").format(name=doc["name"])
    _read_figures(store, doc, errors, uplift, budget, department)
    if errors:
        raise FieldErrors(errors)
    docs = [doc if c.id == campaign.id else c.to_doc() for c in plan.campaigns]
    _save(store, seen or plan, docs, confirmed)
    return next(c for c in store.plan().campaigns if c.id == campaign.id)  # type: ignore[union-attr]


def _check_platform(platform: str, errors: dict[str, str]) -> None:
    if platform and platform not in PLATFORMS:
        errors["platform"] = _("'{platform}' is not a platform (platforms: {platforms})").format(
            platform=platform, platforms=", ".join(PLATFORMS)
        )


def _read_figures(
    store: BoardStore, doc: dict[str, Any], errors: dict[str, str], uplift: object, budget: object, department: str | None
) -> None:
    """The uplift, budget and owning department as typed (None: not given)
    into `doc`, each refusal under its field in `errors` (add and edit alike)."""
    if uplift is not None:
        try:
            doc["uplift"] = parse_uplift(uplift)
        except ValueError as error:
            errors["uplift"] = str(error)
    if budget is not None:
        try:
            doc["budget"] = parse_amount(budget)
        except ValueError as error:
            errors["budget"] = str(error)
    if department is not None:
        try:
            doc["department"] = resolve_department(store, department).id
        except Exception as error:  # InputError listing the valid names
            errors["department"] = str(error)


def _save(store: BoardStore, plan: TargetPlan, docs: list[dict[str, Any]], confirmed: bool) -> None:
    """The campaigns saved as one change of the plan; its refusals under this form's fields."""
    try:
        set_assumptions(store, seen=plan, confirmed=confirmed, campaigns=docs)
    except FieldErrors as error:
        # the plan's words for the campaigns field, under this form's fields
        field = "uplift" if isinstance(error, NeedsConfirmation) else "phase"
        errors = {field if name == "campaigns" else name: message for name, message in error.errors.items()}
        raise type(error)(errors) from None
