"""Which files belong to a board, and the board a path really names.

Beside `b.json` the store keeps `b.json.lock`, `b.json.backups/`,
`b.json.activity.jsonl`, `b.json.archive.jsonl` (done tasks past the archive
age), `b.json.v<N>.bak` (kept before a schema upgrade),
`b.json.before-restore-<time>` (kept by a restore) and its save's temp files
`.b.json.<random>.tmp`. Nothing else may write over any of them: an export
given the board's own path would replace the board with Markdown, and after an
interrupted save the board and backup 1 are one hard-linked file. So targets
are compared as resolved paths and as inodes, never as spelled.

A file added beside the board later adds its name pattern to `_OWNED_NAMES`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from opsboard.i18n import _

from .errors import BoardError

# Name patterns of the files the store keeps beside `<board>` (the board's
# name is put in front, escaped); "" is the board itself.
_OWNED_NAMES = (
    "",
    r"\.lock",
    r"\.backups",
    r"\.activity\.jsonl",
    r"\.archive\.jsonl",
    r"\.v\d+\.bak",
    r"\.before-restore-.*",
)
_TEMP = r"\.{name}\..*\.tmp"  # atomic_write's temp files


def real_board_path(path: str | os.PathLike[str]) -> Path:
    """The file a board path names: a symlink is followed to its target, so
    everyone on the link and on the real path shares one lock and one
    backups folder, and a save replaces the target, never the link."""
    path = Path(path)
    if os.path.islink(path):
        return Path(os.path.realpath(path))
    return path


def _owned_name(board_name: str) -> re.Pattern[str]:
    name = re.escape(board_name)
    return re.compile("|".join([name + suffix for suffix in _OWNED_NAMES] + [_TEMP.format(name=name)]))


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _owned_files(board: Path) -> list[Path]:
    """The board's files that exist now (its backups one by one)."""
    pattern = _owned_name(board.name)
    try:
        found = [entry for entry in board.parent.iterdir() if pattern.fullmatch(entry.name)]
    except OSError:
        found = [board]
    for folder in list(found):
        if folder.is_dir():
            try:
                found.extend(folder.iterdir())
            except OSError:
                pass
    return found


def board_file_kind(board: str | os.PathLike[str], target: str | os.PathLike[str]) -> str | None:
    """What `target` is to the board when the store owns it ("the board
    itself", "its backup", …), or None when it may be written."""
    board_real = Path(os.path.realpath(board))
    target_real = Path(os.path.realpath(target))
    if target_real == board_real:
        return _("the board itself")
    backups = board_real.with_name(board_real.name + ".backups")
    if target_real == backups or backups in target_real.parents:
        return _("one of its backups")
    if target_real.parent == board_real.parent and _owned_name(board_real.name).fullmatch(target_real.name):
        return _("a file the board keeps beside it")
    inode = _inode(target_real)
    if inode is not None:
        for owned in _owned_files(board_real):
            if _inode(owned) == inode:  # a hard link (backup 1 after an interrupted save)
                return _("the board itself") if owned == board_real else _("a file the board keeps beside it")
    return None


def refuse_board_file(board: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """BoardError (one line) when `target` is the board or a file it keeps."""
    kind = board_file_kind(board, target)
    if kind is not None:
        raise BoardError(
            _("{target}: that is {kind} ({board}); choose another file — nothing was written").format(target=target, kind=kind, board=board)
        )


def owning_board(path: str | os.PathLike[str]) -> Path | None:
    """The board that keeps `path` beside it (a backup, the lock, the
    activity archive…), when there is one; such a file is not a board to
    write to."""
    real = Path(os.path.realpath(path))
    if real.parent.name.endswith(".backups"):
        board = real.parent.with_name(real.parent.name[: -len(".backups")])
        if board.is_file():
            return board
    for suffix in _OWNED_NAMES[1:]:
        match = re.fullmatch(r"(.+?)" + suffix, real.name)
        if match:
            board = real.with_name(match.group(1))
            if board.is_file() and board != real:
                return board
    return None
