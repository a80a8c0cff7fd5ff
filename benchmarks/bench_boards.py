"""The boards' budgets on a 10,000-task board (benchmarks/make_board.py):

- opening the board: a fresh `python` process to its first frame showing the
  checklist vs a bare Textual app to its first frame, same run (≤ 1.6×; see
  first_frame.py), and on to view 2's overview (no budget);
- in view 2, with Pilot: switching department (`]`), moving a card (`L`/`H`,
  its save included) and filtering (each key typed after `/`): from the
  action's start to the end of the first frame drawn after it (≤ 50 ms median);
- `opsboard task add` on the 10,000-task board vs a new board (≤ 1.3×).

    python benchmarks/bench_boards.py [--runs 7] [--rounds 3]   (or through benchmarks/run.py)

`main()` returns rows (name, median, budget, pass).
"""

from __future__ import annotations

import asyncio
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

from first_frame import BARE_APP, child_env, cli_app_code, round_ratio, time_start
from frame_timer import FrameTimer

TASKS = 10_000
OPEN_BUDGET = 1.6  # × the bare Textual app
ACTION_BUDGET_MS = 50.0
ADD_BUDGET = 1.3  # × on a new board

FIRST_SCREEN = 'screen.query("#items") and screen.query_one("#items").row_count > 0'
# `opsboard BOARD --user bench` (the board: the child's argument), through opsboard.cli.main
FIRST_SCREEN_APP = cli_app_code(["--user", "bench"], drawn=FIRST_SCREEN)
OVERVIEW_APP = cli_app_code(
    ["--user", "bench"],
    drawn=FIRST_SCREEN,
    then="""await pilot.press("2")
    await pilot.pause()
    assert pilot.app.screen.query_one("#overview").row_count > 9""",
)


def seconds_to_run(*argv: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "opsboard", *argv], check=True, capture_output=True, env=child_env(), timeout=120)
    return time.perf_counter() - started


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def open_rows(board: Path, empty: Path, runs: int) -> list[tuple]:
    """Fresh processes, interleaved; the first round only warms the caches.
    The board without tasks shows what the 10,000 tasks themselves add."""
    bare, small, first, boards = [], [], [], []
    runs_of = (
        (bare, lambda: time_start(BARE_APP).first_frame),
        (small, lambda: time_start(FIRST_SCREEN_APP, str(empty)).first_frame),
        (first, lambda: time_start(FIRST_SCREEN_APP, str(board)).first_frame),
        (boards, lambda: time_start(OVERVIEW_APP, str(board)).idle),  # after `2`, its overview drawn
    )
    for n in range(runs + 1):
        for samples, start in runs_of[n % 4 :] + runs_of[: n % 4]:  # each round in another order
            value = start()
            if n:
                samples.append(value)
    bare_ms, small_ms, first_ms, boards_ms = median_ms(bare), median_ms(small), median_ms(first), median_ms(boards)
    rounds = round_ratio(first, bare)  # a second view: see run.py
    return [
        ("start: bare Textual app, first frame (ms)", round(bare_ms), "", None),
        ("start: board without tasks, first frame (ms)", round(small_ms), "", None),
        (f"start: {TASKS:,}-task board, first frame with the checklist (ms)", round(first_ms), "", None),
        (f"start: {TASKS:,} tasks add to the first frame (ms)", round(first_ms - small_ms), "", None),
        (
            f"start: {TASKS:,}-task board / bare, first frame",
            f"{first_ms / bare_ms:.2f}×",
            f"≤ {OPEN_BUDGET}×",
            first_ms / bare_ms <= OPEN_BUDGET,
        ),
        (f"start: {TASKS:,}-task board / bare, first frame (median of each round's ratio)", f"{rounds:.2f}×", "", None),
        (f"start: {TASKS:,}-task board, then `2` until its overview is drawn (ms)", round(boards_ms), "", None),
        ("start: then `2` / bare first frame", f"{boards_ms / bare_ms:.2f}×", "", None),
    ]


