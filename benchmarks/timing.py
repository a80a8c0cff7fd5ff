"""The median of repeated runs, the first one left out (it warms caches and
imports), and the one table every benchmark prints its budgets in."""

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


def print_budget_rows(rows: list[tuple[str, object, object, bool | None]], *, result_width: int = 8) -> int:
    """Print a benchmark's (name, result, budget, within budget) rows as one
    aligned table; the exit status: 1 when any row is over its budget."""
    width = max(len(row[0]) for row in rows)
    for name, result, budget, ok in rows:
        verdict = {True: "pass", False: "FAIL", None: ""}[ok]
        limit = f"≤ {budget:g}" if isinstance(budget, float) else budget
        print(f"{name.ljust(width)}  {result!s:>{result_width}}  {limit!s:>7}  {verdict}")
    return 1 if any(row[3] is False for row in rows) else 0
