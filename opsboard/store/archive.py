"""The activity archive beside the board (`<board>.activity.jsonl`): the
entries moved out of the board file, oldest first, one JSON object a line.

Entries are appended (and fsynced) before the board that drops them is saved.
A writer killed in between leaves them in both files; one killed mid-append
leaves a torn last line. So each append first cuts a torn line and skips the
entries the archive already ends with: every entry is there once, in order.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import orjson

from opsboard.i18n import _

from . import sharing

_BLOCK = 1 << 16


def activity_archive_path(board: Path) -> Path:
    return board.with_name(board.name + ".activity.jsonl")


def append_entries(board: Path, entries: Sequence[dict[str, Any]]) -> None:
    """Append activity entries (oldest first) that are not already there."""
    with open(activity_archive_path(board), "a+b") as archive:
        if same_file(board, archive.fileno()):  # a link to the board: appending would break it
            raise OSError(errno.EINVAL, _("the activity archive is a link to the board itself"), str(activity_archive_path(board)))
        sharing.like_board(board, archive.fileno())
        last = _last_entry_id(archive)
        ids = [str(entry.get("id")) for entry in entries]
        if last in ids:
            entries = entries[ids.index(last) + 1 :]
        if entries:
            archive.write(b"".join(orjson.dumps(entry) + b"\n" for entry in entries))
            archive.flush()
            os.fsync(archive.fileno())


def same_file(board: Path, fd: int) -> bool:
    try:
        a, b = os.stat(board), os.fstat(fd)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _last_entry_id(archive: IO[bytes]) -> str | None:
    """The id of the last whole line; a torn last line is cut off first."""
    size = archive.seek(0, os.SEEK_END)
    block = _BLOCK
    while True:
        start = max(0, size - block)
        archive.seek(start)
        tail = archive.read(size - start)
        end = tail.rfind(b"\n")
        before = tail.rfind(b"\n", 0, max(end, 0))
        if before >= 0 or start == 0:
            break
        block *= 2  # a line longer than the block: look further back
    if end + 1 < len(tail):  # the last append was cut short
        archive.truncate(start + end + 1)
    if end < 0:
        return None
    try:
        return str(orjson.loads(tail[before + 1 : end])["id"])
    except (orjson.JSONDecodeError, KeyError, TypeError):
        return None


def cut_torn_line(archive: IO[bytes]) -> None:
    """Cut a last line that an append killed midway left without its newline."""
    _last_entry_id(archive)
