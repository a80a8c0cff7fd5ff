"""Import the store's daily metrics inside the app (`i` in views 3 and 4).

A file path (completed as typed from the folders on disk), then a preview of
what the file holds — the layout recognised, which column gives which
figure, the dates, days × channels, the totals of revenue, orders and ad
spend, rows new and replaced, warnings — before anything is saved. Enter
imports; Esc leaves the board as it was. Reading the file (pandas for Excel)
runs in a worker thread; the check against the board and the save run here.

Once the file is read, one picker per figure lists the file's columns (the
recognised ones chosen): for a layout no one registered, the user picks by
keyboard which column gives which figure — Tab to a picker, ↓ or space to
open it — and Enter reads the file again with those columns. A layout whose
ad spend is several columns summed offers that sum as the ad-spend picker's
first choice, chosen: picking a single column, or the sum again, is a pick
like any other, and a pick of another figure keeps the sum.
"""

from __future__ import annotations

import os
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Checkbox, Input, Label, Select, Static
from textual.widgets._select import SelectOverlay

from opsboard.i18n import _, _l, is_chinese, ngettext
from opsboard.i18n.widths import cut_to_cells
from opsboard.model.labels import figure_word
from opsboard.services.actuals import (
    MAPPED_FIGURES,
    ActualsImport,
    ActualsPreview,
    check_against_board,
    read_actuals_file,
    read_file_columns,
    remembered_mapping,
    save_actuals,
)
from opsboard.services.errors import InputError
from opsboard.store import BoardError

_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xls")
_LISTED = 200  # entries of a folder looked at for a completion
SPEND_SUM = "\x00sum"  # the ad-spend picker's choice of the layout's spend columns summed (no header holds a NUL)
_SUM_CELLS = 40  # the sum's label in the picker: its first columns, then '…'


