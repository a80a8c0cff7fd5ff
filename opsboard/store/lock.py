"""The board's lock file (`<board>.lock`), held for a whole read-check-write.

flock is released by the kernel when a process dies, so a lock left by a dead
process never blocks. The holder writes who it is into the lock file so a
waiter can say who is holding it up.
"""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path
from typing import TYPE_CHECKING

from opsboard.model.cleaning import clean_line
from opsboard.model.clock import now

from . import sharing
from .errors import BoardLockedError, BoardWriteError

if TYPE_CHECKING:
    from filelock import BaseFileLock

DEFAULT_TIMEOUT = 10.0


def load_for_saving() -> None:
    """Import what a save needs now, not at the first save (20 ms of the
    first key that saves): the app calls this in a background thread after
    its first frame; opening a board to read still needs neither."""
    import hashlib  # noqa: F401  (the digest of a checked save: storage.digest)

    import filelock  # noqa: F401


def lock_path(board: Path) -> Path:
    return board.with_name(board.name + ".lock")


def _write_holder(fd: int) -> None:
    try:
        user = getpass.getuser()
    except Exception:  # no passwd entry in some containers
        user = str(os.getuid())
    line = f"{user} (pid {os.getpid()} on {socket.gethostname()}) since {now():%H:%M:%S}\n"
    try:
        kept = _checked_line(os.pread(fd, 4096, 0))
        os.ftruncate(fd, 0)
        os.pwrite(fd, line.encode() + kept, 0)
    except OSError:
        pass  # the holder's name is a courtesy, the lock is what matters


_CHECKED = b"checked "


def _checked_line(text: bytes) -> bytes:
    """The lock file's second line: the digest of the board as the last save
    that checked every document wrote it (see BoardStore._refuse_invalid)."""
    return next((line + b"\n" for line in text.splitlines() if line.startswith(_CHECKED)), b"")


def _linked(board: Path, fd: int) -> bool:
    """The lock file is a link to the board or to another file (a backup):
    writing a holder's name in it would write into that file."""
    try:
        lock = os.fstat(fd)
        if lock.st_nlink > 1:
            return True
        board_st = os.stat(board)
    except OSError:
        return False
    return (board_st.st_dev, board_st.st_ino) == (lock.st_dev, lock.st_ino)


class BoardLock:
    def __init__(self, board: Path, timeout: float = DEFAULT_TIMEOUT):
        self.board = board
        self.path = lock_path(board)
        self.timeout = timeout
        self._lock: BaseFileLock | None = None  # made on the first save: opening a board to read needs no lock

    def _file_lock(self) -> BaseFileLock:
        from filelock import FileLock

        if self._lock is None:
            self._lock = FileLock(
                self.path,
                timeout=self.timeout,
                mode=sharing.file_mode(self.board),  # a new lock file is as shared as the board
                preserve_lock_file=True,
                on_acquired=self._acquired,
                thread_local=False,
            )
        return self._lock

    def _acquired(self, fd: int) -> None:
        if _linked(self.board, fd):
            return
        sharing.like_board(self.board, fd)  # one made before the board was shared
        _write_holder(fd)

    def checked_digest(self) -> str | None:
        """The digest the last checked save recorded, if any (call holding the lock)."""
        try:
            line = _checked_line(self.path.read_bytes()[:4096])
        except OSError:
            return None
        return line[len(_CHECKED) :].strip().decode("ascii", "replace") or None

    def record_checked(self, digest: str) -> None:
        """Say, beside the holder's name, that the board now on disk has this
        digest and every document in it was checked (call holding the lock)."""
        try:
            fd = os.open(self.path, os.O_RDWR)
        except OSError:
            return  # then the next save checks every document: slower, never wrong
        try:
            if _linked(self.board, fd):
                return
            text = os.pread(fd, 4096, 0)
            first = text.splitlines(keepends=True)[:1]
            holder = first[0] if first and not first[0].startswith(_CHECKED) else b"\n"
            os.ftruncate(fd, 0)
            os.pwrite(fd, holder + _CHECKED + digest.encode("ascii") + b"\n", 0)
        except OSError:
            pass
        finally:
            os.close(fd)

    def holder(self) -> str:
        try:
            text = self.path.read_text(errors="replace")
        except OSError:
            return ""
        # anyone who can lock can write this file: one clean line for the message
        lines = text.strip().splitlines()
        return clean_line(lines[0][:200]) if lines else ""

    def __enter__(self) -> BoardLock:
        from filelock import Timeout

        try:
            self._file_lock().acquire(timeout=self.timeout)  # the current timeout: the app shortens it
        except Timeout:
            raise BoardLockedError(self.board, self.holder(), self.timeout) from None
        except OSError as error:  # cannot create or open the lock file: a read-only folder
            raise BoardWriteError(self.board, error) from None
        return self

    def __exit__(self, *exc: object) -> None:
        self._file_lock().release()
