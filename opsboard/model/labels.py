"""Words the product shows for its fixed vocabularies, in the interface
language: phases, item and task statuses, levers. Declared once here; views,
exports and the CLI read them from here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from opsboard.i18n import _, _l, lazy_pgettext, ngettext

from .enums import TASK_STATUS_LABELS, ItemStatus, Phase, TaskStatus

if TYPE_CHECKING:
    from .campaigns import Campaign
    from .targets import TargetPlan

PHASE_TITLES = {
    Phase.RESEARCH: _l("Research"),
    Phase.LAUNCH: _l("Launch"),
    Phase.PROMOTION: _l("Promotion"),
    Phase.REVIEW: _l("Review"),
}

TASK_STATUS_TITLES = TASK_STATUS_LABELS  # declared with the enum (model/enums.py)

# the levers of a sales target (traffic × conversion × order value) and the budget
LEVER_WORDS = {
    "traffic": lazy_pgettext("lever", "traffic"),
    "conversion": lazy_pgettext("lever", "conversion"),
    "order_value": lazy_pgettext("lever", "order value"),
    "budget": lazy_pgettext("lever", "budget"),
}

# a store's daily figures (DailyMetric's fields) as the back office names them
FIGURE_WORDS = {
    "date": lazy_pgettext("figure", "date"),
    "channel": lazy_pgettext("figure", "channel"),
    "pv": lazy_pgettext("figure", "pv"),
    "uv": lazy_pgettext("figure", "uv"),
    "orders": lazy_pgettext("figure", "orders"),
    "buyers": lazy_pgettext("figure", "buyers"),
    "revenue": lazy_pgettext("figure", "revenue"),
    "refunds": lazy_pgettext("figure", "refunds"),
    "ad_spend": lazy_pgettext("figure", "ad_spend"),
}

# a campaign's platform (stored as its id: tmall, jd, douyin, pinduoduo)
PLATFORM_WORDS = {
    "tmall": lazy_pgettext("platform", "Tmall"),
    "jd": lazy_pgettext("platform", "JD"),
    "douyin": lazy_pgettext("platform", "Douyin"),
    "pinduoduo": lazy_pgettext("platform", "Pinduoduo"),
}

ITEM_STATUS_WORDS = {
    ItemStatus.OPEN: lazy_pgettext("item status", "open"),
    ItemStatus.DONE: lazy_pgettext("item status", "done"),
    ItemStatus.SKIPPED: lazy_pgettext("item status", "not applicable"),
}
ITEM_STATUS_MARKS = {ItemStatus.OPEN: "[ ]", ItemStatus.DONE: "[x]", ItemStatus.SKIPPED: "[-]"}


def phase_title(phase: Phase) -> str:
    return str(PHASE_TITLES[phase])


def task_status_title(status: TaskStatus) -> str:
    return str(TASK_STATUS_TITLES[status])


def lever_word(lever: str) -> str:
    return str(LEVER_WORDS[lever]) if lever in LEVER_WORDS else lever


def platform_word(platform: str) -> str:
    """'Tmall' / '天猫' for `tmall`; '' (every channel) as 'all'; one it does not know as it is."""
    if not platform:
        return _("all")
    return str(PLATFORM_WORDS[platform]) if platform in PLATFORM_WORDS else platform


# what a lead types for a platform, in either language
_PLATFORM_NAMES = {"天猫": "tmall", "京东": "jd", "抖音": "douyin", "拼多多": "pinduoduo"}


def platform_id(text: str) -> str:
    """`tmall` for 'tmall', 'Tmall' or '天猫'; what was typed, folded, otherwise."""
    folded = " ".join(text.split()).casefold()
    return _PLATFORM_NAMES.get(folded, folded)


def figure_word(field: str) -> str:
    """'uv' / '访客数': a daily figure named in a message."""
    return str(FIGURE_WORDS[field]) if field in FIGURE_WORDS else field


# the fields of a target plan, as a change to it names them
PLAN_FIELD_WORDS = {
    "year": lazy_pgettext("plan field", "plan year"),
    "annual_target": lazy_pgettext("plan field", "annual target"),
    "currency": lazy_pgettext("plan field", "currency"),
    "seasonality": lazy_pgettext("plan field", "seasonality"),
    "conversion": lazy_pgettext("plan field", "conversion"),
    "order_value": lazy_pgettext("plan field", "order value"),
    "paid_share": lazy_pgettext("plan field", "paid share"),
    "cost_per_click": lazy_pgettext("plan field", "cost per click"),
    "new_products": lazy_pgettext("plan field", "new products"),
    "channels": lazy_pgettext("plan field", "channels"),
    "promotion_budget": lazy_pgettext("plan field", "promotion budget"),
    "orders_per_agent_day": lazy_pgettext("plan field", "orders per agent a day"),
    "campaigns": lazy_pgettext("plan field", "campaigns"),
    "roi": lazy_pgettext("plan field", "ROI target"),
    "daily_ad_cap": lazy_pgettext("plan field", "daily ad cap"),
    "notes": lazy_pgettext("plan field", "notes"),
    "weekday_pattern": lazy_pgettext("plan field", "weekday pattern"),
    "festival_pattern": lazy_pgettext("plan field", "Spring Festival pattern"),
}

# A plan version's `change` as stored: the ids of the fields it changed, ", "
# between, and CREATED or REBASED; worded when shown, in the reader's language.
# Boards saved before kept English words there ("annual target, re-based the
# whole year"): they are read back to the same ids.
CREATED, REBASED = "created", "rebased"
_LEGACY_CHANGE = {
    "plan created": CREATED,
    "re-based the whole year": REBASED,
    "saved": "",
    "plan year": "year",
    "Spring Festival pattern": "festival_pattern",
}


def plan_field_word(field: str) -> str:
    """'annual target' / '年度目标' for `annual_target`; a field it does not know, spaced."""
    word = PLAN_FIELD_WORDS.get(field)
    return str(word) if word is not None else field.replace("_", " ")


def plan_change_stored(fields: list[str], *, created: bool = False, rebased: bool = False) -> str:
    """What a version of the plan changed, as the board stores it."""
    return ", ".join([*([CREATED] if created else []), *fields, *([REBASED] if rebased else [])])


def plan_change_words(stored: str, campaigns: str | None = None) -> str:
    """'annual target, campaigns' / '年度目标、活动'; 'saved' when it names nothing.
    `campaigns`, when given, says which campaigns changed and how, in place
    of the word 'campaigns' ('campaign 双11 added')."""
    words = []
    for part in (p.strip() for p in stored.split(",")):
        key = _LEGACY_CHANGE.get(part, part.replace(" ", "_"))
        if not key:
            continue
        if key == CREATED:
            words.append(_("plan created"))
        elif key == REBASED:
            words.append(_("re-based the whole year"))
        elif key == "campaigns" and campaigns:
            words.append(campaigns)
        elif key in PLAN_FIELD_WORDS:
            words.append(plan_field_word(key))
        elif part:
            words.append(part)  # written by hand or by a newer opsboard: as it is
    return _(", ").join(words) or _("saved")


def version_change_words(version: TargetPlan, before: TargetPlan | None) -> str:
    """What a saved version of the plan changed, for the versions list:
    'annual target, campaign 双11 added' rather than '…, campaigns', when the
    version `before` it is there to compare with."""
    return plan_change_words(version.change, _campaigns_between(before, version) if before is not None else None)


def versions_changes(versions: Sequence[TargetPlan]) -> list[str]:
    """What each of the plan's versions (oldest first) changed, each against
    the one before it (version_change_words)."""
    return [version_change_words(version, versions[n - 1] if n else None) for n, version in enumerate(versions)]


def _campaigns_between(before: TargetPlan, after: TargetPlan) -> str | None:
    """'campaign 双11 added, campaign 618 changed': which campaigns one version
    added, removed or changed in place (its shape, taken again from last
    year's actuals, is not a change)."""
    old = {c.id: c for c in before.campaigns}
    new = {c.id: c for c in after.campaigns}
    added = [c.name for key, c in new.items() if key not in old]
    removed = [c.name for key, c in old.items() if key not in new]
    changed = [c.name for key, c in new.items() if key in old and _content(c) != _content(old[key])]
    parts = []
    if added:
        parts.append(ngettext("campaign {names} added", "campaigns {names} added", len(added)).format(names=_(", ").join(added)))
    if removed:
        template = ngettext("campaign {names} removed", "campaigns {names} removed", len(removed))
        parts.append(template.format(names=_(", ").join(removed)))
    if changed:
        template = ngettext("campaign {names} changed", "campaigns {names} changed", len(changed))
        parts.append(template.format(names=_(", ").join(changed)))
    return _(", ").join(parts) or None


def _content(campaign: Campaign) -> dict[str, Any]:
    """A campaign as the lead set it: not its shape, not who saved it when."""
    return campaign.model_dump(exclude={"shape", "updated_at", "updated_by"})
