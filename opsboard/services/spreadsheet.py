"""Spreadsheet exports (`opsboard export --format xlsx|csv`, and `x` in the
app): a view's report tables as an .xlsx or a .csv, written into the board's
folder unless told otherwise. An existing file is never replaced unless the
caller says so (`--force`; the app asks first)."""

from __future__ import annotations

from pathlib import Path

from opsboard.export.calendar import CalendarEntry, calendar_markdown
from opsboard.export.spreadsheet import markdown_tables, write_spreadsheet
from opsboard.i18n import _
from opsboard.model import TASK_STATUS_LABELS, ItemStatus
from opsboard.model.clock import today
from opsboard.store import BoardStore
from opsboard.store.paths import refuse_board_file

from .departments import department_names
from .errors import InputError
from .export import export_view, write_markdown

SPREADSHEET_VIEWS = ("boards", "targets", "review", "calendar")
FORMATS = ("xlsx", "csv")


class ExportExists(InputError):
    """The target file is there already; nothing was written."""

    def __init__(self, target: Path):
        self.target = target
        super().__init__(_("{path} already exists; give another file name (-o) or --force to replace it").format(path=target))


def calendar_export(store: BoardStore) -> str:
    """Every dated task and open checklist item, in date order, as Markdown."""
    names = department_names(store)
    entries = [
        CalendarEntry(t.due, "Task", t.title, names.get(t.department, t.department), t.owner, TASK_STATUS_LABELS[t.status], t.id)
        for t in store.tasks()
        if t.due is not None
    ]
    entries += [
        CalendarEntry(i.due, "Checklist", f"{i.code} {i.title}", names.get(i.department, i.department), i.owner, i.status.value, i.id)
        for i in store.checklist()
        if i.due is not None and i.status is ItemStatus.OPEN
    ]
    return calendar_markdown(store.meta().name, entries, today())


def view_markdown(store: BoardStore, view: str) -> str:
    if view == "calendar":
        return calendar_export(store)
    return export_view(store, view)


def default_spreadsheet_path(store: BoardStore, view: str, fmt: str) -> Path:
    """`<board folder>/<board>-<view>-<date>.<xlsx|csv>`"""
    return store.path.with_name(f"{store.path.stem}-{view}-{today().isoformat()}.{fmt}")


_SUFFIXES = {".md", ".xlsx", ".csv"}


def spreadsheet_target(store: BoardStore, view: str, fmt: str, path: str | Path | None = None) -> Path:
    """Where the export goes: `path` with `~` expanded (a folder: the default
    name inside it; another export's suffix: this format's), else the board's folder."""
    if not path:
        return default_spreadsheet_path(store, view, fmt)
    target = Path(path).expanduser()
    if target.is_dir():
        return target / default_spreadsheet_path(store, view, fmt).name
    if target.suffix.lower() in _SUFFIXES and target.suffix.lower() != f".{fmt}":
        target = target.with_suffix(f".{fmt}")
    return target


def write_view_export(store: BoardStore, view: str, fmt: str, path: str | Path | None = None, *, force: bool = False) -> Path:
    """A view as Markdown, xlsx or csv (the app's `x`); ExportExists when
    the file is there and not `force`."""
    if fmt != "md":
        return export_spreadsheet(store, view, fmt, path, force=force)
    target = spreadsheet_target(store, view, "md", path)
    refuse_board_file(store.path, target)  # the board's own files: refused, whatever --force says
    if target.exists() and not force:
        raise ExportExists(target)
    return write_markdown(target, view_markdown(store, view), board=store.path)


def export_spreadsheet(store: BoardStore, view: str, fmt: str, path: str | Path | None = None, *, force: bool = False) -> Path:
    """Write the view's tables; InputError (nothing written) for an unknown
    view or format, a view with no table yet, or an existing file without `force`."""
    if view not in SPREADSHEET_VIEWS:
        raise InputError(_("no spreadsheet of '{view}' (valid: {valid})").format(view=view, valid=", ".join(SPREADSHEET_VIEWS)))
    if fmt not in FORMATS:
        raise InputError(_("unknown format '{format}' (valid: {valid})").format(format=fmt, valid=", ".join(("md", *FORMATS))))
    target = spreadsheet_target(store, view, fmt, path)
    refuse_board_file(store.path, target)
    if target.exists() and not force:
        raise ExportExists(target)
    tables = markdown_tables(view_markdown(store, view))
    if not tables:
        raise InputError(_("the {view} view has no table to export yet").format(view=view))
    try:
        write_spreadsheet(tables, target, fmt)
    except OSError as error:
        raise InputError(_("{path}: could not write the export ({error})").format(path=target, error=error.strerror or error)) from None
    return target
