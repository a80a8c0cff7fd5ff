"""A task's editable fields, declared once; each front end is built from this.

- the services read what a person typed with `read` (services/tasks.py),
- `task add` and `task set` get their options (commands/tasks.py),
- the card form gets its inputs (tui/modals/task_form.py),
- the details panel its rows (`details_rows`, tui/modals/task_details.py),
- the boards' export its table columns (`export_columns`, services/task_board.py),
- the filter after `/` its `key:` words and its free text (services/task_filter.py),
- `task list --json` has every field of the model (commands/tasks.py).

Adding a field: the model field (model/task.py) and one `TaskField` here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, cast

from opsboard import model as models  # pydantic loads on first use, not with this module
from opsboard.i18n import LANGUAGES, _, _l, pgettext, pgettext_in
from opsboard.model import TaskStatus
from opsboard.store import NotFoundError

from .departments import resolve_department
from .errors import InputError
from .parsing import parse_date

if TYPE_CHECKING:
    from pydantic import TypeAdapter

    from opsboard.model import Task
    from opsboard.store import BoardStore

FormInput = Literal["input", "select", "textarea"]
EVERY_COLUMN = frozenset(TaskStatus)
OPEN_COLUMNS = frozenset({TaskStatus.TODO, TaskStatus.DOING})


def _plain(store: BoardStore, raw: object) -> object:
    return str(raw)  # free text: the model cleans it


def _title(store: BoardStore, raw: object) -> object:
    title = " ".join(str(raw).split())
    if not title:
        raise InputError(_("a task needs a title"))
    return title


def _due(store: BoardStore, raw: object) -> object:
    due = raw if isinstance(raw, date) else parse_date(str(raw), field="")
    return due.isoformat() if due else None


def read_priority(store: BoardStore | None, raw: object) -> int:
    from opsboard.model.task import parse_priority  # pydantic: loaded when a priority is read, not with every task command

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
class TaskContext:
    """What showing a task's fields needs beyond the task: the day (overdue?)
    and the names behind its ids."""

    today: date
    departments: Mapping[str, str] = field(default_factory=dict)  # department id → name
    items: Mapping[str, str] = field(default_factory=dict)  # checklist item id → its code and title


@dataclass(frozen=True)
class FilterKey:
    """The field's `key:value` word in the filter typed after `/`."""

    key: str  # `owner` in `owner:lin`
    help: str  # its part of the filter box's hint: `owner:NAME|me`
    word: str  # as `?` spells it (`owner:NAME`) …
    explains: str  # … and what it finds
    aliases: tuple[str, ...] = ()  # other spellings (`负责人`), on any board
    # the typed value (and who `me` is) → the value matched; InputError when it is not one
    read: Callable[[str, str | None], object] = lambda value, me: value.casefold()
    # the values asked for (any may match) and the day → which tasks match; default: the field's text is one of them
    test: Callable[[tuple[object, ...], date], Callable[[Task], bool]] | None = None


def _due_text(task: Task, seen: TaskContext) -> str:
    if task.due is None:
        return ""
    if task.is_overdue(seen.today):
        return _("{date} (overdue)").format(date=task.due.isoformat())
    if task.is_due_today(seen.today):
        return _("{date} (today)").format(date=task.due.isoformat())
    return task.due.isoformat()


def _due_markdown(task: Task, seen: TaskContext) -> str:
    """As _due_text, the warning in bold (an ISO date needs no escaping)."""
    if task.due is None:
        return ""
    if task.is_overdue(seen.today):
        return _("{date} **(overdue)**").format(date=task.due.isoformat())
    if task.is_due_today(seen.today):
        return _("{date} **(today)**").format(date=task.due.isoformat())
    return task.due.isoformat()


ME_ALIASES = ("me", "我")
DUE_WORDS = ("overdue", "today", "week")
DUE_ALIASES = {"逾期": "overdue", "今天": "today", "本周": "week"}


def _owner_value(value: str, me: str | None) -> object:
    return (me if me and value.casefold() in ME_ALIASES else value).casefold()


def gap_task_tag() -> str:
    """The tag the app puts on a gap task (view 3's `t`), in the interface's
    language: 'target', '目标' — a Chinese lead reads and types 目标."""
    return pgettext("task tag", "target")


