"""Boards in order: a column sorted by priority or due date (S), a new card
landing by priority, and the fold window of done cards set in the app (Z);
folded cards stay searchable."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from test_boards_view import make_app, saved, shown, type_text
from textual.widgets import Input

from opsboard.services.task_board import done_fold_days
from opsboard.services.tasks import add_task, list_tasks
from opsboard.store import BoardStore
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.screens.boards import BoardsScreen


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    store = BoardStore(path, user="ana")
    # To do in Design is t-d1 (P1, due 03-01), t-d2 (P2, due 03-02), t-d3 (P3, no date): add a P4 due first
    add_task(store, department="design", title="Early P4", priority=4, due="2026-02-01")
    return path


def test_a_new_card_lands_by_priority(board: Path) -> None:
    store = BoardStore(board, user="ana")
    p2 = add_task(store, department="design", title="New P2", priority=2)
    p1 = add_task(store, department="design", title="New P1", priority=1)
    p4 = add_task(store, department="design", title="New P4", priority=4)
    order = [t.title for t in list_tasks(store, dept="design", status="todo")]
    assert order == ["Retouch hero images", "New P1", "Banner [bold]spring[/] sale", "New P2", "Detail page layout", "Early P4", "New P4"]
    assert {p1.priority, p2.priority, p4.priority} == {1, 2, 4}


async def test_sorting_the_columns_by_priority_and_due_date(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, BoardsScreen)
        early = next(t.id for t in saved(board).tasks() if t.title == "Early P4")
        assert shown(screen)["todo"] == ["t-d1", "t-d2", "t-d3", early]
        await pilot.press("S")  # by priority
        assert shown(screen)["todo"] == ["t-d1", "t-d2", "t-d3", early]
        assert "by priority" in screen.query_one("#board-title").text.plain
        await pilot.press("S")  # by due date: the early P4 first, no date last
        assert shown(screen)["todo"] == [early, "t-d1", "t-d2", "t-d3"]
        revision = saved(board).revision
        await pilot.press("J")  # moving a card in a sorted column is refused, nothing saved
        await pilot.pause()
        assert saved(board).revision == revision
        await pilot.press("S")  # the team's order again
        assert shown(screen)["todo"] == ["t-d1", "t-d2", "t-d3", early]


async def test_the_lead_sets_the_fold_window_and_folded_cards_stay_searchable(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert shown(screen)["done"] == ["t-d7", "t-d8", "t-d9"] and screen.board.columns[3].folded == 1
        await pilot.press("Z")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        days = form.query_one("#field-days", Input)
        assert days.value == "14"
        days.value = "many"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form and done_fold_days(saved(board)) == 14  # refused, said in the form
        days.value = "90"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen and done_fold_days(saved(board)) == 90
        assert screen.board.columns[3].folded == 0 and "t-d6" in shown(screen)["done"]
        await pilot.press("Z")
        await pilot.pause()
        pilot.app.screen.query_one("#field-days", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(screen)["done"] == ["t-d7", "t-d8", "t-d9"]  # the last three finished always show
        await pilot.press("slash")
        await type_text(pilot, "Old banner")
        await pilot.pause()
        assert shown(screen)["done"] == ["t-d6"]  # folded, still found
