"""Pictures of the Chinese interface: boards made on a Chinese locale (the
Chinese template: 调研/上线/推广/复盘, 设计部…) with the same tasks as the
English snapshots, at 120×40 and 80×24 — views 1, 2 and 5, the activity
view, the `?` help and the main dialogs; view 5's history and its note,
timebox and finish dialogs, and the recovery dialog. Views 3 and 4 are translated with
their owners' rewrites (issues 15, 14).

Update with `pytest tests/tui/test_chinese_snapshots.py --snapshot-update`
after checking the new pictures by eye (CJK columns aligned, footers whole)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from boards_fixture import NOW as BOARDS_NOW
from boards_fixture import make_board
from checklists_fixture import NOW as CHECKLISTS_NOW
from checklists_fixture import make_checklist_board
from standup_board import MONDAY, build_board

from opsboard import i18n
from opsboard.services.board_files import init_board
from opsboard.services.checklists import toggle_item
from opsboard.services.recovery import newest_good_backup
from opsboard.services.standup_record import add_note, finish_standup, start_standup
from opsboard.store import BoardDamagedError, BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.recovery import RecoveryApp


@pytest.fixture(autouse=True)
def chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("OPSBOARD_STANDUP_MINUTES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    i18n.override_language()  # as `opsboard` starts: the locale's language until a board is opened


def app_on(path: Path, user: str) -> OpsboardApp:
    i18n.reset()  # the app speaks the board's language
    app = OpsboardApp(BoardStore(path, user=user))
    app.animation_level = "none"
    return app


@pytest.fixture
def checklists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OpsboardApp:
    monkeypatch.setenv("OPSBOARD_NOW", CHECKLISTS_NOW)
    return app_on(make_checklist_board(tmp_path / "shop.json"), "ana")


@pytest.fixture
def boards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OpsboardApp:
    monkeypatch.setenv("OPSBOARD_NOW", BOARDS_NOW)
    make_board(tmp_path / "shop.json")
    return app_on(tmp_path / "shop.json", "ana")


@pytest.fixture
def standup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OpsboardApp:
    build_board(tmp_path / "shop.json", monkeypatch)
    return app_on(tmp_path / "shop.json", "lin")


def keys(*pressed: str, workers: bool = False):
    async def run(pilot) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
            if workers:
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_checklists(snap_compare, checklists: OpsboardApp, size):
    assert snap_compare(checklists, terminal_size=size, run_before=keys("j", "j"))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_boards_overview(snap_compare, boards: OpsboardApp, size):
    assert snap_compare(boards, terminal_size=size, run_before=keys("2"))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_design_board(snap_compare, boards: OpsboardApp, size):
    assert snap_compare(boards, terminal_size=size, run_before=keys("2", "enter", "j"))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_standup(snap_compare, standup: OpsboardApp, size):
    assert snap_compare(standup, terminal_size=size, run_before=keys("5", workers=True))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_activity(snap_compare, boards: OpsboardApp, size):
    assert snap_compare(boards, terminal_size=size, run_before=keys("A"))


def test_help_panel_120x40(snap_compare, checklists: OpsboardApp):
    assert snap_compare(checklists, terminal_size=(120, 40), run_before=keys("question_mark"))


def test_task_form_120x40(snap_compare, boards: OpsboardApp):
    assert snap_compare(boards, terminal_size=(120, 40), run_before=keys("2", "enter", "a"))


def test_delete_dialog_80x24(snap_compare, boards: OpsboardApp):
    assert snap_compare(boards, terminal_size=(80, 24), run_before=keys("2", "enter", "d"))


def test_blocked_reason_dialog_80x24(snap_compare, boards: OpsboardApp):
    assert snap_compare(boards, terminal_size=(80, 24), run_before=keys("2", "enter", "L", "L"))


@pytest.fixture
def standup_with_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> OpsboardApp:
    """Last Friday's stand-up, finished with notes and a team decision; today's not started."""
    build_board(tmp_path / "shop.json", monkeypatch)
    store = BoardStore(tmp_path / "shop.json", user="lin")
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-12T17:00:00+08:00")  # after the board's last change (16:00)
    record = start_standup(store)
    add_note(store, record.id, "design", "周五前交首页横幅", decision=True)
    add_note(store, record.id, "marketing", "618 出价不超上限")
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-12T17:12:00+08:00")
    finish_standup(store, record.id, seconds={"design": 300, "marketing": 420}, decisions=["双12预算不变"])
    monkeypatch.setenv("OPSBOARD_NOW", MONDAY)
    return app_on(tmp_path / "shop.json", "lin")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_standup_history(snap_compare, standup_with_history: OpsboardApp, size):
    assert snap_compare(standup_with_history, terminal_size=size, run_before=keys("5", "H", workers=True))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("dialog", ["enter", "t", "f"])  # a note, the timebox, finishing (asked first: not all walked)
def test_standup_dialogs(snap_compare, standup: OpsboardApp, size, dialog):
    assert snap_compare(standup, terminal_size=size, run_before=keys("5", dialog, workers=True))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_standup_finish_form(snap_compare, standup: OpsboardApp, size):
    walk = ["n"] * 8  # every department walked: f opens the form straight away
    assert snap_compare(standup, terminal_size=size, run_before=keys("5", *walk, "f", workers=True))


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RecoveryApp:
    """A Chinese board saved twice, then cut in half: the recovery dialog offers backup 1."""
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:00+08:00")
    store = init_board(tmp_path / "shop.json", user="lin", year=2026)
    first = next(iter(store.raw("checklist")))
    toggle_item(store, first)
    toggle_item(store, first)
    good = store.path.read_bytes()
    store.path.write_bytes(good[: len(good) // 2])
    saved = datetime(2026, 6, 15, 9, 30).timestamp()  # a backup's time is its file's: the same in every run
    for backup in store.path.parent.glob("shop.json.backups/**/*.json"):
        os.utime(backup, (saved, saved))
    with pytest.raises(BoardDamagedError) as caught:
        BoardStore(store.path, user="lin")
    return RecoveryApp(caught.value, newest_good_backup(store.path))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_recovery_dialog(snap_compare, damaged: RecoveryApp, monkeypatch: pytest.MonkeyPatch, size):
    monkeypatch.chdir(damaged.error.path.parent)  # the path as the dialog shows it does not depend on the test's folder
    damaged.error.path = Path(damaged.error.path.name)
    assert snap_compare(damaged, terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_activity_of_a_stand_up_board(snap_compare, standup_with_history: OpsboardApp, size):
    """Who and what in columns of their own; tasks, the plan, metrics and a stand-up's notes as said."""
    assert snap_compare(standup_with_history, terminal_size=size, run_before=keys("A"))
