"""The app's hot paths against their budgets, in one run:  python benchmarks/run.py

- start: `opsboard --demo` (through `opsboard.cli.main`, as the console
  script runs it) to its first frame showing the checklist vs a bare Textual
  app (Header, Static, Footer) to its first frame, each a fresh `python`
  process, runs interleaved (see first_frame.py; bench_start.py times the
  same through a terminal);
- save: one changed task through BoardStore.apply on boards of 1,000 and
  10,000 tasks vs stock TinyDB (JSONStorage) doing the same update on an
  equivalent file;
- export: the checklists as Markdown;
- imports: `import opsboard.cli` and opening the app do not import pandas;
- and the rows of every `benchmarks/bench_*.py`: a module whose `main()`
  returns rows, each a `Row` from this file, a dict with the same keys, or a
  tuple (name, result, budget, ok); `ok` is True, False or None (no budget).

Figures are medians. Child processes may cache bytecode (as Python does on a
user's machine) and the first run of each kind only warms up. Exit 1 when a
budget is missed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from first_frame import BARE_APP, Start, app_code, child_env, cli_app_code, round_ratio, time_start

START_BUDGET = 1.3  # × the bare Textual app, to the first frame
SAVE_BUDGET_MS = 30.0  # median at 10,000 tasks
SAVE_BUDGET_RATIO = 0.25  # × stock TinyDB


@dataclass
class Row:
    name: str
    result: str
    budget: str = ""
    ok: bool | None = None  # None: no budget for this row


# The first screen's widgets without opsboard: how much of the start is the
# view's widgets (Textual) and how much is opsboard's own code.
SAME_WIDGETS_APP = app_code(
    """
from textual.app import App
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

class SameWidgets(App):
    BINDINGS = [Binding(key, "bell", label) for key, label in
                (("x", "Export"), ("space", "Done"), ("s", "Skip"), ("e", "Edit"), ("question_mark", "Help"), ("q", "Quit"))]
    AUTO_FOCUS = "DataTable"

    def compose(self):
        yield Header()
        yield Static("  ".join(f"Phase {n} 2/4 ███░░░" for n in range(4)))
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Static("detail")
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        for key in ("", "Code", "Item", "Department", "Owner", "Due"):
            table.add_column(key, width=12)
        for row in range(4):
            table.add_row(*[f"cell {row}.{n}" for n in range(6)])
