"""Issue 18 cases 11 and 12: tables fit the window (no horizontal scrollbar
whose thumb end floats under them as a stray `▋`), and the department list
shows whole names when the window has room."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_app import board, make_app  # noqa: F401
from checklists_fixture import checklist_app, checklist_board  # noqa: F401
from standup_board import build_board
from textual.widgets import DataTable

from opsboard.tui.widgets.board_overview import BoardOverview
from opsboard.tui.widgets.department_list import DepartmentList
from opsboard.tui.widgets.standup_agenda import AgendaTable


def fits(table: DataTable) -> bool:
    """Every column inside the table's own width: no horizontal scrollbar."""
    return table.virtual_size.width <= table.scrollable_content_region.width and not table.show_horizontal_scrollbar


async def test_boards_overview_fits_60_columns_with_every_count(board: Path) -> None:
    async with make_app(board).run_test(size=(60, 20)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        overview = pilot.app.screen.query_one(BoardOverview)
        assert fits(overview)
        assert [str(c.label) for c in overview.columns.values()][-2:] == ["Late", "Today"]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert fits(overview) and "Due today" in [str(c.label) for c in overview.columns.values()]


async def test_department_list_shows_whole_names_at_120_columns(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        listed = pilot.app.screen.query_one(DepartmentList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert any(p.startswith("Customer Service ") for p in prompts), prompts
        assert any(p.startswith("Product Development ") for p in prompts), prompts
        assert not any("…" in p for p in prompts)


async def test_checklist_table_fits_60_columns_and_keeps_the_due_date(checklist_board: Path) -> None:
    async with checklist_app(checklist_board).run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        table = pilot.app.screen.query_one("#items", DataTable)
        assert fits(table)
        widths = {str(key.value): column.width for key, column in table.columns.items()}
        assert widths["title"] >= 16 and widths["due"] >= 7
        assert str(table.get_row_at(2)[-1]) == "02-20 !"  # research-c, overdue: the mark still shows


async def test_standup_agenda_fits_60_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.json"
    build_board(path, monkeypatch)
    async with make_app(path).run_test(size=(60, 20)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert fits(pilot.app.screen.query_one(AgendaTable))
