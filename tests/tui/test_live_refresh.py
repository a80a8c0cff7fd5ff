"""A running TUI follows the board file: another process's save is on screen
within 2 s with the cursor kept and a notice of who changed what; an idle tick
costs a stat, not a re-read; a same-field conflict asks which value to keep;
a failed save says why and shows the board as it is on disk."""

from __future__ import annotations

import asyncio
import errno
import os
import sys
from pathlib import Path

import orjson
import pytest
from live_helpers import FROZEN, SIZE, checklist_rows, cursor_item, make_board, record_notes, wait_until
from textual.widgets import Static

from opsboard.services.checklists import toggle_item
from opsboard.services.tasks import add_task, update_task
from opsboard.store import BoardStore
from opsboard.store import storage as storage_module
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.conflict import ConflictDialog

ITEM_B = "B · Choose the business model, marketplace and store type"
TOGGLE = "from opsboard.services.checklists import toggle_item; from opsboard.store import BoardStore; import sys; toggle_item(BoardStore(sys.argv[1], user='chen'), sys.argv[2])"


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    return make_board(tmp_path / "b.json")


async def run_process(*argv: str) -> None:
    process = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()


def opsboard_cli() -> str:
    return str(Path(sys.executable).with_name("opsboard"))


def on_disk(board: Path) -> dict:
    return orjson.loads(board.read_bytes())


