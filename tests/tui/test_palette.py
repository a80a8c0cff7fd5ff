"""The command palette: the actions of every view (not the cursor keys), a
jump to a department, and a task search that opens the card."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from test_boards_view import make_app
from textual.command import CommandPalette

from opsboard.tui.palette import ViewActions
from opsboard.tui.screens.boards import BoardsScreen


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "b.json"
    make_board(path)
    return path


async def choose(pilot, text: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*text)
    for _ in range(6):
        await pilot.pause(0.05)
    await pilot.press("enter")
    for _ in range(4):
        await pilot.pause()


async def test_every_view_action_is_listed_and_runs_in_its_view(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        labels = [label for label, _, _ in ViewActions(pilot.app.screen)._commands()]
        assert "Boards: Fold and archive done…" in labels and "Checklists: Done" in labels and "Undo" in labels and "All tasks" in labels
        assert not [label for label in labels if label.endswith((": Down", ": Up", ": Top", ": Bottom"))]
        assert pilot.app.current_mode == "checklists"
        await choose(pilot, "Boards: Fold and archive done")
        assert pilot.app.current_mode == "boards"  # switched to view 2 and ran it there
        assert type(pilot.app.screen).__name__ == "FormScreen"


async def test_jump_to_a_department_and_search_a_task(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await choose(pilot, "Department: Marketing")
        screen = pilot.app.screen
        assert isinstance(screen, BoardsScreen) and screen.department == "marketing"
        await choose(pilot, "hero images")
        assert screen.department == "design" and screen.current_task().id == "t-d1"
