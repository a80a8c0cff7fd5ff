"""A yes/no question as a modal: `y` confirms, `n`/esc cancels. Cancel has
the focus, so a stray enter changes nothing.

    self.app.push_screen(ConfirmScreen("Delete task?", Text(title)), on_answer)
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


class ConfirmScreen(ModalScreen[bool]):
    CSS_PATH = "confirm.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", _l("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", _l("No"), id="confirm.no"),
    ]

    def __init__(self, title: str, message: str | Text = "", *, confirm_label: str | None = None) -> None:
        super().__init__()
        self.question = title
        self.message = message if isinstance(message, Text) else Text(message)
        self.confirm_label = confirm_label or _("Yes")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question), classes="confirm-title")
            if self.message:
                yield Static(self.message)
            with Horizontal(id="confirm-buttons"):
                yield Button(_("Cancel (n)"), id="no")
                yield Button(_("{action} (y)").format(action=self.confirm_label), id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # enter on the default keeps the card

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
