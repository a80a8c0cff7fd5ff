"""How wide text is on a terminal (a Chinese character takes two columns),
and text cut to a width with '…' where it is cut — for values shown in a
fixed column outside a widget that would cut them itself."""

from __future__ import annotations

import unicodedata


def cell_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cut_to_cells(text: str, cells: int) -> str:
    """`text` within `cells` terminal columns, '…' where cut."""
    used = 0
    for n, char in enumerate(text):
        used += cell_width(char)
        if (used > cells - 1 and n < len(text) - 1) or used > cells:
            return text[:n] + "…"
    return text
