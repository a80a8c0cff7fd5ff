"""The board file is damaged: restore the newest good backup, look at it
read-only, or quit — a dialog, never a traceback.

`RecoveryApp` is the small app `opsboard BOARD` runs before the main one when
the board cannot be opened; it exits with the choice ("restore", "read-only",
"yesterday" — when yesterday's snapshot is kept — or "quit").
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from opsboard.i18n import _, _l
from opsboard.services.recovery import BackupInfo, count_tasks
from opsboard.store import BoardDamagedError


def explain(error: BoardDamagedError, backup: BackupInfo | None, yesterday: BackupInfo | None = None) -> str:
    lines = [_("{path} cannot be opened: {where}.").format(path=error.path, where=error.where), ""]
    if backup is None:
        lines += [
            _("No good backup was found, so there is nothing to restore or to open read-only."),
            _("The file is left exactly as it is: fix it by hand, or ask a teammate for a copy."),
        ]
    else:
        lines += [
            _("The newest good backup is number {number}, saved {when} ({tasks}).").format(
                number=backup.number, when=f"{backup.saved_at:%Y-%m-%d %H:%M:%S}", tasks=count_tasks(backup.tasks or 0)
            ),
            _("Restoring keeps the damaged file beside the board (.before-restore-…); nothing is deleted."),
        ]
    if yesterday is not None:
        lines += [
            _("Yesterday's board is kept too: last saved {when} ({tasks}).").format(
                when=f"{yesterday.saved_at:%Y-%m-%d %H:%M}", tasks=count_tasks(yesterday.tasks or 0)
            )
        ]
    return "\n".join(lines)


class RecoveryDialog(ModalScreen[str]):
    CSS_PATH = "recovery.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('restore')", _l("Restore backup"), id="recovery.restore"),
        Binding("o", "choose('read-only')", _l("Open read-only"), id="recovery.read_only"),
        Binding("y", "choose('yesterday')", _l("Yesterday's board"), id="recovery.yesterday"),
        Binding("q,escape", "choose('quit')", _l("Quit"), id="recovery.quit"),
    ]

    def __init__(self, error: BoardDamagedError, backup: BackupInfo | None, yesterday: BackupInfo | None = None) -> None:
        super().__init__()
        self.error = error
        self.backup = backup
        self.yesterday = yesterday  # the day snapshot of yesterday, when a good one is kept

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("This board file is damaged"), classes="recovery-title")
            yield Static(explain(self.error, self.backup, self.yesterday), id="recovery-text", markup=False)
            with Horizontal(id="recovery-buttons"):
                if self.backup is not None:  # without one, only what works is offered
                    yield Button(_("Restore backup (r)"), id="restore", variant="primary")
                    yield Button(_("Open read-only (o)"), id="read-only")
                if self.yesterday is not None:
                    yield Button(_("Yesterday (y)"), id="yesterday")
                yield Button(_("Quit (q)"), id="quit")

    def on_mount(self) -> None:
        self.query_one("#quit" if self.backup is None else "#restore", Button).focus()

    def _offered(self, choice: str) -> bool:
        if choice == "yesterday":
            return self.yesterday is not None
        return choice == "quit" or self.backup is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "choose" and not self._offered(str(parameters[0]) if parameters else "quit"))

    def action_choose(self, choice: str) -> None:
        if self._offered(choice):
            self.dismiss(choice)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or "quit")


class RecoveryApp(App[str]):
    TITLE = "opsboard"

    def __init__(self, error: BoardDamagedError, backup: BackupInfo | None, yesterday: BackupInfo | None = None) -> None:
        super().__init__()
        self.error = error
        self.backup = backup
        self.yesterday = yesterday

    def on_mount(self) -> None:
        self.sub_title = _("damaged board")
        self.push_screen(RecoveryDialog(self.error, self.backup, self.yesterday), self.exit)
