"""Importing inside the app: `i` in views 3 and 4 asks for a file, previews
what it holds, imports on enter and leaves the board as it was on esc."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.make_backoffice import build
from test_review_view import frozen, make_app, open_review, quarter_metrics

from opsboard.tui.modals.import_actuals import ImportActualsDialog, complete_path

__all__ = ["frozen"]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("backoffice")
    build(out)
    return out


async def open_dialog(pilot) -> ImportActualsDialog:
    await pilot.press("i")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ImportActualsDialog)
    return dialog


async def type_into(pilot, dialog: ImportActualsDialog, field: str, text: str) -> None:
    dialog.query_one(f"#import-{field}").value = text
    await pilot.pause()


async def preview(pilot, dialog: ImportActualsDialog) -> str:
    await pilot.press("enter")
    await dialog.workers.wait_for_complete()
    for _ in range(50):
        await pilot.pause()
        text = str(dialog.query_one("#import-preview").render())
        if text and text != "Reading the file…":
            return text
    raise AssertionError("no preview")


async def test_the_preview_shows_the_figures_and_esc_leaves_the_board_byte_identical(tmp_path: Path, frozen, files: Path):
    app = make_app(tmp_path)
    before = app.store.path.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        dialog = await open_dialog(pilot)
        await type_into(pilot, dialog, "path", str(files / "sycm_shop.xlsx"))
        await type_into(pilot, dialog, "sheet", "店铺概况")
        await type_into(pilot, dialog, "channel", "天猫")
        text = await preview(pilot, dialog)
        lines = text.splitlines()
        assert lines[0] == "File      sycm_shop.xlsx (xlsx, sheet 店铺概况, header on row 4)"
        assert lines[1] == "Layout    生意参谋 店铺概况 (Tmall/Taobao)"
        assert "ad_spend ← 关键词推广花费 + 精准人群推广花费 + 智能场景花费 + 全站推广花费" in lines[2]
        assert lines[3] == "Dates     2025-01-01 … 2025-01-31"
        assert lines[4] == "Rows      31 days × 1 channel (天猫)"
        assert lines[6] == "Saving    31 rows new · 0 replaced"
        assert "Warning   1 totals row (合计/总计) skipped" in lines
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportActualsDialog)
    assert app.store.path.read_bytes() == before


async def test_preview_totals_match_the_fixture_and_enter_imports(tmp_path: Path, frozen, files: Path):
    expected = build(tmp_path / "again")["opsboard_en.csv"].totals
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        dialog = await open_dialog(pilot)
        await type_into(pilot, dialog, "path", str(files / "opsboard_en.csv"))
        text = await preview(pilot, dialog)
        totals = text.splitlines()[5]
        assert totals == (
            f"Totals    revenue {expected['revenue']:,.2f} · orders {expected['orders']:,} · ad spend {expected['ad_spend']:,.2f}"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ImportActualsDialog)
        assert len(app.store.actuals()) == 62
        for _ in range(100):  # view 4 prepares the new figures in its worker
            await pilot.pause()
            if screen.source is not None and not screen.source.empty:
                break
        assert screen.source.channels == ("JD", "Tmall")


async def test_a_double_count_is_said_in_the_dialog_and_nothing_is_saved(tmp_path: Path, frozen, files: Path):
    app = make_app(tmp_path, quarter_metrics())  # Tmall and JD in January-March 2025
    before = app.store.path.read_bytes()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        dialog = await open_dialog(pilot)
        await type_into(pilot, dialog, "path", str(files / "opsboard_zh.csv"))
        text = await preview(pilot, dialog)
        assert text.startswith("opsboard_zh.csv has no channel, but the board already holds figures for channel Tmall on 31 days")
        assert dialog.query_one("#import-preview").has_class("-error")
        await pilot.press("enter")  # tries again: still refused
        await dialog.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ImportActualsDialog)
    assert app.store.path.read_bytes() == before


async def test_i_opens_the_dialog_in_view_3_too(tmp_path: Path, frozen):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await open_dialog(pilot)


def test_path_completion(tmp_path: Path):
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "生意参谋.xlsx").write_bytes(b"")
    (tmp_path / "exports" / "notes.md").write_text("")
    assert complete_path(str(tmp_path / "exp")) == str(tmp_path / "exports") + "/"
    assert complete_path(str(tmp_path / "exports") + "/") == str(tmp_path / "exports" / "生意参谋.xlsx")
    assert complete_path(str(tmp_path / "exports" / "no")) is None  # not a file the importer reads
    assert complete_path(str(tmp_path / "missing" / "x")) is None


async def test_the_preview_reads_in_chinese(tmp_path: Path, frozen, files: Path, monkeypatch: pytest.MonkeyPatch):
    from opsboard import i18n

    monkeypatch.setenv("OPSBOARD_LANG", "zh")
    app = make_app(tmp_path)
    i18n.override_language("zh")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_review(pilot)
            dialog = await open_dialog(pilot)
            await type_into(pilot, dialog, "path", str(files / "doudian.xlsx"))
            await type_into(pilot, dialog, "channel", "抖音")
            lines = (await preview(pilot, dialog)).splitlines()
            assert lines[0] == "文件    doudian.xlsx（xlsx，工作表 Sheet1，表头在第 1 行）"
            assert lines[1] == "格式    抖店 / 抖音电商罗盘 经营数据"
            assert "日期 ← " in lines[2] and "date" not in lines[2]  # the figures in Chinese, the file's headers as they are
            assert str(dialog.query_one("#import-map-hint").render()) == "Tab：选数据项 · ↓：展开列名 · 回车：重新读取"
            assert [str(label.render()) for label in dialog.query(".import-pick Label")][:3] == ["日期", "渠道", "浏览量"]
            assert lines[4] == "数据    31 天 × 1 个渠道（抖音）"
            assert lines[5].startswith("合计    支付金额 ") and lines[5].endswith(" · 推广花费 未知")
            assert "提示    此格式没有店铺浏览量/访客数：流量记为未知（商品曝光/点击人数不是店铺访客）" in lines
            assert str(dialog.query_one("#import-keys").render()) == "回车：导入这些数据 · Esc：取消，不保存任何内容"
    finally:
        i18n.reset()


async def pick(pilot, dialog: ImportActualsDialog, figure: str, column: str) -> None:
    """By keyboard: focus the figure's picker, ↓ opens its list, ↓ to the column, enter."""
    picker = dialog.query_one(f"#import-pick-{figure}")
    picker.focus()
    await pilot.pause()
    await pilot.press("down")  # opens the list on the blank line
    options = [value for _label, value in picker._options]
    for _ in range(options.index(column)):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert picker.value == column


