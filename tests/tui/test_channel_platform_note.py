"""View 3's channels tab says which channel gets no share of a platform's
campaign (its name says no platform) and how to set one; gone once set."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_targets_view import shown
from textual.widgets import Static, TabbedContent

from opsboard.services.board_files import init_board
from opsboard.services.campaigns import add_campaign
from opsboard.services.target_plan import set_assumptions
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.targets import TargetsScreen


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-01T09:00:00+08:00")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = init_board(tmp_path / "b.json", user="ana", name="Tea Shop", year=2026)
    set_assumptions(store, annual_target="3,650,000", channels="旗舰店=70%, JD=30%")
    add_campaign(store, preset="双11", platform="tmall")
    return store.path


async def channels_tab(board: Path) -> str:
    app = OpsboardApp(BoardStore(board, user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        for _ in range(50):
            await pilot.pause()
            screen = app.screen
            if isinstance(screen, TargetsScreen) and screen.view is not None:
                break
        await pilot.press("l", "l")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "breakdown"
        return " ".join(shown(screen.query_one("#breakdown-panel", Static)).split())


async def test_the_channels_tab_names_a_channel_without_a_platform_and_the_fix(board: Path) -> None:
    text = await channels_tab(board)
    assert "旗舰店 gets no share of the campaigns on a platform: its name says no platform." in text
    assert "旗舰店=70% platform=tmall" in text


async def test_no_note_once_the_channel_has_its_platform(board: Path) -> None:
    set_assumptions(BoardStore(board, user="ana"), channels="旗舰店=70% platform=tmall, JD=30%")
    assert "no share of the campaigns" not in await channels_tab(board)
