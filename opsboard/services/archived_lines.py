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

`task list --json` reads lines by `read_json_lines` instead: one match of the
same pattern on a line's bytes, whose groups give both the task's place in
board order and its item of the JSON array (ArchivedJson.item), written
from the line's values as parsing and dumping them would write them.

Plain Python and one regular expression: no pydantic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from itertools import repeat
from typing import NamedTuple

import orjson

from opsboard.model.enums import TASK_COLUMNS, TaskStatus

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

_TASK_PATTERN = (
    rf'\{{"id":"({_WORD})","updated_at":(?:{_WHEN}),"updated_by":"{_TEXT}","department":"({_WORD})",'
    rf'"title":"({_WORD})","status":"(todo|doing|blocked|done)","blocked_reason":"({_TEXT})","blocked_since":(?:{_WHEN}),'
    rf'"priority":([1-4]),"owner":"({_TEXT})","due":(?:null|"({_DATE})"),"tags":\[(?:"{_TEXT}"(?:,"{_TEXT}")*)?\],'
    rf'"checklist_item":(?:null|"{_TEXT}"),"notes":"{_TEXT}","rank":({_RANK}),"month":(?:null|[1-9]|1[0-2]),'
    rf'"created_at":(?:null|"({_DATE}T{_TIME})"),"created_by":"{_TEXT}","done_at":(?:{_WHEN}),'
    rf'"comments":\[(?:{_COMMENT}(?:,{_COMMENT})*)?\]\}}'
)
# The same on the line's bytes for --json, from the mark before the task to
# the line's end, every value a group (its JSON as written; the text of those
# the item quotes), the created time's text apart.
_JSON_PATTERN = (
    rf',"task":\{{"id":"({_WORD})","updated_at":({_WHEN}),"updated_by":"({_TEXT})","department":"({_WORD})",'
    rf'"title":"({_WORD})","status":"(todo|doing|blocked|done)","blocked_reason":"({_TEXT})","blocked_since":({_WHEN}),'
    rf'"priority":([1-4]),"owner":"({_TEXT})","due":(null|"{_DATE}"),"tags":(\[(?:"{_TEXT}"(?:,"{_TEXT}")*)?\]),'
    rf'"checklist_item":(null|"{_TEXT}"),"notes":"({_TEXT})","rank":({_RANK}),"month":(null|[1-9]|1[0-2]),'
    rf'"created_at":(null|"({_DATE}T{_TIME})"),"created_by":"({_TEXT})","done_at":({_WHEN}),'
    rf'"comments":(\[(?:{_COMMENT}(?:,{_COMMENT})*)?\])\}}\}}'
).encode()
# compiled when first used (a few ms each): `task list` uses one of them
_TASK: re.Pattern[str] | None = None
_JSON_TASK: re.Pattern[bytes] | None = None


def _compiled() -> tuple[re.Pattern[str], re.Pattern[bytes]]:
    global _TASK, _JSON_TASK
    _TASK = re.compile(_TASK_PATTERN, re.ASCII)  # a digit is 0-9: '２０２６-12-01' is for the model to refuse
    _JSON_TASK = re.compile(_JSON_PATTERN)  # bytes: a digit is 0-9
    return _TASK, _JSON_TASK


_MARK = ',"task":{'  # where task_archive puts the task: last, after the move's own fields
_MARK_BYTES = _MARK.encode()
_STATUSES = {status.value: status for status in TaskStatus}
_PRIORITIES = {str(p): p for p in range(1, 5)}
fromisoformat = datetime.fromisoformat
_new = tuple.__new__  # an ArchivedLine without NamedTuple's __new__ in Python: a few hundred ns × 95,000


class _Ranks(dict[str | bytes, float | None]):
    """A rank's text → its value, None when the model writes that value
    otherwise ('1.50' is written 1.5, '0.1000000000000000055' 0.1): worked
    out once a text. A whole rank ('12.0', most of them: a fraction of "0"
    alone, as the pattern has a digit at least) is written as it is (15
    digits at most: exact), and not looked up."""

    def __missing__(self, text: str | bytes) -> float | None:
        if len(self) >= 100_000:
            self.clear()  # bounded, whatever the archive holds
        value = float(text)
        written = text if isinstance(text, str) else text.decode()
        found = self[text] = value if repr(value) == written == orjson.dumps(value).decode() else None
        return found


