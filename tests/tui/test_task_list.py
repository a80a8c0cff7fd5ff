"""Tasks across departments (`T` in view 2): the quick filters, sorting, and
`enter` opening the card on its board."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.model import TaskStatus
from opsboard.services.task_filter import parse_filter
from opsboard.services.task_list import cross_department_tasks
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.boards import BoardsScreen
from opsboard.tui.screens.task_list import TaskListScreen
from opsboard.tui.widgets.status_line import StatusLine
from opsboard.tui.widgets.task_list import TaskList


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return path


def make_app(board: Path, user: str = "mei") -> OpsboardApp:
    app = OpsboardApp(BoardStore(board, user=user))
    app.animation_level = "none"
    return app


def listed(screen: TaskListScreen) -> list[str]:
    return [t.id for t in screen.query_one(TaskList).tasks]


async def open_list(pilot) -> TaskListScreen:
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("T")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TaskListScreen)
    return screen


async def test_quick_filters_mine_overdue_and_this_week(board: Path) -> None:
    store = BoardStore(board, user="reader")
    open_tasks = [t for t in store.tasks() if t.status is not TaskStatus.DONE]
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_list(pilot)
        assert sorted(listed(screen)) == sorted(t.id for t in open_tasks)  # every department, done left out
        assert listed(screen)[:2] == ["t-m1", "t-d1"]  # P1s first, the earlier due first
        await pilot.press("m")
        assert sorted(listed(screen)) == sorted(t.id for t in open_tasks if t.owner == "mei") == ["t-d1", "t-d5"]
        assert "filter: owner:me" in screen.query_one("#tasks-title", StatusLine).text.plain
        await pilot.press("o")
        assert listed(screen) == ["t-m1", "t-d1"]
        await pilot.press("w")
        assert listed(screen) == ["t-d2"]
        await pilot.press("w")  # again: cleared
        assert len(listed(screen)) == len(open_tasks)
        line = screen.query_one(TaskList).render_line(0).text
        assert line.startswith("P1  2026-02-20! Doing   Marketing           wang       Keyword bids for 618")


async def test_sorting_by_due_department_and_owner(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_list(pilot)
        tasks = screen.query_one(TaskList).tasks
        await pilot.press("s")
        assert screen.sort == "due"
        dues = [t.due for t in screen.query_one(TaskList).tasks if t.due]
        assert dues == sorted(dues) and screen.query_one(TaskList).tasks[-1].due is None
        await pilot.press("s")
        assert screen.sort == "department"
        departments = [t.department for t in screen.query_one(TaskList).tasks]
        assert departments.index("customer_service") > departments.index("marketing") > departments.index("design")
        await pilot.press("s")
        owners = [t.owner for t in screen.query_one(TaskList).tasks]
        assert owners == sorted(owners, key=lambda o: o or "\uffff")
        assert len(owners) == len(tasks)


async def test_enter_opens_the_card_on_its_board_even_behind_a_filter(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        boards = pilot.app.screen
        assert isinstance(boards, BoardsScreen)
        boards.apply_filter("photos")  # only t-d1 carries the tag
        screen = await open_list(pilot)
        assert listed(screen) == ["t-d1"]  # the board's filter carried over
        await pilot.press("slash", *"gift", "enter")
        assert listed(screen) == ["t-m2"]
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is boards
        assert boards.department == "marketing" and boards.current_task().id == "t-m2"
        assert boards.filter_text == ""  # it hid the card: cleared


def test_ten_thousand_tasks_sort_and_filter_quickly() -> None:
    from opsboard.model import Task

    tasks = [
        Task(
            id=f"t{i}",
            department=f"d{i % 9}",
            title=f"task {i}",
            priority=1 + i % 4,
            owner=f"p{i % 30}",
            due=None if i % 3 else "2026-03-01",
        )
        for i in range(10_000)
    ]
    chosen = parse_filter("due:overdue")
    start = time.perf_counter()
    for sort in ("priority", "due", "department", "owner"):
        found = cross_department_tasks(tasks, chosen, date(2026, 3, 2), sort=sort)
    assert time.perf_counter() - start < 1.0 and len(found) == 3334


@pytest.mark.parametrize("start", ["1", "3"])
async def test_from_another_view_enter_opens_the_card_itself_on_its_board(board: Path, start: str) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press(start, "T")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, TaskListScreen)
        row = listed(screen).index("t-d4")  # Design's Doing column, not the first card of To do
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("enter")
        for _ in range(6):
            await pilot.pause(0.05)
        boards = pilot.app.screen
        assert isinstance(boards, BoardsScreen) and pilot.app.current_mode == "boards"
        assert boards.department == "design" and boards.current_task().id == "t-d4"


def test_a_cell_too_long_is_cut_with_an_ellipsis_never_half_a_wide_character() -> None:
    from rich.cells import cell_len

    from opsboard.tui.widgets.task_list import fit

    assert fit("Product Development", 14) == "Product Devel…"
    assert fit("HR", 5) == "HR   "
    for width in range(1, 12):
        cut = fit("双十一主图与倒计时模块", width)
        assert cell_len(cut) == width
        assert "\ufffd" not in cut
    assert fit("双十一主图与倒计时模块", 10) == "双十一主… "  # 4 characters (8 cells) and the ellipsis, then a space
    assert fit("双十一主图与倒计时模块", 9) == "双十一主…"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_rows_fit_the_width_with_an_ellipsis_and_no_horizontal_scrollbar(board: Path, size: tuple[int, int]) -> None:
    """Department, owner and title cut with '…' (Chinese too), every row and
    the header exactly the list's width and in the same columns, and no
    horizontal scrollbar (it drew a stray '▏' under the list)."""
    from rich.cells import cell_len

    from opsboard.services.tasks import add_task

    store = BoardStore(board, user="mei")
    add_task(
        store,
        department="Product Development",
        title="双十一主图与倒计时模块：首页横幅、详情页、店铺首页和直播间贴片" * 2,
        owner="欧阳娜娜娜娜娜",
        priority=1,
    )
    async with make_app(board).run_test(size=size) as pilot:
        screen = await open_list(pilot)
        listing = screen.query_one(TaskList)
        width = listing.line_width
        assert width == size[0] - 2 - (2 if listing.show_vertical_scrollbar else 0)  # padding, scrollbar
        assert not listing.show_horizontal_scrollbar
        header = screen.query_one("#tasks-header", StatusLine).text.plain
        rows = [listing.render_line(y).text for y in range(min(len(listing.tasks), listing.size.height))]
        assert all(cell_len(row) == width for row in rows)
        assert cell_len(header) == width
        owner_at = header.index("Owner")
        assert all(
            cell_len(row[: row.index(f" {t.owner} ") + 1]) == owner_at
            for row, t in zip(rows, listing.tasks, strict=False)
            if t.owner.isascii() and t.owner
        )
        mine = rows[listing.tasks.index(next(t for t in listing.tasks if t.owner.startswith("欧阳")))]
        assert "欧阳娜娜…" in mine and mine.rstrip().endswith("…")
        department = "Product Development" if size[0] >= 100 else "Product Devel…"
        assert department + " " in mine


async def test_slash_opens_the_filter_box_with_its_hint(board: Path) -> None:
    """`/` in the T list shows the box, its hint the filter's words (the hint
    was a lazy string Textual could not draw: the app stopped)."""
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_list(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert pilot.app.is_running and pilot.app.screen is screen
        box = screen.query_one("#tasks-filter")
        assert box.has_focus
        hint = box.render_line(0).text if box.size.height == 1 else "".join(box.render_line(y).text for y in range(box.size.height))
        assert "owner:NAME|me" in hint
