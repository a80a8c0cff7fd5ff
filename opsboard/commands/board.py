"""init, export, check: whole-board commands."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from opsboard.i18n import _
from opsboard.services.archived_tasks import check_archive
from opsboard.services.board_files import check_board, init_board, open_board
from opsboard.services.errors import InputError
from opsboard.services.export import VIEWS, export_view, write_markdown
from opsboard.services.export_formats import format_names
from opsboard.services.spreadsheet import export_target, view_markdown, write_markdown_export, write_view_export
from opsboard.services.user import current_user
from opsboard.templates import LANGUAGES

NAMES = ("init", "export", "check")


def register(sub, add_common) -> None:
    init = sub.add_parser("init", help=_("create a new board from the template"))
    init.add_argument("board", help=_("the board file to create"))
    init.add_argument("--lang", choices=LANGUAGES, help=_("language of the checklists and the interface (default: the locale's)"))
    init.add_argument("--name", help=_("the store's or project's name"))
    init.add_argument("--year", type=int, help=_("the plan year (default: this year)"))
    add_common(init)
    init.set_defaults(handler=cmd_init)

    export = sub.add_parser(
        "export",
        help=_("print a view as Markdown, or write it as a spreadsheet"),
        description=_(
            "Markdown goes to stdout unless -o is given. xlsx and csv are written to -o "
            "(a file or a folder; ~ is expanded), by default into the board's folder. An existing file is "
            "never replaced without --force."
        ),
    )
    export.add_argument("board", help=_("the board file"))
    export.add_argument("--view", choices=(*VIEWS, "calendar", "all"), default="all", help=_("which view (default: all)"))
    formats = format_names()  # services/export_formats.py
    export.add_argument(
        "--format",
        choices=formats,
        default=formats[0],
        help=_("{formats} (default: {default})").format(formats=", ".join(formats), default=formats[0]),
    )
    export.add_argument("-o", "--output", help=_("write to this file (or folder) instead of stdout"))
    export.add_argument("--force", action="store_true", help=_("replace the file if it exists"))
    export.add_argument("--period", choices=("day", "week", "month"), help=_("review only: one report by day, week or month"))
    export.add_argument("--from", dest="first_day", metavar="DATE", help=_("review only: the first day (YYYY-MM-DD)"))
    export.add_argument("--to", dest="last_day", metavar="DATE", help=_("review only: the last day (YYYY-MM-DD)"))
    export.add_argument(
        "--include-archived", action="store_true", help=_("boards: the done tasks in the archive too (read only when asked for)")
    )
    add_common(export)
    export.set_defaults(handler=cmd_export)

    check = sub.add_parser("check", help=_("validate a board file"))
    check.add_argument("board", help=_("the board file"))
    add_common(check)
    check.set_defaults(handler=cmd_check)


def cmd_init(args: argparse.Namespace) -> int:
    store = init_board(args.board, user=current_user(args.user), language=args.lang, name=args.name, year=args.year)
    meta = store.meta()
    print(
        _("Created {path}: '{name}' ({language}, {year}), {count} checklist items").format(
            path=store.path, name=meta.name, language=meta.language.value, year=meta.year, count=len(store.checklist())
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    if args.period or args.first_day or args.last_day:
        return _export_review_period(store, args)
    if args.include_archived and args.view not in ("boards", "all"):
        raise InputError(_("--include-archived is for --view boards (or all)"))
    archived = args.include_archived
    if args.format != "md" and args.view == "all":
        raise InputError(_("a spreadsheet holds one view: give --view boards, targets, review or calendar"))
    if args.format != "md" or args.output:
        path = write_view_export(store, args.view, args.format, args.output, force=args.force, include_archived=archived)
        print(_("Wrote {path}").format(path=path), file=sys.stderr)
    else:
        text = view_markdown(store, args.view) if args.view == "calendar" else export_view(store, args.view, include_archived=archived)
        sys.stdout.write(text)
    return 0


def _export_review_period(store, args: argparse.Namespace) -> int:
    """`export --view review --period day|week|month [--from D --to D]`."""
    from opsboard.services.review import review_period_export

    if args.view != "review":
        raise InputError(_("--period, --from and --to are for --view review"))
    first, last = _day(args.first_day, "--from"), _day(args.last_day, "--to")
    text = review_period_export(store, args.period or "day", first, last)
    if args.format != "md":  # a spreadsheet of the same tables, not Markdown under another name
        path = write_markdown_export(store, "review", lambda: text, args.format, args.output, force=args.force)
        print(_("Wrote {path}").format(path=path), file=sys.stderr)
    elif args.output:
        target = export_target(store, "review", "md", args.output)  # ~ expanded; a folder gets the default name
        path = write_markdown(target, text, board=store.path, force=args.force)
        print(_("Wrote {path}").format(path=path), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _day(text: str | None, option: str):
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(_("{option} {text!r} is not a day (YYYY-MM-DD)").format(option=option, text=text)) from None


def cmd_check(args: argparse.Namespace) -> int:
    print(check_board(args.board, user=current_user(args.user)))
    archive = check_archive(open_board(args.board, user=current_user(args.user)))
    if archive is not None:
        print(archive)
    return 0
