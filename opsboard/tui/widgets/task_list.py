"""A list of tasks from every department, one line each, drawn with the Line
API: only the lines on screen are built, so 10,000 tasks scroll and redraw
as fast as 10 (no widget, no table row per task).

Posts `TaskList.Chosen` with the task on `enter`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from opsboard.i18n import _, _l
from opsboard.model import TASK_STATUS_LABELS, Task

# column → width (the title takes what is left); the department's grows to
# its longest name, up to DEPARTMENT_WIDE (DEPARTMENT_NARROW below WIDE_LIST)
WIDTHS = {"priority": 3, "due": 11, "status": 7, "department": 14, "owner": 10}
DEPARTMENT_NARROW, DEPARTMENT_WIDE, WIDE_LIST = 14, 20, 100
HEADERS = {
    "priority": "P",
    "due": _l("Due"),
    "status": _l("Status"),
    "department": _l("Department"),
    "owner": _l("Owner"),
    "title": _l("Task"),
}
GAP = 1
ELLIPSIS = "…"


def column_widths(width: int, departments: Iterable[str] = ()) -> dict[str, int]:
    """Each column's width in cells at a list `width` cells wide."""
    widths = dict(WIDTHS)
    widths["status"] = max(widths["status"], *(cell_len(str(label)) for label in TASK_STATUS_LABELS.values()))
    longest = max((cell_len(name) for name in departments), default=0)
    widths["department"] = max(8, min(longest, DEPARTMENT_WIDE if width >= WIDE_LIST else DEPARTMENT_NARROW))
    return widths


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis (a
    double-width character is never cut in half)."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    if width <= 1:
        return set_cell_size(ELLIPSIS, width)
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + ELLIPSIS, width)


def header_line(width: int, widths: Mapping[str, int] | None = None) -> str:
    widths = widths or WIDTHS
    return _join([str(HEADERS[c]) for c in widths] + [str(HEADERS["title"])], width, widths)


def _join(cells: Sequence[str], width: int, widths: Mapping[str, int]) -> str:
    parts = [fit(str(text), w) for text, w in zip(cells, widths.values(), strict=False)]  # labels may be lazy
    title_width = max(1, width - sum(widths.values()) - GAP * len(widths))
    parts.append(fit(str(cells[-1]), title_width))
    return (" " * GAP).join(parts)


class TaskList(ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"task-list--cursor", "task-list--alert"}
    DEFAULT_CSS = """
    TaskList { height: 1fr; overflow-x: hidden; }
    TaskList > .task-list--cursor { background: $accent; color: $text; }
    TaskList > .task-list--alert { color: $text-error; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", _l("Down"), show=False),
        Binding("up,k", "cursor(-1)", _l("Up"), show=False),
        Binding("pagedown", "page(1)", _l("Page down"), show=False),
        Binding("pageup", "page(-1)", _l("Page up"), show=False),
        Binding("home,g", "cursor(-1000000)", _l("Top"), show=False),
        Binding("end,G", "cursor(1000000)", _l("Bottom"), show=False),
        Binding("enter", "choose", _l("Open on its board"), id="tasks.open"),
    ]

    cursor = reactive(0, repaint=False)

    class Chosen(Message):
        def __init__(self, task: Task) -> None:
            self.task = task
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tasks: list[Task] = []
        self.departments: Mapping[str, str] = {}
        self.today = date.min
        self.widths = dict(WIDTHS)

    def show(self, tasks: list[Task], departments: Mapping[str, str], today: date, keep: str | None = None) -> None:
        """New rows; the cursor stays on `keep` (a task id) when it is still listed."""
        self.tasks, self.departments, self.today = tasks, departments, today
        self.widths = column_widths(self.line_width, departments.values())
        self.virtual_size = Size(0, len(tasks))  # never wider than the list: no horizontal scrollbar
        index = next((i for i, t in enumerate(tasks) if t.id == keep), None) if keep else None
        self.cursor = index if index is not None else min(self.cursor, max(0, len(tasks) - 1))
        self._scroll_to_cursor()
        self.refresh()

    @property
    def line_width(self) -> int:
        """A row's cells: the list's width less its scrollbar."""
        return self.scrollable_content_region.width

    @property
    def current(self) -> Task | None:
        return self.tasks[self.cursor] if 0 <= self.cursor < len(self.tasks) else None

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)

    def refresh_line(self, index: int) -> None:
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh_lines(y)

    def _scroll_to_cursor(self) -> None:
        top = self.scroll_offset.y
        height = max(1, self.size.height)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        if self.tasks:
            self.cursor = max(0, min(len(self.tasks) - 1, self.cursor + step))
            self._scroll_to_cursor()

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(1, self.size.height - 1))

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current))

    def on_resize(self) -> None:
        self.widths = column_widths(self.line_width, self.departments.values())
        self.virtual_size = Size(0, len(self.tasks))
        self.refresh()  # every line: the columns may have changed width

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.line_width
        if index >= len(self.tasks):
            return Strip.blank(width, self.rich_style)
        task = self.tasks[index]
        late = task.is_overdue(self.today)
        due = (task.due.isoformat() + ("!" if late else "")) if task.due else "—"  # "!" says it without colour
        text = _join(
            [
                f"P{task.priority}",
                due,
                TASK_STATUS_LABELS[task.status],
                self.departments.get(task.department, task.department),
                task.owner or "—",
                _("{title} (blocked: {reason})").format(title=task.title, reason=task.blocked_reason)
                if task.blocked_reason
                else task.title,
            ],
            width,
            self.widths,
        )
        base = self.rich_style
        if index == self.cursor and self.has_focus:
            base = base + self.get_component_rich_style("task-list--cursor")
        if late:  # the due date stands out (the first columns are ASCII: characters are cells)
            split = self.widths["priority"] + GAP
            due_end = split + self.widths["due"]
            alert = base + self.get_component_rich_style("task-list--alert", partial=True)
            segments = [Segment(text[:split], base), Segment(text[split:due_end], alert), Segment(text[due_end:], base)]
        else:
            segments = [Segment(text, base)]
        return Strip(segments).crop_extend(0, width, base or Style())

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)
