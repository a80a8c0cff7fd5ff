"""The budgets of a five-year board (issue 17): 100,000 tasks, 95,000 of them
done, made by `make_board.py --tasks 100000 --done 95000`; its first save
(`opsboard task add`, timed apart) moves the done tasks past the archive age
to `BOARD.archive.jsonl`. Then, against the same on a new board or a bare
Textual app, in the same run:

- opening it: a fresh process to its first frame vs a bare Textual app (≤ 1.5×),
  timed in-process and through tmux (bench_start.py);
- every keypress in view 2 (Pilot, from the action to its frame: switching
  department, moving a card with its save, each key typed in the filter) and
  switching views 1 ↔ 2 (≤ 50 ms median);
- `opsboard task add`: time (≤ 1.3×) and peak memory (≤ 2×) vs a new board;
- a filter that reaches into the archive (≤ 1 s): `task list --filter
  'archived:yes linen shirts'`, `--filter archived:only`, `--include-archived`
  and `--json --filter archived:only` as fresh processes (and their peak
  memory; the --json ones with --include-archived and the search too), and in
  view 2 the filters `archived:yes linen` and `archived:only`
  (no word: every archived task of the department, and the overview's counts)
  from Enter to its frame.

    python benchmarks/bench_archive.py [--runs 7] [--rounds 2] [--only add|cli|app]   (or through benchmarks/run.py)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (ROOT, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_boards import FIRST_SCREEN_APP, _view_times, median_ms
from first_frame import BARE_APP, Start, child_env, time_start
from frame_timer import FrameTimer

TASKS, DONE = 100_000, 95_000
OPEN_BUDGET = 1.5  # × the bare Textual app
KEY_BUDGET_MS = 50.0
ADD_BUDGET = 1.3  # × on a new board
MEMORY_BUDGET = 2.0  # × on a new board
FILTER_BUDGET_MS = 1000.0
SEARCH = "archived:yes linen shirts"


def run_measured(*argv: str) -> tuple[float, int]:
    """Seconds and peak memory (KB) of `opsboard ARGV` as a fresh process."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "opsboard", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env())
    _pid, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"opsboard {' '.join(argv)} failed: {child.stderr.read().decode() if child.stderr else ''}")
    if child.stderr:
        child.stderr.close()
    child.returncode = 0
    return took, usage.ru_maxrss


def make_boards(folder: Path) -> tuple[Path, Path, list[tuple]]:
    """Made by child processes: this one stays small, so the peak memory of
    the commands it starts is theirs (a child begins with its parent's)."""
    big, new = folder / "big.json", folder / "new.json"
    maker = [sys.executable, str(HERE / "make_board.py"), "--tasks", str(TASKS), "--done", str(DONE), str(big)]
    subprocess.run(maker, check=True, capture_output=True, env=child_env())
    subprocess.run(
        [sys.executable, "-m", "opsboard", "init", str(new), "--user", "bench"], check=True, capture_output=True, env=child_env()
    )
    size = big.stat().st_size
    took, peak = run_measured("task", "add", str(big), "--dept", "design", "--title", "The first save", "--user", "bench")
    archive = big.with_name(big.name + ".archive.jsonl")
    rows = [
        (f"{TASKS:,} tasks, {DONE:,} done: the board as made (MB)", f"{size / 1e6:.1f}", "", None),
        ("its first save (`task add`), which archives (ms)", round(took * 1000), "", None),
        ("its first save: peak memory (MB)", round(peak / 1024), "", None),
        ("after it: the board / the archive (MB)", f"{big.stat().st_size / 1e6:.1f} / {archive.stat().st_size / 1e6:.1f}", "", None),
    ]
    return big, new, rows


