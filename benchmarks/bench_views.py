"""View switches (keys 1–5), the first visit included, as a user sees them:

- through a real terminal: `opsboard BOARD` runs in a tmux pane; the
  benchmark sends a key (`tmux send-keys`) and polls `tmux capture-pane` until
  the new view's own text is on screen (its figures, not a loading line). A
  bare Textual app's label update seen the same way is the method's floor;
- with Pilot, in this process (views prepared as in a terminal): from the key
  sent to the first frame Textual writes (not held back) that shows the new
  view with its content. Also with Pilot: a key on view 1 while the other
  views are being prepared, against the same key once they are.

On the demo, on a 10,000-task board (benchmarks/make_board.py) and on a
five-year board: 100,000 tasks, 95,000 of them done and archived by its
first save, with its history (`make_board.py --tasks 100000 --done 95000
--history`; `--no-five-years` leaves it out). Each run
is a fresh app: the first visits to views 2–5 after `--read` seconds on view 1
(the user reading it: the time the app has to prepare them), then visits to
views already shown. Budget: 50 ms median from the key to the view on screen.

    python benchmarks/bench_views.py [--runs 3] [--read 3]   (or through benchmarks/run.py)

`main()` returns rows (name, median, budget, pass). Without tmux the terminal
rows say so and only Pilot's are timed.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (ROOT, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from first_frame import child_env

TASKS = 10_000
SWITCH_BUDGET_MS = 50.0
SIZE = (120, 40)
FIRST_VISITS = ("2", "3", "4", "5")
REVISITS = ("1", "2", "3", "4", "5", "1")
VIEW_OF_KEY = {"1": "checklists", "2": "boards", "3": "targets", "4": "review", "5": "standup"}


def _has(pattern: str) -> Callable[[str], bool]:
    found = re.compile(pattern, re.MULTILINE)
    return lambda screen: found.search(screen) is not None


# Each view's own text once its content is drawn (a loading line does not count).
SHOWN: dict[str, Callable[[str], bool]] = {
    "1": _has(r"Code\s+Item\s+Department"),
    "2": _has(r"Overview · all departments"),
    "3": _has(r"^ Targets (\d{4} · .*(year to date|forecast)|· no plan yet)"),
    "4": _has(r"^ (Review · no store metrics yet|(Daily|Weekly|Monthly) · )"),
    "5": _has(r"^ Stand-up \d+/\d+ · "),
}


# -- through tmux ----------------------------------------------------------------
# A tmux server of the benchmarks' own (nobody else's sessions in it or near
# it), kept up between panes by an idle session: tmux ends a server with its
# last session, and a pane started just then fails.
TMUX = ("tmux", "-L", f"opsboard-bench-{os.getpid()}")


@contextmanager
def tmux_server() -> Iterator[None]:
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keeper", "sleep 3600"], check=True)
    try:
        yield
    finally:
        subprocess.run([*TMUX, "kill-server"], capture_output=True)


class Pane:
    """A program in a detached tmux session of its own."""

    def __init__(self, command: str, name: str, config: Path) -> None:
        self.name = name
        # its own settings folder: the app opens on view 1, whatever view the user last left
        env = {**child_env(), "XDG_CONFIG_HOME": str(config), "OPSBOARD_LANG": "en"}
        size = ["-x", str(SIZE[0]), "-y", str(SIZE[1])]
        # the pane's environment is the tmux server's: what child_env() sets or drops, said again
        exports = " ".join(f"{key}={env[key]}" for key in ("PYTHONPATH", "XDG_CONFIG_HOME", "OPSBOARD_LANG"))
        dropped = "-u PYTHONDONTWRITEBYTECODE -u OPSBOARD_NOW"
        subprocess.run([*TMUX, "new-session", "-d", "-s", name, *size, f"env {dropped} {exports} {command}"], check=True, env=env)

    def text(self) -> str:
        return subprocess.run([*TMUX, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True).stdout

    def wait_for(self, shown: Callable[[str], bool], timeout: float = 10.0, started: float | None = None) -> float:
        """Seconds from `started` (now) until `shown(screen)`; polls as fast as tmux answers."""
        started = time.perf_counter() if started is None else started
        while not shown(self.text()):
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"not on screen after {timeout} s:\n{self.text()}")
        return time.perf_counter() - started

    def press(self, key: str, shown: Callable[[str], bool]) -> float:
        started = time.perf_counter()
        subprocess.run([*TMUX, "send-keys", "-t", self.name, key], check=True)
        return self.wait_for(shown, started=started)

    def close(self) -> None:
        subprocess.run([*TMUX, "kill-session", "-t", self.name], capture_output=True)


def tmux_times(board: Path, runs: int, read: float, config: Path) -> tuple[list[float], list[float]]:
    """(first visits, visits again) in seconds, over `runs` fresh apps."""
    first, again = [], []
    for n in range(runs):
        pane = Pane(f"{sys.executable} -m opsboard {board} --user bench", f"opsboard-bench-views-{os.getpid()}-{n}", config)
        try:
            pane.wait_for(SHOWN["1"], timeout=60)
            time.sleep(read)  # the user reads view 1
            first += [pane.press(key, SHOWN[key]) for key in FIRST_VISITS]
            again += [pane.press(key, SHOWN[key]) for key in REVISITS]
        finally:
            pane.close()
    return first, again


PLAIN_APP = """
from textual.app import App
from textual.widgets import Static

