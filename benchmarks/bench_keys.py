"""Every key a user presses, on a five-year board (issue 17: "every keypress
at most 50 ms"): 100,000 tasks, 95,000 of them done and archived by the
board's first save, with a full activity log, comment threads, five years of
stand-ups and daily metrics and a plan with campaigns
(`make_board.py --tasks 100000 --done 95000 --history`).

With Pilot, in this process: the app opens the board as in a terminal (the
other views prepared in the background while the user reads view 1; the
longest of those slices is a row of its own, ≲ 16 ms, with those that bring
a view a save changed up to date in a pause once all are prepared), then a user's round
of keys through views 1–5, the task list, the activity view, help, the
command palette and undo, twice (the first press of each key, and again).
Each key is timed from the moment it is sent to the first frame written
after the app has handled it (for a view switch: the frame showing the new
view with its figures; for a key typed into view 2's filter: the frame with
the board filtered). Budget: 50 ms median per key. Beside each key, the UI
thread's CPU time (steadier on a busy machine); on stderr the garbage
collections met, the longest preparation slices (where they stopped) and
what the full collection of a pause costs (tui/collecting.py: a key pressed
during it waits) once the views are prepared and after each round of keys.
Also opening that board, a fresh process to its first frame, against a bare
Textual app (≤ 1.5×, as bench_archive.py's rows).

    python benchmarks/bench_keys.py [--rounds 2] [--runs 7] [--tasks 100000] [--board PATH] [--profile LABEL]
    (or through benchmarks/run.py)

`--board`: a board already made (and saved once); without it one is made in a
temporary folder (about a minute). `main()` returns rows (name, median, budget, pass).
"""

from __future__ import annotations

