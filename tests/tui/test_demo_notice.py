"""Issue 13: the `--demo` notice says where the copy is without breaking the
folder's path in the middle of a word at 80 columns, in either language."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text
from test_toast_placement import toasts_on

from opsboard import i18n
from opsboard.commands import tui


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_demo_notice_keeps_the_folder_whole_at_80_columns(language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.override_language(language)
    store, notice = tui._open(argparse.Namespace(demo=True, board=None), "ana")
    try:
        from opsboard.tui.app import OpsboardApp

        app = OpsboardApp(store, notice=notice)
        app.animation_level = "none"
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            for _ in range(5):
                await pilot.pause(0.05)
            [toast] = toasts_on(app.screen)
            lines = [line.plain.strip() for line in Text(notice).wrap(Console(), toast.content_region.width)]
        folder = str(Path(store.path).parent)
        assert any(line.endswith(folder) for line in lines), lines  # unbroken, at the end of a line
    finally:
        tui._end_demo()  # as the command does when the app ends
