"""View 5's actions on the selected row: `d` done, `b` block/unblock (asking
the reason), `a` add a task on this department's board. They go through
services/tasks.py like view 2's, so a card moves the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from opsboard.i18n import _
from opsboard.model import Task, TaskStatus
from opsboard.services.checklists import checklist_item_choices, toggle_item
from opsboard.services.tasks import add_task, find_task, update_task
from opsboard.store import BoardError

from ..modals.task_form import reason_form, task_form
from ..widgets.standup_agenda import AgendaTable

if TYPE_CHECKING:
    from opsboard.model import Department
    from opsboard.store import BoardStore

    from ..app import OpsboardApp


class TaskActions:
    """Mixed into StandupScreen (which provides the store, the department
    shown and reload())."""

    if TYPE_CHECKING:
        store: BoardStore
        ops_app: OpsboardApp
        walk: list[Any]

        @property
        def department(self) -> Department: ...

        def reload(self) -> None: ...
        def query_one(self, selector, expect_type=None): ...
        def notify(self, message, **kwargs) -> None: ...

    def _form_submit(self, change: Callable[[dict[str, str]], object]) -> Callable[[dict[str, str]], dict[str, str] | None]:
        """A form's submit through the app's one save path; a save redraws the view."""
        return self.ops_app.saves.form_submit(change, saved=lambda result: self.reload())

    # -- the selected task ---------------------------------------------------
    def _selected(self) -> tuple[str, str] | None:
        key = self.query_one(AgendaTable).current_key()
        if not key or ":" not in key:
            return None
        kind, doc_id = key.split(":", 1)
        return (kind, doc_id) if kind in ("task", "item") else None  # not "more:…", a count

    def _selected_task(self, task_id: str) -> Task | None:
        """The selected task as the board holds it (gone: said, and the view redrawn)."""
        try:
            return find_task(self.store, task_id)
        except BoardError as error:
            self.ops_app.saves.failed(error)
            return None

    def _changed(self, result: object) -> None:
        if result is not None:
            self.reload()

    def action_done(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, doc_id = selected
        if kind == "item":
            self._changed(self.ops_app.saves.run(toggle_item, self.store, doc_id))
            return
        task = self._selected_task(doc_id)
        if task is None:
            return
        if task.status is TaskStatus.DONE:
            self.notify(_("Already done"))
            return
        self._changed(self.ops_app.saves.run(update_task, self.store, task.id, status=TaskStatus.DONE, seen=task))

    def action_block(self) -> None:
        selected = self._selected()
        if selected is None or selected[0] != "task":
            self.notify(_("Select a task to block or unblock"))
            return
        task = self._selected_task(selected[1])
        if task is None:
            return
        if task.status is TaskStatus.BLOCKED:  # unblock: back to Doing, the reason cleared
            self._changed(self.ops_app.saves.run(update_task, self.store, task.id, status=TaskStatus.DOING, seen=task))
            return

        def block(values: dict[str, str]) -> Task:
            return update_task(self.store, task.id, status=TaskStatus.BLOCKED, reason=values["reason"], seen=task)

        self.ops_app.push_screen(reason_form(task.title, self._form_submit(block)))

    def action_add(self) -> None:
        if not self.walk:
            return
        department = self.department

        def add(values: dict[str, str]) -> Task:
            task = add_task(self.store, department=department.id, **values)
            self.query_one(AgendaTable).select_next = f"task:{task.id}"  # shown as New (or by its due date)
            return task

        items = checklist_item_choices(self.store, department.id)
        self.ops_app.push_screen(
            task_form(_("New task for {department}").format(department=department.name), self._form_submit(add), items=items)
        )
