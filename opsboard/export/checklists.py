"""The phase checklists as GitHub-flavoured Markdown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from opsboard.model import ChecklistItem, ItemStatus, Phase
from opsboard.model.labels import phase_title, word

from .markdown import checkbox, escape, heading


def item_line(item: ChecklistItem, department: str, today: date, extra: str = "", language: str = "en") -> str:
    """`- [x] A · Title — Department · owner lin · due 2026-03-01 (overdue)`"""
    parts = [escape(department)]
    if item.owner:
        parts.append(f"{word('owner', language)} {escape(item.owner)}")
    if item.due:
        overdue = f" **({word('overdue', language)})**" if item.is_overdue(today) else ""
        parts.append(f"{word('due', language)} {item.due.isoformat()}{overdue}")
    if extra:
        parts.append(extra)
    title = escape(item.title)
    if item.status is ItemStatus.SKIPPED:
        title = f"~~{title}~~ ({word('skipped', language)})"
    return checkbox(item.status is ItemStatus.DONE, f"{escape(item.code)} · {title} — {' · '.join(parts)}")


def checklists_markdown(
    board_name: str,
    language: str,
    phases: Sequence[tuple[Phase, Sequence[ChecklistItem], int, int]],
    departments: Mapping[str, str],
    today: date,
    extras: Mapping[str, str] | None = None,
) -> str:
    """`phases`: (phase, items, done, applicable total). `extras`: item id → a
    note such as its tasks' progress."""
    extras = extras or {}
    lines = [heading(1, f"{escape(board_name)} — {word('checklists', language)}"), ""]
    for phase, items, done, total in phases:
        lines += [heading(2, f"{phase_title(phase, language)} ({done}/{total} {word('done', language)})"), ""]
        for item in items:
            department = departments.get(item.department, item.department)
            lines.append(item_line(item, department, today, extras.get(item.id, ""), language))
        if not items:
            lines.append("_No items._")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
