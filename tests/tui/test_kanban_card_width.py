"""Issue 18 case 6: a kanban card never overflows its column, whatever the
title, owner, tags or width (a part ending exactly at the edge used to get an
ellipsis appended one cell past the border: `│ chen · 09-20│`)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from opsboard.model import Task, TaskStatus
from opsboard.tui.widgets.kanban_board import CARD_LINES, Column, KanbanBoard, _fit

COLUMNS = [(TaskStatus.TODO, "To do"), (TaskStatus.DOING, "Doing"), (TaskStatus.BLOCKED, "Blocked"), (TaskStatus.DONE, "Done")]
# printable text, wide characters and emoji included; no control characters (the model refuses them)
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1, max_size=60).filter(str.strip)


def board() -> KanbanBoard:
    kanban = KanbanBoard(COLUMNS)
    kanban._style = lambda name: Style()  # no app to read the colours from
    kanban.today = date(2026, 3, 2)
    return kanban


def column_widths(total: int) -> list[int]:
    """How the widget splits its width (the same sum as KanbanBoard._layout)."""
    return [total // 4 + (1 if n < total % 4 else 0) for n in range(4)]


@settings(max_examples=300, deadline=None)
@given(
    total=st.integers(min_value=20, max_value=200),
    title=TEXT,
    owner=st.one_of(st.just(""), TEXT),
    tags=st.lists(st.text("abcdefghij618", min_size=1, max_size=12), max_size=3),
    reason=TEXT,
    due=st.one_of(st.none(), st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))),
    status=st.sampled_from(list(TaskStatus)),
)
def test_every_card_line_fills_its_column_exactly(total, title, owner, tags, reason, due, status) -> None:
    task = Task(id="t-1", department="design", title=title, owner=owner, tags=tags, due=due, status=status, blocked_reason=reason)
    kanban = board()
    for width in set(column_widths(total)):
        inner = max(1, width - 2)
        column = Column(status, "x", cards=[task])
        for line in range(CARD_LINES):
            for cursor, heavy in ((False, False), (True, False), (True, True)):
                piece = kanban._card_piece(column, 0, line, cursor, heavy, inner, Style())
                drawn = "".join(segment.text for segment in piece)
                assert cell_len(drawn) == inner, (width, line, drawn)


def test_a_part_ending_at_the_edge_gets_no_ellipsis_past_it() -> None:
    # "chen · 09-20" is 12 cells: in 12 it fits whole when nothing follows, cut when tags follow
    parts = [("chen", None), (" · ", None), ("09-20", None)]
    assert "".join(s.text for s in _fit(parts, 12, Style())) == "chen · 09-20"
    cut = "".join(s.text for s in _fit([*parts, (" · ", None), ("#ppc", None)], 12, Style()))
    assert cut == "chen · 09-2…" and cell_len(cut) == 12
