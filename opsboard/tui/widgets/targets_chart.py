"""Plan vs actual by month, drawn with block characters.

Each month is a pair of bars: the plan in light shade (░) and the actual in
solid blocks (█, topped in eighths ▁▂▃…), so the pair reads without colour.
Below them the month and its attainment. A month counted to a cut-off before
its end has as plan bar the target of the days counted, and the title says
which days ("Nov (26 of 30 days)", as the month table and view 4); a month
without actuals shows its plan only. The selected month's name is shown
in reverse video (visible without colour too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from opsboard.i18n import _
from opsboard.i18n.formats import month_abbr, percent, short_amount

EIGHTHS = " ▁▂▃▄▅▆▇█"
PLAN = "░"
ACTUAL = "█"
MAX_BAR = 3


@dataclass(frozen=True)
class ChartMonth:
    label: str  # "Jan"
    plan: float  # the target (to date, when the month has actuals)
    actual: float | None  # None: no actuals
    attainment: float | None
    covers: str = ""  # "Nov (26 of 30 days)": a month counted to a cut-off before its end


def chart_months(view) -> list[ChartMonth]:
    """The months of a services.targets.TargetsView as chart bars."""
    months = []
    for plan in view.breakdown.months:
        label = month_abbr(plan.month)
        row = view.actual(plan.month)
        if row is None:
            months.append(ChartMonth(label, plan.target, None, None))
        else:
            covers = _("{period} {coverage}").format(period=label, coverage=row.coverage) if row.partial else ""
            months.append(ChartMonth(label, row.target_to_date, row.actual, row.attainment, covers))
    return months


def layout(width: int, count: int = 12) -> tuple[int, int]:
    """(bar width, width of a month's slot) for `count` months in `width` columns."""
    slot = max(4, width // max(count, 1))
    bar = max(1, min(MAX_BAR, (slot - 1) // 2))
    return bar, slot


class PlanActualChart(Widget):
    DEFAULT_CSS = """
    PlanActualChart { height: 1fr; min-height: 8; padding: 0 1; }
    PlanActualChart > .targets-chart--title { text-style: bold; }
    PlanActualChart > .targets-chart--plan { color: $text-muted; }
    PlanActualChart > .targets-chart--actual { color: $primary; }
    PlanActualChart > .targets-chart--behind { color: $warning; }
    PlanActualChart > .targets-chart--selected { text-style: bold reverse; }
    PlanActualChart > .targets-chart--muted { color: $text-muted; }
    """
    COMPONENT_CLASSES = {f"targets-chart--{name}" for name in ("title", "plan", "actual", "behind", "selected", "muted")}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.months: tuple[ChartMonth, ...] = ()
        self.currency = ""
        self.selected: int | None = None  # 1-12
        self._lines: list[Strip] | None = None

    def show(self, months: Sequence[ChartMonth], currency: str, selected: int | None = None) -> None:
        self.months, self.currency = tuple(months), currency
        self.select(selected)

    def select(self, month: int | None) -> None:
        self.selected = month
        self._lines = None
        self.refresh()

    def on_resize(self) -> None:
        self._lines = None

    def render_line(self, y: int) -> Strip:
        if self._lines is None or len(self._lines) != self.content_size.height:
            self._lines = self._draw()
        return self._lines[y] if y < len(self._lines) else Strip.blank(self.content_size.width, self.rich_style)

    def _style(self, name: str) -> Style:
        return self.rich_style + self.get_component_rich_style(f"targets-chart--{name}", partial=True)

    def _draw(self) -> list[Strip]:
        width, height = self.content_size.width, self.content_size.height
        if width <= 0 or height <= 0:
            return []
        base = self.rich_style
        top = max((max(m.plan, m.actual or 0) for m in self.months), default=0)
        title = [
            (_("Plan vs actual by month ({currency})").format(currency=self.currency), self._style("title")),
            (
                "   " + _("{plan} plan   {actual} actual   top {top}").format(plan=PLAN, actual=ACTUAL, top=short_amount(top)),
                self._style("muted"),
            ),
            *(("   " + m.covers, self._style("muted")) for m in self.months if m.covers),
        ]
        lines = [Strip([Segment(text, style) for text, style in title]).adjust_cell_length(width, base).crop(0, width)]
        rows = max(1, height - 3)  # title, month, attainment
        bar, slot = layout(width, len(self.months))
        full = rows * 8
        plan_levels = [round(m.plan / top * rows) * 8 if top else 0 for m in self.months]  # whole rows of shade
        actual_levels = [max(1, round((m.actual or 0) / top * full)) if top and m.actual else 0 for m in self.months]
        plan_style, actual_style, behind_style = self._style("plan"), self._style("actual"), self._style("behind")
        for row in range(rows):
            floor = (rows - 1 - row) * 8
            segments = []
            for month, plan_level, actual_level in zip(self.months, plan_levels, actual_levels, strict=True):
                plan_fill = PLAN if plan_level - floor >= 8 else " "
                fill = min(8, max(0, actual_level - floor))
                behind = month.attainment is not None and month.attainment < 1
                segments.append(Segment(plan_fill * bar, plan_style))
                segments.append(Segment(EIGHTHS[fill] * bar, behind_style if behind else actual_style))
                segments.append(Segment(" " * (slot - 2 * bar), base))
            lines.append(Strip(segments).adjust_cell_length(width, base).crop(0, width))
        lines.append(self._labels([m.label for m in self.months], slot, width, selected=True))
        lines.append(self._labels([_attainment(m) for m in self.months], slot, width))
        return lines

    def _labels(self, labels: list[str], slot: int, width: int, selected: bool = False) -> Strip:
        base, muted = self.rich_style, self._style("muted")
        segments = []
        for index, label in enumerate(labels, start=1):
            text = set_cell_size(label, slot - 1) if cell_len(label) >= slot else label  # by display width, never half a glyph
            style = self._style("selected") if selected and index == self.selected else (base if selected else muted)
            segments.append(Segment(text, style))
            segments.append(Segment(" " * (slot - cell_len(text)), base))
        return Strip(segments).adjust_cell_length(width, base).crop(0, width)


def _attainment(month: ChartMonth) -> str:
    return "" if month.attainment is None else percent(month.attainment, 0)
