"""Task actions on the department boards: add, edit, move, reorder, delete, list.

Every change is one `store.apply()` whose `before` holds the values the user
saw (pass `seen=` the task as it was shown), so a later save by someone else
on the same field is caught as a conflict instead of being overwritten.

Order within a column is `rank` (smaller first): a new card goes into To do
by priority (above the first card of a lower one, else the bottom), a moved
card to the top of its new column, where the user looks (see _column_rank).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from opsboard import model as models  # pydantic loads on first use, not with this module
from opsboard.i18n import _, _l
from opsboard.model import TASK_COLUMNS, OpKind, Table, TaskStatus
from opsboard.model.clock import now, today
from opsboard.model.ids import new_id
from opsboard.store import BoardStore

from .archived_tasks import find_archived, with_archived
from .departments import resolve_department
from .errors import FieldErrors, InputError, RecordGone
from .task_board import card_order, column_order, sort_column
from .task_fields import BY_NAME, read_fields
from .task_fields import parse_tags as parse_tags  # where callers know it
from .task_filter import ALL, TaskFilter, parse_filter

if TYPE_CHECKING:
    from opsboard.model import Task

# what a user may type for a status, English or Chinese (the CLI accepts both on any board)
STATUS_WORDS = {
    "todo": TaskStatus.TODO,
    "to do": TaskStatus.TODO,
    "doing": TaskStatus.DOING,
    "blocked": TaskStatus.BLOCKED,
    "done": TaskStatus.DONE,
    "待办": TaskStatus.TODO,
    "进行中": TaskStatus.DOING,
    "受阻": TaskStatus.BLOCKED,
    "已完成": TaskStatus.DONE,
    "完成": TaskStatus.DONE,
}
BLOCKED_NEEDS_REASON = _l("a blocked task needs a reason: what is it waiting for?")


def parse_status(text: str | TaskStatus) -> TaskStatus:
    if isinstance(text, TaskStatus):
        return text
    found = STATUS_WORDS.get(" ".join(str(text).casefold().replace("_", " ").split()))
    if found is None:
        raise InputError(_("unknown status '{status}' (valid: todo, doing, blocked, done)").format(status=text))
    return found


def find_task(store: BoardStore, task_id: str) -> Task:
    """One task, validated on its own: `opsboard task set` on a 10,000-task
    board need not validate the other 9,999 first."""
    doc = store.raw(Table.TASKS).get(task_id.strip())
    if doc is None:
        archived = find_archived(store, task_id.strip())
        if archived is not None:  # a change to it brings it back to the board (BoardStore.apply)
            return archived
        raise RecordGone(_("no task with id '{id}' on this board (see `opsboard task list`)").format(id=task_id))
    from pydantic import ValidationError  # loaded with the models (not with this module: `task list` needs neither)

    try:
        return models.Task.model_validate(doc)
    except ValidationError:
        return store.task(task_id.strip())  # the store names the damage and the backup


def _column_rank(*, top: bool) -> float:
    """A rank after every card placed so far (a new card: the bottom of To
    do) or before all of them (a moved card: the top of its new column). The
    time serves: later is further down, minus later further up, so placing a
    card never reads the other 9,999 (ranks from imports are small numbers)."""
    stamp = now().timestamp()
    return -stamp if top else stamp


def _rank_by_priority(store: BoardStore, department: str, priority: int) -> float:
    """A new card's place in To do: before the first card (in the column's
    order) of a lower priority, so a new P1 does not land under the P3s; at
    the bottom when there is none. Read from the stored documents: adding
    one card to a 10,000-task board validates none of the others."""
    column = []
    for doc in store.raw(Table.TASKS).values():
        if doc.get("department") == department and doc.get("status", "todo") == TaskStatus.TODO.value:
            try:
                column.append(
                    (float(doc.get("rank", 0.0)), str(doc.get("created_at") or ""), str(doc.get("id")), int(doc.get("priority", 3)))
                )
            except (TypeError, ValueError):
                continue  # a damaged document: the models' check reports it
    column.sort()
    lower = next((i for i, card in enumerate(column) if card[3] > priority), None)
    if lower is None:  # the bottom: after every card, even one placed within the same clock tick
        bottom = _column_rank(top=False)
        return max(bottom, column[-1][0] + 1.0) if column else bottom
    after = column[lower][0]
    before = column[lower - 1][0] if lower > 0 else after - 2.0
    return (before + after) / 2 if before < after else after


def add_task(
    store: BoardStore,
    *,
    department: str,
    title: str,
    **given: Any,
) -> Task:
    """A new card in the department's To do column, by priority: above the
    first card of a lower priority (see _rank_by_priority), else at the bottom;
    any other field of services/task_fields.py by name (owner, due, priority,
    tags, checklist_item, notes). FieldErrors (every bad field named) and
    nothing saved on bad input."""
    unknown = given.keys() - BY_NAME.keys()
    if unknown:
        raise TypeError(sorted(unknown))  # fields no TaskField declares
    errors: dict[str, str] = {}
    fields: dict[str, Any] = {"department": department, "title": title}  # the order errors are named in
    for name, field in BY_NAME.items():
        if name not in fields:
            value = given.get(name)
            fields[name] = field.default if value is None else value
    fields["checklist_item"] = fields["checklist_item"] or ""
    values = read_fields(store, fields, errors)
    if errors:
        raise FieldErrors(errors)
    stamp = now()
    task = models.Task.model_validate(
        {
            **values,
            "id": new_id("t"),
            "status": TaskStatus.TODO,
            "rank": _rank_by_priority(store, values["department"], values.get("priority", 3)),
            "created_at": stamp,
            "created_by": store.user,
        }
    )
    store.apply(models.Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id=task.id, after=task.to_doc(), label="add"))
    return find_task(store, task.id)


def _status_change(task: Task, status: TaskStatus, reason: str | None) -> dict[str, Any]:
    """The fields a change of column sets: Blocked keeps a reason and since
    when; leaving it clears both; Done records when."""
    after: dict[str, Any] = {}
    reason = " ".join((reason or "").split())
    if status is TaskStatus.BLOCKED:
        if not reason and task.status is not TaskStatus.BLOCKED:
            raise FieldErrors({"reason": str(BLOCKED_NEEDS_REASON)})
        if reason:
            after["blocked_reason"] = reason
    elif reason:
        raise FieldErrors({"reason": _("only a blocked task has a reason (set its status to blocked)")})
    if status is task.status:
        return after
    after["status"] = status.value
    stamp = now().isoformat()
    if status is TaskStatus.BLOCKED:
        after["blocked_since"] = stamp
    elif task.status is TaskStatus.BLOCKED:
        after |= {"blocked_reason": "", "blocked_since": None}
    if status is TaskStatus.DONE:
        after["done_at"] = stamp
    elif task.status is TaskStatus.DONE:
        after["done_at"] = None
    return after


def update_task(
    store: BoardStore,
    task_id: str,
    *,
    status: str | TaskStatus | None = None,
    reason: str | None = None,
    seen: Task | None = None,
    label: str = "edit",
    **fields: Any,
) -> Task:
    """Set any of title, owner, due, priority, tags, checklist_item, notes,
    department (None leaves a field as is; due '' clears it) and the status,
    as one saved change. FieldErrors and nothing saved on bad input."""
    task = find_task(store, task_id)
    shown = seen or task
    errors: dict[str, str] = {}
    if "checklist_item" in fields and fields["checklist_item"] is not None:
        fields["checklist_item"] = fields["checklist_item"] or ""
    after = read_fields(store, fields, errors)
    new_status = task.status
    if status is not None:
        try:
            new_status = parse_status(status)
        except InputError as error:
            errors["status"] = str(error)
    if reason is not None or new_status is not task.status:
        try:
            after |= _status_change(shown, new_status, reason if reason is not None else None)
        except FieldErrors as error:
            errors |= error.errors
    if errors:
        raise FieldErrors(errors)
    department = after.get("department", task.department)
    if new_status is not task.status or department != task.department:
        after["rank"] = _column_rank(top=True)
    old = shown.to_doc()
    after = {k: v for k, v in after.items() if v != old.get(k)}
    if not after:
        return task
    if "status" in after:
        label = "block" if new_status is TaskStatus.BLOCKED else "move"
    before = {k: old.get(k) for k in after}
    store.apply(models.Operation(kind=OpKind.SET, table=Table.TASKS, doc_id=task.id, after=after, before=before, label=label))
    return find_task(store, task.id)


def edit_task(store: BoardStore, task_id: str, *, seen: Task | None = None, **fields: Any) -> Task:
    """The card form's save: title, owner, due, priority, tags, checklist item,
    notes, department."""
    return update_task(store, task_id, seen=seen, **fields)


def move_task(store: BoardStore, task_id: str, step: int, *, reason: str | None = None, seen: Task | None = None) -> Task:
    """To the previous (step -1) or next (+1) column; into Blocked needs a
    reason. At the first or last column the card stays."""
    task = seen or find_task(store, task_id)
    index = TASK_COLUMNS.index(task.status) + step
    if not 0 <= index < len(TASK_COLUMNS):
        return task
    return update_task(store, task_id, status=TASK_COLUMNS[index], reason=reason, seen=seen)


def reorder_task(store: BoardStore, task_id: str, step: int, *, among: Sequence[str] | None = None) -> Task:
    """Up (step -1) or down (+1) past the neighbour the user sees. `among`: the
    ids shown in the column (a filter may hide some); default the whole column."""
    task = find_task(store, task_id)
    column = sort_column([t for t in store.tasks() if t.department == task.department and t.status is task.status])
    shown = list(among) if among is not None else [t.id for t in column]
    if task.id not in shown:
        return task
    at = shown.index(task.id) + step
    if not 0 <= at < len(shown):
        return task
    others = [t for t in column if t.id != task.id]
    position = next(i for i, t in enumerate(others) if t.id == shown[at]) + (1 if step > 0 else 0)
    low = others[position - 1].rank if position > 0 else None
    high = others[position].rank if position < len(others) else None
    if low is None or high is None:
        rank = (high - 1.0) if low is None and high is not None else (low + 1.0 if low is not None else 0.0)
    elif low < (low + high) / 2 < high:
        rank = (low + high) / 2
    else:  # equal ranks (or no room left between them): renumber the column
        return _renumber(store, others[:position] + [task] + others[position:], task.id)
    store.apply(
        models.Operation(
            kind=OpKind.SET, table=Table.TASKS, doc_id=task.id, after={"rank": rank}, before={"rank": task.rank}, label="reorder"
        )
    )
    return find_task(store, task.id)


def _renumber(store: BoardStore, ordered: list[Task], task_id: str) -> Task:
    ops = [
        models.Operation(
            kind=OpKind.SET, table=Table.TASKS, doc_id=t.id, after={"rank": float(i)}, before={"rank": t.rank}, label="reorder"
        )
        for i, t in enumerate(ordered)
        if t.rank != float(i)
    ]
    store.apply(*ops)
    return find_task(store, task_id)


_SHOWN_FIELDS = ("title", "status", "blocked_reason", "owner", "due", "priority", "tags", "checklist_item", "department", "notes")


def changed_since(store: BoardStore, seen: Task) -> tuple[Task | None, list[str]]:
    """The task as it is in the file now (None: deleted) and the fields a
    user sees that changed since `seen`: a delete confirmed on an older
    version asks again rather than removing a teammate's edit unseen."""
    store.refresh()
    doc = store.raw(Table.TASKS).get(seen.id)
    current = find_task(store, seen.id) if doc is not None else find_archived(store, seen.id)  # archived: still there
    if current is None:
        return None, []
    old, new = seen.to_doc(), current.to_doc()
    return current, [name.replace("_", " ") for name in _SHOWN_FIELDS if old.get(name) != new.get(name)]


