"""The daily stand-up as Markdown: today's agenda, short enough to paste into
the team chat, and the record of a stand-up with its notes and decisions.

The services fill `DepartmentAgenda`; this module only words and escapes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from opsboard.i18n import _, ngettext
from opsboard.i18n.formats import day_text
from opsboard.model import ChecklistItem, StandupRecord, Task

from .markdown import escape, heading

GROUP_LIMIT = 8  # lines per group in an export; the rest is counted


@dataclass(frozen=True)
class DepartmentAgenda:
    """One department's part of the stand-up (each task in one group only)."""

    id: str
    name: str
    done: Sequence[Task] = ()  # moved to done since the last stand-up
    blocked: Sequence[Task] = ()  # with their reason and since when
    overdue: Sequence[Task] = ()  # to do or doing, past their due date
    doing: Sequence[Task] = ()  # the rest of Doing
    due_today: Sequence[Task] = ()  # the rest of To do, due today
    due_this_week: Sequence[Task] = ()  # the rest of To do, due by Sunday
    new: Sequence[Task] = ()  # the rest of To do, added since the last stand-up
    items: Sequence[ChecklistItem] = ()  # open checklist items it owns
    done_items: Sequence[ChecklistItem] = ()  # its checklist items marked done since the last stand-up
    lever: str | None = None  # its target lever's status, e.g. "UV 8% under plan this month"

    @property
    def quiet(self) -> bool:
        """Nothing for the chat agenda."""
        return not (self.done or self.done_items or self.blocked or self.overdue or self.doing or self.due_today or self.lever)


# -- words for times ---------------------------------------------------------------


def day_words(day: date) -> str:
    """ "Mon 15 Jun 2026" / "6月15日 周一" (the interface's words whatever the locale)."""
    return day_text(day)


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def since_words(since: datetime, from_record: bool) -> str:
    """What "done since the last stand-up" counts from."""
    if from_record:
        return _("since the stand-up of {day}, {time}").format(day=day_words(since.date()), time=f"{since:%H:%M}")
    return _("since {day} (no earlier stand-up recorded)").format(day=day_words(since.date()))


