"""The first save of a big board that never archived, `opsboard archive
BOARD --now` (the app runs it in another process: tui/first_archive.py),
killed with SIGKILL at moments spread over its run: the board always opens
and validates, and every task is on the board or in the archive."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson

from opsboard.store import BoardStore

ROOT = Path(__file__).resolve().parents[2]


def env() -> dict[str, str]:
    values = {key: value for key, value in os.environ.items() if key != "OPSBOARD_NOW"}  # make_board dates from today
    return {**values, "PYTHONPATH": str(ROOT)}


def where_the_tasks_are(board: Path) -> tuple[set[str], set[str]]:
    on_board = set(orjson.loads(board.read_bytes())["tasks"])
    archive = board.with_name(board.name + ".archive.jsonl")
    moved: dict[str, bool] = {}
    if archive.exists():
        for line in archive.read_bytes().splitlines():
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError:
                continue  # a line torn by the kill: the next append cuts it
            moved[record["id"]] = record["kind"] == "moved"
    return on_board, {task_id for task_id, yes in moved.items() if yes}


def test_killed_at_any_moment_the_first_archive_loses_nothing(tmp_path: Path) -> None:
    original = tmp_path / "original.json"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_board.py"), "--tasks", "4000", "--done", "3800", str(original)],
        check=True,
        capture_output=True,
        env=env(),
    )
    every = set(orjson.loads(original.read_bytes())["tasks"])
    command = [sys.executable, "-m", "opsboard", "archive", "", "--now", "--user", "ana"]
    # a new board: warms the imports, and times a start that loads what the real run loads (the models)
    timed = tmp_path / "timed.json"
    subprocess.run([sys.executable, "-m", "opsboard", "init", str(timed), "--user", "ana"], check=True, capture_output=True, env=env())
    started = time.monotonic()
    subprocess.run([*command[:4], str(timed), *command[5:]], capture_output=True, env=env())
    warm = time.monotonic() - started
    moments: list[str] = []
    for n, fraction in enumerate((0.5, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.6, 2.0, 4.0)):
        folder = tmp_path / f"run{n}"
        folder.mkdir()
        board = folder / "b.json"
        shutil.copyfile(original, board)
        child = subprocess.Popen([*command[:4], str(board), *command[5:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env())
        time.sleep(warm * fraction)
        child.send_signal(signal.SIGKILL)
        child.wait()
        store = BoardStore(board, user="lin")
        assert store.validate_all() == []  # readable, every document valid
        on_board, archived = where_the_tasks_are(board)
        assert on_board | archived == every  # none lost
        moments.append("before" if not archived else "between" if on_board & archived else "after")
        store.archive_due()  # the next save finishes the move
        on_board, archived = where_the_tasks_are(board)
        assert on_board | archived == every and not on_board & archived and len(on_board) < 1000
    print(moments)
    assert "before" in moments and "after" in moments  # the kills fell over the whole run
