"""The command line in Chinese: `LANG=zh_CN.UTF-8`, `--ui-lang zh`, or a Chinese
board. Messages, errors and --help (argparse's own words too); exit codes unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from opsboard.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_is_chinese_on_a_chinese_locale() -> None:
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    env.pop("LC_ALL", None)
    result = subprocess.run([sys.executable, "-m", "opsboard", "--help"], capture_output=True, text=True, env=env)
    assert result.returncode == 0
    assert result.stdout.startswith("用法：opsboard")
    assert "在终端应用中打开看板" in result.stdout
    assert "选项:" in result.stdout and "显示此帮助信息并退出" in result.stdout
    assert "usage" not in result.stdout and "options" not in result.stdout


def test_wrong_usage_says_so_in_chinese_with_exit_2(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, err = run(capsys, "init")
    assert code == 2
    assert err.startswith("用法：opsboard init")
    assert err.splitlines()[-1] == "opsboard init：错误：缺少必需的参数：看板"


def test_ui_lang_beats_the_locale(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "--ui-lang", "en", "init", "--help")
    assert code == 0 and out.startswith("usage: opsboard init")
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out, _ = run(capsys, "init", "--ui-lang=zh", "--help")
    assert code == 0 and "用模板新建看板" not in out and "要创建的看板文件" in out


def test_init_on_a_chinese_locale_makes_a_chinese_board_and_says_so_in_chinese(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    board = tmp_path / "b.json"
    code, out, err = run(capsys, "init", str(board), "--year", "2026")
    assert (code, err) == (0, "")
    assert out.startswith(f"已创建 {board}：") and "（zh，2026 年），22 个清单事项" in out


def test_a_bad_board_is_one_chinese_line_with_exit_1(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPSBOARD_LANG", "zh")
    board = tmp_path / "b.json"
    board.write_text("{not json", encoding="utf-8")
    code, out, err = run(capsys, "check", str(board))
    assert code == 1 and out == ""
    assert err.startswith("opsboard：") and err.count("\n") == 1


def test_tasks_on_a_chinese_board_take_and_print_chinese_statuses(capsys, tmp_path: Path) -> None:
    board = tmp_path / "zh.json"
    assert run(capsys, "init", str(board), "--lang", "zh")[0] == 0
    code, out, err = run(capsys, "task", "add", str(board), "--dept", "设计部", "--title", "双11 主图", "--due", "2026-11-01")
    assert (code, err) == (0, "")
    task_id = out.strip()
    code, out, err = run(capsys, "task", "set", str(board), task_id, "--status", "进行中")
    assert (code, err) == (0, "")
    assert out.split()[1] == "进行中"
    code, out, err = run(capsys, "task", "set", str(board), task_id, "--status", "受阻")
    assert code == 1 and out == ""
    assert err == "opsboard：--reason：受阻的任务需要写明原因：在等什么？（请加上 --reason 原因）\n"
    code, out, err = run(capsys, "task", "list", str(board), "--status", "已完成")
    assert (code, out, err) == (0, "", "没有符合条件的任务。\n")
    code, out, err = run(capsys, "task", "set", str(board), task_id, "--status", "搁置")
    assert code == 1 and "未知状态“搁置”" in err


def test_the_filter_takes_chinese_keywords(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-05T09:00:00+08:00")
    board = tmp_path / "zh.json"
    run(capsys, "init", str(board), "--lang", "zh")
    for title, owner, due, tags, priority in (
        ("主图", "王", "2026-11-01", "双11", "1"),
        ("详情页", "李", "2026-11-05", "", "2"),
        ("直播", "王", "2026-12-20", "双12", "3"),
    ):
        args = ["task", "add", str(board), "--dept", "设计部", "--title", title, "--owner", owner, "--due", due, "--priority", priority]
        run(capsys, *args, *(["--tags", tags] if tags else []))

    def titles(expression: str) -> list[str]:
        code, out, _ = run(capsys, "task", "list", str(board), "--filter", expression, "--json")
        assert code == 0
        return sorted(task["title"] for task in __import__("json").loads(out))

    assert titles("负责人:王") == sorted(["主图", "直播"])
    assert titles("标签:双11") == ["主图"]
    assert titles("截止:逾期") == ["主图"] and titles("截止：今天") == ["详情页"]  # the full-width colon too
    assert titles("优先级:3") == ["直播"]
    assert titles("owner:王 截止:本周") == []
    code, _, err = run(capsys, "--ui-lang", "zh", "task", "list", str(board), "--filter", "截止:明年")
    assert code == 1 and "截止:逾期" in err


def test_a_missing_board_is_one_chinese_line_and_exit_1(capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, err = run(capsys, "check", str(tmp_path / "none.json"))
    assert (code, out) == (1, "")
    assert err == f"opsboard：{tmp_path / 'none.json'}：没有这个看板（用 `opsboard init {tmp_path / 'none.json'}` 新建一个）\n"


def test_keys_name_their_places_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "keys")
    assert code == 0
    rows = {line.split()[0]: line.split()[-1] for line in out.splitlines()[1:] if line.strip() and "." in line.split()[0]}
    assert rows["view.checklists"] == "所有视图"
    assert rows["view.export"] == "阶段清单、任务看板、目标、复盘、站会"
    assert not any(place.isascii() for place in rows.values())  # every place in Chinese


def test_a_file_that_cannot_be_read_says_why_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    board = tmp_path / "b.json"
    assert run(capsys, "init", str(board))[0] == 0
    code, _, err = run(capsys, "import-actuals", str(board), str(tmp_path / "missing.csv"))
    assert code == 1
    assert err.strip() == f"opsboard：{tmp_path / 'missing.csv'}：无法读取CSV（文件或文件夹不存在）"
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, _, err = run(capsys, "import-actuals", str(board), str(tmp_path / "missing.csv"), "--ui-lang", "en")
    assert err.strip().endswith("(No such file or directory)")  # English: the system's own words


def test_positional_arguments_are_named_in_chinese_and_their_help_lines_up(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "task", "set", "--help")
    assert code == 0
    lines = out.splitlines()
    assert any(line.strip() == "看板 编号" for line in lines)  # the usage line
    board = next(line for line in lines if line.startswith("  看板 "))
    option = next(line for line in lines if line.startswith("  -h, --help "))
    cells = lambda text: sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in text)
    assert cells(board[: board.index("看板文件")]) == cells(option[: option.index("显示")])  # help in one column
    code, out, _ = run(capsys, "people", "--help")
    assert "操作" in out and "ACTION" not in out
    monkeypatch.setenv("LANG", "C.UTF-8")
    code, out, _ = run(capsys, "task", "set", "--help")
    assert "  board                the board file" in out  # English as declared


def test_the_roster_is_headed_in_chinese(capsys, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    board = tmp_path / "b.json"
    assert run(capsys, "init", str(board))[0] == 0
    assert run(capsys, "people", "add", str(board), "wang", "--display", "王芳", "--dept", "设计部")[0] == 0
    code, out, _ = run(capsys, "people", "list", str(board))
    assert code == 0 and out.splitlines()[0].split() == ["姓名", "显示名", "部门"]
