"""Screens made once and opened again: the card form (`a`, `e`) and the
activity view (`A`). Composing, styling and laying out their widgets took
50–60 ms of each opening on a five-year board; kept, an opening only fills
them anew (each says how: `FormScreen.refill`, `ActivityScreen.reopen`).

A kept screen is installed in the app (closing it does not remove it) under
a key of the caller's; `kept` gives it back only when it is mounted and on
no screen stack (a form over a form gets a new one, as before). Opened
again, it is not restyled when nothing its styles depend on changed since
it was last on screen (or styled ahead: tui/preparing.py MADE_AHEAD)."""

from __future__ import annotations

import itertools
from collections.abc import Hashable
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.screen import Screen

_KEPT: WeakKeyDictionary[App, dict[Hashable, Screen]] = WeakKeyDictionary()
_INSTALLED = itertools.count(1)


def kept(app: App, key: Hashable) -> Screen | None:
    """The screen kept under `key`, when it can be opened again now."""
    screen = _KEPT.get(app, {}).get(key)
    if screen is None or not screen.is_running or any(screen in stack for stack in app._screen_stacks.values()):
        return None
    return screen


def hidden_kept(app: App) -> list[Screen]:
    """The kept screens mounted and on no screen stack: not on screen."""
    return [
        screen
        for screen in _KEPT.get(app, {}).values()
        if screen.is_running and screen.is_mounted and not any(screen in stack for stack in app._screen_stacks.values())
    ]


def is_kept(app: App, key: Hashable) -> bool:
    """A screen is kept under `key` (shown or not)."""
    screen = _KEPT.get(app, {}).get(key)
    return screen is not None and screen.is_running


def keep(app: App, key: Hashable, screen: Screen) -> None:
    screens = _KEPT.setdefault(app, {})
    before = screens.get(key)
    if before is not None and before.is_running:
        return  # that one stays kept (this one was made while it was on screen)
    screens[key] = screen
    app.install_screen(screen, f"kept-{next(_INSTALLED)}")  # a name of its own, also when it replaces one that stopped
    if isinstance(screen, KeptStyles):
        screen.kept = True


class KeptStyles:
    """For a Screen kept and opened again: Textual restyles every widget of a
    screen it shows again; not needed when nothing its styles depend on
    changed since it was last styled."""

    kept = False
    _styled: tuple[object, ...] | None = None  # what its styles depend on, when last styled

    def _styles_state(self) -> tuple[object, ...]:
        app = self.app  # type: ignore[attr-defined]
        return (app._css_update_count, app.theme, app.app_focus)

    def keep_styles(self) -> None:
        """Styled now (shown and left, or styled ahead)."""
        self._styled = self._styles_state()

    def on_screen_suspend(self) -> None:
        if self.kept:
            self.keep_styles()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._styled is not None and self._styled == self._styles_state():
            event.refresh_styles = False