_RANKS = _Ranks()


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

    def task_json(self) -> bytes:
        """The task's JSON as written: every field, as the model would dump them."""
        line = self.line
        return line[line.find(_MARK_BYTES) + len(_MARK) - 1 : -1]


def read_line(line: bytes) -> ArchivedLine | None:
    """The archived task of a `moved` line, or None: validate it instead."""
    try:
        text = line.decode()
    except UnicodeDecodeError:
        return None
    start = text.find(_MARK) + len(_MARK) - 1
    if start < len(_MARK) - 1 or not text.endswith("}}"):
        return None
    found = (_TASK or _compiled()[0]).fullmatch(text, start, len(text) - 1)
    if found is None:
        return None
    if not (text.isascii() or text[start:-1].isprintable()):
        return None  # cleaning would change it: a bidi control, a zero-width space, U+3000 …
    task_id, department, title, status, reason, priority, owner, due, rank, created = found.groups()
    value = float(rank) if rank[-2:] == ".0" else _RANKS[rank]
    if value is None:
        return None
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
            value,
            fromisoformat(created).timestamp() if created else 0.0,
            line,
        ),
    )


# ArchivedJson.item: the task as orjson writes it parsed, indented two
# levels (an item of the array), its department's name after its department
_ITEM = (
    b'  {\n    "id": "%s",\n    "updated_at": %s,\n    "updated_by": "%s",\n    "department": "%s",\n    "department_name": %s,\n'
    b'    "title": "%s",\n    "status": "%s",\n    "blocked_reason": "%s",\n    "blocked_since": %s,\n    "priority": %s,\n'
    b'    "owner": "%s",\n    "due": %s,\n    "tags": %s,\n    "checklist_item": %s,\n    "notes": "%s",\n    "rank": %s,\n'
    b'    "month": %s,\n    "created_at": %s,\n    "created_by": "%s",\n    "done_at": %s,\n    "comments": %s\n  }'
)


