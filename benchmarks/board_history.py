"""Five years of a team's use of a board, for `make_board.py --history`.

The board a lead has after five years is not one written at once: its
activity log is full (the board keeps the last 5,000 entries; older ones are
in `BOARD.activity.jsonl`), tasks carry comment threads, there is a stand-up
record for every working day, a target plan with campaigns, and years of
daily metrics imported from the back office. This writes such a board:

- five years of daily metrics (one import a year) and stand-up records (one
  save a year), then the tasks (`make_board.task_docs`) in one save;
- the last WINDOW_DAYS days replayed change by change through the services
  the app calls (add, move, edit, comment, mark done, tick checklist items,
  stand-ups with notes, campaigns, a weekly import), each at its moment in
  the story (OPSBOARD_NOW), so the log's entries are the app's own.

Thousands of saves of a 40 MB board would take an hour: the saves are held
in memory (`held_saves`) and the board is written once, by the last change.
The board's archive is left to its first real save (`archive_elsewhere`
while the story is written), as `--done` boards are.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "sample_data"
for folder in (HERE.parent, SAMPLE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from opsboard.model import Operation, OpKind, Person, StandupRecord, Table, TargetPlan, TaskStatus
from opsboard.model.clock import now
from opsboard.model.standup import DepartmentNotes
from opsboard.services import campaigns, checklists, comments, standup_record, tasks
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore

YEARS = 5
WINDOW_DAYS = 63  # the log's last weeks: about 6,000 changes, 5,000 kept in the board, the rest in its archive
LEAD = "lin"
ADDED_PER_DAY = 14  # new cards on a working day
MARKED_DONE_PER_DAY = 22
MOVES_PER_DAY = 45
EDITS_PER_DAY = 18
COMMENTS_PER_DAY = 26
COMMENTS = (
    "Supplier confirmed the new date, moving it to next week",
    "Photos are in the shared folder, please check the colours",
    "Budget approved by finance this morning",
    "Can we split this into two cards? The banner and the detail page are separate",
    "Blocked on the marketplace's reply, chased again today",
    "Done on Tmall, JD still to do",
    "这个需要和设计部确认一下尺寸",
    "Numbers look off for Douyin — @liu can you check the import?",
    "Customer service asked for quick replies before the weekend",
    "Moved the deadline: the campaign dates changed",
)
NOTES = (
    "On track for the weekend push",
    "Waiting for the supplier's samples",
    "Two people off sick, peak staffing at risk",
    "Detail pages for the spring range done",
    "Ad spend 8 % over plan this week",
    "Returns rate back to normal after the sale",
    "New reseller signed in Hangzhou",
)
DECISIONS = ("Hold the price until Double 11", "Move two agents to the night shift", "Drop the kids' line banner")
BLOCKED = ("budget not approved", "waiting for the supplier's quote", "design department at capacity")


@contextmanager
def frozen_clock() -> Iterator[Callable[[datetime], None]]:
    """`freeze(moment)`: every timestamp written from then on is `moment`."""
    before = os.environ.get("OPSBOARD_NOW")

    def freeze(moment: datetime) -> None:
        os.environ["OPSBOARD_NOW"] = moment.isoformat()

    try:
        yield freeze
    finally:
        if before is None:
            os.environ.pop("OPSBOARD_NOW", None)
        else:
            os.environ["OPSBOARD_NOW"] = before


@contextmanager
def held_saves(store: BoardStore) -> Iterator[Callable[[], None]]:
    """Each save stays in memory (the store applies, logs, validates and
    archives the activity log as usual, but does not write the board);
    `release()` lets the next save write the board, all of it, once."""
    storage = store._storage
    save = storage.save
    storage.save = lambda: None  # type: ignore[method-assign]

    def release() -> None:
        storage.save = save  # type: ignore[method-assign]

    try:
        yield release
    finally:
        release()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def base_plan(year: int) -> TargetPlan:
    """The demo's plan (sample_data/make_sample.py), for `year`, without campaigns."""
    from make_sample import target_plan

    return target_plan().model_copy(update={"year": year, "campaigns": [], "notes": ""})


def metrics_import(plan: TargetPlan, first: date, last: date, source: str) -> Operation:
    """Store metrics of `first`..`last` as the import dialog saves them."""
    from demo_metrics import daily_metrics

    docs = [{**metric.to_doc(), "id": metric.id} for metric in daily_metrics(plan, first, last)]
    return Operation(
        kind=OpKind.REPLACE,
        table=Table.ACTUALS,
        docs=docs,
        summary=f"imported {len(docs)} days of store metrics from {source}",
        label="import",
    )


