"""View 4 marks a growth set per day of data (this month's 26 days against
last month's 30) with ‡ and says what the mark means in its summary line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from test_review_view import frozen, make_app, open_review
from textual.widgets import Static

from opsboard.model import DailyMetric
from opsboard.tui.widgets.report_table import ReportTable

__all__ = ["frozen"]


def days(first: date, count: int, uv: int) -> list[DailyMetric]:
    return [DailyMetric(date=first + timedelta(n), channel="Tmall", pv=300, uv=uv, orders=10, revenue=1000) for n in range(count)]


async def test_view_4_marks_the_per_day_growth_and_explains_the_mark(tmp_path: Path, frozen) -> None:
    metrics = days(date(2025, 10, 1), 31, 100) + days(date(2025, 11, 1), 30, 100) + days(date(2025, 12, 1), 26, 110)
    app = make_app(tmp_path, metrics)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("m")  # monthly
        await pilot.pause()
        table = screen.query_one(ReportTable)
        cells = {key: [text for text, _style in row] for key, row in zip(table.row_keys, table.rows, strict=True)}
        uv_growth = table.keys.index("uv_growth")
        assert cells["2025-12"][uv_growth] == "+10.0%‡"  # 110 a day against 100
        assert "‡" not in cells["2025-11"][uv_growth]  # two whole months: their sums
        assert str(screen.query_one("#review-summary", Static).render()).endswith(" · ‡ growth per day of data")