def open_rows(big: Path, runs: int) -> list[tuple]:
    """Fresh processes, interleaved, each round in another order; the first
    round warms the caches. `opsboard BOARD` goes through opsboard.cli.main,
    as the console script does (first_frame.cli_app_code)."""
    bare: list[Start] = []
    first: list[Start] = []
    starts = ((bare, lambda: time_start(BARE_APP)), (first, lambda: time_start(FIRST_SCREEN_APP, str(big))))
    for n in range(runs + 1):
        for samples, start in starts[n % 2 :] + starts[: n % 2]:
            value = start()
            if n:
                samples.append(value)
    bare_ms, first_ms = median_ms([s.first_frame for s in bare]), median_ms([s.first_frame for s in first])
    ratio = first_ms / bare_ms
    rounds = sorted(f.first_frame / b.first_frame for f, b in zip(first, bare, strict=True))
    cpu = median_ms([s.cpu for s in first]) / median_ms([s.cpu for s in bare])
    return [
        ("start: bare Textual app, first frame (ms)", round(bare_ms), "", None),
        ("start: the archived 100,000-task board, first frame (ms)", round(first_ms), "", None),
        ("start: archived 100,000-task board / bare", f"{ratio:.2f}×", f"≤ {OPEN_BUDGET}×", ratio <= OPEN_BUDGET),
        (
            f"start: the same, each round's ratio: median (lowest–highest of {len(rounds)})",
            f"{statistics.median(rounds):.2f}× ({rounds[0]:.2f}–{rounds[-1]:.2f})",
            "",
            None,
        ),
        ("start: the same in CPU time to the first frame (steadier on a busy machine)", f"{cpu:.2f}×", "", None),
    ]


def tmux_open_rows(big: Path, runs: int) -> list[tuple]:
    """The same start through a real terminal (bench_start.py): each a whole
    process in its own tmux pane, timed until the pane shows view 1."""
    import shutil

    from bench_start import ratio_rows, start_times

    if not shutil.which("tmux"):
        return [("start, tmux: not installed, not timed", "-", "", None)]
    return ratio_rows(start_times(runs, big), "board", "the archived 100,000-task board", OPEN_BUDGET)


def key_rows(big: Path, rounds: int) -> list[tuple]:
    times = asyncio.run(_view_times(big, rounds))
    rows = []
    for kind, label in (
        ("department", "switch department ]"),
        ("move", "move a card H/L, save included"),
        ("filter", "filter, per key typed"),
    ):
        ms = median_ms(times[kind])
        worst = max(times[kind]) * 1000
        rows.append((f"view 2, archived board: {label} (ms, worst {worst:.0f})", round(ms, 1), KEY_BUDGET_MS, ms <= KEY_BUDGET_MS))
    return rows


def add_rows(big: Path, new: Path, runs: int) -> list[tuple]:
    on: dict[str, list[tuple[float, int]]] = {"big": [], "new": []}
    for n in range(runs + 1):
        boards = (("big", big), ("new", new))
        for name, board in boards[n % 2 :] + boards[: n % 2]:
            measured = run_measured("task", "add", str(board), "--dept", "design", "--title", f"Bench task {n}", "--user", "bench")
            if n:
                on[name].append(measured)
    big_ms, new_ms = (median_ms([t for t, _ in on[k]]) for k in ("big", "new"))
    big_mb, new_mb = (max(m for _, m in on[k]) / 1024 for k in ("big", "new"))
    return [
        ("`opsboard task add`, new board (ms)", round(new_ms), "", None),
        ("`opsboard task add`, archived 100,000-task board (ms)", round(big_ms), "", None),
        ("`opsboard task add`: archived board / new board", f"{big_ms / new_ms:.2f}×", f"≤ {ADD_BUDGET}×", big_ms / new_ms <= ADD_BUDGET),
        ("`opsboard task add`, peak memory: new / archived board (MB)", f"{new_mb:.0f} / {big_mb:.0f}", "", None),
        (
            "`opsboard task add`, peak memory: archived board / new board",
            f"{big_mb / new_mb:.2f}×",
            f"≤ {MEMORY_BUDGET}×",
            big_mb / new_mb <= MEMORY_BUDGET,
        ),
    ]


def _forget_the_archive() -> None:
    """As a fresh process: the archive not yet read."""
    from opsboard.services import archived_tasks
    from opsboard.store import task_archive

    task_archive._cache.clear()
    archived_tasks._texts.clear()
    archived_tasks._answers.clear()


