"""A card's details: every field, full length. `e` edits, esc closes."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from opsboard.model import TASK_STATUS_LABELS, Task
from opsboard.i18n import _l


def task_details(task: Task, department: str, item: str, today: date) -> Text:
    """The card as labelled lines; user text stays text (no markup)."""
    rows: list[tuple[str, str]] = [
        ("Status", TASK_STATUS_LABELS[task.status]),
        ("Department", department),
        ("Priority", f"P{task.priority}"),
        ("Owner", task.owner or "—"),
    ]
    if task.due:
        late = " (overdue)" if task.is_overdue(today) else " (today)" if task.is_due_today(today) else ""
        rows.append(("Due", task.due.isoformat() + late))
    if task.blocked_reason:
        since = f" (since {task.blocked_since:%Y-%m-%d})" if task.blocked_since else ""
        rows.append(("Blocked", task.blocked_reason + since))
    if task.tags:
        rows.append(("Tags", ", ".join(task.tags)))
    if item:
        rows.append(("Checklist", item))
    if task.created_at:
        rows.append(("Created", f"{task.created_at:%Y-%m-%d} by {task.created_by or '?'}"))
    if task.done_at:
        rows.append(("Done", f"{task.done_at:%Y-%m-%d}"))
    rows.append(("Id", task.id))
    text = Text()
    for label, value in rows:
        text.append(f"{label:<11}", style="bold")
        text.append(value + "\n")
    if task.notes:
        text.append("\n" + task.notes)
    return text


class TaskDetailsScreen(ModalScreen[str | None]):
    """Dismisses with "edit" when the user asks to edit, else None."""

    DEFAULT_CSS = """
    TaskDetailsScreen { align: center middle; }
    TaskDetailsScreen > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    TaskDetailsScreen .details-title { text-style: bold; padding: 0 0 1 0; }
    TaskDetailsScreen VerticalScroll { height: auto; max-height: 20; }
    TaskDetailsScreen .details-keys { color: $text-muted; padding: 1 0 0 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", _l("Close"), id="details.close"),
        Binding("e", "edit", _l("Edit"), id="details.edit"),
    ]

    def __init__(self, task: Task, details: Text) -> None:
        super().__init__()
        self.card = task
        self.details = details

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.card.title), classes="details-title")
            with VerticalScroll():
                yield Static(self.details)
            yield Static("e edit · esc close", classes="details-keys", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        self.dismiss("edit")
