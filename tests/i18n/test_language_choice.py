"""Which language the interface speaks: --ui-lang, else OPSBOARD_LANG, else the
board's, else (no board) the locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard import i18n
from opsboard.cli import main
from opsboard.services.board_files import init_board, open_board


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, "en"),  # POSIX order: LC_ALL, LC_MESSAGES, LANG
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_locale_decides_when_nothing_else_does(environ: dict, expected: str) -> None:
    assert i18n.locale_language(environ) == expected
    assert i18n.override_language(None, environ) == expected


def test_the_flag_beats_the_variable_which_beats_the_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    board = init_board(tmp_path / "zh.json", user="t", language="zh").path
    i18n.override_language(None, {"LANG": "en_US.UTF-8"})
    open_board(board, user="t")
    assert i18n.language() == "zh"  # the board's
    i18n.override_language(None, {"LANG": "zh_CN.UTF-8", "OPSBOARD_LANG": "en"})
    open_board(board, user="t")
    assert i18n.language() == "en"  # the variable
    i18n.override_language("zh", {"OPSBOARD_LANG": "en"})
    assert i18n.language() == "zh"  # the flag


def test_a_first_board_made_on_a_chinese_locale_is_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["init", str(tmp_path / "b.json")]) == 0
    assert '"language":"zh"' in (tmp_path / "b.json").read_text(encoding="utf-8").replace(" ", "")
    from opsboard.services import board_files

    monkeypatch.setattr(board_files, "default_board_path", lambda: tmp_path / "default" / "board.json")
    store, notice = board_files.open_or_create_default("t")
    assert store.meta().language.value == "zh"
