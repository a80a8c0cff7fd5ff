"""The roster in view 2: owners complete from it in the card form, and the
overview shows each person's load (enter: the board narrowed to them)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from test_boards_view import make_app, saved, type_text
from textual.widgets import Input

from opsboard.services.people import add_person
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.modals.task_details import TaskDetailsScreen
from opsboard.tui.screens.boards import BoardsScreen
from opsboard.tui.widgets.board_overview import BoardOverview
from opsboard.tui.widgets.kanban_board import KanbanBoard


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    store = BoardStore(path, user="ana")
    add_person(store, "mei", display_name="Mei Lin", department="design")
    add_person(store, "tao")
    return path


async def test_owner_completes_from_the_roster(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter", "a")  # Design, then a new card
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        await type_text(pilot, "Hero video")
        await pilot.press("tab")
        await type_text(pilot, "M")
        await pilot.pause()
        owner = form.query_one("#field-owner", Input)
        assert owner.has_focus and owner._suggestion == "mei"  # shown greyed after the cursor
        await pilot.press("right")  # takes the completion
        assert owner.value == "mei"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [t.owner for t in saved(board).tasks() if t.title == "Hero video"] == ["mei"]


async def test_overview_shows_each_person_load_and_enter_filters_to_them(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, BoardsScreen)
        table = screen.query_one(BoardOverview)
        # mei: t-d1 (to do, overdue), t-d5 (blocked), and whatever else the fixture gives her
        store = saved(board)
        mine = [t for t in store.tasks() if t.owner == "mei"]
        row = [str(c) for c in table.get_row("person:mei")]
        assert row[0] == "· Mei Lin"
        assert row[3] == f"{sum(t.status.value == 'blocked' for t in mine)} !"
        assert row[5].startswith(str(sum(t.is_overdue(date(2026, 3, 2)) for t in mine)))
        table.move_cursor(row=table.get_row_index("person:mei"))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.filter_text == "owner:mei" and screen.department is None
        assert [str(c) for c in table.get_row("design")][1:5] == [
            "1",
            "0",
            "1 !",
            str(sum(t.department == "design" and t.status.value == "done" for t in mine)),
        ]
        await pilot.press("o")  # a person's row is not a department: the first department opens
        await pilot.pause()
        cards = [t.owner for column in screen.query_one(KanbanBoard).columns for t in column.cards]
        assert cards and set(cards) == {"mei"}


async def test_opening_shows_one_reminder_of_the_user_tasks(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="Mei Lin"))
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notes = [n for n in app._notifications if n.title == "Your tasks"]
        assert [n.message for n in notes] == ["1 of your tasks is overdue"]
    async with make_app(board).run_test(size=(120, 40)) as pilot:  # ana owns nothing: no reminder
        await pilot.pause()
        assert not [n for n in pilot.app._notifications if n.title == "Your tasks"]


async def test_a_comment_from_the_card_details_shows_its_author(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")  # Design
        await pilot.pause()
        await pilot.press("enter")  # the first card's details
        await pilot.pause()
        assert isinstance(pilot.app.screen, TaskDetailsScreen)
        await pilot.press("c")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        await type_text(pilot, "[b]Samples[/b] on Friday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        details = pilot.app.screen
        assert isinstance(details, TaskDetailsScreen)  # opened again, the comment in its thread
        shown = details.details.plain
        assert "Comments (1)\nana · 2026-03-02 09:30\n[b]Samples[/b] on Friday\n" in shown
        assert "commented on 'Retouch hero images'" in shown
    [comment] = saved(board).task("t-d1").comments
    assert (comment.by, comment.text) == ("ana", "[b]Samples[/b] on Friday")
