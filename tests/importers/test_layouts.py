"""Every layout in the registry imports a fixture written the way its back
office writes it, with the month's figures equal to the sums of the numbers
the fixture was written from (tests/fixtures/make_backoffice.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.make_backoffice import FILES, build

from opsboard.importers import ActualsImportError, parse_actuals
from opsboard.importers.layouts import LAYOUTS


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("backoffice")
    return out, build(out)


def test_the_registry_is_complete_every_layout_has_a_fixture(fixtures):
    _, expected = fixtures
    assert {layout.key for layout in LAYOUTS} <= {e.layout for e in expected.values()}


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_fixture_imports_with_the_figures_it_was_written_from(fixtures, name: str):
    out, expected = fixtures
    want = expected[name]
    options = {"channel": want.channel, **want.options}
    imported = parse_actuals((out / name).read_bytes(), name, **options)
    metrics = imported.metrics
    assert imported.layout.key == want.layout
    assert len(metrics) == want.rows
    assert len({m.date for m in metrics}) == 31
    assert imported.totals_skipped == want.totals_rows
    assert tuple(sorted({m.channel for m in metrics})) == (want.channels if want.channel is None else (want.channel,))
    for figure, total in want.totals.items():
        values = [getattr(m, figure) for m in metrics]
        if total is None:
            assert all(v is None for v in values), f"{figure} must stay unknown, not 0"
        else:
            assert sum(values) == pytest.approx(total, abs=0.005), figure


def test_split_spend_is_summed_and_the_preview_names_the_columns(fixtures):
    out, _ = fixtures
    imported = parse_actuals((out / "sycm_shop.xlsx").read_bytes(), "sycm_shop.xlsx", sheet="店铺概况", channel="天猫")
    assert imported.columns["ad_spend"] == "关键词推广花费 + 精准人群推广花费 + 智能场景花费 + 全站推广花费"
    assert imported.columns["orders"] == "支付父订单数"  # orders, not sub-orders
    assert (imported.kind, imported.sheet, imported.header_line) == ("xlsx", "店铺概况", 4)


def test_a_missing_sheet_names_the_sheets_there_are(fixtures):
    out, _ = fixtures
    with pytest.raises(ActualsImportError) as caught:
        parse_actuals((out / "sycm_shop.xlsx").read_bytes(), "sycm_shop.xlsx", sheet="日报")
    assert str(caught.value) == "sycm_shop.xlsx has no sheet named '日报' (sheets: 说明, 店铺概况)"


def test_the_first_sheet_is_read_by_default(fixtures):
    out, _ = fixtures
    with pytest.raises(ActualsImportError, match="missing columns"):
        parse_actuals((out / "sycm_shop.xlsx").read_bytes(), "sycm_shop.xlsx")  # 说明 holds a note, no figures


def test_a_spend_only_report_keeps_only_spend(fixtures):
    out, _ = fixtures
    imported = parse_actuals((out / "qianchuan.csv").read_bytes(), "qianchuan.csv", channel="抖音")
    first = imported.metrics[0]
    assert (first.source, first.revenue, first.orders, first.pv) == ("巨量千川", None, None, None)
    assert first.id == "2025-01-01|抖音|巨量千川"


def test_a_damaged_workbook_is_one_clear_line(tmp_path: Path):
    with pytest.raises(ActualsImportError) as caught:
        parse_actuals(b"PK\x03\x04" + b"\x00" * 100, "broken.xlsx")
    assert str(caught.value).startswith("broken.xlsx is not a readable .xlsx workbook (")
    assert "\n" not in str(caught.value)


def test_hostile_sheet_names_and_cells_never_reach_the_terminal(tmp_path: Path):
    import xlsxwriter

    path = tmp_path / "hostile.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("evil\u202e")
    for r, row in enumerate([["date", "channel", "pv", "uv", "orders", "revenue"], ["2025-01-01", "\x1b[31mred", 10, 5, 1, "=1+1"]]):
        sheet.write_row(r, 0, row)
    book.close()
    with pytest.raises(ActualsImportError) as caught:
        parse_actuals(path.read_bytes(), "hostile.xlsx", sheet="\x1b]0;x\x07")
    assert "\x1b" not in str(caught.value) and "\u202e" not in str(caught.value)
    (metric,) = parse_actuals(path.read_bytes(), "hostile.xlsx").metrics
    assert "\x1b" not in metric.channel
    assert metric.revenue == 0  # a formula's cached value (XlsxWriter leaves 0), not its text


def test_a_bad_excel_cell_is_named_by_its_sheet_row(tmp_path: Path):
    from datetime import datetime

    import xlsxwriter

    path = tmp_path / "typed.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    fmt = book.add_format({"num_format": "yyyy/m/d"})
    sheet.write_row(0, 0, ["统计日期", "浏览量", "访客数", "支付订单数", "支付金额"])
    sheet.write_datetime(1, 0, datetime(2025, 3, 1), fmt)
    sheet.write_row(1, 1, [1200.0, 300, 12, 3456.5])
    sheet.write_number(2, 0, 45718)
    sheet.write_row(2, 1, [100000, "1.2万", "1,0", "￥2,000"])
    book.close()
    with pytest.raises(ActualsImportError) as caught:
        parse_actuals(path.read_bytes(), "typed.xlsx")
    assert caught.value.errors == [(3, "orders (1,0) is not a whole number")]
    assert str(caught.value).startswith("typed.xlsx: 1 bad row, nothing imported:\nrow 3: ")


def test_excel_cells_keep_their_types(tmp_path: Path):
    from datetime import date, datetime

    import xlsxwriter

    path = tmp_path / "typed.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    fmt = book.add_format({"num_format": "yyyy/m/d"})
    sheet.write_row(0, 0, ["统计日期", "浏览量", "访客数", "支付订单数", "支付金额"])
    sheet.write_datetime(1, 0, datetime(2025, 3, 1), fmt)
    sheet.write_row(1, 1, [1200.0, 300, 12, 3456.5])
    sheet.write_number(2, 0, 45718)  # an unformatted Excel serial day (45717 is 2025-03-01)
    sheet.write_row(2, 1, ["1.5万", "1.2万", 10, "￥2,000"])
    book.close()
    first, second = parse_actuals(path.read_bytes(), "typed.xlsx").metrics
    assert (first.date, first.pv, first.uv, first.orders, first.revenue) == (date(2025, 3, 1), 1200, 300, 12, 3456.5)
    assert (second.date, second.pv, second.uv, second.revenue) == (date(2025, 3, 2), 15000, 12000, 2000.0)
