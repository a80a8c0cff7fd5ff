"""The app's views, in one registry: the key that opens each, its title,
its screen and whether `x` / `opsboard export --view NAME` exports it.

Screens are named by module path and imported when first shown, so opening
the app loads only view 1's. To add a view: its screen module (a
`ViewScreen` with VIEW_NAME and VIEW_TITLE), one entry here, and its
Markdown exporter in `services/export.EXPORTERS`; tests/tui/test_views.py
checks the four agree.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual._context import active_app
from textual.binding import Binding

from opsboard.i18n import _l

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class View:
    name: str  # as in `opsboard export --view NAME`; the app's mode
    key: str
    title: str
    screen: str  # "module:ScreenClass"
    binding_id: str = ""  # for keymap.toml; default view.NAME
    mode: bool = True  # a mode of its own; False: opened over the current view
    exported: bool = True  # has a Markdown exporter (services/export.EXPORTERS)

    def screen_class(self) -> type[Screen[None]]:
        module, name = self.screen.split(":")
        screen: type[Screen[None]] = getattr(importlib.import_module(module), name)
        return screen

    def make_screen(self) -> Screen[None]:
        return self.screen_class()()

    def css_paths(self) -> list[Path]:
        """Its screen's CSS files (CSS_PATH, beside its module)."""
        screen = self.screen_class()
        paths = screen.CSS_PATH if isinstance(screen.CSS_PATH, list) else [screen.CSS_PATH] if screen.CSS_PATH else []
        return [Path(inspect.getfile(screen)).parent / path for path in paths]

    def binding(self) -> Binding:
        return Binding(self.key, f"view('{self.name}')", self.title, id=self.binding_id or f"view.{self.name}", show=False)


VIEWS: tuple[View, ...] = (
    View("checklists", "1", _l("Checklists"), "opsboard.tui.screens.checklists:ChecklistsScreen"),
    View("boards", "2", _l("Boards"), "opsboard.tui.screens.boards:BoardsScreen"),
    View("targets", "3", _l("Targets"), "opsboard.tui.screens.targets:TargetsScreen"),
    View("review", "4", _l("Review"), "opsboard.tui.screens.review:ReviewScreen"),
    View("standup", "5", _l("Stand-up"), "opsboard.tui.screens.standup:StandupScreen"),
    # who changed what: over any view, and back with escape
    View(
        "activity",
        "A",
        _l("Activity"),
        "opsboard.tui.screens.activity:ActivityScreen",
        binding_id="app.activity",
        mode=False,
        exported=False,
    ),
    # every department's tasks in one list (view 2's filter carried over); enter opens the card on its board
    View(
        "tasks",
        "T",
        _l("All tasks"),
        "opsboard.tui.screens.task_list:TaskListScreen",
        binding_id="app.tasks",
        mode=False,
        exported=False,
    ),
)
BY_NAME: dict[str, View] = {view.name: view for view in VIEWS}


def modes() -> dict[str, str | Callable[[], Screen[Any]]]:
    """The app's MODES: each view with a mode of its own, made when first shown."""
    return {view.name: partial(mode_screen, view) for view in VIEWS if view.mode}


def mode_screen(view: View) -> Screen[None]:
    """A view's screen, made as its mode's screen. Marked as styled by the
    app's stylesheet as it stands (it will be, as it mounts): Textual takes a
    screen it makes for a mode as never styled and parses the whole
    stylesheet again for it (a tenth of the time to the first frame)."""
    screen = view.make_screen()
    screen._css_update_count = active_app.get()._css_update_count
    return screen
