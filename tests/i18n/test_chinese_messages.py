"""What a Chinese user reads when something is refused: the target plan's
command line (its --help, its errors), a hand-broken board (the models'
refusals, pydantic's own included), an imported file's bad cells. Exit codes
are those of the English interface."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from opsboard.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def zh_board(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2025-12-20T10:00:00+08:00")
    board = tmp_path / "zh.json"
    assert run(capsys, "init", str(board), "--lang", "zh", "--year", "2025")[0] == 0
    return board


def test_target_help_is_chinese_on_a_chinese_locale(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "target", "set", "--help")
    assert code == 0
    assert "全年销售目标" in out and "全年推广预算（推广花费不能超出）" in out
    assert "新建或修改全年目标计划。" in out
    assert "the year's sales target" not in out and "one value for every month" not in out
    code, out, _ = run(capsys, "import-actuals", "--help")
    assert code == 0 and "先检查所有行：有一行出错就什么都不导入。" in out and "Reads CSV" not in out


def test_bad_plan_input_is_one_chinese_line_with_exit_1(zh_board: Path, capsys) -> None:
    before = zh_board.read_bytes()
    code, out, err = run(capsys, "target", "set", str(zh_board), "--annual", "abc", "--conversion", "300")
    assert code == 1 and out == ""
    assert err == (
        "opsboard：--annual：“abc”不是金额（例如 1500000、1,500,000、1.5m 或 150万）；"
        "--conversion：是 0 到 1 之间的比率（0.03 = 3%）；“300”会是 30,000 %（若指 300%，请写 300%）\n"
    )
    code, out, err = run(capsys, "target", "set", str(zh_board), "--annual", "1200万", "--channel", "Tmall=70%,JD=20%")
    assert code == 1 and err == "opsboard：--channel：占比合计为 90.0%，不是 100%\n"
    assert zh_board.read_bytes() == before


def test_a_plan_in_chinese(zh_board: Path, capsys) -> None:
    code, out, err = run(capsys, "target", "set", str(zh_board), "--annual", "1200万", "--year", "2025")
    assert (code, err) == (0, "")
    first = out.splitlines()[0]
    assert first.startswith("2025 年计划：12 个月共 12,000,000 CNY（最低 ") and "月 " in first
    assert "Plan" not in out and "Needs" not in out and "Budget not checked" not in out
    code, out, err = run(capsys, "target", "task", str(zh_board))
    assert code == 1 and err == "opsboard：2025 年还没有实际数据：请先导入（`opsboard import-actuals BOARD FILE.csv`）\n"
    code, out, err = run(capsys, "target", "versions", str(zh_board))
    assert code == 0 and out.startswith("v1（当前）")


def test_a_hand_broken_board_is_named_in_chinese_pydantics_words_too(zh_board: Path, capsys) -> None:
    data = orjson.loads(zh_board.read_bytes())
    item = next(iter(data["checklist"]))
    data["checklist"][item]["due"] = "2025-13-45"
    zh_board.write_bytes(orjson.dumps(data))
    code, out, err = run(capsys, "check", str(zh_board))
    assert code == 1 and out == ""
    assert f"表“checklist”的文档“{item}”：due：“2025-13-45”不是日期（YYYY-MM-DD）" in err
    assert "Input should" not in err and "table '" not in err


@pytest.mark.parametrize(
    ("raw", "damage"),
    [
        (b"", "看板文件已损坏（文件是空的）"),
        (b'{"meta": {}}', "看板文件已损坏（缺少看板设置（表“meta”））"),
        (b'{"meta": ', "看板文件已损坏（第 1 行第 10 列不是有效的 JSON）"),
    ],
)
def test_a_file_that_is_no_board_says_so_in_chinese(tmp_path: Path, capsys, monkeypatch, raw: bytes, damage: str) -> None:
    monkeypatch.setenv("OPSBOARD_LANG", "zh")
    board = tmp_path / "b.json"
    board.write_bytes(raw)
    code, out, err = run(capsys, "check", str(board))
    assert code == 1 and out == "" and damage in err


def test_bad_imported_cells_are_reasons_in_chinese(zh_board: Path, tmp_path: Path, capsys) -> None:
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "date,channel,pv,uv,orders,revenue,ad_spend\n2025-03-01,Tmall,300,400,5,1000,10\n2025-03-02,Tmall,abc,100,5,1000,10\n"
        "2025-03-03,Tmall,300,100,5.5,1000,10\n2025-02-30,Tmall,300,100,5,1000,10\n2025-03-05,Tmall,300,100,5,1000,10\n"
        "2025-03-05,Tmall,300,100,5,1000,10\n",
        encoding="utf-8",
    )
    before = zh_board.read_bytes()
    code, out, err = run(capsys, "import-actuals", str(zh_board), str(csv))
    assert code == 1 and out == ""
    assert err.splitlines()[1:] == [
        "第 2 行：访客数（400）多于浏览量（300）",
        "第 3 行：浏览量（abc）不是整数",
        "第 4 行：支付订单数（5.5）不是整数",
        "第 5 行：日期（2025-02-30）不是日历上的日期",
        "第 7 行：与第 6 行的日期和渠道相同",
    ]
    assert zh_board.read_bytes() == before


def test_a_bad_due_date_is_named_once_in_chinese(zh_board: Path, capsys) -> None:
    code, out, err = run(capsys, "task", "add", str(zh_board), "--dept", "设计部", "--title", "主图", "--due", "2026-02-30")
    assert code == 1 and out == ""
    assert err == "opsboard：--due：“2026-02-30”不是日期（可写 YYYY-MM-DD、2026/12/1、12-1、12月1日、今天、明天 或 +3d）\n"


def test_an_import_reads_in_the_activity_in_the_readers_language(zh_board: Path, tmp_path: Path, capsys) -> None:
    from opsboard import i18n
    from opsboard.services.activity import describe
    from opsboard.store import BoardStore

    csv = tmp_path / "sales.csv"
    csv.write_text("date,channel,pv,uv,orders,revenue,ad_spend\n2025-03-01,Tmall,300,100,5,1000,10\n", encoding="utf-8")
    assert run(capsys, "import-actuals", str(zh_board), str(csv), "--user", "liu")[0] == 0
    store = BoardStore(zh_board, user="lin")
    [entry] = [e for e in store.activity() if e.table == "actuals"]
    assert describe(entry, store) == "liu 从 sales.csv 导入了 1 行"
    i18n.set_language("en")
    assert describe(entry, store) == "liu imported 1 row from sales.csv"


def test_check_and_the_backups_list_in_chinese(zh_board: Path, capsys) -> None:
    code, out, err = run(capsys, "check", str(zh_board))
    assert (code, err) == (0, "") and out == f"{zh_board}：正常 — “店铺运营看板”，0 个任务，22 个清单事项，版本号 0\n"
    assert run(capsys, "task", "add", str(zh_board), "--dept", "设计部", "--title", "主图")[0] == 0
    code, out, err = run(capsys, "restore", str(zh_board))
    assert code == 0 and out.splitlines()[1].split() == ["N", "保存时间", "大小", "完好", "任务数", "版本号"]
    assert out.splitlines()[3].split()[5] == "是"  # N, day, time, size, KB, good
