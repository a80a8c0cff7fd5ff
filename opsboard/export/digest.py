"""The day's agenda as Markdown, for a chat or a mail: a short section per
kind (overdue, due today, blocked, due this week), a line per task."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from opsboard.i18n import _, lazy_pgettext

from .markdown import escape, heading

if TYPE_CHECKING:
    from opsboard.model import Task

SECTION_TITLES = {
    "overdue": lazy_pgettext("agenda group", "Overdue"),
    "due_today": lazy_pgettext("agenda group", "Due today"),
    "blocked": lazy_pgettext("agenda group", "Blocked"),
    "due_this_week": lazy_pgettext("agenda group", "Due this week"),
}


def _line(task: Task, departments: Mapping[str, str], with_owner: bool) -> str:
    parts = [f"**{escape(task.title)}**", escape(departments.get(task.department, task.department)), f"P{task.priority}"]
    if task.due is not None:
        parts.append(_("due {date}").format(date=task.due.isoformat()))
    if with_owner:
        parts.append(f"@{escape(task.owner)}" if task.owner else _("unassigned"))
    if task.blocked_reason:
        parts.append(_("waiting for: {reason}").format(reason=escape(task.blocked_reason)))
    return "- " + " · ".join(parts) + f" `{task.id}`"


def agenda_markdown(
    day: date, user: str | None, sections: Sequence[tuple[str, Sequence[Task]]], board_name: str, departments: Mapping[str, str]
) -> str:
    """`sections`: (overdue|due_today|blocked|due_this_week, its tasks) in
    order; `user`: whose agenda (None: the team's, with each task's owner)."""
    if user:
        title = _("{board}: agenda for {day} — {user}").format(board=escape(board_name), day=day.isoformat(), user=escape(user))
    else:
        title = _("{board}: agenda for {day}").format(board=escape(board_name), day=day.isoformat())
    lines = [heading(1, title), ""]
    if not any(tasks for _name, tasks in sections):
        lines += [_("Nothing overdue, due this week or blocked."), ""]
        return "\n".join(lines)
    for name, tasks in sections:
        lines += [heading(2, f"{SECTION_TITLES[name]} ({len(tasks)})"), ""]
        lines += [_line(t, departments, user is None) for t in tasks] or [_("- none")]
        lines.append("")
    return "\n".join(lines)
