"""A bar chart of one figure over time, drawn with block characters.

One bar per period; when there are more periods than columns (three years of
weeks at 80 columns) the chart shows a window that follows the selected
period. The selected bar is drawn in the accent colour with a shaded column
behind it, so it stands out without colour too. The scale is the highest
value of all periods, so scrolling never rescales the bars.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from opsboard.i18n import _
from opsboard.i18n.formats import month_abbr, number

EIGHTHS = " ▁▂▃▄▅▆▇█"
SHADE = "░"
MAX_BAR_WIDTH = 5


def axis_label(label: str) -> str:
    """A period's label as short as the axis needs: '2026-03' → 'Mar',
    '2026-W09' → 'W9', '2026-03-02' → '03-02' (the title line names the year)."""
    if match := re.fullmatch(r"\d{4}-(\d{2})\*?", label):
        return month_abbr(int(match.group(1)))
    if match := re.fullmatch(r"\d{4}-W(\d{2})\*?", label):
        return f"W{int(match.group(1))}"
    if match := re.fullmatch(r"\d{4}-(\d{2}-\d{2})\*?", label):
        return match.group(1)
    return label


def axis_line(labels: Sequence[str], x_of: Callable[[int], int], width: int) -> str:
    """The labels under their bars, each where it starts and only where it
    does not run into the one before (every other week when they crowd)."""
    line = ""
    for index, label in enumerate(labels):
        x = x_of(index)
        text = axis_label(label)
        if x < cell_len(line) + (1 if line else 0) or x + cell_len(text) > width:
            continue
        line += " " * (x - cell_len(line)) + text  # by display width: 11月 is four cells
    return line + " " * max(0, width - cell_len(line))


def chart_layout(count: int, width: int) -> tuple[int, int, int]:
    """(bar width, gap, how many bars fit) for `count` periods in `width` columns."""
    if count <= 0 or width <= 0:
        return 1, 0, 0
    slot = width // count
    if slot >= 2:
        return min(slot - 1, MAX_BAR_WIDTH), 1, count
    return 1, 0, min(count, width)


def bar_levels(values: Sequence[float], rows: int) -> list[int]:
    """Each value's height in eighths of a row, the highest value filling `rows`.
    A value above zero shows at least one eighth."""
    top = max(values, default=0)
    if top <= 0:
        return [0] * len(values)
    full = rows * 8
    return [max(1, round(v / top * full)) if v > 0 else 0 for v in values]


def window_start(offset: int, selected: int | None, visible: int, count: int) -> int:
    """The first period shown: the old window moved just enough to keep the
    selected period in view."""
    if visible >= count:
        return 0
    if selected is not None:
        if selected < offset:
            offset = selected
        elif selected >= offset + visible:
            offset = selected - visible + 1
    return max(0, min(offset, count - visible))


class BarChart(Widget):
    """The first line names the figure, its scale and the selected period;
    the last names the months or weeks under their bars (from 4 lines up); the
    lines between are bars."""

    DEFAULT_CSS = """
    BarChart { height: 4; }
    BarChart > .bar-chart--title { text-style: bold; }
    BarChart > .bar-chart--bar { color: $primary; }
    BarChart > .bar-chart--selected { color: $accent; }
    BarChart > .bar-chart--muted { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"bar-chart--title", "bar-chart--bar", "bar-chart--selected", "bar-chart--muted"}

    def __init__(self, title: str, formatter: Callable[[float], str] = number, **kwargs) -> None:
        super().__init__(**kwargs)
        self.chart_title = title
        self.formatter = formatter
        self.labels: tuple[str, ...] = ()
        self.values: tuple[float, ...] = ()
        self.selected: int | None = None
        self.first_shown = 0
        self._lines: list[Strip] | None = None

    def show(self, labels: Sequence[str], values: Sequence[float], selected: int | None = None) -> None:
        """New periods; `selected` is the index of the highlighted one."""
        self.labels, self.values = tuple(labels), tuple(values)
        self.first_shown = len(self.values)  # a new series opens on its latest periods
        self.select(selected)

    def select(self, selected: int | None) -> None:
        self.selected = selected if selected is not None and 0 <= selected < len(self.values) else None
        self._lines = None
        self.refresh()

    def on_resize(self) -> None:
        self._lines = None

    # -- drawing -------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        if self._lines is None or len(self._lines) != self.size.height:
            self._lines = self._draw()
        return self._lines[y] if y < len(self._lines) else Strip.blank(self.size.width)

    def _draw(self) -> list[Strip]:
        width, height = self.size.width, self.size.height
        if height <= 0 or width <= 0:
            return []
        labelled = height >= 4  # two rows of bars at least
        rows = height - (2 if labelled else 1)
        count = len(self.values)
        bar_width, gap, visible = chart_layout(count, width)
        self.first_shown = window_start(self.first_shown, self.selected, visible, count)
        shown = range(self.first_shown, self.first_shown + visible)
        lines = [self._title_line(width, shown)]
        levels = bar_levels(self.values, rows)
        bar = self.get_component_rich_style("bar-chart--bar", partial=True)
        chosen = self.get_component_rich_style("bar-chart--selected", partial=True)
        muted = self.get_component_rich_style("bar-chart--muted", partial=True)
        base = self.rich_style
        for row in range(rows):
            floor = (rows - 1 - row) * 8  # eighths below this line
            segments = []
            for index in shown:
                fill = min(8, max(0, levels[index] - floor))
                if index == self.selected:
                    char, style = (EIGHTHS[fill], chosen) if fill else (SHADE, muted)
                else:
                    char, style = EIGHTHS[fill], bar
                segments.append(Segment(char * bar_width, base + style))
                if gap:
                    segments.append(Segment(" " * gap, base))
            lines.append(Strip(segments).adjust_cell_length(width, base))
        if labelled:
            axis = axis_line([self.labels[i] for i in shown], lambda n: n * (bar_width + gap), width)
            lines.append(Strip([Segment(axis, base + muted)]).crop(0, width))
        return lines

    def _title_line(self, width: int, shown: range) -> Strip:
        base = self.rich_style
        title = self.get_component_rich_style("bar-chart--title", partial=True)
        muted = self.get_component_rich_style("bar-chart--muted", partial=True)
        parts: list[tuple[str, Style]] = [(self.chart_title, title)]
        if self.values:
            parts.append(("  " + _("max {value}").format(value=self.formatter(max(self.values))), muted))
        if self.selected is not None:
            parts.append((f"  {self.labels[self.selected]}: {self.formatter(self.values[self.selected])}", base))
        hidden = []
        if shown and shown.start > 0:
            hidden.append(_("◀ {n} earlier").format(n=shown.start))
        if shown and shown.stop < len(self.values):
            hidden.append(_("{n} later ▶").format(n=len(self.values) - shown.stop))
        if hidden:
            parts.append(("  " + " · ".join(hidden), muted))
        return Strip([Segment(text, base + style) for text, style in parts]).adjust_cell_length(width, base).crop(0, width)
