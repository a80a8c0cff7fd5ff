"""The daily stand-up as Markdown: today's agenda, short enough to paste into
the team chat, and the record of a stand-up with its notes and decisions.

The services fill `DepartmentAgenda`; this module only words and escapes it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from opsboard.i18n import _
from opsboard.model import ChecklistItem, StandupRecord, Task
from opsboard.model.labels import phase_title
from opsboard.model.standup_words import GROUP_WORDS, blocked_for, clock_text, day_words, days_late, group_title, minutes_text, no_reason

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


# -- one line per task -------------------------------------------------------------


def _titled(task: Task) -> str:
    """'Shoot photos (chen)' / '拍摄商品图（陈）'."""
    if not task.owner:
        return escape(task.title)
    return _("{title} ({owner})").format(title=escape(task.title), owner=escape(task.owner))


def task_line(group: str, task: Task, today: date, now: datetime) -> str:
    """A list item's text: the group as a bold flag where it needs attention."""
    title = _titled(task)
    if group == "blocked":
        parts = [escape(task.blocked_reason) or no_reason(), _("blocked {duration}").format(duration=blocked_for(task.blocked_since, now))]
        if task.is_overdue(today):
            parts.append(_("**overdue** since {date}").format(date=task.due.isoformat()))  # type: ignore[union-attr]
        return _flagged(group, title, " · ".join(p for p in parts if p))
    if group == "overdue":
        return _flagged(group, title, days_late(task.due, today))  # type: ignore[arg-type]
    if group == "doing" and task.is_due_today(today):
        return _("{group}: {title} — due today").format(group=group_title(group), title=title)
    if group in ("due_today", "doing", "done", "new"):
        return _("{group}: {title}").format(group=group_title(group), title=title)
    return _("Due {date}: {title}").format(date=task.due.isoformat() if task.due else "", title=title)


def _flagged(group: str, title: str, details: str) -> str:
    return _("**{group}:** {title} — {details}").format(group=group_title(group), title=title, details=details)


# In the chat agenda: what needs the team's attention first.
AGENDA_GROUPS = ("blocked", "overdue", "due_today", "doing", "done")


def _group_lines(agenda: DepartmentAgenda, today: date, now: datetime, limit: int) -> list[str]:
    lines: list[str] = []
    for group in AGENDA_GROUPS:
        tasks = list(getattr(agenda, group))
        lines += [f"- {task_line(group, task, today, now)}" for task in tasks[:limit]]
        if len(tasks) > limit:
            more = _("… and {n} more {group}").format(n=len(tasks) - limit, group=GROUP_WORDS[group])
            lines.append(f"- {more}")
        if group == "done":  # checklist items closed since, beside the tasks
            lines += [f"- {_checklist_done(item)}" for item in agenda.done_items]
    return lines


def _checklist_done(item: ChecklistItem) -> str:
    return _("Done: checklist {phase} {code} · {title}").format(
        phase=item.phase.value, phase_title=phase_title(item.phase), code=escape(item.code), title=escape(item.title)
    )


def _department_section(agenda: DepartmentAgenda, today: date, now: datetime, limit: int, level: int = 2) -> list[str]:
    out = [heading(level, escape(agenda.name)), ""]
    if agenda.lever:
        out += [_("Target: {lever}").format(lever=escape(agenda.lever)), ""]
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
    title = _("Stand-up agenda · {board} · {day}").format(board=escape(board_name), day=day_words(today))
    out = [heading(1, title), "", _("Done counts {since}.").format(since=since), ""]
    for agenda in agendas:
        if not agenda.quiet:
            out += _department_section(agenda, today, now, limit)
    quiet = [escape(a.name) for a in agendas if a.quiet]
    if quiet:
        out += [_("Nothing to report: {departments}.").format(departments=_(", ").join(quiet)), ""]
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
        when = _("started {time} · in progress").format(time=f"{started:%H:%M}")
    who = escape(record.run_by) or _("someone")
    if since:
        run_by = _("Run by {who} · {when} · done counts {since}.").format(who=who, when=when, since=since)
    else:
        run_by = _("Run by {who} · {when}.").format(who=who, when=when)
    title = _("Stand-up · {board} · {day}").format(board=escape(board_name), day=day_words(started.date()))
    out = [heading(1, title), "", run_by, ""]
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
        if noted is not None and noted.seconds:  # how long the department took
            name = _("{department} ({time})").format(department=name, time=clock_text(noted.seconds))
        out += [heading(2, name), ""]
        lines = []  # one list: each line says what it is
        if noted is not None:
            decision, note = _("**Decision:** {text}"), _("Note: {text}")
            lines += [
                f"- {decision.format(text=escape(text))}" + (f" — {escape(by)}" if by else "") for text, by in noted.said("decisions")
            ]
            lines += [f"- {note.format(text=escape(text))}" + (f" — {escape(by)}" if by else "") for text, by in noted.said("notes")]
        if agenda is not None:
            if agenda.lever:
                out += [_("Target: {lever}").format(lever=escape(agenda.lever)), ""]
            lines += _group_lines(agenda, now.date(), now, limit)
        if lines:
            out += [*lines, ""]
    if record.decisions:
        out += [heading(2, _("Team decisions")), ""] + [f"- {escape(text)}" for text in record.decisions] + [""]
    return "\n".join(out).rstrip() + "\n"
