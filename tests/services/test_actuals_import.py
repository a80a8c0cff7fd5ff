"""Importing back-office files onto a board: channels never double count, a
spend-only report adds spend without touching the shop's figures, a mapping
by hand is remembered, and a refused import leaves the file byte for byte."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixtures.make_backoffice import build

from opsboard.cli import main
from opsboard.logic.review import ReviewData
from opsboard.model import Table
from opsboard.services.actuals import MAPPING_FIELD, import_actuals_counted, preview_actuals, save_actuals
from opsboard.services.board_files import init_board
from opsboard.services.errors import InputError
from opsboard.store import BoardError, BoardStore

FROZEN = "2026-01-15T09:00:00+00:00"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("backoffice")
    build(out)
    return out


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    return init_board(tmp_path / "b.json", user="ana", name="Tea Shop", year=2025)


def refused(store: BoardStore, path: Path, **options) -> str:
    before = store.path.read_bytes()
    with pytest.raises((InputError, BoardError)) as caught:  # BoardError: the file itself cannot be read
        import_actuals_counted(store, path, **options)
    assert store.path.read_bytes() == before  # nothing saved
    return str(caught.value)


def test_a_file_without_channels_on_days_with_channels_is_refused_until_a_channel_is_given(store, files):
    import_actuals_counted(store, files / "opsboard_en.csv")  # Tmall and JD, January
    message = refused(store, files / "opsboard_zh.csv")  # the same days, no channel column
    assert message == (
        "opsboard_zh.csv has no channel, but the board already holds figures for channels JD, Tmall on 31 days "
        "(2025-01-01 … 2025-01-31): imported as they are, those days would count twice. "
        "Name the file's channel with --channel NAME (in the app: the channel field)"
    )
    result = import_actuals_counted(store, files / "opsboard_zh.csv", channel="Douyin")
    assert (result.rows, result.channels) == (31, ("Douyin",))


def test_channels_on_days_with_unsplit_figures_are_refused_unless_they_replace_them(store, files):
    import_actuals_counted(store, files / "opsboard_zh.csv")  # not split by channel
    message = refused(store, files / "opsboard_en.csv")
    assert message.startswith("the board holds figures not split by channel on 31 days (2025-01-01 … 2025-01-31)")
    assert "--replace-unsplit" in message
    import_actuals_counted(store, files / "opsboard_en.csv", replace_unsplit=True)
    assert {m.channel for m in store.actuals()} == {"Tmall", "JD"}  # the unsplit rows are gone: nothing counts twice


def test_spend_only_report_adds_spend_to_the_channel_without_touching_its_figures(store, files):
    import_actuals_counted(store, files / "doudian.xlsx", channel="抖音")
    shop = ReviewData(store.actuals()).report("month").totals
    import_actuals_counted(store, files / "qianchuan.csv", channel="抖音")
    again = import_actuals_counted(store, files / "qianchuan.csv", channel="抖音")  # importing twice replaces
    assert (again.new, again.replaced) == (0, 31)
    month = ReviewData(store.actuals()).report("month").totals
    spend = sum(m.ad_spend for m in store.actuals() if m.source == "巨量千川")
    assert month.revenue == pytest.approx(shop.revenue)
    assert (month.orders, month.buyers, month.uv) == (shop.orders, shop.buyers, None)
    assert month.ad_spend == pytest.approx(spend) and shop.ad_spend is None
    assert month.roi == pytest.approx(shop.revenue / spend)
    assert month.days == 31


def test_a_mapping_by_hand_is_remembered_for_the_next_import(store, tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("day,shop,visits,sold,gmv,cpc spend,brand spend\n2025-01-01,A,100,5,500,10,2\n2025-01-02,A,80,4,400,,1\n")
    message = refused(store, odd)
    assert "--map FIELD=COLUMN" in message
    mapping = {
        "date": ["day"],
        "channel": ["shop"],
        "uv": ["visits"],
        "orders": ["sold"],
        "revenue": ["gmv"],
        "ad_spend": ["cpc spend", "brand spend"],
    }
    preview = preview_actuals(store, odd, mapping=mapping)
    assert preview.imported.columns["ad_spend"] == "cpc spend + brand spend"
    save_actuals(store, preview)
    assert store.raw(Table.META)["meta"][MAPPING_FIELD] == mapping
    odd.write_text("day,shop,visits,sold,gmv,cpc spend,brand spend\n2025-01-03,A,90,3,300,7,0\n")
    result = import_actuals_counted(store, odd)  # no --map: the board remembers it
    assert result.rows == 1
    assert sorted(m.ad_spend for m in store.actuals()) == [1.0, 7.0, 12.0]


def test_a_bad_row_refuses_the_whole_file_and_lists_every_line(store, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("统计日期,浏览量,访客数,支付订单数,支付金额\n2025-01-01,10,5,1,9\n2025-01-01~2025-01-07,70,35,7,63\n2025-02,1,1,1,1\n")
    message = refused(store, bad)
    assert message.splitlines()[1:] == [
        "line 3: date (2025-01-01~2025-01-07) is a week or month, not a day: export daily rows (按日) from the back office",
        "line 4: date (2025-02) is a week or month, not a day: export daily rows (按日) from the back office",
    ]


def test_a_fifo_is_refused_without_hanging(store, tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert "is a FIFO, not a CSV file" in refused(store, fifo)


def test_cli_imports_an_excel_sheet_with_a_channel(store, files, capsys):
    code = main(["import-actuals", str(store.path), str(files / "sycm_shop.xlsx"), "--sheet", "店铺概况", "--channel", "天猫"])
    assert code == 0
    assert capsys.readouterr().out == f"Imported 31 rows (31 new, 0 replaced) from {files / 'sycm_shop.xlsx'}\n"


def test_cli_refuses_a_double_count_on_one_line(store, files, capsys):
    assert main(["import-actuals", str(store.path), str(files / "opsboard_en.csv")]) == 0
    capsys.readouterr()
    assert main(["import-actuals", str(store.path), str(files / "jd.xls")]) == 1
    err = capsys.readouterr().err
    assert "would count twice" in err and "--channel NAME" in err and len(err.strip().splitlines()) == 1
    assert main(["import-actuals", str(store.path), str(files / "jd.xls"), "--map", "nonsense"]) == 1
    assert "expected FIELD=COLUMN" in capsys.readouterr().err
