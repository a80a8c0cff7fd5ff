"""The daily stand-up's agenda: the departments in the walk's order, and for
each what is done since the last stand-up, doing, blocked, overdue, due, the
checklist items it owns and its target lever's status.

The record of a stand-up (notes, decisions, finishing) is in standup_record.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from weakref import WeakKeyDictionary

from opsboard.export.standup import DepartmentAgenda as DepartmentAgenda
from opsboard.export.standup import agenda_markdown as agenda_markdown
from opsboard.i18n import _, lazy_pgettext
from opsboard.i18n.formats import month_abbr, month_year
from opsboard.logic.rest_of_year import rest_of_year
from opsboard.logic.targets import LEVER_DEPARTMENTS, plan_vs_actual
from opsboard.model import (
    DailyMetric,
    Department,
    ItemStatus,
    Operation,
    OpKind,
    StandupRecord,
    Table,
    TargetPlan,
    Task,
    TaskStatus,
)
from opsboard.model.clock import now as clock_now
from opsboard.model.standup_words import blocked_for as blocked_for  # view 5 words times as the exports do
from opsboard.model.standup_words import clock_text as clock_text
from opsboard.model.standup_words import day_words as day_words
from opsboard.model.standup_words import minutes_text as minutes_text
from opsboard.model.standup_words import since_words as since_words
from opsboard.store import BoardStore

from .activity import readable_entry
from .errors import InputError

ACTIVITY = "activity"  # the store's log of applied operations
DEFAULT_TIMEBOX_SECONDS = 120
TIMEBOX_ENV = "OPSBOARD_STANDUP_MINUTES"  # a team's own default, e.g. 3 or 1.5


def timebox_seconds() -> int:
    """Seconds per department: OPSBOARD_STANDUP_MINUTES, else 2 minutes."""
    try:
        minutes = float(os.environ.get(TIMEBOX_ENV, ""))
    except ValueError:
        return DEFAULT_TIMEBOX_SECONDS
    return int(minutes * 60) if 0 < minutes <= 60 else DEFAULT_TIMEBOX_SECONDS


def parse_minutes(text: str) -> int:
    """A timebox typed by the user ("2", "1.5", "90s") → seconds."""
    raw = text.strip().lower()
    try:
        seconds = float(raw[:-1]) if raw.endswith("s") else float(raw.removesuffix("m")) * 60
    except ValueError:
        raise InputError(_("'{text}' is not a number of minutes (e.g. 2 or 1.5, or 90s)").format(text=text)) from None
    if not 10 <= seconds <= 3600:
        raise InputError(_("a timebox is between 10 seconds and 60 minutes"))
    return int(seconds)


# -- the walk's order ----------------------------------------------------------------


def walk_order(store: BoardStore) -> list[Department]:
    """Departments as the stand-up visits them: `standup_order`, else `order`."""
    return sorted(store.departments(), key=lambda d: (d.order if d.standup_order is None else d.standup_order, d.order))


def move_in_walk(store: BoardStore, department_id: str, step: int) -> list[Department]:
    """Move a department earlier (step -1) or later (+1) in the walk; saved
    for everyone as each department's `standup_order`."""
    order = walk_order(store)
    ids = [d.id for d in order]
    if department_id not in ids:
        raise InputError(_("unknown department '{name}'").format(name=department_id))
    at = ids.index(department_id)
    to = max(0, min(len(ids) - 1, at + step))
    if to == at:
        return order
    ids.insert(to, ids.pop(at))
    return set_walk_order(store, ids)


def set_walk_order(store: BoardStore, department_ids: list[str]) -> list[Department]:
    """The walk in this order (departments left out follow, in their order)."""
    current = walk_order(store)
    known = {d.id: d for d in current}
    unknown = [d for d in department_ids if d not in known]
    if unknown:
        raise InputError(_("unknown department '{name}' (valid: {valid})").format(name=unknown[0], valid=", ".join(known)))
    ids = list(dict.fromkeys(department_ids)) + [d.id for d in current if d.id not in department_ids]
    ops = [
        Operation(
            kind=OpKind.SET,
            table=Table.DEPARTMENTS,
            doc_id=dept_id,
            after={"standup_order": position},
            before={"standup_order": known[dept_id].standup_order},
            label="stand-up order",
        )
        for position, dept_id in enumerate(ids)
        if known[dept_id].standup_order != position
    ]
    store.apply(*ops)
    return walk_order(store)


