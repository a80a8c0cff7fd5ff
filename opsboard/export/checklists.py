"""The phase checklists as GitHub-flavoured Markdown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from opsboard.i18n import _
from opsboard.model import ChecklistItem, ItemStatus, Phase
from opsboard.model.labels import phase_title

from .markdown import checkbox, escape, heading

if TYPE_CHECKING:
    from opsboard.store.rows import ChecklistRow  # view 1 exports what it shows


def item_line(item: ChecklistItem | ChecklistRow, department: str, today: date, extra: str = "") -> str:
    """`- [x] A · Title — Department · owner lin · due 2026-03-01 (overdue)`"""
    parts = [escape(department)]
    if item.owner:
        parts.append(_("owner {name}").format(name=escape(item.owner)))
    if item.due:
        if item.is_overdue(today):
            parts.append(_("due {date} **(overdue)**").format(date=item.due.isoformat()))
        else:
            parts.append(_("due {date}").format(date=item.due.isoformat()))
    if extra:
        parts.append(extra)
    title = escape(item.title)
    if item.status is ItemStatus.SKIPPED:
        title = _("~~{title}~~ (skipped)").format(title=title)
    return checkbox(item.status is ItemStatus.DONE, f"{escape(item.code)} · {title} — {' · '.join(parts)}")


def checklists_markdown(
    board_name: str,
    phases: Sequence[tuple[Phase, Sequence[ChecklistItem | ChecklistRow], int, int]],
    departments: Mapping[str, str],
    today: date,
    extras: Mapping[str, str] | None = None,
) -> str:
    """`phases`: (phase, items, done, applicable total). `extras`: item id → a
    note such as its tasks' progress."""
    extras = extras or {}
    lines = [heading(1, _("{board} — checklists").format(board=escape(board_name))), ""]
    for phase, items, done, total in phases:
        lines += [heading(2, _("{phase} ({done}/{total} done)").format(phase=phase_title(phase), done=done, total=total)), ""]
        for item in items:
            department = departments.get(item.department, item.department)
            lines.append(item_line(item, department, today, extras.get(item.id, "")))
        if not items:
            lines.append(_("_No items._"))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
