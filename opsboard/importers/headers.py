"""The columns a file has, for picking by hand which gives which figure (the
import dialog's column pickers) when no layout knows its header row.

The header is the row a layout recognises; failing that, the row among the
first ones with the most cells that read as words rather than figures or
dates (title lines above it have fewer, the day rows have figures).
"""

from __future__ import annotations

import re
from itertools import islice

from opsboard.model.cleaning import clean_line

from . import cells
from .errors import ActualsImportError
from .reader import HEADER_SEARCH
from .tables import csv_rows, decode, delimiters, read_sheet

# a cell that reads as a figure, a date or a time: not a column's name
_FIGURE = re.compile(r"[\d\s.,:/%+\-¥￥$]*")


def _words(row: list[object]) -> int:
    return sum(1 for c in row if isinstance(c, str) and not cells.is_empty(c) and not _FIGURE.fullmatch(c.strip()))


def file_columns(data: bytes, name: str, sheet: str | None = None) -> list[str]:
    """The header row's cells, in file order, each once; [] when there is no
    row of names. ActualsImportError when the file cannot be read."""
    table = read_sheet(data, name, sheet)
    rows: list[tuple[int, list[object]]] = []
    if table.kind == "csv":
        text = decode(data, name)
        for delimiter in delimiters():
            try:
                rows += list(islice(csv_rows(text, delimiter, name), HEADER_SEARCH))
            except ActualsImportError:
                continue
    else:
        rows = table.rows[:HEADER_SEARCH]
    best = max(rows, key=lambda row: _words(row[1]), default=None)  # the first of the best: above the day rows
    if best is None or _words(best[1]) < 2:
        return []
    found: list[str] = []
    for cell in best[1]:
        text = "" if cells.is_empty(cell) else clean_line(cells.plain(cell))
        if text and text not in found:
            found.append(text)
    return found
