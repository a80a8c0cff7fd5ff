"""Opening a damaged board offers recovery (restore, read-only, quit), never a
traceback; a board from a newer opsboard opens read-only and refuses edits."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from live_helpers import FROZEN, SIZE, checklist_rows, make_board, record_notes
from textual.widgets import Button, Static

from opsboard.cli import main
from opsboard.commands import tui as tui_command
from opsboard.model import SCHEMA_VERSION
from opsboard.services.checklists import toggle_item
from opsboard.services.recovery import newest_good_backup
from opsboard.store import BoardDamagedError, BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.recovery import RecoveryApp, RecoveryDialog


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saved twice (backups 1 and 2), then cut in half."""
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = make_board(tmp_path / "b.json")
    store = BoardStore(path, user="ana")
    toggle_item(store, "research-a")
    toggle_item(store, "research-b")
    good = path.read_bytes()
    path.write_bytes(good[: len(good) // 2])
    return path


def damage(board: Path) -> BoardDamagedError:
    with pytest.raises(BoardDamagedError) as caught:
        BoardStore(board, user="lin")
    return caught.value


async def test_the_dialog_explains_and_r_chooses_restore(board: Path) -> None:
    error = damage(board)
    app = RecoveryApp(error, newest_good_backup(board))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        text = str(app.screen.query_one("#recovery-text", Static).render())
        assert text.startswith(f"{board} cannot be opened: not valid JSON at line 1")
        assert "The newest good backup is number 1" in text and "(0 tasks)" in text
        await pilot.press("r")
        await pilot.pause()
    assert app.return_value == "restore"


async def test_without_a_good_backup_only_quit_is_offered(tmp_path: Path) -> None:
    path = tmp_path / "lost.json"
    path.write_bytes(b"\0" * 64)
    error = damage(path)
    app = RecoveryApp(error, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        buttons = [str(button.label) for button in app.screen.query(Button)]
        assert buttons == ["Quit (q)"]  # issue 18 case 18: no buttons that do nothing
        offered = {b.action for _, b, enabled, _ in app.screen.active_bindings.values() if enabled}
        assert "choose('restore')" not in offered and "choose('read-only')" not in offered
        assert "No good backup was found" in str(app.screen.query_one("#recovery-text", Static).render())
        await pilot.press("r", "o")  # refused: nothing to restore
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == "quit"


def test_restore_brings_back_the_last_good_version_and_opens_it(board: Path) -> None:
    damaged = board.read_bytes()
    store, notice = tui_command.recover(damage(board), "lin", ask=lambda error, backup: "restore")
    assert store is not None and not store.read_only
    assert store.item("research-a").status.value == "done"  # backup 1: the file before the last save
    assert store.item("research-b").status.value == "open"
    kept = list(board.parent.glob("b.json.before-restore-*"))
    assert [p.read_bytes() for p in kept] == [damaged]
    assert (
        notice
        == f"Restored {board} from backup 1 (saved {newest_good_backup(board).saved_at:%Y-%m-%d %H:%M:%S}, 0 tasks); the file it replaced is kept as {kept[0]}"
    )


def test_read_only_opens_a_copy_and_leaves_the_damaged_file(board: Path) -> None:
    damaged = board.read_bytes()
    store, notice = tui_command.recover(damage(board), "lin", ask=lambda error, backup: "read-only")
    assert store is not None and store.read_only and store.path != board
    assert notice is None  # the app's own read-only notice says why
    assert store.read_only_reason.startswith(f"a copy of backup 1 of {board}")
    assert board.read_bytes() == damaged


def test_quit_from_the_dialog_exits_1_with_one_line_and_no_traceback(board: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(RecoveryApp, "run", lambda self: "quit")
    opened: list[BoardStore] = []
    monkeypatch.setattr(OpsboardApp, "run", lambda self: opened.append(self.store))
    assert main([str(board), "--user", "lin"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"opsboard: {board}: damaged board file (not valid JSON")
    assert opened == []


def test_opsboard_board_on_a_damaged_file_goes_through_the_dialog_to_the_restored_board(board: Path, monkeypatch) -> None:
    asked: list[str] = []

    def ask(self) -> str:
        asked.append(self.error.where)
        return "restore"

    monkeypatch.setattr(RecoveryApp, "run", ask)
    opened: list[OpsboardApp] = []
    monkeypatch.setattr(OpsboardApp, "run", lambda self: opened.append(self))
    assert main([str(board), "--user", "lin"]) == 0
    assert asked and asked[0].startswith("not valid JSON")
    [app] = opened
    assert app.store.item("research-a").status.value == "done"
    assert app.startup_notice.startswith(f"Restored {board} from backup 1")


def hand_broken_board(tmp_path: Path) -> Path:
    """Valid JSON with one checklist item its model refuses; backup 1 is good."""
    path = make_board(tmp_path / "b.json")
    toggle_item(BoardStore(path, user="ana"), "research-a")
    data = orjson.loads(path.read_bytes())
    data["checklist"]["research-b"]["status"] = "half-done"  # valid JSON, not a valid item
    path.write_bytes(orjson.dumps(data))
    return path


def run_headless(monkeypatch: pytest.MonkeyPatch, opened: list[OpsboardApp]) -> None:
    """`OpsboardApp.run` without a terminal; an app still running once idle
    (its board passed the check) is quit, as a user would."""
    real_run = OpsboardApp.run

    async def quit_when_idle(pilot) -> None:
        await pilot.pause()
        if pilot.app.is_running and pilot.app.return_value is None:
            pilot.app.exit()

    def run(self: OpsboardApp):
        opened.append(self)
        return real_run(self, headless=True, size=SIZE, auto_pilot=quit_when_idle)

    monkeypatch.setattr(OpsboardApp, "run", run)


HALF_DONE = "table 'checklist', document 'research-b': status: 'half-done' is not one of 'open', 'done' or 'skipped'"


def test_a_hand_broken_document_also_goes_to_recovery_and_the_file_is_left_as_it_was(tmp_path: Path, monkeypatch) -> None:
    # The app draws its first screen before checking the documents against
    # the models; the check ends it with the error, before any change.
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = hand_broken_board(tmp_path)
    before = path.read_bytes()
    seen: list[str] = []
    monkeypatch.setattr(RecoveryApp, "run", lambda self: seen.append(self.error.where) or "quit")
    opened: list[OpsboardApp] = []
    run_headless(monkeypatch, opened)
    assert main([str(path)]) == 1
    assert seen == [HALF_DONE]
    assert len(opened) == 1 and isinstance(opened[0].return_value, BoardDamagedError)
    assert path.read_bytes() == before


def test_a_hand_broken_document_restored_from_the_dialog_opens_the_restored_board(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = hand_broken_board(tmp_path)
    monkeypatch.setattr(RecoveryApp, "run", lambda self: "restore")
    opened: list[OpsboardApp] = []
    run_headless(monkeypatch, opened)
    assert main([str(path), "--user", "lin"]) == 0
    first, second = opened
    assert isinstance(first.return_value, BoardDamagedError) and second.return_value is None
    assert second.startup_notice.startswith(f"Restored {path} from backup 1")
    assert second.store.item("research-b").status.value == "open"  # backup 1: before the damage


async def test_a_board_from_a_newer_opsboard_opens_read_only_and_refuses_edits(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = make_board(tmp_path / "b.json")
    data = orjson.loads(path.read_bytes())
    data["meta"]["meta"]["schema_version"] = SCHEMA_VERSION + 1
    path.write_bytes(orjson.dumps(data))
    before = path.read_bytes()
    app = OpsboardApp(BoardStore(path, user="lin"))
    notes = record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.sub_title == "lin · read-only"
        assert notes[0] == (
            f"Read-only: it was written by a newer opsboard (schema {SCHEMA_VERSION + 1}, this one knows {SCHEMA_VERSION}); "
            "upgrade opsboard to edit it",
            "warning",
        )
        await pilot.press("space")
        await pilot.pause()
        assert notes[-1][1] == "error" and "opened read-only" in notes[-1][0] and "nothing was saved" in notes[-1][0]
        assert checklist_rows(app)["research-a"] == "[ ]"
    assert path.read_bytes() == before


def test_every_recovery_key_has_an_id() -> None:
    keys = {binding.id for binding in RecoveryDialog.BINDINGS}
    assert keys == {"recovery.restore", "recovery.read_only", "recovery.yesterday", "recovery.quit"}


def test_hand_broken_board_settings_also_go_to_recovery(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = make_board(tmp_path / "b.json")
    toggle_item(BoardStore(path, user="ana"), "research-a")
    data = orjson.loads(path.read_bytes())
    data["meta"]["meta"]["name"] = 123  # the header's name: not text
    path.write_bytes(orjson.dumps(data))
    before = path.read_bytes()
    monkeypatch.setattr(RecoveryApp, "run", lambda self: "quit")
    opened: list[OpsboardApp] = []
    run_headless(monkeypatch, opened)
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"opsboard: {path}: damaged board file (board settings: name: '123' is not text)")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert path.read_bytes() == before