class _Indented(dict[bytes, bytes]):
    """A list of tags or comments as written → as orjson indents it in an
    item (a value of no escape or newline: only its layout changes); once a
    list (a board's tasks share a few hundred lists of tags)."""

    def __missing__(self, written: bytes) -> bytes:
        if len(self) >= 10_000:
            self.clear()  # bounded: comments are mostly each their own
        found = self[written] = orjson.dumps(orjson.loads(written), option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    ")
        return found


_INDENTED = _Indented()


class ArchivedJson(NamedTuple):
    """An archived task for `task list --json`, read by `read_json_lines`.
    Its first fields are its place in board order (as task_board orders
    cards: department, column, rank; then its line's number in the archive):
    a list of them, and of tasks keyed alike, sorts as tuples with no key
    function. Its age and id (task_board's next keys) are worked out only
    for tasks of the same place and rank (age_and_id; task_listing orders
    those by them). Its item of the array is written as it is read, in the
    archive's order (95,000 matches' groups taken in board order were twice
    as slow: each one's line is elsewhere in memory)."""

    place: int  # its department's order and its column: see board_place
    rank: float
    number: int
    item: bytes | None  # what orjson.dumps(OPT_INDENT_2) writes of the task parsed, with its department's name (None: see JsonBoard)
    line: bytes  # the archive's line (shared, not a copy)

    def age_and_id(self) -> tuple[float, bytes]:
        """created_at as ArchivedLine.created, and the id as written (UTF-8 sorts as its text does)."""
        task_id, created = self._found().group(1, 18)
        return (fromisoformat(created.decode()).timestamp() if created else 0.0), task_id

    @property
    def department(self) -> str:
        return self._found()[4].decode()

    @property
    def status(self) -> TaskStatus:
        return TASK_COLUMNS[self.place % len(TASK_COLUMNS)]

    def _found(self) -> re.Match[bytes]:
        """Its line matched again (for what is rarely asked)."""
        found = (_JSON_TASK or _compiled()[1]).fullmatch(self.line, self.line.find(_MARK_BYTES))
        if found is None:
            raise ValueError(self.line)  # never: it was read
        return found

    def task_json(self) -> bytes:
        """The task's JSON as written (as ArchivedLine.task_json)."""
        line = self.line
        return line[line.find(_MARK_BYTES) + len(_MARK) - 1 : -1]


_COLUMNS = {status: i for i, status in enumerate(TASK_COLUMNS)}
_COLUMNS_BYTES = {status.value.encode(): i for status, i in _COLUMNS.items()}


def board_place(order: int, status: TaskStatus) -> int:
    """A task's department (its order) and column as one number, as task_board
    orders them (ArchivedJson.place, and a task's for --json: task_listing)."""
    return order * len(_COLUMNS) + _COLUMNS[status]


class JsonNames(dict[bytes, bytes | None]):
    """A department's name as orjson writes it, by its id as a line writes
    it; None: orjson cannot write it (a lone surrogate)."""

    def __init__(self, names: Mapping[str, str]) -> None:
        super().__init__()
        self.names = names

    def __missing__(self, department: bytes) -> bytes | None:
        text = department.decode()
        try:
            found = orjson.dumps(self.names.get(text, text))
        except TypeError:
            found = None
        self[department] = found
        return found


class JsonBoard(NamedTuple):
    """What read_json_lines needs of the board, by a department's id as a
    line writes it: its place (board_place of its order, in the first
    column; `other`: of a department the board does not have), and its
    name (JsonNames: a task whose department's name orjson cannot write has
    no item: write it the long way)."""

    places: Mapping[bytes, int]
    other: int
    names: Mapping[bytes, bytes | None]


def read_json_lines(
    lines: Sequence[bytes], board: JsonBoard, first: int = 0, only: bytes | None = None
) -> tuple[list[ArchivedJson], list[int]]:
    """The archived tasks of `moved` lines for --json, and the numbers of the
    lines to validate instead (read_line reads a line when this does, and
    only then); `first`: the first line's number; `only`: the tasks of that
    department (its id as written), the others left out."""
    found_all = map((_JSON_TASK or _compiled()[1]).fullmatch, lines, list(map(bytes.find, lines, repeat(_MARK_BYTES))))
    read: list[ArchivedJson] = []
    unread: list[int] = []
    places, other, names = board
    columns = _COLUMNS_BYTES
    indented = _INDENTED
    for number, (line, found) in enumerate(zip(lines, found_all, strict=True), start=first):
        if found is None or not (line.isascii() or _printable_task(line)):
            unread.append(number)
            continue
        g = found.groups()
        department = g[3]
        if only is not None and department != only:
            continue
        written = g[14]
        rank = float(written) if written[-2:] == b".0" else _RANKS[written]
        if rank is None:
            unread.append(number)
            continue
        name = names[department]
        item = (
            None
            if name is None
            else _ITEM
            % (
                g[0],
                g[1],
                g[2],
                department,
                name,
                g[4],
                g[5],
                g[6],
                g[7],
                g[8],
                g[9],
                g[10],
                indented[g[11]],
                g[12],
                g[13],
                written,
                g[15],
                g[16],
                g[18],
                g[19],
                indented[g[20]],
            )
        )
        read.append(_new(ArchivedJson, (places.get(department, other) + columns[g[5]], rank, number, item, line)))
    return read, unread


def doc_line(doc: object) -> bytes | None:
    """A task's document (the board's) as an archived line holds it, for
    read_json_lines; None when orjson cannot write it (an int too big)."""
    try:
        return b"".join((_MARK_BYTES[:-1], orjson.dumps(doc), b"}"))
    except TypeError:  # orjson's JSONEncodeError
        return None


def _printable_task(line: bytes) -> bool:
    """Whether a line not all ASCII is UTF-8 and its task printable (cleaning
    would change a bidi control, a zero-width space, U+3000 …)."""
    try:
        text = line.decode()
    except UnicodeDecodeError:
        return False
    return text[text.find(_MARK) + len(_MARK) - 1 : -1].isprintable()
