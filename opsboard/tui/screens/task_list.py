"""Tasks across departments (`T`, over any view; tui/views.py): every task
the filter matches, from every department, in one list. Quick filters: `m`
mine, `o` overdue, `w` due this week; `s` changes the sort; `enter` opens the
card on its board in view 2. It follows the board live like the views."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input

from opsboard.i18n import _, _l, ngettext
from opsboard.model.clock import today
from opsboard.services.errors import InputError
from opsboard.services.task_filter import FILTER_HELP, TaskFilter, parse_filter
from opsboard.services.task_list import QUICK_FILTERS, SORT_TITLES, SORTS, cross_department_tasks

from ..messages import BoardReloaded
from ..widgets.key_footer import KeyFooter
from ..widgets.quiet_header import QuietHeader
from ..widgets.status_line import StatusLine
from ..widgets.task_list import TaskList, header_line

if TYPE_CHECKING:
    from ..app import OpsboardApp


class TaskListScreen(Screen[None]):
    """Opened over view 2, it starts from that view's filter."""

    CSS_PATH = "task_list.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", _l("Back"), id="tasks.close"),
        Binding("m", "quick('mine')", _l("Mine"), id="tasks.mine"),
        Binding("o", "quick('overdue')", _l("Overdue"), id="tasks.overdue"),
        Binding("w", "quick('week')", _l("This week"), id="tasks.week"),
        Binding("s", "sort", _l("Sort"), id="tasks.sort"),
        Binding("slash", "filter", _l("Filter"), id="tasks.filter"),
        Binding("z", "done", _l("Done too"), id="tasks.done", show=False),
    ]

    def __init__(self, filter_text: str | None = None, sort: str = "priority") -> None:
        """`filter_text` None: the filter of the view it opens over, if any."""
        super().__init__()
        self.filter_text = filter_text or ""
        self._filter_from_view = filter_text is None
        self.filter = TaskFilter()
        self.sort = sort if sort in SORTS else SORTS[0]
        self.include_done = False

    @property
    def ops_app(self) -> OpsboardApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield QuietHeader()
        yield StatusLine(id="tasks-title")
        yield Input(placeholder=str(FILTER_HELP), id="tasks-filter")  # drawn as text: the lazy hint is not a str to Textual
        yield StatusLine(id="tasks-header")
        yield TaskList(id="tasks")
        yield KeyFooter()

    def on_mount(self) -> None:
        store = self.ops_app.store
        if self._filter_from_view and len(self.app.screen_stack) > 1:
            self.filter_text = str(getattr(self.app.screen_stack[-2], "filter_text", "") or "")
        try:
            self.filter = parse_filter(self.filter_text, me=store.user)
        except InputError:
            self.filter_text, self.filter = "", TaskFilter()
        self.reload()
        self.query_one(TaskList).focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_header)  # once the list has its new width

    def _show_header(self) -> None:
        """The columns' names over the list's own columns."""
        listing = self.listing
        self.query_one("#tasks-header", StatusLine).show(header_line(max(1, listing.line_width), listing.widths))

    @property
    def listing(self) -> TaskList:
        return self.query_one(TaskList)

    def reload(self) -> None:
        store = self.ops_app.store
        departments = store.departments()
        order = {d.id: d.order for d in departments}
        names = {d.id: d.name for d in departments}
        current = self.listing.current
        tasks = cross_department_tasks(
            store.tasks(), self.filter, today(), sort=self.sort, departments=order, include_done=self.include_done
        )
        self.listing.show(tasks, names, today(), keep=current.id if current else None)
        self._show_header()
        self._show_title()

    def on_board_reloaded(self, message: BoardReloaded) -> None:
        self.reload()

    def _show_title(self) -> None:
        count = len(self.listing.tasks)
        title = Text(ngettext("Tasks across departments · {n} task", "Tasks across departments · {n} tasks", count).format(n=count))
        title.append(" · " + _("by {sort}").format(sort=SORT_TITLES[self.sort]), style="not bold")
        if self.include_done:
            title.append(" · " + _("done included"), style="not bold")
        if self.filter_text:
            title.append("  " + _("filter:") + " ", style="not bold")
            title.append(self.filter_text)
        self.query_one("#tasks-title", StatusLine).show(title)

    # -- filters and sorting ---------------------------------------------------
    def apply_filter(self, text: str) -> bool:
        """False (and the reason under the box) for a bad `due:`/`p:`."""
        box = self.query_one("#tasks-filter", Input)
        try:
            chosen = parse_filter(text, me=self.ops_app.store.user)
        except InputError as error:
            box.border_subtitle = Content(str(error))  # it quotes what was typed: text, not markup
            return False
        box.border_subtitle = ""
        self.filter_text, self.filter = text.strip(), chosen
        self.reload()
        return True

    def action_quick(self, name: str) -> None:
        """A quick filter replaces the filter; pressed again, clears it."""
        words = QUICK_FILTERS[name]
        text = "" if self.filter_text == words else words
        self.query_one("#tasks-filter", Input).value = text
        self.apply_filter(text)

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.reload()

    def action_done(self) -> None:
        self.include_done = not self.include_done
        self.reload()

    def action_filter(self) -> None:
        self.add_class("-filtering")
        box = self.query_one("#tasks-filter", Input)
        box.value = self.filter_text
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_class(False, "-filtering")
        self.listing.focus()

    def action_close(self) -> None:
        if self.has_class("-filtering"):
            self.set_class(False, "-filtering")
            self.listing.focus()
            return
        self.dismiss(None)

    def on_task_list_chosen(self, message: TaskList.Chosen) -> None:
        task_id = message.task.id
        self.dismiss(None)
        self.ops_app.open_task(task_id)
