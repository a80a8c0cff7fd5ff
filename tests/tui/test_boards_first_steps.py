"""Issue 18 case 7: `a` on the boards overview asks which department (the
highlighted one first) instead of adding to the first; a filter whose matches
are all in Done puts the focus on Done, not on an empty To do."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from textual.widgets import Select

from opsboard.store import BoardStore
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.screens.boards import BoardsScreen
from opsboard.tui.widgets.kanban_board import KanbanBoard


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return path


def make_app(path: Path):
    from opsboard.tui.app import OpsboardApp

    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    return app


async def test_a_on_the_overview_asks_which_department(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j")  # the overview, on its second row: Marketing
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        assert form.fields[0].name == "department"  # the question comes first
        choice = form.query_one("#field-department", Select)
        assert choice.value == "marketing"
        choice.value = "customer_service"
        form.query_one("#field-title", expect_type=None).value = "Reply templates for 12.12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BoardsScreen)
    [task] = [t for t in BoardStore(board, user="r").tasks() if t.title == "Reply templates for 12.12"]
    assert task.department == "customer_service"


async def test_a_filter_matching_only_done_cards_focuses_done(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "slash", *"Logo", "enter")  # "Logo refresh" is done, in Design
        await pilot.pause()
        await pilot.press("enter")  # the overview's first row: Design
        await pilot.pause()
        kanban = pilot.app.screen.query_one(KanbanBoard)
        assert kanban.has_focus
        assert [c.title for c in kanban.columns][kanban.column] == "Done"
        assert kanban.current is not None and kanban.current.id == "t-d7"


async def test_the_task_form_reads_typed_dates_and_warns_before_the_plan_year(board: Path) -> None:
    from textual.widgets import Input

    app = make_app(board)
    notes: list[tuple[str, str]] = []
    app.notify = lambda message, severity="information", **kw: notes.append((message, severity))  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "enter", "a")  # Design: a new task
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-title", Input).value = "Spring banner"
        form.query_one("#field-due", Input).value = "3月9日"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-title", Input).value = "Typo year"
        form.query_one("#field-due", Input).value = "1999/3/9"
        await pilot.press("ctrl+s")
        await pilot.pause()
    dues = {t.title: t.due.isoformat() for t in BoardStore(board, user="r").tasks() if t.title in ("Spring banner", "Typo year")}
    assert dues == {"Spring banner": "2026-03-09", "Typo year": "1999-03-09"}
    assert ("Due 1999-03-09 is before the plan year 2026: saved as typed, check it", "warning") in notes
