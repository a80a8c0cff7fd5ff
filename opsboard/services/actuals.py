"""Importing the store's daily metrics (`opsboard import-actuals`, `i` in the app).

Two steps, so the app can show what a file holds before anything is saved:
`preview_actuals` reads and checks the whole file (and that no day would
count twice); `save_actuals` writes it as one save. All or nothing: one bad
row and nothing is saved. A row's id is `date|channel` (`date|channel|source`
for a spend-only report), so importing the same days and channels again
replaces them.

Channels never double count: a day holds figures for named channels or
figures not split by channel, never both. A file without a channel column
takes `channel`; `replace_unsplit` lets a file's channels replace the board's
unsplit figures on the same days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsboard.i18n import _, ngettext
from opsboard.importers import ActualsImportError, parse_actuals
from opsboard.importers.headers import file_columns
from opsboard.importers.layouts import FIELDS
from opsboard.model import DailyMetric, Operation, OpKind, Table
from opsboard.model.cleaning import clean_line
from opsboard.store import BoardStore
from opsboard.store.errors import InputFileError
from opsboard.store.input_files import CSV_LIMIT, read_input_file

from .errors import InputError

if TYPE_CHECKING:
    from opsboard.importers import ImportedFile

MAPPED_FIGURES = FIELDS  # the figures a file's column can be picked for, by hand
MAPPING_FIELD = "actuals_mapping"  # in the board's meta: the last --map, tried when no layout matches


@dataclass(frozen=True)
class ActualsImport:
    rows: int
    new: int  # days and channels the board did not have
    replaced: int  # days and channels imported before, now replaced
    first_day: str  # ISO date
    last_day: str
    channels: tuple[str, ...]  # "" is "not split by channel"


@dataclass(frozen=True)
class ActualsPreview:
    """What an import would do, before anything is saved."""

    file: str  # the file's name, cleaned for display
    imported: ImportedFile
    new: int
    replaced: int
    unsplit_replaced: tuple[str, ...]  # ids of the board's unsplit rows this import removes
    mapping: dict[str, list[str]] | None  # a mapping by hand, remembered when saved
    revision: int  # the board revision the preview was made at

    @property
    def metrics(self) -> list[DailyMetric]:
        return self.imported.metrics

    @property
    def first_day(self) -> date:
        return min(m.date for m in self.metrics)

    @property
    def last_day(self) -> date:
        return max(m.date for m in self.metrics)

    @property
    def days(self) -> int:
        return len({m.date for m in self.metrics})

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(sorted({m.channel for m in self.metrics}))

    def total(self, figure: str) -> float | None:
        """The file's sum of a figure; None when no row knows it."""
        values = [getattr(m, figure) for m in self.metrics if getattr(m, figure) is not None]
        return sum(values) if values else None

    @property
    def warnings(self) -> tuple[str, ...]:
        notes = list(self.imported.warnings)
        if self.unsplit_replaced:
            count = len(self.unsplit_replaced)
            notes.append(
                ngettext(
                    "{n} row not split by channel is replaced by this file's channels",
                    "{n} rows not split by channel are replaced by this file's channels",
                    count,
                ).format(n=count)
            )
        return tuple(notes)


def parse_mapping(pairs: Iterable[str]) -> dict[str, list[str]]:
    """`FIELD=COLUMN` pairs (from --map) as figure → columns; InputError for a malformed one."""
    mapping: dict[str, list[str]] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise InputError(_("--map {pair}: expected FIELD=COLUMN, e.g. --map revenue=成交金额").format(pair=repr(clean_line(pair))))
        mapping.setdefault(field.strip().casefold(), []).append(clean_line(column.strip()))
    return mapping


def remembered_mapping(store: BoardStore) -> dict[str, list[str]] | None:
    """The mapping the board's last import by hand used, if any."""
    saved = store.raw(Table.META).get("meta", {}).get(MAPPING_FIELD)
    if not isinstance(saved, dict):
        return None
    return {str(k): [str(c) for c in v] for k, v in saved.items() if isinstance(v, list)} or None


def read_actuals_file(
    path: str | PathLike[str],
    *,
    channel: str | None = None,
    sheet: str | None = None,
    mapping: Mapping[str, list[str]] | None = None,
    remembered: Mapping[str, list[str]] | None = None,
    in_dialog: bool = False,
) -> ImportedFile:
    """Read and check the file alone (no board): InputError listing every bad
    row, or BoardError when it cannot be read. Loads pandas for Excel files
    and touches no board, so the app calls it in a worker thread (`in_dialog`:
    its errors advise the dialog's column pickers rather than --map)."""
    what = "spreadsheet" if Path(path).suffix.casefold() in (".xlsx", ".xls") else "CSV"
    data = read_input_file(path, what=what, limit=CSV_LIMIT)  # a FIFO, a device, a huge file: one line, no hang
    try:
        return parse_actuals(data, clean_line(str(path)), sheet=sheet, channel=channel, mapping=mapping, remembered=remembered)
    except ActualsImportError as error:
        raise InputError(error.in_dialog if in_dialog else str(error)) from None


def read_file_columns(path: str | PathLike[str], *, sheet: str | None = None) -> list[str]:
    """The file's column headers, for picking by hand which gives which
    figure; [] when it cannot be read or has no row of names."""
    what = "spreadsheet" if Path(path).suffix.casefold() in (".xlsx", ".xls") else "CSV"
    try:
        data = read_input_file(path, what=what, limit=CSV_LIMIT)
        return file_columns(data, clean_line(str(path)), sheet)
    except (ActualsImportError, InputFileError):
        return []


