"""Issue 18 case 17 in both languages: the activity view's What column cuts a
long title in its middle, so the words after it that tell one row from the
next ('done', 标为完成) stay in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from checklists_fixture import NOW
from rich.cells import cell_len
from textual.widgets import DataTable

from opsboard.services.board_files import init_board
from opsboard.services.checklists import toggle_item
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.activity import ActivityScreen, keep_the_ends


@pytest.mark.parametrize(
    "text, cut",
    [
        ("marked 'A · Size the market and its outlook' done", "marked 'A · Size the ma…' done"),
        ("把“A · 了解市场规模与前景预测分析”标为完成", "把“A · 了解市场规模…”标为完成"),
        # an apostrophe inside the title is not its end ('Tmall's')
        ("added 'Apply for a slot in Tmall's 618 venue' to BD", "added 'Apply for a slo…' to BD"),
    ],
)
def test_the_title_gives_way_not_the_words_after_it(text: str, cut: str) -> None:
    assert keep_the_ends(text, 30) == cut
    assert cell_len(cut) <= 30


@pytest.mark.parametrize(
    "text, width, cut",
    [
        ("imported 990 rows from store_metrics_2026.csv", 20, "imported 990 rows f…"),  # no title to cut
        ("added 'Set up the Double 12 coupons' to Store Admin", 19, "added 'Set up the…"),  # no room for the title
        ("从 store_metrics_2026.csv 导入了 990 行", 19, "从 store_metrics_2…"),
        # at 80 columns: 'added 'Se…' to Store Admin' would keep too little of the title to tell rows apart
        ("added 'Set up the Double 12 coupons in the back office' to Store Admin", 26, "added 'Set up the Double…"),
    ],
)
def test_a_cut_end_says_so(text: str, width: int, cut: str) -> None:
    """The table itself cuts without a mark ('added 'Set up the D'): the row says it goes on."""
    assert keep_the_ends(text, width) == cut
    assert cell_len(cut) <= width


async def test_a_chinese_activity_row_keeps_what_was_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = init_board(tmp_path / "zh.json", user="lin", language="zh", year=2026).path
    store = BoardStore(path, user="lin")
    item = next(i for i in store.checklist() if cell_len(i.title) >= 20)
    toggle_item(store, item.id)
    app = OpsboardApp(BoardStore(path, user="lin"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ActivityScreen)
        table = app.screen.query_one("#activity", DataTable)
        what = str(table.get_row(table.ordered_rows[0].key)[2])
        width = list(table.columns.values())[2].width
        assert what.endswith("”标为完成"), what
        assert "…" in what and cell_len(what) <= width


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_activity_table_fits_60_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    """Issue 18 case 11: no column past the edge, so no horizontal scrollbar
    whose thumb end floats under the table (`▉` at 60×20)."""
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = init_board(tmp_path / "b.json", user="lin", language=language, year=2026).path
    store = BoardStore(path, user="lin")
    for item in store.checklist()[:3]:
        toggle_item(store, item.id)
    app = OpsboardApp(BoardStore(path, user="lin"))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        table = app.screen.query_one("#activity", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width and not table.show_horizontal_scrollbar
        await pilot.resize_terminal(120, 40)  # wider again: the columns take the room
        await pilot.pause()
        assert list(table.columns.values())[1].width == 10


@pytest.mark.parametrize(
    "text, width, cut",
    [
        # the phase mark 'A · ' tells no row from the next: “A · 了解…” kept two characters of the title
        ("把“A · 了解市场规模与前景预测分析”标为完成", 22, "把“A · 了解市场规模与…"),
        ("把“A · 了解市场规模与前景预测分析”标为完成", 26, "把“A · 了解市场…”标为完成"),
        ("marked 'A · 了解市场规模与前景预测分析' done", 24, "marked 'A · 了解市场规…"),
        ("添加了“设置双十二优惠券与店铺后台配置”到 店铺运营", 28, "添加了“设置双十…”到 店铺运营"),
        ("添加了“设置双十二优惠券与店铺后台配置”到 店铺运营", 26, "添加了“设置双十二优惠券与…"),
    ],
)
def test_a_middle_cut_keeps_four_chinese_characters_of_the_title(text: str, width: int, cut: str) -> None:
    assert keep_the_ends(text, width) == cut


@pytest.mark.parametrize("width", range(8, 40))
def test_no_width_leaves_a_chinese_title_at_fewer_than_four_characters(width: int) -> None:
    cut = keep_the_ends("把“A · 了解市场规模与前景预测分析”标为完成", width)
    assert cell_len(cut) <= width
    if cut.endswith("”标为完成") and "…" in cut:
        assert len(cut.split("A · ")[1].split("…")[0]) >= 4, cut
