"""A department's four columns drawn as one widget with the Line API.

Only the lines on screen are drawn, and each column keeps its own cursor and
scroll position, so a column of 5,000 cards costs what a column of 5 does.
One widget, not four scroll views with borders and scrollbars: a key press
repaints one widget's lines, which is most of what a key costs on this screen.

A card is four lines: title, who and when, what it serves (or why it is
blocked), a rule. The focused column has a heavy border and the cursor card
a bar on its left: both show without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from opsboard.i18n import _, _l, pgettext
from opsboard.model import Task, TaskStatus

CARD_LINES = 4
Parts = list[tuple[str, Style | None]]


def due_label(task: Task, today: date) -> tuple[str, str]:
    """The due date as a card shows it, and how to mark it: '' / 'overdue' / 'today'.
    The marks are characters too ('!' and 'today'), for terminals without colour."""
    if task.due is None:
        return "", ""
    if task.is_overdue(today):
        return "!" + _short_date(task.due, today), "overdue"
    if task.is_due_today(today):
        return pgettext("relative day", "today"), "today"
    return _short_date(task.due, today), ""


def _short_date(day: date, today: date) -> str:
    return day.strftime("%m-%d") if day.year == today.year else day.isoformat()


@dataclass
class Column:
    status: TaskStatus
    title: str
    cards: list[Task] = field(default_factory=list)
    cursor: int = 0
    top: int = 0  # the first card on screen
    folded: int = 0  # old done cards not shown
    archived: int = 0  # done cards in the archive (the board's count)

    @property
    def current(self) -> Task | None:
        return self.cards[self.cursor] if self.cards else None


class KanbanBoard(Widget, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "kanban-board--border",
        "kanban-board--border-focus",
        "kanban-board--cursor",
        "kanban-board--cursor-focus",
        "kanban-board--overdue",
        "kanban-board--today",
        "kanban-board--urgent",
        "kanban-board--muted",
    }
    DEFAULT_CSS = """
    KanbanBoard { height: 1fr; width: 1fr; }
    KanbanBoard > .kanban-board--border { color: $panel-lighten-2; }
    KanbanBoard:focus > .kanban-board--border-focus { color: $accent; text-style: bold; }
    KanbanBoard > .kanban-board--border-focus { color: $panel-lighten-2; text-style: bold; }
    KanbanBoard > .kanban-board--cursor { background: $panel; }
    KanbanBoard:focus > .kanban-board--cursor-focus { text-style: bold reverse; }
    KanbanBoard > .kanban-board--cursor-focus { background: $panel; }
    KanbanBoard > .kanban-board--overdue { color: $error; text-style: bold; }
    KanbanBoard > .kanban-board--today { color: $warning; text-style: bold; }
    KanbanBoard > .kanban-board--urgent { color: $error; text-style: bold; }
    KanbanBoard > .kanban-board--muted { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", _l("Down"), id="boards.down", show=False),
        Binding("k,up", "cursor(-1)", _l("Up"), id="boards.up", show=False),
        Binding("g,home", "jump('top')", _l("Top"), id="boards.top", show=False),
        Binding("G,end", "jump('bottom')", _l("Bottom"), id="boards.bottom", show=False),
        Binding("pagedown", "page(1)", _l("Page down"), id="boards.page_down", show=False),
        Binding("pageup", "page(-1)", _l("Page up"), id="boards.page_up", show=False),
    ]

    class CursorMoved(Message):
        """The highlighted card (or column) changed."""

        def __init__(self, task: Task | None) -> None:
            self.task = task
            super().__init__()

    def __init__(self, columns: Sequence[tuple[TaskStatus, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = [Column(status, title) for status, title in columns]
        self.column = 0  # the focused column
        self.today = date.today()
        self.items: dict[str, str] = {}  # checklist item id → "A Title"
        self._pieces: dict[tuple, list[Segment]] = {}  # drawn pieces of card lines
        self._styles: dict[str, Style] = {}
        self._base: Style | None = None

    # -- data ------------------------------------------------------------------
    def set_column(self, index: int, cards: Sequence[Task], *, folded: int = 0, archived: int = 0, keep: str | None = None) -> None:
        """Show `cards` in a column; its cursor stays on the card with id
        `keep` (or on the same position when that card left). `folded` and
        `archived`: done cards not shown, said under the column."""
        column = self.columns[index]
        column.cards = list(cards)
        column.folded, column.archived = folded, archived
        if keep is not None:
            column.cursor = next((i for i, card in enumerate(column.cards) if card.id == keep), column.cursor)
        column.cursor = max(0, min(column.cursor, len(column.cards) - 1))
        self._scroll_to_cursor(column)
        self._forget(index)
        self._refresh_column(index)  # the others are as they were

    def set_context(self, today: date, items: dict[str, str]) -> None:
        if today != self.today or items != self.items:
            self.today, self.items = today, items
            self._pieces.clear()
            self.refresh()

    @property
    def current_column(self) -> Column:
        return self.columns[self.column]

    @property
    def current(self) -> Task | None:
        return self.current_column.current

    def card_ids(self, index: int | None = None) -> list[str]:
        return [card.id for card in self.columns[self.column if index is None else index].cards]

    def focus_column(self, index: int) -> None:
        index = max(0, min(len(self.columns) - 1, index))
        if index != self.column:
            self.column = index
            self.refresh()
        self.post_message(self.CursorMoved(self.current))

    def focus_a_column_with_cards(self) -> None:
        """An empty focused column gives way to the first with cards (a filter
        whose matches are all in Done lands there, not on an empty To do)."""
        if not self.current_column.cards:
            index = next((i for i, column in enumerate(self.columns) if column.cards), None)
            if index is not None:
                self.focus_column(index)

    # -- moving the cursor -------------------------------------------------------
    def move_to(self, index: int) -> None:
        column = self.current_column
        if not column.cards:
            return
        index = max(0, min(index, len(column.cards) - 1))
        if index != column.cursor:
            old_top = column.top
            self._refresh_card(self.column, column.cursor)
            column.cursor = index
            self._scroll_to_cursor(column)
            if column.top != old_top:
                self._refresh_column(self.column)
            else:
                self._refresh_card(self.column, column.cursor)
        self.post_message(self.CursorMoved(self.current))

    def action_cursor(self, step: int) -> None:
        self.move_to(self.current_column.cursor + step)

    def action_jump(self, where: str) -> None:
        self.move_to(0 if where == "top" else len(self.current_column.cards) - 1)

    def action_page(self, step: int) -> None:
        self.move_to(self.current_column.cursor + step * self._cards_on_screen())

    def _cards_on_screen(self) -> int:
        return max(1, (self.size.height - 2) // CARD_LINES)

    def _scroll_to_cursor(self, column: Column) -> None:
        fits = self._cards_on_screen()
        if column.cursor < column.top:
            column.top = column.cursor
        elif column.cursor >= column.top + fits:
            column.top = column.cursor - fits + 1
        column.top = max(0, min(column.top, max(0, len(column.cards) - fits)))

    def on_resize(self) -> None:
        for column in self.columns:
            self._scroll_to_cursor(column)
        self._pieces.clear()

    def on_focus(self) -> None:
        self.refresh()
        self.post_message(self.CursorMoved(self.current))

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = next((i for i, (x, w) in enumerate(self._layout()) if x <= event.x < x + w), None)
        if index is None:
            return
        self.focus()
        self.focus_column(index)
        if event.y >= 1:
            self.move_to(self.columns[index].top + (event.y - 1) // CARD_LINES)

    # -- geometry ----------------------------------------------------------------
    def _layout(self) -> list[tuple[int, int]]:
        """(x, width) of each column, borders included."""
        count = len(self.columns)
        width = self.size.width
        spans, x = [], 0
        for n in range(count):
            w = width // count + (1 if n < width % count else 0)
            spans.append((x, w))
            x += w
        return spans

    def _refresh_card(self, index: int, card: int) -> None:
        x, w = self._layout()[index]
        y = 1 + (card - self.columns[index].top) * CARD_LINES
        self.refresh(Region(x, y, w, CARD_LINES))

    def _refresh_column(self, index: int) -> None:
        x, w = self._layout()[index]
        self.refresh(Region(x, 0, w, self.size.height))

    def _forget(self, index: int) -> None:
        for key in [k for k in self._pieces if k[0] == index]:
            del self._pieces[key]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._pieces.clear()
        self._styles.clear()
        self._base = None

    # -- drawing -----------------------------------------------------------------
    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def render_line(self, y: int) -> Strip:
        if self._base is None:  # walking the DOM for the colours costs more than a line
            self._base = self.rich_style
        base = self._base
        height = self.size.height
        segments: list[Segment] = []
        for index, (_status, width) in enumerate(self._layout()):
            segments += self._column_line(index, y, width, height, base)
        return Strip(segments, self.size.width)

    @staticmethod
    def _hidden_note(column: Column, room: int) -> str:
        """Under the column, the longest that fits: its old done cards folded
        away (z shows them) and its done cards in the archive."""
        folded = [_("+{n} older done (z)").format(n=column.folded), _("+{n} older (z)").format(n=column.folded)] if column.folded else []
        archived = (
            [
                _("{n} archived (archived:yes)").format(n=column.archived),
                _("{n} archived").format(n=column.archived),
            ]
            if column.archived
            else []
        )
        if folded and archived:
            notes = [_("{folded} · {archived}").format(folded=f, archived=a) for f in folded for a in archived] + folded
        else:
            notes = folded + archived
        if not notes:
            return ""
        shortest = f" +{column.folded} " if column.folded else f" {column.archived} "
        return next((f" {note} " for note in notes if cell_len(note) + 2 <= room), shortest)

    def _column_line(self, index: int, y: int, width: int, height: int, base: Style) -> list[Segment]:
        column = self.columns[index]
        focused = index == self.column
        border = base + self._style("kanban-board--border-focus" if focused else "kanban-board--border")
        heavy = focused and self.has_focus
        side = "┃" if heavy else "│"
        inner = max(1, width - 2)
        if y == 0:
            left, fill, right = ("┏", "━", "┓") if heavy else ("╭", "─", "╮")
            title = f" {column.title} {len(column.cards)} "
            if len(column.cards) > self._cards_on_screen():
                title += f"{column.cursor + 1}/{len(column.cards)} "
            return _framed(left, fill, right, title, inner, border)
        if y == height - 1:
            left, fill, right = ("┗", "━", "┛") if heavy else ("╰", "─", "╯")
            return _framed(left, fill, right, self._hidden_note(column, inner - 2), inner, border)
        row = y - 1
        card, line = column.top + row // CARD_LINES, row % CARD_LINES
        cursor = card == column.cursor and line < CARD_LINES - 1 and bool(column.cards)
        key = (index, card, line, cursor, cursor and heavy, inner)
        piece = self._pieces.get(key)
        if piece is None:
            piece = self._pieces[key] = self._card_piece(column, card, line, cursor, heavy, inner, base)
        return [Segment(side, border), *piece, Segment(side, border)]

    def _card_piece(self, column: Column, card: int, line: int, cursor: bool, heavy: bool, width: int, base: Style) -> list[Segment]:
        if not column.cards:
            parts: Parts = [(" " + _("No cards"), self._style("kanban-board--muted"))] if card == line == 0 else []
            return _fit(parts, width, base)
        if card >= len(column.cards):
            return [Segment(" " * width, base)]
        parts = self._card_line(column.cards[card], line, width)
        if cursor:
            highlight = self._style("kanban-board--cursor-focus" if heavy else "kanban-board--cursor")
            body = _fit(parts, width - 1, base)
            return [Segment("▌" if heavy else " ", base)] + [Segment(s.text, (s.style or base) + highlight) for s in body]
        return _fit([(" ", None), *parts], width, base)

    def _card_line(self, task: Task, line: int, width: int) -> Parts:
        """One of a card's lines as (text, style) parts; user text is never
        parsed as markup (it is not even a Text)."""
        style = self._style
        if line == 0:
            return [(f"P{task.priority} ", style("kanban-board--urgent") if task.priority == 1 else None), (task.title, None)]
        if line == 1:
            due, mark = due_label(task, self.today)
            parts: Parts = [(task.owner or "—", None)]
            if due:
                parts += [(" · ", None), (due, style(f"kanban-board--{mark}") if mark else None)]
            if task.tags:
                parts += [(" · ", None), (" ".join("#" + tag for tag in task.tags), style("kanban-board--muted"))]
            return parts
        if line == 2:
            if task.status is TaskStatus.BLOCKED and task.blocked_reason:
                return [("⚠ " + task.blocked_reason, None)]
            if task.checklist_item:
                return [("↳ " + self.items.get(task.checklist_item, task.checklist_item), style("kanban-board--muted"))]
            return []
        return [(" " + "─" * max(0, width - 3), style("kanban-board--muted"))]


def _framed(left: str, fill: str, right: str, label: str, inner: int, style: Style) -> list[Segment]:
    """A border line with a label after its first two fill characters."""
    label = set_cell_size(label, min(cell_len(label), max(0, inner - 2)))
    rest = max(0, inner - 1 - cell_len(label))
    return [Segment(left + fill + label + fill * rest + right, style)]


def _fit(parts: Parts, width: int, base: Style) -> list[Segment]:
    """Parts cut to `width` cells (an ellipsis where text was cut), padded
    with spaces; styles laid over the widget's own."""
    out: list[Segment] = []
    used = 0
    for n, (text, style) in enumerate(parts):
        size = cell_len(text)
        full = base + style if style else base
        # cut when this part overflows, or when it fills the line and more follows
        cut = used + size > width or (used + size == width and any(t for t, _ in parts[n + 1 :]))
        if cut:
            room = width - used - 1  # one cell kept for the ellipsis
            if room >= 0:
                out.append(Segment(set_cell_size(text, room) + "…", full))
                used = width
            break
        out.append(Segment(text, full))
        used += size
    if used < width:
        out.append(Segment(" " * (width - used), base))
    return out
