"""What a user typed survives: a form on a task a teammate deleted keeps its
values and offers to re-create it; esc on a changed form asks first (an
unchanged one just closes); a save the disk refuses keeps the form open with
the message; a delete confirmed after a teammate's edit asks again."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from live_helpers import SIZE
from textual.widgets import Input, Static

from opsboard.services.tasks import delete_task, update_task
from opsboard.store import BoardStore
from opsboard.store import storage as storage_module
from opsboard.tui import app as app_module
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.confirm import ConfirmScreen
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.modals.record_gone import RecordGoneDialog
from opsboard.tui.screens.boards import BoardsScreen


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(app_module, "REFRESH_SECONDS", 3600)  # the teammate's save is not picked up before ours
    path = tmp_path / "b.json"
    make_board(path)
    return path


def on_disk(board: Path) -> BoardStore:
    return BoardStore(board, user="reader")


async def edit_form(pilot) -> FormScreen:
    """View 2, Design, `e` on the first card (t-d1, 'Retouch hero images')."""
    await pilot.press("2")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, FormScreen)
    return form


async def test_a_form_on_a_task_a_teammate_deleted_keeps_the_typing_and_can_re_create_it(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="ana"))
    async with app.run_test(size=SIZE) as pilot:
        form = await edit_form(pilot)
        delete_task(BoardStore(board, user="chen"), "t-d1")
        form.query_one("#field-title", Input).value = "Retouch hero images, all 12"
        form.query_one("#field-owner", Input).value = "lin"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecordGoneDialog)
        assert (
            str(app.screen.query_one("#gone-reason", Static).render())
            == "chen deleted it after you opened the form.\nWhat you typed is kept."
        )
        await pilot.press("e")  # keep editing: the form, as typed
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#field-title", Input).value == "Retouch hero images, all 12"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")  # re-create it
        await pilot.pause()
        assert isinstance(app.screen, BoardsScreen)
        [task] = [t for t in on_disk(board).tasks() if t.title == "Retouch hero images, all 12"]
        assert (task.owner, task.department, task.priority) == ("lin", "design", 1)


async def test_esc_on_a_changed_form_asks_before_dropping_the_typing(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="ana"))
    async with app.run_test(size=SIZE) as pilot:
        form = await edit_form(pilot)
        await pilot.press("escape")  # nothing typed: it just closes
        await pilot.pause()
        assert isinstance(app.screen, BoardsScreen)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-notes").text = "ask for the raw files"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert app.screen is form and form.query_one("#field-notes").text == "ask for the raw files"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert isinstance(app.screen, BoardsScreen)
        assert on_disk(board).task("t-d1").notes == ""


async def test_a_save_the_disk_refuses_keeps_the_form_open_with_the_message(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = OpsboardApp(BoardStore(board, user="ana"))
    async with app.run_test(size=SIZE) as pilot:
        form = await edit_form(pilot)
        before = board.read_bytes()

        def read_only_folder(path, payload, *checks) -> None:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(storage_module, "atomic_write", read_only_folder)
        form.query_one("#field-owner", Input).value = "lin"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#field-owner", Input).value == "lin"
        message = str(form.query_one("#error-form", Static).render())
        assert message == f"Not saved: {board}: could not save (Permission denied); the board on disk is unchanged"
        assert board.read_bytes() == before
        monkeypatch.undo()  # the folder is writable again: the same form saves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardsScreen)
        assert on_disk(board).task("t-d1").owner == "lin"


async def test_a_delete_confirmed_after_a_teammates_edit_asks_again(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="ana"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        update_task(BoardStore(board, user="chen"), "t-d1", owner="chen", notes="half done, keep")
        await pilot.press("y")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, ConfirmScreen)
        assert again.question == "chen changed this task since you opened it"
        assert "Changed: owner, notes" in str(again.message)
        await pilot.press("n")
        await pilot.pause()
        assert on_disk(board).task("t-d1").notes == "half done, keep"  # chen's edit stays
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")  # the card as it is now: deleted without asking again
        await pilot.pause()
        assert "t-d1" not in [t.id for t in on_disk(board).tasks()]
