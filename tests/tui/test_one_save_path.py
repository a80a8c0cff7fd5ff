"""Every view saves through one path (opsboard/tui/saving.py): two apps, or an
app and a teammate's process, on one board. A same-field conflict on a
checklist item, the plan or a stand-up record asks with the conflict dialog;
a held lock shows a waiting state and keys keep working."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson
import pytest
from live_helpers import FROZEN, SIZE, checklist_rows, cursor_item, make_board, record_notes, wait_until
from textual.widgets import Input, Static, TextArea

from opsboard.services.checklists import edit_item
from opsboard.services.standup_record import finish_standup, start_standup
from opsboard.services.targets import set_target
from opsboard.store import BoardStore
from opsboard.store.lock import BoardLock
from opsboard.tui import app as app_module
from opsboard.tui import saving
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.conflict import ConflictDialog
from opsboard.tui.modals.form import FormScreen


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(app_module, "REFRESH_SECONDS", 3600)  # the teammate's save is not picked up before ours
    return make_board(tmp_path / "b.json")


def on_disk(board: Path) -> dict:
    return orjson.loads(board.read_bytes())


def conflict_text(app) -> dict[str, str]:
    return {key: str(app.screen.query_one(f"#conflict-{key}", Static).render()) for key in ("seen", "theirs", "mine")}


async def test_a_checklist_items_owner_set_by_both_asks_which_stays(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")  # item A, owner empty as shown
        form = app.screen
        assert isinstance(form, FormScreen)
        edit_item(BoardStore(board, user="chen"), "research-a", owner="chen")  # chen saves first
        form.query_one("#field-owner", Input).value = "lin"
        form.query_one("#field-notes", TextArea).text = "call the supplier"
        before = board.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert conflict_text(app) == {"seen": "—", "theirs": "chen", "mine": "lin"}
        assert board.read_bytes() == before  # nothing saved over chen's owner
        await pilot.press("k")  # keep theirs: the notes typed are still saved
        await pilot.pause()
        item = on_disk(board)["checklist"]["research-a"]
        assert (item["owner"], item["notes"]) == ("chen", "call the supplier")
        assert not isinstance(app.screen, (ConflictDialog, FormScreen))


async def test_use_mine_on_a_checklist_items_due_date_saves_it_knowingly(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        form = app.screen
        edit_item(BoardStore(board, user="chen"), "research-a", due="2026-06-05")
        form.query_one("#field-due", Input).value = "2026-06-09"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert conflict_text(app) == {"seen": "—", "theirs": "2026-06-05", "mine": "2026-06-09"}
        await pilot.press("m")
        await pilot.pause()
        assert on_disk(board)["checklist"]["research-a"]["due"] == "2026-06-09"


async def test_a_plan_field_saved_by_both_asks_instead_of_a_red_toast(board: Path) -> None:
    set_target(BoardStore(board, user="lin"), annual="1,200,000", budget="100,000")
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FormScreen)
        set_target(BoardStore(board, user="chen"), budget="150,000")
        form.query_one("#field-promotion_budget", Input).value = "200,000"
        before = board.read_bytes()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert conflict_text(app) == {"seen": "100,000", "theirs": "150,000", "mine": "200,000"}  # amounts as the views show them
        assert not [n for n in notes if n[1] == "error"]
        assert board.read_bytes() == before
        await pilot.press("escape")  # keep theirs
        await pilot.pause()
        assert on_disk(board)["targets"]["plan"]["promotion_budget"] == 150_000


async def test_a_standup_finished_by_a_teammate_first_asks_and_keeps_the_decisions(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = start_standup(BoardStore(board, user="chen"))
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("f", "y")  # finishing after 1 of 9 departments asks first (issue 18 case 16)
        form = app.screen
        assert isinstance(form, FormScreen)
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-01T09:25:00+08:00")
        finish_standup(BoardStore(board, user="chen"), record.id, decisions=["ship on Friday"])
        monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
        form.query_one("#field-decisions", TextArea).text = "hire a second designer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert conflict_text(app)["seen"] == "—"
        assert conflict_text(app)["theirs"].startswith("2026-06-01")
        await pilot.press("k")  # keep chen's finish; lin's decision is added to it
        await pilot.pause()
        saved = on_disk(board)["standups"][record.id]
        assert saved["decisions"] == ["ship on Friday", "hire a second designer"]


async def test_a_held_lock_shows_who_holds_it_keys_keep_working_and_queued_saves_apply_in_order(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        before = board.read_bytes()
        with BoardLock(board):  # a stopped process holding the lock
            start = time.monotonic()
            await pilot.press("space")  # research-a: queued
            await pilot.press("j")  # reading still works
            await pilot.press("space")  # research-b: queued behind it
            took = time.monotonic() - start
            assert took < 2.0  # not 10 s per key
            assert cursor_item(app) == "research-b"
            assert app.sub_title.startswith("lin · 2 changes waiting for the board lock held by ")
            assert f"(pid {os.getpid()} on " in app.sub_title  # who holds it, as its lock file says
            assert board.read_bytes() == before
        await wait_until(pilot, lambda: checklist_rows(app)["research-b"] == "[x]")
        assert checklist_rows(app)["research-a"] == "[x]"
        assert app.sub_title == "lin · saved 09:30"  # the frozen clock
        log = sorted(on_disk(board)["activity"].values(), key=lambda e: e["revision"])
        assert [e["doc_id"] for e in log] == ["research-a", "research-b"]  # in the order pressed


async def test_queued_saves_are_dropped_with_one_notice_when_the_lock_stays_held(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(saving, "LOCK_GIVE_UP", 0.6)
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        before = board.read_bytes()
        with BoardLock(board):
            await pilot.press("space", "j", "space")
            await wait_until(pilot, lambda: any(severity == "error" for _, severity in notes))
            await pilot.pause(0.6)
        errors = [message for message, severity in notes if severity == "error"]
        assert len(errors) == 1
        assert errors[0].startswith("2 changes were not saved: the board stayed locked by ") and errors[0].endswith(" for 0.6 s")
        assert board.read_bytes() == before
        assert checklist_rows(app)["research-a"] == "[ ]"
        assert app.sub_title == "lin · saved 09:30"  # the frozen clock
