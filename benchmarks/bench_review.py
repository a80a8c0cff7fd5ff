"""The review's budgets: building the weekly and monthly reports over three
years of daily metrics for five channels (≤ 200 ms), and switching
weekly/monthly or channel in view 4 (≤ 100 ms, key to the next frame).

    python benchmarks/bench_review.py        (or through benchmarks/run.py)

`main()` returns rows (name, median, budget, pass); times in ms.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in (HERE.parent, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from frame_timer import FrameTimer

from opsboard.model import Channel, DailyMetric, Operation, OpKind, Table, TargetPlan

BUILD_BUDGET_MS = 200.0
SWITCH_BUDGET_MS = 100.0
CHANNELS = ("Tmall", "JD", "Douyin", "Pinduoduo", "Kuaishou")
YEARS = (2023, 2024, 2025)


def review_metrics(years=YEARS, channels=CHANNELS, seed: int = 6) -> list[DailyMetric]:
    """Every day of the years for every channel: 5,478 rows for 3 × 5."""
    rng = random.Random(seed)
    rows = []
    day = date(years[0], 1, 1)
    while day.year <= years[-1]:
        for n, channel in enumerate(channels):
            uv = int((3000 - 400 * n) * rng.uniform(0.8, 1.2) * (3 if (day.month, day.day) == (11, 11) else 1))
            orders = int(uv * rng.uniform(0.02, 0.04))
            rows.append(
                DailyMetric(
                    date=day,
                    channel=channel,
                    pv=int(uv * rng.uniform(2, 4)),
                    uv=uv,
                    orders=orders,
                    revenue=round(orders * rng.uniform(150, 260), 2),
                    ad_spend=0.0 if n == 4 else round(uv * 0.3, 2),
                )
            )
        day += timedelta(days=1)
    return rows


def review_plan() -> TargetPlan:
    share = 1 / len(CHANNELS)
    return TargetPlan(year=YEARS[-1], annual_target=60_000_000, channels=[Channel(id=c.lower(), name=c, share=share) for c in CHANNELS])


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def build_rows(runs: int = 9) -> list[tuple]:
    from opsboard.logic.review import ReviewData

    metrics, plan = review_metrics(), review_plan()
    ReviewData(metrics[:10]).report("week")  # pandas imported before timing
    both, both_plan, every = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        data = ReviewData(metrics)
        data.report("week")
        data.report("month")
        both.append(time.perf_counter() - started)

        started = time.perf_counter()
        data = ReviewData(metrics)
        data.report("week", None, plan)
        data.report("month", None, plan)
        both_plan.append(time.perf_counter() - started)

        started = time.perf_counter()
        data = ReviewData(metrics)
        for period in ("week", "month"):
            for channel in (None, *CHANNELS):
                data.report(period, channel, plan)
        every.append(time.perf_counter() - started)
    build, with_plan = median_ms(both), median_ms(both_plan)
    return [
        ("review: weekly + monthly, 3 years × 5 channels (ms)", round(build, 1), BUILD_BUDGET_MS, build <= BUILD_BUDGET_MS),
        ("review: the same with targets and attainment (ms)", round(with_plan, 1), BUILD_BUDGET_MS, with_plan <= BUILD_BUDGET_MS),
        ("review: all 12 reports view 4 switches between (ms)", round(median_ms(every), 1), "", None),
    ]


async def _switch_times(board: Path, rounds: int) -> dict[str, list[float]]:
    """Drive view 4 with Pilot; time each key from the action's start to the
    end of the first frame drawn after it."""
    from opsboard.store import BoardStore
    from opsboard.tui.app import OpsboardApp
    from opsboard.tui.screens.review import ReviewScreen

    app = OpsboardApp(BoardStore(board, user="bench"))
    app.animation_level = "none"
    times: dict[str, list[float]] = {"open": [], "period": [], "channel": []}
    async with app.run_test(size=(120, 40)) as pilot:
        started = time.perf_counter()
        await pilot.press("4")
        screen = app.screen
        for _ in range(500):
            if isinstance(screen, ReviewScreen) and screen.source is not None:
                break
            await pilot.pause()
        times["open"].append(time.perf_counter() - started)
        await pilot.pause()

        timer = FrameTimer(screen, ("action_period", "action_channel"))
        for _ in range(rounds):
            for key, kind in (("w", "period"), ("m", "period"), ("c", "channel"), ("c", "channel")):
                seconds = await timer.press(pilot, key)
                if seconds is not None:
                    times[kind].append(seconds)
    return times


def switch_rows(rounds: int = 6) -> list[tuple]:
    from opsboard.services.board_files import init_board

    with tempfile.TemporaryDirectory(prefix="opsboard-bench-review-") as folder:
        board = Path(folder) / "review.json"
        store = init_board(board, user="bench", name="Bench", year=YEARS[-1])
        docs = [m.to_doc() | {"id": m.id} for m in review_metrics()]
        store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs))
        store.apply(Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id="plan", after=review_plan().to_doc()))
        times = asyncio.run(_switch_times(board, rounds))
    period, channel = median_ms(times["period"]), median_ms(times["channel"])
    return [
        ("view 4: first open, metrics prepared in a worker (ms)", round(median_ms(times["open"]), 1), "", None),
        ("view 4: w / m switch, key to frame (ms)", round(period, 1), SWITCH_BUDGET_MS, period <= SWITCH_BUDGET_MS),
        ("view 4: c next channel, key to frame (ms)", round(channel, 1), SWITCH_BUDGET_MS, channel <= SWITCH_BUDGET_MS),
    ]


def main() -> list[tuple]:
    return build_rows() + switch_rows()


if __name__ == "__main__":
    rows = main()
    width = max(len(row[0]) for row in rows)
    for name, result, budget, ok in rows:
        verdict = {True: "pass", False: "FAIL", None: ""}[ok]
        limit = f"≤ {budget:g}" if budget != "" else ""
        print(f"{name.ljust(width)}  {result:>8}  {limit:>7}  {verdict}")
    sys.exit(1 if any(row[3] is False for row in rows) else 0)
