"""One line of text that redraws without a new layout.

`Static.update` asks for a layout of the whole screen (its size may change);
a line of fixed height does not need one, and on a screen of 10,000 cards
that layout is most of the cost of a key press.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = Text()

    @property
    def text(self) -> Text:
        return self._text

    def show(self, text: Text | str) -> None:
        """User text must come as Text (a str here is shown literally too)."""
        text = text if isinstance(text, Text) else Text(text)
        text.no_wrap = True
        text.overflow = "ellipsis"
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Text:
        return self._text