""",
    "SameWidgets().run(headless=True, size=(120, 40), auto_pilot=report)",
    drawn='screen.query("DataTable") and screen.query_one("DataTable").row_count > 0',
)
# `opsboard --demo` itself, through the console script's entry point
# (opsboard.cli.main: arguments, the user, settings, the demo copy; garbage
# collection paused until the first frame), its app run headless at 120×40
# and reporting at its first frame.
DEMO_APP = cli_app_code(
    ["--demo", "--user", "bench"],
    drawn='screen.query("#items") and screen.query_one("#items").row_count > 0',
    then="assert pilot.app.return_value is None and pilot.app.is_running, 'the board check failed'",
)


def startup_rows(runs: int) -> list[Row]:
    apps = {"bare": BARE_APP, "same": SAME_WIDGETS_APP, "demo": DEMO_APP}
    starts: dict[str, list[Start]] = {name: [] for name in apps}
    names = list(apps)
    for n in range(runs + 1):
        # interleaved, so a busy moment hits all three; and each round in
        # another order, so none is always the one that goes first
        for name in names[n % 3 :] + names[: n % 3]:
            start = time_start(apps[name])
            if n:  # the first round warms the bytecode and disk caches
                starts[name].append(start)

    def frames(name: str) -> list[float]:
        return [s.first_frame for s in starts[name]]

    def ms(name: str, what: str) -> float:
        return statistics.median(getattr(s, what) for s in starts[name]) * 1000

    # The ratio of the medians, as the budget says ("same run"); beside it the
    # median of each round's ratio, a second view of the same runs: on a
    # shared machine one start can take a third longer than the next.
    ratio = ms("demo", "first_frame") / ms("bare", "first_frame")
    pydantic = any(s.pydantic for s in starts["demo"])
    pandas = any(s.pandas for s in starts["demo"])
    return [
        Row(
            "start: bare Textual app (Header, Static, Footer), first frame",
            f"{ms('bare', 'first_frame'):.0f} ms",
            f"cpu {ms('bare', 'cpu'):.0f} ms",
        ),
        Row(
            "start: view 1's widgets, no opsboard code, first frame",
            f"{ms('same', 'first_frame'):.0f} ms",
            f"cpu {ms('same', 'cpu'):.0f} ms",
        ),
        Row(
            "start: opsboard --demo, first frame with the checklist",
            f"{ms('demo', 'first_frame'):.0f} ms",
            f"cpu {ms('demo', 'cpu'):.0f} ms",
        ),
        Row("start: view 1's widgets / bare", f"{ms('same', 'first_frame') / ms('bare', 'first_frame'):.2f}×"),
        Row("start: demo / bare, first frame", f"{ratio:.2f}×", f"≤ {START_BUDGET}×", ratio <= START_BUDGET),
        Row("start: demo / bare, first frame (median of each round's ratio)", f"{round_ratio(frames('demo'), frames('bare')):.2f}×"),
        Row("start: demo / bare, to idle (board checked against the models)", f"{ms('demo', 'idle') / ms('bare', 'idle'):.2f}×"),
        Row("pydantic loaded before the first frame", "yes" if pydantic else "no"),
        Row("opening the app imports pandas", "yes" if pandas else "no", "no", not pandas),
    ]


def import_rows() -> list[Row]:
    code = "import sys, opsboard.cli; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=child_env(), check=True)
    pandas = out.stdout.strip() == "True"
    return [Row("`import opsboard.cli` imports pandas", "yes" if pandas else "no", "no", not pandas)]


# -- saving one change -------------------------------------------------------
def stock_tinydb_copy(board: Path, target: Path) -> dict[str, int]:
    """The same board as stock TinyDB stores it (integer ids); our id → its id."""
    data = json.loads(board.read_bytes())
    ids: dict[str, int] = {}
    stock = {}
    for name, table in data.items():
        stock[name] = {}
        for n, (doc_id, doc) in enumerate(table.items(), start=1):
            stock[name][str(n)] = doc
            if name == "tasks":
                ids[doc_id] = n
    target.write_text(json.dumps(stock), encoding="utf-8")
    return ids


def median_ms(action: Callable[[int], object], runs: int) -> float:
    times = []
    for n in range(runs + 1):
        started = time.perf_counter()
        action(n)
        if n:  # the first run warms caches
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def save_rows(folder: Path, sizes: Iterable[int], runs: int) -> list[Row]:
    from make_board import make_board
    from tinydb import TinyDB

    from opsboard.model import Operation, OpKind, Table
    from opsboard.store import BoardStore

    rows = []
    for size in sizes:
        ours = make_board(folder / f"ours-{size}.json", size)
        stock_path = folder / f"stock-{size}.json"
        stock_ids = stock_tinydb_copy(ours, stock_path)
        store = BoardStore(ours, user="bench")
        task_ids = sorted(stock_ids)[:: max(1, size // (runs + 1))]

        def ours_save(n: int, store: BoardStore = store, task_ids: list[str] = task_ids) -> None:
            store.apply(Operation(kind=OpKind.SET, table=Table.TASKS, doc_id=task_ids[n], after={"owner": f"o{n}", "priority": 1 + n % 4}))

        db = TinyDB(stock_path)
        table = db.table("tasks")

        def stock_save(n: int, table=table, stock_ids: dict = stock_ids, task_ids: list[str] = task_ids) -> None:
            table.update({"owner": f"o{n}", "priority": 1 + n % 4}, doc_ids=[stock_ids[task_ids[n]]])

        ours_ms = median_ms(ours_save, runs)
        stock_ms = median_ms(stock_save, runs)
        db.close()
        ratio = ours_ms / stock_ms
        budgeted = size >= 10_000
        rows.append(
            Row(
                f"save one change, {size:,} tasks: opsboard",
                f"{ours_ms:.1f} ms",
                f"≤ {SAVE_BUDGET_MS:.0f} ms" if budgeted else "",
                ours_ms <= SAVE_BUDGET_MS if budgeted else None,
            )
        )
        rows.append(Row(f"save one change, {size:,} tasks: stock TinyDB", f"{stock_ms:.1f} ms"))
        budgeted = size >= 10_000  # the budgets are set for the 10,000-task board
        rows.append(
            Row(
                f"save one change, {size:,} tasks: opsboard / stock",
                f"{ratio:.2f}×",
                f"≤ {SAVE_BUDGET_RATIO}×" if budgeted else "",
                ratio <= SAVE_BUDGET_RATIO if budgeted else None,
            )
        )
    return rows


def export_rows(folder: Path, runs: int) -> list[Row]:
    from opsboard.services.board_files import DEMO_BOARD
    from opsboard.services.export import export_view
    from opsboard.store import BoardStore

    rows = []
    demo = folder / "demo.json"
    shutil.copyfile(DEMO_BOARD, demo)
    for label, path in (("demo board", demo), ("10,000 tasks", folder / "ours-10000.json")):
        if not path.exists():
            continue
        store = BoardStore(path, user="bench")
        ms = median_ms(lambda n, store=store: export_view(store, "checklists"), runs)
        rows.append(Row(f"export checklists to Markdown, {label}", f"{ms:.1f} ms"))
    return rows


# -- other helpers' benchmarks -------------------------------------------------
def plugin_rows() -> list[Row]:
    rows = []
    for script in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(script.stem, script)
        assert spec and spec.loader
        try:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            rows += [as_row(row) for row in module.main()]
        except Exception as error:  # one broken script must not hide the rest
            rows.append(Row(f"{script.name}", f"failed: {type(error).__name__}: {error}", "runs", False))
    return rows


def as_row(row: object) -> Row:
    if isinstance(row, Row):
        return row
    if isinstance(row, dict):
        return Row(str(row["name"]), str(row["result"]), str(row.get("budget", "")), row.get("ok"))
    name, result, budget, ok = row  # type: ignore[misc]
    return Row(str(name), str(result), str(budget), ok)


def print_table(rows: list[Row]) -> None:
    marks = {True: "pass", False: "FAIL", None: ""}
    table = [(r.name, r.result, r.budget, marks[r.ok]) for r in rows]
    headers = ("benchmark", "median", "budget", "")
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *table, strict=True)]
    for line in (headers, tuple("-" * w for w in widths), *table):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time opsboard's hot paths against their budgets.")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument("--save-runs", type=int, default=21, help="timed saves per board size (default 21)")
    # a start takes a third of a second and varies by a third on a busy machine
    parser.add_argument("--start-runs", type=int, default=25, help="fresh processes per start figure (default 25)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="opsboard-bench-") as folder:
        rows += startup_rows(args.start_runs)
        rows += import_rows()
        rows += save_rows(Path(folder), (1_000, 10_000), args.save_runs)
        rows += export_rows(Path(folder), args.runs)
    rows += plugin_rows()
    print_table(rows)
    print(
        f"\n{sys.executable.split('/')[-1]} {sys.version.split()[0]}, {os.cpu_count()} CPUs, {time.perf_counter() - started:.0f} s in all"
    )
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
