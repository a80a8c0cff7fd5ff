"""The command palette on a Chinese board: its search box, the keys as the
footer shows them and 'no matches' in Chinese; Textual's words it replaces
are pinned to the Textual version they were copied from."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from textual.command import CommandInput, CommandList, CommandPalette

from opsboard.services.board_files import init_board
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.palette import OpsCommandPalette, ViewActions


@pytest.fixture
def chinese_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:00+08:00")
    return init_board(tmp_path / "zh.json", user="lin", language="zh", year=2026).path


async def test_the_palette_speaks_chinese_and_shows_keys_as_the_footer_does(chinese_board: Path) -> None:
    app = OpsboardApp(BoardStore(chinese_board, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        helps = {label: keys for label, keys, _ in ViewActions(app.screen)._commands()}
        assert helps["帮助"] == "按键：?" and helps["重做"] == "按键：^r"  # not question_mark, ctrl+r
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "搜索命令…"
        await pilot.press(*"zzqqxx")
        for _ in range(10):
            await pilot.pause(0.1)
        options = app.screen.query_one(CommandList)
        assert options.option_count == 1
        assert "没有匹配的命令" in str(options.get_option_at_index(0).prompt.renderable)


def test_the_copied_no_matches_countdown_is_textuals_own() -> None:
    """OpsCommandPalette copies Textual 8's `_start_no_matches_countdown` for
    its one literal: an upgrade that changes it must be looked at again."""
    theirs = inspect.getsource(CommandPalette._start_no_matches_countdown)
    assert '"No matches found"' in theirs and "self._NO_MATCHES_COUNTDOWN" in theirs and "self._list_visible = False" in theirs
    assert OpsCommandPalette._start_no_matches_countdown is not CommandPalette._start_no_matches_countdown


async def test_the_theme_picker_speaks_chinese(chinese_board: Path) -> None:
    app = OpsboardApp(BoardStore(chinese_board, user="lin"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.search_themes()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == "搜索主题…"
        await pilot.press(*"zzqqxx")
        for _ in range(10):
            await pilot.pause(0.1)
        assert "没有匹配的命令" in str(app.screen.query_one(CommandList).get_option_at_index(0).prompt.renderable)
