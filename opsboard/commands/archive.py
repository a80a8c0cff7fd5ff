"""`opsboard archive BOARD [--days N]`: the archive of done tasks beside the board."""

from __future__ import annotations

import argparse

from opsboard.i18n import _, ngettext
from opsboard.i18n.formats import number
from opsboard.services.archived_tasks import set_archive_days
from opsboard.services.board_files import open_board
from opsboard.services.user import current_user

NAMES = ("archive",)


def register(sub, add_common) -> None:
    archive = sub.add_parser(
        "archive",
        help=_("show or set after how many days done tasks move to the archive beside the board"),
        description=_(
            "Done tasks finished and unchanged for the archive age move at the next save to BOARD.archive.jsonl; "
            "they stay searchable (filter archived:yes) and exportable (export --include-archived)."
        ),
    )
    archive.add_argument("board", help=_("the board file"))
    archive.add_argument("--days", help=_("the archive age in days for everyone on the board (0: never archive)"))
    archive.add_argument("--now", action="store_true", help=_("move the done tasks past the archive age now, in a save of their own"))
    add_common(archive)
    archive.set_defaults(handler=cmd_archive)


def cmd_archive(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    if args.days is not None:
        set_archive_days(store, args.days)
    if args.now:
        store.archive_due()  # what moved is said on stderr as after any save (cli._say_archive_notices)
    days = store.archive_days()
    if days:
        print(
            ngettext(
                "Done tasks move to the archive after {days} day unchanged.",
                "Done tasks move to the archive after {days} days unchanged.",
                days,
            ).format(days=days)
        )
    else:
        print(_("Done tasks stay on the board (archive age 0: never)."))
    count = len(store.archived().lines)
    print(ngettext("{count} task in {path}", "{count} tasks in {path}", count).format(count=number(count), path=store.archive_path))
    return 0