def standup_records(first: date, last: date, departments: list[str], rng: random.Random) -> Operation:
    """A finished stand-up on every working day of `first`..`last`, notes for a few departments."""
    records = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            said = rng.sample(departments, 3)
            notes = [
                DepartmentNotes(id=dept, notes=[rng.choice(NOTES)], notes_by=[LEAD], seconds=float(rng.randint(30, 150))) for dept in said
            ]
            started = at(day, 9, 30)
            records.append(
                StandupRecord(
                    id=f"su-{day.isoformat()}",
                    started_at=started,
                    finished_at=started + timedelta(minutes=rng.randint(9, 16)),
                    run_by=LEAD,
                    departments=notes,
                    decisions=[rng.choice(DECISIONS)] if rng.random() < 0.2 else [],
                ).to_doc()
            )
        day += timedelta(days=1)
    return Operation(kind=OpKind.REPLACE, table=Table.STANDUPS, docs=records, summary=f"{len(records)} stand-ups", label="import")


def make_history_board(path: Path, task_docs: Callable[..., list[dict]], count: int, *, seed: int = 7, done: int | None = None) -> Path:
    from make_board import OWNERS

    rng = random.Random(seed)
    today = now()
    first_day = (today - timedelta(days=YEARS * 365)).date()
    window = (today - timedelta(days=WINDOW_DAYS)).date()
    days = [window + timedelta(days=n) for n in range(WINDOW_DAYS)]
    # cards the story adds (on a small board fewer, so the done ones fit); the rest are written at once
    added = min(sum(round(ADDED_PER_DAY * _scale(day)) for day in days), (count - (done or 0)) // 2)
    with frozen_clock() as freeze:
        freeze(at(first_day, 9))
        store = init_board(path, user=LEAD, name=f"Benchmark board ({count:,} tasks, five years)", year=today.year)
        store.archive_elsewhere = True  # no task moves to the archive while the story is written
        departments = [d.id for d in store.departments()]
        with held_saves(store) as release:
            store.apply(
                *[
                    Operation(
                        kind=OpKind.ADD,
                        table=Table.PEOPLE,
                        doc_id=f"p-{name}",
                        after=Person(id=f"p-{name}", name=name, display_name=name.title(), department=dept).to_doc(),
                        label="add",
                    )
                    for dept, names in OWNERS.items()
                    for name in names
                ]
            )
            # the years before the window: an import of metrics and the stand-ups, once a year
            for year in range(first_day.year, window.year + 1):
                first, last = max(first_day, date(year, 1, 1)), min(window - timedelta(days=1), date(year, 12, 31))
                if first > last:
                    continue
                freeze(at(last, 18))
                store.user = "liu"
                store.apply(metrics_import(base_plan(year), first, last, f"metrics_{year}.csv"))
                store.user = LEAD
                store.apply(standup_records(first, last, departments, rng))
            freeze(at(window - timedelta(days=1), 18))
            if window.year == today.year:
                store.apply(
                    Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id="plan", after=base_plan(today.year).to_doc(), label="add")
                )
            docs = task_docs(count - added, [item.id for item in store.checklist()], seed, done)
            to_mark_done = _held_open(docs, rng, MARKED_DONE_PER_DAY * WINDOW_DAYS * 5 // 7)
            store.apply(Operation(kind=OpKind.REPLACE, table=Table.TASKS, docs=docs, summary=f"{len(docs)} tasks", label="import"))
            story = Story(store, rng, docs, to_mark_done, departments, added)
            changes = [change for day in days for change in story.day(day, today)]
            changes.sort(key=lambda change: change[0])
            for n, (moment, who, change) in enumerate(changes):
                if n == len(changes) - 1:
                    release()  # the last change writes the board
                freeze(moment)
                store.user = who
                change()
    return path


def _scale(day: date) -> float:
    """A weekend day sees an eighth of a working day's changes."""
    return 1.0 if day.weekday() < 5 else 0.12


def _held_open(docs: list[dict], rng: random.Random, count: int) -> list[str]:
    """Done tasks the story marks done in the window: on the board before it, as Doing."""
    done = [doc for doc in docs if doc["status"] == TaskStatus.DONE.value]
    chosen = rng.sample(done, min(count, len(done)))
    for doc in chosen:
        doc.update(status=TaskStatus.DOING.value, done_at=None)
    return [str(doc["id"]) for doc in chosen]


class Story:
    """The window's changes, day by day: (moment, who, change) each."""

    def __init__(self, store: BoardStore, rng: random.Random, docs: list[dict], to_mark_done: list[str], departments: list[str], adds: int):
        from make_board import OWNERS, SUBJECTS, WORK

        self.store, self.rng, self.departments = store, rng, departments
        self.owners, self.work, self.subjects = OWNERS, WORK, SUBJECTS
        self.to_mark_done = list(to_mark_done)
        self.open = [str(doc["id"]) for doc in docs if doc["status"] != TaskStatus.DONE.value and doc["id"] not in set(to_mark_done)]
        self.items = [item.id for item in store.checklist()]
        self.campaigns = ["年货节", "38节", "618", "99划算节", "双11", "双12"]
        self.standup = ""
        self.adds = adds  # cards it may add

    def _who(self, department: str | None = None) -> str:
        return self.rng.choice(self.owners[department or self.rng.choice(list(self.owners))])

    def day(self, day: date, today: datetime) -> list[tuple[datetime, str, Callable[[], object]]]:
        rng = self.rng
        working = day.weekday() < 5
        scale = _scale(day)

        def moment() -> datetime:
            stamp = at(day, rng.randint(10, 18), rng.randint(0, 59)) + timedelta(seconds=rng.randint(0, 59))
            return min(stamp, today - timedelta(minutes=1))

        changes: list[tuple[datetime, str, Callable[[], object]]] = []
        if working:
            changes += self._standup(day)
            if day.weekday() == 0:  # Monday: last week's metrics from the back office
                plan = base_plan(day.year)
                op = metrics_import(plan, day - timedelta(days=7), day - timedelta(days=1), f"week_{day.isoformat()}.csv")
                changes.append((at(day, 9, 5), "liu", lambda op=op: self.store.apply(op)))
            if self.campaigns and rng.random() < 0.1 and self.store.raw(Table.TARGETS).get("plan"):
                preset = self.campaigns.pop(0)
                changes.append(
                    (moment(), LEAD, lambda preset=preset: _try(campaigns.add_campaign, self.store, preset=preset, confirmed=True))
                )
        for _ in range(round(ADDED_PER_DAY * scale)):
            dept = rng.choice(list(self.owners))
            title = f"{rng.choice(self.work[dept])} {rng.choice(self.subjects)}"
            changes.append((moment(), self._who("operations"), lambda d=dept, t=title: self._add(d, t)))
        for _ in range(round(MARKED_DONE_PER_DAY * scale)):
            if self.to_mark_done:
                task_id = self.to_mark_done.pop()
                changes.append((moment(), self._who(), lambda t=task_id: tasks.update_task(self.store, t, status="done")))
        for _ in range(round(MOVES_PER_DAY * scale)):
            changes.append((moment(), self._who(), self._move))
        for _ in range(round(EDITS_PER_DAY * scale)):
            changes.append((moment(), self._who(), self._edit))
        for _ in range(round(COMMENTS_PER_DAY * scale)):
            text = rng.choice(COMMENTS)
            changes.append((moment(), self._who(), lambda text=text: comments.add_comment(self.store, self._some_open(), text)))
        if working and rng.random() < 0.6:
            item = rng.choice(self.items)
            changes.append((moment(), LEAD, lambda item=item: checklists.toggle_item(self.store, item)))
        return changes

    def _standup(self, day: date) -> list[tuple[datetime, str, Callable[[], object]]]:
        started = at(day, 9, 30)

        def start() -> None:
            self.standup = standup_record.start_standup(self.store).id

        changes: list[tuple[datetime, str, Callable[[], object]]] = [(started, LEAD, start)]
        for n, dept in enumerate(self.rng.sample(self.departments, 4), start=1):
            text = self.rng.choice(NOTES)
            changes.append(
                (started + timedelta(minutes=n), LEAD, lambda d=dept, t=text: standup_record.add_note(self.store, self.standup, d, t))
            )
        seconds = {dept: float(self.rng.randint(30, 120)) for dept in self.rng.sample(self.departments, 5)}
        changes.append(
            (started + timedelta(minutes=12), LEAD, lambda: standup_record.finish_standup(self.store, self.standup, seconds=seconds))
        )
        return changes

    def _some_open(self) -> str:
        return self.rng.choice(self.open)

    def _add(self, department: str, title: str) -> None:
        if self.adds <= 0:
            return
        self.adds -= 1
        owner = self._who(department)
        task = tasks.add_task(self.store, department=department, title=title, owner=owner, priority=self.rng.choice((2, 3, 3, 4)))
        self.open.append(task.id)

    def _move(self) -> None:
        task = tasks.find_task(self.store, self._some_open())
        step = -1 if task.status is TaskStatus.BLOCKED else 1
        if task.status is TaskStatus.DOING and self.rng.random() < 0.7:
            step = -1  # back to To do; Blocked (next) needs a reason
        reason = self.rng.choice(BLOCKED) if task.status is TaskStatus.DOING and step == 1 else None
        tasks.move_task(self.store, task.id, step, reason=reason)

    def _edit(self) -> None:
        task_id = self._some_open()
        kind = self.rng.random()
        if kind < 0.4:
            tasks.edit_task(self.store, task_id, owner=self._who())
        elif kind < 0.7:
            tasks.edit_task(self.store, task_id, priority=self.rng.randint(1, 4))
        else:
            due = (now() + timedelta(days=self.rng.randint(1, 30))).date().isoformat()
            tasks.edit_task(self.store, task_id, due=due)


def _try(change: Callable[..., object], *args: object, **kwargs: object) -> None:
    """A change the story may ask for out of season (a preset with no days
    left this year): the app would say so; the story goes on."""
    from opsboard.services.errors import FieldErrors

    try:
        change(*args, **kwargs)
    except FieldErrors:
        pass
