"""Issue 13: the command palette's own words (its prompt, 'No matches
found') in the interface language, like its entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from textual.command import CommandInput

from opsboard import i18n
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp


@pytest.mark.parametrize(
    ("language", "prompt", "none"), [("zh", "搜索命令…", "没有匹配的命令"), ("en", "Search for commands…", "No matches found")]
)
async def test_the_palette_speaks_the_interface_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, prompt: str, none: str
) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    make_board(tmp_path / "shop.json")
    i18n.override_language(language)
    app = OpsboardApp(BoardStore(tmp_path / "shop.json", user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert palette.query_one(CommandInput).placeholder == prompt
        await pilot.press(*"zzqqxx")
        for _ in range(30):
            await pilot.pause(0.05)
            shown = [str(option.prompt) for option in palette.query_one("CommandList").options]
            if shown:
                break
        assert none in " ".join(shown)
