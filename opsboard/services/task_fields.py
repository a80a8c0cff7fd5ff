"""A task's editable fields, declared once; each front end is built from this.

- the services read what a person typed with `read` (services/tasks.py),
- `task add` and `task set` get their options (commands/tasks.py),
- the card form gets its inputs (tui/modals/task_form.py),
- `task list --json` has every field of the model (commands/tasks.py).

Adding a field: the model field (model/task.py) and one `TaskField` here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, cast

from opsboard.i18n import _, _l
from opsboard.model.task import parse_priority
from opsboard.store import NotFoundError

from .departments import resolve_department
from .errors import InputError
from .parsing import parse_date

if TYPE_CHECKING:
    from opsboard.model import Task
    from opsboard.store import BoardStore

FormInput = Literal["input", "select", "textarea"]


def _plain(store: BoardStore, raw: object) -> object:
    return str(raw)  # free text: the model cleans it


def _title(store: BoardStore, raw: object) -> object:
    title = " ".join(str(raw).split())
    if not title:
        raise InputError(_("a task needs a title"))
    return title


def _due(store: BoardStore, raw: object) -> object:
    due = raw if isinstance(raw, date) else parse_date(str(raw))
    return due.isoformat() if due else None


def read_priority(store: BoardStore | None, raw: object) -> int:
    try:
        value = parse_priority(str(raw) if not isinstance(raw, int) else raw)
    except ValueError:
        value = None
    if not isinstance(value, int) or not 1 <= value <= 4:
        raise InputError(_("'{value}' is not a priority (use 1-4 or P1-P4, 1 highest)").format(value=raw))
    return value


def parse_tags(text: str | Iterable[str]) -> list[str]:
    """'launch, #photos' → ['launch', 'photos']; duplicates dropped."""
    parts = text.replace(",", " ").split() if isinstance(text, str) else list(text)
    tags: list[str] = []
    for part in parts:
        tag = part.strip().lstrip("#")
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _tags(store: BoardStore, raw: object) -> object:
    return parse_tags(raw if isinstance(raw, str) else [str(tag) for tag in cast(Iterable[object], raw)])


def _department(store: BoardStore, raw: object) -> object:
    return resolve_department(store, str(raw)).id


def _checklist_item(store: BoardStore, raw: object) -> object:
    item_id = str(raw or "").strip()
    return store.item(item_id).id if item_id else None


def _text_of(name: str) -> Callable[[Task], str]:
    return lambda task: str(getattr(task, name) or "")


@dataclass(frozen=True)
class TaskField:
    name: str  # the Task attribute and the services' keyword
    label: str  # the form's label
    read: Callable[[BoardStore, object], object] = _plain  # typed text → the stored value; InputError when it is not one
    default: object = ""  # a new task's value when none is given
    option: str = ""  # `--name` on `task add` / `task set`
    add_help: str | None = None  # "": on `task add` without help; None: not on it
    set_help: str | None = None  # the same for `task set`
    required: bool = False  # `task add` needs it
    form: FormInput = "input"
    placeholder: str = ""
    form_text: Callable[[Task], str] | None = None  # the form's text for a task (default: the value as text)

    def text(self, task: Task) -> str:
        return (self.form_text or _text_of(self.name))(task)


# In the card form's order.
TASK_FIELDS: tuple[TaskField, ...] = (
    TaskField(
        "title", _l("Title"), _title, option="--title", add_help=_l("the task's title"), set_help=_l("the task's title"), required=True
    ),
    TaskField("owner", _l("Owner"), option="--owner", add_help=_l("who does it"), set_help=_l("who does it")),
    TaskField(
        "due",
        _l("Due (2026-12-01, 12-1, tomorrow, 明天, +3d…; empty for none)"),
        _due,
        default=None,
        option="--due",
        add_help=_l("YYYY-MM-DD"),
        set_help=_l("YYYY-MM-DD, or '' to clear"),
        placeholder=_l("YYYY-MM-DD"),
        form_text=lambda task: task.due.isoformat() if task.due else "",
    ),
    TaskField(
        "priority",
        _l("Priority"),
        read_priority,
        default=3,
        option="--priority",
        add_help=_l("1-4 or P1-P4, 1 highest (default 3)"),
        set_help=_l("1-4 or P1-P4"),
        form="select",
        form_text=lambda task: str(task.priority),
    ),
    TaskField(
        "tags",
        _l("Tags (comma-separated)"),
        _tags,
        default=(),
        option="--tags",
        add_help=_l("comma-separated"),
        placeholder=_l("photos, 618"),
        form_text=lambda task: ", ".join(task.tags),
    ),
    TaskField("checklist_item", _l("Serves checklist item"), _checklist_item, default=None, form="select"),
    TaskField(
        "department",
        _l("Department"),
        _department,
        option="--dept",
        add_help=_l("department name, case-insensitive (e.g. design)"),
        required=True,
        form="select",
    ),
    TaskField("notes", _l("Notes"), form="textarea"),
)
BY_NAME: dict[str, TaskField] = {field.name: field for field in TASK_FIELDS}

# The options' order in `task add --help` and `task set --help`, as scripts'
# authors know it; a field not listed follows in the order above.
_CLI_ORDER = {
    "add": ("department", "title", "due", "owner", "priority", "tags"),
    "set": ("due", "owner", "title", "priority"),
}


def cli_fields(command: Literal["add", "set"]) -> list[TaskField]:
    """The fields `task add` or `task set` takes, in their --help order."""
    taken = [f for f in TASK_FIELDS if f.option and (f.add_help if command == "add" else f.set_help) is not None]
    order = _CLI_ORDER[command]
    return sorted(taken, key=lambda f: order.index(f.name) if f.name in order else len(order))


def read_fields(store: BoardStore, fields: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """What a person typed → the stored values (JSON form); None leaves a
    field out; a problem goes to `errors` under the field's name."""
    values: dict[str, Any] = {}
    for name, raw in fields.items():
        if raw is None:
            continue
        try:
            values[name] = BY_NAME[name].read(store, raw) if name in BY_NAME else str(raw)
        except (InputError, NotFoundError, ValueError) as error:
            errors[name] = str(error).removeprefix(f"{name}: ")
    return values
