"""The app speaks its board's language: a Chinese board shows a Chinese
header, footer and `?` help (key descriptions declared before the language
was chosen follow it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from checklists_fixture import NOW

from opsboard import i18n
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp


@pytest.fixture
def chinese_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    return init_board(tmp_path / "zh.json", user="lin", language="zh", year=2026).path


def footer_words(app: OpsboardApp) -> list[str]:
    return [description for _, description in app.screen.query_one("KeyFooter").shown_keys()]


async def test_a_chinese_board_opens_a_chinese_interface(chinese_board: Path) -> None:
    app = OpsboardApp(BoardStore(chinese_board, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.sub_title.startswith("lin · 已保存")
        assert {"帮助", "退出"} <= set(footer_words(app))
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = str(app.screen.query_one("#help-text").render())  # opsboard's own help (issue 18 case 1)
        assert "退出" in help_text and "帮助" in help_text
        assert "Quit" not in help_text and "Everywhere" not in help_text


async def test_ui_lang_english_keeps_a_chinese_board_in_english(chinese_board: Path) -> None:
    i18n.override_language("en")
    app = OpsboardApp(BoardStore(chinese_board, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "saved" in app.sub_title and "Quit" in footer_words(app)


@pytest.mark.parametrize("width", [70, 80, 120])
async def test_view_1_keeps_its_chinese_column_headings_whole(chinese_board: Path, width: int) -> None:
    app = OpsboardApp(BoardStore(chinese_board, user="lin"))
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#items")
        headings = {str(column.label): column.width for column in table.columns.values()}
        assert {"编号", "事项", "部门", "负责人", "截止"} <= set(headings)  # '负责人' (owner), never cut to '负责'
        assert all(width >= len(label) * 2 for label, width in headings.items())