# -- since the last stand-up -----------------------------------------------------------


@dataclass(frozen=True)
class Since:
    at: datetime
    record: StandupRecord | None  # the stand-up it counts from; None: the previous working day

    @property
    def words(self) -> str:
        return since_words(self.at, self.record is not None)


def previous_working_day(day: date) -> date:
    """The working day (Mon–Fri) before `day`: on a Monday, the Friday."""
    day -= timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def standup_since(store: BoardStore, record: StandupRecord | None = None, *, now: datetime | None = None) -> Since:
    """When the last stand-up before `record` (or before now) finished; with
    none recorded, the start of the previous working day."""
    zone = (now or clock_now()).tzinfo  # times are said where the user is
    reference = record.started_at if record is not None else (now or clock_now())
    finished = [
        r for r in store.standups() if r.finished_at is not None and r.finished_at <= reference and (record is None or r.id != record.id)
    ]
    if finished:
        last = max(finished, key=lambda r: r.finished_at)  # type: ignore[arg-type, return-value]
        return Since(last.finished_at.astimezone(zone), last)  # type: ignore[union-attr]
    local = reference.astimezone(zone)
    start = datetime.combine(previous_working_day(local.date()), time(0), tzinfo=local.tzinfo)
    return Since(start, None)


def done_since(store: BoardStore, since: datetime) -> set[str]:
    """Ids of tasks moved to done since `since`, read from the activity log's
    newest end (with the task's own `done_at` for entries already archived)."""
    moved: set[str] = set()
    for doc in reversed(list(store.raw(ACTIVITY).values())):
        entry = readable_entry(doc)
        if entry is None:
            continue  # a hand-edited entry: `opsboard check` names it; the stand-up goes on without it
        if entry.at < since:
            break
        if entry.table is Table.TASKS and entry.after.get("status") == TaskStatus.DONE.value:
            moved.add(entry.doc_id)
    tasks = store.tasks()
    moved |= {t.id for t in tasks if t.done_at is not None and t.done_at >= since}
    return {t.id for t in tasks if t.id in moved and t.status is TaskStatus.DONE}


# -- each department's part ---------------------------------------------------------------

_LAST = date.max


@dataclass
class _Grouped:
    """A board's tasks as last grouped: by department, its tasks (the store's
    models, which stay the same objects until their document changes), those
    done since the last stand-up, and its groups, sorted; for one day and
    one `since`."""

    counted: tuple[date, datetime]
    tasks: dict[str, tuple[tuple[Task, ...], frozenset[str]]] = field(default_factory=dict)
    groups: dict[str, dict[str, list[Task]]] = field(default_factory=dict)


# Per open board: a redraw after a save groups again only the departments
# whose tasks changed (on the five-year board, 5,400 live tasks in nine
# departments: 6–7 ms each time for all of them).
_grouped: WeakKeyDictionary[BoardStore, _Grouped] = WeakKeyDictionary()


