"""Chinese line breaking (kinsoku): no wrapped line on screen starts with
closing punctuation (、。，）」) or ends with an opening one (（“), checked
on view 5's finish question, which lists the departments not walked yet
(设计部、市场部、…), at 80×24 and 60×20, and on the line divider itself."""

from __future__ import annotations

from pathlib import Path

import pytest
import rich._wrap
from rich.cells import cell_len
from test_chinese_standup import chinese_board, make_app, open_standup  # noqa: F401  (the fixture)
from textual.content import Content
from textual.widgets import Static

from opsboard.tui.line_breaks import CLOSING, OPENING, keep_punctuation_off_line_starts, kinsoku
from opsboard.tui.modals.confirm import ConfirmScreen

keep_punctuation_off_line_starts()  # as the app does when it is imported

NOT_WALKED = "还没走到：市场部、客服部、产品开发部、人力资源部、商务拓展部、数据分析部、运营部、店铺管理部"


def wrapped(text: str, width: int) -> list[str]:
    return [line.plain.rstrip() for line in Content(text).wrap(width)]


def test_rich_alone_starts_lines_with_a_pause_mark() -> None:
    """What the fix is for: Rich folds a Chinese run at any character."""
    offsets = rich._wrap.divide_line(NOT_WALKED, 20)
    lines = [NOT_WALKED[a:b] for a, b in zip([0, *offsets], [*offsets, len(NOT_WALKED)], strict=True)]
    assert any(line[0] in CLOSING for line in lines), lines


@pytest.mark.parametrize("width", range(10, 60))
def test_no_line_starts_with_closing_punctuation_at_any_width(width: int) -> None:
    for text in (
        NOT_WALKED,
        "把“A · 了解市场规模与前景预测分析”标为完成。已完成（3/5），还剩「两项」！",
        "Done includes 2 archived cards, listed.",
    ):
        lines = wrapped(text, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
        for line in lines:
            assert cell_len(line) <= width, lines
        for line in lines[1:]:
            assert line[:1] not in CLOSING, (width, lines)
        for line in lines[:-1]:
            assert line[-1:] not in OPENING, (width, lines)


def test_english_wraps_as_before() -> None:
    text = "Done includes 2 archived cards, not listed (export with --include-archived, or filter archived:yes in the app)."
    for width in range(10, 80):
        assert kinsoku(rich._wrap.divide_line)(text, width) == rich._wrap.divide_line(text, width)


def dialog_lines(screen: ConfirmScreen) -> list[str]:
    """Each line the question's texts show, as drawn."""
    lines: list[str] = []
    for static in screen.query(Static):
        if static.size.width:
            lines += [strip.text.strip() for strip in static.render_lines(static.size.region)]
    return [line for line in lines if line]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_finish_question_starts_no_line_with_a_pause_mark(chinese_board: Path, size: tuple[int, int]) -> None:
    app = make_app(chinese_board)
    async with app.run_test(size=size) as pilot:
        await open_standup(pilot)
        await pilot.press("f")  # after one department of nine: asked
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmScreen)
        lines = dialog_lines(question)
        assert any("、" in line for line in lines) and len([line for line in lines if "、" in line]) > 1  # the list wraps
        assert [line for line in lines if line[0] in CLOSING] == [], lines