class PathSuggester(Suggester):
    """Completes a path from what is on disk: folders, then back-office files."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


def complete_path(value: str) -> str | None:
    """`value` completed with the first folder (then importable file) on disk
    whose name starts with what was typed after the last separator."""
    if not value:
        return None
    folder, start = os.path.split(os.path.expanduser(value))
    try:
        with os.scandir(folder or ".") as entries:
            found: list[tuple[bool, str, str]] = []
            for entry in entries:
                if len(found) >= _LISTED:
                    break
                if not entry.name.startswith(start) or (entry.name.startswith(".") and not start.startswith(".")):
                    continue
                is_dir = entry.is_dir()
                if is_dir or entry.name.casefold().endswith(_SUFFIXES):
                    found.append((not is_dir, entry.name, os.sep if is_dir else ""))
    except OSError:
        return None
    if not found:
        return None
    _is_file, name, tail = min(found)
    completed = value + name[len(start) :] + tail
    return completed if completed != value else None


class ImportActualsDialog(ModalScreen[ActualsImport | None]):
    """Dismisses with what was imported, or None when nothing was."""

    AUTO_FOCUS = "#import-path"
    CSS_PATH = "import_actuals.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", _l("Cancel"), id="import.cancel"),
        Binding("enter", "go", _l("Preview / import"), id="import.go", priority=True),
    ]

    class Read(Message):
        """The worker read the file (or found why it cannot be)."""

        def __init__(self, asked: tuple, imported=None, error: str = "", columns: list[str] | None = None) -> None:
            self.asked = asked
            self.imported = imported
            self.error = error
            self.columns = columns or []  # the file's headers, for the pickers
            super().__init__()

    def __init__(self, folder: str = "") -> None:
        super().__init__()
        self.folder = folder
        self.preview: ActualsPreview | None = None
        self.previewed: tuple | None = None  # the inputs the preview was made from
        self.reading: tuple | None = None
        self.columns_of: tuple | None = None  # (path, sheet) whose columns the pickers list
        self.picked = False  # the user chose a picker's column: the file is read with the picks
        self.spend_sum: tuple[str, ...] = ()  # the columns the layout sums into the ad spend, offered as one choice

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Import daily metrics from the back office"), classes="import-title", markup=False)
            for name, label, value, hint, suggester in (
                ("path", _("File"), self.folder, _("path to a .csv, .xlsx or .xls export (→ completes)"), PathSuggester()),
                ("channel", _("Channel"), "", _("for a file without a channel column, e.g. 天猫旗舰店"), None),
                ("sheet", _("Sheet"), "", _("the workbook's sheet (default: the first)"), None),
            ):
                with Horizontal(classes="import-row"):
                    yield Label(label, markup=False)
                    yield Input(value, id=f"import-{name}", placeholder=hint, suggester=suggester)
            with Horizontal(classes="import-row"):
                yield Label(_("Columns"), markup=False)
                yield Static(_("found in the file; once it is read, pick them here by hand"), id="import-map-hint", markup=False)
            with Grid(id="import-map"):
                for figure in MAPPED_FIGURES:
                    with Horizontal(classes="import-pick"):
                        yield Label(figure_word(figure), markup=False)
                        yield Select[str]([], prompt="—", id=f"import-pick-{figure}", compact=True)
            yield Checkbox(_("Replace figures not split by channel on the same days"), id="import-unsplit")
            with VerticalScroll(id="import-preview-scroll"):
                yield Static("", id="import-preview", markup=False)
            yield Static(_("Enter: preview, then import · Esc: cancel, the board stays as it was"), id="import-keys", markup=False)

    # -- inputs ------------------------------------------------------------------
    def asked(self) -> tuple:
        values = [self.query_one(f"#import-{name}", Input).value.strip() for name in ("path", "channel", "sheet")]
        return (*values, self.picks(), self.query_one("#import-unsplit", Checkbox).value)

    def picks(self) -> tuple[tuple[str, str], ...]:
        """(figure, column) the user picked; () until they pick one (the layouts decide)."""
        if not self.picked:
            return ()
        picks: list[tuple[str, str]] = []
        for figure in MAPPED_FIGURES:
            column = self.query_one(f"#import-pick-{figure}", Select).value
            if column == SPEND_SUM:
                picks += [(figure, summed) for summed in self.spend_sum]
            elif column is not Select.NULL:
                picks.append((figure, str(column)))
        return tuple(picks)

    def on_select_changed(self, event: Select.Changed) -> None:
        self.picked = True  # the pickers filled by the dialog do not send this (prevented)

    def _fill_pickers(self, columns: list[str], chosen: dict[str, str], spend_sum: tuple[str, ...] = ()) -> None:
        """The file's columns in every picker, the recognised one chosen; the
        ad spend's several columns summed, as one choice of its own."""
        # a column's name is the file's text: shown as it is, never read as markup
        options = [(Content(column if len(column) <= 24 else column[:23] + "…"), column) for column in columns]
        self.spend_sum = spend_sum if len(spend_sum) > 1 and all(column in columns for column in spend_sum) else ()
        with self.prevent(Select.Changed):
            for figure in MAPPED_FIGURES:
                picker = self.query_one(f"#import-pick-{figure}", Select)
                if figure == "ad_spend" and self.spend_sum:
                    picker.set_options([(Content(sum_label(self.spend_sum)), SPEND_SUM), *options])
                    picker.value = SPEND_SUM
                    continue
                picker.set_options(options)
                if chosen.get(figure) in columns:
                    picker.value = chosen[figure]
        self.query_one("#import-map").display = bool(columns)
        hint = _("Tab: a figure's column · ↓: open the list · Enter: read again") if columns else _("the file has no row of column names")
        self.query_one("#import-map-hint", Static).update(hint)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_go(self) -> None:
        if isinstance(self.focused, SelectOverlay):
            raise SkipAction()  # enter chooses in an open picker
        chosen_file = tuple(self.query_one(f"#import-{name}", Input).value.strip() for name in ("path", "sheet"))
        if chosen_file != self.columns_of:
            self.picked = False  # another file: the layouts (or its own picks) decide
        asked = self.asked()
        if self.preview is not None and asked == self.previewed:
            self._save()
            return
        path, channel, sheet, picks, _unsplit = asked
        if not path:
            self._show_error(_("Give the path of the file exported from the back office."))
            return
        mapping = picked_mapping(picks)
        remembered = None if mapping else remembered_mapping(self.app.store)  # type: ignore[attr-defined]
        self.reading = asked
        self.preview = None
        self._show(Text(_("Reading the file…")), error=False)
        self.read(asked, os.path.expanduser(path), channel or None, sheet or None, mapping, remembered)

    @work(thread=True, exclusive=True, group="import-read")
    def read(self, asked: tuple, path: str, channel, sheet, mapping, remembered) -> None:
        try:
            imported = read_actuals_file(path, channel=channel, sheet=sheet, mapping=mapping, remembered=remembered, in_dialog=True)
        except (InputError, BoardError) as error:
            self.post_message(self.Read(asked, error=str(error), columns=read_file_columns(path, sheet=sheet)))
            return
        except Exception as error:  # a message in the dialog, never a crashed app
            self.post_message(self.Read(asked, error=f"{type(error).__name__}: {error}"))
            return
        self.post_message(self.Read(asked, imported, columns=read_file_columns(path, sheet=sheet)))

    def on_import_actuals_dialog_read(self, message: Read) -> None:
        if message.asked != self.reading:
            return  # the inputs changed since: a newer read follows
        path, _channel, sheet, picks, unsplit = message.asked
        if not picks:  # the user's picks stay as they chose them
            self.columns_of = (path, sheet)
            imported = message.imported
            self._fill_pickers(message.columns, dict(imported.columns) if imported else {}, imported.spend_columns if imported else ())
        if message.imported is None:
            self._show_error(message.error)
            return
        try:
            mapping = picked_mapping(picks)
            self.preview = check_against_board(self.app.store, message.imported, path, mapping=mapping, replace_unsplit=unsplit)  # type: ignore[attr-defined]
        except (InputError, BoardError) as error:
            self._show_error(str(error))
            return
        self.previewed = message.asked
        self._show(preview_text(self.preview), error=False)
        self.query_one("#import-keys", Static).update(_("Enter: import these rows · Esc: cancel, nothing is saved"))

    def _save(self) -> None:
        preview = self.preview
        assert preview is not None
        app = self.app
        try:  # the one save path: a held lock waits, a refusal is said, the views show the disk
            result = app.saves.run(save_actuals, app.store, preview, reraise=(InputError,))  # type: ignore[attr-defined]
        except InputError as error:  # a teammate's import since the preview: a day would now count twice
            self._show_error(str(error))
            return
        self.dismiss(result)

    def _show_error(self, message: str) -> None:
        self.preview = None
        self._show(Text(message), error=True)
        self.query_one("#import-keys", Static).update(_("Enter: try again · Esc: cancel, the board stays as it was"))

    def _show(self, text: Text, error: bool) -> None:
        preview = self.query_one("#import-preview", Static)
        preview.set_class(error, "-error")
        preview.update(text)


