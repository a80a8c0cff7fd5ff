"""The department boards as GitHub-flavoured Markdown: an overview table of
all departments, then a section per department with a table per column."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from opsboard.i18n import _
from opsboard.model import TASK_STATUS_LABELS, Task, TaskStatus

from .markdown import escape, heading, table


@dataclass(frozen=True)
class DepartmentBoard:
    name: str
    columns: Sequence[tuple[TaskStatus, Sequence[Task]]]  # in column order, cards in board order

    def count(self, status: TaskStatus) -> int:
        return sum(len(tasks) for s, tasks in self.columns if s is status)

    def overdue(self, today: date) -> int:
        return sum(t.is_overdue(today) for _, tasks in self.columns for t in tasks)

    def due_today(self, today: date) -> int:
        return sum(t.is_due_today(today) for _, tasks in self.columns for t in tasks)


def _flag(value: int) -> str:
    """Counts that need the lead's attention (blocked, overdue) stand out."""
    return f"**{value}**" if value else "0"


def overview_table(boards: Sequence[DepartmentBoard], today: date) -> str:
    statuses = list(TASK_STATUS_LABELS)
    rows = []
    totals = [0] * (len(statuses) + 2)
    for board in boards:
        counts = [board.count(s) for s in statuses] + [board.overdue(today), board.due_today(today)]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        rows.append(_overview_row(escape(board.name), counts))
    rows.append(_overview_row(_("**Total**"), totals))
    headers = [_("Department"), *(str(label) for label in TASK_STATUS_LABELS.values()), _("Overdue"), _("Due today")]
    return table(headers, rows, ["left"] + ["right"] * (len(headers) - 1))


def _overview_row(name: str, counts: list[int]) -> list[str]:
    blocked_at = list(TASK_STATUS_LABELS).index(TaskStatus.BLOCKED)
    overdue_at = len(TASK_STATUS_LABELS)
    return [name] + [_flag(n) if i in (blocked_at, overdue_at) else str(n) for i, n in enumerate(counts)]


def _due(task: Task, today: date) -> str:
    if task.due is None:
        return ""
    if task.is_overdue(today):
        return _("{date} **(overdue)**").format(date=task.due.isoformat())
    if task.is_due_today(today):
        return _("{date} **(today)**").format(date=task.due.isoformat())
    return task.due.isoformat()


def column_table(status: TaskStatus, tasks: Sequence[Task], items: Mapping[str, str], today: date) -> str:
    """One column's cards as a table; Blocked shows each card's reason, Done its date."""
    if not tasks:
        return _("_No cards._")
    if status is TaskStatus.BLOCKED:
        headers = [_("Task"), _("Reason"), _("Blocked since"), _("Owner"), _("Due"), _("Priority"), _("Id")]
        rows = [
            [
                escape(t.title),
                escape(t.blocked_reason),
                t.blocked_since.date().isoformat() if t.blocked_since else "",
                escape(t.owner),
                _due(t, today),
                f"P{t.priority}",
                escape(t.id),
            ]
            for t in tasks
        ]
    elif status is TaskStatus.DONE:
        headers = [_("Task"), _("Owner"), _("Done on"), _("Priority"), _("Tags"), _("Id")]
        rows = [
            [
                escape(t.title),
                escape(t.owner),
                t.done_at.date().isoformat() if t.done_at else "",
                f"P{t.priority}",
                escape(", ".join(t.tags)),
                escape(t.id),
            ]
            for t in tasks
        ]
    else:
        headers = [_("Task"), _("Owner"), _("Due"), _("Priority"), _("Tags"), _("Checklist item"), _("Id")]
        rows = [
            [
                escape(t.title),
                escape(t.owner),
                _due(t, today),
                f"P{t.priority}",
                escape(", ".join(t.tags)),
                escape(items.get(t.checklist_item, t.checklist_item)) if t.checklist_item else "",
                escape(t.id),
            ]
            for t in tasks
        ]
    return table(headers, rows)


def comment_lines(board: DepartmentBoard) -> list[str]:
    """The department's comment threads, card by card in board order (none: nothing)."""
    threads = [t for _, tasks in board.columns for t in tasks if t.comments]
    if not threads:
        return []
    lines = [heading(3, _("Comments ({count})").format(count=sum(len(t.comments) for t in threads))), ""]
    for task in threads:
        lines.append(f"- **{escape(task.title)}** ({escape(task.id)})")
        lines += [f"  - {escape(c.by or '?')}, {c.at:%Y-%m-%d %H:%M}: {escape(c.text)}" for c in task.comments]
    return [*lines, ""]


def boards_markdown(board_name: str, boards: Sequence[DepartmentBoard], items: Mapping[str, str], today: date) -> str:
    """`items`: checklist item id → its code and title, for the cards that serve one."""
    lines = [
        heading(1, _("{board} — department boards").format(board=escape(board_name))),
        "",
        _("As of {date}.").format(date=today.isoformat()),
        "",
    ]
    lines += [overview_table(boards, today), ""]
    for board in boards:
        summary = _("{open} open · {blocked} blocked · {overdue} overdue").format(
            open=sum(board.count(s) for s in TASK_STATUS_LABELS if s is not TaskStatus.DONE),
            blocked=board.count(TaskStatus.BLOCKED),
            overdue=board.overdue(today),
        )
        lines += [heading(2, escape(board.name)), ""]
        if not any(tasks for _, tasks in board.columns):
            lines += [_("_No tasks._"), ""]
            continue
        lines += [summary, ""]
        for status, tasks in board.columns:
            lines += [
                heading(3, _("{column} ({count})").format(column=TASK_STATUS_LABELS[status], count=len(tasks))),
                "",
                column_table(status, tasks, items, today),
                "",
            ]
        lines += comment_lines(board)
    return "\n".join(lines).rstrip() + "\n"
