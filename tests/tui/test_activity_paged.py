"""Issue 17: the activity view of a full log (5,000 entries on a five-year
board) shows the newest changes at once and adds the rest a page at a time
after its first frame, instead of wording and laying out 500 rows before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from checklists_fixture import NOW
from textual.widgets import Static

from opsboard.model import Operation, OpKind, Table
from opsboard.services.board_files import init_board
from opsboard.services.tasks import add_task
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.activity import FIRST_PAGE, ROW_LIMIT, ActivityScreen
from opsboard.tui.widgets.keyed_table import KeyedTable

CHANGES = 650  # more than the view lists


@pytest.fixture
def long_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = init_board(tmp_path / "log.json", user="lin", language="en", year=2026).path
    store = BoardStore(path, user="lin")
    task = add_task(store, department="design", title="Banner for 618")
    # one save, CHANGES entries: the task's priority set again and again
    store.apply(
        *[
            Operation(kind=OpKind.SET, table=Table.TASKS, doc_id=task.id, after={"priority": 1 + n % 4}, label="edit")
            for n in range(CHANGES)
        ]
    )
    return path


def newest_ids(path: Path, count: int) -> list[str]:
    return [entry.id for entry in reversed(BoardStore(path, user="lin").activity())][:count]


async def wait_for_count(pilot, screen: ActivityScreen) -> str:
    count = screen.query_one("#activity-count", Static)
    for _ in range(200):
        if str(count.render()).strip():
            break
        await pilot.pause(0.01)
    return str(count.render())


async def open_activity(pilot) -> ActivityScreen:
    """`A` pressed once the app is up: the activity view on screen."""
    await pilot.pause()
    await pilot.press("A")
    screen = pilot.app.screen
    assert isinstance(screen, ActivityScreen)
    return screen


async def test_the_newest_page_first_then_the_rest(long_log: Path) -> None:
    app = OpsboardApp(BoardStore(long_log, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_activity(pilot)
        table = screen.query_one("#activity", KeyedTable)
        screen.reload()  # as on mount: what the first frame has
        assert table.row_count == FIRST_PAGE
        keys = [str(row.value) for row in table.rows]
        assert keys == newest_ids(long_log, FIRST_PAGE)  # the newest first
        assert str(screen.query_one("#activity-count", Static).render()).strip() == ""  # no count until all are in
        assert "(the newest 500)" in await wait_for_count(pilot, screen)
        assert [str(row.value) for row in table.rows] == newest_ids(long_log, ROW_LIMIT)
        assert table.cursor_row == 0


async def test_a_reload_while_pages_come_in_starts_again(long_log: Path) -> None:
    """A teammate's save (or a filter chosen) while the rows still come in:
    the list is made again, not added to (which failed on the rows' keys)."""
    app = OpsboardApp(BoardStore(long_log, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_activity(pilot)
        table = screen.query_one("#activity", KeyedTable)
        screen.reload()
        await pilot.pause(0.02)  # a page or two in
        screen.reload()
        assert table.row_count == FIRST_PAGE
        await wait_for_count(pilot, screen)
        assert table.row_count == ROW_LIMIT
        assert [str(row.value) for row in table.rows] == newest_ids(long_log, ROW_LIMIT)
        assert app.is_running and app.return_value is None


async def test_the_cursor_stays_on_its_row_across_a_reload(long_log: Path) -> None:
    app = OpsboardApp(BoardStore(long_log, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_activity(pilot)
        await wait_for_count(pilot, screen)
        table = screen.query_one("#activity", KeyedTable)
        table.move_cursor(row=300)  # past the first page
        screen.reload()
        await wait_for_count(pilot, screen)
        assert table.cursor_row == 300


async def test_opened_again_as_new_the_same_screen(long_log: Path) -> None:
    """The view is made once and opened again (tui/kept_screens.py): each
    opening shows Everyone and All departments, the newest change
    highlighted at the top, and a change saved meanwhile."""
    from textual.widgets import Select

    app = OpsboardApp(BoardStore(long_log, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        first = await open_activity(pilot)
        await wait_for_count(pilot, first)
        first.query_one("#department", Select).value = "design"
        await pilot.pause()
        await pilot.press("j", "j", "j")
        table = first.query_one("#activity", KeyedTable)
        assert table.cursor_row == 3
        await pilot.press("escape")
        await pilot.pause()
        store = app.store  # type: ignore[attr-defined]
        add_task(store, department="marketing", title="Coupons for 11.11")
        await pilot.press("A")
        await pilot.pause()
        screen = app.screen
        assert screen is first  # the same screen, not made again
        assert screen.query_one("#department", Select).value is Select.NULL
        assert screen.query_one("#person", Select).value is Select.NULL
        assert table.cursor_row == 0 and table.scroll_y == 0
        assert screen.focused is table
        assert table.current_key() == newest_ids(long_log, 1)[0]  # the task just added, in marketing
        assert "Coupons for 11.11" in str(screen.query_one("#activity-detail", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("A")  # nothing changed: not worded again, still as new
        await pilot.pause()
        assert app.screen is first and table.cursor_row == 0
        assert "Coupons for 11.11" in str(first.query_one("#activity-detail", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        add_task(store, department="design", title="Banner for 12.12")  # no filter to clear this time
        await pilot.press("A")
        await pilot.pause()
        assert table.current_key() == newest_ids(long_log, 1)[0]
        assert "Banner for 12.12" in str(first.query_one("#activity-detail", Static).render())
