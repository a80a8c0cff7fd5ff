"""View 2 with Pilot: every change made with the keyboard is checked in the
saved file (reopened with a new BoardStore)."""

from __future__ import annotations

from pathlib import Path

from boards_app import board, make_app  # noqa: F401
from textual.widgets import Input, Static

from opsboard.model import TaskStatus
from opsboard.services.tasks import list_tasks
from opsboard.store import BoardStore
from opsboard.tui.modals.confirm import ConfirmScreen
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.modals.task_details import TaskDetailsScreen
from opsboard.tui.screens.boards import BoardsScreen
from opsboard.tui.widgets.board_overview import BoardOverview
from opsboard.tui.widgets.kanban_board import KanbanBoard
from opsboard.tui.widgets.status_line import StatusLine


def saved(board: Path) -> BoardStore:
    return BoardStore(board, user="reader")


def column_ids(board: Path, department: str, status: str) -> list[str]:
    return [t.id for t in list_tasks(saved(board), dept=department, status=status)]


def shown(screen: BoardsScreen) -> dict[str, list[str]]:
    return {c.status.value: [t.id for t in c.cards] for c in screen.query_one(KanbanBoard).columns}


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def open_design(pilot) -> BoardsScreen:
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("enter")  # the overview's first row: Design
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BoardsScreen) and screen.department == "design"
    return screen


async def test_opens_on_the_overview_then_a_department(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, BoardsScreen) and screen.department is None
        table = screen.query_one(BoardOverview)
        assert [str(c) for c in table.get_row("design")] == ["Design", "3", "1", "1 !", "4", "1 !", "1"]
        await pilot.press("enter")
        await pilot.pause()
        assert shown(screen) == {"todo": ["t-d1", "t-d2", "t-d3"], "doing": ["t-d4"], "blocked": ["t-d5"], "done": ["t-d7", "t-d8", "t-d9"]}
        assert [c.folded for c in screen.board.columns] == [0, 0, 0, 1]
        await pilot.press("z")
        assert shown(screen)["done"] == ["t-d6", "t-d7", "t-d8", "t-d9"]
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.department == "marketing" and shown(screen)["doing"] == ["t-m1"]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.department is None
        await pilot.press("o")
        assert screen.department == "design"
        await pilot.press("o")
        assert screen.department is None


