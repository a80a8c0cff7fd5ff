"""Key-to-frame timing for Pilot benchmarks: from the start of a screen's
action to the end of the first frame drawn after it."""

from __future__ import annotations

import time
from collections.abc import Iterable


class FrameTimer:
    def __init__(self, screen, actions: Iterable[str]) -> None:
        self.mark: dict[str, float] = {}
        for name in actions:
            self._wrap(screen, name)
        refresh = screen._compositor_refresh

        def painted() -> None:
            refresh()
            if "handled" in self.mark and "painted" not in self.mark:
                self.mark["painted"] = time.perf_counter()

        screen._compositor_refresh = painted

    def _wrap(self, screen, name: str) -> None:
        action = getattr(screen, name)

        def timed(*args):
            self.mark["start"] = time.perf_counter()
            self.mark.pop("painted", None)
            action(*args)
            self.mark["handled"] = time.perf_counter()

        setattr(screen, name, timed)

    async def press(self, pilot, key: str) -> float | None:
        """Seconds from the action the key ran to its frame; None when the
        key ran no timed action or drew nothing."""
        self.mark.clear()
        await pilot.press(key)
        await pilot.pause()
        if "painted" in self.mark:
            return self.mark["painted"] - self.mark["start"]
        return None
