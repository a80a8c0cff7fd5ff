"""The targets' budgets: recomputing the plan, its day curves, plan vs actual
and the split over the levers — with per-channel plan vs actual, the rest of
the year, spend against budget and cap and peak staffing — for a board with
three years of daily metrics for five channels (≤ 100 ms; the day-curve
cache is cleared before every run, so the curves are worked out each time), and
importing three years of daily metrics for five channels from a CSV — read,
checked and saved as one REPLACE (≤ 1 s), into an empty board and again over
the same rows.

    python benchmarks/bench_targets.py        (or through benchmarks/run.py)

`main()` returns rows (name, median, budget, pass); times in ms; pass is
None for a row without a budget. The first
run of each kind warms up (pandas' import is not what is measured: view 3
pays it once, in a worker).
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from timing import warm_median_ms

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from opsboard.logic.campaign_calendar import year_presets
from opsboard.model import Campaign, Channel, TargetPlan

RECOMPUTE_BUDGET_MS = 100.0
IMPORT_BUDGET_MS = 1000.0
CHANNELS = ("Tmall", "JD", "Douyin", "Pinduoduo", "Kuaishou")
YEARS = (2023, 2024, 2025)
RUNS = 7


def write_metrics_csv(path: Path, years=YEARS, channels=CHANNELS, seed: int = 5) -> int:
    """Every day of `years` for every channel, as the back office exports it; the row count."""
    rng = random.Random(seed)
    lines = ["date,channel,pv,uv,orders,revenue,ad_spend"]
    day = date(years[0], 1, 1)
    while day.year <= years[-1]:
        for n, channel in enumerate(channels):
            uv = int((3000 - 400 * n) * rng.uniform(0.8, 1.2))
            orders = int(uv * rng.uniform(0.02, 0.04))
            revenue = round(orders * rng.uniform(150, 260), 2)
            lines.append(f"{day},{channel},{int(uv * rng.uniform(2, 4))},{uv},{orders},{revenue},{round(uv * 0.3, 2)}")
        day += timedelta(days=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


def bench_plan(year: int) -> TargetPlan:
    return TargetPlan(
        year=year,
        annual_target=60_000_000,
        promotion_budget=4_000_000,
        channels=[Channel(id=c.lower(), name=c, share=1 / len(CHANNELS)) for c in CHANNELS],
        campaigns=[
            Campaign(id=f"c-{n}", department="marketing", **preset.to_doc()) for n, preset in enumerate(year_presets("tmall", year))
        ],
        weekday_pattern=[0.9, 0.95, 1.0, 1.0, 1.05, 1.1, 1.0],
    )


def main() -> list[tuple[str, str, str, bool | None]]:
    from opsboard.services.actuals import import_actuals_counted
    from opsboard.services.board_files import init_board
    from opsboard.services.targets import compute_targets, read_targets_inputs, set_target
    from opsboard.store import BoardStore

    rows: list[tuple[str, str, str, bool | None]] = []
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "three-years.csv"
        count = write_metrics_csv(csv)

        # Import into an empty board each time (a fresh file per run), then over the same rows.
        boards = iter(range(RUNS + 2))

        def first_import() -> None:
            store = init_board(Path(folder) / f"fresh-{next(boards)}.json", user="bench", year=YEARS[-1])
            assert import_actuals_counted(store, csv).new == count

        fresh_ms = warm_median_ms(first_import, RUNS)
        store = init_board(Path(folder) / "board.json", user="bench", year=YEARS[-1])
        import_actuals_counted(store, csv)
        again_ms = warm_median_ms(lambda: import_actuals_counted(store, csv), RUNS)
        label = f"import {count:,} daily rows (3 years × 5 channels)"
        rows.append((f"{label}, empty board", f"{fresh_ms:.0f} ms", f"≤ {IMPORT_BUDGET_MS:.0f} ms", fresh_ms <= IMPORT_BUDGET_MS))
        rows.append((f"{label}, all replaced", f"{again_ms:.0f} ms", f"≤ {IMPORT_BUDGET_MS:.0f} ms", again_ms <= IMPORT_BUDGET_MS))

        # Recompute over the plan year's 1,825 rows (the other two years are read and ignored).
        store.apply(*_plan_op(bench_plan(YEARS[-1])))
        inputs = read_targets_inputs(store)
        view = compute_targets(inputs)
        assert view.pva is not None and len(view.pva.months) == 12
        from opsboard.logic.day_targets import _daily_targets

        def recompute() -> None:
            _daily_targets.cache_clear()  # the day curves are part of what is measured
            compute_targets(inputs)

        recompute_ms = warm_median_ms(recompute, 21)
        rows.append(
            (
                f"recompute plan, day curves, plan vs actual, split, channels, spend ({len(inputs.metrics):,} rows on the board)",
                f"{recompute_ms:.1f} ms",
                f"≤ {RECOMPUTE_BUDGET_MS:.0f} ms",
                recompute_ms <= RECOMPUTE_BUDGET_MS,
            )
        )

        # What `opsboard target set` costs end to end: validate, save, and reread.
        budgets = iter(range(4_000_001, 4_000_100))
        budget_ms = warm_median_ms(lambda: set_target(BoardStore(store.path, user="bench"), budget=str(next(budgets))), RUNS)
        rows.append(("save one change to the plan (open, validate, save)", f"{budget_ms:.1f} ms", "", None))
    return rows


def _plan_op(plan: TargetPlan):
    from opsboard.model import Operation, OpKind, Table

    return [Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id=plan.id, after=plan.to_doc())]


if __name__ == "__main__":
    results = main()
    width = max(len(name) for name, *_ in results)
    for name, result, budget, ok in results:
        print(f"{name:<{width}}  {result:>10}  {budget:>10}  {'' if ok is None else 'ok' if ok else 'OVER'}")
    sys.exit(0 if all(ok is not False for *_, ok in results) else 1)
