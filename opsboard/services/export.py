"""Markdown export of every view, for the CLI (`opsboard export`) and the TUI (`x`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from opsboard.i18n import _
from opsboard.model.clock import today
from opsboard.store import BoardStore
from opsboard.store.paths import refuse_board_file

from .checklists import checklist_task_progress, phase_progress, task_progress_label
from .departments import department_names
from .errors import InputError

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


def export_view(store: BoardStore, view: str) -> str:
    """The view as Markdown; 'all' joins every view."""
    if view == "all":
        return "\n\n".join(EXPORTERS[name](store).rstrip() for name in VIEWS) + "\n"
    exporter = EXPORTERS.get(view)
    if exporter is None:
        raise InputError(_("unknown view '{view}' (valid: {views}, all)").format(view=view, views=", ".join(VIEWS)))
    return exporter(store)


def default_export_path(store: BoardStore, view: str) -> Path:
    """`<board folder>/<board>-<view>-<date>.md`"""
    return store.path.with_name(f"{store.path.stem}-{view}-{today().isoformat()}.md")


def write_markdown(target: Path, text: str, *, board: Path) -> Path:
    """Write an export; a refused write is one line, not a traceback. The
    board's own files are refused as targets (the board, its backups, lock
    and activity archive, compared as real files, not as spelled)."""
    refuse_board_file(board, target)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(
            _("{target}: could not write the export ({reason})").format(target=target, reason=error.strerror or error)
        ) from None
    return target


def write_export(store: BoardStore, view: str, path: str | Path | None = None) -> Path:
    target = Path(path) if path else default_export_path(store, view)
    return write_markdown(target, export_view(store, view), board=store.path)
