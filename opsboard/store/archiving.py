"""Which done tasks leave the board for its archive, and the operations that
move them (see task_archive.py for the file and the order of the writes).

A save moves the done tasks that nobody changed for the board's archive age
(`archive_after_days` in the board settings, ARCHIVE_DAYS by default, 0:
never): finished and last changed longer ago than that. The move is logged as
its own activity entry (kind REPLACE, label "archive", a revision just before
the save's own change), so undo takes it back after the user's change, and an
opsboard that does not know archives shows it as a bulk change it will not undo.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from opsboard.model import OpKind, Table, TaskStatus

from .doc_table import Docs

ARCHIVE_DAYS = 30
"""Done tasks untouched this many days move to the archive unless the board says otherwise."""
MAX_ARCHIVE_DAYS = 3650
DAYS_FIELD = "archive_after_days"  # in the meta document
ITEM_COUNTS = "archived_done_by_item"  # meta: checklist item id → its done tasks in the archive
DEPARTMENT_COUNTS = "archived_done_by_department"  # meta: department id → its done tasks in the archive
OWNER_COUNTS = "archived_done_by_owner"  # meta: owner (case folded) → their done tasks in the archive
COUNTED = ((ITEM_COUNTS, "checklist_item"), (DEPARTMENT_COUNTS, "department"), (OWNER_COUNTS, "owner"))
ARCHIVE_LABEL = "archive"  # the label of the automatic move's activity entry
ARCHIVE_KEY = "archive"  # in an operation's and an entry's `after`: MOVE or RETURN
MOVE, RETURN = "move", "return"
EDIT = "edit"  # fields of archived tasks changed where they lie (a person renamed)


def archive_days(meta: dict[str, Any]) -> int:
    """The board's archive age in days (0: never archive)."""
    value = meta.get(DAYS_FIELD, ARCHIVE_DAYS)
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ARCHIVE_DAYS else ARCHIVE_DAYS


def archive_direction(kind: OpKind, table: Table, after: dict[str, Any]) -> str | None:
    """MOVE or RETURN for an operation or entry that moves tasks between the
    board and its archive, EDIT for one that changes archived tasks; None
    for any other."""
    if kind is OpKind.REPLACE and table is Table.TASKS and after.get(ARCHIVE_KEY) in (MOVE, RETURN, EDIT):
        return str(after[ARCHIVE_KEY])
    return None


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def last_touched(doc: dict[str, Any]) -> datetime | None:
    """When a task was last finished or changed (None: it does not say)."""
    moments = [m for m in (_moment(doc.get("updated_at")), _moment(doc.get("done_at"))) if m is not None]
    return max(moments) if moments else None


def due_for_archive(tasks: Docs, now: datetime, days: int, keep: Iterable[str] = ()) -> list[str]:
    """Ids of the done tasks finished and unchanged for `days` (none when 0);
    `keep`: ids this save changes, which stay."""
    if days <= 0:
        return []
    cutoff = now - timedelta(days=days)
    kept = set(keep)
    done = TaskStatus.DONE.value
    due = []
    for task_id, doc in tasks.items():
        if doc.get("status") != done or task_id in kept:
            continue
        touched = last_touched(doc)
        if touched is not None and touched < cutoff:
            due.append(task_id)
    return due


def count_archived(meta: dict[str, Any], docs: Iterable[dict[str, Any]], sign: int) -> dict[str, dict[str, int]]:
    """The meta's counts of archived done tasks per checklist item, department
    and owner, after `docs` moved in (sign 1) or out (-1): view 1's "tasks
    2/3" and the overview's Done column count them without reading the
    archive. Owners are counted case folded, as the roster matches them."""
    counted = {
        name: {k: v for k, v in (meta.get(name) or {}).items() if isinstance(v, int) and not isinstance(v, bool)} for name, _ in COUNTED
    }
    done = TaskStatus.DONE.value
    for doc in docs:
        if doc.get("status") != done:
            continue
        for name, field in COUNTED:
            key = doc.get(field)
            if isinstance(key, str) and key:
                key = key.casefold() if name == OWNER_COUNTS else key
                counts = counted[name]
                counts[key] = max(0, counts.get(key, 0) + sign)
    return {name: {k: v for k, v in counts.items() if v > 0} for name, counts in counted.items()}
