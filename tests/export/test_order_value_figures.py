"""Issue 18 case 19: an order value reads like the amounts beside it — `255`,
not `255.00` — in view 3, view 4 and every export, in both languages; two
decimals only where cents matter (an order value under 100 with cents: 19.90),
and then for its whole column (i18n.formats.order_value_decimals).

Board: plan 2025, 1,200,000, flat, 2 % conversion, order value 255 in the
first half and 250 in the second (the year's average is 252.5), channels
Tmall 70 % and JD 30 % (aov 180). January, each day: Tmall 20 orders for
5,105 (255.25 an order), JD 10 orders for 1,799 (179.90); both 6,904 for 30
orders (230.13).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from gfm import tables

from opsboard.cli import main
from opsboard.i18n.formats import order_value, order_value_decimals
from opsboard.logic.review import ReviewData
from opsboard.services.actuals import import_actuals
from opsboard.services.board_files import init_board
from opsboard.services.targets import set_target
from opsboard.tui.widgets.report_table import ReportTable

HEADER = "date,channel,pv,uv,orders,revenue,ad_spend\n"


def test_the_rule():
    assert order_value_decimals(255.0, 258.16, 268.43) == 0  # whole yuan from 100 up
    assert order_value_decimals(19.9, 255.0) == 2  # cents matter under 100: the whole column keeps them
    assert order_value_decimals(20.0, None) == 0
    assert (order_value(255.0), order_value(258.16), order_value(19.9), order_value(255.0, 19.9)) == ("255", "258", "19.90", "255.00")


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2025-02-01T09:00:00+00:00")
    path = tmp_path / "b.json"
    store = init_board(path, user="ana", name="Shop", year=2025)
    set_target(
        store,
        annual="1200000",
        year="2025",
        budget="300000",
        conversion="2%",
        order_value=",".join(["255"] * 6 + ["250"] * 6),
        paid_share="50%",
        cost_per_click="2",
        seasonality=",".join(["1"] * 12),
        channels="Tmall=70%, JD=30% aov=180",
    )
    rows = "".join(
        f"{date(2025, 1, 1) + timedelta(n)},Tmall,3000,1000,20,5105,100\n{date(2025, 1, 1) + timedelta(n)},JD,900,300,10,1799,30\n"
        for n in range(31)
    )
    (tmp_path / "jan.csv").write_text(HEADER + rows, encoding="utf-8")
    import_actuals(store, tmp_path / "jan.csv")
    return path


def export(board: Path, view: str, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["export", str(board), "--view", view, *extra]) == 0
    return capsys.readouterr().out


def column(table: list[list[str]], heading: str) -> list[str]:
    index = table[0].index(heading)
    return [row[index] for row in table[1:]]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_targets_export_shows_whole_order_values(board: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    markdown = export(board, "targets", capsys, "--ui-lang", lang)
    found = tables(markdown)
    months = next(t for t in found if t[0][0] in ("Month", "月份") and len(t) == 14)
    values = column(months, months[0][5])
    assert values == ["255"] * 6 + ["250"] * 6 + ["252"], values  # the year's 252.5: no .50 beside whole amounts
    assert not re.search(r"\b[12]\d\d\.\d\d\b", markdown)  # no order value with cents anywhere (255.00, 252.50, 179.90)
    departments = next(t for t in found if len(t[0]) == 4 and t[0][3] in ("Value", "数值", "值"))
    assert [row[3] for row in departments if "order value" in row[2].lower() or "客单价" in row[2]] == ["252"]
    channels = next(t for t in found if len(t[0]) == 11)
    assert column(channels, channels[0][6]) == ["255 / 255", "180 / 180"]  # plan / actual: 255.25 and 179.90 a buyer


def test_the_review_export_view_4_and_the_spreadsheet_agree(board: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    month_table = tables(export(board, "review", capsys, "--period", "month"))[0]
    assert column(month_table, "Order value") == ["230", "230"]  # 214,024 ÷ 930 orders: 230.13
    for lang in ("en", "zh"):
        markdown = export(board, "review", capsys, "--period", "month", "--ui-lang", lang)
        assert ".13" not in markdown
    out = tmp_path / "review.csv"
    assert main(["export", str(board), "--view", "review", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {row["Order value"] for row in rows if row["Order value"]} == {"230"}  # a whole number, not 230.13

    from opsboard.store import BoardStore

    store = BoardStore(board, user="ana")
    report = ReviewData(store.actuals()).report("month", None, store.plan())
    keys, _names, _aligns, rows_shown, _row_keys, _widths = ReportTable._layout(report)
    shown = [cells[keys.index("order_value")][0] for cells in rows_shown]
    assert shown == ["230", "230"]  # view 4: January and the year's total


def test_cheap_goods_keep_their_cents_in_the_whole_column(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2025-02-01T09:00:00+00:00")
    path = tmp_path / "b.json"
    store = init_board(path, user="ana", name="Shop", year=2025)
    set_target(store, annual="120000", year="2025", conversion="5%", order_value=",".join(["19.9"] + ["120"] * 11))
    months = tables(export(path, "targets", capsys))[0]
    assert column(months, "Order value")[:2] == ["19.90", "120.00"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_view_3_shows_whole_order_values(board: Path, lang: str) -> None:
    """The month table (its total is the year's 252.5), the departments'
    average order value and the channels' plan and actual, as the export."""
    from rich.console import Console

    from opsboard import i18n
    from opsboard.services.targets import targets_view
    from opsboard.store import BoardStore
    from opsboard.tui.widgets.month_table import table_rows
    from opsboard.tui.widgets.target_panels import breakdown_panel

    i18n.set_language(lang)
    try:
        view = targets_view(BoardStore(board, user="ana"))
        assert [cells["order_value"] for _key, cells, _behind in table_rows(view, compact=False)] == ["255"] * 6 + ["250"] * 6 + ["252"]
        console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
        console.print(breakdown_panel(view))
        shown = console.export_text()
    finally:
        i18n.set_language("en")
    assert not re.search(r"\b[12]\d\d\.\d\d\b", shown), shown  # 252.50, 255.25, 179.90 nowhere
    assert re.search(r"\b252\b", shown) and re.search(r"\b180\b", shown)