class Plain(App):
    BINDINGS = [("n", "next", "next")]
    count = 0
    def compose(self):
        yield Static("count 0", id="count")
    def action_next(self):
        self.count += 1
        self.query_one("#count").update(f"count {self.count}")

Plain().run()
"""


def tmux_floor(presses: int, config: Path) -> list[float]:
    """A bare Textual app's label update, seen through tmux: the method's floor."""
    script = config / "plain_app.py"
    script.write_text(PLAIN_APP, encoding="utf-8")
    pane = Pane(f"{sys.executable} {script}", f"opsboard-bench-plain-{os.getpid()}", config)
    try:
        pane.wait_for(_has("count 0"), timeout=60)
        time.sleep(0.5)
        return [pane.press("n", _has(rf"count {n}\b")) for n in range(1, presses + 1)]
    finally:
        pane.close()


# -- with Pilot ------------------------------------------------------------------
async def _pilot_run(board: Path, read: float) -> dict[str, list[float]]:
    """One fresh app: each key timed from being sent to the first frame
    written (Textual holds frames back while it masks a transition) that
    shows what the key asked for."""
    from textual import events
    from textual.screen import Screen

    from opsboard.store import BoardStore
    from opsboard.tui.app import OpsboardApp

    app = OpsboardApp(BoardStore(board, user="bench"))
    app.animation_level = "none"
    app.prepare_views = True  # as in a terminal (headless apps leave it to those that ask)
    wanted: list[Callable[[Screen], bool]] = []
    written: list[float] = []
    display = OpsboardApp._display

    def timed_display(self: OpsboardApp, screen: Screen, renderable: object) -> None:
        display(self, screen, renderable)  # type: ignore[arg-type]
        if renderable is not None and not self._batch_count and screen is self.screen and wanted and not written:
            if wanted[0](screen):
                written.append(time.perf_counter())

    async def press(key: str, shows: Callable[[Screen], bool]) -> float:
        wanted[:] = [shows]
        written.clear()
        started = time.perf_counter()
        app.post_message(events.Key(key, key))
        while not written:
            if time.perf_counter() - started > 20:
                raise TimeoutError(f"Pilot: key {key} drew nothing in 20 s")
            await asyncio.sleep(0.001)
        return written[0] - started

    def view(key: str) -> Callable[[Screen], bool]:
        return lambda screen: _pilot_shown(screen, key)

    def on_view_1(screen: Screen) -> bool:
        return getattr(screen, "VIEW_NAME", None) == "checklists"

    times: dict[str, list[float]] = {"first": [], "again": [], "view 1 while preparing": [], "view 1 after": []}
    OpsboardApp._display = timed_display  # type: ignore[method-assign]
    try:
        async with app.run_test(size=SIZE):
            while app.preparer.finished is False and app.preparer._steps is None:  # until the first frame is up and preparing begins
                await asyncio.sleep(0.001)
            preparing_from = time.perf_counter()
            for key in ("j", "k") * 3:  # the user moves on view 1 as it is being prepared
                if not app.preparer.finished:
                    times["view 1 while preparing"].append(await press(key, on_view_1))
            await asyncio.sleep(max(0.0, read - (time.perf_counter() - preparing_from)))  # the user reads view 1
            times["view 1 after"] = [await press(key, on_view_1) for key in ("j", "k") * 3]
            times["first"] = [await press(key, view(key)) for key in FIRST_VISITS]
            times["again"] = [await press(key, view(key)) for key in REVISITS]
    finally:
        OpsboardApp._display = display  # type: ignore[method-assign]
    return times


def _pilot_shown(screen, key: str) -> bool:
    """The view of `key` is the screen drawn, with its content (not a loading line)."""
    if getattr(screen, "VIEW_NAME", None) != VIEW_OF_KEY[key]:
        return False
    if key == "3":
        return screen.view is not None and screen.view.actuals_ready
    if key == "4":
        return screen.source is not None
    return True


def pilot_times(board: Path, read: float, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for kind, samples in asyncio.run(_pilot_run(board, read)).items():
            times.setdefault(kind, []).extend(samples)
    return times


# -- the rows --------------------------------------------------------------------
def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def switch_rows(label: str, first: list[float], again: list[float]) -> list[tuple]:
    rows = []
    for what, samples in (("first visit", first), ("visit again", again)):
        ms = median_ms(samples)
        rows.append((f"views, {label}: switch, {what}, median (ms)", round(ms, 1), SWITCH_BUDGET_MS, ms <= SWITCH_BUDGET_MS))
        rows.append((f"views, {label}: switch, {what}, slowest (ms)", round(max(samples) * 1000, 1), "", None))
    return rows


def five_year_board(path: Path) -> Path:
    """make_board.py's five-year board, saved once (which archives its done
    tasks), both by child processes: this one stays small."""
    maker = [sys.executable, str(HERE / "make_board.py"), "--tasks", "100000", "--done", "95000", "--history", str(path)]
    subprocess.run(maker, check=True, capture_output=True, env=child_env())
    first_save = [
        sys.executable,
        "-m",
        "opsboard",
        "task",
        "add",
        str(path),
        "--dept",
        "design",
        "--title",
        "The first save",
        "--user",
        "bench",
    ]
    subprocess.run(first_save, check=True, capture_output=True, env=child_env())
    return path


def main(runs: int = 3, read: float = 3.0, five_years: bool = True) -> list[tuple]:
    from make_board import make_board

    from opsboard.services.board_files import DEMO_BOARD

    rows: list[tuple] = []
    with tempfile.TemporaryDirectory(prefix="opsboard-bench-views-") as folder:
        demo = Path(folder) / "demo.json"
        big = make_board(Path(folder) / "big.json", TASKS)
        boards: tuple[tuple[str, Path], ...] = (("demo", demo), (f"{TASKS:,} tasks", big))
        if five_years:
            boards += (("100,000 tasks, 95,000 archived", five_year_board(Path(folder) / "five-years.json")),)
        config = Path(folder) / "config"
        config.mkdir()
        if shutil.which("tmux"):
            with tmux_server():
                floor = tmux_floor(4 * runs, config)
                rows.append(("views, tmux: a bare Textual app's label update seen (ms)", round(median_ms(floor), 1), "", None))
                for label, board in boards:
                    shutil.copyfile(DEMO_BOARD, demo)  # each board as it was: a run may record a stand-up
                    rows += switch_rows(f"tmux, {label}", *tmux_times(board, runs, read, config))
        else:
            rows.append(("views, tmux: not installed, not timed", "-", "", None))
        for label, board in boards:
            shutil.copyfile(DEMO_BOARD, demo)
            times = pilot_times(board, read, runs)
            rows += switch_rows(f"Pilot, {label}", times["first"], times["again"])
            for kind in ("view 1 while preparing", "view 1 after"):
                if times[kind]:
                    rows.append((f"views, Pilot, {label}: a key on {kind} (ms)", round(median_ms(times[kind]), 1), "", None))
    return rows


if __name__ == "__main__":
    import argparse

    from timing import print_budget_rows

    parser = argparse.ArgumentParser(description="View switches, first visits included, through tmux and with Pilot.")
    parser.add_argument("--runs", type=int, default=3, help="fresh apps per board and method (default 3)")
    parser.add_argument("--read", type=float, default=3.0, help="seconds on view 1 before the first switch (default 3)")
    parser.add_argument(
        "--no-five-years", dest="five_years", action="store_false", help="leave out the five-year board (about a minute to make)"
    )
    args = parser.parse_args()
    rows = main(args.runs, args.read, args.five_years)
    sys.exit(print_budget_rows(rows))
