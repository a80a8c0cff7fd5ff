"""The board file: the only package that touches TinyDB or the file itself."""

from . import rows
from .backups import Backup, DailySnapshot, list_backups, list_daily
from .board_store import BoardStore, activity_archive_path
from .errors import (
    BoardChangedError,
    BoardDamagedError,
    BoardError,
    BoardInvalidError,
    BoardLockedError,
    BoardNotFoundError,
    BoardReadOnlyError,
    BoardWriteError,
    ConflictError,
    InputFileError,
    NotFoundError,
)
from .storage import newest_good_backup

__all__ = [
    "BoardChangedError",
    "Backup",
    "DailySnapshot",
    "BoardDamagedError",
    "BoardError",
    "BoardInvalidError",
    "BoardLockedError",
    "BoardNotFoundError",
    "BoardReadOnlyError",
    "BoardStore",
    "BoardWriteError",
    "ConflictError",
    "InputFileError",
    "NotFoundError",
    "activity_archive_path",
    "list_backups",
    "list_daily",
    "newest_good_backup",
    "rows",
]
