"""The import dialog on a back-office export whose ad spend is several
columns summed (生意参谋's 直通车/钻展/淘宝客, GBK, title rows): the ad-spend
picker starts on that sum, an untouched dialog and a pick of another figure
keep it, and the user picks a single column or the sum again by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.make_backoffice import SYCM_OLD_SPEND, SYCM_SPEND, build
from test_import_dialog import open_dialog, preview, type_into
from test_review_view import frozen, make_app, open_review
from textual.widgets import Select

from opsboard.tui.modals.import_actuals import SPEND_SUM, ImportActualsDialog

__all__ = ["frozen"]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("backoffice")
    return out, build(out)


async def choose(pilot, dialog: ImportActualsDialog, figure: str, value: str) -> None:
    """By keyboard only: Tab to the figure's picker, ↓ opens its list on the
    current choice, ↓/↑ to the wanted one, enter."""
    picker = dialog.query_one(f"#import-pick-{figure}", Select)
    for _ in range(20):  # Tab from field to field until the figure's picker has the focus
        if pilot.app.focused is picker:
            break
        await pilot.press("tab")
        await pilot.pause()
    assert pilot.app.focused is picker
    options = [option for _label, option in picker._options]
    at = options.index(picker.value) if picker.value in options else 0
    await pilot.press("down")  # opens the list
    await pilot.pause()
    step = options.index(value) - at
    for _ in range(abs(step)):
        await pilot.press("down" if step > 0 else "up")
    await pilot.press("enter")
    await pilot.pause()
    assert picker.value == value


def spend_total(text: str) -> float:
    """The ad spend of the preview's totals line."""
    line = next(line for line in text.splitlines() if line.startswith("Totals"))
    return float(line.rsplit("ad spend ", 1)[1].replace(",", ""))


async def test_the_ad_spend_picker_starts_on_the_sum_and_goes_to_one_column_and_back(tmp_path: Path, frozen, files) -> None:
    out, expected = files
    summed = expected["sycm_old.csv"].totals["ad_spend"]
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        dialog = await open_dialog(pilot)
        await type_into(pilot, dialog, "path", str(out / "sycm_old.csv"))
        text = await preview(pilot, dialog)
        assert spend_total(text) == pytest.approx(summed)
        picker = dialog.query_one("#import-pick-ad_spend", Select)
        assert picker.value == SPEND_SUM  # the sum, chosen, not a blank picker
        label = next(str(label) for label, value in picker._options if value == SPEND_SUM)
        assert label.startswith("sum of 直通车消耗 + 钻石展位消耗")
        assert str(picker.selection) == SPEND_SUM
        assert "ad_spend ← 直通车消耗 + 钻石展位消耗 + 淘宝客佣金" in text

        await choose(pilot, dialog, "ad_spend", SYCM_OLD_SPEND[0])  # one column alone
        text = await preview(pilot, dialog)
        assert "ad_spend ← 直通车消耗" in text and "钻石展位消耗" not in text
        single = spend_total(text)
        assert 0 < single < summed

        await choose(pilot, dialog, "ad_spend", SPEND_SUM)  # and back to the sum
        text = await preview(pilot, dialog)
        assert spend_total(text) == pytest.approx(summed)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ImportActualsDialog)
    assert sum(m.ad_spend or 0 for m in app.store.actuals()) == pytest.approx(summed)


async def test_a_pick_of_another_figure_keeps_the_summed_ad_spend(tmp_path: Path, frozen, files) -> None:
    out, expected = files
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        dialog = await open_dialog(pilot)
        await type_into(pilot, dialog, "path", str(out / "sycm_old.csv"))
        await preview(pilot, dialog)
        await choose(pilot, dialog, "pv", "访客数")  # a pick by hand of another figure
        text = await preview(pilot, dialog)
        assert spend_total(text) == pytest.approx(expected["sycm_old.csv"].totals["ad_spend"])
        assert dialog.query_one("#import-pick-ad_spend", Select).value == SPEND_SUM


async def test_an_untouched_dialog_imports_the_sum_of_a_title_rowed_wan_export(tmp_path: Path, frozen, files) -> None:
    """生意参谋's newer export: .xlsx on its second sheet, title rows, 万
    cells, four spend columns summed."""
    out, expected = files
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        dialog = await open_dialog(pilot)
        await type_into(pilot, dialog, "path", str(out / "sycm_shop.xlsx"))
        await type_into(pilot, dialog, "sheet", "店铺概况")
        await type_into(pilot, dialog, "channel", "天猫")
        await preview(pilot, dialog)
        picker = dialog.query_one("#import-pick-ad_spend", Select)
        assert picker.value == SPEND_SUM
        assert [value for _label, value in picker._options][1:3] == [SPEND_SUM, "统计日期"]
        assert len(SYCM_SPEND) == 4
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ImportActualsDialog)
    assert sum(m.ad_spend or 0 for m in app.store.actuals()) == pytest.approx(expected["sycm_shop.xlsx"].totals["ad_spend"])
    assert sum(m.uv or 0 for m in app.store.actuals()) == expected["sycm_shop.xlsx"].totals["uv"]
