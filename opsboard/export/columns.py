"""A table's columns declared once, rendered by every front end.

A `Column` holds its heading (a lazy translated string, read when drawn),
a narrower heading for tight screens, its alignment and how a row becomes
the cell's text. The Markdown exporters render a list of columns with
`markdown_table`; the TUI's tables (`tui/widgets/month_table.py`,
`report_table.py`) draw the same list. So a heading, a figure's format or a
minus sign cannot differ between the screen and the export.

Lives in export/ because both layers may import it (the TUI imports export/,
never the other way round); it needs nothing but the translation layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from opsboard.i18n import _
from opsboard.i18n.formats import number, order_value_decimals, short_amount

from .markdown import escape, table

Align = Literal["left", "right"]


def _plain(text: str) -> str:
    return text


def _no_department(key: str | None) -> str:
    return key or ""


@dataclass(frozen=True)
class Render:
    """How a front end wants its cells: `compact` amounts (1.20M, 120万) for
    a narrow screen, user text made safe (Markdown escapes it), department ids
    as the board names them, which row is the totals row and how it and a
    partial period are labelled."""

    compact: bool = False
    text: Callable[[str], str] = _plain
    department: Callable[[str | None], str] = _no_department
    totals: Any = None
    partial: Callable[[str, Any], str] = field(default=lambda label, row: label + "*")  # a period with fewer days of data
    total: str | None = None  # the totals row's label (None: "Total")
    order_value_decimals: int | None = None  # one for the column (`for_rows`); None: each value alone

    def for_rows(self, rows: Sequence[Any]) -> Render:
        """This render with the decimals of the order values in `rows` (a column reads alike)."""
        decimals = order_value_decimals(*(getattr(row, "order_value", None) for row in rows))
        return replace(self, order_value_decimals=decimals)

    def order_value(self, value: float | None) -> str:
        """255 beside whole amounts; 19.90 where cents matter (i18n.formats.order_value_decimals)."""
        decimals = order_value_decimals(value) if self.order_value_decimals is None else self.order_value_decimals
        return number(value, decimals)

    def amount(self, value: float | None, decimals: int = 0) -> str:
        """1,234,567 / −3.50 (a true minus); compact: 1.23M / 123万."""
        if value is not None and self.compact:
            return short_amount(value)
        return number(value, decimals)

    def is_total(self, row: Any) -> bool:
        """A totals row: the review's year totals say so themselves."""
        return getattr(row, "total", False) is True or (self.totals is not None and row is self.totals)

    def total_label(self) -> str:
        return _("Total") if self.total is None else self.total


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # lazy: `_l("Target")`; the export's, and the screen's without `narrow`
    cell: Callable[[Any, Render], str]
    align: Align = "right"
    narrow: str | None = None  # the screen's heading (lazy too)
    short: str | None = None  # the screen's where even that is too wide

    def heading(self, narrow: bool = False, short: bool = False) -> str:
        for choice in (self.short if short else None, self.narrow if narrow or short else None, self.header):
            if choice is not None:
                return str(choice)
        return ""


def markdown_table(columns: Sequence[Column], rows: Iterable[Any], render: Render | None = None) -> str:
    """A GFM table of `rows` under `columns`; the totals row's first cell in bold."""
    rows = list(rows)
    render = (render or Render(text=escape)).for_rows(rows)
    lines = []
    for row in rows:
        cells = [column.cell(row, render) for column in columns]
        if render.is_total(row) and cells:
            cells[0] = f"**{cells[0]}**"
        lines.append(cells)
    return table([column.heading() for column in columns], lines, [column.align for column in columns])
