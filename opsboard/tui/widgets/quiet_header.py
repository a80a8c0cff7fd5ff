"""Textual's Header, without a layout of the whole screen when the title
changes.

The app's sub-title says "saved · rev N", so every save changes it; the stock
HeaderTitle is a Static whose update asks for a layout (its size could
change), and the layout repaints every widget on the screen. Its size is
fixed (one line, the header's width), so a repaint of the title is enough:
on view 2 that halves the cost of drawing a moved card.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle


class QuietHeaderTitle(HeaderTitle):
    def update(self, content="", *, layout: bool = True) -> None:  # noqa: ARG002  (never needed here)
        super().update(content, layout=False)


class QuietHeader(Header):
    DEFAULT_CSS = """
    QuietHeader { dock: top; }
    """

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield QuietHeaderTitle()
        yield HeaderClock().data_bind(Header.time_format) if self._show_clock else HeaderClockSpace()
