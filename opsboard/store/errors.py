"""What can go wrong with a board file, each as one clear line for the user."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opsboard.model import Operation

from opsboard.i18n import _
from opsboard.i18n.formats import os_reason


class BoardError(Exception):
    """Base: str(error) is one line that says what and where."""


class BoardNotFoundError(BoardError):
    def __init__(self, path: Path):
        self.path = path
        super().__init__(_("{path}: no such board (create one with `opsboard init {path}`)").format(path=path))


class BoardDamagedError(BoardError):
    """The file cannot be read as a board. Nothing is written over it."""

    def __init__(self, path: Path, where: str, backup: Path | None):
        self.path = path
        self.where = where
        self.backup = backup
        if backup is not None:
            hint = _("restore the last good copy with `opsboard restore {path}` (newest backup: {backup})").format(path=path, backup=backup)
        else:
            hint = _("no good backup was found")
        super().__init__(_("{path}: damaged board file ({where}); {hint}").format(path=path, where=where, hint=hint))


class BoardInvalidError(BoardDamagedError):
    """A save refused because a document on the board does not validate
    (hand-edited, or from a newer opsboard): nothing was saved, and the
    board is not rotated into the backups."""

    def __init__(self, path: Path, where: str, backup: Path | None):
        super().__init__(path, where, backup)
        if backup is not None:
            message = _(
                "{path}: nothing was saved: {where}; fix it, or restore the last good copy with "
                "`opsboard restore {path}` (newest good backup: {backup})"
            )
        else:
            message = _("{path}: nothing was saved: {where}; fix it by hand; no good backup was found")
        self.args = (message.format(path=path, where=where, backup=backup),)


class BoardReadOnlyError(BoardError):
    def __init__(self, path: Path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(_("{path}: opened read-only ({reason}); nothing was saved").format(path=path, reason=reason))


class BoardLockedError(BoardError):
    def __init__(self, path: Path, holder: str, waited: float):
        self.path = path
        self.holder = holder
        # `:g`: a short wait reads "0.5s", not "0s"
        super().__init__(
            _("{path}: still locked after {waited}s by {holder}; nothing was saved").format(
                path=path, waited=f"{waited:g}", holder=holder or _("another process")
            )
        )


class BoardChangedError(BoardError):
    """Another process saved the board while this save held what it took
    for the lock (its lock file was removed under it): nothing was written;
    the store reads the board again and applies the change on it."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__(_("{path}: someone else saved while this save was held up; nothing was saved").format(path=path))


class BoardWriteError(BoardError):
    """The disk refused the save (full, read-only, permissions). The board on
    disk is still the last good version."""

    def __init__(self, path: Path, cause: OSError):
        self.path = path
        self.cause = cause
        reason = os_reason(cause)
        if cause.filename and Path(cause.filename) != Path(path):
            reason += f": {cause.filename}"  # which file or folder refused
        super().__init__(_("{path}: could not save ({reason}); the board on disk is unchanged").format(path=path, reason=reason))


class InputFileError(BoardError):
    """A file the user named cannot be read as input: not a regular file (a
    FIFO, a device, a folder), too large, or unreadable. One line."""


class NotFoundError(BoardError):
    """An id that is not (or no longer) on the board."""


class ConflictError(BoardError):
    """Someone else changed the same field since we read it."""

    def __init__(self, doc_id: str, field: str, seen: object, theirs: object, mine: object, by: str, operation: Operation | None = None):
        self.doc_id = doc_id
        self.field = field
        self.seen = seen
        self.theirs = theirs
        self.mine = mine
        self.by = by
        # the Operation that conflicted, and every operation of that save, so
        # a user who chooses their own value can save it again knowingly
        self.operation = operation
        self.operations: list[Operation] = [operation] if operation is not None else []
        who = by or _("someone else")
        super().__init__(
            _("{doc_id}: {who} changed {field} to {theirs!r} (you saw {seen!r}, you set {mine!r}); nothing was saved").format(
                doc_id=doc_id, who=who, field=field, theirs=theirs, seen=seen, mine=mine
            )
        )