def _department_groups(store: BoardStore, moment: datetime, since: datetime) -> dict[str, dict[str, list[Task]]]:
    """department id → group → its tasks in the agenda's order."""
    day = moment.date()
    week_end = day + timedelta(days=6 - day.weekday())
    done_ids = done_since(store, since)
    grouped = _grouped.get(store)
    if grouped is None or grouped.counted != (day, since):
        grouped = _grouped[store] = _Grouped((day, since))
    by_department: dict[str, list[Task]] = {}
    done_in: dict[str, set[str]] = {}
    for task in store.tasks():
        by_department.setdefault(task.department, []).append(task)
        if task.status is TaskStatus.DONE and task.id in done_ids:
            done_in.setdefault(task.department, set()).add(task.id)
    groups: dict[str, dict[str, list[Task]]] = {}
    tasks: dict[str, tuple[tuple[Task, ...], frozenset[str]]] = {}
    for department, mine in by_department.items():
        tasks[department] = same = (tuple(mine), frozenset(done_in.get(department, ())))
        if grouped.tasks.get(department) == same:  # the same objects: compared by identity first
            groups[department] = grouped.groups[department]
            continue
        found: dict[str, list[Task]] = {}
        for task in same[0]:
            group = _group(task, day, week_end, done_ids, since)
            if group:
                found.setdefault(group, []).append(task)
        groups[department] = {
            "done": sorted(found.get("done", []), key=lambda t: t.done_at or since),
            "blocked": sorted(found.get("blocked", []), key=lambda t: t.blocked_since or moment),
            "overdue": sorted(found.get("overdue", []), key=lambda t: (t.due, t.priority)),
            "doing": sorted(found.get("doing", []), key=lambda t: (t.priority, t.due or _LAST, t.rank)),
            "due_today": sorted(found.get("due_today", []), key=lambda t: (t.priority, t.rank)),
            "due_this_week": sorted(found.get("due_this_week", []), key=lambda t: (t.due, t.priority)),
            "new": sorted(found.get("new", []), key=lambda t: (t.priority, t.rank)),
        }
    grouped.tasks, grouped.groups = tasks, groups
    return groups


def department_agendas(
    store: BoardStore,
    since: datetime,
    *,
    now: datetime | None = None,
    levers: Mapping[str, str] | None = None,
) -> list[DepartmentAgenda]:
    """Every department in the walk's order with its groups of tasks (each
    task in one group: done since, blocked, overdue, doing, due today, due
    this week, new since; the rest of To do waits for its board). The
    groups of a department whose tasks did not change since the last call
    are those of that call."""
    moment = now or clock_now()
    groups = _department_groups(store, moment, since)
    items: dict[str, list[Any]] = {}
    done_items: dict[str, list[Any]] = {}
    for item in store.checklist():
        if item.status is ItemStatus.OPEN:
            items.setdefault(item.department, []).append(item)
        elif item.status is ItemStatus.DONE and item.done_at is not None and item.done_at >= since:
            done_items.setdefault(item.department, []).append(item)
    agendas = []
    for dept in walk_order(store):
        mine = groups.get(dept.id, {})
        agendas.append(
            DepartmentAgenda(
                id=dept.id,
                name=dept.name,
                done=list(mine.get("done", ())),
                blocked=list(mine.get("blocked", ())),
                overdue=list(mine.get("overdue", ())),
                doing=list(mine.get("doing", ())),
                due_today=list(mine.get("due_today", ())),
                due_this_week=list(mine.get("due_this_week", ())),
                new=list(mine.get("new", ())),
                items=sorted(items.get(dept.id, []), key=lambda i: (i.due or _LAST, i.phase.value, i.order, i.code)),
                done_items=sorted(done_items.get(dept.id, []), key=lambda i: i.done_at or since),
                lever=(levers or {}).get(dept.id),
            )
        )
    return agendas


def _group(task: Task, day: date, week_end: date, done_ids: set[str], since: datetime) -> str | None:
    if task.status is TaskStatus.DONE:
        return "done" if task.id in done_ids else None
    if task.status is TaskStatus.BLOCKED:
        return "blocked"
    if task.is_overdue(day):
        return "overdue"
    if task.status is TaskStatus.DOING:
        return "doing"
    if task.due == day:
        return "due_today"
    if task.due is not None and day < task.due <= week_end:
        return "due_this_week"
    if task.created_at is not None and task.created_at >= since:
        return "new"
    return None


# -- the target levers -------------------------------------------------------------------

_LEVER_WORDS = {"traffic": "UV", "conversion": lazy_pgettext("lever", "conversion"), "order_value": lazy_pgettext("lever", "order value")}


