"""Getting a damaged board back: its backups, restoring one, or a read-only look.

Nothing is deleted: a restore keeps the file it replaces as
`<board>.before-restore-<timestamp>`, and writes the backup over the board
with the store's atomic write, under the board's lock (nobody saves half-way).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from opsboard.i18n import _, ngettext
from opsboard.model import Table
from opsboard.model.clock import now, today
from opsboard.store import BoardDamagedError, BoardStore, BoardWriteError, list_backups, list_daily
from opsboard.store.atomic import atomic_write, keep_copy
from opsboard.store.documents import board_problems
from opsboard.store.lock import BoardLock
from opsboard.store.paths import owning_board, real_board_path
from opsboard.store.storage import parse_board

from .errors import InputError


@dataclass(frozen=True)
class BackupInfo:
    number: int  # 1 is the newest
    path: Path
    saved_at: datetime
    size: int
    good: bool  # it parses as a board
    tasks: int | None  # how many tasks it holds (None when it does not parse)
    revision: int | None
    problem: str = ""  # why it does not parse
    day: date | None = None  # a day's snapshot (its `number` is 0), not a numbered backup


@dataclass(frozen=True)
class RestoreResult:
    board: Path
    backup: BackupInfo
    kept_aside: Path | None  # the file the backup replaced (None: there was none)

    @property
    def message(self) -> str:
        """One line saying what was restored and where the replaced file went."""
        backup, n = self.backup, self.backup.tasks or 0
        values = {"board": self.board, "saved": f"{backup.saved_at:%Y-%m-%d %H:%M:%S}", "n": n, "kept": self.kept_aside}
        if backup.day is not None and self.kept_aside:
            text = ngettext(
                "Restored {board} from the snapshot of {day} (saved {saved}, {n} task); the file it replaced is kept as {kept}",
                "Restored {board} from the snapshot of {day} (saved {saved}, {n} tasks); the file it replaced is kept as {kept}",
                n,
            )
        elif backup.day is not None:
            text = ngettext(
                "Restored {board} from the snapshot of {day} (saved {saved}, {n} task)",
                "Restored {board} from the snapshot of {day} (saved {saved}, {n} tasks)",
                n,
            )
        elif self.kept_aside:
            text = ngettext(
                "Restored {board} from backup {number} (saved {saved}, {n} task); the file it replaced is kept as {kept}",
                "Restored {board} from backup {number} (saved {saved}, {n} tasks); the file it replaced is kept as {kept}",
                n,
            )
        else:
            text = ngettext(
                "Restored {board} from backup {number} (saved {saved}, {n} task)",
                "Restored {board} from backup {number} (saved {saved}, {n} tasks)",
                n,
            )
        return text.format(**values, day=backup.day.isoformat() if backup.day else "", number=backup.number)


def count_tasks(n: int) -> str:
    return ngettext("{n} task", "{n} tasks", n).format(n=n)


def _inspect(number: int, path: Path, saved_at: datetime, size: int) -> BackupInfo:
    """A backup is good when it parses and every document validates against
    the models: a copy of a hand-broken board is no way back."""
    try:
        data = parse_board(path, path.read_bytes())
    except BoardDamagedError as error:  # a bad backup is reported, not raised
        return BackupInfo(number, path, saved_at, size, False, None, None, error.where)
    except OSError as error:
        return BackupInfo(number, path, saved_at, size, False, None, None, error.strerror or str(error))
    revision = data[Table.META.value]["meta"].get("revision")
    tasks = len(data.get(Table.TASKS.value, {}))
    problems = board_problems(data, first_only=True)
    if problems:
        return BackupInfo(number, path, saved_at, size, False, tasks, revision, problems[0])
    return BackupInfo(number, path, saved_at, size, True, tasks, revision)


def _board(board: str | Path) -> Path:
    """The real board file (a symlink followed); InputError for a file a
    board keeps beside it (a backup, its lock…), which is not one to restore."""
    path = real_board_path(board)
    owner = owning_board(path)
    if owner is not None:
        raise InputError(
            _("{board}: that is a file the board {owner} keeps beside it; restore the board: opsboard restore {owner}").format(
                board=board, owner=owner
            )
        )
    return path


def backups_report(board: str | Path) -> list[BackupInfo]:
    """The board's backups, newest first, each checked."""
    return [_inspect(b.number, b.path, b.saved_at, b.size) for b in list_backups(_board(board))]


def newest_good_backup(board: str | Path) -> BackupInfo | None:
    return next((info for info in backups_report(board) if info.good), None)


