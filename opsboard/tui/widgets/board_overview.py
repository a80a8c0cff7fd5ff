"""The overview: every department × column, with blocked and overdue cards
standing out — the first thing the operations lead looks at — and, under the
total, each person on the roster with their load (`enter` there filters the
board to their tasks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text

from opsboard.i18n import _, _l, lazy_pgettext
from opsboard.model import TASK_COLUMNS, TASK_STATUS_LABELS, TaskStatus
from opsboard.services.task_board import DepartmentSummary

from .keyed_table import KeyedTable

if TYPE_CHECKING:
    from opsboard.services.people import PersonLoad

TOTAL = "-total"
PERSON = "person:"  # row key prefix of a roster person's load
COLUMNS = (
    ("department", _l("Department"), 20),
    *((s.value, TASK_STATUS_LABELS[s], 7) for s in TASK_COLUMNS),
    ("overdue", _l("Overdue"), 8),
    ("today", _l("Due today"), 9),
)
NARROW = 80  # below it the counts take their labels' width and the names what is left
NARROW_LABELS = {"overdue": lazy_pgettext("narrow column", "Late"), "today": lazy_pgettext("narrow column", "Today")}


def column_widths(window: int) -> list[tuple[str, str, int]]:
    """(key, label, width) of each column: every column within `window` cells."""
    if window >= NARROW:
        return [(key, str(label), width) for key, label, width in COLUMNS]
    labels = [(key, str(NARROW_LABELS.get(key, label))) for key, label, _ in COLUMNS[1:]]
    counts = [(key, label, max(4, cell_len(label))) for key, label in labels]
    room = window - 2 * len(COLUMNS) - 2  # cell padding and the vertical scrollbar
    return [("department", str(COLUMNS[0][1]), max(8, room - sum(w for _, _, w in counts))), *counts]


class BoardOverview(KeyedTable):
    COMPONENT_CLASSES: ClassVar[set[str]] = KeyedTable.COMPONENT_CLASSES | {"board-overview--alert"}
    DEFAULT_CSS = """
    BoardOverview { height: 1fr; }
    BoardOverview > .board-overview--alert { color: $error; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns_for: list[tuple[str, str, int]] = []
        self._summaries: Sequence[DepartmentSummary] = []

    def _fit_columns(self) -> None:
        columns = column_widths(self.size.width or self.app.size.width)
        if columns != self._columns_for:
            self.clear(columns=True)
            for key, label, width in columns:
                self.add_column(label, key=key, width=width)
            self._columns_for = columns

    def on_resize(self) -> None:
        if column_widths(self.size.width) != self._columns_for:
            self.show(self._summaries)

    def _count(self, value: int, alert: bool = False) -> Text:
        """A count; blocked and overdue ones are bold, coloured and marked '!'
        (the mark is for terminals without colour)."""
        if alert and value:
            return Text(f"{value} !", style=self.get_component_rich_style("board-overview--alert", partial=True), justify="right")
        return Text(str(value), justify="right")

    def show(self, summaries: Sequence[DepartmentSummary], current: str | None = None, people: Sequence[PersonLoad] = ()) -> None:
        keep = current or self.current_key()
        self._summaries = summaries
        self._fit_columns()
        self.clear()
        totals = {s: 0 for s in TASK_COLUMNS}
        overdue = today = 0
        for summary in summaries:
            self.add_row(
                *self._cells(summary.department.name, summary.counts, summary.overdue, summary.due_today), key=summary.department.id
            )
            for status, n in summary.counts.items():
                totals[status] += n
            overdue += summary.overdue
            today += summary.due_today
        self.add_row(*self._cells(_("Total"), totals, overdue, today, bold=True), key=TOTAL)
        for load in people:
            self.add_row(*self._cells(f"· {load.person.shown}", load.counts, load.overdue, load.due_today), key=PERSON + load.person.name)
        if keep is not None:
            try:
                self.move_cursor(row=self.get_row_index(keep), animate=False)
            except Exception:
                pass

    def _cells(self, name: str, counts: dict[TaskStatus, int], overdue: int, today: int, bold: bool = False) -> list[Text]:
        return [
            Text(name, style="bold" if bold else "", overflow="ellipsis", no_wrap=True),
            *(self._count(counts[s], alert=s is TaskStatus.BLOCKED) for s in TASK_COLUMNS),
            self._count(overdue, alert=True),
            self._count(today),
        ]
