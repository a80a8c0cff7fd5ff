"""A task's comment thread, and its history from the activity log: what the
card's details show.

A comment is appended to the task's `comments` as one saved change. Two
people commenting at once both keep theirs: when the thread changed under
us, the comment is appended to the thread as it now is (not a conflict).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from opsboard.i18n import _
from opsboard.model import ActivityEntry, Operation, OpKind, Table, Task
from opsboard.model.clock import now
from opsboard.store import BoardStore, ConflictError

from .errors import FieldErrors

MAX_COMMENT = 4000  # characters: a comment, not a document
_RETRIES = 3
COMMENT_LABEL = "comment"  # the operation's label in the activity log (a word for code, not a person)


def add_comment(store: BoardStore, task_id: str, text: str) -> Task:
    """FieldErrors({"text": ...}) and nothing saved for an empty or too long comment."""
    from .tasks import find_task

    body = text.strip()
    if not body:
        raise FieldErrors({"text": _("a comment needs some text")})
    if len(body) > MAX_COMMENT:
        raise FieldErrors(
            {"text": _("a comment holds at most {limit} characters ({count} given)").format(limit=MAX_COMMENT, count=len(body))}
        )
    new = {"at": now().isoformat(), "by": store.user, "text": body}
    for attempt in range(_RETRIES):
        store.refresh()
        task = find_task(store, task_id)
        thread = [c.model_dump(mode="json") for c in task.comments]
        op = Operation(
            kind=OpKind.SET,
            table=Table.TASKS,
            doc_id=task.id,
            after={"comments": [*thread, new]},
            before={"comments": thread},
            label=COMMENT_LABEL,
        )
        try:
            store.apply(op)
        except ConflictError:
            if attempt == _RETRIES - 1:
                raise
            continue  # someone commented a moment before: append to their thread
        break
    return find_task(store, task_id)


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    by: str
    text: str  # "moved 'X' to Doing", in the activity view's words


def task_history(store: BoardStore, task_id: str, limit: int = 50) -> list[HistoryLine]:
    """The card's changes kept in the board's activity log, oldest first
    (the last `limit`)."""
    from .activity import ACTIVITY, describe

    docs = [doc for doc in store.raw(ACTIVITY).values() if doc.get("doc_id") == task_id and doc.get("table") == Table.TASKS.value]
    lines = []
    for doc in docs[-limit:]:
        entry = ActivityEntry.model_validate(doc)
        lines.append(HistoryLine(entry.at, entry.by, describe(entry, store)))
    return lines
