"""View 1: the four phases' checklists with their progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from opsboard.i18n import _, _l, ngettext
from opsboard.model import PHASES, ItemStatus, Phase
from opsboard.model.clock import today
from opsboard.model.labels import ITEM_STATUS_MARKS, phase_title
from opsboard.services.checklists import (
    PhaseProgress,
    checklist_item_choices,
    checklist_task_progress,
    edit_item,
    progress_by_phase,
    skip_item,
    toggle_item,
)
from opsboard.services.departments import department_names
from opsboard.services.parsing import before_plan_year
from opsboard.store import BoardDamagedError, rows
from opsboard.store.rows import ChecklistRow

from ..widgets.key_footer import KeyFooter
from ..widgets.keyed_table import Column, KeyedTable, TableCursorKeys, vim_bindings
from ..widgets.phase_tabs import PhaseTabs
from .base import ViewScreen

if TYPE_CHECKING:
    from pathlib import Path

    from opsboard.model import ChecklistItem

FIXED_COLUMNS = {"status": 3, "code": 4, "due": 12}
REPORT_TITLES = {"traffic": _l("the traffic report"), "sales": _l("the sales report")}
SHORT_DUE_WIDTH = 7  # "12-01 !"
MIN_TITLE_WIDTH = 16
LABELS = (
    ("status", ""),
    ("code", _l("Code")),
    ("title", _l("Item")),
    ("department", _l("Department")),
    ("owner", _l("Owner")),
    ("due", _l("Due")),
)


def _whole_heading(label: str) -> int:
    """The width a heading in wide (CJK) characters keeps whole: cut, '负责人'
    (owner) would read '负责' (responsible). English headings may be cut: 0."""
    return cell_len(label) if cell_len(label) > len(label) else 0


class ChecklistsScreen(TableCursorKeys, ViewScreen):
    VIEW_NAME = "checklists"
    VIEW_TITLE = _l("Checklists")
    AUTO_FOCUS = "#items"  # one focus change at start: each one redraws the footer
    CSS_PATH = "checklists.tcss"

    EDIT_ACTIONS = frozenset({"toggle_done", "skip", "edit", "add_task"})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_done", _l("Done"), id="checklists.toggle"),
        Binding("s", "skip", _l("Skip"), id="checklists.skip"),
        Binding("e,enter", "edit", _l("Edit"), id="checklists.edit"),
        Binding("t", "add_task", _l("Task"), id="checklists.add_task"),
        Binding("h,left,shift+tab", "phase(-1)", _l("Prev phase"), id="checklists.prev_phase", show=False),
        Binding("l,right,tab", "phase(1)", _l("Next phase"), id="checklists.next_phase", show=False),
        *vim_bindings("checklists"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.phase: Phase = Phase.RESEARCH
        self.progress: list[PhaseProgress] = []
        self.task_progress: dict[str, tuple[int, int]] = {}  # item id → its tasks (done, all)
        self._drawn_width = -1

    # -- layout --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield PhaseTabs({p: phase_title(p) for p in PHASES}, id="phases")
        table = KeyedTable(id="items", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="item-detail", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.redraw()  # (made ahead when the app opens on another view: see ViewScreen.redraw)

    def on_resize(self) -> None:
        if self.size.width != self._drawn_width:  # column widths follow the width only
            self.reload()

    def _columns(self, names: dict[str, str]) -> list[Column]:
        """The title takes what the others leave (cell padding: 2 each). At 80
        columns the department and owner give way to keep titles readable; below
        80 due dates of this year drop the year, and every column stays in view."""
        items = self._phase_items()
        longest_department = max((cell_len(names.get(i.department, i.department)) for i in items), default=10)
        longest_owner = max((cell_len(i.owner) for i in items), default=0)
        whole = {key: _whole_heading(str(label)) for key, label in LABELS}
        widths = {
            **FIXED_COLUMNS,
            "department": min(max(10, longest_department), max(10, (self.size.width - 40) // 3)),
            "owner": min(10, max(5, whole["owner"], longest_owner)),
        }
        if self._short_dates(items):
            widths["due"] = SHORT_DUE_WIDTH
        room = self.size.width - 2 * len(LABELS) - 2
        over = sum(widths.values()) + MIN_TITLE_WIDTH - room
        for key, least in (("department", 6), ("owner", 4)):  # give way before the title is cut further
            least = max(least, whole[key])
            give = max(0, min(over, widths[key] - least))
            widths[key] -= give
            over -= give
        widths["title"] = max(MIN_TITLE_WIDTH, room - sum(widths.values()))
        return [(key, Text(str(label)), widths[key]) for key, label in LABELS]  # Text: a str label is parsed as markup

    def _short_dates(self, items: list[ChecklistRow]) -> bool:
        """Narrow windows show this year's due dates as MM-DD (when all are this year's)."""
        year = today().year
        return self.size.width < 80 and all(i.due is None or i.due.year == year for i in items)

    # -- drawing -------------------------------------------------------------
    def reload(self) -> None:
        """Redraw from the store, keeping the cursor on the same item."""
        table = self.query_one("#items", KeyedTable)
        keep = self.current_item_id()
        try:
            # Plain rows from the stored documents, not models: the first
            # screen is drawn before pydantic has loaded (opsboard/store/rows.py).
            items = rows.checklist_rows(self.store)
        except BoardDamagedError as error:
            # A document the models refuse too: say so; the app's check just
            # after the first frame ends it and `opsboard` offers recovery.
            table.clear()
            self.query_one("#item-detail", Static).update(str(error))
            return
        self.progress = progress_by_phase(items)
        self.task_progress = checklist_task_progress(self.store)
        titles = {p.value: phase_title(p) for p in PHASES}
        self.query_one(PhaseTabs).set_progress(self.progress, titles)
        names = rows.department_names(self.store)
        day = today()
        self._drawn_width = self.size.width
        short_dates = self._short_dates(self._phase_items())
        # rows the same as those drawn stay drawn (a save changes one: a toggle, an undo)
        table.show_rows(self._columns(names), [(item.id, self._cells(item, names, day, short_dates)) for item in self._phase_items()])
        if keep is not None and keep in {i.id for i in self._phase_items()}:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_detail()

    def _phase_items(self) -> list[ChecklistRow]:
        for progress in self.progress:
            if progress.phase is self.phase:
                return cast("list[ChecklistRow]", progress.items)  # reload builds it from rows
        return []

    def _cells(self, item: ChecklistRow, names: dict[str, str], day, short_dates: bool = False) -> list[Text]:
        # User text goes in as Text: a title like "[/]" shows literally.
        style = "dim" if item.status is not ItemStatus.OPEN else ""
        due = Text("")
        if item.due:
            shown = item.due.strftime("%m-%d") if short_dates else item.due.isoformat()
            if item.is_overdue(day):  # "!" says it without colour; Rich cannot read $error, so resolve it
                error = self.app.theme_variables.get("error", "red")
                due = Text(shown + " !", style=f"bold reverse {error}")
            else:
                due = Text(shown)
        title = Text(item.title, style=style, overflow="ellipsis", no_wrap=True)
        if item.status is ItemStatus.SKIPPED:
            title.stylize("strike")
        if item.id in self.task_progress:  # its tasks' progress first, where a cut title cannot hide it
            done, total = self.task_progress[item.id]
            title = Text.assemble((f"{done}/{total} ", "bold"), title, overflow="ellipsis", no_wrap=True)
        return [
            Text(ITEM_STATUS_MARKS[item.status]),
            Text(item.code),
            title,
            Text(names.get(item.department, item.department), overflow="ellipsis", no_wrap=True),
            Text(item.owner, overflow="ellipsis", no_wrap=True),
            due,
        ]

    def current_item_id(self) -> str | None:
        return self.query_one("#items", KeyedTable).current_key()

    def current_item(self) -> ChecklistItem | None:
        item_id = self.current_item_id()
        return self.store.item(item_id) if item_id else None

    def current_row(self) -> ChecklistRow | None:
        item_id = self.current_item_id()
        return next((row for row in self._phase_items() if row.id == item_id), None)

    def _show_detail(self) -> None:
        item = self.current_row()
        detail = self.query_one("#item-detail", Static)
        if item is None:
            detail.update("")
            return
        # who closed it and its tasks first: a long description or note cannot push them out of sight
        lines = []
        if item.status is not ItemStatus.OPEN and item.done_by:
            done_item = item.status is ItemStatus.DONE
            if item.done_at:
                closed = _("Done by {who} on {date}") if done_item else _("Skipped by {who} on {date}")
                lines.append(closed.format(who=item.done_by, date=f"{item.done_at:%Y-%m-%d}"))
            else:
                lines.append((_("Done by {who}") if done_item else _("Skipped by {who}")).format(who=item.done_by))
        if item.id in self.task_progress:
            done, total = self.task_progress[item.id]
            name = rows.department_names(self.store).get(item.department, item.department)
            lines.append(
                _("Tasks on the {department} board: {done} of {total} done (t adds one)").format(department=name, done=done, total=total)
            )
        lines.append(item.detail)
        if item.notes:
            lines.append(_("Notes: {notes}").format(notes=item.notes))
        detail.update("\n".join(line for line in lines if line))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def on_phase_tabs_selected(self, event: PhaseTabs.Selected) -> None:
        self.show_phase(event.phase)

    def show_phase(self, phase: Phase) -> None:
        if phase is not self.phase:
            self.phase = phase
            self.query_one(PhaseTabs).show(phase)
            self.reload()
            self.query_one("#items", KeyedTable).move_cursor(row=0)
            self._show_detail()

    # -- actions -------------------------------------------------------------
    def action_phase(self, step: int) -> None:
        self.show_phase(PHASES[(PHASES.index(self.phase) + step) % len(PHASES)])

    def cursor_table(self) -> KeyedTable:
        return self.query_one("#items", KeyedTable)

    def action_toggle_done(self) -> None:
        item_id = self.current_item_id()
        item = self.ops_app.saves.run(toggle_item, self.store, item_id) if item_id else None
        if item:
            self.reload()
            self._say_open_tasks(item)

    def _say_open_tasks(self, item: ChecklistItem) -> None:
        """Done while its tasks are not: say so (it is allowed; the lead may know better)."""
        done, total = self.task_progress.get(item.id, (0, 0))
        if item.status is ItemStatus.DONE and done < total:
            name = rows.department_names(self.store).get(item.department, item.department)
            still = total - done
            message = ngettext(
                "Marked {code} done; 1 of its tasks is still open on the {board} board",
                "Marked {code} done; {n} of its {total} tasks are still open on the {board} board",
                still,
            ).format(code=item.code, n=still, total=total, board=name)
            self.notify(message, severity="warning", timeout=6, markup=False)

    def action_skip(self) -> None:
        item_id = self.current_item_id()
        if item_id and self.ops_app.saves.run(skip_item, self.store, item_id):
            self.reload()

    def action_edit(self) -> None:
        from ..modals.form import FormField, FormScreen  # with its widgets, only when editing

        item = self.current_item()
        if item is None:
            return
        options = [(name, dept_id) for dept_id, name in department_names(self.store).items()]
        fields = [
            FormField("owner", _("Owner"), item.owner),
            # the date forms the card form takes (12-1, tomorrow, 明天, +3d…), worded as it words them
            FormField(
                "due",
                _("Due (2026-12-01, 12-1, tomorrow, 明天, +3d…; empty for none)"),
                item.due.isoformat() if item.due else "",
                placeholder=_("YYYY-MM-DD"),
            ),
            FormField("department", _("Department"), item.department, kind="select", options=options),
            FormField("notes", _("Notes"), item.notes, kind="textarea"),
        ]

        def edit(values: dict[str, str]) -> ChecklistItem:
            return edit_item(
                self.store,
                item.id,
                owner=values["owner"],
                due=values["due"] or "",
                notes=values["notes"],
                department=values["department"],
                seen=item,  # as the form shows it: a teammate's save of the same field since is asked about
            )

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.reload()

        def saved(result: ChecklistItem | None) -> None:
            warning = before_plan_year(result.due, self.store.meta().year) if result is not None else None  # 1999: a typo?
            if warning:
                self.notify(warning.capitalize(), severity="warning", timeout=8, markup=False)

        submit = self.ops_app.saves.form_submit(edit, what="checklist item", saved=saved)
        self.app.push_screen(FormScreen(f"{item.code} · {item.title}", fields, submit), done)

    def action_add_task(self) -> None:
        """A task on the item's department board that serves the item, through
        the card form with the item's title filled in."""
        from opsboard.services.tasks import add_task

        from ..modals.task_form import task_form  # with its widgets, only when adding

        item = self.current_item()
        if item is None:
            return
        name = department_names(self.store).get(item.department, item.department)

        def added(task) -> None:
            if task is not None:
                self.notify(
                    _("Added '{title}' to the {department} board").format(title=task.title, department=name), timeout=6, markup=False
                )
            self.reload()

        submit = self.ops_app.saves.form_submit(lambda values: add_task(self.store, department=item.department, **values), saved=added)
        self.app.push_screen(
            task_form(
                _("New task for {department}: {code} · {title}").format(department=name, code=item.code, title=item.title),
                submit,
                items=checklist_item_choices(self.store, item.department),
                prefill_title=item.title,
                prefill_item=item.id,
            )
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_export(self) -> None:
        """`x` on review item 1 or 2 archives its report (the traffic table,
        the weekly and monthly sales reports); anywhere else, the checklists."""
        from opsboard.services.review import review_item_report_name, write_review_item_export

        from ..modals.export_path import asking_before_replacing, export_path_form

        item_id = self.current_item_id()
        name = review_item_report_name(item_id)
        if item_id is None or name is None:
            super().action_export()
            return

        def done(written: Path) -> None:
            self.ops_app.remember_export_folder(written)
            self.notify(_("Exported {report} to {path}").format(report=report, path=written), timeout=6, markup=False)

        write = asking_before_replacing(lambda path, force=False: write_review_item_export(self.store, item_id, path, force=force), done)
        report = str(REPORT_TITLES.get(name, name))
        from opsboard.services.export import default_export_path  # the exporters load on first export

        default = default_export_path(self.store, name, folder=self.ops_app.export_folder())
        self.app.push_screen(export_path_form(report, str(default), write))
