"""`opsboard digest BOARD [--user NAME] [--format md|json]`: the day's
agenda, for a script that posts it to the team's chat or mail."""

from __future__ import annotations

import argparse
import json
import sys

from opsboard.export.digest import agenda_markdown
from opsboard.i18n import _
from opsboard.services.board_files import open_board
from opsboard.services.departments import department_names
from opsboard.services.user import current_user

NAMES = ("digest",)


def register(sub, add_common) -> None:
    digest = sub.add_parser(
        "digest",
        help=_("the day's agenda: overdue, due today, blocked, due this week"),
        description=_(
            "Without --user: the whole team's agenda. With --user: that person's tasks only (--user also names who reads it; it changes nothing)."
        ),
    )
    digest.add_argument("board")
    digest.add_argument("--format", choices=("md", "json"), default="md", help=_("Markdown (default) or JSON"))
    add_common(digest)
    digest.set_defaults(handler=cmd_digest)


def cmd_digest(args: argparse.Namespace) -> int:
    from opsboard.services.digest import agenda_json, day_agenda

    store = open_board(args.board, user=current_user(args.user))
    agenda = day_agenda(store, user=args.user.strip() if args.user else None)
    names = department_names(store)
    if args.format == "json":
        json.dump(agenda_json(agenda, names), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(agenda_markdown(agenda.day, agenda.user, agenda.sections, store.meta().name, names))
    return 0
