"""The median of repeated runs, the first one left out (it warms caches and
imports): shared by the benchmarks that time a plain call."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def warm_median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for n in range(runs + 1):
        started = time.perf_counter()
        action()
        if n:
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000
