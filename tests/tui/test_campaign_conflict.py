"""Two apps editing one campaign: the conflict dialog shows the changed
campaign's value on each side ('Double 11: uplift +70%' beside '+90%'), not
the plan's campaigns by name on all three lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from opsboard.i18n import reset
from opsboard.services.board_files import init_board
from opsboard.services.campaigns import add_campaign, edit_campaign
from opsboard.services.target_plan import set_assumptions
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.conflict import ConflictDialog
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.screens.targets import TargetsScreen


def make_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-01T09:00:00+08:00")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = init_board(tmp_path / "b.json", user="ana", name="Tea Shop", year=2026, language=language)
    set_assumptions(store, annual_target="3,650,000", seasonality=",".join(["1"] * 12))
    add_campaign(store, name="Double 11", phases=["main:11-01:11-11"], uplift="30%", platform="tmall")
    add_campaign(store, preset="618", platform="jd")
    add_campaign(store, preset="双12", platform="tmall")
    return store.path


def sides(app: OpsboardApp) -> dict[str, str]:
    return {key: str(app.screen.query_one(f"#conflict-{key}", Static).render()) for key in ("seen", "theirs", "mine")}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", {"seen": "Double 11: uplift +30%", "theirs": "Double 11: uplift +70%", "mine": "Double 11: uplift +90%"}),
        ("zh", {"seen": "Double 11：提升 +30%", "theirs": "Double 11：提升 +70%", "mine": "Double 11：提升 +90%"}),
    ],
)
async def test_the_conflict_dialog_shows_the_campaigns_two_different_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, expected: dict
) -> None:
    board = make_board(tmp_path, monkeypatch, language)  # the app speaks the board's language
    try:
        app = OpsboardApp(BoardStore(board, user="ana"))
        app.animation_level = "none"
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.press("3")
            for _ in range(50):
                await pilot.pause()
                if isinstance(app.screen, TargetsScreen) and app.screen.view is not None:
                    break
            await pilot.press("C")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, FormScreen)
            edit_campaign(BoardStore(board, user="chen"), "Double 11", uplift="70%")  # a teammate, first
            form.query_one("#field-uplift", Input).value = "90%"
            before = board.read_bytes()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ConflictDialog)
            assert sides(app) == expected
            assert "618" not in str(sides(app)) and "12" not in str(sides(app))
            assert board.read_bytes() == before  # nothing saved over chen's uplift
    finally:
        reset()
