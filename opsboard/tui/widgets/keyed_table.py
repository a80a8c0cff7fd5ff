"""The one table of rows keyed by a document id (an item, a task, a month):
the key at the cursor, and the vim keys j/k/g/G that move it.

The keys are the screen's bindings (their ids are the screen's, e.g.
`checklists.down`, so a user's keymap.toml keeps working), with one
implementation here: a screen mixes in `TableCursorKeys` and names its table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.binding import Binding
from textual.cache import LRUCache
from textual.widgets import DataTable
from textual.widgets._data_table import RowKey

from opsboard.i18n import _l

Column = tuple[str, Any, int]  # key, label, width
Row = tuple[str, Sequence[Any]]  # key, cells


class KeyedTable(DataTable[Any]):
    _shown_columns: list[Column] | None = None  # as show_rows last set them
    _shown_rows: list[tuple[str, tuple[Any, ...]]] = []

    def show_rows(self, columns: Sequence[Column], rows: Sequence[Row]) -> None:
        """The table holds these columns and rows (cells compared by value:
        Content, Text or str). Rows the same as those it holds stay as
        drawn: Textual drops every line it kept for any change to a table,
        so the same columns and row keys with a few cells changed replace
        those rows only and forget only their lines (view 1 redrawn and
        drawn after a toggle: 7.3 ms of CPU, now 5.1); other columns or keys
        build the table anew."""
        columns = list(columns)
        shown = [(key, tuple(cells)) for key, cells in rows]
        if columns != self._shown_columns:
            self.clear(columns=True)
            for key, label, width in columns:
                self.add_column(label, key=key, width=width)
        elif [key for key, _cells in shown] != [key for key, _cells in self._shown_rows]:
            self.clear()
        else:
            changed = [index for index, (row, was) in enumerate(zip(shown, self._shown_rows, strict=True)) if row != was]
            for index in changed:
                self._replace_row(index, *shown[index])
            if changed:
                self._line_cache.clear()  # lines are put together again from the rows kept
                self.refresh()
            self._shown_rows = shown
            return
        for key, cells in shown:
            self.add_row(*cells, key=key)
        self._shown_columns, self._shown_rows = columns, shown

    def clear(self, columns: bool = False) -> KeyedTable:
        """Emptied (by show_rows or anyone): what show_rows held is gone too."""
        self._shown_rows = []
        if columns:
            self._shown_columns = None
        super().clear(columns)
        return self

    def _replace_row(self, index: int, key: str, cells: tuple[Any, ...]) -> None:
        """A row's cells replaced, and what Textual drew of that row only
        forgotten (its caches are keyed by row, under one update count that
        update_cell would bump for every row: tests/tui/test_keyed_table.py)."""
        row_key = RowKey(key)
        for column, value in zip(self.ordered_columns, cells, strict=True):
            self._data[row_key][column.key] = value
        self._row_renderable_cache.discard((self._update_count, index))
        caches: tuple[LRUCache[Any, Any], ...] = (self._cell_render_cache, self._row_render_cache)
        for cache in caches:
            for cached in [cached for cached in cache.keys() if cached[0] == row_key]:
                cache.discard(cached)

    def current_key(self) -> str | None:
        """The key of the row at the cursor; None when the table is empty."""
        if self.row_count == 0:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def step(self, rows: int) -> None:
        self.move_cursor(row=self.cursor_row + rows)

    def jump(self, where: str) -> None:
        """'top' or 'bottom'."""
        self.move_cursor(row=0 if where == "top" else self.row_count - 1)


def vim_bindings(screen: str, table: str = "") -> list[Binding]:
    """j/k/g/G for a screen's table, with ids `<screen>.down` and so on
    (`<screen>.<table>_down` for a screen that names its table: `boards.overview_down`)."""
    stem = f"{screen}.{table}_" if table else f"{screen}."
    return [
        Binding("j", "cursor(1)", _l("Down"), id=f"{stem}down", show=False),
        Binding("k", "cursor(-1)", _l("Up"), id=f"{stem}up", show=False),
        Binding("g", "jump('top')", _l("Top"), id=f"{stem}top", show=False),
        Binding("G", "jump('bottom')", _l("Bottom"), id=f"{stem}bottom", show=False),
    ]


class TableCursorKeys:
    """Mixed into a screen with `vim_bindings`: the actions they run."""

    def cursor_table(self) -> KeyedTable:
        raise NotImplementedError

    def action_cursor(self, step: int) -> None:
        self.cursor_table().step(step)

    def action_jump(self, where: str) -> None:
        self.cursor_table().jump(where)
