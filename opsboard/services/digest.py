"""The day's agenda: what is overdue, due today, blocked and due this week —
for everyone, or for one person — and the one-line reminder the app shows a
teammate when they open the board.

`opsboard digest` prints it for a script that posts it to chat or mail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from opsboard.i18n import ngettext
from opsboard.model import Table, TaskStatus
from opsboard.model.clock import today
from opsboard.store import BoardStore

from .people import find_person

if TYPE_CHECKING:
    from opsboard.model import Task

WEEK_DAYS = 7  # "due this week": the next seven days, today included (as the filter's due:week)


@dataclass
class Agenda:
    day: date
    user: str | None  # None: the whole team
    overdue: list[Task] = field(default_factory=list)
    due_today: list[Task] = field(default_factory=list)
    blocked: list[Task] = field(default_factory=list)
    due_this_week: list[Task] = field(default_factory=list)  # after today, within the week

    @property
    def sections(self) -> list[tuple[str, list[Task]]]:
        return [("overdue", self.overdue), ("due_today", self.due_today), ("blocked", self.blocked), ("due_this_week", self.due_this_week)]

    @property
    def empty(self) -> bool:
        return not any(tasks for _, tasks in self.sections)


def _owner_keys(store: BoardStore, user: str) -> set[str]:
    """Who `user` is on this board: the name given, and the roster name when
    they gave a display name ("Wang Fang" → wang)."""
    keys = {" ".join(user.split()).casefold()}
    person = find_person(store, user)
    if person is not None:
        keys.add(person.name.casefold())
    return keys


def day_agenda(store: BoardStore, user: str | None = None, day: date | None = None) -> Agenda:
    """The agenda of `day` (default today), of `user`'s tasks when given.
    Each list most urgent first: earliest due, then priority (blocked: the
    longest blocked first)."""
    day = day or today()
    agenda = Agenda(day, user)
    keys = _owner_keys(store, user) if user else None
    week_end = day + timedelta(days=WEEK_DAYS - 1)
    for task in store.tasks():
        if task.status is TaskStatus.DONE or (keys is not None and task.owner.casefold() not in keys):
            continue
        if task.status is TaskStatus.BLOCKED:
            agenda.blocked.append(task)
        if task.due is None:
            continue
        if task.due < day:
            agenda.overdue.append(task)
        elif task.due == day:
            agenda.due_today.append(task)
        elif task.due <= week_end:
            agenda.due_this_week.append(task)
    for _, tasks in agenda.sections:
        tasks.sort(key=lambda t: (t.due or date.max, t.priority, t.title.casefold()))
    # blocked: the longest waiting first
    agenda.blocked.sort(key=lambda t: (t.blocked_since.timestamp() if t.blocked_since else float("inf"), t.priority))
    return agenda


def agenda_json(agenda: Agenda, departments: dict[str, str]) -> dict[str, Any]:
    def row(task: Task) -> dict[str, Any]:
        return {
            "id": task.id,
            "title": task.title,
            "department": task.department,
            "department_name": departments.get(task.department, task.department),
            "status": task.status.value,
            "owner": task.owner,
            "due": task.due.isoformat() if task.due else None,
            "priority": task.priority,
            "blocked_reason": task.blocked_reason,
        }

    return {"date": agenda.day.isoformat(), "user": agenda.user, **{name: [row(t) for t in tasks] for name, tasks in agenda.sections}}


@dataclass(frozen=True)
class Reminder:
    overdue: int
    due_today: int

    @property
    def text(self) -> str | None:
        """ "3 of your tasks are overdue, 2 due today"; None when there is nothing."""
        if self.overdue and self.due_today:
            return ngettext(
                "{n} of your tasks is overdue, {today} due today", "{n} of your tasks are overdue, {today} due today", self.overdue
            ).format(n=self.overdue, today=self.due_today)
        if self.overdue:
            return ngettext("{n} of your tasks is overdue", "{n} of your tasks are overdue", self.overdue).format(n=self.overdue)
        if self.due_today:
            return ngettext("{n} of your tasks is due today", "{n} of your tasks are due today", self.due_today).format(n=self.due_today)
        return None


def opening_reminder(store: BoardStore, user: str, day: date | None = None) -> Reminder:
    """The user's overdue and due-today counts, read from the stored
    documents (no models: it is counted as the app opens, on boards of
    10,000 tasks). A document too broken to read is skipped: the models'
    check reports it."""
    day_text = (day or today()).isoformat()
    keys = _raw_owner_keys(store, user)
    overdue = due_today = 0
    for doc in store.raw(Table.TASKS).values():
        try:
            owner = str(doc.get("owner") or "").casefold()
            if owner not in keys or doc.get("status") == TaskStatus.DONE.value:
                continue
            due = doc.get("due")
        except AttributeError:
            continue
        if not isinstance(due, str) or not due:
            continue
        # ISO dates compare as text
        if due[:10] < day_text:
            overdue += 1
        elif due[:10] == day_text:
            due_today += 1
    return Reminder(overdue, due_today)


def _raw_owner_keys(store: BoardStore, user: str) -> set[str]:
    keys = {" ".join(user.split()).casefold()}
    wanted = next(iter(keys))
    for doc in store.raw(Table.PEOPLE).values():
        if not isinstance(doc, dict):
            continue
        names = {str(doc.get("name") or "").casefold(), " ".join(str(doc.get("display_name") or "").split()).casefold()}
        if wanted in names:
            keys.add(str(doc.get("name") or "").casefold())
    return keys - {""}
