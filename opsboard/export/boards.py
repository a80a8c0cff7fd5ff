"""The department boards as GitHub-flavoured Markdown: an overview table of
all departments, then a section per department with a table per column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from opsboard.i18n import _, ngettext
from opsboard.i18n.formats import number
from opsboard.model import TASK_STATUS_LABELS, TaskStatus

from .markdown import escape, heading, table

if TYPE_CHECKING:
    from opsboard.model import Task


@dataclass(frozen=True)
class DepartmentBoard:
    name: str
    columns: Sequence[tuple[TaskStatus, Sequence[Task]]]  # in column order, cards in board order
    archived_done: int = 0  # done tasks in the archive, counted (as the app's overview counts them) but not listed

    def count(self, status: TaskStatus) -> int:
        listed = sum(len(tasks) for s, tasks in self.columns if s is status)
        return listed + (self.archived_done if status is TaskStatus.DONE else 0)

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


@dataclass(frozen=True)
class TaskColumn:
    """A column of the cards' tables; services/task_board.py makes them from
    the task fields' declaration (services/task_fields.py)."""

    heading: str
    text: Callable[[Task], str]  # the cell as plain text: escaped here
    statuses: frozenset[TaskStatus]  # the board columns whose table has it
    markdown: Callable[[Task], str] | None = None  # the cell already as Markdown (a warning in bold)

    def cell(self, task: Task) -> str:
        return self.markdown(task) if self.markdown else escape(self.text(task))


def column_table(status: TaskStatus, tasks: Sequence[Task], columns: Sequence[TaskColumn]) -> str:
    """One column's cards as a table, with the columns for its status (Blocked:
    each card's reason, Done: its date)."""
    if not tasks:
        return _("_No cards._")
    shown = [c for c in columns if status in c.statuses]
    return table([c.heading for c in shown], [[c.cell(t) for c in shown] for t in tasks])


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


def archived_note(counted: int, listed: int) -> str:
    """Under the overview, as under the app's: what its Done counts hold of
    the archive of done tasks (nothing when it is empty)."""
    if listed:
        return ngettext(
            "Done includes {count} archived card, listed with the others.",
            "Done includes {count} archived cards, listed with the others.",
            listed,
        ).format(count=number(listed))
    if counted:
        return ngettext(
            "Done includes {count} archived card, not listed (export with --include-archived, or filter archived:yes in the app, to list it).",
            "Done includes {count} archived cards, not listed (export with --include-archived, or filter archived:yes in the app, to list them).",
            counted,
        ).format(count=number(counted))
    return ""


def boards_markdown(
    board_name: str, boards: Sequence[DepartmentBoard], columns: Sequence[TaskColumn], today: date, *, archived_listed: int = 0
) -> str:
    """`columns`: the cards' tables' columns (services/task_board.export_columns);
    `archived_listed`: archived done tasks among the cards listed."""
    lines = [
        heading(1, _("{board} — department boards").format(board=escape(board_name))),
        "",
        _("As of {date}.").format(date=today.isoformat()),
        "",
    ]
    lines += [overview_table(boards, today), ""]
    note = archived_note(sum(b.archived_done for b in boards), archived_listed)
    if note:
        lines += [note, ""]
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
                column_table(status, tasks, columns),
                "",
            ]
        lines += comment_lines(board)
    return "\n".join(lines).rstrip() + "\n"
