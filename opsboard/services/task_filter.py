"""The board filter a user types after `/`: free text plus `owner:NAME`
(`owner:me`: the current user, `--user`), `tag:NAME`, `due:overdue|today|week` and `p:1`.

Pure: a string in, a predicate out (with a cache of each task's text). Terms combine with AND; several values of
one key (`p:1 p:2`, `owner:ana owner:lin`) combine with OR. Anything that is
not a known `key:` is free text, so a title like "10:00 live" still matches.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from opsboard.i18n import _, _l
from opsboard.model import TaskStatus

from .errors import InputError

if TYPE_CHECKING:
    from opsboard.model import Task

DUE_WORDS = ("overdue", "today", "week")
KEYS = ("owner", "tag", "due", "p")
# Chinese keywords beside the English ones (`负责人:王 标签:双11 截止:逾期 优先级:1`), on any board
KEY_ALIASES = {"负责人": "owner", "标签": "tag", "截止": "due", "优先级": "p", "priority": "p"}
DUE_ALIASES = {"逾期": "overdue", "今天": "today", "本周": "week"}
ME_ALIASES = ("me", "我")
FILTER_HELP = _l("text, owner:NAME|me, tag:NAME, due:overdue|today|week, p:1-4")
# the filter's words as `?` explains them (the Chinese keywords in the Chinese interface)
FILTER_WORDS = (
    (_l("words"), _l("in the title, owner, tags, notes, comments or id; each must be there")),
    (_l("owner:NAME"), _l("whose task; owner:me is yours")),
    (_l("tag:NAME"), _l("tasks with that tag")),
    (_l("due:WHEN"), _l("overdue, today or week")),
    (_l("p:1-4"), _l("priority; p:1 p:2 is either")),
)


@dataclass(frozen=True)
class TaskFilter:
    words: tuple[str, ...] = ()  # casefolded free text, each must appear
    owners: tuple[str, ...] = ()  # casefolded, any may match
    tags: tuple[str, ...] = ()
    due: tuple[str, ...] = ()
    priorities: tuple[int, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.words or self.owners or self.tags or self.due or self.priorities)

    def matches(self, task: Task, today: date) -> bool:
        if self.priorities and task.priority not in self.priorities:
            return False
        if self.owners and task.owner.casefold() not in self.owners:
            return False
        if self.tags and not any(tag.casefold().lstrip("#") in self.tags for tag in task.tags):
            return False
        if self.due and not any(_due_matches(word, task, today) for word in self.due):
            return False
        if self.words:
            haystack = searchable_text(task)
            return all(word in haystack for word in self.words)
        return True


_HAYSTACKS: dict[int, tuple[Task, str]] = {}  # id(task) → (task, its text): the store reuses models
_HAYSTACKS_MAX = 100_000


def select(chosen: TaskFilter, tasks: Iterable[Task], today: date) -> list[Task]:
    """The tasks `chosen` matches, in their order: one pass per term instead
    of a call per task (10,000 tasks on every key typed after `/`)."""
    found = list(tasks)
    if chosen.empty:
        return found
    if chosen.priorities:
        found = [t for t in found if t.priority in chosen.priorities]
    if chosen.owners:
        found = [t for t in found if t.owner.casefold() in chosen.owners]
    if chosen.tags:
        found = [t for t in found if any(tag.casefold().lstrip("#") in chosen.tags for tag in t.tags)]
    if chosen.due:
        due_ok = _due_test(chosen.due, today)
        done = TaskStatus.DONE
        found = [t for t in found if t.due is not None and t.status is not done and due_ok(t.due)]
    for word in chosen.words:
        text = searchable_text
        found = [t for t in found if word in text(t)]
    return found


def searchable_text(task: Task) -> str:
    """What free text is looked for in: title, owner, tags, notes, the blocked
    reason, the id and the comments, casefolded. Remembered per task object (a filter runs
    over 10,000 tasks on every key typed; the store hands out the same
    unchanged models, and a changed task is a new object)."""
    hit = _HAYSTACKS.get(id(task))
    if hit is not None and hit[0] is task:
        return hit[1]
    parts = [task.title, task.owner, " ".join(task.tags), task.notes, task.blocked_reason, task.id]
    parts += [comment.text for comment in task.comments]
    text = "\n".join(parts).casefold()
    if len(_HAYSTACKS) >= _HAYSTACKS_MAX:
        _HAYSTACKS.clear()
    _HAYSTACKS[id(task)] = (task, text)
    return text


def _due_matches(word: str, task: Task, today: date) -> bool:
    if task.due is None or task.status is TaskStatus.DONE:
        return False
    return _due_test((word,), today)(task.due)


def _due_test(words: tuple[str, ...], today: date) -> Callable[[date | None], bool]:
    """date → bool for `due:` words (either may match); done tasks are never due."""
    week_end = today + timedelta(days=6)  # "week": the next 7 days, today included
    overdue, on_day, week = "overdue" in words, "today" in words, "week" in words
    return lambda due: due is not None and ((overdue and due < today) or (on_day and due == today) or (week and today <= due <= week_end))


def _split(text: str) -> list[str]:
    """Words, keeping `owner:"Li Wei"` together; an unclosed quote is just text."""
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


ME = "me"


def parse_filter(text: str, me: str | None = None) -> TaskFilter:
    """`text` → TaskFilter; InputError for a bad `due:` or `p:` value.
    `me`: who `owner:me` means (the current user); without it, a person called "me"."""
    words: list[str] = []
    owners: list[str] = []
    tags: list[str] = []
    due: list[str] = []
    priorities: list[int] = []
    for term in _split(text or ""):
        key, sep, value = term.replace("：", ":", 1).partition(":")  # a Chinese IME types the full-width colon
        key = KEY_ALIASES.get(key.casefold(), key.casefold())
        if not sep or key not in KEYS or not value:
            words.append(term.casefold())
        elif key == "owner":
            owners.append((me if me and value.casefold() in ME_ALIASES else value).casefold())
        elif key == "tag":
            tags.append(value.casefold().lstrip("#"))
        elif key == "due":
            word = DUE_ALIASES.get(value, value.casefold())
            if word not in DUE_WORDS:
                raise InputError(_("due:{value} is not a filter (use due:overdue, due:today or due:week)").format(value=value))
            due.append(word)
        else:
            number = value.upper().removeprefix("P")
            if number not in ("1", "2", "3", "4"):
                raise InputError(_("p:{value} is not a priority (use p:1 to p:4)").format(value=value))
            priorities.append(int(number))
    return TaskFilter(tuple(words), tuple(owners), tuple(tags), tuple(due), tuple(priorities))
