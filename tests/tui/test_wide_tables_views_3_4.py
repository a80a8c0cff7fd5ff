"""Issue 18 case 11 in views 3 and 4: a table wider than the window showed a
stray piece of horizontal scrollbar (`▋ ▎ ▊ ▍`) under it — view 3 at 60×20,
view 4 at 60×20, 80×24 and 120×40. Now view 3's month table leaves out its
least needed columns until it fits, and view 4's report scrolls sideways a
whole column at a time with a `›` in its header saying more columns follow.
Checked on what the screen shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_review_snapshots import make_app as review_app
from test_review_snapshots import open_review
from test_targets_snapshots import make_app as targets_app
from test_targets_snapshots import open_targets

from opsboard.tui.widgets.month_table import MonthTable
from opsboard.tui.widgets.report_table import MORE_LEFT, MORE_RIGHT, ReportTable

SCROLLBAR_ENDS = set("▏▎▍▌▋▊▉")  # a horizontal thumb's ends; block elements ▁…█ are bars and the vertical thumb


def table_lines(app, table) -> list[str]:
    """The screen's text where the table is (its scrollbars included)."""
    strips = app.screen._compositor.render_strips()
    region = table.region
    rows = range(region.y, min(len(strips), region.bottom))
    return [strips[y].text[region.x : region.right] for y in rows]


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2025-09-21T09:00:00+08:00")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.mark.parametrize("language", [None, "zh"])
async def test_view_3_month_table_fits_60_columns_without_a_scrollbar(tmp_path: Path, language: str | None) -> None:
    app = targets_app(tmp_path, language)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_targets()(pilot)
        table = pilot.app.screen.query_one(MonthTable)
        assert not table.show_horizontal_scrollbar
        assert table.virtual_size.width <= table.scrollable_content_region.width
        lines = table_lines(pilot.app, table)
        assert not SCROLLBAR_ENDS & set("".join(lines)), lines
        keys = [str(key.value) for key in table.columns]
        assert keys[:2] == ["month", "target"] and keys[-3:] == ["actual", "attainment", "gap"]  # what was done, kept
        assert "new_products" not in keys and "agents" not in keys  # the least needed left
        header = lines[0].split()
        assert header[-1] == ("缺口" if language else "Gap")  # the last column whole, not cut


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_view_4_report_scrolls_by_whole_columns_without_a_scrollbar(tmp_path: Path, size: tuple[int, int]) -> None:
    app = review_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await open_review("w")(pilot)
        table = pilot.app.screen.query_one(ReportTable)
        assert not table.show_horizontal_scrollbar
        lines = table_lines(pilot.app, table)
        assert not SCROLLBAR_ENDS & set("".join(lines)), lines
        header = lines[0].rstrip()
        assert header.startswith(" Week") and header.endswith(MORE_RIGHT)  # more columns follow
        shown = [table.headers[i] for i in [0, *table.shown_columns()]]
        assert header.removesuffix(MORE_RIGHT).split() == " ".join(shown).split()  # whole headings only
        for _ in range(len(table.headers)):
            await pilot.press("l")
        lines = table_lines(pilot.app, table)
        assert not SCROLLBAR_ENDS & set("".join(lines)), lines
        header = lines[0].rstrip()
        assert MORE_LEFT in header and not header.endswith(MORE_RIGHT)  # the last column reached
        assert header.split()[-1] == "ROI"