@cache
def _tag_synonyms() -> dict[str, str]:
    """Tags the app writes, in every language → one key: `tag:target` and
    `标签:目标` find a gap task whichever interface made it."""
    words = {pgettext_in(language, "task tag", "target").casefold() for language in LANGUAGES}
    return dict.fromkeys(words, "target")


def tag_key(tag: str) -> str:
    """A tag as the filter compares it: any case, no '#', the app's tags in either language as one."""
    key = tag.casefold().lstrip("#")
    return _tag_synonyms().get(key, key)


def tag_has_synonyms(tag: str) -> bool:
    """Whether a tag is one the app writes, so may be stored in another language."""
    return tag_key(tag) in _tag_synonyms().values()


def _tag_value(value: str, me: str | None) -> object:
    return tag_key(value)


def _due_value(value: str, me: str | None) -> object:
    word = DUE_ALIASES.get(value, value.casefold())
    if word not in DUE_WORDS:
        raise InputError(_("due:{value} is not a filter (use due:overdue, due:today or due:week)").format(value=value))
    return word


def _priority_value(value: str, me: str | None) -> object:
    number = value.upper().removeprefix("P")
    if number not in ("1", "2", "3", "4"):
        raise InputError(_("p:{value} is not a priority (use p:1 to p:4)").format(value=value))
    return int(number)


def due_test(words: tuple[object, ...], today: date) -> Callable[[date | None], bool]:
    """date → bool for `due:` words (either may match)."""
    week_end = today + timedelta(days=6)  # "week": the next 7 days, today included
    overdue, on_day, week = "overdue" in words, "today" in words, "week" in words
    return lambda due: due is not None and ((overdue and due < today) or (on_day and due == today) or (week and today <= due <= week_end))


def _due_filter(words: tuple[object, ...], today: date) -> Callable[[Task], bool]:
    """Done tasks are never due."""
    due_ok, done = due_test(words, today), TaskStatus.DONE
    return lambda task: task.due is not None and task.status is not done and due_ok(task.due)


def _owner_filter(owners: tuple[object, ...], today: date) -> Callable[[Task], bool]:
    return lambda task: task.owner.casefold() in owners


def _tag_filter(tags: tuple[object, ...], today: date) -> Callable[[Task], bool]:
    return lambda task: any(tag_key(tag) in tags for tag in task.tags)


def _priority_filter(priorities: tuple[object, ...], today: date) -> Callable[[Task], bool]:
    return lambda task: task.priority in priorities


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
    accepts: str = ""  # what a value may be, for the message when a value is refused
    details: str | None = None  # its label in the details panel (None: not a row there)
    column: str | None = None  # its heading in the boards' export table (None: no column)
    columns: frozenset[TaskStatus] = EVERY_COLUMN  # the board columns whose export table shows it
    shown: Callable[[Task, TaskContext], str] | None = None  # the value as a person reads it (default: the form's text)
    markdown: Callable[[Task, TaskContext], str] | None = None  # the export's cell when it is not the escaped text
    search: bool = False  # free text typed after `/` is looked for in it
    filter: FilterKey | None = None  # its `key:value` word in the filter

    def text(self, task: Task) -> str:
        return (self.form_text or _text_of(self.name))(task)

    def show(self, task: Task, seen: TaskContext) -> str:
        return self.shown(task, seen) if self.shown else self.text(task)

    def filter_test(self, values: tuple[object, ...], today: date) -> Callable[[Task], bool]:
        """Which tasks the filter's values for this field let through."""
        assert self.filter is not None
        if self.filter.test is not None:
            return self.filter.test(values, today)
        return lambda task: self.text(task).casefold() in values


