"""Keys applied one at a time, in the order typed, each once the screen it
goes to is ready: none is lost while a view loads.

Textual hands a key to the focused widget as soon as the app reads it, and
runs a view's binding only when the key has bubbled back up to the app. Keys
typed together (a terminal delivers `2 1` or `2 j j enter` in one read) were
therefore handed to view 1 before `2` had switched views, and a key that
arrived while view 2 was still being built went to whatever had focus for a
moment (its filter field took the `1`). Here the app lets a key in only when
the one before it has gone all the way through (handled by a binding, or
stopped by the widget that took it) and the screen on top is mounted and, for
a view that works its figures out in a thread, has them (`ready_for_keys`;
a key bound by the app itself, such as another view's, need not wait for
them). Meanwhile keys wait here and are re-sent in order.

Bounded: a key waits at most HOLD_LIMIT seconds for a screen that never says
it is ready, and a key in flight that is never seen again (its widget went
away) stops blocking after IN_FLIGHT_LIMIT.
"""

from __future__ import annotations

import asyncio
from collections import deque
from time import monotonic
from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

POLL_SECONDS = 0.002
HOLD_LIMIT = 5.0
IN_FLIGHT_LIMIT = 0.5


class KeyOrder:
    def __init__(self, app: App) -> None:
        self.app = app
        self.held: deque[events.Key] = deque()
        self.in_flight: events.Key | None = None
        self._in_flight_since = 0.0
        self._released: events.Key | None = None  # re-sent by us: let in
        self._task: asyncio.Task[None] | None = None
        self.last_key_at = 0.0  # when the user last typed (tui/preparing.py waits for a pause)

    # -- called by the app ---------------------------------------------------
    def admit(self, key: events.Key) -> bool:
        """A key the app has just read: True to handle it now; False when it
        waits its turn (it is sent again then)."""
        self.last_key_at = monotonic()
        if key is self._released:
            self._released = None
            self._start(key)
            return True
        if not self.held and self._settled() and self.ready(key):
            self._start(key)
            return True
        self.held.append(key)
        self._run()
        return False

    def went_through(self, key: events.Key, *, bubbled: bool) -> None:
        """The app handled `key`: on its way back up (`bubbled`), or on the
        way in without handing it to a widget (a priority binding took it)."""
        if key is self.in_flight and (bubbled or not key.is_forwarded):
            self.in_flight = None

    def ready(self, key: events.Key) -> bool:
        """The screen on top is built and, if the key acts on it and it loads
        its figures in a thread, has them (a view switch or quit need not
        wait for view 4's reports)."""
        try:
            screen = self.app.screen
        except Exception:  # no screen yet (starting) or none any more (ending)
            return False
        if not screen.is_mounted:
            return False
        return bool(getattr(screen, "ready_for_keys", True)) or not self._acts_on_screen(screen, key)

    def _acts_on_screen(self, screen: Screen, key: events.Key) -> bool:
        """Whether the key goes to the screen or its widgets rather than to
        one of the app's own bindings (views, undo, help, quit)."""
        for node, bindings in screen._modal_binding_chain:
            if bindings.key_to_bindings.get(key.key):
                return node is not self.app
        return True  # no binding: typed into a widget

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.held.clear()

    # -- inside --------------------------------------------------------------
    def _start(self, key: events.Key) -> None:
        self.in_flight = key
        self._in_flight_since = monotonic()

    def _settled(self) -> bool:
        """The key before has gone through: handled at the app, stopped by
        the widget that took it, or not seen for too long."""
        key = self.in_flight
        if key is None:
            return True
        if key._stop_propagation or monotonic() - self._in_flight_since > IN_FLIGHT_LIMIT:
            self.in_flight = None
            return True
        return False

    def _run(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._release_in_turn())

    async def _release_in_turn(self) -> None:
        while self.held:
            waiting_since = monotonic()
            while not (self._settled() and (self.ready(self.held[0]) or monotonic() - waiting_since > HOLD_LIMIT)):
                await asyncio.sleep(POLL_SECONDS)
            key = self.held.popleft()
            self._released = key
            self.in_flight = key  # nothing else goes in before it is back
            self._in_flight_since = monotonic()
            self.app.post_message(key)
            await asyncio.sleep(0)
