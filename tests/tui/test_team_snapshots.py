"""Pictures of the team's screens (issue 16): the list of tasks across
departments (`T`) and a card's details with its comments and history, in
English at 120×40 and 80×24, and in Chinese. Update with
`pytest tests/tui/test_team_snapshots.py --snapshot-update` after checking
the new pictures by eye."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard import i18n
from opsboard.services.comments import add_comment
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    monkeypatch.delenv("NO_COLOR", raising=False)


def commented_board(folder: Path) -> Path:
    """The boards fixture with a short thread on Design's first card (t-d1)."""
    path = folder / "shop.json"
    make_board(path)
    add_comment(BoardStore(path, user="lin"), "t-d1", "Photographer booked for Thursday")
    add_comment(BoardStore(path, user="tao"), "t-d1", "Thanks: I send the shot list [b]today[/b]")
    return path


def app_on(path: Path, user: str = "tao") -> OpsboardApp:
    i18n.reset()  # the app speaks the board's language
    app = OpsboardApp(BoardStore(path, user=user))
    app.animation_level = "none"
    return app


def keys(*pressed: str):
    async def run(pilot) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.1)  # the opening reminder is up by now: cleared, it would hide half the screen
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


def test_task_list_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on(commented_board(tmp_path)), terminal_size=(120, 40), run_before=keys("T"))


def test_task_list_mine_by_due_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on(commented_board(tmp_path)), terminal_size=(80, 24), run_before=keys("T", "m", "s"))


def test_card_details_with_comments_120x40(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on(commented_board(tmp_path)), terminal_size=(120, 40), run_before=keys("2", "enter", "enter"))


def test_card_details_with_comments_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(app_on(commented_board(tmp_path)), terminal_size=(80, 24), run_before=keys("2", "enter", "enter"))


@pytest.fixture
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """A board made on a Chinese locale (the Chinese template and interface)."""
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    i18n.override_language()


def test_task_list_chinese_120x40(snap_compare, tmp_path: Path, chinese: None) -> None:
    assert snap_compare(app_on(commented_board(tmp_path)), terminal_size=(120, 40), run_before=keys("T"))


def test_card_details_with_comments_chinese_120x40(snap_compare, tmp_path: Path, chinese: None) -> None:
    assert snap_compare(app_on(commented_board(tmp_path)), terminal_size=(120, 40), run_before=keys("2", "enter", "enter"))
