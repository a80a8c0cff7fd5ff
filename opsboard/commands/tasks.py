"""`opsboard task add|set|list`: the department boards from scripts and cron."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Literal

from opsboard.i18n import _
from opsboard.model import TASK_STATUS_LABELS, Task
from opsboard.services import task_fields
from opsboard.services.board_files import open_board
from opsboard.services.departments import department_names
from opsboard.services.errors import FieldErrors, InputError
from opsboard.services.parsing import before_plan_year
from opsboard.services.task_fields import cli_fields
from opsboard.services.tasks import BLOCKED_NEEDS_REASON, add_task, list_tasks, update_task
from opsboard.services.user import current_user

NAMES = ("task",)

# service field → the option a user typed, so a message names what to fix
_OPTIONS = {"status": "--status", "reason": "--reason"}


def _option(name: str) -> str:
    declared = task_fields.BY_NAME.get(name)
    return declared.option if declared and declared.option else _OPTIONS.get(name, name)


def _add_options(parser: argparse.ArgumentParser, command: Literal["add", "set"]) -> None:
    """The task's fields as options (services/task_fields.py)."""
    for field in cli_fields(command):
        declared = field.add_help if command == "add" else field.set_help
        help_text = str(declared) if declared else None  # read now, in the interface language
        default = None if command == "set" or field.default is None else str(field.default) if field.default != () else ""
        parser.add_argument(
            field.option,
            dest=field.name,
            metavar=field.option.removeprefix("--").upper(),
            required=command == "add" and field.required,
            default=default,
            help=help_text,
        )


def register(sub, add_common) -> None:
    task = sub.add_parser("task", help=_("add, change or list tasks on the department boards"))
    actions = task.add_subparsers(dest="task_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help=_("add a task to a department's To do column (prints its id)"))
    add.add_argument("board", help=_("the board file"))
    _add_options(add, "add")
    add_common(add)
    add.set_defaults(handler=cmd_add)

    change = actions.add_parser("set", help=_("change a task's status, due date, owner or title"))
    change.add_argument("board", help=_("the board file"))
    change.add_argument("id", help=_("the task's id (see `opsboard task list`)"))
    change.add_argument("--status", help=_("todo, doing, blocked (needs --reason) or done; or 待办, 进行中, 受阻, 已完成"))
    change.add_argument("--reason", help=_("why the task is blocked"))
    _add_options(change, "set")
    add_common(change)
    change.set_defaults(handler=cmd_set)

    listing = actions.add_parser("list", help=_("list tasks in board order"))
    listing.add_argument("board", help=_("the board file"))
    listing.add_argument("--dept", help=_("only this department"))
    listing.add_argument("--status", help=_("only this status: todo, doing, blocked, done"))
    listing.add_argument("--filter", help=_("e.g. 'owner:lin due:overdue p:1 photos'"))
    listing.add_argument("--json", action="store_true", help=_("a JSON array of task objects"))
    listing.add_argument(
        "--include-archived", action="store_true", help=_("the done tasks in the archive too (as the filter word archived:yes)")
    )
    add_common(listing)
    listing.set_defaults(handler=cmd_list)


def _one_line(error: FieldErrors) -> InputError:
    parts = []
    for field, message in error.errors.items():
        if field == "reason" and message == str(BLOCKED_NEEDS_REASON):
            message = _("{message} (add --reason TEXT)").format(message=message)
        parts.append(_("{option}: {message}").format(option=_option(field), message=message))
    return InputError(_("; ").join(parts))


def cmd_add(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    try:
        task = add_task(store, **{field.name: getattr(args, field.name) for field in cli_fields("add")})
    except FieldErrors as error:
        raise _one_line(error) from None
    _warn_if_early(store, task)
    print(task.id)
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    changes = {field.name: getattr(args, field.name) for field in cli_fields("set")}
    if args.status is None and args.reason is None and all(v is None for v in changes.values()):
        raise InputError(_("nothing to change: give --status, --reason, --due, --owner, --title or --priority"))
    store = open_board(args.board, user=current_user(args.user))
    try:
        task = update_task(store, args.id, status=args.status, reason=args.reason, **changes)
    except FieldErrors as error:
        raise _one_line(error) from None
    _warn_if_early(store, task)
    print(_line(task, department_names(store)))
    return 0


def _warn_if_early(store, task: Task) -> None:
    """A due date before the plan year is saved, with a word on stderr."""
    warning = before_plan_year(task.due, store.meta().year)
    if warning:
        print(_("opsboard: warning: {warning}").format(warning=warning), file=sys.stderr)


def task_json(task: Task, names: dict[str, str]) -> dict[str, object]:
    """Every field of the task as saved, and its department's name."""
    saved = task.to_doc()
    found: dict[str, object] = {"id": saved.pop("id")}
    for name, value in saved.items():
        found[name] = value
        if name == "department":
            found["department_name"] = names.get(task.department, task.department)
    return found


def _pad(text: str, width: int) -> str:
    from wcwidth import wcswidth

    return text + " " * max(0, width - max(wcswidth(text), 0))


def _line(task: Task, names: dict[str, str]) -> str:
    due = task.due.isoformat() if task.due else "-"
    status = str(TASK_STATUS_LABELS[task.status])
    reason = "  " + _("(blocked: {reason})").format(reason=task.blocked_reason) if task.blocked_reason else ""
    department = names.get(task.department, task.department)
    return f"{task.id}  {_pad(status, 7)}  P{task.priority}  {_pad(due, 10)}  {_pad(task.owner or '-', 10)}  {_pad(department, 19)}  {task.title}{reason}"


def cmd_list(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    tasks = list_tasks(store, dept=args.dept, status=args.status, filter=args.filter, include_archived=args.include_archived)
    names = department_names(store)
    if args.json:
        json.dump([task_json(t, names) for t in tasks], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif tasks:
        sys.stdout.write("".join(_line(t, names) + "\n" for t in tasks))
    else:
        print(_("No tasks match."), file=sys.stderr)
    return 0
