"""`opsboard task add|set|list`: the department boards from scripts and cron."""

from __future__ import annotations

import argparse
import codecs
import gc
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import orjson

from opsboard.i18n import _
from opsboard.model import TASK_STATUS_LABELS
from opsboard.services import task_fields
from opsboard.services.archived_lines import ArchivedJson, ArchivedLine
from opsboard.services.board_files import open_board
from opsboard.services.departments import department_names, listed_departments
from opsboard.services.errors import FieldErrors, InputError
from opsboard.services.parsing import before_plan_year
from opsboard.services.task_fields import cli_fields
from opsboard.services.task_listing import json_listed_tasks, listed_tasks
from opsboard.services.tasks import BLOCKED_NEEDS_REASON, add_task, update_task
from opsboard.services.user import current_user

if TYPE_CHECKING:
    from opsboard.model import Task  # pydantic loads when a command needs a model, not with this module

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


def task_json(task: Task | ArchivedJson, names: dict[str, str]) -> dict[str, object]:
    """Every field of the task as saved, and its department's name (an
    archived line is already the task as saved: archived_lines.py)."""
    saved = orjson.loads(task.task_json()) if isinstance(task, ArchivedJson) else task.to_doc()
    found: dict[str, object] = {"id": saved.pop("id")}
    for name, value in saved.items():
        found[name] = value
        if name == "department":
            found["department_name"] = names.get(task.department, task.department)
    return found


def _floats_alike(value: object) -> bool:
    """Whether orjson writes the floats in `value` as Python's json does
    (no exponent: 0, or 0.0001 up to 10^16)."""
    if isinstance(value, float):
        return value == 0 or 1e-4 <= abs(value) < 1e16
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, list):
        return True
    # a call for each float, dict and list inside, not for each text (6,000 tasks' docs: a tenth of a second)
    return all(_floats_alike(v) for v in value if isinstance(v, _NESTED))


_NESTED = (float, dict, list)


def _json_item(found: dict[str, object]) -> str | bytes:
    """One task of the --json array, as json.dump(ensure_ascii=False,
    indent=2) writes it (its pure-Python indenting took seconds for 95,000
    tasks: orjson when it writes the same, UTF-8)."""
    try:
        if not _floats_alike(found):
            raise TypeError
        return b"  " + orjson.dumps(found, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n  ")
    except TypeError:  # orjson's JSONEncodeError too: a lone surrogate, an int too big
        return "  " + json.dumps(found, ensure_ascii=False, indent=2).replace("\n", "\n  ")


def _json_items(tasks: Sequence[Task | ArchivedJson], names: dict[str, str]) -> str | bytes:
    """A run of the --json array's tasks, as _json_item writes each: an
    archived line's item as it was written when read (ArchivedJson.item: no
    parse, no dict), the others' fields as task_json gives them. UTF-8,
    unless one of them is text that only Python's json writes."""
    items: list[str | bytes] = []
    text = False
    for task in tasks:
        item: str | bytes | None = task.item if isinstance(task, ArchivedJson) else None
        if item is None:  # a department's name orjson cannot write: the long way
            item = _json_item(task_json(task, names))
            text = text or isinstance(item, str)
        items.append(item)
    if text:
        return ",\n".join(item if isinstance(item, str) else item.decode() for item in items)
    return b",\n".join(items)  # type: ignore[arg-type]


class _Output:
    """stdout for --json: the UTF-8 orjson wrote goes straight to its bytes
    when it writes UTF-8 (what writing it decoded would put there), text
    through it (70 MB for 94,000 tasks, not decoded and encoded again)."""

    def __init__(self) -> None:
        self.text = sys.stdout
        self.bytes = getattr(self.text, "buffer", None)
        try:
            if codecs.lookup(self.text.encoding).name != "utf-8":
                self.bytes = None
        except (LookupError, TypeError):
            self.bytes = None

    def write(self, data: str | bytes) -> None:
        if isinstance(data, str):
            self.text.write(data)
        elif self.bytes is None:
            self.text.write(str(data, "utf-8"))
        else:
            self.text.flush()  # what it holds first
            self.bytes.write(data)


def _pad(text: str, width: int) -> str:
    if text.isascii() and text.isprintable():  # one column a character (most cells)
        return text.ljust(width)
    from wcwidth import wcswidth

    return text + " " * max(0, width - max(wcswidth(text), 0))


class _Cells(dict[object, str]):
    """A column's cells by value, each padded the first time it is asked for
    (95,000 tasks have a few dozen owners): a dict lookup a task."""

    def __init__(self, width: int, text: Callable[[Any], str]) -> None:
        super().__init__()
        self.width = width
        self.text = text

    def __missing__(self, key: object) -> str:
        cell = self[key] = _pad(self.text(key), self.width)
        return cell


class _Lines:
    """The lines of `task list`: each status, due date, owner and department
    padded once a listing, not once a task."""

    def __init__(self, names: dict[str, str]) -> None:
        self.statuses = {status: _pad(str(label), 7) for status, label in TASK_STATUS_LABELS.items()}
        self.dues = _Cells(10, lambda due: due or "-")
        self.owners = _Cells(10, lambda owner: owner or "-")
        self.departments = _Cells(19, lambda department: names.get(department, department))

    def __call__(self, task: Task | ArchivedLine) -> str:
        due = task.due if isinstance(task, ArchivedLine) else task.due.isoformat() if task.due else None
        reason = "  " + _("(blocked: {reason})").format(reason=task.blocked_reason) if task.blocked_reason else ""
        return (
            f"{task.id}  {self.statuses[task.status]}  P{task.priority}  {self.dues[due]}  {self.owners[task.owner]}  "
            f"{self.departments[task.department]}  {task.title}{reason}"
        )


def _line(task: Task, names: dict[str, str]) -> str:
    return _Lines(names)(task)


_CHUNK = 2000  # tasks written at a time: the output is never held whole


def _write_json(tasks: Sequence[Task | ArchivedJson], names: dict[str, str]) -> None:
    if not tasks:
        sys.stdout.write("[]\n")
        return
    out = _Output()
    out.write("[\n")
    for start in range(0, len(tasks), _CHUNK):
        if start:
            out.write(",\n")
        out.write(_json_items(tasks[start : start + _CHUNK], names))
    out.write("\n]\n")


def cmd_list(args: argparse.Namespace) -> int:
    # No garbage collection while listing: it allocates a few objects per task
    # and frees them all, and collections of 95,000 tasks' worth found nothing
    # but took half the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _list(args)
    finally:
        if collecting:
            gc.enable()


def _list(args: argparse.Namespace) -> int:
    store = open_board(args.board, user=current_user(args.user))
    if args.json:
        found = json_listed_tasks(store, dept=args.dept, status=args.status, filter=args.filter, include_archived=args.include_archived)
        _write_json(found, {department: name for department, name, _order in listed_departments(store)})
        return 0
    tasks = listed_tasks(store, dept=args.dept, status=args.status, filter=args.filter, include_archived=args.include_archived)
    if tasks:
        line = _Lines({department: name for department, name, _order in listed_departments(store)})
        for start in range(0, len(tasks), _CHUNK):
            sys.stdout.write("".join([line(t) + "\n" for t in tasks[start : start + _CHUNK]]))
    else:
        print(_("No tasks match."), file=sys.stderr)
    return 0
