"""The app never ends in a traceback: views 2 and 5 on a board with a task
the models refuse go to the recovery path (the app ends with the error and
`opsboard` offers to restore a backup); the activity view and undo with an
activity entry this opsboard cannot read say so (undo: which entry, and the backup); and when the app ends on an
error, `opsboard` exits non-zero."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

import orjson
import pytest
from live_helpers import FROZEN, SIZE, make_board, record_notes

from opsboard.commands import tui as tui_command
from opsboard.services.tasks import add_task
from opsboard.store import BoardDamagedError, BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.activity import ActivityScreen


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = make_board(tmp_path / "b.json")
    store = BoardStore(path, user="lin")
    add_task(store, department="design", title="Hero images")
    add_task(store, department="design", title="Size chart")
    return path


def edit_file(board: Path, change) -> None:
    data = orjson.loads(board.read_bytes())
    change(data)
    board.write_bytes(orjson.dumps(data))


def task_status_review(data: dict) -> None:
    next(iter(data["tasks"].values()))["status"] = "review"  # hand-edited, or from a newer opsboard


@pytest.mark.parametrize("view", ["2", "5"])
async def test_a_view_on_a_task_the_models_refuse_ends_the_app_with_the_error_for_recovery(board: Path, view: str) -> None:
    edit_file(board, task_status_review)
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:  # an unhandled error would be raised here
        await pilot.pause()
        await pilot.press(view)
        await pilot.pause()
        await pilot.pause()
    assert isinstance(app.return_value, BoardDamagedError)
    assert "status" in str(app.return_value)


async def test_a_task_broken_while_view_2_is_open_ends_the_app_with_the_error(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        edit_file(board, task_status_review)
        app.check_for_changes()
        await pilot.pause()
        await pilot.pause()
    assert isinstance(app.return_value, BoardDamagedError)


def unreadable_entry(data: dict) -> None:
    entries = list(data["activity"].values())
    entries[-1]["at"] = "yesterday"  # the newest entry: not a time


async def test_the_activity_view_with_an_unreadable_entry_says_so_and_shows_the_rest(board: Path) -> None:
    edit_file(board, unreadable_entry)
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ActivityScreen)
        assert app.screen.query_one("#activity").row_count == 1  # the readable one
        [(message, severity)] = notes
        assert severity == "warning"
        assert message.startswith("1 entry of the activity log cannot be read and is not shown")


async def test_undo_with_an_unreadable_entry_says_why_nothing_was_undone(board: Path) -> None:
    edit_file(board, unreadable_entry)
    before = board.read_bytes()
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("u")
        await pilot.pause()
        [(message, severity)] = notes
        assert severity == "error"
        assert "damaged board file (table 'activity'" in message and "restore" in message
    assert board.read_bytes() == before


def test_opsboard_exits_non_zero_when_the_app_ends_on_an_error(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FailingApp(OpsboardApp):
        def on_mount(self) -> None:
            raise RuntimeError("a bug")

    monkeypatch.setattr(tui_command, "OpsboardApp", FailingApp)
    monkeypatch.setattr(FailingApp, "run", lambda self: asyncio.run(self.run_async(headless=True, size=SIZE)))
    args = argparse.Namespace(board=str(board), demo=False, user="lin")
    assert tui_command.run_tui(args) == 1
