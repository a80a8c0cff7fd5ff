"""Writing a view's export to a file in one of the formats of
services/export_formats.py (`opsboard export --format md|xlsx|csv -o`, and
`x` in the app): into the board's folder unless told otherwise, `~`
expanded. An existing file is never replaced unless the caller says so
(`--force`; the app asks first)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from opsboard.export.calendar import CalendarEntry, calendar_markdown
from opsboard.model import TASK_STATUS_LABELS, ItemStatus
from opsboard.model.clock import today
from opsboard.model.labels import ITEM_STATUS_WORDS
from opsboard.store import BoardStore
from opsboard.store.paths import refuse_board_file

from .departments import department_names
from .export import ExportExists, default_export_path, export_path, export_view, write_file
from .export_formats import BY_NAME, export_format, suffixes


def calendar_export(store: BoardStore) -> str:
    """Every dated task and open checklist item, in date order, as Markdown."""
    names = department_names(store)
    entries = [
        CalendarEntry(t.due, "Task", t.title, names.get(t.department, t.department), t.owner, TASK_STATUS_LABELS[t.status], t.id)
        for t in store.tasks()
        if t.due is not None
    ]
    entries += [
        CalendarEntry(
            i.due,
            "Checklist",
            f"{i.code} {i.title}",
            names.get(i.department, i.department),
            i.owner,
            str(ITEM_STATUS_WORDS[i.status]),
            i.id,
        )
        for i in store.checklist()
        if i.due is not None and i.status is ItemStatus.OPEN
    ]
    return calendar_markdown(store.meta().name, entries, today())


def view_markdown(store: BoardStore, view: str, *, include_archived: bool = False) -> str:
    if view == "calendar":
        return calendar_export(store)
    return export_view(store, view, include_archived=include_archived)


def export_target(store: BoardStore, view: str, fmt: str, path: str | Path | None = None) -> Path:
    """Where the export goes: `path` with `~` expanded (a folder: the default
    name inside it; another format's suffix: this format's), else the board's folder."""
    target = export_path(path, default_export_path(store, view, fmt))
    if target.suffix.lower() in suffixes() and target.suffix.lower() != BY_NAME[fmt].suffix:
        target = target.with_suffix(BY_NAME[fmt].suffix)
    return target


def write_view_export(
    store: BoardStore, view: str, fmt: str = "md", path: str | Path | None = None, *, force: bool = False, include_archived: bool = False
) -> Path:
    """The view in any format of services/export_formats.py, for the CLI and
    the app's `x`. InputError and nothing written for an unknown view or a
    format that view has not, the board's own files, a view with no table
    yet, or (ExportExists) a file already there without `force`."""
    return write_markdown_export(store, view, lambda: view_markdown(store, view, include_archived=include_archived), fmt, path, force=force)


def write_markdown_export(
    store: BoardStore, view: str, markdown: Callable[[], str], fmt: str, path: str | Path | None, *, force: bool = False
) -> Path:
    """`markdown()` (a view's report, or view 4's by day, week or month) written
    in `fmt`, checked as write_view_export checks it."""
    chosen = export_format(fmt, view)
    target = export_target(store, view, fmt, path)
    refuse_board_file(store.path, target)  # the board's own files: refused, whatever --force says
    if target.exists() and not force:
        raise ExportExists(target)
    return write_file(target, chosen.render(markdown()), board=store.path, force=force)
