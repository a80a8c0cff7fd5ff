"""Tasks across departments: every task a filter matches, in one list,
sorted by priority, due date, department or owner — "my tasks", "everything
overdue", "due this week".

Quick filters are filter words (`owner:me`, `due:overdue`, `due:week`), so
what a quick filter shows is what typing it after `/` shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from opsboard.i18n import _, _l
from opsboard.model import TaskStatus

from .task_board import card_order, column_order
from .task_filter import TaskFilter, select

if TYPE_CHECKING:
    from opsboard.model import Task

SORTS = ("priority", "due", "department", "owner")
SORT_TITLES = {"priority": _l("priority"), "due": _l("due date"), "department": _l("department"), "owner": _l("owner")}
QUICK_FILTERS = {"mine": "owner:me", "overdue": "due:overdue", "week": "due:week"}

_LAST = "\uffff"  # sorts after any name: no owner goes last


def sort_key(sort: str, departments: Mapping[str, int]) -> Callable[[Task], tuple[Any, ...]]:
    """Task → sort key. Ties fall back to priority, due date, department,
    then board order, so the list never jumps between redraws."""
    no_dept = len(departments)

    def board(t: Task) -> tuple[Any, ...]:
        return (departments.get(t.department, no_dept), column_order(t), *card_order(t))

    def due(t: Task) -> date:
        return t.due or date.max

    if sort == "due":
        return lambda t: (due(t), t.priority, *board(t))
    if sort == "department":
        return board
    if sort == "owner":
        return lambda t: (t.owner.casefold() or _LAST, t.priority, due(t), *board(t))
    return lambda t: (t.priority, due(t), *board(t))


def cross_department_tasks(
    tasks: Iterable[Task],
    chosen: TaskFilter,
    day: date,
    *,
    sort: str = "priority",
    departments: Mapping[str, int] | None = None,
    include_done: bool = False,
) -> list[Task]:
    """`departments`: id → board order. Done tasks only with `include_done`."""
    if sort not in SORTS:
        raise ValueError(_("unknown sort '{sort}' (valid: {valid})").format(sort=sort, valid=", ".join(SORTS)))
    found = select(chosen, tasks, day)
    if not include_done:
        found = [t for t in found if t.status is not TaskStatus.DONE]
    return sorted(found, key=sort_key(sort, departments or {}))
