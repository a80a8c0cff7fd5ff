"""Pictures of the Chinese interface: boards made on a Chinese locale (the
Chinese template: 调研/上线/推广/复盘, 设计部…) with the same tasks as the
English snapshots, at 120×40 and 80×24 — views 1, 2 and 5, the activity
view, the `?` help and the main dialogs. Views 3 and 4 are translated with
their owners' rewrites (issues 15, 14).

Update with `pytest tests/tui/test_chinese_snapshots.py --snapshot-update`
after checking the new pictures by eye (CJK columns aligned, footers whole)."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW as BOARDS_NOW
from boards_fixture import make_board
from checklists_fixture import NOW as CHECKLISTS_NOW
from checklists_fixture import make_checklist_board
from standup_board import build_board

from opsboard import i18n
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp


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