# In the card form's order (the details panel and the export table follow it).
TASK_FIELDS: tuple[TaskField, ...] = (
    TaskField(
        "title",
        _l("Title"),
        _title,
        option="--title",
        add_help=_l("the task's title"),
        set_help=_l("the task's title"),
        required=True,
        accepts=_l("a line of text"),
        column=_l("Task"),
        search=True,
    ),
    TaskField(
        "owner",
        _l("Owner"),
        option="--owner",
        add_help=_l("who does it"),
        set_help=_l("who does it"),
        accepts=_l("a name"),
        details=_l("Owner"),
        column=_l("Owner"),
        search=True,
        filter=FilterKey(
            "owner", _l("owner:NAME|me"), _l("owner:NAME"), _l("whose task; owner:me is yours"), ("负责人",), _owner_value, _owner_filter
        ),
    ),
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
        accepts=_l("a date: YYYY-MM-DD, 12-1, tomorrow, +3d"),
        details=_l("Due"),
        column=_l("Due"),
        columns=EVERY_COLUMN - {TaskStatus.DONE},
        shown=_due_text,
        markdown=_due_markdown,
        filter=FilterKey(
            "due", _l("due:overdue|today|week"), _l("due:WHEN"), _l("overdue, today or week"), ("截止",), _due_value, _due_filter
        ),
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
        accepts=_l("1-4 or P1-P4, 1 highest"),
        details=_l("Priority"),
        column=_l("Priority"),
        shown=lambda task, seen: f"P{task.priority}",
        filter=FilterKey(
            "p", _l("p:1-4"), _l("p:1-4"), _l("priority; p:1 p:2 is either"), ("优先级", "priority"), _priority_value, _priority_filter
        ),
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
        accepts=_l("words separated by commas"),
        details=_l("Tags"),
        column=_l("Tags"),
        columns=EVERY_COLUMN - {TaskStatus.BLOCKED},
        search=True,
        filter=FilterKey("tag", _l("tag:NAME"), _l("tag:NAME"), _l("tasks with that tag"), ("标签",), _tag_value, _tag_filter),
    ),
    TaskField(
        "checklist_item",
        _l("Serves checklist item"),
        _checklist_item,
        default=None,
        form="select",
        accepts=_l("a checklist item's id"),
        details=_l("Checklist"),
        column=_l("Checklist item"),
        columns=OPEN_COLUMNS,
        shown=lambda task, seen: seen.items.get(task.checklist_item, task.checklist_item) if task.checklist_item else "",
    ),
    TaskField(
        "department",
        _l("Department"),
        _department,
        option="--dept",
        add_help=_l("department name, case-insensitive (e.g. design)"),
        required=True,
        form="select",
        accepts=_l("a department's name"),
        details=_l("Department"),
        shown=lambda task, seen: seen.departments.get(task.department, task.department),
    ),
    TaskField("notes", _l("Notes"), form="textarea", accepts=_l("any text"), search=True),  # shown whole under the details
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
    field out; a problem goes to `errors` under the field's name, as one line
    saying what is accepted (never Python's own words, e.g. int()'s)."""
    values: dict[str, Any] = {}
    for name, raw in fields.items():
        if raw is None:
            continue
        declared = BY_NAME.get(name)
        if declared is None:
            values[name] = str(raw)
            continue
        try:
            value = declared.read(store, raw)
            _model_field(name).validate_python(value)
        except (InputError, NotFoundError) as error:
            errors[name] = str(error).removeprefix(f"{name}: ")
        except ValueError:  # the read or the model refused it (pydantic's ValidationError is one)
            errors[name] = refused(declared, raw)
        else:
            values[name] = value
    return values


def refused(declared: TaskField, raw: object) -> str:
    """The one line for a value a field does not take."""
    return _("'{value}' is not accepted: {accepts}").format(value=raw, accepts=declared.accepts)


@cache
def _model_field(name: str) -> TypeAdapter[Any]:
    """The task model's check of one field, to refuse a value before it is saved."""
    from pydantic import TypeAdapter  # pydantic: not before the first frame

    info = models.Task.model_fields[name]
    annotation: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(annotation)


def details_rows(task: Task, seen: TaskContext) -> list[tuple[str, str]]:
    """(label, value) for each declared field the details panel shows, in the
    declaration's order; an empty value reads "—"."""
    return [(str(f.details), f.show(task, seen) or "—") for f in TASK_FIELDS if f.details is not None]


def searchable_fields(task: Task) -> list[str]:
    """The text of each field free text is looked for in."""
    return [f.text(task) for f in TASK_FIELDS if f.search]


def filter_fields() -> list[TaskField]:
    return [f for f in TASK_FIELDS if f.filter is not None]