async def test_an_unknown_layout_is_mapped_with_the_column_pickers_by_keyboard(tmp_path: Path, frozen):
    odd = tmp_path / "odd.csv"
    odd.write_text("店铺日报\n日子,来访人数,浏览次数,成交笔数,成交金额\n2025-01-01,1200,3400,40,9000.5\n2025-01-02,1300,3500,42,9100\n")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        dialog = await open_dialog(pilot)
        assert not dialog.query_one("#import-map").display  # nothing to pick before the file is read
        await type_into(pilot, dialog, "path", str(odd))
        await type_into(pilot, dialog, "channel", "天猫")
        text = await preview(pilot, dialog)
        assert "missing columns" in text and dialog.query_one("#import-preview").has_class("-error")
        assert "pick above which column gives each figure" in text and "--map" not in text  # the pickers, not the CLI
        assert dialog.query_one("#import-map").display
        picker = dialog.query_one("#import-pick-date")
        assert [value for _label, value in picker._options][1:] == [
            "日子",
            "来访人数",
            "浏览次数",
            "成交笔数",
            "成交金额",
        ]  # after the blank
        for figure, column in (("date", "日子"), ("uv", "来访人数"), ("pv", "浏览次数"), ("orders", "成交笔数"), ("revenue", "成交金额")):
            await pick(pilot, dialog, figure, column)
        lines = (await preview(pilot, dialog)).splitlines()  # enter on a closed picker reads the file again
        assert "date ← 日子" in lines[2] and "revenue ← 成交金额" in lines[2]
        assert lines[4] == "Rows      2 days × 1 channel (天猫)"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ImportActualsDialog)
    assert sorted(m.revenue for m in app.store.actuals()) == [9000.5, 9100.0]
    assert app.store.raw("meta")["meta"]["actuals_mapping"]["uv"] == ["来访人数"]  # tried first next time


async def test_a_known_layout_shows_its_columns_chosen_in_the_pickers(tmp_path: Path, frozen, files: Path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        dialog = await open_dialog(pilot)
        await type_into(pilot, dialog, "path", str(files / "opsboard_en.csv"))
        await preview(pilot, dialog)
        assert dialog.query_one("#import-pick-date").value == "date"
        assert dialog.query_one("#import-pick-revenue").value == "revenue"
        await pilot.press("enter")  # the pickers as the dialog chose them: the preview stands, enter imports
        await pilot.pause()
        assert not isinstance(app.screen, ImportActualsDialog)
        assert len(app.store.actuals()) == 62


async def test_an_unknown_layout_points_at_the_pickers_in_chinese(tmp_path: Path, frozen, monkeypatch: pytest.MonkeyPatch):
    """Issue 13: the dialog's advice is its own pickers (the CLI's stays --map 字段=列名)."""
    from opsboard import i18n
    from opsboard.services.actuals import read_actuals_file
    from opsboard.services.errors import InputError

    odd = tmp_path / "odd.csv"
    odd.write_text("日子,来访人数,成交金额\n2025-01-01,1200,9000.5\n")
    monkeypatch.setenv("OPSBOARD_LANG", "zh")
    app = make_app(tmp_path)
    i18n.override_language("zh")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_review(pilot)
            dialog = await open_dialog(pilot)
            await type_into(pilot, dialog, "path", str(odd))
            text = await preview(pilot, dialog)
            assert "缺少列" in text and "--map" not in text
            assert "也可以在上方为每个数据项选择对应的列" in text and "--map" not in text
        with pytest.raises(InputError) as refused:  # the command line still names its option
            read_actuals_file(odd)
        assert "--map 字段=列名" in str(refused.value)
    finally:
        i18n.reset()
