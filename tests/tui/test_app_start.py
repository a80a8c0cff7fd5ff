"""The app freezes what it has loaded while it runs (the garbage collector
then skips the parsed board) and thaws it when it ends, so nothing it froze
outlives it."""

from __future__ import annotations

import gc
from pathlib import Path

from checklists_fixture import checklist_app, checklist_board  # noqa: F401


async def test_the_heap_is_frozen_while_the_app_runs_and_thawed_after(checklist_board: Path) -> None:
    gc.unfreeze()
    app = checklist_app(checklist_board)
    assert gc.get_freeze_count() > 1000  # the modules and the parsed board at least
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 1000
    assert gc.get_freeze_count() == 0
