"""Issue 17: view 4's tables are formatted in its worker with the reports,
so `d`, `w`, `m` and `c` show a report without formatting it on the UI
thread (five years of days took 50–130 ms of the `d` that showed them)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from opsboard.services.board_files import DEMO_BOARD
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.review import ReviewScreen
from opsboard.tui.widgets.report_table import ReportTable


async def test_switching_period_and_channel_formats_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    board = tmp_path / "demo.json"
    shutil.copyfile(DEMO_BOARD, board)
    app = OpsboardApp(BoardStore(board, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.source is not None
        formatted: list[object] = []
        layout = ReportTable._layout

        def counted(report):
            formatted.append(report)
            return layout(report)

        monkeypatch.setattr(ReportTable, "_layout", staticmethod(counted))
        table = screen.query_one(ReportTable)
        shown = []
        for key in ("d", "w", "m", "c", "d", "c"):
            await pilot.press(key)
            shown.append((screen.period, screen.channel, len(table.rows)))
        assert formatted == []  # every one made in the worker
        assert {period for period, _channel, _rows in shown} == {"day", "week", "month"}
        assert all(rows > 0 for _period, _channel, rows in shown)
        assert table.report is screen.source.report(screen.period, screen.channel)
