"""Words the product shows for fixed vocabularies, per board language."""

from __future__ import annotations

from .enums import ItemStatus, Phase

PHASE_TITLES = {
    "en": {Phase.RESEARCH: "Research", Phase.LAUNCH: "Launch", Phase.PROMOTION: "Promotion", Phase.REVIEW: "Review"},
    "zh": {Phase.RESEARCH: "调研", Phase.LAUNCH: "上线", Phase.PROMOTION: "推广", Phase.REVIEW: "复盘"},
}

WORDS = {
    "en": {"checklists": "checklists", "done": "done", "skipped": "skipped", "overdue": "overdue", "owner": "owner", "due": "due"},
    "zh": {"checklists": "阶段清单", "done": "已完成", "skipped": "不适用", "overdue": "已逾期", "owner": "负责人", "due": "截止"},
}

ITEM_STATUS_MARKS = {ItemStatus.OPEN: "[ ]", ItemStatus.DONE: "[x]", ItemStatus.SKIPPED: "[-]"}


def phase_title(phase: Phase, language: str) -> str:
    return PHASE_TITLES.get(language, PHASE_TITLES["en"])[phase]


def word(key: str, language: str) -> str:
    return WORDS.get(language, WORDS["en"])[key]
