"""What the boards show: a department's four columns, the overview of all
departments, checklist items' task progress, and the boards' Markdown export."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from opsboard import model as models  # pydantic loads on first use, not with this module
from opsboard.export.boards import DepartmentBoard, TaskColumn, boards_markdown
from opsboard.i18n import _
from opsboard.model import TASK_COLUMNS, TASK_STATUS_LABELS, OpKind, Table, TaskStatus
from opsboard.model.clock import now, today
from opsboard.store import BoardStore
from opsboard.store.archiving import DEPARTMENT_COUNTS

from .archived_tasks import archived_status_counts, with_archived
from .errors import InputError
from .task_fields import EVERY_COLUMN, TASK_FIELDS, TaskContext
from .task_filter import ALL, TaskFilter, parse_filter, select

if TYPE_CHECKING:
    from opsboard.model import Department, Task

DONE_FOLD_DAYS = 14
"""Done cards finished longer ago than this fold behind a count (but the
KEEP_LATEST_DONE last finished always show). A board can set its own window
with `done_fold_days` in its settings (table meta)."""
KEEP_LATEST_DONE = 3

_COLUMN_INDEX = {status: i for i, status in enumerate(TASK_COLUMNS)}


@dataclass(frozen=True)
class BoardColumn:
    status: TaskStatus
    tasks: list[Task]  # the cards shown, in order
    folded: int = 0  # old done cards hidden behind a count

    @property
    def title(self) -> str:
        return str(TASK_STATUS_LABELS[self.status])


@dataclass
class DepartmentSummary:
    department: Department
    counts: dict[TaskStatus, int] = field(default_factory=lambda: {s: 0 for s in TASK_COLUMNS})
    overdue: int = 0
    due_today: int = 0

    @property
    def blocked(self) -> int:
        return self.counts[TaskStatus.BLOCKED]

    @property
    def open(self) -> int:
        return sum(n for status, n in self.counts.items() if status is not TaskStatus.DONE)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def card_order(task: Task) -> tuple[Any, ...]:
    """Within a column: rank, then age, then id (ranks may tie)."""
    return (task.rank, task.created_at.timestamp() if task.created_at else 0.0, task.id)


def column_order(task: Task) -> int:
    return _COLUMN_INDEX[task.status]


COLUMN_SORTS = ("board", "priority", "due")
"""How a column's cards are shown: the team's own order (rank), or by
priority (then due date), or by due date (then priority; no date last)."""


def sort_column(tasks: Iterable[Task], by: str = "board") -> list[Task]:
    if by == "priority":
        return sorted(tasks, key=lambda t: (t.priority, t.due or date.max, *card_order(t)))
    if by == "due":
        return sorted(tasks, key=lambda t: (t.due or date.max, t.priority, *card_order(t)))
    return sorted(tasks, key=card_order)


def _filter(value: str | TaskFilter | None) -> TaskFilter:
    return parse_filter(value) if isinstance(value, str) else (value or TaskFilter())


MAX_FOLD_DAYS = 3650
SETTINGS_LABEL = "settings"  # the operation's label in the activity log (a word for code, not a person)


def set_done_fold_days(store: BoardStore, days: int | str) -> int:
    """The board's fold window for done cards (0: fold every done card but
    the last few); InputError and nothing saved for anything but 0–3650 days."""
    text = str(days).strip()
    if not text.isdigit() or not 0 <= int(text) <= MAX_FOLD_DAYS:
        raise InputError(_("'{days}' is not a number of days (0 to {most})").format(days=days, most=MAX_FOLD_DAYS))
    value = int(text)
    stored = store.raw(Table.META).get("meta", {}).get("done_fold_days")  # None: never set, the default
    if value != done_fold_days(store):
        store.apply(
            models.Operation(
                kind=OpKind.SET,
                table=Table.META,
                doc_id="meta",
                after={"done_fold_days": value},
                before={"done_fold_days": stored},
                label=SETTINGS_LABEL,
            )
        )
    return value


def done_fold_days(store: BoardStore) -> int:
    value = store.raw(Table.META).get("meta", {}).get("done_fold_days", DONE_FOLD_DAYS)
    return value if isinstance(value, int) and value >= 0 else DONE_FOLD_DAYS


def _finished_order(task: Task) -> float:
    finished = _finished(task)
    return finished.timestamp() if finished is not None else float("inf")


def _finished(task: Task) -> datetime | None:
    when = task.done_at or task.updated_at
    if when is not None and when.tzinfo is None:
        when = when.astimezone()
    return when


def board_columns(
    store: BoardStore,
    department: str,
    filter: str | TaskFilter | None = None,
    *,
    fold_days: int | None = None,
    show_folded: bool = False,
    tasks: Iterable[Task] | None = None,
    sort: str = "board",
) -> list[BoardColumn]:
    """The department's four columns (department: its id). Done cards older
    than the window, but for the last three finished, fold away unless
    `show_folded`, or a filter is searching (folded cards stay findable). `tasks`: the board's tasks when the caller
    already has them."""
    chosen = _filter(filter)
    day = today()
    columns: dict[TaskStatus, list[Task]] = {status: [] for status in TASK_COLUMNS}
    if chosen.archived:  # the archive is read only when the filter asks for it
        tasks = with_archived(store, chosen, store.tasks() if tasks is None else tasks, department=department)
    mine = [t for t in (store.tasks() if tasks is None else tasks) if t.department == department]
    for task in select(chosen, mine, day):
        columns[task.status].append(task)
    folded = 0
    if not show_folded and chosen.empty:
        cutoff = now() - timedelta(days=done_fold_days(store) if fold_days is None else fold_days)
        done = columns[TaskStatus.DONE]
        # the last few finished stay, however old: a quiet month still shows what was done
        latest = {t.id for t in sorted(done, key=_finished_order, reverse=True)[:KEEP_LATEST_DONE]}
        recent = []
        for task in done:
            finished = _finished(task)
            if finished is not None and finished < cutoff and task.id not in latest:
                folded += 1
            else:
                recent.append(task)
        columns[TaskStatus.DONE] = recent
    return [BoardColumn(status, sort_column(cards, sort), folded if status is TaskStatus.DONE else 0) for status, cards in columns.items()]


def department_overview(
    store: BoardStore,
    filter: str | TaskFilter | None = None,
    *,
    day: date | None = None,
    tasks: Iterable[Task] | None = None,
    only: str | None = None,
    with_archived_done: bool = False,
) -> list[DepartmentSummary]:
    """Per department in board order: cards per column, overdue, due today.
    A task on a department the board no longer has is counted under its id.
    `only`: count that department's tasks alone (the others show zeros), for
    a redraw after a change to one department. `with_archived_done`: without
    a filter, Done also counts the done tasks in the archive, as the board
    keeps count (the archive is not read)."""
    chosen = _filter(filter)
    day = day or today()
    summaries = {d.id: DepartmentSummary(d) for d in store.departments()}
    done = TaskStatus.DONE
    tasks = store.tasks() if tasks is None else tasks
    archived_counts: dict[str, int] = {}
    if chosen.archived:
        counted = archived_status_counts(store, chosen)  # the archive and nothing else asked: counted, not validated
        if counted is None:
            tasks = with_archived(store, chosen, tasks)
        else:
            archived_counts, others = counted
            tasks = [*(tasks if chosen.archived == ALL else ()), *others]
    if only is not None:
        tasks = [t for t in tasks if t.department == only]
    # one pass over up to 10,000 tasks on every change: kept to plain attribute reads
    for task in select(chosen, tasks, day):
        summary = summaries.get(task.department)
        if summary is None:
            summary = summaries[task.department] = DepartmentSummary(
                models.Department(id=task.department, name=task.department, order=10_000)
            )
        summary.counts[task.status] += 1
        due = task.due
        if due is not None and task.status is not done:
            if due < day:
                summary.overdue += 1
            elif due == day:
                summary.due_today += 1
    for department, count in archived_counts.items():
        if only is None or department == only:
            summary = summaries.get(department)
            if summary is None:
                summary = summaries[department] = DepartmentSummary(models.Department(id=department, name=department, order=10_000))
            summary.counts[done] += count
    if with_archived_done and chosen.empty:
        for department, count in store.archived_item_counts(DEPARTMENT_COUNTS).items():
            summary = summaries.get(department)
            if summary is not None and only in (None, department):
                summary.counts[done] += count
    return list(summaries.values())


def archived_done_by_department(store: BoardStore) -> dict[str, int]:
    """Department id → its done tasks in the archive, as the board keeps count."""
    return store.archived_item_counts(DEPARTMENT_COUNTS)


def archived_done_count(store: BoardStore) -> int:
    """The done tasks in the archive, as the board keeps count."""
    return sum(archived_done_by_department(store).values())


def boards_export(store: BoardStore, *, include_archived: bool = False) -> str:
    """Every department's board as Markdown: the overview, then a section per
    department with its columns (done cards included, folded or not; with
    `include_archived`, the archived ones too)."""
    live = store.tasks()
    tasks = with_archived(store, TaskFilter(archived=ALL), live) if include_archived else live
    # the overview counts the archived done tasks as the app's does: listed, or as the board keeps count
    in_archive = {} if include_archived else archived_done_by_department(store)
    items = {item.id: f"{item.code} {item.title}" for item in store.checklist()}
    boards = []
    for summary in department_overview(store, tasks=tasks):
        columns = board_columns(store, summary.department.id, show_folded=True, tasks=tasks)
        archived = in_archive.get(summary.department.id, 0)
        boards.append(DepartmentBoard(summary.department.name, [(c.status, c.tasks) for c in columns], archived))
    day = today()
    listed = len(tasks) - len(live)
    return boards_markdown(store.meta().name, boards, export_columns(TaskContext(day, items=items)), day, archived_listed=listed)


def _seeing(shown: Callable[[Task, TaskContext], str], seen: TaskContext) -> Callable[[Task], str]:
    return lambda task: shown(task, seen)


def _day_of(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else ""


def export_columns(seen: TaskContext) -> list[TaskColumn]:
    """The cards' tables' columns: each declared field with a `column`
    (services/task_fields.py) in its order, what the board records about a
    blocked or done card after the field it belongs beside, and the id last."""
    blocked, done = frozenset({TaskStatus.BLOCKED}), frozenset({TaskStatus.DONE})
    recorded = {
        "title": [
            TaskColumn(_("Reason"), lambda t: t.blocked_reason, blocked),
            TaskColumn(_("Blocked since"), lambda t: _day_of(t.blocked_since), blocked),
        ],
        "due": [TaskColumn(_("Done on"), lambda t: _day_of(t.done_at), done)],
    }
    columns: list[TaskColumn] = []
    for declared in TASK_FIELDS:
        if declared.column is not None:
            markdown = _seeing(declared.markdown, seen) if declared.markdown else None
            columns.append(TaskColumn(str(declared.column), _seeing(declared.show, seen), declared.columns, markdown))
        columns += recorded.get(declared.name, [])
    return [*columns, TaskColumn(_("Id"), lambda t: t.id, EVERY_COLUMN)]


def boards_export_with_archive(store: BoardStore) -> str:
    """The boards' Markdown with the done tasks in the archive too (`--include-archived`)."""
    return boards_export(store, include_archived=True)
