"""View 5: the daily stand-up, a guided walk through the departments.

One department at a time: what is done since the last stand-up, blocked,
overdue, doing, due, the checklist items it owns and its target lever; notes
saved as they are said (a teammate on the same board sees them appear), a
quiet timebox, and a record of the stand-up when it is finished.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from opsboard.i18n import _, _l
from opsboard.model import DailyMetric, Department, StandupRecord, TargetPlan
from opsboard.model.clock import now
from opsboard.services.errors import FieldErrors
from opsboard.services.standup import (
    DepartmentAgenda,
    Since,
    department_agendas,
    lever_status,
    move_in_walk,
    parse_minutes,
    standup_since,
    timebox_seconds,
    walk_order,
)
from opsboard.services.standup_record import (
    add_note,
    current_standup,
    find_standup,
    finish_standup,
    start_standup,
)
from opsboard.store import BoardError

from ..modals.confirm import ConfirmScreen
from ..modals.standup_forms import finish_form, note_form, timebox_form
from ..widgets.key_footer import KeyFooter
from ..widgets.keyed_table import KeyedTable, TableCursorKeys, vim_bindings
from ..widgets.standup_agenda import AgendaTable, notes_text
from ..widgets.standup_timer import StandupTimer
from .base import ViewScreen
from .standup_exports import RecordExports
from .standup_tasks import TaskActions

# The worker's group and its name: named, not by repr() of its inputs as Textual
# does unnamed (five years of daily metrics: 75 ms of a visit, on the UI thread).
LEVERS = "standup-levers"


class StandupScreen(TableCursorKeys, TaskActions, RecordExports, ViewScreen):
    VIEW_NAME = "standup"
    VIEW_TITLE = _l("Stand-up")
    CSS_PATH = "standup.tcss"

    EDIT_ACTIONS = frozenset({"note", "block", "done", "add", "finish", "reorder"})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,right", "walk(1)", _l("Next"), id="standup.next", key_display="n"),
        Binding("p,left", "walk(-1)", _l("Prev"), id="standup.prev", key_display="p"),
        Binding("enter", "note", _l("Note"), id="standup.note", key_display="⏎"),
        Binding("b", "block", _l("Block"), id="standup.block"),
        Binding("d", "done", _l("Done"), id="standup.done"),
        Binding("a", "add", _l("Add"), id="standup.add"),
        Binding("f", "finish", _l("Finish"), id="standup.finish"),
        Binding("H", "history", _l("History"), id="standup.history"),
        Binding("t", "timebox", _l("Timebox"), id="standup.timebox", show=False),
        Binding("less_than_sign", "reorder(-1)", _l("Earlier in walk"), id="standup.earlier", show=False),
        Binding("greater_than_sign", "reorder(1)", _l("Later in walk"), id="standup.later", show=False),
        *vim_bindings("standup"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.walk: list[Department] = []
        self.index = 0
        self.agendas: list[DepartmentAgenda] = []
        self.levers: dict[str, str] = {}
        self.record: StandupRecord | None = None
        self.since: Since | None = None
        self.seconds: dict[str, float] = {}  # time spent per department on this screen
        self.visited: set[str] = set()  # departments shown in this walk (f asks when some were not)
        self.shown = False  # on screen yet (it may be made ahead, in the background: tui/preparing.py)

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.record = current_standup(self.store)
        yield Header()
        with Horizontal(id="walk-bar"):
            yield Static("", id="walk-position", markup=False)
            yield StandupTimer(timebox_seconds(), started=self.record.started_at if self.record else None, id="timer")
        yield Static("", id="walk-context", markup=False)
        yield AgendaTable(id="agenda")
        yield Static("", id="agenda-detail", markup=False)
        with VerticalScroll(id="notes-box", can_focus=False):
            yield Static("", id="standup-notes", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.redraw():
            self.query_one(AgendaTable).focus()

    def on_resize(self) -> None:
        """The agenda's columns follow the width (a narrow window takes the
        detail's room first): drawn again for a new width, once it is laid out."""
        if self.walk and len(self.agendas) == len(self.walk) and self.size.width != self._shown_width:
            self.call_after_refresh(self._show)

    _shown_width = 0  # the width the agenda was last drawn for

    def on_screen_resume(self) -> None:
        if not self.shown:  # the stand-up's clock runs from when it is first on screen
            self.shown = True
            self.query_one(StandupTimer).restart(self.record.started_at if self.record else None)

    # -- drawing -------------------------------------------------------------
    def reload(self) -> None:
        """Redraw from the store: the board, the walk and the record in
        progress (someone else's notes included), on the same department."""
        keep = self.department.id if self.walk else None
        self.walk = walk_order(self.store)
        ids = [d.id for d in self.walk]
        self.index = ids.index(keep) if keep in ids else min(self.index, max(0, len(ids) - 1))
        if self.record is not None:
            self.record = find_standup(self.store, self.record.id) if self._record_exists() else None
        if self.record is None:
            self.record = current_standup(self.store)
        timer = self.query_one(StandupTimer)
        if self.record is not None and self.record.finished_at is not None and timer.finished_after is None:
            timer.finish(self.record.duration_seconds)  # finished, perhaps by a teammate
        self.since = standup_since(self.store, self.record)
        self.agendas = department_agendas(self.store, self.since.at, levers=self.levers)
        self._show()
        self._load_levers()

    def _record_exists(self) -> bool:
        return any(r.id == self.record.id for r in self.store.standups())  # type: ignore[union-attr]

    @property
    def department(self) -> Department:
        return self.walk[self.index]

    def _show(self) -> None:
        if not self.walk:
            self.query_one("#walk-position", Static).update(_("This board has no departments"))
            return
        moment = now()
        self._shown_width = self.size.width
        self.visited.add(self.walk[self.index].id)
        agenda = self.agendas[self.index]
        position = Text(_("Stand-up {number}/{count} · ").format(number=self.index + 1, count=len(self.walk)))
        position.append(agenda.name)
        if self.index + 1 < len(self.walk):
            position.append(" · " + _("next: {department}").format(department=self.walk[self.index + 1].name), style="dim not bold")
        self._put("#walk-position", position)
        self._put("#walk-context", self._context_line(agenda))
        table = self.query_one(AgendaTable)
        table.show(agenda, moment.date(), moment)
        self._put("#agenda-detail", table.current_detail())
        entry = next((d for d in self.record.departments if d.id == agenda.id), None) if self.record else None
        finished = self.record is not None and self.record.finished_at is not None
        self._put("#standup-notes", notes_text(entry))
        box = self.query_one("#notes-box", VerticalScroll)
        if finished:
            box.border_title = Content(_("Notes for {department} · ⏎ adds (the stand-up is finished)").format(department=agenda.name))
        else:
            box.border_title = Content(_("Notes for {department} · ⏎ adds").format(department=agenda.name))  # a name as named, not markup
        box.scroll_end(animate=False)  # the latest note in view

    def _put(self, selector: str, content: Text | Content) -> None:
        """A line of the view, redrawn only when its words changed (a redraw
        after a save elsewhere leaves the lines Textual kept)."""
        static = self.query_one(selector, Static)
        if type(static.content) is not type(content) or static.content != content:
            static.update(content)

    def _context_line(self, agenda: DepartmentAgenda) -> Text:
        text = Text(_("Done {since}").format(since=self.since.words) if self.since else "")
        if self.record is not None:
            text.append(" · " + _("run by {who}").format(who=self.record.run_by or _("someone")))
            if self.record.finished_at is not None:
                text.append(" · " + _("finished {time}").format(time=f"{self.record.finished_at.astimezone(now().tzinfo):%H:%M}"))
        text.append("\n")
        if agenda.lever:
            text.append(_("Target: "), style="bold")
            text.append(agenda.lever)
        return text

    def _load_levers(self) -> None:
        # Read here, where the store is used; only the sums go to the thread.
        self._compute_levers(self.store.plan(), self.store.actuals(), now().date())

    @work(thread=True, exclusive=True, group=LEVERS, description=LEVERS)
    def _compute_levers(self, plan: TargetPlan | None, metrics: list[DailyMetric], day: date) -> None:
        """The target levers need pandas: off the UI thread."""
        status = lever_status(plan, metrics, day)
        if status != self.levers:
            self.app.call_from_thread(self._levers_ready, status)

    def _levers_ready(self, status: dict[str, str]) -> None:
        self.levers = status
        self.agendas = [replace(a, lever=status.get(a.id)) for a in self.agendas]
        self._show()

    # -- walking -------------------------------------------------------------
    def action_walk(self, step: int) -> None:
        to = self.index + step
        if not self.walk or not 0 <= to < len(self.walk):
            self.notify(_("That was the last department: f finishes the stand-up") if step > 0 else _("This is the first department"))
            return
        self._lap(self.walk[to].id)
        self.index = to
        self.query_one(AgendaTable).move_cursor(row=0)
        self._show()

    def _lap(self, next_department: str | None = None) -> None:
        """Add the time on this department; the next one's countdown goes on
        from what it already used (1:30 left stays 1:30 when you come back)."""
        timer = self.query_one(StandupTimer)
        if timer.finished_after is None:
            spent = timer.lap(self.seconds.get(next_department, 0.0) if next_department else 0.0)
            self.seconds[self.department.id] = self.seconds.get(self.department.id, 0.0) + spent

    def action_reorder(self, step: int) -> None:
        if self.walk and self.ops_app.saves.run(move_in_walk, self.store, self.department.id, step) is not None:
            self.reload()

    def cursor_table(self) -> KeyedTable:
        return self.query_one(AgendaTable)

    def action_timebox(self) -> None:
        timer = self.query_one(StandupTimer)

        def submit(values: dict[str, str]) -> dict[str, str] | None:
            try:
                timer.timebox = parse_minutes(values["minutes"])
            except BoardError as error:
                return {"minutes": str(error)}
            return None

        self.app.push_screen(timebox_form(f"{timer.timebox / 60:g}", submit))

    # -- notes and the record ------------------------------------------------
    def _ensure_record(self) -> StandupRecord:
        """The stand-up being recorded, started when the first note or the
        finish needs it. Called inside a form's save: a refusal keeps the form."""
        if self.record is None:
            self.record = start_standup(self.store, started_at=self.query_one(StandupTimer).walk_started)
        return self.record

    def action_note(self) -> None:
        if not self.walk:
            return
        department = self.department

        def note(values: dict[str, str]) -> StandupRecord:
            if not values["note"].strip():
                raise FieldErrors({"note": _("write the note first")})
            record = self._ensure_record()
            self.record = add_note(self.store, record.id, department.id, values["note"], decision=values["kind"] == "decision")
            return self.record

        self.app.push_screen(note_form(department.name, self._form_submit(note)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._put("#agenda-detail", self.query_one(AgendaTable).current_detail())

    def action_finish(self) -> None:
        if self.record is not None and self.record.finished_at is not None:
            self.notify(_("This stand-up is finished: x exports it, H lists past ones"))
            return
        left = [d for d in self.walk if d.id not in self.visited]
        if left:  # finishing early is allowed, but asked: 2 of 9 is more often a slip of the key
            walked = len(self.walk) - len(left)
            question = ConfirmScreen(
                _("Finish after {walked} of {total} departments?").format(walked=walked, total=len(self.walk)),
                _("Not walked yet: {departments}").format(departments=_(", ").join(d.name for d in left)),
                confirm_label=_("Finish"),
            )
            self.app.push_screen(question, lambda yes: self._finish() if yes else None)
            return
        self._finish()

    def _finish(self) -> None:
        def finish(values: dict[str, str]) -> StandupRecord:
            record = self._ensure_record()  # as shown: finished by a teammate since is asked about
            self._lap()
            return finish_standup(self.store, record.id, seconds=self.seconds, decisions=values["decisions"].splitlines(), seen=record)

        def finished(record: StandupRecord | None) -> None:
            # None: saved from the conflict dialog (a teammate finished it first)
            if self.record is not None:
                self.record = record or find_standup(self.store, self.record.id)
            if self.record is not None and self.record.finished_at is not None:
                self.seconds = {}
                self.query_one(StandupTimer).finish(self.record.duration_seconds)
            self._show()

        def offer_export(values: dict[str, str] | None) -> None:
            if values is not None and self.record is not None and self.record.finished_at is not None:
                self._export_record(self.record.id)

        self.app.push_screen(finish_form(self.ops_app.saves.form_submit(finish, saved=finished, what="stand-up")), offer_export)
