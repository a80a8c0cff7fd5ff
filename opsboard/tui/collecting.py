"""Full garbage collections in the pauses between keys, not inside them.

Python walks every object not frozen (`OpsboardApp.keep_loaded`) on a full
collection, and starts one whenever enough objects have been made since the
last: on a board of five years a keypress in the middle of one took 40–70 ms
longer (eleven of them in a minute of keys, on the demo board too). While
the app runs, Python's own full collections are held back (the young
generations are still collected as usual: they are cheap) and the app makes
the full collection itself once the user has stopped typing for a moment, or,
should they never stop, after many times the usual wait.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import OpsboardApp

LOOK_SECONDS = 0.5  # how often it looks whether a full collection is due
PAUSE_SECONDS = 1.0  # without a key before it collects
DUE = 10  # young collections since the last full one: Python's own threshold
OVERDUE = 20 * DUE  # collected even while typing: memory stays bounded
HELD_BACK = 1_000_000  # Python's own threshold for full collections while the app runs


class IdleCollector:
    def __init__(self, app: OpsboardApp) -> None:
        self.app = app
        self._thresholds: tuple[int, int, int] | None = None
        self.collected = 0  # full collections made in pauses (for tests and benchmarks)

    def start(self) -> None:
        if self._thresholds is not None:
            return
        self._thresholds = gc.get_threshold()
        young, middle, _full = self._thresholds
        gc.set_threshold(young, middle, HELD_BACK)
        self.app.set_interval(LOOK_SECONDS, self.look, name="idle-collector")

    def stop(self) -> None:
        """Python's own thresholds back (the app ends, or a test's app does)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def look(self) -> None:
        if self._thresholds is None:
            return
        due = gc.get_count()[2]
        typing = time.monotonic() - self.app.key_order.last_key_at < PAUSE_SECONDS
        if due >= OVERDUE or (due >= DUE and not typing):
            self.collect()

    def collect(self) -> None:
        """A full collection (benchmarks/bench_keys.py times it). What
        survives is not frozen: a frozen object that later becomes garbage
        in a cycle is never freed (freezing after each one kept about 45,000
        such objects alive a round of keys on a five-year board)."""
        gc.collect(2)
        self.collected += 1
