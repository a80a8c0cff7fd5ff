"""View 2: a kanban board per department, and the overview of all of them.

The screen is thin: the services compute columns, counts and filters; the
board draws only the cards on screen (see widgets/kanban_board.py).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import ContentSwitcher, DataTable, Input, OptionList

from opsboard.i18n import _, _l, ngettext
from opsboard.i18n.formats import number
from opsboard.model import TASK_COLUMNS, TASK_STATUS_LABELS, Table, Task, TaskStatus
from opsboard.model.clock import today
from opsboard.services.activity import last_blocked_reason
from opsboard.services.archived_tasks import parse_archive_days, set_archive_days
from opsboard.services.checklists import checklist_item_choices
from opsboard.services.comments import add_comment, task_history
from opsboard.services.departments import department_names
from opsboard.services.errors import FieldErrors, InputError
from opsboard.services.parsing import before_plan_year
from opsboard.services.people import archived_done_by_owner, find_person, owner_names, people_load
from opsboard.services.task_board import (
    COLUMN_SORTS,
    DepartmentSummary,
    archived_done_by_department,
    archived_done_count,
    board_columns,
    department_overview,
    done_fold_days,
    set_done_fold_days,
)
from opsboard.services.task_filter import FILTER_HELP, TaskFilter, parse_filter, select
from opsboard.services.tasks import add_task, changed_since, delete_task, edit_task, move_task, reorder_task
from opsboard.store import BoardError

from ..modals.confirm import ConfirmScreen
from ..modals.person_rename import rename_form
from ..modals.task_details import TaskDetailsScreen, task_details
from ..modals.task_form import comment_form, reason_form, task_form
from ..widgets.board_overview import PERSON, TOTAL, BoardOverview
from ..widgets.department_list import OVERVIEW, DepartmentList
from ..widgets.kanban_board import KanbanBoard, due_label
from ..widgets.key_footer import KeyFooter
from ..widgets.keyed_table import KeyedTable, TableCursorKeys, vim_bindings
from ..widgets.quiet_header import QuietHeader
from ..widgets.status_line import StatusLine
from .base import ViewScreen

ARCHIVE_SEARCH_PAUSE = 0.3  # seconds of no typing before a filter searches the archive
NARROW = 100  # below this width the department list gives its room to the columns
CARD_ACTIONS = {"edit", "details", "comment", "move", "reorder", "delete", "fold"}
EDIT_ACTIONS = frozenset({"add", "edit", "comment", "move", "reorder", "delete", "fold_days", "rename_person"})


class BoardsScreen(TableCursorKeys, ViewScreen):
    VIEW_NAME = "boards"
    VIEW_TITLE = _l("Boards")
    EDIT_ACTIONS = EDIT_ACTIONS
    CSS_PATH = "boards.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "department(-1)", _l("Prev dept"), id="boards.prev_department", show=False),
        Binding("right_square_bracket", "department(1)", _l("Dept"), id="boards.next_department", key_display="[ ]"),
        Binding("o", "overview", _l("Overview"), id="boards.overview"),
        Binding("a", "add", _l("Add"), id="boards.add"),
        # the overview's: on a person's row (the footer offers it there)
        Binding("R", "rename_person", _l("Rename person"), id="boards.rename_person"),
        Binding("e", "edit", _l("Edit"), id="boards.edit"),
        Binding("enter", "details", _l("Details"), id="boards.details", show=False),
        Binding("H", "move(-1)", _l("Move left"), id="boards.move_left", show=False),
        Binding("L", "move(1)", _l("Move"), id="boards.move_right", key_display="H/L"),
        Binding("K", "reorder(-1)", _l("Card up"), id="boards.reorder_up", show=False),
        Binding("J", "reorder(1)", _l("Card down"), id="boards.reorder_down", show=False),
        Binding("d", "delete", _l("Delete"), id="boards.delete"),
        Binding("slash", "filter", _l("Filter"), id="boards.filter"),
        Binding("escape", "clear_filter", _l("Clear filter"), id="boards.clear_filter", show=False),
        Binding("z", "fold", _l("Old done"), id="boards.fold", show=False),
        Binding("h,left", "column(-1)", _l("Prev column"), id="boards.prev_column", show=False),
        Binding("l,right", "column(1)", _l("Next column"), id="boards.next_column", show=False),
        *vim_bindings("boards", "overview"),  # the overview's table; a department's cards have their own keys
        # in ? help and the palette: the footer keeps ? and q at 80 columns
        Binding("S", "column_sort", _l("Sort cards"), id="boards.sort", show=False),
        Binding("Z", "fold_days", _l("Fold and archive done…"), id="boards.fold_days", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._archive_search: Timer | None = None  # a filter reaching into the archive, waiting for a pause
        self.department: str | None = None  # None: the overview
        self.filter_text = ""
        self.filter = TaskFilter()
        self.show_folded = False
        self.column_sort = COLUMN_SORTS[0]  # the team's own order; or by priority, by due date
        self.summaries: list[DepartmentSummary] = []
        self.tasks: list[Task] = []
        self.items: dict[str, str] = {}

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield QuietHeader()
        with Horizontal(id="board-body"):
            yield DepartmentList(id="departments")
            with Vertical(id="board-main"):
                yield StatusLine(id="board-title")
                yield Input(placeholder=str(FILTER_HELP), id="filter")
                with ContentSwitcher(id="board-switcher", initial="overview"):
                    yield BoardOverview(id="overview")
                    yield KanbanBoard([(s, str(TASK_STATUS_LABELS[s])) for s in TASK_COLUMNS], id="columns")
                yield StatusLine(id="card-line")
        yield KeyFooter()  # redrawn only when its keys change (a key press here changes none)

    def on_mount(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self.query_one(DepartmentList).fit_window(self.size.width)
        if not self.redraw():
            return
        self.query_one(BoardOverview).focus()
        personal = self.ops_app.personal
        if personal is not None and personal.department in {s.department.id for s in self.summaries}:
            self.open_department(personal.department)  # the department they left
        self.ops_app.keep_loaded()  # the 10,000 tasks just validated

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")
        self.query_one(DepartmentList).fit_window(self.size.width)
        if self.summaries:
            self.query_one(DepartmentList).show(self.summaries, self.department or OVERVIEW)
        self._show_title()

    @property
    def board(self) -> KanbanBoard:
        return self.query_one(KanbanBoard)

    def current_task(self) -> Task | None:
        return None if self.department is None else self.board.current

    # -- drawing -------------------------------------------------------------
    def reload(self) -> None:
        """Everything from the store (after our change or another process's save)."""
        self.tasks = self.store.tasks()
        self.items = {item.id: f"{item.code} {item.title}" for item in self.store.checklist()}
        self.summaries = department_overview(self.store, self.filter, tasks=self.tasks, with_archived_done=True)
        if self.department is not None and self.department not in {s.department.id for s in self.summaries}:
            self.department = None
        self.query_one(DepartmentList).show(self.summaries, self.department or OVERVIEW)
        if self.department is None:
            self._show_overview()
        else:
            self._show_columns()
        self._show_title()

    def _show_columns(self, focus_task: str | None = None, *, focus: bool = False) -> None:
        """The current department's columns; `focus_task` moves the cursor
        (and with `focus`, the focus) to the column holding that card. A
        column whose cards did not change is not redrawn."""
        assert self.department is not None
        board = self.board
        board.set_context(today(), self.items)
        columns = board_columns(
            self.store, self.department, self.filter, show_folded=self.show_folded, tasks=self.tasks, sort=self.column_sort
        )
        in_archive = archived_done_by_department(self.store).get(self.department, 0) if self.filter.empty else 0
        for index, data in enumerate(columns):
            shown = board.columns[index]
            archived = in_archive if data.status is TaskStatus.DONE else 0
            if focus_task in {t.id for t in data.tasks}:
                board.column = index
                board.set_column(index, data.tasks, folded=data.folded, archived=archived, keep=focus_task)
            elif (
                len(shown.cards) != len(data.tasks)
                or shown.folded != data.folded
                or shown.archived != archived
                or any(a is not b for a, b in zip(shown.cards, data.tasks, strict=True))
            ):
                board.set_column(index, data.tasks, folded=data.folded, archived=archived, keep=shown.current.id if shown.current else None)
        if focus and self.query_one(ContentSwitcher).current == "columns":
            board.focus()
        self._show_card_line()

    def _show_overview(self) -> None:
        """The departments' counts, and under them each roster person's load
        (the same filter applied)."""
        people = self.store.people()
        archived = archived_done_by_owner(self.store) if self.filter.empty else None
        loads = people_load(people, select(self.filter, self.tasks, today()), today(), archived) if people else []
        self.query_one(BoardOverview).show(self.summaries, people=loads)
        self._show_archived_note()

    def _show_archived_note(self) -> None:
        """Under the overview: whether its Done counts hold the archived done
        tasks (without a filter) or leave them out (a filter searches the
        board unless it says archived:yes)."""
        count = archived_done_count(self.store)
        if not count or self.filter.archived:
            note = ""
        elif self.filter.empty:
            note = ngettext(
                "Done includes {count} archived card (archived:yes finds it)",
                "Done includes {count} archived cards (archived:yes finds them)",
                count,
            ).format(count=number(count))
        else:
            note = ngettext(
                "The filter leaves out {count} archived card (add archived:yes)",
                "The filter leaves out {count} archived cards (add archived:yes)",
                count,
            ).format(count=number(count))
        self.query_one("#card-line", StatusLine).show(Text(note))

    def _summary(self, department: str | None) -> DepartmentSummary | None:
        return next((s for s in self.summaries if s.department.id == department), None)

    def _show_title(self) -> None:
        title = Text()
        summary = self._summary(self.department)
        if summary is None:
            title.append(_("Overview · all departments"))
        else:
            narrow = self.has_class("-narrow")
            title.append(("◀ " if narrow else "") + summary.department.name + (" ▶" if narrow else ""))
            counts = _("{open} open · {blocked} blocked · {overdue} overdue").format(
                open=summary.open, blocked=summary.blocked, overdue=summary.overdue
            )
            title.append(f"  {counts}", style="not bold")
            if self.column_sort != "board":
                title.append(" · " + _("by {sort}").format(sort=self.column_sort), style="not bold")
        if self.filter_text:
            before, _sep, after = _("filter: {filter} (esc clears)").partition("{filter}")
            title.append(f"  {before}", style="not bold")
            title.append(self.filter_text)  # user text: not formatted into the message
            title.append(after, style="not bold")
        self.query_one("#board-title", StatusLine).show(title)

    def _show_card_line(self) -> None:
        task = self.current_task()
        line = Text()
        if task is not None:
            due, mark = due_label(task, today())
            line.append(task.title)
            if task.owner:
                line.append(f" — {task.owner}")
            if task.due:
                when = task.due.isoformat()
                if mark == "overdue":
                    line.append(" · " + _("due {date} (overdue)").format(date=when))
                elif mark:
                    line.append(" · " + _("due {date} (today)").format(date=when))
                else:
                    line.append(" · " + _("due {date}").format(date=when))
            if task.blocked_reason:
                line.append(" · " + _("blocked: {reason}").format(reason=task.blocked_reason))
        self.query_one("#card-line", StatusLine).show(line)

    def on_kanban_board_cursor_moved(self, event: KanbanBoard.CursorMoved) -> None:
        self._show_card_line()

    # -- switching departments ---------------------------------------------------
    def open_department(self, department: str | None) -> None:
        """Show a department's board (None: the overview)."""
        mode_changed = (department is None) != (self.department is None)
        self.department = department
        if self.ops_app.personal is not None:
            self.ops_app.personal.department = department
        switcher = self.query_one(ContentSwitcher)
        self.query_one(DepartmentList).select(department or OVERVIEW)
        if department is None:
            switcher.current = "overview"
            self._show_overview()  # and its note on the archive in the card line
            self.query_one(BoardOverview).focus()
        else:
            switcher.current = "columns"
            self._show_columns(focus=True)
            self.board.focus_a_column_with_cards()
        self._show_title()
        if mode_changed:  # the card keys come and go with the overview
            self.refresh_bindings()

    def action_department(self, step: int) -> None:
        order: list[str | None] = [None] + [s.department.id for s in self.summaries]
        index = order.index(self.department) if self.department in order else 0
        self.open_department(order[(index + step) % len(order)])

    def action_overview(self) -> None:
        if self.department is None:
            table = self.query_one(BoardOverview)
            key = table.current_key()
            self.open_department(
                key
                if key not in (None, TOTAL) and not key.startswith(PERSON)
                else self.summaries[0].department.id
                if self.summaries
                else None
            )
        else:
            self.open_department(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = str(event.row_key.value)
        if key.startswith(PERSON):
            self._filter_owner(key.removeprefix(PERSON))
        elif key != TOTAL:
            self.open_department(key)

    def _filter_owner(self, name: str) -> None:
        """A person's row: the board narrowed to their tasks."""
        text = f'owner:"{name}"' if " " in name else f"owner:{name}"
        self.query_one("#filter", Input).value = text
        self.apply_filter(text)
        self._leave_filter_box()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self.query_one(DepartmentList).chosen(event.option_index)
        if chosen is not None:
            self.open_department(None if chosen == OVERVIEW else chosen)

    def action_column(self, step: int) -> None:
        if self.department is None:
            if step > 0:
                self.action_overview()
            return
        self.board.focus_column(self.board.column + step)

    def cursor_table(self) -> KeyedTable:
        return self.query_one(BoardOverview)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in CARD_ACTIONS and self.department is None:
            return False
        if action == "rename_person" and self.department is not None:
            return False
        if action in ("cursor", "jump") and self.department is not None:
            return False  # the overview's keys, while it shows
        return True

    def footer_offers(self, action: str) -> bool:
        """The overview's footer offers R on a person's row, in the room of o
        and a, which act on a department (80 columns hold only so many); all
        three keys answer on any row, and ? help lists them."""
        if action in ("rename_person", "overview", "add") and self.department is None:
            if (self._person_row() is not None) != (action == "rename_person"):
                return False
        return super().footer_offers(action)

    def _person_row(self) -> str | None:
        """The roster name of the overview's highlighted row, if a person's."""
        if self.department is not None:
            return None
        key = self.query_one(BoardOverview).current_key()
        return key.removeprefix(PERSON) if key is not None and key.startswith(PERSON) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        on_person = str(event.row_key.value).startswith(PERSON)
        if on_person != getattr(self, "_footer_on_person", False):  # the footer's R comes and goes
            self._footer_on_person = on_person
            self.refresh_bindings()

    def action_rename_person(self) -> None:
        name = self._person_row()
        person = find_person(self.store, name) if name is not None else None
        if person is None:
            self.notify(_("R renames the person on the highlighted row: the people are listed under Total"), severity="warning")
            return

        def renamed(saved, moved: int) -> None:
            if saved is not None:
                self.notify(
                    ngettext("{name}: {moved} task now owned by {name}", "{name}: {moved} tasks now owned by {name}", moved).format(
                        name=saved.name, moved=moved
                    ),
                    timeout=5,
                    markup=False,
                )
            self.reload()
            table = self.query_one(BoardOverview)
            if saved is not None and PERSON + saved.name in table.rows:
                table.move_cursor(row=table.get_row_index(PERSON + saved.name), animate=False)

        self.app.push_screen(rename_form(self.ops_app, person, renamed))

    # -- filter ------------------------------------------------------------------
    def action_filter(self) -> None:
        self.add_class("-filtering")
        box = self.query_one("#filter", Input)
        box.value = self.filter_text
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self._filter_as_typed(event.value)

    def export_includes_archived(self) -> bool:
        return bool(self.filter.archived)

    def _filter_as_typed(self, text: str) -> None:
        """Each key filters at once; a filter that searches the archive of
        done tasks (`archived:yes`) waits for a pause in typing or enter:
        each prefix of a word would search 95,000 archived tasks."""
        if self._archive_search is not None:
            self._archive_search.stop()
            self._archive_search = None
        if "archived:" in text or "归档" in text:
            self._archive_search = self.set_timer(ARCHIVE_SEARCH_PAUSE, lambda: self._search_archive_now(text))
        else:
            self.apply_filter(text)

    def _search_archive_now(self, text: str) -> None:
        self._archive_search = None
        self.apply_filter(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            event.stop()
            if self._archive_search is not None:
                self._archive_search.stop()
                self._search_archive_now(event.value)
            self._leave_filter_box()

    def apply_filter(self, text: str) -> None:
        """Filter every department by `text`; a bad `due:`/`p:` says why and
        keeps the last good filter."""
        box = self.query_one("#filter", Input)
        try:
            chosen = parse_filter(text, me=self.store.user)
        except InputError as error:
            box.border_subtitle = Content(str(error))  # it quotes what was typed: text, not markup
            return
        box.border_subtitle = ""
        self.filter_text, self.filter = text.strip(), chosen
        self.summaries = department_overview(self.store, self.filter, tasks=self.tasks, with_archived_done=True)
        self.query_one(DepartmentList).show(self.summaries, self.department or OVERVIEW)
        if self.department is None:
            self._show_overview()
        else:
            self._show_columns()
        self._show_title()

    def action_clear_filter(self) -> None:
        if self.filter_text or self.has_class("-filtering"):
            self.query_one("#filter", Input).value = ""
            self.apply_filter("")
            self._leave_filter_box()

    def _leave_filter_box(self) -> None:
        self.set_class(bool(self.filter_text), "-filtering")
        if self.department is None:
            self.query_one(BoardOverview).focus()
        else:
            self.board.focus_a_column_with_cards()
            self.board.focus()

    def action_fold(self) -> None:
        self.show_folded = not self.show_folded
        self._show_columns()

    def action_column_sort(self) -> None:
        """The cards by the team's order, by priority, or by due date (shown
        only: nothing is saved, J/K move cards in the team's order)."""
        self.column_sort = COLUMN_SORTS[(COLUMN_SORTS.index(self.column_sort) + 1) % len(COLUMN_SORTS)]
        current = self.current_task()
        self._show_columns(focus_task=current.id if current else None)
        self._show_title()
        words = {
            "board": _("Cards in the team's order"),
            "priority": _("Cards by priority, then due date"),
            "due": _("Cards by due date, then priority"),
        }
        self.notify(words[self.column_sort], timeout=3)

    def action_fold_days(self) -> None:
        """The lead sets after how many days done cards fold away (for everyone)."""
        from ..modals.form import FormField, FormScreen

        def change(values: dict[str, str]) -> tuple[int, int]:
            try:  # both checked before either is saved
                archive = parse_archive_days(values["archive"])
            except InputError as error:  # a bad number: said under the field
                raise FieldErrors({"archive": str(error)}) from None
            try:
                days = set_done_fold_days(self.store, values["days"])
            except InputError as error:
                raise FieldErrors({"days": str(error)}) from None
            return days, set_archive_days(self.store, archive)

        def saved(chosen: tuple[int, int] | None) -> None:
            if chosen is not None:
                days, archive = chosen
                # two counts, two sentences: each takes its own plural form
                fold = ngettext("Done cards now fold after {days} day.", "Done cards now fold after {days} days.", days)
                if archive:
                    kept = ngettext(
                        "They move to the archive after {archive} day unchanged.",
                        "They move to the archive after {archive} days unchanged.",
                        archive,
                    )
                else:
                    kept = _("They are never archived.")
                self.notify(f"{fold.format(days=days)}\n{kept.format(archive=archive)}", timeout=4)
            self.reload()

        submit = self.ops_app.saves.form_submit(change, saved=saved, what="setting")
        fields = [
            FormField("days", _("Fold done cards finished more than this many days ago"), str(done_fold_days(self.store))),
            FormField(
                "archive",
                _("Archive done cards unchanged this many days (0: never)"),
                str(self.store.archive_days()),
            ),
        ]
        self.app.push_screen(FormScreen(_("Fold and archive done cards"), fields, submit))

    # -- changes -------------------------------------------------------------------
    def _save(self, change, *args, **kwargs):
        """A saving service call through the app: a refusal is said once, a
        conflict asks which value to keep, and the view shows the file."""
        return self.ops_app.saves.run(change, *args, **kwargs)

    def _changed(self, task_id: str | None = None) -> None:
        """Redraw after our own save, the cursor on `task_id`. A change within
        the department shown recounts that department alone."""
        self.tasks = self.store.tasks()
        department = self.department
        elsewhere = department is None or (task_id is not None and self._department_of(task_id) != department)
        if elsewhere:
            self.summaries = department_overview(self.store, self.filter, tasks=self.tasks, with_archived_done=True)
            self.query_one(DepartmentList).show(self.summaries, department or OVERVIEW)
        else:
            mine = self._summary_of(
                department_overview(self.store, self.filter, tasks=self.tasks, only=department, with_archived_done=True), department
            )
            if mine is not None:
                self.summaries = [mine if s.department.id == department else s for s in self.summaries]
                self.query_one(DepartmentList).update_one(mine)
        if department is None:
            self._show_overview()
        else:
            self._show_columns(focus_task=task_id, focus=True)
        self._show_title()

    def _department_of(self, task_id: str) -> str | None:
        try:
            return self.store.task(task_id).department
        except BoardError:
            return None

    @staticmethod
    def _summary_of(summaries: list[DepartmentSummary], department: str | None) -> DepartmentSummary | None:
        return next((s for s in summaries if s.department.id == department), None)

    def _form_submit(self, change, *args, recreate=None, record=None, **kwargs):
        """A form's submit through the app's one save path (field errors stay
        in the form, so does the typing when a save is refused)."""

        def saved(result) -> None:
            self._changed(result.id if isinstance(result, Task) else None)
            warning = before_plan_year(result.due, self.store.meta().year) if isinstance(result, Task) else None
            if warning:
                self.notify(warning.capitalize(), severity="warning", timeout=8, markup=False)

        return self.ops_app.saves.form_submit(
            lambda values: change(*args, **kwargs, **values), saved=saved, recreate=recreate, record=record
        )

    def action_add(self) -> None:
        if self.department is None:  # the overview: ask which department, the highlighted one first
            names = department_names(self.store)
            row = self.query_one(BoardOverview).current_key()
            submit = self._form_submit(add_task, self.store)
            form = task_form(
                _("New task"),
                submit,
                items=self._items_for(row if row in names else ""),
                departments=names,
                department=row if row in names else next(iter(names), ""),
                owners=owner_names(self.store),
            )
            self.app.push_screen(form)
            return
        department = self.department
        name = department_names(self.store).get(department, department)
        submit = self._form_submit(add_task, self.store, department=department)
        title = _("New task for {department}").format(department=name)
        self.app.push_screen(task_form(title, submit, items=self._items_for(department), owners=owner_names(self.store)))

    def _items_for(self, department: str):
        return checklist_item_choices(self.store, department)

    def action_edit(self) -> None:
        task = self.current_task()
        if task is None:
            return

        def recreate(values: dict[str, str]) -> Task:  # a teammate deleted it meanwhile: add it again as typed
            return add_task(self.store, **{"department": task.department, **values})

        submit = self._form_submit(edit_task, self.store, task.id, seen=task, recreate=recreate, record=(Table.TASKS, task.id))
        form = task_form(
            _("Edit · {title}").format(title=task.title),
            submit,
            items=self._items_for(task.department),
            departments=department_names(self.store),
            task=task,
            owners=owner_names(self.store),
        )
        self.app.push_screen(form)

    def action_details(self) -> None:
        task = self.current_task()
        if task is None:
            return
        names = department_names(self.store)
        history = task_history(self.store, task.id)
        text = task_details(
            task, names.get(task.department, task.department), self.items.get(task.checklist_item or "", ""), today(), history
        )

        def after(choice: str | None) -> None:
            if choice == "edit":
                self.action_edit()
            elif choice == "comment":
                self.action_comment()

        self.app.push_screen(TaskDetailsScreen(task, text), after)

    def action_comment(self) -> None:
        """A comment on the current card, from its details; the details
        open again with it in the thread."""
        task = self.current_task()
        if task is None:
            return
        submit = self._form_submit(add_comment, self.store, task.id)

        def after(values: dict[str, str] | None) -> None:
            if values is not None:
                self.action_details()

        self.app.push_screen(comment_form(task.title, submit), after)

    def show_task(self, task_id: str) -> None:
        """Open the card's department with the cursor on it; a filter that
        hides it is cleared, a folded done card unfolded."""
        try:
            task = self.store.task(task_id)
        except BoardError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.tasks = self.store.tasks()
        if not self.filter.matches(task, today()):
            self.query_one("#filter", Input).value = ""
            self.apply_filter("")
            self._leave_filter_box()
        if task.status is TaskStatus.DONE:
            self.show_folded = True
        self.open_department(task.department)
        self._show_columns(focus_task=task.id, focus=True)

    def action_move(self, step: int) -> None:
        task = self.current_task()
        if task is None:
            return
        index = TASK_COLUMNS.index(task.status) + step
        if not 0 <= index < len(TASK_COLUMNS):
            return
        if TASK_COLUMNS[index] is TaskStatus.BLOCKED:
            submit = self._form_submit(move_task, self.store, task.id, step, seen=task)
            self.app.push_screen(reason_form(task.title, submit, last_blocked_reason(self.store, task.id)))
            return
        moved = self._save(move_task, self.store, task.id, step, seen=task)
        if moved is not None:
            self._changed(moved.id)

    def action_reorder(self, step: int) -> None:
        task = self.current_task()
        if task is None:
            return
        if self.column_sort != "board":
            self.notify(
                _("The cards are shown by {sort}: S back to the team's order to move them").format(sort=self.column_sort),
                severity="warning",
            )
            return
        moved = self._save(reorder_task, self.store, task.id, step, among=self.board.card_ids())
        if moved is not None:
            self._changed(moved.id)

    def action_delete(self) -> None:
        task = self.current_task()
        if task is None:
            return

        def delete(seen: Task) -> None:
            if self._save(delete_task, self.store, seen.id, seen=seen) is not None:
                self._changed()

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            current, changes = changed_since(self.store, task)
            if current is None or not changes:
                delete(task)  # gone already: the save path says so
                return
            who = current.updated_by or _("someone else")
            self.ops_app.reload_views()  # the card as it is now, under the question
            self.app.push_screen(
                ConfirmScreen(
                    _("{who} changed this task since you opened it").format(who=who),
                    Text(_("{title}\nChanged: {fields}. Delete it anyway?").format(title=current.title, fields=", ".join(changes))),
                    confirm_label=_("Delete"),
                ),
                lambda again: delete(current) if again else None,
            )

        self.app.push_screen(ConfirmScreen(_("Delete this task?"), Text(task.title), confirm_label=_("Delete")), answer)
