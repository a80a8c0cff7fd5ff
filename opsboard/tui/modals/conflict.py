"""Someone else saved the same field first: show both values and let the user choose.

Dismisses with "theirs" (keep their value; nothing of ours is saved) or
"mine" (save ours over theirs, knowingly).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from opsboard.i18n import _, _l
from opsboard.i18n.widths import cut_to_cells
from opsboard.model import Table
from opsboard.services.campaign_change_words import campaign_sides, department_namer

if TYPE_CHECKING:
    from opsboard.store import BoardStore, ConflictError


@dataclass(frozen=True)
class ConflictView:
    """What the dialog shows, already worded (user text stays literal)."""

    title: str  # "'Book 618 ad slots'"
    field: str  # "status"
    seen: str  # the value the user saw
    theirs: str
    by: str  # who saved theirs
    mine: str
    can_use_mine: bool = True


def conflict_view(store: BoardStore, error: ConflictError, table: Table) -> ConflictView:
    """The dialog's words for a conflict on a task, a checklist item, the
    plan or a stand-up record."""
    from opsboard.services.activity import doc_title, field_word, format_value

    values = _apart([format_value(error.field, side, table, limit=None) for side in (error.seen, error.theirs, error.mine)])
    if table is Table.TARGETS and error.field == "campaigns":
        values = _campaign_values(store, error) or values
    if table is Table.TARGETS:
        title = _("The target plan")
    elif table is Table.STANDUPS:
        title = _("The stand-up of {day}").format(day=error.doc_id.removeprefix("su-"))
    else:
        title = _("'{title}'").format(title=doc_title(store, table, error.doc_id))
    return ConflictView(
        title=title,
        field=field_word(error.field).replace("_", " "),  # 状态 / status, 'finished at' in English
        seen=values[0],
        theirs=values[1],
        by=error.by,
        mine=values[2],
        can_use_mine=getattr(error, "operation", None) is not None,
    )


# a side's campaigns and their changed values: three lines of the dialog's value column at most
CAMPAIGN_CELLS = 120
# a value: three lines too; of a long beginning the sides share, the last few characters
VALUE_CELLS = 120
SHARED_KEPT = 16


def _apart(values: list[str]) -> list[str]:
    """The three sides cut so that where they differ shows: two long titles
    that differ in their last word read 'Redraw the size chart for the
    descripti…' three times when cut at their end. A long beginning they
    all share becomes '…' and its last few characters."""
    shared = len(os.path.commonprefix(values)) if len(set(values)) > 1 else 0
    if shared > SHARED_KEPT + 8:
        start = shared - SHARED_KEPT
        space = values[0].rfind(" ", 0, start)
        if space != -1 and start - space <= 12:  # from the start of a word, where the text has words
            start = space + 1
        values = ["…" + value[start:] for value in values]
    return [cut_to_cells(value, VALUE_CELLS) for value in values]


def _campaign_values(store: BoardStore, error: ConflictError) -> list[str] | None:
    """Each side's values of the campaigns' fields that differ ('Double 11:
    uplift +45%' beside '+70%'), not three lists of the same names."""
    sides = campaign_sides([error.seen, error.theirs, error.mine], department_namer(store))
    return None if sides is None else [cut_to_cells(side, CAMPAIGN_CELLS) for side in sides]


class ConflictDialog(ModalScreen[str]):
    CSS_PATH = "conflict.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k,escape", "choose('theirs')", _l("Keep theirs"), id="conflict.theirs"),
        Binding("m", "choose('mine')", _l("Use mine"), id="conflict.mine"),
    ]

    def __init__(self, conflict: ConflictView) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        c = self.conflict
        who = c.by or _("someone else")
        with Vertical():
            yield Static(_("{who} changed this first").format(who=who), classes="conflict-title", markup=False)
            yield Static(f"{c.title} · {c.field}", markup=False)
            with Grid():
                yield Label(_("You saw"))
                yield Static(c.seen, classes="value", markup=False, id="conflict-seen")
                yield Label(_("{who} set it to").format(who=who), markup=False)
                yield Static(c.theirs, classes="value", markup=False, id="conflict-theirs")
                yield Label(_("You chose"))
                yield Static(c.mine, classes="value", markup=False, id="conflict-mine")
            with Horizontal(id="conflict-buttons"):
                yield Button(_("Keep theirs (k)"), id="theirs", variant="primary")
                yield Button(_("Use mine (m)"), id="mine", disabled=not c.can_use_mine)

    def on_mount(self) -> None:
        self.query_one("#theirs", Button).focus()

    def action_choose(self, choice: str) -> None:
        if choice == "mine" and not self.conflict.can_use_mine:
            return
        self.dismiss(choice)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or "theirs")
