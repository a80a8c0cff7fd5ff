"""Rotating backups of the last good board files: `<board>.backups/1.json` newest."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import sharing

KEEP = 5


def backup_folder(board: Path) -> Path:
    return board.with_name(board.name + ".backups")


def backup_path(board: Path, n: int) -> Path:
    return backup_folder(board) / f"{n}.json"


def rotate(board: Path) -> None:
    """Keep the current (good) file as backup 1 before it is replaced; shift
    the others. A hard link costs nothing: the save's `os.replace` gives the
    board a new inode and the link keeps the old one.

    A save that failed or was killed after rotating leaves the board and
    backup 1 the same file; rotating again would only push a real older
    backup out (and five such saves made every backup that one file)."""
    if not board.exists():
        return
    folder = backup_folder(board)
    sharing.make_folder(board, folder)
    newest = backup_path(board, 1)
    if _same_version(board, newest):
        return
    for n in range(KEEP - 1, 0, -1):
        older, next_older = backup_path(board, n), backup_path(board, n + 1)
        if not older.exists():
            continue
        if _same_file(older, next_older):
            older.unlink()  # rename() between two links of one file does nothing
        else:
            os.replace(older, next_older)
    try:
        os.link(board, newest)
    except OSError:  # a filesystem without hard links: copy beside, then rename in
        partial = folder / ".1.json.partial"
        shutil.copy2(board, partial)
        os.replace(partial, newest)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _same_version(board: Path, backup: Path) -> bool:
    """The board is already this backup: the same file, or its copy (copy2
    keeps the mtime to the nanosecond)."""
    try:
        a, b = board.stat(), backup.stat()
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino) or (a.st_size, a.st_mtime_ns) == (b.st_size, b.st_mtime_ns)


@dataclass(frozen=True)
class Backup:
    number: int
    path: Path
    saved_at: datetime
    size: int


def list_backups(board: Path) -> list[Backup]:
    found = []
    for n in range(1, KEEP + 1):
        path = backup_path(board, n)
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        found.append(Backup(n, path, datetime.fromtimestamp(st.st_mtime).astimezone(), st.st_size))
    return found
