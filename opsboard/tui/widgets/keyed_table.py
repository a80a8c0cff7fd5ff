"""The one table of rows keyed by a document id (an item, a task, a month):
the key at the cursor, and the vim keys j/k/g/G that move it.

The keys are the screen's bindings (their ids are the screen's, e.g.
`checklists.down`, so a user's keymap.toml keeps working), with one
implementation here: a screen mixes in `TableCursorKeys` and names its table.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import DataTable

from opsboard.i18n import _l


class KeyedTable(DataTable[Any]):
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