def _lever_reading(lever: str, ratio: float, month: str | None) -> str:
    """'UV 8% under plan this month' / 'conversion on plan in Nov 2026'."""
    word = str(_LEVER_WORDS[lever])
    if month is None:
        if abs(ratio) < 0.005:
            return _("{lever} on plan this month").format(lever=word)
        message = _("{lever} {percent}% under plan this month") if ratio < 0 else _("{lever} {percent}% over plan this month")
    else:
        if abs(ratio) < 0.005:
            return _("{lever} on plan in {month}").format(lever=word, month=month)
        message = _("{lever} {percent}% under plan in {month}") if ratio < 0 else _("{lever} {percent}% over plan in {month}")
    return message.format(lever=word, percent=f"{abs(ratio) * 100:.0f}", month=month)


def target_lever_status(store: BoardStore, day: date | None = None) -> dict[str, str]:
    """department id → its lever against plan, e.g. marketing: "UV 8% under
    plan this month" (this month, else the last month with actuals). Empty
    without a plan or actuals."""
    return lever_status(store.plan(), store.actuals(), day or clock_now().date())


def lever_status(plan: TargetPlan | None, metrics: Iterable[DailyMetric], day: date) -> dict[str, str]:
    """As target_lever_status, from the plan and metrics read already. Uses
    pandas: the TUI calls it in a worker thread."""
    metrics = list(metrics)
    if plan is None or not metrics:
        return {}
    try:
        result = plan_vs_actual(plan, metrics)
    except ValueError:  # a plan the breakdown refuses: the targets view says why
        return {}
    if not result.months:
        return {}
    month = next((m for m in result.months if plan.year == day.year and m.month == day.month), result.months[-1])
    when = None if (plan.year, month.month) == (day.year, day.month) else month_year(month.month, plan.year)
    readings = {
        "traffic": (month.actual_uv, month.plan_uv),
        "conversion": (month.actual_conversion, month.plan_conversion),
        "order_value": (month.actual_order_value, month.plan_order_value),
    }
    status: dict[str, str] = {}
    for lever, (actual, planned) in readings.items():
        if actual is None or not planned:
            continue
        text = _lever_reading(lever, actual / planned - 1, when)
        if month.lever == lever:
            still = _still_needed(plan, result)
            if still:
                text = _("{reading} (the lever behind the gap; {rest})").format(reading=text, rest=still)
            else:
                text = _("{reading} (the lever behind the gap)").format(reading=text)
        for dept_id in LEVER_DEPARTMENTS.get(lever, ()):
            status.setdefault(dept_id, text)
    return status


def _still_needed(plan: TargetPlan, result: Any) -> str:
    """'the rest of the year needs ×1.41 each day's target, 73,548 on 11-27;
    at this pace Nov ends at 1,699,793 of 2,250,718' (the remaining gap spread
    by the day curve, the month-end forecast on it); '' when nothing is needed."""
    rest = rest_of_year(plan, result)
    if rest is None or rest.factor is None or rest.still_to_bring <= 0 or not rest.days:
        return ""
    first = rest.days[0]
    current = result.months[-1]
    if current.partial and result.month_end_forecast is not None:  # and how this month ends at its run-rate on the curve
        return _(
            "the rest of the year needs ×{factor} each day's target, {needed} on {day}; at this pace {month} ends at {forecast} of {target}"
        ).format(
            factor=f"{rest.factor:,.2f}",
            needed=f"{first.needed:,.0f}",
            day=f"{first.day:%m-%d}",
            month=month_abbr(current.month),
            forecast=f"{result.month_end_forecast:,.0f}",
            target=f"{current.target:,.0f}",
        )
    return _("the rest of the year needs ×{factor} each day's target, {needed} on {day}").format(
        factor=f"{rest.factor:,.2f}", needed=f"{first.needed:,.0f}", day=f"{first.day:%m-%d}"
    )


# -- the chat agenda (opsboard export --view standup) ----------------------------------


def standup_export(store: BoardStore) -> str:
    """Today's agenda as Markdown, grouped by department in the walk's order."""
    moment = clock_now()
    since = standup_since(store, now=moment)
    agendas = department_agendas(store, since.at, now=moment, levers=target_lever_status(store, moment.date()))
    return agenda_markdown(store.meta().name, moment.date(), moment, since.words, agendas)
