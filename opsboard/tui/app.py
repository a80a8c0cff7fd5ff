"""OpsboardApp: the shell around the five views (keys 1–5)."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from opsboard.store import BoardError, BoardStore

from .keymap import load_keymap
from .messages import BoardReloaded

# view name → (key, title, "module:ScreenClass"), imported when first shown.
ALL_VIEWS: dict[str, tuple[str, str, str]] = {
    "checklists": ("1", "Checklists", "opsboard.tui.screens.checklists:ChecklistsScreen"),
    "boards": ("2", "Boards", "opsboard.tui.screens.boards:BoardsScreen"),
    "targets": ("3", "Targets", "opsboard.tui.screens.targets:TargetsScreen"),
    "review": ("4", "Review", "opsboard.tui.screens.review:ReviewScreen"),
    "standup": ("5", "Stand-up", "opsboard.tui.screens.standup:StandupScreen"),
}
# A view whose module is not there yet is not offered; its key does nothing.
VIEWS = {name: spec for name, spec in ALL_VIEWS.items() if importlib.util.find_spec(spec[2].split(":")[0])}

REFRESH_SECONDS = 1.0  # how often we stat the board for another process's save


def _screen_factory(target: str):
    def make() -> Screen:
        module, name = target.split(":")
        return getattr(importlib.import_module(module), name)()

    return make


class OpsboardApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "opsboard"
    ENABLE_COMMAND_PALETTE = True

    MODES: ClassVar = {name: _screen_factory(target) for name, (_, _, target) in VIEWS.items()}
    DEFAULT_MODE = "checklists"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "view('checklists')", "Checklists", id="view.checklists", show=False),
        Binding("2", "view('boards')", "Boards", id="view.boards", show=False),
        Binding("3", "view('targets')", "Targets", id="view.targets", show=False),
        Binding("4", "view('review')", "Review", id="view.review", show=False),
        Binding("5", "view('standup')", "Stand-up", id="view.standup", show=False),
        Binding("question_mark", "toggle_help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, store: BoardStore, notice: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.startup_notice = notice

    # -- start ---------------------------------------------------------------
    def on_mount(self) -> None:
        keymap, problem = load_keymap()
        if keymap:
            self.set_keymap(keymap)
        if problem:
            self.notify(problem, severity="warning", timeout=8)
        self.refresh_title()
        if self.startup_notice:
            self.notify(self.startup_notice, timeout=6)
        if self.store.read_only:
            self.notify(f"Read-only: {self.store.read_only_reason}", severity="warning", timeout=10)
        self.set_interval(REFRESH_SECONDS, self.check_for_changes, name="board-refresh")

    def refresh_title(self, state: str | None = None) -> None:
        meta = self.store.meta()
        self.title = meta.name
        saved = state or ("read-only" if self.store.read_only else f"saved · rev {self.store.revision}")
        self.sub_title = f"{self.store.user} · {saved}"

    # -- views ---------------------------------------------------------------
    def action_view(self, name: str) -> None:
        if name in VIEWS and self.current_mode != name:
            self.switch_mode(name)

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    # -- saving and reloading -------------------------------------------------
    def run_change(self, change, *args, **kwargs):
        """Run a service call that saves; report a failure as a message, never
        a traceback. Returns the call's result, or None when it failed."""
        try:
            result = change(*args, **kwargs)
        except BoardError as error:
            self.notify(str(error), severity="error", timeout=8)
            return None
        self.refresh_title()
        return result

    def check_for_changes(self) -> None:
        """A stat per tick; a reload only when another process saved."""
        try:
            if not self.store.changed_on_disk():
                return
            self.store.refresh()
        except BoardError as error:
            self.refresh_title("cannot read the file")
            self.notify(str(error), severity="error", timeout=8)
            return
        self.refresh_title()
        self.screen.post_message(BoardReloaded())

    # -- command palette: every binding of the screen and the app --------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        seen = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action.startswith("command_palette"):
                continue
            seen.add(binding.action)
            yield SystemCommand(binding.description, f"key: {key}", partial(self.run_action, binding.action, active.node))
