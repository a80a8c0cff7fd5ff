"""One column of a department board, drawn with the Line API.

A card is four lines (title, who and when, what it serves, a rule). Only the
lines on screen are rendered, so a column of 5,000 cards costs what a column
of 5 does; no widget is mounted per card.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from opsboard.model import Task, TaskStatus

CARD_LINES = 4


def due_label(task: Task, today: date) -> tuple[str, str]:
    """The due date as a card shows it, and how to mark it: '' / 'overdue' / 'today'.
    The marks are characters too ('!' and 'today'), for terminals without colour."""
    if task.due is None:
        return "", ""
    if task.is_overdue(today):
        return "!" + _short_date(task.due, today), "overdue"
    if task.is_due_today(today):
        return "today", "today"
    return _short_date(task.due, today), ""


def _short_date(day: date, today: date) -> str:
    return day.strftime("%m-%d") if day.year == today.year else day.isoformat()


class KanbanColumn(ScrollView, can_focus=True, inherit_bindings=False):
    """Cards of one column; `cursor` is the highlighted card."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "kanban-column--cursor",
        "kanban-column--overdue",
        "kanban-column--today",
        "kanban-column--urgent",
        "kanban-column--muted",
    }
    DEFAULT_CSS = """
    KanbanColumn {
        width: 1fr; height: 1fr;
        border: round $panel; border-title-align: left; border-subtitle-align: right;
        scrollbar-size-vertical: 1;
    }
    KanbanColumn:focus { border: heavy $accent; }
    KanbanColumn > .kanban-column--cursor { background: $panel; }
    KanbanColumn:focus > .kanban-column--cursor { text-style: bold reverse; }
    KanbanColumn > .kanban-column--overdue { color: $error; text-style: bold; }
    KanbanColumn > .kanban-column--today { color: $warning; text-style: bold; }
    KanbanColumn > .kanban-column--urgent { color: $error; text-style: bold; }
    KanbanColumn > .kanban-column--muted { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", id="boards.down", show=False),
        Binding("k,up", "cursor(-1)", "Up", id="boards.up", show=False),
        Binding("g,home", "jump('top')", "Top", id="boards.top", show=False),
        Binding("G,end", "jump('bottom')", "Bottom", id="boards.bottom", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    class CursorMoved(Message):
        def __init__(self, column: KanbanColumn, task: Task | None) -> None:
            self.column = column
            self.task = task
            super().__init__()

    def __init__(self, status: TaskStatus, title: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.status = status
        self.title = title
        self.cards: list[Task] = []
        self.cursor = 0
        self.today = date.today()
        self.items: dict[str, str] = {}  # checklist item id → "A Title"
        self.border_title = title

    # -- data ----------------------------------------------------------------
    def set_cards(self, cards: Sequence[Task], today: date, items: dict[str, str], *, folded: int = 0, keep: str | None = None) -> None:
        """Show `cards`; the cursor stays on the card with id `keep` (or on
        the same position when that card left the column)."""
        self.cards = list(cards)
        self.today = today
        self.items = items
        if keep is not None:
            self.cursor = next((i for i, card in enumerate(self.cards) if card.id == keep), self.cursor)
        self.cursor = max(0, min(self.cursor, len(self.cards) - 1))
        self.border_title = f"{self.title} {len(self.cards)}"
        self.border_subtitle = f"+{folded} older done (z)" if folded else ""
        self.virtual_size = Size(self.size.width, len(self.cards) * CARD_LINES)
        self.refresh()
        self._scroll_to_cursor()

    @property
    def current(self) -> Task | None:
        return self.cards[self.cursor] if self.cards else None

    def card_ids(self) -> list[str]:
        return [card.id for card in self.cards]

    # -- moving the cursor -----------------------------------------------------
    def move_to(self, index: int) -> None:
        if not self.cards:
            return
        index = max(0, min(index, len(self.cards) - 1))
        if index != self.cursor:
            self.cursor = index
            self.refresh()
        self._scroll_to_cursor()
        self.post_message(self.CursorMoved(self, self.current))

    def action_cursor(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_jump(self, where: str) -> None:
        self.move_to(0 if where == "top" else len(self.cards) - 1)

    def action_page(self, step: int) -> None:
        self.move_to(self.cursor + step * max(1, self.scrollable_content_region.height // CARD_LINES))

    def _scroll_to_cursor(self) -> None:
        if self.cards:
            region = Region(0, self.cursor * CARD_LINES, max(1, self.size.width), CARD_LINES)
            self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_y)) // CARD_LINES
        if 0 <= index < len(self.cards):
            self.focus()
            self.move_to(index)

    def on_focus(self) -> None:
        self.refresh()
        self.post_message(self.CursorMoved(self, self.current))

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.cards) * CARD_LINES)
        self._scroll_to_cursor()

    # -- drawing ---------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + int(self.scroll_y)
        index, row = divmod(line, CARD_LINES)
        if not self.cards and y == 0:
            return self._strip(Text(" No cards", style=self._style("kanban-column--muted")), width, base)
        if index >= len(self.cards):
            return Strip.blank(width, base)
        text = self._card_line(self.cards[index], row, width)
        text.truncate(max(1, width - 1), overflow="ellipsis", pad=True)
        if index == self.cursor and row < CARD_LINES - 1:
            text.stylize(self._style("kanban-column--cursor"))
            text = Text("▌" if self.has_focus else " ") + text  # the cursor without colour: a bar
        else:
            text = Text(" ") + text
        return self._strip(text, width, base)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = [Segment(s.text, base + s.style if s.style else base) for s in text.render(self.app.console) if s.text != "\n"]
        return Strip(segments, width).crop_extend(0, width, base)

    def _card_line(self, task: Task, row: int, width: int) -> Text:
        """One of a card's lines, as Text (user text never parsed as markup)."""
        style = self._style
        inner = max(1, width - 1)
        if row == 0:
            priority = Text(f"P{task.priority} ", style=style("kanban-column--urgent") if task.priority == 1 else "")
            return Text.assemble(priority, Text(task.title))
        if row == 1:
            due, mark = due_label(task, self.today)
            parts: list[Text] = [Text(task.owner or "—")]
            if due:
                parts.append(Text(due, style=style(f"kanban-column--{mark}") if mark else ""))
            if task.tags:
                parts.append(Text(" ".join("#" + tag for tag in task.tags), style=style("kanban-column--muted")))
            return Text(" · ").join(parts)
        if row == 2:
            if task.status is TaskStatus.BLOCKED and task.blocked_reason:
                return Text("⚠ " + task.blocked_reason)
            if task.checklist_item:
                return Text("↳ " + self.items.get(task.checklist_item, task.checklist_item), style=style("kanban-column--muted"))
            return Text("")
        return Text("─" * (inner - 1), style=style("kanban-column--muted"))
