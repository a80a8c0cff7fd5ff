"""init, export, check: whole-board commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from opsboard.services.board_files import check_board, init_board, open_board
from opsboard.services.errors import InputError
from opsboard.services.export import VIEWS, export_view
from opsboard.services.user import current_user
from opsboard.templates import LANGUAGES

NAMES = ("init", "export", "check")


def register(sub, add_common) -> None:
    init = sub.add_parser("init", help="create a new board from the template")
    init.add_argument("board")
    init.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the checklists (default: en)")
    init.add_argument("--name", help="the store's or project's name")
    init.add_argument("--year", type=int, help="the plan year (default: this year)")
    add_common(init)
    init.set_defaults(handler=cmd_init)

    export = sub.add_parser("export", help="print a view as Markdown")
    export.add_argument("board")
    export.add_argument("--view", choices=(*VIEWS, "all"), default="all")
    export.add_argument("-o", "--output", help="write to this file instead of stdout")
    export.add_argument("--period", choices=("day", "week", "month"), help="review only: one report by day, week or month")
    export.add_argument("--from", dest="first_day", metavar="DATE", help="review only: the first day (YYYY-MM-DD)")
    export.add_argument("--to", dest="last_day", metavar="DATE", help="review only: the last day (YYYY-MM-DD)")
    add_common(export)
    export.set_defaults(handler=cmd_export)

    check = sub.add_parser("check", help="validate a board file")
    check.add_argument("board")
    add_common(check)
    check.set_defaults(handler=cmd_check)


def cmd_init(args: argparse.Namespace) -> int:
    store = init_board(args.board, user=current_user(args.user), language=args.lang, name=args.name, year=args.year)
    meta = store.meta()
    print(f"Created {store.path}: '{meta.name}' ({meta.language.value}, {meta.year}), {len(store.checklist())} checklist items")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    if args.period or args.first_day or args.last_day:
        return _export_review_period(store, args)
    if args.output:
        from opsboard.services.export import write_export

        path = write_export(store, args.view, args.output)
        print(f"Wrote {path}", file=sys.stderr)
    else:
        sys.stdout.write(export_view(store, args.view))
    return 0


def _export_review_period(store, args: argparse.Namespace) -> int:
    """`export --view review --period day|week|month [--from D --to D]`."""
    from opsboard.services.export import write_markdown
    from opsboard.services.review import review_period_export

    if args.view != "review":
        raise InputError("--period, --from and --to are for --view review")
    text = review_period_export(store, args.period or "day", _day(args.first_day, "--from"), _day(args.last_day, "--to"))
    if args.output:
        path = write_markdown(Path(args.output), text, board=store.path)
        print(f"Wrote {path}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _day(text: str | None, option: str):
    from datetime import date

    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{option} {text!r} is not a day (YYYY-MM-DD)") from None


def cmd_check(args: argparse.Namespace) -> int:
    print(check_board(args.board, user=current_user(args.user)))
    return 0