async def test_another_processs_save_is_on_screen_within_2s_with_the_cursor_kept(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("j", "j")
        assert cursor_item(app) == "research-c"
        await run_process(sys.executable, "-c", TOGGLE, str(board), "research-b")
        took = await wait_until(pilot, lambda: checklist_rows(app)["research-b"] == "[x]")
        assert took < 2.0
        assert cursor_item(app) == "research-c"
        assert (f"chen marked '{ITEM_B}' done", "information") in notes
        assert app.sub_title == "lin · saved 09:30"  # the frozen clock


async def test_a_task_added_by_the_cli_is_announced_by_who_and_what(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await run_process(
            opsboard_cli(), "task", "add", str(board), "--dept", "marketing", "--title", "Book 618 ad slots", "--user", "chen"
        )
        took = await wait_until(pilot, lambda: any("Book 618" in message for message, _ in notes))
        assert took < 2.0
        assert notes[-1] == ("chen added 'Book 618 ad slots' to Marketing", "information")


async def test_an_idle_tick_is_a_stat_not_a_re_read(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[Path] = []
    load = storage_module.BoardStorage.load

    def counting_load(self) -> None:
        loads.append(self.path)
        load(self)

    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(storage_module.BoardStorage, "load", counting_load)
        for _ in range(5):
            app.check_for_changes()
        assert loads == []
        toggle_item(BoardStore(board, user="chen"), "research-a")
        assert loads == [board]  # chen's own store read the file once
        app.check_for_changes()
        assert loads == [board, board]  # we re-read once, because it changed
        app.check_for_changes()
        assert len(loads) == 2


async def test_own_changes_are_not_announced_but_others_picked_up_by_our_save_are(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        toggle_item(BoardStore(board, user="chen"), "research-d")
        await pilot.press("space")  # our save reloads first and takes chen's change along
        await pilot.pause()
        assert notes == [(f"chen marked 'D · {app.store.item('research-d').title}' done", "information")]
        assert checklist_rows(app)["research-d"] == "[x]"


def _conflict_text(app) -> dict[str, str]:
    return {key: str(app.screen.query_one(f"#conflict-{key}", Static).render()) for key in ("seen", "theirs", "mine")}


async def test_a_same_field_conflict_shows_both_values_and_keeping_theirs_saves_nothing(board: Path) -> None:
    lin = BoardStore(board, user="lin")
    task = add_task(lin, department="marketing", title="Book 618 ad slots")
    app = OpsboardApp(lin)
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        update_task(BoardStore(board, user="chen"), task.id, owner="chen")
        before = board.read_bytes()
        # lin's form was opened on the task as it was (owner empty)
        assert app.saves.run(update_task, lin, task.id, owner="lin", seen=task) is None
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert _conflict_text(app) == {"seen": "—", "theirs": "chen", "mine": "lin"}
        await pilot.press("k")
        await pilot.pause()
        assert not isinstance(app.screen, ConflictDialog)
        assert board.read_bytes() == before
        assert notes[-1] == ("Kept the value chen saved; yours was not saved", "information")


async def test_long_values_that_differ_at_their_end_show_where_they_differ(board: Path) -> None:
    lin = BoardStore(board, user="lin")
    title = "Redraw the size chart for the description pages"
    task = add_task(lin, department="marketing", title=title)
    app = OpsboardApp(lin)
    async with app.run_test(size=SIZE) as pilot:
        update_task(BoardStore(board, user="chen"), task.id, title=title + " (chen)")
        app.saves.run(update_task, lin, task.id, title=title + " (lin)", seen=task)
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert _conflict_text(app) == {
            "seen": "…description pages",
            "theirs": "…description pages (chen)",
            "mine": "…description pages (lin)",
        }


async def test_use_mine_saves_over_theirs_knowingly(board: Path) -> None:
    lin = BoardStore(board, user="lin")
    task = add_task(lin, department="marketing", title="Book 618 ad slots")
    app = OpsboardApp(lin)
    async with app.run_test(size=SIZE) as pilot:
        update_task(BoardStore(board, user="chen"), task.id, owner="chen", due="2026-06-18")
        app.saves.run(update_task, lin, task.id, owner="lin", priority=1, seen=task)
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("m")
        await pilot.pause()
        saved = on_disk(board)["tasks"][task.id]
        assert (saved["owner"], saved["priority"], saved["due"]) == ("lin", 1, "2026-06-18")  # chen's due kept
        [entry] = [e for e in on_disk(board)["activity"].values() if e["by"] == "lin" and e["kind"] == "set"]
        assert entry["before"]["owner"] == "chen"  # the log says whose value was replaced


async def test_a_failed_save_says_why_and_shows_the_board_on_disk(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        before = board.read_bytes()

        def disk_full(path, payload, *_) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(storage_module, "atomic_write", disk_full)
        await pilot.press("space")
        await pilot.pause()
        assert board.read_bytes() == before
        assert notes[-1] == (f"{board}: could not save (No space left on device); the board on disk is unchanged", "error")
        assert checklist_rows(app)["research-a"] == "[ ]"
        assert app.sub_title == "lin · saved 09:30"  # the frozen clock


async def test_a_board_damaged_on_disk_is_reported_once_and_the_last_good_state_stays(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        board.write_bytes(board.read_bytes()[:200])
        app.check_for_changes()
        app.check_for_changes()
        assert len(notes) == 1 and notes[0][1] == "error"
        assert "damaged board file" in notes[0][0] and notes[0][0].endswith("You see the last good state.")
        assert app.sub_title == "lin · cannot read the file"
        assert checklist_rows(app)["research-a"] == "[ ]"
        await pilot.press("space")  # a save now is refused, the file is left as it is
        await pilot.pause()
        assert len(board.read_bytes()) == 200


async def test_a_card_moved_by_opsboard_task_set_shows_on_the_board_with_the_cursor_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from boards_fixture import NOW
    from boards_fixture import make_board as make_boards_board

    from opsboard.tui.screens.boards import BoardsScreen
    from opsboard.tui.widgets.kanban_board import KanbanBoard

    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    board = tmp_path / "b.json"
    make_boards_board(board)
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")  # the overview's first row: Design
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BoardsScreen)

        def cards() -> dict[str, list[str]]:
            return {c.status.value: [t.id for t in c.cards] for c in screen.query_one(KanbanBoard).columns}

        await pilot.press("j")  # To do: t-d1, t-d2, t-d3 → the cursor on t-d2
        assert cards()["todo"] == ["t-d1", "t-d2", "t-d3"]
        assert screen.current_task().id == "t-d2"
        await run_process(opsboard_cli(), "task", "set", str(board), "t-d3", "--status", "doing", "--user", "chen")
        took = await wait_until(pilot, lambda: "t-d3" in cards()["doing"])
        assert took < 2.0
        assert cards()["todo"] == ["t-d1", "t-d2"]
        assert screen.current_task().id == "t-d2"  # the cursor stayed on its card
        assert ("chen moved 'Detail page layout' to Doing", "information") in notes


async def test_a_board_file_removed_under_us_is_reported_once(board: Path) -> None:
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        notes = record_notes(app)
        await pilot.pause()
        board.rename(board.with_name("moved.json"))
        for _ in range(3):
            app.check_for_changes()
        assert notes == [(f"{board}: no such board (create one with `opsboard init {board}`). You see the last good state.", "error")]
        board.with_name("moved.json").rename(board)  # back: the view follows it again
        toggle_item(BoardStore(board, user="chen"), "research-a")
        app.check_for_changes()
        await pilot.pause()
        assert checklist_rows(app)["research-a"] == "[x]"
        assert app.sub_title == "lin · saved 09:30"  # the frozen clock


async def test_a_conflict_met_on_the_boards_keys_asks_which_value_to_keep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from boards_fixture import NOW
    from boards_fixture import make_board as make_boards_board

    from opsboard.tui import app as app_module
    from opsboard.tui.screens.boards import BoardsScreen

    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    monkeypatch.setattr(app_module, "REFRESH_SECONDS", 3600)  # chen's save is not picked up before lin's key
    board = tmp_path / "b.json"
    make_boards_board(board)
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("enter")  # Design
        await pilot.pause()
        await pilot.press("j")  # t-d2, in To do
        assert isinstance(app.screen, BoardsScreen) and app.screen.current_task().id == "t-d2"
        update_task(BoardStore(board, user="chen"), "t-d2", status="blocked", reason="no copy yet")
        before = board.read_bytes()
        await pilot.press("L")  # lin: To do → Doing, on the card as lin saw it
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert _conflict_text(app) == {"seen": "To do", "theirs": "Blocked", "mine": "Doing"}
        assert str(app.screen.query_one(".conflict-title", Static).render()) == "chen changed this first"
        await pilot.press("escape")  # keep theirs
        await pilot.pause()
        assert board.read_bytes() == before
        assert isinstance(app.screen, BoardsScreen)
        assert "t-d2" in [t.id for t in app.screen.query_one("KanbanBoard").columns[2].cards]  # shown in Blocked
