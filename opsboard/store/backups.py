"""Rotating backups of the last good board files: `<board>.backups/1.json`
newest; and one snapshot per day, `<board>.backups/daily/<YYYY-MM-DD>.json`
(the last version saved that day), kept DAILY_KEEP_DAYS days — the last few
saves are a busy minute, a day's snapshot is "yesterday's board"."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from opsboard.model.clock import today as clock_today

from . import sharing

KEEP = 5
DAILY_KEEP_DAYS = 30


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
    try:
        keep_daily(board)
    except OSError:
        pass  # a missing day's snapshot must not stop the save; the rotating backups still hold
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


def daily_folder(board: Path) -> Path:
    return backup_folder(board) / "daily"


def keep_daily(board: Path, today: date | None = None) -> None:
    """The board (about to be replaced) as the snapshot of the day it was
    saved; snapshots older than DAILY_KEEP_DAYS go. A hard link, like the
    backups (a copy where links are not allowed), put in place whole."""
    saved_on = datetime.fromtimestamp(board.stat().st_mtime).astimezone().date()
    folder = daily_folder(board)
    sharing.make_folder(board, folder)
    target = folder / f"{saved_on.isoformat()}.json"
    if not _same_version(board, target):
        partial = folder / f".{target.name}.partial"
        partial.unlink(missing_ok=True)
        try:
            os.link(board, partial)
        except OSError:
            shutil.copy2(board, partial)
        os.replace(partial, target)
    oldest = (today or clock_today()) - timedelta(days=DAILY_KEEP_DAYS)
    for snapshot in list_daily(board):
        if snapshot.day < oldest:
            snapshot.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class DailySnapshot:
    day: date
    path: Path
    saved_at: datetime
    size: int


def list_daily(board: Path) -> list[DailySnapshot]:
    """The day snapshots, newest first."""
    found = []
    try:
        entries = list(daily_folder(board).glob("*.json"))
    except OSError:
        return []
    for path in entries:
        try:
            day = date.fromisoformat(path.stem)
            st = path.stat()
        except (ValueError, OSError):
            continue  # not one of ours
        found.append(DailySnapshot(day, path, datetime.fromtimestamp(st.st_mtime).astimezone(), st.st_size))
    return sorted(found, key=lambda s: s.day, reverse=True)


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
