"""A big board that never archived is archived by another process just
after the first frame (tui/first_archive.py): the app answers keys
meanwhile, its own saves leave the move to that process, and once it is done
the app shows the board without the archived tasks and says what moved."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from opsboard.store import BoardStore
from opsboard.tui import first_archive
from opsboard.tui.app import OpsboardApp

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def big_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """400 tasks, 380 done over five years (from today: no frozen clock), never archived."""
    monkeypatch.delenv("OPSBOARD_NOW", raising=False)
    monkeypatch.setattr(first_archive, "LARGE_BOARD", 300)
    path = tmp_path / "big.json"
    maker = [sys.executable, str(ROOT / "benchmarks" / "make_board.py"), "--tasks", "400", "--done", "380", str(path)]
    subprocess.run(maker, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return path


async def test_the_first_archive_of_a_big_board_runs_beside_the_app(big_board: Path) -> None:
    app = OpsboardApp(BoardStore(big_board, user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.store.archive_elsewhere  # started: the app's saves leave the move to it
        await pilot.press("2")  # keys answer meanwhile
        assert app.current_mode == "boards"
        for _ in range(600):
            if not app.store.archive_elsewhere:
                break
            await asyncio.sleep(0.05)
        await pilot.pause()
        assert not app.store.archive_elsewhere
        on_board = orjson.loads(big_board.read_bytes())["tasks"]
        archive = big_board.with_name("big.json.archive.jsonl").read_bytes().splitlines()
        assert len(on_board) + len(archive) == 400 and len(archive) > 300
        assert set(app.store.raw("tasks")) == set(on_board)  # the app reads the board the other process wrote
        moved = [n.message for n in app._notifications if "moved to big.json.archive.jsonl" in n.message]
        assert moved == [f"{big_board}: {len(archive)} done tasks unchanged for 30 days moved to big.json.archive.jsonl"]


def test_a_save_of_the_app_leaves_the_move_to_the_other_process(big_board: Path) -> None:
    from opsboard.services.tasks import add_task

    store = BoardStore(big_board, user="ana")
    store.archive_elsewhere = True
    add_task(store, department="design", title="While the archive is written elsewhere")
    assert len(orjson.loads(big_board.read_bytes())["tasks"]) == 401 and store.last_archived == 0
    store.archive_elsewhere = False
    add_task(store, department="design", title="After")
    assert store.last_archived > 300
