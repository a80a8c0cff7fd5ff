"""`opsboard people list|add|rename`: the board's roster from scripts."""

from __future__ import annotations

import argparse
import json
import sys

from opsboard.i18n import _, ngettext
from opsboard.services.board_files import open_board
from opsboard.services.departments import department_names
from opsboard.services.people import NAME_HELP, add_person, list_people, rename_person
from opsboard.services.user import current_user

NAMES = ("people",)


def register(sub, add_common) -> None:
    people = sub.add_parser("people", help=_("list, add or rename the people tasks are given to"))
    actions = people.add_subparsers(dest="people_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help=_("the roster: name, display name, department"))
    listing.add_argument("board")
    listing.add_argument("--json", action="store_true", help=_("a JSON array of people"))
    add_common(listing)
    listing.set_defaults(handler=cmd_list)

    add = actions.add_parser("add", help=_("add a person to the roster"))
    add.add_argument("board")
    add.add_argument("name", help=str(NAME_HELP))
    add.add_argument("--display", default="", help=_("the full name shown beside it, e.g. 'Wang Fang'"))
    add.add_argument("--dept", help=_("their department, case-insensitive"))
    add_common(add)
    add.set_defaults(handler=cmd_add)

    rename = actions.add_parser("rename", help=_("rename a person; their tasks follow, as one change"))
    rename.add_argument("board")
    rename.add_argument("old", help=_("the name (or display name) on the roster"))
    rename.add_argument("new", help=_("the new name"))
    rename.add_argument("--display", help=_("a new display name too"))
    add_common(rename)
    rename.set_defaults(handler=cmd_rename)


def cmd_list(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    names = department_names(store)
    people = list_people(store)
    if args.json:
        rows = [
            {
                "id": p.id,
                "name": p.name,
                "display_name": p.display_name,
                "department": p.department,
                "department_name": names.get(p.department or "", p.department) if p.department else None,
            }
            for p in people
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif people:
        from tabulate import tabulate

        table = [(p.name, p.display_name or "-", names.get(p.department, p.department) if p.department else "-") for p in people]
        print(tabulate(table, headers=(_("Name"), _("Display name"), _("Department")), tablefmt="plain"))
    else:
        print(_("No one on the roster yet (add with `opsboard people add BOARD NAME`)."), file=sys.stderr)
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    person = add_person(store, args.name, display_name=args.display, department=args.dept)
    print(person.name)
    return 0


def cmd_rename(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    person, moved = rename_person(store, args.old, args.new, display_name=args.display)
    print(
        ngettext("{name}: {moved} task now owned by {name}", "{name}: {moved} tasks now owned by {name}", moved).format(
            name=person.name, moved=moved
        )
    )
    return 0
