"""Past stand-ups: a table, the selected one's notes and decisions below it;
enter or `x` exports it to Markdown (the caller asks where)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from opsboard.i18n import _, _l
from opsboard.model import StandupRecord
from opsboard.model.clock import now
from opsboard.model.standup_words import clock_text, day_words, minutes_text

from ..widgets.keyed_table import KeyedTable, TableCursorKeys, vim_bindings


def record_cells(record: StandupRecord) -> tuple[str, str, Text, str, str]:
    """The stand-up's row: day, start, who ran it, how long, how much was said."""
    started = record.started_at.astimezone(now().tzinfo)
    said = sum(len(d.notes) + len(d.decisions) for d in record.departments) + len(record.decisions)
    length = minutes_text(record.duration_seconds) if record.finished_at else _("not finished")
    return day_words(started.date()), f"{started:%H:%M}", Text(record.run_by or _("someone")), length, str(said)  # user text: never markup


def record_text(record: StandupRecord, names: Mapping[str, str]) -> Text:
    """The record to read on screen: each department's decisions and notes."""
    zone = now().tzinfo
    who = record.run_by or _("someone")
    started = record.started_at.astimezone(zone)
    if record.finished_at is not None:  # a Text: the name shows as typed, never as markup
        text = Text(
            _("Run by {who} · {start}–{end} ({length})").format(
                who=who,
                start=f"{started:%H:%M}",
                end=f"{record.finished_at.astimezone(zone):%H:%M}",
                length=minutes_text(record.duration_seconds),
            )
        )
    else:
        text = Text(_("Run by {who} · started {time}, not finished").format(who=who, time=f"{started:%H:%M}"))
    text.append("\n")
    order = list(names) + [d.id for d in record.departments if d.id not in names]
    by_id = {d.id: d for d in record.departments}
    for dept_id in order:
        entry = by_id.get(dept_id)
        if entry is None or not (entry.notes or entry.decisions or entry.seconds):
            continue
        text.append("\n")
        text.append(names.get(dept_id, dept_id), style="bold")
        if entry.seconds:
            text.append(f"  {clock_text(entry.seconds)}", style="dim")
        text.append("\n")
        for decision, by in entry.said("decisions"):
            text.append("  " + _("Decision: "), style="bold")
            text.append(decision)
            text.append((f" — {by}" if by else "") + "\n", style="dim")
        for note, by in entry.said("notes"):
            text.append("  - ")
            text.append(note)
            text.append((f" — {by}" if by else "") + "\n", style="dim")
    if record.decisions:
        text.append("\n" + _("Team decisions") + "\n", style="bold")
        for decision in record.decisions:
            text.append("  - ")
            text.append(decision + "\n")
    if not record.departments and not record.decisions:
        text.append("\n" + _("No notes were taken.") + "\n", style="dim")
    return text


class StandupHistoryScreen(TableCursorKeys, ModalScreen[str | None]):
    """Dismisses with the id of the stand-up to export, or None."""

    CSS_PATH = "standup_history.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", _l("Close"), id="history.close"),
        Binding("x", "export", _l("Export"), id="history.export"),
        *vim_bindings("history"),
    ]

    def __init__(self, records: Sequence[StandupRecord], names: Mapping[str, str]) -> None:
        super().__init__()
        self.records = {record.id: record for record in records}
        self.names = dict(names)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Past stand-ups ({count})").format(count=len(self.records)), classes="history-title")
            yield KeyedTable(id="history-list", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="history-preview"):
                yield Static(Text(_("No stand-up recorded yet."), style="dim"), id="history-record")
            yield Static(_("enter/x export to Markdown · esc close"), classes="history-keys")

    def on_mount(self) -> None:
        table = self.cursor_table()
        table.add_columns(_("Day"), _("Started"), _("Run by"), _("Length"), _("Notes"))
        for record_id, record in self.records.items():
            table.add_row(*record_cells(record), key=record_id)
        table.focus()
        self._show(table.current_key())

    def cursor_table(self) -> KeyedTable:
        return self.query_one("#history-list", KeyedTable)

    def _show(self, record_id: str | None) -> None:
        record = self.records.get(record_id or "")
        if record is not None:
            self.query_one("#history-record", Static).update(record_text(record, self.names))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show(str(event.row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.dismiss(str(event.row_key.value))

    def action_export(self) -> None:
        record_id = self.cursor_table().current_key()
        if record_id is not None:
            self.dismiss(record_id)

    def action_close(self) -> None:
        self.dismiss(None)
