"""restore: list a board's backups and day snapshots, or put one back (the
current file kept aside): `--backup 2`, `--backup yesterday`, `--backup 2026-03-01`."""

from __future__ import annotations

import argparse

from opsboard.i18n import _, pgettext
from opsboard.services.board_files import speak_language_of
from opsboard.services.errors import InputError
from opsboard.services.recovery import BackupInfo, backups_report, daily_report, restore_backup, restore_day

NAMES = ("restore",)


def register(sub, add_common) -> None:
    restore = sub.add_parser(
        "restore",
        help=_("list a board's backups and day snapshots, or restore one"),
        description=_(
            "Without --backup (or with --list): list the last saves (1 is the newest) and one snapshot "
            "per day of the last 30 days. With --backup N, --backup yesterday or --backup YYYY-MM-DD: restore it; "
            "the current file is kept as BOARD.before-restore-<time>."
        ),
    )
    restore.add_argument("board")
    restore.add_argument("--backup", metavar="N|DAY", help=_("a backup number, 'yesterday' or a date (see the list)"))
    restore.add_argument("--list", action="store_true", help=_("list the backups and day snapshots (the default)"))
    add_common(restore)
    restore.set_defaults(handler=cmd_restore)


def _size(n: int) -> str:
    return f"{n} B" if n < 1024 else f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def _good(info: BackupInfo) -> str:
    return pgettext("backup is good", "yes") if info.good else _("no: {problem}").format(problem=info.problem)


def _facts(info: BackupInfo) -> tuple:
    """What both tables say of a saved copy after its first column."""
    return (
        f"{info.saved_at:%Y-%m-%d %H:%M:%S}",
        _size(info.size),
        _good(info),
        "" if info.tasks is None else info.tasks,
        "" if info.revision is None else info.revision,
    )


def _table(rows: list[tuple], first: str, saved: str) -> str:
    from tabulate import tabulate

    headers = (first, saved, _("size"), _("good"), _("tasks"), _("revision"))
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def backup_table(report: list[BackupInfo]) -> str:
    return _table([(info.number, *_facts(info)) for info in report], "N", pgettext("backup column", "saved"))


def day_table(report: list[BackupInfo]) -> str:
    rows = [(info.day.isoformat() if info.day else "", *_facts(info)) for info in report]
    return _table(rows, _("day"), _("last saved"))


def cmd_restore(args: argparse.Namespace) -> int:
    speak_language_of(args.board)
    if args.backup is None or args.list:
        if args.backup is not None:
            raise InputError(_("give --list or --backup, not both"))
        report, days = backups_report(args.board), daily_report(args.board)
        if not report and not days:
            print(_("{board}: no backups yet (one is kept at each save)").format(board=args.board))
            return 0
        if report:
            print(_("Backups of {board} (1 is the newest):").format(board=args.board))
            print(backup_table(report))
        if days:
            print("\n" + _("One per day (the last version saved that day, {count} kept):").format(count=len(days)))
            print(day_table(days))
        print(
            "\n"
            + _("Restore one with: opsboard restore {board} --backup N (or --backup yesterday, --backup YYYY-MM-DD)").format(
                board=args.board
            )
        )
        return 0
    choice = args.backup.strip()
    result = restore_backup(args.board, int(choice)) if choice.isdigit() else restore_day(args.board, choice)
    print(result.message)
    return 0
