"""An archived task read from its line without the model: `task list` over
95,000 archived tasks in a fraction of the time and memory of validating each.

Only a line whose task is exactly what validating it would give back is
read this way: its fields in the model's order, as `task_archive` writes
them (orjson, compact), every value of the form the model keeps and dumps
unchanged — text printable, with no escape, no space at either end and no
double space (so cleaning leaves it as it is), a known status, priority 1–4,
real calendar dates and times in the form pydantic writes them, a rank
written as Python and orjson both write it. Anything else (a line edited by
hand, a title with a tab, a comment with a newline, a date pydantic would
write otherwise) returns None: the caller validates it with the model, which
says what is wrong with a damaged one. So what is listed is the same either way.

Plain Python and one regular expression: no pydantic.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from opsboard.model.enums import TaskStatus

# Task's fields in its order (a test holds this to opsboard.model.Task):
# a line with another order, a field more or less, is read by the model.
FIELDS = (
    "id",
    "updated_at",
    "updated_by",
    "department",
    "title",
    "status",
    "blocked_reason",
    "blocked_since",
    "priority",
    "owner",
    "due",
    "tags",
    "checklist_item",
    "notes",
    "rank",
    "month",
    "created_at",
    "created_by",
    "done_at",
    "comments",
)

# Text as cleaning leaves it: words of no quote, escape or control character,
# one space between them, none at either end (and printable: checked apart).
_WORD = r'[^ "\\\x00-\x1f\x7f]++(?: [^ "\\\x00-\x1f\x7f]++)*+'  # possessive: never backtracks
_TEXT = rf"(?:{_WORD})?"  # the same, or empty
_YEAR = r"(?!0000)\d{4}"
# a real day: 29 February in a leap year only
_DAY = r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))"
_LEAP = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29"
_DATE = rf"(?:{_YEAR}-{_DAY}|{_LEAP})"
# as pydantic writes a datetime: microseconds only when not zero, UTC as Z
_TIME = r"(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.(?!000000)\d{6})?(?:Z|[+-](?!00:00)(?:[01]\d|2[0-3]):[0-5]\d)?"
_WHEN = rf'null|"{_DATE}T{_TIME}"'
# a float Python's repr and orjson write alike (no exponent: 0, or 0.0001 up to 10^15)
_RANK = r"-?(?:[1-9]\d{0,14}\.\d+|0\.(?!0000)\d+)"
_COMMENT = rf'\{{"at":"{_DATE}T{_TIME}","by":"{_TEXT}","text":"{_WORD}"\}}'

_TASK = re.compile(
    rf'\{{"id":"({_WORD})","updated_at":(?:{_WHEN}),"updated_by":"{_TEXT}","department":"({_WORD})",'
    rf'"title":"({_WORD})","status":"(todo|doing|blocked|done)","blocked_reason":"({_TEXT})","blocked_since":(?:{_WHEN}),'
    rf'"priority":([1-4]),"owner":"({_TEXT})","due":(?:null|"({_DATE})"),"tags":\[(?:"{_TEXT}"(?:,"{_TEXT}")*)?\],'
    rf'"checklist_item":(?:null|"{_TEXT}"),"notes":"{_TEXT}","rank":({_RANK}),"month":(?:null|[1-9]|1[0-2]),'
    rf'"created_at":(?:null|"({_DATE}T{_TIME})"),"created_by":"{_TEXT}","done_at":(?:{_WHEN}),'
    rf'"comments":\[(?:{_COMMENT}(?:,{_COMMENT})*)?\]\}}'
)
_MARK = ',"task":{'  # where task_archive puts the task: last, after the move's own fields
_MARK_BYTES = _MARK.encode()
_STATUSES = {status.value: status for status in TaskStatus}
_PRIORITIES = {str(p): p for p in range(1, 5)}
fromisoformat = datetime.fromisoformat
_new = tuple.__new__  # an ArchivedLine without NamedTuple's __new__ in Python: a few hundred ns × 95,000


class ArchivedLine(NamedTuple):
    """What `task list` shows of an archived task, as its line holds it."""

    id: str
    department: str
    title: str
    status: TaskStatus
    blocked_reason: str
    priority: int
    owner: str
    due: str | None  # YYYY-MM-DD
    rank: float
    created: float  # created_at as a timestamp (0.0: none), as task_board.card_order sorts
    line: bytes  # the archive's line, shared, not copied (task_json cuts the task from it)

    def task_json(self, after_department: bytes = b"") -> bytes:
        """The task's JSON as written: every field, as the model would dump
        them; `after_department`: a member (`,"key":value`) put in after its
        department (a value holds no quote: the first `,"title":` is the key)."""
        line = self.line
        start = line.find(_MARK_BYTES) + len(_MARK) - 1
        if not after_department:
            return line[start:-1]
        cut = line.index(b',"title":', start)
        view = memoryview(line)
        return b"".join((view[start:cut], after_department, view[cut:-1]))


def read_line(line: bytes) -> ArchivedLine | None:
    """The archived task of a `moved` line, or None: validate it instead."""
    try:
        text = line.decode()
    except UnicodeDecodeError:
        return None
    start = text.find(_MARK) + len(_MARK) - 1
    if start < len(_MARK) - 1 or not text.endswith("}}"):
        return None
    found = _TASK.fullmatch(text, start, len(text) - 1)
    if found is None:
        return None
    if not (text.isascii() or text[start:-1].isprintable()):
        return None  # cleaning would change it: a bidi control, a zero-width space, U+3000 …
    task_id, department, title, status, reason, priority, owner, due, rank, created = found.groups()
    return _new(
        ArchivedLine,
        (
            task_id,
            department,
            title,
            _STATUSES[status],
            reason,
            _PRIORITIES[priority],
            owner,
            due,
            float(rank),
            fromisoformat(created).timestamp() if created else 0.0,
            line,
        ),
    )
