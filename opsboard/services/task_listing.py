"""`opsboard task list`'s tasks: those of services.tasks.list_tasks, in the
same order, with the archived ones that need no model as their lines
(ArchivedLine) when the archive is listed whole — `archived:only`,
`archived:yes` or `--include-archived` with no word and no field term, by
department and status or not. 95,000 archived tasks are listed in well under
a second, not validated one by one into 95,000 models. Any other filter
searches the archive as list_tasks does (its words narrow it first)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from opsboard.model import TASK_COLUMNS, TaskStatus
from opsboard.store import BoardStore

from .archived_lines import ArchivedLine
from .archived_tasks import archived_lines
from .task_board import card_order, column_order
from .task_filter import ALL, ONLY, TaskFilter
from .tasks import list_tasks, listing_asked

if TYPE_CHECKING:
    from opsboard.model import Task

_COLUMN = {status: i for i, status in enumerate(TASK_COLUMNS)}  # as task_board.column_order


def listed_tasks(
    store: BoardStore,
    dept: str | None = None,
    status: str | TaskStatus | None = None,
    filter: str | TaskFilter | None = None,
    *,
    include_archived: bool = False,
) -> Sequence[Task | ArchivedLine]:
    """As list_tasks (the same tasks, order and errors), archived tasks as their lines when they can be."""
    department, wanted, chosen = listing_asked(store, dept, status, filter, include_archived=include_archived)
    if chosen.words or chosen.terms or chosen.archived not in (ALL, ONLY):
        return list_tasks(store, dept=dept, status=wanted, filter=chosen)
    found: list[Task | ArchivedLine] = []
    if chosen.archived != ONLY:
        found += store.tasks()
    found += archived_lines(store, department)
    found = [t for t in found if (department is None or t.department == department) and (wanted is None or t.status is wanted)]
    departments = {d.id: d.order for d in store.departments()}
    last = len(departments)

    def order(task: Task | ArchivedLine) -> tuple[object, ...]:
        if isinstance(task, ArchivedLine):  # as task_board.card_order, from the line
            return (departments.get(task.department, last), _COLUMN[task.status], task.rank, task.created, task.id)
        return (departments.get(task.department, last), column_order(task), *card_order(task))

    return sorted(found, key=order)
