"""The archive of done tasks beside the board (`<board>.archive.jsonl`).

Done tasks past the board's archive age leave the board for this file, as
taskwarrior keeps completed tasks apart: the board (read and written on every
save) holds what is live. One JSON object a line, appended, never rewritten:

- `{"id": "t-…", "kind": "moved", "entry": "a-…", "at": …, "by": …, "task": {…}}`
  a task moved here by the activity entry `entry`;
- `{"id": "t-…", "kind": "returned", "at": …}` it went back to the board.

A change to an archived task (its owner renamed) appends its `moved` line
again, the same move with the task as changed: the last line wins.

The last line about an id says where it is. Order of the writes, so that a
`kill -9` between the two files loses nothing:

- moving: the archive is appended and fsynced first, then the board without
  the tasks is saved. Killed in between, a task is in both files;
- returning: the board with the task is saved first, then `returned` is
  appended. Killed in between, again in both.

A task in both files is the board's: readers leave out archived ids that are
on the board, and the next save that archives it appends it again.

A writer killed mid-append leaves a torn last line (no newline): the next
append cuts it; a reader skips it. A line broken by hand is skipped with one
message naming the file and line; the file is never rewritten, so nothing in
it is lost.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from opsboard.i18n import _

from . import sharing
from .archive import cut_torn_line, same_file
from .input_files import MB, read_input_lines

ARCHIVE_SUFFIX = ".archive.jsonl"
ARCHIVE_LIMIT = 2048 * MB  # ten years of a busy team's done tasks is under 500 MB
MOVED, RETURNED = "moved", "returned"


def task_archive_path(board: Path) -> Path:
    return board.with_name(board.name + ARCHIVE_SUFFIX)


@dataclass
class ArchiveContents:
    """What the archive holds now: per task id, the line of its last move
    (bytes, parsed when asked for) and the activity entry that moved it."""

    lines: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # hand-broken lines, one message each

    def moved_by(self, entry: str) -> list[str]:
        """The ids of the tasks still archived by the activity entry `entry`."""
        mark = b'"entry":' + orjson.dumps(entry)
        return [task_id for task_id, line in self.lines.items() if mark in line]

    def record(self, task_id: str) -> dict[str, Any] | None:
        """The task's `moved` line, parsed (None: not archived, or unreadable)."""
        line = self.lines.get(task_id)
        if line is None:
            return None
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            return None
        return record if isinstance(record, dict) and isinstance(record.get("task"), dict) else None

    def doc(self, task_id: str) -> dict[str, Any] | None:
        record = self.record(task_id)
        return None if record is None else record["task"]

    def task_json(self, task_id: str) -> bytes | None:
        """The archived task's own JSON, cut from its line as `_append`
        writes it ("task" last); None for a line written otherwise."""
        line = self.lines.get(task_id)
        if line is None or not line.endswith(b"}}"):
            return None
        start = line.find(b',"task":{')
        return line[start + 8 : -1] if start >= 0 else None


def _append(board: Path, lines: Iterable[bytes]) -> None:
    path = task_archive_path(board)
    payload = b"".join(lines)
    if not payload:
        return
    with open(path, "a+b") as archive:
        if same_file(board, archive.fileno()):  # a link to the board: appending would break it
            raise OSError(errno.EINVAL, _("the archive of done tasks is a link to the board itself"), str(path))
        sharing.like_board(board, archive.fileno())
        cut_torn_line(archive)
        archive.seek(0, os.SEEK_END)
        archive.write(payload)
        archive.flush()
        os.fsync(archive.fileno())


def append_moved(board: Path, docs: Sequence[dict[str, Any]], *, entry: str, at: str, by: str) -> None:
    """Record tasks moved off the board by activity entry `entry` (fsynced:
    call before saving the board without them)."""
    _append(
        board,
        (orjson.dumps({"id": str(doc["id"]), "kind": MOVED, "entry": entry, "at": at, "by": by, "task": doc}) + b"\n" for doc in docs),
    )


def append_changed(board: Path, records: Sequence[dict[str, Any]]) -> None:
    """Archived tasks as changed: each `moved` line again, its move's entry,
    time and author kept, with the task as it now is (fsynced)."""
    _append(
        board,
        (
            orjson.dumps(
                {"id": r["id"], "kind": MOVED, "entry": r.get("entry", ""), "at": r.get("at"), "by": r.get("by"), "task": r["task"]}
            )
            + b"\n"
            for r in records
        ),
    )


def append_returned(board: Path, ids: Iterable[str], *, at: str) -> None:
    """Record tasks back on the board (call after saving the board with them)."""
    _append(board, (orjson.dumps({"id": task_id, "kind": RETURNED, "at": at}) + b"\n" for task_id in ids))


# path → (identity, contents): a filter typed key by key reads the file once
_cache: dict[str, tuple[tuple[int, int, int, int], ArchiveContents]] = {}


def read_archive(board: Path) -> ArchiveContents:
    """The archive as it is now (empty when there is none). Cached until the
    file changes. InputFileError (one line) when it cannot be read."""
    path = task_archive_path(board)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return ArchiveContents()
    except OSError:
        st = None
    if st is not None:
        identity = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        cached = _cache.get(str(path))
        if cached is not None and cached[0] == identity:
            return cached[1]
    contents = parse_archive(path, read_input_lines(path, what=_("task archive"), limit=ARCHIVE_LIMIT))
    if st is not None:
        _cache.clear()  # one board's archive at a time: it can be large
        _cache[str(path)] = (identity, contents)
    return contents


def read_so_far(board: Path) -> ArchiveContents | None:
    """The archive as this process last read it (None: not read)."""
    cached = _cache.get(str(task_archive_path(board)))
    return cached[1] if cached is not None else None


# A line as `_append` writes it: its id and kind read by one regex match, no
# JSON parse (95,000 lines are read in a few hundredths of a second); the
# task itself is parsed when it is asked for.
_WRITTEN = re.compile(rb'\{"id":"([^"\\]*)","kind":"(?:(moved)","entry":"|returned")')


def _parsed(line: bytes) -> tuple[str, bool]:
    """(id, moved) of a line written otherwise (by hand); ValueError when it
    is not an archive record."""
    record = orjson.loads(line)
    task_id, kind = record["id"], record["kind"]
    if not isinstance(task_id, str) or kind not in (MOVED, RETURNED):
        raise ValueError
    if kind == MOVED and (not isinstance(record.get("task"), dict) or record["task"].get("id") != task_id):
        raise ValueError
    return task_id, kind == MOVED


def parse_archive(path: Path, lines: Sequence[bytes]) -> ArchiveContents:
    """The archive of these lines (read_input_lines: a line cut short by a crash is not one)."""
    contents = ArchiveContents()
    kept = contents.lines
    match = _WRITTEN.match
    for number, line in enumerate(lines, start=1):
        found = match(line)
        if found is not None and line.endswith(b"}"):  # the task itself is checked when it is read
            task_id, moved = found[1].decode("utf-8", "replace"), found[2] is not None
        elif not line.strip():
            continue
        else:
            try:
                task_id, moved = _parsed(line)
            except (ValueError, KeyError, TypeError, AttributeError):
                contents.problems.append(
                    _("{path}, line {line}: not an archived task; skipped (the file is left as it is)").format(path=path, line=number)
                )
                continue
        if moved:
            kept[task_id] = line
        else:
            kept.pop(task_id, None)
    return contents