async def _app_search_times(big: Path, rounds: int, typed: str = "archived:yes linen") -> list[float]:
    """View 2 on a department: `/archived:yes linen` (or `typed`), then enter
    (the archive is searched on enter): from the filter's start to its
    frame, the archive read each time."""
    from opsboard.store import BoardStore
    from opsboard.tui.app import OpsboardApp

    app = OpsboardApp(BoardStore(big, user="bench"))
    app.animation_level = "none"
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        timer = FrameTimer(app.screen, ("apply_filter",))
        for _ in range(rounds):
            _forget_the_archive()
            await pilot.press("slash", *typed)
            seconds = await timer.press(pilot, "enter")
            if seconds is not None:
                times.append(seconds)
            await pilot.press("escape")
            await pilot.pause()
    return times


# `task list` reaching into the archive, each as a fresh process: a search
# (its words narrow the lines validated), then the archive listed whole
# (archived_lines.py reads the lines that validate to themselves)
CLI_LISTINGS: tuple[tuple[str, ...], ...] = (
    ("--filter", SEARCH),
    ("--filter", "archived:only"),
    ("--include-archived",),
    ("--json", "--filter", "archived:only"),
    ("--json", "--include-archived"),
    ("--json", "--filter", SEARCH),
)


def _shown(argv: tuple[str, ...]) -> str:
    return " ".join(f"'{a}'" if " " in a else a for a in argv)


def cli_filter_rows(big: Path, runs: int) -> list[tuple]:
    """Each listing's median time (≤ 1 s), then its peak memory (the most of
    any run; no budget: it says what listing 94,000 archived tasks holds)."""
    measured: dict[tuple[str, ...], list[tuple[float, int]]] = {argv: [] for argv in CLI_LISTINGS}
    for n in range(runs + 1):
        for argv in CLI_LISTINGS[n % len(CLI_LISTINGS) :] + CLI_LISTINGS[: n % len(CLI_LISTINGS)]:
            value = run_measured("task", "list", str(big), *argv)
            if n:  # the first round warms the caches
                measured[argv].append(value)
    rows = []
    for argv, values in measured.items():
        ms = median_ms([t for t, _ in values])
        rows.append((f"`opsboard task list {_shown(argv)}`, a fresh process (ms)", round(ms), FILTER_BUDGET_MS, ms <= FILTER_BUDGET_MS))
    for argv, values in measured.items():
        rows.append((f"`opsboard task list {_shown(argv)}`: peak memory (MB)", round(max(m for _, m in values) / 1024), "", None))
    return rows


def app_filter_rows(big: Path, rounds: int) -> list[tuple]:
    rows = []
    for typed in ("archived:yes linen", "archived:only"):
        app_ms = median_ms(asyncio.run(_app_search_times(big, rounds, typed)))
        label = f"view 2: `{typed}` + enter, archive read, to its frame (ms)"
        rows.append((label, round(app_ms), FILTER_BUDGET_MS, app_ms <= FILTER_BUDGET_MS))
    return rows


def main(runs: int = 7, rounds: int = 2, only: str | None = None) -> list[tuple]:
    """Every row, or `only` those of 'add' (task add), 'cli' (task list) or 'app' (start, keys, filters)."""
    with tempfile.TemporaryDirectory(prefix="opsboard-bench-archive-") as folder:
        big, new, rows = make_boards(Path(folder))
        # the commands first, while this process is small (see make_boards); then the app, in this process
        if only in (None, "add"):
            rows += add_rows(big, new, max(runs, 11))
        if only in (None, "cli"):
            rows += cli_filter_rows(big, runs)
        if only in (None, "app"):
            rows += open_rows(big, runs)
            rows += tmux_open_rows(big, runs)
            rows += key_rows(big, rounds)
            rows += app_filter_rows(big, max(rounds, 3))
    return rows


if __name__ == "__main__":
    import argparse

    from timing import print_budget_rows

    parser = argparse.ArgumentParser(description="The budgets of a 100,000-task board whose done tasks are archived.")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per start, task add and task list figure (default 7)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of key presses in view 2 (default 2)")
    parser.add_argument(
        "--only",
        choices=("add", "cli", "app"),
        help="only `task add`, only the `task list` rows, or only the app's (the board made all the same)",
    )
    args = parser.parse_args()
    rows = main(args.runs, args.rounds, args.only)
    sys.exit(print_budget_rows(rows, result_width=12))
