"""The review report as a table: one row per day, week or month and a totals
row per year.

Its columns are declared once with the review export's
(`export/review_columns.py`): the screen uses their narrow headings. Growth is
coloured up/down through the theme's $success and $error (its sign already
says which).

Wider than the window, the table scrolls sideways a whole column at a time
(h/l), the period column staying put; a `›` at the right of the header says
that more columns follow, a `‹` after the period column that some are
scrolled away. No scrollbar: its thumb floated under the table as a stray
`▋` (issue 18). A period only partly covered says which part: "2026-11 (26
of 30 days)"; there is one totals row per year.

Drawn with the Line API: a line is built from plain strings when it is shown,
so switching between three years of weeks and a year of months costs a few
milliseconds (a DataTable re-renders every cell through Rich). Cells are
padded by display width, so Chinese headings stay aligned.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from opsboard.export.columns import Column, Render
from opsboard.export.review_columns import SCREEN_COLUMNS, growth, report_columns
from opsboard.i18n import _l
from opsboard.i18n.formats import not_available

__all__ = ["TOTAL_KEY", "ReportTable", "growth"]

TOTAL_KEY = "total"
MORE_RIGHT = "›"
MORE_LEFT = "‹"
GROWTH_KEYS = frozenset(column.key for column in SCREEN_COLUMNS if "growth" in column.key)

Cell = tuple[str, str]  # text, style name ("" plain, "up", "down", "muted", "total")


def row_cells(columns: list[Column], row, render: Render) -> list[Cell]:
    """A report row as (text, style name) per column."""
    emphasis = "total" if render.is_total(row) else ""
    cells: list[Cell] = []
    for column in columns:
        text = column.cell(row, render)
        if column.key in GROWTH_KEYS:
            kind = "muted" if text == not_available() else {"+": "up", "−": "down"}.get(text[:1], "")
            cells.append((text, "" if emphasis else kind))
        elif column.key == "start":
            cells.append((text, ""))
        else:
            cells.append((text, emphasis))
    return cells


def pad(text: str, width: int, align: str) -> str:
    """`text` in `width` cells by display width (a Chinese character is two)."""
    room = " " * max(0, width - cell_len(text))
    return room + text if align == "right" else text + room


class ReportTable(ScrollView, can_focus=True):
    """Shows a `ReviewReport` (used by its fields only). The period column
    stays put while the figures scroll sideways; the header stays on top."""

    DEFAULT_CSS = """
    ReportTable { height: 1fr; background: $surface; overflow-x: hidden; }
    ReportTable > .report-table--header { text-style: bold; background: $panel; color: $foreground; }
    ReportTable > .report-table--even { background: $surface-lighten-1 50%; }
    ReportTable > .report-table--cursor {
        background: $block-cursor-blurred-background; color: $block-cursor-blurred-foreground;
    }
    ReportTable:focus > .report-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: $block-cursor-text-style;
    }
    ReportTable > .report-table--up { color: $success; }
    ReportTable > .report-table--down { color: $error; }
    ReportTable > .report-table--muted { color: $text-muted; }
    ReportTable > .report-table--total { text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"report-table--{name}" for name in ("header", "even", "cursor", "up", "down", "muted", "total")
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", _l("Up"), id="review.table.up", show=False),
        Binding("down,j", "cursor(1)", _l("Down"), id="review.table.down", show=False),
        Binding("pageup", "page(-1)", _l("Page up"), id="review.table.page_up", show=False),
        Binding("pagedown", "page(1)", _l("Page down"), id="review.table.page_down", show=False),
        Binding("home,g", "jump(0)", _l("First"), id="review.table.first", show=False),
        Binding("end,G", "jump(-1)", _l("Last"), id="review.table.last", show=False),
        Binding("left,h", "sideways(-1)", _l("Left"), id="review.table.left", show=False),
        Binding("right,l", "sideways(1)", _l("Right"), id="review.table.right", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Highlighted(Message):
        """The cursor is on another row; `key` is its label or TOTAL_KEY."""

        def __init__(self, index: int, key: str | None) -> None:
            self.index = index
            self.key = key
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.report = None
        self.keys: list[str] = []
        self.headers: list[str] = []
        self.aligns: list[str] = []
        self.rows: list[list[Cell]] = []
        self.row_keys: list[str] = []
        self.widths: list[int] = []
        self.first_column = 1  # the first figure column shown beside the period column
        self._layouts: dict[int, tuple] = {}

    # -- data ----------------------------------------------------------------
    def show_report(self, report) -> None:
        """Redraw for a report, keeping the cursor on the same period when it is
        still there, else on the latest period."""
        keep = self.current_key()
        self.report = report
        layout = self._layouts.get(id(report))
        if layout is None or layout[0] is not report:
            layout = (report, *self._layout(report))
            self._layouts[id(report)] = layout
        _, self.keys, self.headers, self.aligns, self.rows, self.row_keys, self.widths = layout
        self.virtual_size = Size(0, len(self.rows) + 1)  # sideways by whole columns, not by scrolling
        self.first_column = min(self.first_column, self._last_first_column())
        if keep in self.row_keys:
            self.cursor_row = self.row_keys.index(keep)
        else:
            self.cursor_row = max(0, len(report.rows) - 1)  # the latest period
        self.refresh()

    def forget(self) -> None:
        """Drop the cached layouts (the reports they were made for are gone)."""
        self._layouts.clear()

    @classmethod
    def lay_out_all(cls, reports: Iterable) -> dict[int, tuple]:
        """The layouts of these reports, made ahead: plain Python, so a
        worker thread can make them (see `keep_layouts`)."""
        return {id(report): (report, *cls._layout(report)) for report in reports}

    def keep_layouts(self, layouts: dict[int, tuple]) -> None:
        """Layouts made ahead (lay_out_all): showing their reports formats nothing."""
        self._layouts.update(layouts)

    @staticmethod
    def _layout(report) -> tuple:
        """Column keys, headers, alignments, cells, row keys and widths: the
        formatting is done once per report, so switching back is free."""
        columns = report_columns(report, SCREEN_COLUMNS, targets_last=False)
        render = Render(totals=report.totals).for_rows([*report.rows, *report.year_totals])  # one order value format
        keys = [column.key for column in columns]
        names = [column.heading(narrow=True) for column in columns]
        aligns = [column.align for column in columns]
        rows = [row_cells(columns, row, render) for row in report.rows]
        row_keys = [row.label for row in report.rows]
        for totals in report.year_totals:  # one per year, never across years; the latest is TOTAL_KEY
            rows.append(row_cells(columns, totals, render))
            row_keys.append(TOTAL_KEY if totals is report.totals else f"{TOTAL_KEY}-{totals.year}")
        widths = [max(cell_len(names[i]), *(cell_len(cells[i][0]) for cells in rows)) for i in range(len(keys))]
        return keys, names, aligns, rows, row_keys, widths

    def current_key(self) -> str | None:
        return self.row_keys[self.cursor_row] if 0 <= self.cursor_row < len(self.row_keys) else None

    def cell_text(self, key: str, column: str) -> str | None:
        """The text shown for a row (label or TOTAL_KEY) and column key."""
        if key not in self.row_keys or column not in self.keys:
            return None
        return self.rows[self.row_keys.index(key)][self.keys.index(column)][0]

    # -- columns shown -------------------------------------------------------
    def _room(self) -> int:
        """Cells beside the period column."""
        fixed = self.widths[0] + 2 if self.widths else 0
        return max(0, self.scrollable_content_region.width - fixed)

    def _fitting(self, first: int, room: int) -> list[int]:
        shown, used = [], 0
        for index in range(first, len(self.widths)):
            if used + self.widths[index] + 2 > room:
                break
            shown.append(index)
            used += self.widths[index] + 2
        return shown

    def shown_columns(self) -> list[int]:
        """The figure columns drawn now: whole columns only, leaving the last
        cell for the `›` when more follow."""
        room = self._room()
        shown = self._fitting(self.first_column, room)
        if shown and shown[-1] < len(self.widths) - 1:
            shown = self._fitting(self.first_column, room - 1)
        return shown

    def _last_first_column(self) -> int:
        """The first column from which every remaining column fits."""
        room = self._room()
        first = len(self.widths) - 1
        while first > 1 and len(self._fitting(first - 1, room)) == len(self.widths) - first + 1:
            first -= 1
        return max(1, first)

    # -- cursor --------------------------------------------------------------
    def validate_cursor_row(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(new, self.current_key()))

    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # less the header line

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        bottom = self.cursor_row
        totals = sum(1 for key in self.row_keys if key.startswith(TOTAL_KEY))
        if totals and bottom == len(self.rows) - totals - 1:
            bottom += totals  # on the latest period, keep the totals rows in view too
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, force=True, immediate=True)
        elif bottom >= top + self._body_height():
            self.scroll_to(y=bottom - self._body_height() + 1, animate=False, force=True, immediate=True)

    def action_cursor(self, step: int) -> None:
        self.cursor_row += step

    def action_page(self, step: int) -> None:
        self.cursor_row += step * self._body_height()

    def action_jump(self, where: int) -> None:
        self.cursor_row = len(self.rows) - 1 if where < 0 else 0

    def action_sideways(self, step: int) -> None:
        """One whole column left or right; stops once the last column shows."""
        self.first_column = max(1, min(self.first_column + step, self._last_first_column()))
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1:
            self.cursor_row = round(self.scroll_y) + offset.y - 1

    def on_resize(self) -> None:
        self.first_column = min(self.first_column, self._last_first_column())
        self._scroll_to_cursor()

    # -- drawing -------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        on_cursor = False
        if y == 0:
            line_style = base + self.get_component_rich_style("report-table--header", partial=True)
            cells: list[Cell] = [(text, "") for text in self.headers]
        else:
            index = round(self.scroll_y) + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, base)
            cells = self.rows[index]
            line_style = base
            if index % 2:
                line_style += self.get_component_rich_style("report-table--even", partial=True)
            on_cursor = index == self.cursor_row
            if on_cursor:
                line_style += self.get_component_rich_style("report-table--cursor", partial=True)
        if not cells:
            return Strip.blank(width, line_style)
        shown = self.shown_columns()
        segments = [self._segment(cells[i], self.widths[i], self.aligns[i], line_style, on_cursor) for i in [0, *shown]]
        if y == 0:
            segments = self._with_markers(segments, shown, line_style, width)
        return Strip(segments).adjust_cell_length(width, line_style).crop(0, width)

    def _with_markers(self, segments: list[Segment], shown: list[int], style: Style, width: int) -> list[Segment]:
        """`‹` after the period column when columns are scrolled away, `›` in
        the last cell when more follow."""
        if self.first_column > 1 and len(segments) > 1:
            text, first_style, _ = segments[1]
            segments[1] = Segment(MORE_LEFT + text[1:], first_style)
        if shown and shown[-1] < len(self.widths) - 1 or not shown and len(self.widths) > 1:
            used = sum(segment.cell_length for segment in segments)
            segments.append(Segment(" " * max(0, width - used - 1) + MORE_RIGHT, style))
        return segments

    def _segment(self, cell: Cell, width: int, align: str, line_style: Style, on_cursor: bool) -> Segment:
        text, kind = cell
        style = line_style
        if kind:
            style = line_style + self.get_component_rich_style(f"report-table--{kind}", partial=True)
            if on_cursor:  # the cursor's colours win; the +/− signs still tell up from down
                style += self.get_component_rich_style("report-table--cursor", partial=True)
        return Segment(f" {pad(text, width, align)} ", style)
