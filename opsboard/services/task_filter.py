"""The board filter a user types after `/`: free text plus a `key:value`
word for each field services/task_fields.py declares one for — `owner:NAME`
(`owner:me`: the current user, `--user`), `tag:NAME`, `due:overdue|today|week`
and `p:1` — and their Chinese spellings (`负责人:王 标签:双11 截止:逾期 优先级:1`).
`archived:yes` (`归档:是`) also searches the archive of done tasks, `archived:only`
only it: not a task's field but where to look (services/archived_tasks.py reads
the archive then, and only then).

Pure: a string in, a predicate out (with a cache of each task's text). Terms combine with AND; several values of
one key (`p:1 p:2`, `owner:ana owner:lin`) combine with OR. Anything that is
not a known `key:` is free text, so a title like "10:00 live" still matches.
"""

from __future__ import annotations

import shlex
from collections import UserString
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, cast

from opsboard.i18n import _

from .errors import InputError
from .task_fields import TaskField, filter_fields, searchable_fields

if TYPE_CHECKING:
    from opsboard.model import Task

ARCHIVED_KEYS = ("archived", "归档")
ALL, ONLY = "yes", "only"  # archived: the live tasks and the archived ones, or the archived ones only
ARCHIVED_VALUES = {"yes": ALL, "all": ALL, "是": ALL, "only": ONLY, "仅": ONLY, "no": "", "否": ""}


def filter_help() -> str:
    """The filter box's hint, from the declared keys: 'text, owner:NAME|me, …'."""
    return _(", ").join([_("text"), _("archived:yes|only"), *(str(f.filter.help) for f in filter_fields() if f.filter)])


class _FilterHelp(UserString):
    """filter_help(), read when drawn (after the language is chosen)."""

    def __init__(self, text: object = None) -> None:
        self.text = None if text is None else str(text)  # UserString's methods make one from their result

    @property
    def data(self) -> str:  # type: ignore[override]
        return filter_help() if self.text is None else self.text


FILTER_HELP = cast(str, _FilterHelp())


def filter_words() -> list[tuple[str, str]]:
    """The filter's words as `?` explains them (the Chinese keywords in the
    Chinese interface): free text, then each declared key."""
    words = [(_("words"), _("in the title, owner, tags, notes, comments or id; each must be there"))]
    words += [(str(f.filter.word), str(f.filter.explains)) for f in filter_fields() if f.filter]
    return [*words, (_("archived:yes|only"), _("the archive of done tasks too, or only it"))]  # where to look, last


@dataclass(frozen=True)
class TaskFilter:
    words: tuple[str, ...] = ()  # casefolded free text, each must appear
    terms: tuple[tuple[str, tuple[object, ...]], ...] = ()  # (field name, its values: any may match), in declaration order
    archived: str = ""  # ALL or ONLY: the archive of done tasks is searched too

    @property
    def empty(self) -> bool:
        return not (self.words or self.terms or self.archived)

    def values(self, name: str) -> tuple[object, ...]:
        """The values asked for the field `name` (owner:, tag:, …)."""
        return next((values for field, values in self.terms if field == name), ())

    def matches(self, task: Task, today: date) -> bool:
        return bool(select(self, (task,), today))


_HAYSTACKS: dict[int, tuple[Task, str]] = {}  # id(task) → (task, its text): the store reuses models
_HAYSTACKS_MAX = 100_000


def select(chosen: TaskFilter, tasks: Iterable[Task], today: date) -> list[Task]:
    """The tasks `chosen` matches, in their order: one pass per term instead
    of a call per task (10,000 tasks on every key typed after `/`)."""
    found = list(tasks)
    if chosen.empty:
        return found
    fields = {f.name: f for f in filter_fields()}
    for name, values in chosen.terms:
        test = fields[name].filter_test(values, today)
        found = [t for t in found if test(t)]
    for word in chosen.words:
        text = searchable_text
        found = [t for t in found if word in text(t)]
    return found


def searchable_text(task: Task) -> str:
    """What free text is looked for in: the declared searchable fields (title,
    owner, tags, notes), the blocked reason, the id and the comments,
    casefolded. Remembered per task object (a filter runs over 10,000 tasks
    on every key typed; the store hands out the same unchanged models, and a
    changed task is a new object)."""
    hit = _HAYSTACKS.get(id(task))
    if hit is not None and hit[0] is task:
        return hit[1]
    parts = [*searchable_fields(task), task.blocked_reason, task.id]
    parts += [comment.text for comment in task.comments]
    text = "\n".join(parts).casefold()
    if len(_HAYSTACKS) >= _HAYSTACKS_MAX:
        _HAYSTACKS.clear()
    _HAYSTACKS[id(task)] = (task, text)
    return text


def _split(text: str) -> list[str]:
    """Words, keeping `owner:"Li Wei"` together; an unclosed quote is just text."""
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def _keys() -> dict[str, TaskField]:
    """Each key and its aliases (casefolded) → the field it filters."""
    keys: dict[str, TaskField] = {}
    for field in filter_fields():
        assert field.filter is not None
        for key in (field.filter.key, *field.filter.aliases):
            keys[key.casefold()] = field
    return keys


def parse_filter(text: str, me: str | None = None) -> TaskFilter:
    """`text` → TaskFilter; InputError for a value a key does not take (`due:`, `p:`).
    `me`: who `owner:me` means (the current user); without it, a person called "me"."""
    words: list[str] = []
    keys = _keys()
    values: dict[str, list[object]] = {}
    archived = ""
    for term in _split(text or ""):
        key, sep, value = term.replace("：", ":", 1).partition(":")  # a Chinese IME types the full-width colon
        if sep and value and key.casefold() in ARCHIVED_KEYS:
            if value.casefold() not in ARCHIVED_VALUES:
                raise InputError(_("archived:{value} is not a filter (use archived:yes or archived:only)").format(value=value))
            archived = ARCHIVED_VALUES[value.casefold()]
            continue
        field = keys.get(key.casefold())
        if not sep or field is None or not value:
            words.append(term.casefold())
            continue
        assert field.filter is not None
        values.setdefault(field.name, []).append(field.filter.read(value, me))
    terms = tuple((f.name, tuple(values[f.name])) for f in filter_fields() if f.name in values)
    return TaskFilter(tuple(words), terms, archived)
