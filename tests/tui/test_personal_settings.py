"""Remembered per person: the theme, the last view and the last department,
in a settings file of their own (not the board)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.services.settings import PersonalSettings, load_settings, save_settings, settings_path
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.boards import BoardsScreen


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "b.json"
    make_board(path)
    return path


def app_for(board: Path) -> OpsboardApp:
    app = OpsboardApp(BoardStore(board, user="mei"), personal=load_settings())
    app.animation_level = "none"
    return app


async def test_theme_view_and_department_come_back_at_the_next_start(board: Path, tmp_path: Path) -> None:
    assert settings_path() == tmp_path / "config" / "opsboard" / "settings.json"
    async with app_for(board).run_test(size=(120, 40)) as pilot:
        assert pilot.app.current_mode == "checklists"  # nothing remembered yet
        pilot.app.theme = "textual-light"
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket")  # Design, then Marketing
        await pilot.pause()
    saved = json.loads(settings_path().read_text())
    assert saved == {"theme": "textual-light", "view": "boards", "department": "marketing", "export_folder": None}
    assert "textual-light" not in board.read_text()  # the board keeps none of it
    async with app_for(board).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert pilot.app.theme == "textual-light" and isinstance(screen, BoardsScreen)  # the first screen is view 2
        assert screen.department == "marketing"


def test_a_broken_or_hostile_file_is_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert load_settings(path) == PersonalSettings()
    path.write_text(json.dumps({"theme": ["x"], "view": "boards", "department": "d" * 500, "other": 1}))
    assert load_settings(path) == PersonalSettings(view="boards")
    path.write_text(json.dumps({"export_folder": "/tmp/a\x1b[31mred", "view": "boards"}))
    assert load_settings(path) == PersonalSettings(view="boards")  # no control characters


def test_a_failed_save_is_a_line_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    problem = save_settings(PersonalSettings(theme="nord"), blocker / "settings.json")
    assert problem is not None and "not saved" in problem
