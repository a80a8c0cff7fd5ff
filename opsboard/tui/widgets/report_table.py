"""The review report as a table: one row per week or month and a totals row.

Numbers are right-aligned with thousands separators. Growth carries its sign
(+12.5% / −3.0%) so it reads without colour, and is coloured up/down through
the theme's $success and $error; growth against a zero or missing period
reads "n/a". A period only partly covered says which part: "2026-11 (26 of
30 days)"; there is one totals row per year.

Drawn with the Line API: a line is built from plain strings when it is shown,
so switching between three years of weeks and a year of months costs a few
milliseconds (a DataTable re-renders every cell through Rich).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

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

TOTAL_KEY = "total"


def amount(value: float | None, decimals: int = 0) -> str:
    """1,234 — or "n/a" for a figure the back office did not give."""
    return "n/a" if value is None else f"{value:,.{decimals}f}"


def ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.2f}"


def percent(value: float | None, decimals: int = 1) -> str:
    return "n/a" if value is None else f"{value * 100:,.{decimals}f}%"


def growth(value: float | None) -> str:
    """+12.5% / −3.0% (a real minus sign) / 0.0% / n/a."""
    if value is None:
        return "n/a"
    text = f"{abs(value) * 100:,.1f}%"
    if round(value * 100, 1) == 0:
        return text
    return ("+" if value > 0 else "−") + text


# key → (header, cell text). Growth columns are styled by their sign.
NUMBER_COLUMNS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "revenue": ("Revenue", lambda r: amount(r.revenue)),
    "revenue_growth": ("Rev ±", lambda r: growth(r.revenue_growth)),
    "revenue_growth_yoy": ("Rev YoY", lambda r: growth(r.revenue_growth_yoy)),
    "target": ("Target", lambda r: "n/a" if r.target is None else amount(r.target)),
    "attainment": ("Attain.", lambda r: percent(r.attainment)),
    "net_revenue": ("Net rev.", lambda r: amount(r.net_revenue)),
    "uv": ("UV", lambda r: amount(r.uv)),
    "uv_growth": ("UV ±", lambda r: growth(r.uv_growth)),
    "uv_growth_yoy": ("UV YoY", lambda r: growth(r.uv_growth_yoy)),
    "pv": ("PV", lambda r: amount(r.pv)),
    "pv_growth": ("PV ±", lambda r: growth(r.pv_growth)),
    "pv_per_uv": ("PV/UV", lambda r: ratio(r.pv_per_uv)),
    "orders": ("Orders", lambda r: amount(r.orders)),
    "buyers": ("Buyers", lambda r: amount(r.buyers)),
    "conversion": ("Conv.", lambda r: percent(r.conversion, 2)),
    "order_value": ("Order value", lambda r: amount(r.order_value, 2)),
    "ad_spend": ("Ad spend", lambda r: amount(r.ad_spend)),
    "roi": ("ROI", lambda r: ratio(r.roi)),
}
GROWTH_COLUMNS = frozenset(key for key in NUMBER_COLUMNS if "growth" in key)
TARGET_COLUMNS = ("target", "attainment")

Cell = tuple[str, str]  # text, style name ("" plain, "up", "down", "muted", "total")


OPTIONAL_COLUMNS = ("net_revenue", "buyers")  # shown when the import had refunds / buyers


def column_keys(period: str, with_targets: bool, known: frozenset[str] = frozenset()) -> list[str]:
    keys = ["label", *(["start"] if period == "week" else [])]  # a day's label is its date
    keys += [key for key in NUMBER_COLUMNS if (with_targets or key not in TARGET_COLUMNS) and (key not in OPTIONAL_COLUMNS or key in known)]
    return keys


def headers(keys: list[str], period: str) -> list[str]:
    names = {"label": {"day": "Day", "week": "Week"}.get(period, "Month"), "start": "Start"}
    return [names.get(key) or NUMBER_COLUMNS[key][0] for key in keys]


def row_cells(keys: list[str], row, total: bool = False) -> list[Cell]:
    """A report row as (text, style name) per column."""
    emphasis = "total" if total else ""
    cells: list[Cell] = []
    for key in keys:
        if key == "label":
            cells.append((row.title, emphasis))  # '2026-11 (26 of 30 days)', 'Total 2026 (330 of 365 days)'
        elif key == "start":
            cells.append(("" if total else row.start.isoformat(), ""))
        elif key in GROWTH_COLUMNS:
            if total:
                cells.append(("", ""))  # the totals row compares with nothing
                continue
            text = NUMBER_COLUMNS[key][1](row)
            cells.append((text, "muted" if text == "n/a" else {"+": "up", "−": "down"}.get(text[0], "")))
        else:
            cells.append((NUMBER_COLUMNS[key][1](row), emphasis))
    return cells


class ReportTable(ScrollView, can_focus=True):
    """Shows a `ReviewReport` (used by its fields only). The period column
    stays put while the figures scroll sideways; the header stays on top."""

    DEFAULT_CSS = """
    ReportTable { height: 1fr; background: $surface; }
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
        Binding("up,k", "cursor(-1)", "Up", id="review.table.up", show=False),
        Binding("down,j", "cursor(1)", "Down", id="review.table.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="review.table.page_up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="review.table.page_down", show=False),
        Binding("home,g", "jump(0)", "First", id="review.table.first", show=False),
        Binding("end,G", "jump(-1)", "Last", id="review.table.last", show=False),
        Binding("left,h", "sideways(-1)", "Left", id="review.table.left", show=False),
        Binding("right,l", "sideways(1)", "Right", id="review.table.right", show=False),
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
        self.virtual_size = Size(sum(width + 2 for width in self.widths), len(self.rows) + 1)
        if keep in self.row_keys:
            self.cursor_row = self.row_keys.index(keep)
        else:
            self.cursor_row = max(0, len(report.rows) - 1)  # the latest period
        self.refresh()

    def forget(self) -> None:
        """Drop the cached layouts (the reports they were made for are gone)."""
        self._layouts.clear()

    @staticmethod
    def _layout(report) -> tuple:
        """Column keys, headers, alignments, cells, row keys and widths: the
        formatting is done once per report, so switching back is free."""
        known = frozenset(key for key in OPTIONAL_COLUMNS if any(getattr(row, key) is not None for row in report.rows))
        keys = column_keys(report.period, any(row.target is not None for row in report.rows), known)
        names = headers(keys, report.period)
        aligns = ["left" if key in ("label", "start") else "right" for key in keys]
        rows = [row_cells(keys, row) for row in report.rows]
        row_keys = [row.label for row in report.rows]
        for totals in report.year_totals:  # one per year, never across years; the latest is TOTAL_KEY
            rows.append(row_cells(keys, totals, total=True))
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
        """Scroll one column left or right, never stopping inside a cell."""
        edges = [0]
        for width in self.widths[1:]:  # the first column stays put
            edges.append(edges[-1] + width + 2)
        now = round(self.scroll_x)
        if step > 0:
            target = next((edge for edge in edges if edge > now), now)
        else:
            target = next((edge for edge in reversed(edges) if edge < now), 0)
        self.scroll_to(x=min(target, self.max_scroll_x), animate=False, force=True)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1:
            self.cursor_row = round(self.scroll_y) + offset.y - 1

    def on_resize(self) -> None:
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
        segments = [self._segment(cells[i], self.widths[i], self.aligns[i], line_style, on_cursor) for i in range(len(cells))]
        if not segments:
            return Strip.blank(width, line_style)
        fixed = Strip(segments[:1])
        rest = Strip(segments[1:]).crop(round(self.scroll_x), round(self.scroll_x) + max(0, width - fixed.cell_length))
        return Strip.join([fixed, rest]).adjust_cell_length(width, line_style).crop(0, width)

    def _segment(self, cell: Cell, width: int, align: str, line_style: Style, on_cursor: bool) -> Segment:
        text, kind = cell
        padded = text.rjust(width) if align == "right" else text.ljust(width)
        style = line_style
        if kind:
            style = line_style + self.get_component_rich_style(f"report-table--{kind}", partial=True)
            if on_cursor:  # the cursor's colours win; the +/− signs still tell up from down
                style += self.get_component_rich_style("report-table--cursor", partial=True)
        return Segment(f" {padded} ", style)