def picked_mapping(picks: tuple[tuple[str, str], ...]) -> dict[str, list[str]] | None:
    """The picks as a mapping by hand: figure → its columns (the ad spend's summed); None for none."""
    mapping: dict[str, list[str]] = {}
    for figure, column in picks:
        mapping.setdefault(figure, []).append(column)
    return mapping or None


def sum_label(columns: tuple[str, ...]) -> str:
    """'sum of 直通车消耗 + 钻石展位消耗 + 淘宝客佣金', cut to the picker's list."""
    text = _("sum of {columns}").format(columns=" + ".join(columns))
    return cut_to_cells(text, _SUM_CELLS)


def _amount(value: float | None, decimals: int = 2) -> str:
    return _("unknown") if value is None else f"{value:,.{decimals}f}"


def preview_text(preview: ActualsPreview) -> Text:
    """The preview as lines of plain text (file names and headers are user text)."""
    imported = preview.imported
    names = [c or _("not split by channel") for c in preview.channels]
    shown = "、".join(names[:4]) if is_chinese() else ", ".join(names[:4])
    if len(names) > 4:
        shown = _("{names} and {more} more").format(names=shown, more=len(names) - 4)
    columns = " · ".join(f"{figure_word(figure)} ← {header}" for figure, header in imported.columns.items())
    if imported.sheet:
        file = _("File      {file} ({kind}, sheet {sheet}, header on row {line})")
    else:
        file = _("File      {file} ({kind}, header on line {line})")
    lines = [
        file.format(file=preview.file, kind=imported.kind, sheet=imported.sheet, line=imported.header_line),
        _("Layout    {layout}").format(layout=imported.layout.name),
        _("Columns   {columns}").format(columns=columns),
        _("Dates     {first} … {last}").format(first=preview.first_day.isoformat(), last=preview.last_day.isoformat()),
        ngettext(
            "Rows      {days} days × {count} channel ({names})", "Rows      {days} days × {count} channels ({names})", len(names)
        ).format(days=preview.days, count=len(names), names=shown),
        _("Totals    revenue {revenue} · orders {orders} · ad spend {spend}").format(
            revenue=_amount(preview.total("revenue")), orders=_amount(preview.total("orders"), 0), spend=_amount(preview.total("ad_spend"))
        ),
        ngettext("Saving    {new} row new · {replaced} replaced", "Saving    {new} rows new · {replaced} replaced", preview.new).format(
            new=f"{preview.new:,}", replaced=f"{preview.replaced:,}"
        ),
    ]
    lines += [_("Warning   {note}").format(note=note) for note in preview.warnings]
    return Text("\n".join(lines))


def open_import_dialog(screen) -> None:
    """Push the dialog over a view; when rows were imported, say so and
    redraw every view from the board."""

    def done(result: ActualsImport | None) -> None:
        if result is None:
            return
        channels = ", ".join(c or _("not split by channel") for c in result.channels)
        message = ngettext(
            "Imported {rows} row ({new} new, {replaced} replaced): {first} … {last}, {channels}",
            "Imported {rows} rows ({new} new, {replaced} replaced): {first} … {last}, {channels}",
            result.rows,
        )
        text = message.format(
            rows=f"{result.rows:,}",
            new=f"{result.new:,}",
            replaced=f"{result.replaced:,}",
            first=result.first_day,
            last=result.last_day,
            channels=channels,
        )
        screen.notify(text, timeout=8, markup=False)
        screen.app.reload_views()

    screen.app.push_screen(ImportActualsDialog(), done)
