"""Issue 18 case 13: however long the board's name, the header keeps who you
are and whether your work is saved in view, worded for a lead ("saved 09:30",
not "rev 65")."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets._header import HeaderTitle

from opsboard.services.board_files import init_board
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.widgets.quiet_header import saved_label

LONG = "Linen & Loom Tmall flagship store — autumn/winter 2026 full-year operations plan 双十一"


def header_text(app: OpsboardApp) -> str:
    return str(app.screen.query_one(HeaderTitle).render())


async def test_a_long_name_gives_way_to_user_and_save_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-02T09:30:00+08:00")
    path = tmp_path / "b.json"
    init_board(path, user="lin", name=LONG, year=2026)
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-02T10:42:00+08:00")
    app = OpsboardApp(BoardStore(path, user="chen"))
    app.animation_level = "none"
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        shown = header_text(app)
        assert shown.endswith(" — chen · saved 09:30") and shown.startswith("Linen & Loom") and "…" in shown
        assert "rev" not in shown
        await pilot.press("space")  # a save: the time follows
        await pilot.pause()
        assert header_text(app).endswith("chen · saved 10:42")
        await pilot.resize_terminal(200, 30)
        await pilot.pause()
        assert header_text(app) == f"{LONG} — chen · saved 10:42"


def test_saved_label_reads_as_a_time_or_a_day() -> None:
    now = datetime.fromisoformat("2026-03-02T10:00:00+08:00")
    assert saved_label(datetime.fromisoformat("2026-03-02T01:42:00+00:00"), now) == "saved 09:42"
    assert saved_label(datetime.fromisoformat("2026-02-27T18:00:00+08:00"), now) == "saved 27 Feb"
    assert saved_label(datetime.fromisoformat("2025-12-31T18:00:00+08:00"), now) == "saved 31 Dec 2025"
    assert saved_label(None, now) == "saved"


async def test_the_user_and_save_state_stay_in_chinese_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-02T09:30:00+08:00")
    path = tmp_path / "b.json"
    init_board(path, user="lin", name=LONG, year=2026, language="zh")
    app = OpsboardApp(BoardStore(path, user="chen"))
    app.animation_level = "none"
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        shown = header_text(app)
        assert shown.endswith(" — chen · 已保存 09:30") and shown.startswith("Linen & Loom") and "…" in shown