def check_against_board(
    store: BoardStore,
    imported: ImportedFile,
    path: str | PathLike[str],
    *,
    mapping: Mapping[str, list[str]] | None = None,
    replace_unsplit: bool = False,
) -> ActualsPreview:
    """The preview of a file read by read_actuals_file: rows new and replaced,
    and InputError when a day would count twice."""
    existing = store.actuals()
    unsplit = _double_counted(imported.metrics, existing, Path(path).name, replace_unsplit)
    have = {m.id for m in existing}
    replaced = sum(1 for m in imported.metrics if m.id in have)
    return ActualsPreview(
        clean_line(Path(path).name),
        imported,
        len(imported.metrics) - replaced,
        replaced,
        unsplit,
        {k: list(v) for k, v in mapping.items()} if mapping else None,
        store.revision,
    )


def preview_actuals(
    store: BoardStore,
    path: str | PathLike[str],
    *,
    channel: str | None = None,
    sheet: str | None = None,
    mapping: Mapping[str, list[str]] | None = None,
    replace_unsplit: bool = False,
) -> ActualsPreview:
    """Read and check the file against the board; InputError (every bad row,
    or the one problem) with nothing saved."""
    remembered = None if mapping else remembered_mapping(store)
    imported = read_actuals_file(path, channel=channel, sheet=sheet, mapping=mapping, remembered=remembered)
    return check_against_board(store, imported, path, mapping=mapping, replace_unsplit=replace_unsplit)


def _double_counted(metrics: list[DailyMetric], existing: list[DailyMetric], file: str, replace_unsplit: bool) -> tuple[str, ...]:
    """InputError when a day would hold both named channels and figures not
    split by channel; the ids of unsplit rows to remove with replace_unsplit."""
    named_days: dict[date, set[str]] = {}
    unsplit_days: dict[date, list[str]] = {}
    for m in existing:
        if m.channel:
            named_days.setdefault(m.date, set()).add(m.channel)
        else:
            unsplit_days.setdefault(m.date, []).append(m.id)
    file = clean_line(file)
    mine_unsplit = sorted({m.date for m in metrics if not m.channel})
    clash = [d for d in mine_unsplit if d in named_days]
    if clash:
        names = sorted(set().union(*(named_days[d] for d in clash)))
        raise InputError(
            _(
                "{file} has no channel, but the board already holds figures for {channels} on {days}: "
                "imported as they are, those days would count twice. Name the file's channel with --channel NAME "
                "(in the app: the channel field)"
            ).format(file=file, channels=_names(names), days=_days(clash))
        )
    mine_named = sorted({m.date for m in metrics if m.channel})
    clash = [d for d in mine_named if d in unsplit_days]
    if clash and not replace_unsplit:
        names = sorted({m.channel for m in metrics if m.channel})
        raise InputError(
            _(
                "the board holds figures not split by channel on {days}; adding {file}'s {channels} "
                "would count those days twice. Import with --replace-unsplit (in the app: replace unsplit figures) "
                "to replace them by this file's channels"
            ).format(days=_days(clash), file=file, channels=_names(names))
        )
    return tuple(doc_id for d in clash for doc_id in unsplit_days[d])


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:5])
    if len(names) > 5:
        shown = _("{names} and {more} more").format(names=shown, more=len(names) - 5)
    return ngettext("channel {names}", "channels {names}", len(names)).format(names=shown)


def _days(days: list[date]) -> str:
    if len(days) == 1:
        return days[0].isoformat()
    return _("{n} days ({first} … {last})").format(n=len(days), first=days[0].isoformat(), last=days[-1].isoformat())


def save_actuals(store: BoardStore, preview: ActualsPreview) -> ActualsImport:
    """Save a preview's rows as one change (and the mapping by hand, for the
    next import). Checked again against the board as it is now."""
    metrics = preview.metrics
    if store.revision != preview.revision:
        _double_counted(metrics, store.actuals(), preview.file, bool(preview.unsplit_replaced))
    docs = [metric.to_doc() | {"id": metric.id} for metric in metrics]
    rows = "1 row" if len(docs) == 1 else f"{len(docs)} rows"
    ops = [Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs, summary=f"imported {rows} from {preview.file}")]
    have = store.raw(Table.ACTUALS)
    for doc_id in preview.unsplit_replaced:
        if doc_id in have:
            ops.append(Operation(kind=OpKind.DELETE, table=Table.ACTUALS, doc_id=doc_id, before=have[doc_id]))
    if preview.mapping and preview.mapping != remembered_mapping(store):
        ops.append(Operation(kind=OpKind.SET, table=Table.META, doc_id="meta", after={MAPPING_FIELD: preview.mapping}))
    entries = store.apply(*ops)
    replaced = int(entries[0].after.get("replaced", 0)) if entries else 0
    days = sorted(metric.date for metric in metrics)
    channels = tuple(sorted({metric.channel for metric in metrics}))
    return ActualsImport(len(docs), len(docs) - replaced, replaced, days[0].isoformat(), days[-1].isoformat(), channels)


def import_actuals_counted(store: BoardStore, path: str | PathLike[str], **options: Any) -> ActualsImport:
    """Read, check and save the file's rows (preview_actuals's options);
    InputError listing every bad row (line number and reason) with nothing imported."""
    return save_actuals(store, preview_actuals(store, path, **options))


def import_actuals(store: BoardStore, path: str | PathLike[str], **options: Any) -> int:
    """The number of rows imported (see import_actuals_counted)."""
    return import_actuals_counted(store, path, **options).rows
