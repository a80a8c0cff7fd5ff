"""Reading a file a user names (a board, a CSV to import) without hanging.

A FIFO blocks `open()` until someone writes to it, `/dev/zero` never ends,
and a huge file makes every later save slow. So the file is opened without
blocking, must be a regular file, and may not be larger than a documented
limit; each refusal is one line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from opsboard.i18n import _, _l
from opsboard.i18n.formats import os_reason

from .errors import InputFileError

T = TypeVar("T")

MB = 1024 * 1024
BOARD_LIMIT = 64 * MB  # a 10,000-task board with its activity is under 15 MB
CSV_LIMIT = 16 * MB  # ten years of daily figures for 50 channels is about 12 MB

_KINDS = (
    (stat.S_ISDIR, _l("a folder")),
    (stat.S_ISFIFO, _l("a FIFO")),
    (stat.S_ISCHR, _l("a device")),
    (stat.S_ISBLK, _l("a device")),
    (stat.S_ISSOCK, _l("a socket")),
)
# what is read, as the messages name it
_WHAT = {"board": _l("board"), "CSV": _l("CSV")}


def _size(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n} bytes"


def read_input_file(path: str | os.PathLike[str], *, what: str, limit: int) -> bytes:
    """The bytes of `path`, or InputFileError (one line) when it is not a
    regular file or is larger than `limit`. Never blocks on a FIFO."""
    data = _read(path, what, limit, lambda handle: handle.read(limit + 1))
    if len(data) > limit:  # it grew while we read
        raise _grew(path, what, limit)
    return data


def read_input_lines(path: str | os.PathLike[str], *, what: str, limit: int) -> list[bytes]:
    """The lines of `path` without their newlines — what follows the last
    newline (a line cut short by a crash, or nothing) left out — as
    read_input_file refuses or reads it, a megabyte at a time: a 50 MB
    archive is never held whole beside its lines (half the memory, and the
    time of the pages it would take)."""

    def lines_of(handle: BinaryIO) -> tuple[list[bytes], int]:
        lines: list[bytes] = []
        rest = b""
        size = 0
        while size <= limit and (block := handle.read(MB)):
            size += len(block)
            parts = (rest + block).split(b"\n") if rest else block.split(b"\n")
            rest = parts.pop()
            lines += parts
        return lines, size

    lines, size = _read(path, what, limit, lines_of)
    if size > limit:  # it grew while we read
        raise _grew(path, what, limit)
    return lines


def _read(path: str | os.PathLike[str], what: str, limit: int, read: Callable[[BinaryIO], T]) -> T:
    name = Path(path)
    noun = str(_WHAT.get(what, what))
    unreadable = _("{name}: cannot read the {what} ({reason})")
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputFileError(unreadable.format(name=name, what=noun, reason=os_reason(error))) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((label for test, label in _KINDS if test(st.st_mode)), _l("a special file"))
            raise InputFileError(_("{name}: is {kind}, not a {what} file; nothing was read").format(name=name, kind=kind, what=noun))
        if st.st_size > limit:
            raise InputFileError(
                _("{name}: {size} is larger than a {what} may be ({limit}); nothing was read").format(
                    name=name, size=_size(st.st_size), what=noun, limit=_size(limit)
                )
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            return read(handle)
    except OSError as error:
        raise InputFileError(unreadable.format(name=name, what=noun, reason=os_reason(error))) from None
    finally:
        os.close(fd)


def _grew(path: str | os.PathLike[str], what: str, limit: int) -> InputFileError:
    noun = str(_WHAT.get(what, what))
    return InputFileError(
        _("{name}: larger than a {what} may be ({limit}); nothing was read").format(name=Path(path), what=noun, limit=_size(limit))
    )