async def test_navigation_between_columns_and_cards(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        assert screen.current_task().id == "t-d1"
        await pilot.press("j", "j")
        assert screen.current_task().id == "t-d3"
        await pilot.press("g")
        assert screen.current_task().id == "t-d1"
        await pilot.press("G")
        assert screen.current_task().id == "t-d3"
        await pilot.press("l", "l")
        assert screen.current_task().id == "t-d5"
        await pilot.press("right")
        assert screen.current_task().id == "t-d7"
        await pilot.press("h", "left", "left")
        assert screen.current_task().id == "t-d3"  # the To do column kept its cursor
        await pilot.press("k")
        assert screen.current_task().id == "t-d2"
        line = screen.query_one("#card-line", StatusLine).text.plain
        assert line.startswith("Banner [bold]spring[/] sale — tao · due 2026-03-02 (today)")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, TaskDetailsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_add_through_the_form_with_inline_validation(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        await type_text(pilot, "New hero banner")
        await pilot.press("tab")
        await type_text(pilot, "lin")
        await pilot.press("tab")
        await type_text(pilot, "2026-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form  # the form stays open with the message
        assert "is not a date" in str(form.query_one("#error-due", Static).render())
        assert len(saved(board).tasks()) == 13
        form.query_one("#field-due", Input).value = "2026-03-09"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
        new = [t for t in saved(board).tasks() if t.title == "New hero banner"]
        assert len(new) == 1
        task = new[0]
        assert (task.department, task.status, task.owner, task.due.isoformat(), task.priority) == (
            "design",
            TaskStatus.TODO,
            "lin",
            "2026-03-09",
            3,
        )
        assert column_ids(board, "design", "todo") == ["t-d1", "t-d2", "t-d3", task.id]
        assert screen.current_task().id == task.id  # the cursor is on the new card


async def test_move_with_H_and_L_asks_a_reason_for_blocked(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("L")
        await pilot.pause()
        assert saved(board).task("t-d1").status is TaskStatus.DOING
        assert screen.current_task().id == "t-d1" and screen.board.current_column.status is TaskStatus.DOING
        await pilot.press("L")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("enter")  # no reason given
        await pilot.pause()
        assert pilot.app.screen is form
        assert "needs a reason" in str(form.query_one("#error-reason", Static).render())
        assert saved(board).task("t-d1").status is TaskStatus.DOING
        await type_text(pilot, "waiting for samples")
        await pilot.press("enter")
        await pilot.pause()
        task = saved(board).task("t-d1")
        assert (task.status, task.blocked_reason) == (TaskStatus.BLOCKED, "waiting for samples")
        assert shown(screen)["blocked"] == ["t-d1", "t-d5"]
        await pilot.press("H")
        await pilot.pause()
        task = saved(board).task("t-d1")
        assert (task.status, task.blocked_reason, task.blocked_since) == (TaskStatus.DOING, "", None)
        await pilot.press("escape")  # a cancelled reason form moves nothing
        await pilot.press("L")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert saved(board).task("t-d1").status is TaskStatus.DOING


async def test_reorder_with_J_and_K(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("J")
        await pilot.pause()
        assert column_ids(board, "design", "todo") == ["t-d2", "t-d1", "t-d3"]
        assert shown(screen)["todo"] == ["t-d2", "t-d1", "t-d3"] and screen.current_task().id == "t-d1"
        await pilot.press("J")
        await pilot.pause()
        assert column_ids(board, "design", "todo") == ["t-d2", "t-d3", "t-d1"]
        await pilot.press("K", "K")
        await pilot.pause()
        assert column_ids(board, "design", "todo") == ["t-d1", "t-d2", "t-d3"]


async def test_delete_after_confirmation(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("j", "d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert "t-d2" in column_ids(board, "design", "todo")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert column_ids(board, "design", "todo") == ["t-d1", "t-d3"]
        assert shown(screen)["todo"] == ["t-d1", "t-d3"] and screen.current_task().id == "t-d3"


async def test_edit_moves_a_card_to_another_department(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert form.query_one("#field-title", Input).value == "Retouch hero images"
        form.query_one("#field-owner", Input).value = "lin"
        form.query_one("#field-department").value = "marketing"
        await pilot.press("ctrl+s")
        await pilot.pause()
        task = saved(board).task("t-d1")
        assert (task.owner, task.department, task.title) == ("lin", "marketing", "Retouch hero images")
        assert "t-d1" not in shown(screen)["todo"]


async def test_filter_stays_while_switching_departments_and_esc_clears(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("slash")
        await type_text(pilot, "owner:mei")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(screen) == {"todo": ["t-d1"], "doing": [], "blocked": ["t-d5"], "done": []}
        assert "filter: owner:mei" in screen.query_one("#board-title", StatusLine).text.plain
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.department == "marketing" and shown(screen) == {"todo": [], "doing": [], "blocked": [], "done": []}
        await pilot.press("left_square_bracket", "slash")
        await pilot.press(*["backspace"] * 9)
        await type_text(pilot, "due:overdue")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(screen)["todo"] == ["t-d1"] and shown(screen)["doing"] == []
        await pilot.press("escape")
        await pilot.pause()
        assert screen.filter_text == "" and shown(screen)["todo"] == ["t-d1", "t-d2", "t-d3"]
        await pilot.press("slash")
        await type_text(pilot, "p:9")
        await pilot.pause()
        assert "p:1 to p:4" in str(screen.query_one("#filter", Input).border_subtitle)


async def test_narrow_terminal_hides_the_department_list(board: Path) -> None:
    async with make_app(board).run_test(size=(80, 24)) as pilot:
        screen = await open_design(pilot)
        assert not screen.query_one("#departments").display
        assert screen.query_one("#board-title", StatusLine).text.plain.startswith("◀ Design ▶")
        assert screen.board.size.width == 80 and screen.board._layout()[0] == (0, 20)


async def test_t_on_a_checklist_item_adds_a_linked_task_and_shows_progress(board: Path) -> None:
    from textual.widgets import DataTable

    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        items = pilot.app.screen.query_one("#items", DataTable)
        assert str(items.get_row("research-a")[2]) == "Size the market and its outlook"
        await pilot.press("t")  # the cursor is on research A (Data Analysis)
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-title", Input).value == "Size the market and its outlook"
        await pilot.press("end")
        await type_text(pilot, " for linen")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (task,) = [t for t in saved(board).tasks() if t.checklist_item == "research-a"]
        assert (task.title, task.department, task.status) == ("Size the market and its outlook for linen", "data_analysis", TaskStatus.TODO)
        assert str(items.get_row("research-a")[2]) == "0/1 Size the market and its outlook"
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("G", "k", "k", "k", "enter")  # the overview, from Total up: Store Admin, Operations, Data Analysis
        await pilot.pause()
        screen = pilot.app.screen
        assert screen.department == "data_analysis" and shown(screen)["todo"] == [task.id]


async def test_another_processs_move_shows_with_the_cursor_kept(board: Path) -> None:
    from opsboard.services.tasks import move_task

    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("j")
        assert screen.current_task().id == "t-d2"
        move_task(BoardStore(board, user="chen"), "t-d3", 1)
        pilot.app.check_for_changes()
        await pilot.pause()
        assert shown(screen)["todo"] == ["t-d1", "t-d2"] and shown(screen)["doing"] == ["t-d3", "t-d4"]
        assert screen.current_task().id == "t-d2" and screen.board.has_focus
        assert screen._summary(screen.department).counts[TaskStatus.DOING] == 2
