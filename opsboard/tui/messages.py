"""Messages the app sends down to the views."""

from __future__ import annotations

from textual.message import Message


class BoardReloaded(Message):
    """Another process saved the board; the view should redraw from the store
    and keep its cursor on the same item."""

    def __init__(self, summary: str = "") -> None:
        self.summary = summary
        super().__init__()
