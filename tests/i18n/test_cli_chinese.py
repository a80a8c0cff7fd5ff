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
    assert err.splitlines()[-1] == "opsboard init：错误：缺少必需的参数：board"


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
