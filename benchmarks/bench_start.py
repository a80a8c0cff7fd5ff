"""Opening the demo as a user does, through a real terminal: `opsboard --demo`
and a bare Textual app (Header, Static, Footer), each started as a whole
process in its own tmux pane, in the same run and interleaved, each timed
from starting the pane to the first `tmux capture-pane` that shows its first
screen (view 1's checklist; the bare app's text). The tmux pane's own start
and the polling cost the same for both. Budget: the demo at most 1.3× the
bare app (median of each; the median of each round's ratio beside it).

bench_archive.py times the archived 100,000-task board the same way
(start_times with a board). benchmarks/run.py times the same two to their first frame without a
terminal (first_frame.py), through the same entry point (`opsboard.cli`).

    python benchmarks/bench_start.py [--runs 15]   (or through benchmarks/run.py)
"""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for folder in (HERE.parent, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_views import Pane, _has, tmux_server

START_BUDGET = 1.3  # × the bare Textual app

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hello from a bare app")
        yield Footer()

Bare().run()
"""
VIEW_1 = _has(r"^\s+Code\s+Item\b")  # (the demo notice covers the columns to the right)
SHOWN = {"bare": _has("hello from a bare app"), "demo": VIEW_1, "board": VIEW_1}


def start_times(runs: int, board: Path | None = None) -> dict[str, list[float]]:
    """Seconds to the first screen: the bare app and the demo, or the bare
    app and `opsboard BOARD` (its view 1 shows the same checklist)."""
    opened = "board" if board else "demo"
    times: dict[str, list[float]] = {"bare": [], opened: []}
    with tempfile.TemporaryDirectory(prefix="opsboard-bench-start-") as folder:
        config = Path(folder)
        script = config / "bare_app.py"
        script.write_text(BARE_APP, encoding="utf-8")
        command = (
            f"{sys.executable} -m opsboard {shlex.quote(str(board))} --user bench"
            if board
            else f"{sys.executable} -m opsboard --demo --user bench"
        )
        commands = {"bare": f"{sys.executable} {script}", opened: command}
        names = list(commands)
        with tmux_server():
            start_rounds(runs, names, commands, config, times)
    return times


def start_rounds(runs: int, names: list[str], commands: dict[str, str], config: Path, times: dict[str, list[float]]) -> None:
    for n in range(runs + 1):
        for name in names[n % 2 :] + names[: n % 2]:  # each round in another order
            started = time.perf_counter()
            pane = Pane(commands[name], f"opsboard-bench-start-{os.getpid()}-{name}-{n}", config)
            try:
                seconds = pane.wait_for(SHOWN[name], timeout=60, started=started)
            finally:
                pane.close()
            if n:  # the first round warms the bytecode and disk caches
                times[name].append(seconds)
            time.sleep(0.2)  # the pane's process gone before the next starts


def main(runs: int = 15) -> list[tuple]:
    if not shutil.which("tmux"):
        return [("start, tmux: not installed, not timed", "-", "", None)]
    return ratio_rows(start_times(runs), "demo", "`opsboard --demo`", START_BUDGET)


def ratio_rows(times: dict[str, list[float]], opened: str, label: str, budget: float) -> list[tuple]:
    """The rows of start_times(): each start's median, and their ratio against `budget`."""
    bare, start = (statistics.median(times[name]) * 1000 for name in ("bare", opened))
    rounds = statistics.median(d / b for d, b in zip(times[opened], times["bare"], strict=True))
    return [
        ("start, tmux: bare Textual app to its first screen (ms)", round(bare), "", None),
        (f"start, tmux: {label} to view 1 (ms)", round(start), "", None),
        (f"start, tmux: {label} / bare", f"{start / bare:.2f}×", f"≤ {budget}×", start / bare <= budget),
        (f"start, tmux: {label} / bare (median of each round's ratio)", f"{rounds:.2f}×", "", None),
    ]


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="`opsboard --demo` vs a bare Textual app, to the first screen, through tmux.")
    parser.add_argument("--runs", type=int, default=15, help="rounds, one start of each a round (default 15)")
    args = parser.parse_args()
    rows = main(args.runs)
    width = max(len(row[0]) for row in rows)
    for name, result, budget, ok in rows:
        verdict = {True: "pass", False: "FAIL", None: ""}[ok]
        print(f"{name.ljust(width)}  {result!s:>8}  {budget:>7}  {verdict}")
    sys.exit(1 if any(row[3] is False for row in rows) else 0)
