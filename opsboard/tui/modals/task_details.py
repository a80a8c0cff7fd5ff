"""A card's details: every field, full length, its comments (who, when,
what) and its history from the activity log. `c` comments, `e` edits, esc closes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from opsboard.i18n import _, _l, pgettext
from opsboard.model import Task
from opsboard.model.labels import task_status_title
from opsboard.services.task_fields import TaskContext, details_rows

if TYPE_CHECKING:
    from opsboard.services.comments import HistoryLine


def task_details(task: Task, department: str, item: str, today: date, history: Sequence[HistoryLine] = ()) -> Text:
    """The card as labelled lines, then its comments and its history; user
    text stays text (no markup)."""
    rows: list[tuple[str, str]] = [(_("Status"), task_status_title(task.status))]
    if task.blocked_reason:
        if task.blocked_since:
            blocked = _("{reason} (since {date})").format(reason=task.blocked_reason, date=f"{task.blocked_since:%Y-%m-%d}")
        else:
            blocked = task.blocked_reason
        rows.append((_("Blocked"), blocked))
    seen = TaskContext(today, {task.department: department}, {task.checklist_item: item} if task.checklist_item and item else {})
    rows += details_rows(task, seen)  # the declared fields (services/task_fields.py)
    if task.created_at:
        rows.append((_("Created"), _("{date} by {who}").format(date=f"{task.created_at:%Y-%m-%d}", who=task.created_by or "?")))
    if task.done_at:
        rows.append((pgettext("task status", "Done"), f"{task.done_at:%Y-%m-%d}"))
    rows.append((_("Id"), task.id))
    text = Text()
    for label, value in rows:
        text.append(label + " " * max(1, 11 - cell_len(label)), style="bold")  # CJK labels take two cells a character
        text.append(value + "\n")
    if task.notes:
        text.append("\n" + task.notes + "\n")
    text.append("\n" + _("Comments ({count})").format(count=len(task.comments)) + "\n", style="bold underline")
    if not task.comments:
        text.append(_("none yet: c adds one") + "\n", style="dim")
    for comment in task.comments:
        text.append(f"{comment.by or '?'}", style="bold")
        text.append(f" · {comment.at:%Y-%m-%d %H:%M}\n", style="dim")
        text.append(comment.text + "\n")
    if history:
        text.append("\n" + _("History") + "\n", style="bold underline")
        for line in history:
            text.append(f"{line.at:%Y-%m-%d %H:%M}  ", style="dim")
            text.append(line.text + "\n")
    return text


class TaskDetailsScreen(ModalScreen[str | None]):
    """Dismisses with "edit" when the user asks to edit, else None."""

    CSS_PATH = "task_details.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", _l("Close"), id="details.close"),
        Binding("e", "edit", _l("Edit"), id="details.edit"),
        Binding("c", "comment", _l("Comment"), id="details.comment"),
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
            yield Static(_("c comment · e edit · esc close"), classes="details-keys", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        self.dismiss("edit")

    def action_comment(self) -> None:
        self.dismiss("comment")
