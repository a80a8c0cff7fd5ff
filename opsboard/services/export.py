"""Markdown export of every view, for the CLI (`opsboard export`) and the TUI (`x`)."""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable
from pathlib import Path

from opsboard.i18n import _
from opsboard.i18n.formats import os_reason
from opsboard.model.clock import today
from opsboard.store import BoardStore
from opsboard.store.paths import refuse_board_file

from .checklists import checklist_task_progress, phase_progress, task_progress_label
from .departments import department_names
from .errors import InputError
from .export_formats import BY_NAME

VIEWS = ("checklists", "boards", "targets", "review", "standup")


def checklists_export(store: BoardStore) -> str:
    from opsboard.export.checklists import checklists_markdown

    meta = store.meta()
    phases = [(p.phase, p.items, p.done, p.total) for p in phase_progress(store)]
    extras = {item: task_progress_label(*counts) for item, counts in checklist_task_progress(store).items()}
    return checklists_markdown(meta.name, phases, department_names(store), today(), extras)


def _lazy(module: str, function: str) -> Callable[[BoardStore], str]:
    """Import a view's exporter only when that view is exported (pandas!)."""

    def run(store: BoardStore) -> str:
        markdown: str = getattr(importlib.import_module(module), function)(store)
        return markdown

    return run


# view name → function(store) → Markdown, in VIEWS order
EXPORTERS: dict[str, Callable[[BoardStore], str]] = {
    "checklists": checklists_export,
    "boards": _lazy("opsboard.services.task_board", "boards_export"),
    "targets": _lazy("opsboard.services.targets", "targets_export"),
    "review": _lazy("opsboard.services.review", "review_export"),
    "standup": _lazy("opsboard.services.standup", "standup_export"),
}

_ARCHIVED_BOARDS = _lazy("opsboard.services.task_board", "boards_export_with_archive")


def export_view(store: BoardStore, view: str, *, include_archived: bool = False) -> str:
    """The view as Markdown; 'all' joins every view. `include_archived`: the
    boards with the done tasks in the archive too."""
    if include_archived and view in ("boards", "all"):
        boards = _ARCHIVED_BOARDS(store)
        if view == "boards":
            return boards
        return "\n\n".join((boards if name == "boards" else EXPORTERS[name](store)).rstrip() for name in VIEWS) + "\n"
    if view == "all":
        return "\n\n".join(EXPORTERS[name](store).rstrip() for name in VIEWS) + "\n"
    exporter = EXPORTERS.get(view)
    if exporter is None:
        raise InputError(_("unknown view '{view}' (valid: {views}, all)").format(view=view, views=", ".join(VIEWS)))
    return exporter(store)


def default_export_path(store: BoardStore, view: str, fmt: str = "md", folder: str | Path | None = None) -> Path:
    """`<folder>/<board>-<view>-<date>.<suffix>`: the board's folder unless
    `folder` (the one the person last exported to, remembered by the app) is
    an existing folder."""
    name = f"{store.path.stem}-{view}-{today().isoformat()}{BY_NAME[fmt].suffix}"
    place = Path(folder).expanduser() if folder else None
    return place / name if place is not None and place.is_dir() else store.path.with_name(name)


class ExportExists(InputError):
    """The target file is there already; nothing was written."""

    def __init__(self, target: Path) -> None:
        self.target = target
        super().__init__(_("{path} already exists; give another file name (-o) or --force to replace it").format(path=target))


def write_file(target: Path, data: bytes, *, board: Path, force: bool = False) -> Path:
    """Write an export; a refused write is one line, not a traceback. The
    board's own files are refused as targets (the board, its backups, lock
    and activity archive, compared as real files, not as spelled); an
    existing file is kept (ExportExists) unless `force`. Written to a
    temporary file put in place: a crash never leaves half an export under
    the name asked for."""
    refuse_board_file(board, target)
    if target.exists() and not force:
        raise ExportExists(target)
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise InputError(_("{path}: could not write the export ({error})").format(path=target, error=os_reason(error))) from None
    return target


def export_path(path: str | Path | None, default: Path) -> Path:
    """What the person typed, `~` expanded; a folder: the default name in it;
    nothing: the default."""
    if not path or not str(path).strip():
        return default
    target = Path(str(path).strip()).expanduser()
    return target / default.name if target.is_dir() else target


def write_markdown(target: Path, text: str, *, board: Path, force: bool = False) -> Path:
    return write_file(target, text.encode("utf-8"), board=board, force=force)


def write_export(
    store: BoardStore, view: str, path: str | Path | None = None, *, force: bool = False, include_archived: bool = False
) -> Path:
    target = export_path(path, default_export_path(store, view))
    return write_markdown(target, export_view(store, view, include_archived=include_archived), board=store.path, force=force)