def blocked_for(since: datetime | None, now: datetime) -> str:
    """How long a task has been blocked: "3 days", "5 h", "20 min"."""
    if since is None:
        return ""
    seconds = max(0.0, (now - since).total_seconds())
    if seconds >= 86400:
        days = int(seconds // 86400)
        return ngettext("{n} day", "{n} days", days).format(n=days)
    if seconds >= 3600:
        return _("{n} h").format(n=int(seconds // 3600))
    if seconds >= 60:
        return _("{n} min").format(n=int(seconds // 60))
    return _("just now")


def clock_text(seconds: float) -> str:
    """A timer reading: 125 → "2:05"; an hour or more: "1:02:05"."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def minutes_text(seconds: float) -> str:
    minutes = round(seconds / 60)
    return _("under a minute") if minutes < 1 else _("{n} min").format(n=minutes)


# -- one line per task -------------------------------------------------------------


def _who(task: Task) -> str:
    return f" ({escape(task.owner)})" if task.owner else ""


def task_line(group: str, task: Task, today: date, now: datetime) -> str:
    """A list item's text: the group as a bold flag where it needs attention."""
    title = escape(task.title) + _who(task)
    if group == "blocked":
        parts = [escape(task.blocked_reason) or "no reason given", f"blocked {blocked_for(task.blocked_since, now)}"]
        if task.is_overdue(today):
            parts.append(f"**overdue** since {task.due.isoformat()}")  # type: ignore[union-attr]
        return f"**Blocked:** {title} — " + " · ".join(p for p in parts if p)
    if group == "overdue":
        late = (today - task.due).days  # type: ignore[operator]
        return f"**Overdue:** {title} — due {task.due.isoformat()}, {late} day{'s' if late != 1 else ''} late"  # type: ignore[union-attr]
    if group == "due_today":
        return f"Due today: {title}"
    if group == "doing":
        return f"Doing: {title}" + (" — due today" if task.is_due_today(today) else "")
    if group == "done":
        return f"Done: {title}"
    if group == "new":
        return f"New: {title}"
    return f"Due {task.due.isoformat() if task.due else ''}: {title}"


# In the chat agenda: what needs the team's attention first.
AGENDA_GROUPS = ("blocked", "overdue", "due_today", "doing", "done")


def _group_lines(agenda: DepartmentAgenda, today: date, now: datetime, limit: int) -> list[str]:
    lines: list[str] = []
    for group in AGENDA_GROUPS:
        tasks = list(getattr(agenda, group))
        lines += [f"- {task_line(group, task, today, now)}" for task in tasks[:limit]]
        if len(tasks) > limit:
            lines.append(f"- … and {len(tasks) - limit} more {_GROUP_WORDS[group]}")
        if group == "done":  # checklist items closed since, beside the tasks
            lines += [f"- Done: checklist {escape(f'{i.phase.value} {i.code} · {i.title}')}" for i in agenda.done_items]
    return lines


_GROUP_WORDS = {"blocked": "blocked", "overdue": "overdue", "due_today": "due today", "doing": "in progress", "done": "done"}


def _department_section(agenda: DepartmentAgenda, today: date, now: datetime, limit: int, level: int = 2) -> list[str]:
    out = [heading(level, escape(agenda.name)), ""]
    if agenda.lever:
        out += [f"Target: {escape(agenda.lever)}", ""]
    lines = _group_lines(agenda, today, now, limit)
    if lines:
        out += [*lines, ""]
    return out


def agenda_markdown(
    board_name: str,
    today: date,
    now: datetime,
    since: str,
    agendas: Sequence[DepartmentAgenda],
    limit: int = GROUP_LIMIT,
) -> str:
    """Today's agenda: a section per department with something to say, in
    the walk's order; the quiet ones named on one line at the end."""
    out = [heading(1, f"Stand-up agenda · {escape(board_name)} · {day_words(today)}"), "", f"Done counts {since}.", ""]
    for agenda in agendas:
        if not agenda.quiet:
            out += _department_section(agenda, today, now, limit)
    quiet = [escape(a.name) for a in agendas if a.quiet]
    if quiet:
        out += [f"Nothing to report: {', '.join(quiet)}.", ""]
    return "\n".join(out).rstrip() + "\n"


def record_markdown(
    board_name: str,
    record: StandupRecord,
    names: Mapping[str, str],
    *,
    now: datetime,
    since: str = "",
    agendas: Sequence[DepartmentAgenda] = (),
    limit: int = GROUP_LIMIT,
) -> str:
    """A stand-up as it was run: who, when, how long, each department's
    notes, decisions and time; with `agendas` (today's stand-up) also what
    each board showed."""
    started = record.started_at.astimezone(now.tzinfo)  # in the reader's time zone
    if record.finished_at:
        finished = record.finished_at.astimezone(now.tzinfo)
        when = f"{started:%H:%M}–{finished:%H:%M} · {minutes_text(record.duration_seconds)}"
    else:
        when = f"started {started:%H:%M} · in progress"
    out = [
        heading(1, f"Stand-up · {escape(board_name)} · {day_words(started.date())}"),
        "",
        f"Run by {escape(record.run_by) or 'someone'} · {when}" + (f" · done counts {since}" if since else "") + ".",
        "",
    ]
    notes = {d.id: d for d in record.departments}
    order = [a.id for a in agendas] or list(names)
    order += [dept_id for dept_id in notes if dept_id not in order]
    by_id = {a.id: a for a in agendas}
    for dept_id in order:
        noted, agenda = notes.get(dept_id), by_id.get(dept_id)
        said = noted is not None and (noted.notes or noted.decisions)
        if not said and (agenda is None or agenda.quiet):
            continue
        name = escape(names.get(dept_id, dept_id))
        spent = f" ({clock_text(noted.seconds)})" if noted is not None and noted.seconds else ""
        out += [heading(2, name + spent), ""]
        lines = []  # one list: each line says what it is
        if noted is not None:
            lines += [f"- **Decision:** {escape(text)}" + (f" — {escape(by)}" if by else "") for text, by in noted.said("decisions")]
            lines += [f"- Note: {escape(text)}" + (f" — {escape(by)}" if by else "") for text, by in noted.said("notes")]
        if agenda is not None:
            if agenda.lever:
                out += [f"Target: {escape(agenda.lever)}", ""]
            lines += _group_lines(agenda, now.date(), now, limit)
        if lines:
            out += [*lines, ""]
    if record.decisions:
        out += [heading(2, "Team decisions"), ""] + [f"- {escape(text)}" for text in record.decisions] + [""]
    return "\n".join(out).rstrip() + "\n"
