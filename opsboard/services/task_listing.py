"""`opsboard task list`'s tasks: those of services.tasks.list_tasks, in the
same order, with the archived ones that need no model as their lines
(ArchivedLine) when the archive is listed whole — `archived:only`,
`archived:yes` or `--include-archived` with no word and no field term, by
department and status or not. 95,000 archived tasks are listed in well under
a second, not validated one by one into 95,000 models. Any other filter
searches the archive as list_tasks does (its words narrow it first).
`--json` lists the same by json_listed_tasks, archived tasks as ArchivedJson."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, islice
from operator import eq, itemgetter
from typing import TYPE_CHECKING

from opsboard.model import TASK_COLUMNS, Table, TaskStatus
from opsboard.store import BoardStore

from .archived_lines import ArchivedJson, ArchivedLine, JsonBoard, JsonNames, board_place, doc_line, read_json_lines, read_line
from .archived_tasks import archived_json, archived_lines
from .departments import listed_departments
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
        found += _board_tasks(store)
    found += archived_lines(store, department)
    found = [t for t in found if (department is None or t.department == department) and (wanted is None or t.status is wanted)]
    departments = {department: order for department, _name, order in listed_departments(store)}  # (no pydantic: see there)
    last = len(departments)

    def order(task: Task | ArchivedLine) -> tuple[object, ...]:
        if isinstance(task, ArchivedLine):  # as task_board.card_order, from the line
            return (departments.get(task.department, last), _COLUMN[task.status], task.rank, task.created, task.id)
        return (departments.get(task.department, last), column_order(task), *card_order(task))

    return sorted(found, key=order)


def _board_tasks(store: BoardStore) -> Sequence[Task | ArchivedLine]:
    """The board's tasks, read from their documents as archived lines are
    when every one can be (no pydantic, no models), else validated (the
    store says what is wrong with a damaged one, as before)."""
    read = [read_line(line) if line is not None else None for line in map(doc_line, store.raw(Table.TASKS).values())]
    if None in read:
        return store.tasks()
    return read  # type: ignore[return-value]


def json_listed_tasks(
    store: BoardStore,
    dept: str | None = None,
    status: str | TaskStatus | None = None,
    filter: str | TaskFilter | None = None,
    *,
    include_archived: bool = False,
) -> Sequence[Task | ArchivedJson]:
    """listed_tasks for --json: the same tasks in the same order, archived
    ones as ArchivedJson when they can be. Each task is keyed as an
    ArchivedJson is (its place in board order, its rank, then its number in
    the list listed_tasks sorts: live tasks, then the archive's lines), all
    sorted as tuples with no key function (95,000 calls of one), then those
    of the same place and rank by their age and id (_order_ties)."""
    department, wanted, chosen = listing_asked(store, dept, status, filter, include_archived=include_archived)
    if chosen.words or chosen.terms or chosen.archived not in (ALL, ONLY):
        return list_tasks(store, dept=dept, status=wanted, filter=chosen)
    departments = listed_departments(store)  # (no pydantic: see there)
    orders = {department: order for department, _name, order in departments}
    other = len(orders)

    def asked(task: Task | ArchivedJson) -> bool:
        return (department is None or task.department == department) and (wanted is None or task.status is wanted)

    def key(number: int, task: Task) -> tuple[int, float, int, Task]:
        return (board_place(orders.get(task.department, other), task.status), task.rank, number, task)

    board = JsonBoard(
        {d.encode("utf-8", "surrogatepass"): board_place(order, TASK_COLUMNS[0]) for d, order in orders.items()},
        board_place(other, TASK_COLUMNS[0]),
        JsonNames({department: name for department, name, _order in departments}),
    )
    live: list[Task] = []  # the board's tasks, validated
    read: list[ArchivedJson] = []  # … or read from their documents as from archived lines, when all of them can be
    first = 0  # the archive's first number
    if chosen.archived != ONLY:
        lines = [doc_line(doc) for doc in store.raw(Table.TASKS).values()]
        only = None if department is None else department.encode("utf-8", "surrogatepass")
        read, unread = read_json_lines(lines, board, 0, only) if None not in lines else ([], [0])  # type: ignore[arg-type]
        first = len(lines)
        if unread:  # one the model reads otherwise (or refuses): all through the models, as before
            read = []
            live = [task for task in store.tasks() if asked(task)]
            first = len(live)
    archived, validated = archived_json(store, department, board, first)
    read += archived
    keyed: list[tuple[int, float, int, Task] | ArchivedJson] = [key(number, task) for number, task in enumerate(live)]
    keyed += [key(number, task) for number, task in validated if asked(task)]
    if wanted is not None:  # (of the department asked already)
        read = [task for task in read if task.status is wanted]
    if keyed:
        keyed += read
    else:
        keyed = read  # type: ignore[assignment]  # (not copied)
    keyed.sort()
    _order_ties(keyed)
    if len(keyed) == len(read):
        return keyed  # type: ignore[return-value]  # every one read from its line
    return [task if type(task) is ArchivedJson else task[-1] for task in keyed]  # type: ignore[misc]


_PLACE_AND_RANK = itemgetter(0, 1)


def _order_ties(keyed: list[tuple[int, float, int, Task] | ArchivedJson]) -> None:
    """Tasks of the same place and rank, sorted by their number, by their
    age and id first (task_board.card_order): with a rank each, none."""
    heads = list(map(_PLACE_AND_RANK, keyed))
    tied = compress(range(1, len(keyed)), map(eq, heads, islice(heads, 1, None)))  # i: the same as i - 1
    start = end = 0
    for i in tied:
        if i != end:  # a run of ties began
            keyed[start:end] = sorted(keyed[start:end], key=_age_and_id)
            start = i - 1
        end = i + 1
    keyed[start:end] = sorted(keyed[start:end], key=_age_and_id)


def _age_and_id(keyed: tuple[int, float, int, Task] | ArchivedJson) -> tuple[float, bytes, int]:
    if type(keyed) is ArchivedJson:
        return (*keyed.age_and_id(), keyed.number)
    _rank, created, task_id = card_order(keyed[3])  # type: ignore[arg-type]
    return created, task_id.encode("utf-8", "surrogatepass"), keyed[2]
