"""Past stand-ups: a list, the selected one's notes and decisions beside it;
enter or `x` exports it to Markdown (the caller asks where)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from opsboard.i18n import _, _l
from opsboard.model import StandupRecord
from opsboard.model.clock import now
from opsboard.model.standup_words import clock_text, day_words, minutes_text


def record_label(record: StandupRecord) -> Text:
    zone = now().tzinfo
    started = record.started_at.astimezone(zone)
    said = sum(len(d.notes) + len(d.decisions) for d in record.departments) + len(record.decisions)
    length = minutes_text(record.duration_seconds) if record.finished_at else "not finished"
    label = Text(f"{day_words(started.date())} {started:%H:%M} · ")
    label.append(record.run_by or "someone")  # user text: appended, never parsed as markup
    label.append(f" · {length} · {said} note{'s' if said != 1 else ''}")
    return label


def record_text(record: StandupRecord, names: Mapping[str, str]) -> Text:
    """The record to read on screen: each department's decisions and notes."""
    zone = now().tzinfo
    text = Text()
    text.append("Run by ")
    text.append(record.run_by or "someone")
    started = record.started_at.astimezone(zone)
    if record.finished_at is not None:
        text.append(f" · {started:%H:%M}–{record.finished_at.astimezone(zone):%H:%M} ({minutes_text(record.duration_seconds)})\n")
    else:
        text.append(f" · started {started:%H:%M}, not finished\n")
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
            text.append("  Decision: ", style="bold")
            text.append(decision)
            text.append((f" — {by}" if by else "") + "\n", style="dim")
        for note, by in entry.said("notes"):
            text.append("  - ")
            text.append(note)
            text.append((f" — {by}" if by else "") + "\n", style="dim")
    if record.decisions:
        text.append("\nTeam decisions\n", style="bold")
        for decision in record.decisions:
            text.append("  - ")
            text.append(decision + "\n")
    if not record.departments and not record.decisions:
        text.append("\nNo notes were taken.\n", style="dim")
    return text


class StandupHistoryScreen(ModalScreen[str | None]):
    """Dismisses with the id of the stand-up to export, or None."""

    CSS_PATH = "standup_history.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", _l("Close"), id="history.close"),
        Binding("x", "export", _l("Export"), id="history.export"),
        Binding("j", "cursor(1)", _l("Down"), id="history.down", show=False),
        Binding("k", "cursor(-1)", _l("Up"), id="history.up", show=False),
    ]

    def __init__(self, records: Sequence[StandupRecord], names: Mapping[str, str]) -> None:
        super().__init__()
        self.records = list(records)
        self.names = dict(names)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Past stand-ups ({count})").format(count=len(self.records)), classes="history-title")
            options = [Option(record_label(r), id=r.id) for r in self.records]
            yield OptionList(*options, id="history-list")
            with VerticalScroll(id="history-preview"):
                yield Static(Text(_("No stand-up recorded yet."), style="dim"), id="history-record")
            yield Static(_("enter/x export to Markdown · esc close"), classes="history-keys")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.focus()
        if self.records:
            listing.highlighted = 0
            self._show(0)

    def _show(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.records):
            return
        self.query_one("#history-record", Static).update(record_text(self.records[index], self.names))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_export(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and self.records:
            self.dismiss(self.records[index].id)

    def action_cursor(self, step: int) -> None:
        listing = self.query_one(OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
