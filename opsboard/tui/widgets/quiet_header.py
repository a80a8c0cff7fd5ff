"""Textual's Header, without a layout of the whole screen when the title
changes.

The app's sub-title says "saved 10:42", so a save can change it; the stock
HeaderTitle is a Static whose update asks for a layout (its size could
change), and the layout repaints every widget on the screen. Its size is
fixed (one line, the header's width), so a repaint of the title is enough:
on view 2 that halves the cost of drawing a moved card.
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle

from opsboard.i18n import _
from opsboard.i18n.formats import month_abbr


class QuietHeaderTitle(HeaderTitle):
    def update(self, content="", *, layout: bool = True) -> None:
        super().update(content, layout=False)


class QuietHeader(Header):
    DEFAULT_CSS = """
    QuietHeader { dock: top; }
    """

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield QuietHeaderTitle()
        yield HeaderClock().data_bind(Header.time_format) if self._show_clock else HeaderClockSpace()


HEADER_CHROME = 18  # the header's icon (8 cells) and clock space (10)


def header_title(title: str, sub_title: str, width: int) -> Content:
    """'Board name — user · saved 10:42', the name cut first: who you are and
    whether your work is saved stay in view however long the name."""
    room = width - HEADER_CHROME - cell_len(" — ") - cell_len(sub_title)
    if cell_len(title) > room:
        title = set_cell_size(title, max(0, room - 1)).rstrip() + "…" if room > 1 else ""
    if not title:
        return Content(sub_title).stylize("dim")
    return Content.assemble(Content(title), (" — ", "dim"), Content(sub_title).stylize("dim"))


def saved_label(saved_at: datetime | None, now: datetime) -> str:
    """When the board was last saved, as a lead reads it: 'saved 10:42' today,
    'saved 27 Nov' before, 'saved 27 Nov 2025' another year."""
    if saved_at is None:
        return _("saved")
    at = saved_at.astimezone(now.tzinfo)
    if at.date() == now.date():
        return _("saved {time}").format(time=f"{at:%H:%M}")
    if at.year == now.year:
        return _("saved {day} {month}").format(day=at.day, month=month_abbr(at.month))
    return _("saved {day} {month} {year}").format(day=at.day, month=month_abbr(at.month), year=at.year)
