"""The boards fixture board (tests/boards_fixture.py) opened in the app, on
its frozen clock: one `board` fixture and `make_app` for the TUI tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return path


def make_app(path: Path) -> OpsboardApp:
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    return app
