"""Our TinyDB `Storage`: the only code that reads or writes a board file.

Stock JSONStorage rewrites the file in place and re-parses it on every read.
This one keeps the parsed board in memory, re-reading only when the file's
identity (inode, size, mtime) changed, and saves atomically.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import cast

import orjson
from tinydb.storages import Storage

from opsboard.i18n import _

from . import backups
from .atomic import atomic_write, remove_stale_temps
from .doc_table import Tables
from .documents import board_problems
from .errors import BoardChangedError, BoardDamagedError, BoardError, BoardNotFoundError, BoardWriteError
from .input_files import BOARD_LIMIT, read_input_file

Identity = tuple[int, int, int, int]


def file_identity(path: Path) -> Identity | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def parse_board(path: Path, raw: bytes) -> Tables:
    """Bytes → tables, or BoardDamagedError saying where it broke."""
    if not raw.strip():
        raise damaged(path, _("the file is empty"))
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise damaged(path, _("not valid JSON at line {line}, column {column}").format(line=error.lineno, column=error.colno)) from None
    problem = shape_problem(data)
    if problem:
        raise damaged(path, problem)
    return cast(Tables, data)  # shape_problem checked it is one


def shape_problem(data: object) -> str | None:
    """What makes `data` not a board, or None."""
    if not isinstance(data, dict):
        return _("the top level is not an object of tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            return _("table '{name}' is not an object").format(name=name)
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                return _("table '{name}', document '{doc_id}' is not an object").format(name=name, doc_id=doc_id)
    meta = data.get("meta", {}).get("meta")
    if not isinstance(meta, dict):
        return _("the board settings (table 'meta') are missing")
    if not isinstance(meta.get("schema_version"), int):
        return _("the board settings have no whole-number schema_version")
    return None


# backup (path, inode, size, mtime) → whether it is good: validating a big
# board's five backups takes seconds, and a damaged board asks at every save
_verdicts: dict[tuple[str, int, int, int], bool] = {}


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup that parses and whose every document validates
    against the models (a backup of a hand-broken board is no way back)."""
    for backup in backups.list_backups(path):
        try:
            st = backup.path.stat()
        except OSError:
            continue
        key = (str(backup.path), st.st_ino, st.st_size, st.st_mtime_ns)
        if key not in _verdicts:
            if len(_verdicts) > 256:
                _verdicts.clear()
            _verdicts[key] = _good_backup(backup.path)
        if _verdicts[key]:
            return backup.path
    return None


def _good_backup(path: Path) -> bool:
    try:
        data = parse_board(path, read_input_file(path, what="board", limit=BOARD_LIMIT))
    except BoardError:
        return False
    return not board_problems(data, first_only=True)


def damaged(path: Path, where: str) -> BoardDamagedError:
    return BoardDamagedError(path, where, newest_good_backup(path))


def board_digest(raw: bytes) -> str:
    import hashlib  # only when saving: not to open a board

    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class _Hashed:
    """A board's digest worked out in a thread beside the save's write and
    fsyncs: hashlib and the disk both let the other thread run, so the save
    no longer waits for it after (5 ms of each save on a 6 MB board)."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._value: str | None = None
        self._thread = threading.Thread(target=self._work, name="opsboard-digest", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        self._value = board_digest(self._raw)

    def value(self) -> str:
        self._thread.join()
        return self._value if self._value is not None else board_digest(self._raw)  # (the thread failed: here, then)


class BoardStorage(Storage):
    """Reads are served from memory; writes inside `begin()`…`commit()` stay in
    memory until the commit writes the file once."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self._data: Tables | None = None
        self._identity: Identity | None = None
        self._batch = False
        self._dirty = False
        self.generation = 0  # bumps whenever the in-memory board is replaced from disk
        self._raw = b""  # the file's bytes as last read or written (for `digest`)
        self._digested: tuple[bytes, str] | None = None  # (those bytes, their digest) once worked out

    # -- reading -----------------------------------------------------------
    def changed_on_disk(self) -> bool:
        """A `stat`, nothing more: did another process save since we read?"""
        return file_identity(self.path) != self._identity

    def refresh(self) -> bool:
        """Re-read the file if it changed; True when it did."""
        if self._data is not None and not self.changed_on_disk():
            return False
        self.load()
        return True

    def load(self) -> None:
        identity = file_identity(self.path)
        if identity is None:
            raise BoardNotFoundError(self.path)
        raw = read_input_file(self.path, what="board", limit=BOARD_LIMIT)  # a FIFO or /dev/zero: one line, no hang
        self._data = parse_board(self.path, raw)
        self._raw = raw
        # the identity read before the bytes: a save in between shows as a change next time
        self._identity = identity
        self.generation += 1

    def read(self) -> Tables:
        if not self._batch:
            self.refresh()
        assert self._data is not None
        return self._data

    # -- writing -----------------------------------------------------------
    def write(self, data: Tables) -> None:
        self._data = data
        if self._batch:
            self._dirty = True
        else:
            self.save()

    def begin(self) -> None:
        self._batch = True
        self._dirty = False

    def commit(self) -> bool:
        """Write the batch (if anything changed); True when it saved."""
        self._batch = False
        if self._dirty:
            self._dirty = False
            self.save()
            return True
        return False

    def rollback(self) -> None:
        """Forget the batch: TinyDB changed our in-memory dicts in place, so
        the next read must come from the file again."""
        self._batch = False
        self._dirty = False
        self._data = None
        self._identity = None

    def save(self) -> None:
        assert self._data is not None
        try:
            payload = orjson.dumps(self._data)
        except orjson.JSONEncodeError as error:  # e.g. an unknown field nested deeper than orjson writes
            self.rollback()
            raise BoardError(
                _("{path}: cannot be saved ({error}); the board on disk is unchanged").format(path=self.path, error=error)
            ) from None
        hashed = _Hashed(payload)  # the next save's digest, worked out while this one writes
        try:
            remove_stale_temps(self.path)
            self._check_still_ours()
            backups.rotate(self.path)
            written = atomic_write(self.path, payload, self._check_still_ours)
        except OSError as error:
            changed = file_identity(self.path) != self._identity  # the new lock holder removed our temp file
            self.rollback()
            if changed:
                raise BoardChangedError(self.path) from None
            raise BoardWriteError(self.path, error) from error
        except BoardChangedError:
            self.rollback()
            raise
        self._raw = payload
        self._digested = (payload, hashed.value())
        # the file we wrote, not whatever is at the path now: a writer stopped
        # just after its rename must not take a later save for its own
        self._identity = written or file_identity(self.path)

    def digest(self) -> str:
        """A digest of the board's bytes as last read or written (worked out
        once for them: the app works it out ahead, see BoardStore.get_ready_to_save;
        a save, while it writes)."""
        raw, digested = self._raw, self._digested
        if digested is not None and digested[0] is raw:
            return digested[1]
        value = board_digest(raw)
        self._digested = (raw, value)
        return value

    def _check_still_ours(self) -> None:
        """The board is still the file we read under the lock. It is not when
        this writer stalled (SIGSTOP, a frozen VM) while holding the lock and
        someone removed the lock file and saved meanwhile: renaming our file
        over theirs would lose their save."""
        if file_identity(self.path) != self._identity:
            raise BoardChangedError(self.path)

    def create(self, data: Tables) -> None:
        """Write a new board file (no backups to rotate)."""
        self._data = data
        try:
            atomic_write(self.path, orjson.dumps(data))
        except OSError as error:
            raise BoardWriteError(self.path, error) from error
        self._identity = file_identity(self.path)
        self.generation += 1

    def close(self) -> None:
        pass
