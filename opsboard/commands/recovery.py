"""restore: list a board's backups, or put one back (the current file kept aside)."""

from __future__ import annotations

import argparse

from opsboard.i18n import _
from opsboard.services.recovery import BackupInfo, backups_report, restore_backup

NAMES = ("restore",)


def register(sub, add_common) -> None:
    restore = sub.add_parser(
        "restore",
        help=_("list a board's backups, or restore one"),
        description=_(
            "Without --backup: list the backups (1 is the newest). With --backup N: restore it; the current file is kept as BOARD.before-restore-<time>."
        ),
    )
    restore.add_argument("board")
    restore.add_argument("--backup", type=int, metavar="N", help=_("the backup to restore (see the list)"))
    add_common(restore)
    restore.set_defaults(handler=cmd_restore)


def _size(n: int) -> str:
    return f"{n} B" if n < 1024 else f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def backup_table(report: list[BackupInfo]) -> str:
    from tabulate import tabulate

    rows = [
        (
            info.number,
            f"{info.saved_at:%Y-%m-%d %H:%M:%S}",
            _size(info.size),
            "yes" if info.good else f"no: {info.problem}",
            "" if info.tasks is None else info.tasks,
            "" if info.revision is None else info.revision,
        )
        for info in report
    ]
    return tabulate(rows, headers=("N", "saved", "size", "good", "tasks", "revision"), tablefmt="simple", disable_numparse=True)


def cmd_restore(args: argparse.Namespace) -> int:
    if args.backup is None:
        report = backups_report(args.board)
        if not report:
            print(_("{board}: no backups yet (one is kept at each save)").format(board=args.board))
            return 0
        print(_("Backups of {board} (1 is the newest):").format(board=args.board))
        print(backup_table(report))
        print(_("Restore one with: opsboard restore {board} --backup N").format(board=args.board))
        return 0
    print(restore_backup(args.board, args.backup).message)
    return 0