import asyncio
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (ROOT, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from first_frame import child_env

TASKS, DONE = 100_000, 95_000
KEY_BUDGET_MS = 50.0
STEP_BUDGET_MS = 16.0  # a slice of background preparation: about one frame
SIZE = (120, 40)
READ_SECONDS = 60.0  # at most, on view 1 while the other views are prepared

Shown = Callable[[object], bool]  # the app → whether the frame shows what the key asked for


def _view(name: str) -> Shown:
    def shown(app) -> bool:
        screen = app.screen
        if getattr(screen, "VIEW_NAME", None) != name:
            return False
        if name == "targets":
            return screen.view is not None and screen.view.actuals_ready
        if name == "review":
            return screen.source is not None
        return True

    return shown


def _filtered(app) -> bool:
    """View 2's board filtered by what the filter box holds."""
    screen = app.screen
    box = screen.query_one("#filter")
    return screen.filter_text == box.value.strip()


def _on_screen(name: str) -> Shown:
    return lambda app: type(app.screen).__name__ == name


def round_of_keys() -> list[tuple[str, str, Shown | None]]:
    """(what the user does, the key, what its frame shows when more than
    the key handled). In the order a user might press them."""
    keys: list[tuple[str, str, Shown | None]] = [
        ("view 1: next phase l", "l", None),
        ("view 1: previous phase h", "h", None),
        ("view 1: next item j", "j", None),
        ("view 1: previous item k", "k", None),
        ("view 1: toggle done space (saved)", "space", None),
        ("view 1: toggle back space (saved)", "space", None),
        ("u undo", "u", None),
        ("2 view 2", "2", _view("boards")),
        ("view 2: next department ]", "right_square_bracket", None),
        ("view 2: next department ]", "right_square_bracket", None),
        ("view 2: next column l", "l", None),
        ("view 2: next card j", "j", None),
        ("view 2: previous column h", "h", None),
        ("view 2: move card L (saved)", "L", None),
        ("view 2: move card H (saved)", "H", None),
        ("u undo", "u", None),
        ("view 2: details enter", "enter", None),
        ("escape (close a dialog)", "escape", None),
        ("view 2: filter /", "slash", None),
        *[("view 2: filter, a key typed", key, _filtered) for key in "owner:chen"],
        ("view 2: filter, backspace", "backspace", _filtered),
        ("view 2: clear the filter escape", "escape", None),
        ("view 2: new task form a", "a", None),
        ("escape (close a dialog)", "escape", None),
        ("3 view 3", "3", _view("targets")),
        ("view 3: next tab l", "l", None),
        ("view 3: next tab l", "l", None),
        ("view 3: previous tab h", "h", None),
        ("view 3: next month j", "j", None),
        ("4 view 4", "4", _view("review")),
        ("view 4: weekly w", "w", None),
        ("view 4: monthly m", "m", None),
        ("view 4: next channel c", "c", None),
        ("view 4: daily d", "d", None),
        ("5 view 5", "5", _view("standup")),
        ("view 5: next department n", "n", None),
        ("view 5: next department n", "n", None),
        ("view 5: previous department p", "p", None),
        ("view 5: note enter", "enter", None),
        ("escape (close a dialog)", "escape", None),
        ("T task list", "T", _on_screen("TaskListScreen")),
        ("task list: next row j", "j", None),
        ("escape (close a screen)", "escape", None),
        ("A activity", "A", _on_screen("ActivityScreen")),
        ("activity: next row j", "j", None),
        ("escape (close a screen)", "escape", None),
        ("? help", "question_mark", None),
        ("escape (close a dialog)", "escape", None),
        ("ctrl+p palette", "ctrl+p", None),
        *[("palette: a key typed", key, None) for key in "export"],
        ("escape (close a dialog)", "escape", None),
        ("1 view 1", "1", _view("checklists")),
    ]
    return keys


def key_event(key: str):
    """The Key event Pilot would send for `key`."""
    from textual import events
    from textual.keys import _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def _run(
    board: Path, rounds: int, profile: str | None = None
) -> tuple[dict[str, list[float]], dict[str, list[float]], list[float], list[str]]:
    """(seconds per key label, CPU seconds per key label, each background
    preparation step's seconds, notes). `profile`: the keys whose label holds it run under cProfile,
    whose figures are printed at the end (to find the cost of a slow key)."""
    import cProfile
    import pstats

    from opsboard.store import BoardStore
    from opsboard.tui.app import OpsboardApp

    app = OpsboardApp(BoardStore(board, user="bench"))
    app.animation_level = "none"
    app.prepare_views = True  # as in a terminal
    written: list[float] = []
    cpu_at: list[float] = []  # the UI thread's CPU time at the frame: steadier than the clock on a busy machine
    state: dict = {"key": None, "admitted": False, "shown": None}
    display = OpsboardApp._display

    def through(key) -> bool:
        """The app has handled the key: its binding ran, or the widget it went to stopped it."""
        order = app.key_order
        return state["admitted"] and key not in order.held and (order.in_flight is not key or key._stop_propagation)

    def timed_display(self, screen, renderable) -> None:
        display(self, screen, renderable)
        key = state["key"]
        if key is None or written or renderable is None or self._batch_count or screen is not self.screen:
            return
        if through(key) and (state["shown"] is None or state["shown"](self)):
            written.append(time.perf_counter())
            cpu_at.append(time.thread_time())

    steps: list[float] = []
    step = type(app.preparer)._step

    step_names: list[str] = []

    def timed_step(preparer) -> None:
        frame = getattr(preparer._steps, "gi_frame", None)
        if frame is None:
            where = "start"
        else:  # the view prepared (its name), or brought up to date after a save (its screen)
            name = frame.f_locals.get("name") or type(frame.f_locals.get("screen", "")).__name__.replace("str", "")
            where = f"{name} line {frame.f_lineno}"
        started, cpu = time.perf_counter(), time.thread_time()
        step(preparer)
        steps.append(time.perf_counter() - started)
        step_names.append(f"{where} (cpu {(time.thread_time() - cpu) * 1000:.1f} ms)")

    collections: list[tuple[int, float, str]] = []  # (generation, seconds, during which key)
    collecting: dict = {}

    def on_collection(phase: str, info: dict) -> None:
        if phase == "start":
            collecting["at"] = time.thread_time()  # (the collector holds the GIL: one at a time)
        elif "at" in collecting:
            where = state.get("label") or "between keys"
            if threading.current_thread() is not threading.main_thread():
                where += f", in {threading.current_thread().name}"
            collections.append((info["generation"], time.thread_time() - collecting.pop("at"), where))

    def full_collection(when: str) -> None:
        """What the full collection of a pause costs now (tui/collecting.py
        makes one once no key came for a second; a key pressed meanwhile waits)."""
        unfrozen = len(gc.get_objects())
        cpu = time.thread_time()
        app.collector.collect()  # as in a pause
        print(
            f"bench_keys: a full collection {when}: {(time.thread_time() - cpu) * 1000:.0f} ms CPU"
            f" ({unfrozen:,} objects not frozen, {gc.get_freeze_count():,} frozen)",
            file=sys.stderr,
        )

    gc.callbacks.append(on_collection)
    times: dict[str, list[float]] = {}
    cpu_times: dict[str, list[float]] = {}
    notes: list[str] = []
    profiles: list = []
    OpsboardApp._display = timed_display  # type: ignore[method-assign]
    type(app.preparer)._step = timed_step  # type: ignore[method-assign]
    try:
        async with app.run_test(size=SIZE) as pilot:
            order = app.key_order
            start = order._start

            def admitted(key) -> None:
                if key is state["key"]:
                    state["admitted"] = True
                start(key)

            order._start = admitted  # type: ignore[method-assign]
            started = time.perf_counter()
            while not app.preparer.finished and time.perf_counter() - started < READ_SECONDS:
                await asyncio.sleep(0.05)  # the user reads view 1 while the others are prepared
            if not app.preparer.finished:
                notes.append(f"views still being prepared after {READ_SECONDS:.0f} s")
            await pilot.pause()
            full_collection("the views prepared")
            for round_number in range(rounds):
                for label, key, shown in round_of_keys():
                    profiler = cProfile.Profile() if profile and profile in label else None
                    event = key_event(key)
                    written.clear()
                    cpu_at.clear()
                    state.update(key=event, admitted=False, shown=shown, label=label)
                    sent, cpu = time.perf_counter(), time.thread_time()
                    if profiler:
                        profiler.enable()
                    app.post_message(event)
                    while not written:
                        if time.perf_counter() - sent > 10:
                            notes.append(f"round {round_number + 1}: {label}: no frame in 10 s (on {type(app.screen).__name__})")
                            break
                        if through(event) and time.perf_counter() - sent > 1 and shown is None:
                            break  # handled, and nothing to draw (the last month, say)
                        await asyncio.sleep(0.0005)
                    if profiler:
                        profiler.disable()
                        profiles.append(profiler)
                    if written:
                        kind = "first press" if round_number == 0 else "again"
                        times.setdefault(f"{label} · {kind}", []).append(written[0] - sent)
                        cpu_times.setdefault(f"{label} · {kind}", []).append(cpu_at[0] - cpu)
                    state.update(key=None, label=None)
                    await pilot.pause()
                    await asyncio.sleep(0.02)  # the user's pace: the next key a moment later
                full_collection(f"after round {round_number + 1} of keys")
    finally:
        gc.callbacks.remove(on_collection)
        OpsboardApp._display = display  # type: ignore[method-assign]
        type(app.preparer)._step = step  # type: ignore[method-assign]
    if collections:
        slow = sorted(collections, key=lambda c: c[1], reverse=True)[:5]
        said = ", ".join(f"gen {gen} {seconds * 1000:.0f} ms ({label})" for gen, seconds, label in slow)
        full = [seconds for gen, seconds, _ in collections if gen == 2]
        print(
            f"bench_keys: {len(collections)} garbage collections ({len(full)} full: {sum(full) * 1000:.0f} ms), the longest (CPU): {said}",
            file=sys.stderr,
        )
    if steps:
        longest = sorted(zip(steps, step_names, strict=True), reverse=True)[:5]
        notes_steps = ", ".join(f"{seconds * 1000:.1f} ms at {where}" for seconds, where in longest)
        print(f"bench_keys: the longest preparation slices: {notes_steps}", file=sys.stderr)
    if profiles:
        stats = pstats.Stats(profiles[0])
        for more in profiles[1:]:
            stats.add(more)
        stats.sort_stats("cumulative").print_stats(45)
    return times, cpu_times, steps, notes


def make_five_year_board(folder: Path, tasks: int) -> Path:
    """Made and saved once (which archives the done tasks) by child processes."""
    board = folder / "five-years.json"
    done = tasks * DONE // TASKS
    maker = [sys.executable, str(HERE / "make_board.py"), "--tasks", str(tasks), "--done", str(done), "--history", str(board)]
    subprocess.run(maker, check=True, capture_output=True, env=child_env())
    add = [sys.executable, "-m", "opsboard", "task", "add", str(board), "--dept", "design", "--title", "The first save", "--user", "bench"]
    subprocess.run(add, check=True, capture_output=True, env=child_env())
    return board


def key_rows(board: Path, rounds: int, profile: str | None = None) -> list[tuple]:
    times, cpu_times, steps, notes = asyncio.run(_run(board, rounds, profile))
    rows: list[tuple] = []
    for label, samples in times.items():
        ms = statistics.median(samples) * 1000
        worst = max(samples) * 1000
        cpu = statistics.median(cpu_times[label]) * 1000
        rows.append((f"key: {label} (ms; worst {worst:.0f}, cpu {cpu:.0f})", round(ms, 1), KEY_BUDGET_MS, ms <= KEY_BUDGET_MS))
    every = [s for samples in times.values() for s in samples]
    if every:
        over = sum(1 for s in every if s * 1000 > KEY_BUDGET_MS)
        rows.append(
            (
                f"keys: all {len(every)} presses, median (ms; {over} over {KEY_BUDGET_MS:.0f} ms)",
                round(statistics.median(every) * 1000, 1),
                "",
                None,
            )
        )
    if steps:
        longest = max(steps) * 1000
        rows.append(
            (
                f"views prepared in the background: {len(steps)} slices, the longest (ms; median {statistics.median(steps) * 1000:.1f})",
                round(longest, 1),
                STEP_BUDGET_MS,
                longest <= STEP_BUDGET_MS,
            )
        )
    rows += [(f"keys: {note}", "-", "", False) for note in notes]
    return rows


def open_rows(board: Path, runs: int) -> list[tuple]:
    """Opening the five-year board: a fresh process to its first frame vs a
    bare Textual app, interleaved (bench_archive.py's rows, on this board)."""
    from bench_archive import open_rows as archive_open_rows

    return [
        (
            name.replace("the archived 100,000-task board", "the five-year board").replace(
                "archived 100,000-task board", "five-year board"
            ),
            *rest,
        )
        for name, *rest in archive_open_rows(board, runs)
    ]


def main(rounds: int = 2, tasks: int = TASKS, board: Path | None = None, profile: str | None = None, runs: int = 7) -> list[tuple]:
    """`runs`: fresh processes per start figure (0: the start not timed)."""
    with tempfile.TemporaryDirectory(prefix="opsboard-bench-keys-") as folder:
        board = board or make_five_year_board(Path(folder), tasks)
        rows = open_rows(board, runs) if runs else []  # fresh processes first, while this one is small
        return rows + key_rows(board, rounds, profile)


if __name__ == "__main__":
    import argparse

    from timing import print_budget_rows

    parser = argparse.ArgumentParser(description="Every key on a five-year board of 100,000 tasks, with Pilot.")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the user's keys (default 2: first press, again)")
    parser.add_argument("--tasks", type=int, default=TASKS, help=f"tasks on the board made (default {TASKS:,})")
    parser.add_argument("--board", type=Path, help="a board already made with make_board.py --history and saved once")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per start figure (default 7; 0: not timed)")
    parser.add_argument("--profile", metavar="LABEL", help="profile the keys whose label holds LABEL (e.g. 'A activity')")
    args = parser.parse_args()
    os.environ.setdefault("OPSBOARD_LANG", "en")
    rows = main(args.rounds, args.tasks, args.board, args.profile, args.runs)
    sys.exit(print_budget_rows(rows, result_width=8))