def delete_task(store: BoardStore, task_id: str, *, seen: Task | None = None) -> Task:
    """Removes the card; returns it as it was (for an undo message)."""
    current = find_task(store, task_id)  # an unknown id is the user's mistake, said as such
    task = seen or current
    store.apply(models.Operation(kind=OpKind.DELETE, table=Table.TASKS, doc_id=task.id, before=task.to_doc(), label="delete"))
    return task


def listing_asked(
    store: BoardStore, dept: str | None, status: str | TaskStatus | None, filter: str | TaskFilter | None, *, include_archived: bool
) -> tuple[str | None, TaskStatus | None, TaskFilter]:
    """What a listing asks for, read (InputError for a bad one): the
    department's id, the status, and the filter (archived:yes added for
    `include_archived`)."""
    department = resolve_department(store, dept).id if dept else None
    wanted = parse_status(status) if status else None
    chosen = parse_filter(filter, me=store.user) if isinstance(filter, str) else (filter or TaskFilter())
    if include_archived and not chosen.archived:
        chosen = replace(chosen, archived=ALL)
    return department, wanted, chosen


def list_tasks(
    store: BoardStore,
    dept: str | None = None,
    status: str | TaskStatus | None = None,
    filter: str | TaskFilter | None = None,
    *,
    include_archived: bool = False,
) -> list[Task]:
    """Tasks in board order (department, column, rank), narrowed by department
    name, status and a filter string (see task_filter); the archived ones
    too with `include_archived` (or `archived:yes` in the filter)."""
    department, wanted, chosen = listing_asked(store, dept, status, filter, include_archived=include_archived)
    day = today()
    tasks = [
        t
        for t in with_archived(store, chosen, store.tasks(), department=department)
        if (department is None or t.department == department) and (wanted is None or t.status is wanted) and chosen.matches(t, day)
    ]
    departments = {d.id: d.order for d in store.departments()}
    return sorted(tasks, key=lambda t: (departments.get(t.department, len(departments)), column_order(t), *card_order(t)))
