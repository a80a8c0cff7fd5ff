"""Pictures of view 5 on a fixed board (tests/tui/standup_board.py) and a
frozen clock, at 120×40 and 80×24 (one without colour, one with the timebox
run out). Update the baselines with
`pytest tests/tui/test_standup_snapshots.py --snapshot-update` after checking
the new pictures by eye."""

from __future__ import annotations

from pathlib import Path

import pytest
from standup_board import build_board

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.widgets.standup_timer import StandupTimer


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("OPSBOARD_STANDUP_MINUTES", raising=False)
    path = tmp_path / "shop.json"
    build_board(path, monkeypatch)
    return path


def make_app(board: Path) -> OpsboardApp:
    """After any NO_COLOR change: the app reads it when it is made."""
    app = OpsboardApp(BoardStore(board, user="lin"))
    app.animation_level = "none"
    return app


@pytest.fixture
def app(board: Path) -> OpsboardApp:
    return make_app(board)


def open_standup(*keys: str, then=None):
    async def run(pilot) -> None:
        await pilot.press("5")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # the target levers
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if then is not None:
            then(pilot)
        await pilot.pause()

    return run


def test_design_120x40(snap_compare, app: OpsboardApp):
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_standup())


def test_design_80x24(snap_compare, app: OpsboardApp):
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_standup())


def test_marketing_with_a_note_120x40(snap_compare, app: OpsboardApp):
    keys = ("n", "enter", *"Finance answers today".replace(" ", "_"), "enter")
    assert snap_compare(app, terminal_size=(120, 40), run_before=open_standup(*[k if k != "_" else "space" for k in keys]))


def test_marketing_over_time_80x24(snap_compare, app: OpsboardApp, monkeypatch: pytest.MonkeyPatch):
    def time_is_up(pilot) -> None:
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:32:30+08:00")
        pilot.app.screen.query_one(StandupTimer).tick()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_standup("n", then=time_is_up))


def test_marketing_over_time_no_color_80x24(snap_compare, board: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_COLOR", "1")

    def time_is_up(pilot) -> None:
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:32:30+08:00")
        pilot.app.screen.query_one(StandupTimer).tick()

    assert snap_compare(make_app(board), terminal_size=(80, 24), run_before=open_standup("n", then=time_is_up))


def test_history_80x24(snap_compare, app: OpsboardApp, monkeypatch: pytest.MonkeyPatch):
    keys = ("enter", *"Shoot on Tuesday".replace(" ", "_"), "enter", "f", "y", "ctrl+s", "escape", "H")  # y: finish after 1 of 9
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_standup(*[k if k != "_" else "space" for k in keys]))
