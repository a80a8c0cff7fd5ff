"""The write that leaves the old board or the new one on disk, never a mix."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
_MKSTEMP_PART = re.compile(r"[a-z0-9_]{8}")  # tempfile's random names


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def atomic_write(path: Path, payload: bytes, before_replace: Callable[[], None] | None = None) -> tuple[int, int, int, int]:
    """Write a temp file in the same folder, fsync it, `os.replace` it over
    `path`, fsync the folder. Keeps an existing file's mode and group (a
    group-writable team board stays so); a new file follows the umask.
    `before_replace` runs just before the rename: raising there leaves
    `path` as it was (and removes the temp file). Returns the identity
    (device, inode, size, mtime) of the file written, which the rename
    keeps: taken after the rename, it could be someone else's next save."""
    folder = path.parent
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())
        if old is not None:
            os.chmod(tmp, old.st_mode & 0o7777)
            if old.st_gid != os.getegid():
                try:
                    os.chown(tmp, -1, old.st_gid)
                except PermissionError:
                    pass  # not a member of that group: the umask's group stays
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_folder(folder)
    return (written.st_dev, written.st_ino, written.st_size, written.st_mtime_ns)


def keep_copy(source: Path, kept: Path) -> None:
    """`source` kept as `kept` (a new name): a hard link (a later save's
    rename gives `source` a new file, the link keeps the old one), or a copy
    written beside and renamed in, so a full disk never leaves a truncated
    copy under that name."""
    try:
        os.link(source, kept)
        return
    except OSError:
        pass
    partial = kept.with_name(f".{kept.name}.partial")
    try:
        shutil.copy2(source, partial)
        os.replace(partial, kept)
    except BaseException:
        try:
            os.unlink(partial)
        except OSError:
            pass
        raise


def fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temps(path: Path) -> None:
    """Temp files of a writer that crashed mid-save. Call with the lock held:
    only a lock holder writes temps, so none of these is in use. Only names
    mkstemp gives this board's temps: `.b.json.old.json.k2j4h5g6.tmp` belongs
    to the board `b.json.old.json`, whose writer may be mid-save."""
    prefix = temp_prefix(path)
    for stale in path.parent.glob(prefix + "*" + TEMP_SUFFIX):
        if not _MKSTEMP_PART.fullmatch(stale.name[len(prefix) : -len(TEMP_SUFFIX)]):
            continue
        try:
            stale.unlink()
        except OSError:
            pass
