"""Issue 18 case 14: a notice over a dialog keeps every double-width
character. Textual's compositor blanked a character (双, 🎉) that straddled
any widget's edge under the notice — the dialog's border, its fields'
edges (Textual issue #6357); opsboard/tui/wide_characters.py divides the
notice's lines only where another widget shows instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from test_targets_view import make_board, open_targets
from textual.widgets._toast import Toast, ToastRack

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp

NOTICE = "双十二主图🎉与测试预算调整到下周一再确认一次吧谢谢大家辛苦了"


def full_screen(app) -> str:
    console = Console(width=app.size.width, height=app.size.height, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(app.screen._compositor.render_full_update())
    return console.export_text()


def partial_update(app, region) -> list[str]:
    """The screen as a terminal shows it after a partial update of `region`
    (the path a notice takes in a real terminal): the cursor moves and the
    text between them, laid on a grid of cells."""
    compositor = app.screen._compositor
    compositor._dirty_regions.add(region)
    update = compositor.render_partial_update()
    raw = update.render_segments(Console(width=app.size.width, color_system=None))
    grid = [[" "] * app.size.width for _ in range(app.size.height)]
    for y, x, text in re.findall(r"\x1b\[(\d+);(\d+)H([^\x1b]*(?:\x1b\[[0-9;]*m[^\x1b]*)*)", raw):
        column, row = int(x) - 1, int(y) - 1
        for char in re.sub(r"\x1b\[[0-9;]*m", "", text):
            if column < app.size.width:
                grid[row][column] = char
                if cell_len(char) == 2 and column + 1 < app.size.width:
                    grid[row][column + 1] = ""
            column += cell_len(char)
    return ["".join(cells) for cells in grid]


@pytest.mark.parametrize("shift", [0, 1, 2, 3])
async def test_a_chinese_notice_over_the_plan_form_keeps_every_character(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shift: int):
    monkeypatch.setenv("OPSBOARD_NOW", "2025-06-15T09:00:00+08:00")
    app = OpsboardApp(BoardStore(make_board(tmp_path), user="ana"))
    app.animation_level = "none"
    text = "x" * shift + NOTICE  # moves the characters across the dialog's edges
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_targets(pilot)
        await pilot.press("e")  # the plan form: a dialog under the notice
        await pilot.pause()
        app.notify(text, timeout=30)
        for _ in range(3):
            await pilot.pause(0.05)
        [toast] = app.screen.get_child_by_type(ToastRack).query(Toast)
        [dialog] = [widget for widget in app.screen.children if not isinstance(widget, ToastRack)]
        assert toast.region.x < dialog.region.right < toast.region.right  # it lies across the dialog's right border
        shown = full_screen(app)
        assert [char for char in NOTICE if char not in shown] == []
        lines = partial_update(app, toast.region)
        notice = "".join(line[toast.region.x : toast.region.right] for line in lines[toast.region.y : toast.region.bottom])
        assert [char for char in NOTICE if char not in notice] == []
