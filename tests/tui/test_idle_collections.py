"""Issue 17: full garbage collections wait for a pause in typing (tui/collecting.py):
one inside a keypress made it 40–70 ms slower, on the demo board too."""

from __future__ import annotations

import gc
import shutil
import time
from pathlib import Path

import pytest

from opsboard.services.board_files import DEMO_BOARD
from opsboard.store import BoardStore
from opsboard.tui import collecting
from opsboard.tui.app import OpsboardApp


class CountingGc:
    """The gc module as the collector sees it, with `due` young collections
    since the last full one, and its full collections counted, not made."""

    def __init__(self, due: int) -> None:
        self.due = due
        self.full = 0

    def get_count(self) -> tuple[int, int, int]:
        return (0, 0, self.due)

    def collect(self, generation: int = 2) -> int:
        assert generation == 2
        self.full += 1
        self.due = 0
        return 0

    get_threshold = staticmethod(gc.get_threshold)
    set_threshold = staticmethod(gc.set_threshold)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    board = tmp_path / "demo.json"
    shutil.copyfile(DEMO_BOARD, board)
    return board


async def test_pythons_own_full_collections_wait_while_the_app_runs(demo: Path) -> None:
    before = gc.get_threshold()
    app = OpsboardApp(BoardStore(demo, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert gc.get_threshold()[:2] == before[:2]  # the young generations as usual
        assert gc.get_threshold()[2] == collecting.HELD_BACK
    assert gc.get_threshold() == before  # Python's own again once the app ends


async def test_a_due_full_collection_waits_for_a_pause_in_typing(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = CountingGc(due=collecting.DUE)
    app = OpsboardApp(BoardStore(demo, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(collecting, "gc", fake)
        await pilot.press("j")  # the user is typing
        app.collector.look()
        assert fake.full == 0
        app.key_order.last_key_at = time.monotonic() - collecting.PAUSE_SECONDS - 0.1  # a pause
        app.collector.look()
        assert fake.full == 1
        app.collector.look()  # nothing due any more
        assert fake.full == 1


async def test_one_that_never_pauses_still_gets_its_memory_back(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = CountingGc(due=collecting.OVERDUE)
    app = OpsboardApp(BoardStore(demo, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(collecting, "gc", fake)
        await pilot.press("j")
        app.collector.look()
        assert fake.full == 1


async def test_the_app_itself_looks_and_collects_once_the_user_pauses(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a look made by hand: the app's own timer finds the pause and collects."""
    monkeypatch.setattr(collecting, "LOOK_SECONDS", 0.02)
    fake = CountingGc(due=collecting.DUE)
    app = OpsboardApp(BoardStore(demo, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(collecting, "gc", fake)
        app.key_order.last_key_at = time.monotonic() - collecting.PAUSE_SECONDS - 0.1  # a pause
        for _ in range(500):
            if fake.full:
                break
            await pilot.pause(0.01)
        assert fake.full == 1
