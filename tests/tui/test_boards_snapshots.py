"""Pictures of view 2 on a fixed board and a frozen clock: a department's
board and the overview, at 120×40 and 80×24 (and one without colour).
Update the baselines with `pytest tests/tui/test_boards_snapshots.py --snapshot-update`
after checking the new pictures by eye."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp


def make_app(folder: Path) -> OpsboardApp:
    path = folder / "shop.json"
    make_board(path)
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    return app


def open_boards(*keys: str):
    async def run(pilot) -> None:
        await pilot.press("2")
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_overview_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=open_boards())


def test_overview_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_boards())


def test_design_board_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=open_boards("enter", "j"))


def test_design_board_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_boards("enter", "l", "l"))


def test_marketing_board_no_color_80x24(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(
        make_app(tmp_path), terminal_size=(80, 24), run_before=open_boards("right_square_bracket", "right_square_bracket", "l")
    )
