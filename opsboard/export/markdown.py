"""Building blocks for GitHub-flavoured Markdown that user text cannot break."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Characters that open or close a Markdown construct in running text (emphasis,
# links, code, HTML, tables, headings, entities). A backslash makes a GFM
# reader show them literally. `(`, `!`, `-` and `.` are safe once `[` is
# escaped and the text never starts a line, which our renderers guarantee.
_SPECIAL = re.compile(r"([\\`*_\[\]#|<>~&$])")


def escape(text: object) -> str:
    """User text as literal Markdown on one line: `|`, `*`, `[`, `#`, `<`…
    are backslash-escaped and newlines become spaces, so a title cannot open a
    heading, a link, HTML, or a new table row."""
    value = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", value)


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], align: Sequence[str] | None = None) -> str:
    """A GFM pipe table. Cells are used as given: escape user text first.
    `align` per column: "left", "right" or "center" (numbers: right)."""
    from tabulate import tabulate  # with wcwidth and importlib.metadata: a command that prints no table does not wait for it

    rows = [[("" if cell is None else str(cell)) for cell in row] for row in rows]
    return tabulate(
        rows,
        headers=list(headers),
        tablefmt="pipe",
        colalign=tuple(align) if align else None,
        disable_numparse=True,
    )


def heading(level: int, text: str) -> str:
    return "#" * level + " " + text


def checkbox(done: bool, text: str) -> str:
    return f"- [{'x' if done else ' '}] {text}"


def amount(value: float, decimals: int = 0) -> str:
    """1234567.8 → "1,234,568": thousands separators, no currency sign."""
    return f"{value:,.{decimals}f}"


def percent(value: float | None, decimals: int = 1, signed: bool = False) -> str:
    """0.0345 → "3.5%"; None → "n/a" (e.g. growth against a zero period)."""
    if value is None:
        return "n/a"
    sign = "+" if signed and value > 0 else ""
    text = f"{sign}{value * 100:.{decimals}f}%"
    return text.replace("-", "−") if signed else text
