"""Words the product shows for its fixed vocabularies, in the interface
language: phases, item and task statuses, levers. Declared once here; views,
exports and the CLI read them from here."""

from __future__ import annotations

from opsboard.i18n import _l, lazy_pgettext

from .enums import TASK_STATUS_LABELS, ItemStatus, Phase, TaskStatus

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

ITEM_STATUS_MARKS = {ItemStatus.OPEN: "[ ]", ItemStatus.DONE: "[x]", ItemStatus.SKIPPED: "[-]"}


def phase_title(phase: Phase) -> str:
    return str(PHASE_TITLES[phase])


def task_status_title(status: TaskStatus) -> str:
    return str(TASK_STATUS_TITLES[status])


def lever_word(lever: str) -> str:
    return str(LEVER_WORDS[lever]) if lever in LEVER_WORDS else lever


def figure_word(field: str) -> str:
    """'uv' / '访客数': a daily figure named in a message."""
    return str(FIGURE_WORDS[field]) if field in FIGURE_WORDS else field
