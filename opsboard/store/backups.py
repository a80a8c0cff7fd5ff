"""Rotating backups of the last good board files: `<board>.backups/1.json` newest."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

KEEP = 5


def backup_folder(board: Path) -> Path:
    return board.with_name(board.name + ".backups")


def backup_path(board: Path, n: int) -> Path:
    return backup_folder(board) / f"{n}.json"


def rotate(board: Path) -> None:
    """Keep the current (good) file as backup 1 before it is replaced; shift
    the others. A hard link costs nothing: the save's `os.replace` gives the
    board a new inode and the link keeps the old one."""
    if not board.exists():
        return
    folder = backup_folder(board)
    folder.mkdir(exist_ok=True)
    for n in range(KEEP - 1, 0, -1):
        older = backup_path(board, n)
        if older.exists():
            os.replace(older, backup_path(board, n + 1))
    newest = backup_path(board, 1)
    try:
        os.link(board, newest)
    except OSError:  # a filesystem without hard links
        shutil.copy2(board, newest)


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
