"""Issue 18 case 5: the blocked-reason dialog is as tall as its one field, and
a card moved back to Blocked (from Done) is offered the reason it had."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from textual.containers import Vertical
from textual.widgets import Input

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.widgets.kanban_board import KanbanBoard


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return path


async def test_back_to_blocked_offers_the_old_reason_in_a_short_dialog(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "enter")  # Design
        await pilot.pause()
        kanban = app.screen.query_one(KanbanBoard)
        kanban.focus_column(2)  # Blocked: "Shoot linen shirts", waiting for samples
        await pilot.press("L")  # to Done: the reason is cleared
        await pilot.pause()
        assert BoardStore(board, user="r").task("t-d5").blocked_reason == ""
        await pilot.press("H")  # back to Blocked: asks why, offering the old reason
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-reason", Input).value == "waiting for samples"
        assert form.query_one(Vertical).size.height <= 12  # one field, not the whole screen
        await pilot.press("ctrl+s")
        await pilot.pause()
    task = BoardStore(board, user="r").task("t-d5")
    assert (task.status.value, task.blocked_reason) == ("blocked", "waiting for samples")
