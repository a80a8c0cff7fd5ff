"""Issue 18 case 15: with 16 colours the focus accent is not bright red (an
alarm) and the selected row is not white on cyan."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from rich.color import ANSI_COLOR_NAMES, ColorSystem
from textual.widgets import DataTable

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.sixteen_colours import has_sixteen_colours
from opsboard.tui.widgets.kanban_board import KanbanBoard


def sixteen(colour) -> str:
    """The colour a 16-colour terminal shows, by its ANSI name."""
    number = colour.downgrade(ColorSystem.STANDARD).number
    return next(name for name, n in ANSI_COLOR_NAMES.items() if n == number)


async def test_focus_and_selection_read_calmly_in_16_colours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.console._color_system = ColorSystem.STANDARD  # what TERM=xterm gives
    # run_test is headless, where the app keeps its one theme: decide as on a terminal
    app.uses_sixteen_colours = lambda: has_sixteen_colours(app.console.color_system)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        cursor = table.get_component_rich_style("datatable--cursor")
        assert (sixteen(cursor.color), sixteen(cursor.bgcolor)) not in {("bright_white", "cyan"), ("white", "cyan")}
        assert sixteen(cursor.bgcolor) in {"blue", "bright_blue"}
        await pilot.press("2", "enter")
        await pilot.pause()
        board = app.screen.query_one(KanbanBoard)
        assert board.has_focus
        focus = board.get_component_rich_style("kanban-board--border-focus")
        assert sixteen(focus.color) not in {"red", "bright_red"}
        assert sixteen(focus.color) in {"yellow", "bright_yellow"}
