"""Files beside the board follow the board's sharing.

A team board is group-writable, often in a setgid folder. Its lock file,
backup folder and activity archive must be too: otherwise the first teammate
to save makes them theirs alone (umask 022) and everyone else's save fails.
A private board (0600) keeps them private.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

UNSET = -1


def file_mode(board: Path) -> int:
    """Read/write bits for a file beside the board (always rw for its owner);
    UNSET when there is no board to follow yet."""
    try:
        return (os.stat(board).st_mode & 0o666) | 0o600
    except OSError:
        return UNSET


def folder_mode(board_mode: int) -> int:
    """A folder a reader of the board can list and a writer can write in."""
    mode = 0o700
    for read, write, search in ((0o040, 0o020, 0o010), (0o004, 0o002, 0o001)):
        if board_mode & read:
            mode |= read | search
        if board_mode & write:
            mode |= write
    return mode


def like_board(board: Path, fd: int) -> None:
    """Give a file we own (open as `fd`) the board's read/write bits and group.
    Someone else's file is left alone: only its owner may change it."""
    try:
        want, have = os.stat(board), os.fstat(fd)
        if have.st_uid != os.geteuid():
            return
        if have.st_gid != want.st_gid:
            os.fchown(fd, -1, want.st_gid)
        mode = (want.st_mode & 0o666) | 0o600
        if stat.S_IMODE(have.st_mode) != mode:
            os.fchmod(fd, mode)
    except OSError:
        pass  # not in the board's group, or a filesystem without modes: as created


def make_folder(board: Path, folder: Path) -> None:
    """`folder` beside the board, created as shared as the board is."""
    try:
        folder.mkdir()
    except FileExistsError:
        return
    try:
        want = os.stat(board)
        if os.stat(folder).st_gid != want.st_gid:
            os.chown(folder, -1, want.st_gid)
        keep = stat.S_IMODE(os.stat(folder).st_mode) & 0o7000  # a setgid folder's bit passes on
        os.chmod(folder, keep | folder_mode(want.st_mode))
    except OSError:
        pass
