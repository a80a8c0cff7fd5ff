"""A form's task (or item) was deleted by a teammate while it was open: the
typing is kept, and the user chooses what becomes of it.

Dismisses with "recreate" (add it again with what was typed), "edit" (back to
the form) or "discard".
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from opsboard.i18n import _, _l


class RecordGoneDialog(ModalScreen[str]):
    CSS_PATH = "record_gone.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('recreate')", _l("Re-create"), id="gone.recreate"),
        Binding("e,escape", "choose('edit')", _l("Keep editing"), id="gone.edit"),
        Binding("d", "choose('discard')", _l("Discard"), id="gone.discard"),
    ]

    TITLES: ClassVar[dict[str, object]] = {
        "task": _l("This task is no longer on the board"),
        "checklist item": _l("This checklist item is no longer on the board"),
        "stand-up": _l("This stand-up is no longer on the board"),
        "plan": _l("The target plan is no longer on the board"),
    }

    def __init__(self, what: str, reason: str, *, can_recreate: bool) -> None:
        super().__init__()
        self.what = what
        self.reason = reason
        self.can_recreate = can_recreate

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(str(self.TITLES.get(self.what, self.TITLES["task"]))), classes="gone-title")
            yield Static(Text(_("{reason}\nWhat you typed is kept.").format(reason=self.reason)), id="gone-reason")
            with Horizontal(id="gone-buttons"):
                yield Button(_("Discard (d)"), id="discard")
                yield Button(_("Keep editing (e)"), id="edit")
                yield Button(_("Re-create it (r)"), id="recreate", variant="primary", disabled=not self.can_recreate)

    def on_mount(self) -> None:
        self.query_one("#recreate" if self.can_recreate else "#edit", Button).focus()

    def action_choose(self, choice: str) -> None:
        if choice == "recreate" and not self.can_recreate:
            return
        self.dismiss(choice)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or "edit")