def _aside_path(board: Path) -> Path:
    stamp = now().strftime("%Y%m%d-%H%M%S")
    candidate = board.with_name(f"{board.name}.before-restore-{stamp}")
    n = 2
    while candidate.exists():
        candidate = board.with_name(f"{board.name}.before-restore-{stamp}-{n}")
        n += 1
    return candidate


def restore_backup(board: str | Path, number: int | None = None) -> RestoreResult:
    """Put backup `number` (default: the newest that parses) back as the board.
    InputError when there is no such backup or it is damaged too."""
    board = _board(board)
    report = backups_report(board)
    if not report:
        raise InputError(_("{board}: no backups to restore (they are made at each save)").format(board=board))
    if number is None:
        chosen = next((info for info in report if info.good), None)
        if chosen is None:
            raise InputError(_("{board}: every backup is damaged too; nothing was restored").format(board=board))
    else:
        chosen = next((info for info in report if info.number == number), None)
        if chosen is None:
            have = ", ".join(str(info.number) for info in report)
            raise InputError(_("{board}: no backup {number} (there are: {have})").format(board=board, number=number, have=have))
        if not chosen.good:
            raise InputError(
                _("{board}: backup {number} is damaged too ({problem}); choose another").format(
                    board=board, number=number, problem=chosen.problem
                )
            )
    return _put_back(board, chosen)


def daily_report(board: str | Path) -> list[BackupInfo]:
    """The board's day snapshots, newest first, each checked."""
    return [replace(_inspect(0, d.path, d.saved_at, d.size), day=d.day) for d in list_daily(_board(board))]


def parse_day(text: str) -> date:
    """'yesterday', 'today' or YYYY-MM-DD; InputError otherwise."""
    word = text.strip().casefold()
    if word in ("yesterday", "today"):
        return today() - timedelta(days=1 if word == "yesterday" else 0)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise InputError(_("'{text}' is not a backup number, 'yesterday' or a date (YYYY-MM-DD)").format(text=text)) from None


def snapshot_of(board: str | Path, day: date) -> BackupInfo | None:
    return next((info for info in daily_report(board) if info.day == day), None)


def restore_day(board: str | Path, when: str | date) -> RestoreResult:
    """Put the snapshot of a day ('yesterday', a date) back as the board;
    InputError when there is none or it is damaged."""
    board = _board(board)
    day = when if isinstance(when, date) else parse_day(when)
    chosen = snapshot_of(board, day)
    if chosen is None:
        days = ", ".join(info.day.isoformat() for info in daily_report(board) if info.day) or _("none yet")
        raise InputError(_("{board}: no snapshot of {day} (there are: {days})").format(board=board, day=day.isoformat(), days=days))
    if not chosen.good:
        raise InputError(
            _("{board}: the snapshot of {day} is damaged ({problem}); choose another").format(
                board=board, day=day.isoformat(), problem=chosen.problem
            )
        )
    return _put_back(board, chosen)


def _put_back(board: Path, chosen: BackupInfo) -> RestoreResult:
    with BoardLock(board):  # nobody saves while the file is swapped
        kept = None
        try:
            payload = chosen.path.read_bytes()
            if board.exists():
                kept = _keep_aside(board)
            atomic_write(board, payload)
        except OSError as error:
            if kept is not None:
                _unlink(kept)  # the board is unchanged: nothing to keep aside
            raise BoardWriteError(board, error) from None
    return RestoreResult(board, chosen, kept)


def _keep_aside(board: Path) -> Path:
    """The board as it is, kept as `.before-restore-<time>` (never half-written)."""
    kept = _aside_path(board)
    keep_copy(board, kept)
    return kept


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def open_read_only_copy(board: str | Path, *, user: str) -> BoardStore:
    """The newest good backup, copied to a temporary folder and opened
    read-only: a look at the last good state without touching anything."""
    board = real_board_path(board)
    good = newest_good_backup(board)
    if good is None:
        raise InputError(_("{board}: no good backup to open read-only").format(board=board))
    folder = Path(tempfile.mkdtemp(prefix="opsboard-readonly-"))
    copy = folder / board.name
    shutil.copyfile(good.path, copy)
    store = BoardStore(copy, user=user)
    store.read_only_reason = _("a copy of backup {number} of {board} (saved {saved}), because the board is damaged").format(
        number=good.number, board=board, saved=f"{good.saved_at:%Y-%m-%d %H:%M}"
    )
    return store
