"""Issue 17: views 3, 4 and 5 hand the board's figures to a thread; Textual
names such a worker by repr() of its arguments unless it is given a name, and
repr() of five years of daily metrics (5,454 models) took 75 ms of every
visit to view 3 on the UI thread. Each worker has a short name of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

from opsboard.services.board_files import DEMO_BOARD
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp

NAMED = {"targets": "targets-compute", "review": "review-prepare", "standup": "standup-levers"}


async def test_the_views_workers_are_not_named_by_their_inputs(tmp_path: Path) -> None:
    board = tmp_path / "demo.json"
    shutil.copyfile(DEMO_BOARD, board)
    app = OpsboardApp(BoardStore(board, user="lin"))
    started: list[tuple[str, str]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        add = app.workers.add_worker

        def seen(worker, **how) -> None:
            started.append((worker.group, worker.description))
            add(worker, **how)

        app.workers.add_worker = seen  # type: ignore[method-assign]
        for key in "345":
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
    named = {group: description for group, description in started if group in NAMED.values()}
    assert named == {group: group for group in NAMED.values()}