async def _view_times(board: Path, rounds: int) -> dict[str, list[float]]:
    """Drive view 2 with Pilot; time each action from its start to the end of
    the first frame drawn after it."""
    from opsboard.store import BoardStore
    from opsboard.tui.app import OpsboardApp

    app = OpsboardApp(BoardStore(board, user="bench"))
    app.animation_level = "none"
    times: dict[str, list[float]] = {"department": [], "move": [], "filter": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        timer = FrameTimer(screen, ("action_department", "action_move", "apply_filter"))

        async def timed_keys(kind: str, *keys: str) -> None:
            for key in keys:
                seconds = await timer.press(pilot, key)
                if seconds is not None:
                    times[kind].append(seconds)

        await pilot.press("right_square_bracket")  # the overview → the first department
        await pilot.pause()
        for _ in range(rounds):
            await timed_keys("department", *["right_square_bracket"] * 8)  # every department
            await timed_keys("department", "right_square_bracket", "right_square_bracket")  # overview, first department
            await timed_keys("move", "L", "H", "L", "H")  # To do → Doing → To do …: each saved
        await pilot.press("slash")
        for _ in range(rounds):
            await timed_keys("filter", *"owner:chen", *["backspace"] * 10)
            await timed_keys("filter", *"due:overdue shirt", *["backspace"] * 17)
        await pilot.press("escape")
    return times


def view_rows(board: Path, rounds: int) -> list[tuple]:
    times = asyncio.run(_view_times(board, rounds))
    rows = []
    for kind, label in (
        ("department", "switch department ]"),
        ("move", "move a card H/L, save included"),
        ("filter", "filter, per key typed"),
    ):
        ms = median_ms(times[kind])
        rows.append((f"view 2, {TASKS:,} tasks: {label} (ms)", round(ms, 1), ACTION_BUDGET_MS, ms <= ACTION_BUDGET_MS))
    return rows


def add_rows(big: Path, new: Path, runs: int) -> list[tuple]:
    on_big, on_new = [], []
    for n in range(runs + 1):
        args = ("--dept", "design", "--title", f"Bench task {n}", "--user", "bench")
        boards = ((on_big, big), (on_new, new))
        for samples, board in boards[n % 2 :] + boards[: n % 2]:  # each round in another order
            took = seconds_to_run("task", "add", str(board), *args)
            if n:
                samples.append(took)
    big_ms, new_ms = median_ms(on_big), median_ms(on_new)
    return [
        ("`opsboard task add`, new board (ms)", round(new_ms), "", None),
        (f"`opsboard task add`, {TASKS:,} tasks (ms)", round(big_ms), "", None),
        (f"`opsboard task add`: {TASKS:,} tasks / new board", f"{big_ms / new_ms:.2f}×", f"≤ {ADD_BUDGET}×", big_ms / new_ms <= ADD_BUDGET),
    ]


def main(runs: int = 11, rounds: int = 3) -> list[tuple]:
    from make_board import make_board

    from opsboard.services.board_files import init_board

    with tempfile.TemporaryDirectory(prefix="opsboard-bench-boards-") as folder:
        big = make_board(Path(folder) / "big.json", TASKS)
        new = Path(folder) / "new.json"
        init_board(new, user="bench")
        rows = open_rows(big, new, runs)
        rows += view_rows(big, rounds)
        rows += add_rows(big, new, max(runs, 11))  # a short command: more runs for a steady median
    return rows


if __name__ == "__main__":
    import argparse

    from timing import print_budget_rows

    parser = argparse.ArgumentParser(description="The boards' budgets on a 10,000-task board.")
    parser.add_argument("--runs", type=int, default=11, help="fresh processes per start and task add figure (default 11)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of key presses in view 2 (default 3)")
    args = parser.parse_args()
    rows = main(args.runs, args.rounds)
    sys.exit(print_budget_rows(rows))
