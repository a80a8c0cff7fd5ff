"""The day's agenda as Markdown, for a chat or a mail: a short section per
kind (overdue, due today, blocked, due this week), a line per task."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from .markdown import escape, heading

if TYPE_CHECKING:
    from opsboard.model import Task

SECTION_TITLES = {
    "overdue": "Overdue",
    "due_today": "Due today",
    "blocked": "Blocked",
    "due_this_week": "Due this week",
}


def _line(task: Task, departments: Mapping[str, str], with_owner: bool) -> str:
    parts = [f"**{escape(task.title)}**", escape(departments.get(task.department, task.department)), f"P{task.priority}"]
    if task.due is not None:
        parts.append(f"due {task.due.isoformat()}")
    if with_owner:
        parts.append(f"@{escape(task.owner)}" if task.owner else "unassigned")
    if task.blocked_reason:
        parts.append(f"waiting for: {escape(task.blocked_reason)}")
    return "- " + " · ".join(parts) + f" `{task.id}`"


def agenda_markdown(
    day: date, user: str | None, sections: Sequence[tuple[str, Sequence[Task]]], board_name: str, departments: Mapping[str, str]
) -> str:
    """`sections`: (overdue|due_today|blocked|due_this_week, its tasks) in
    order; `user`: whose agenda (None: the team's, with each task's owner)."""
    who = f" — {escape(user)}" if user else ""
    lines = [heading(1, f"{escape(board_name)}: agenda for {day.isoformat()}{who}"), ""]
    if not any(tasks for _, tasks in sections):
        lines += ["Nothing overdue, due this week or blocked.", ""]
        return "\n".join(lines)
    for name, tasks in sections:
        lines += [heading(2, f"{SECTION_TITLES[name]} ({len(tasks)})"), ""]
        lines += [_line(t, departments, user is None) for t in tasks] or ["- none"]
        lines.append("")
    return "\n".join(lines)
