"""Shared by the live-refresh, undo and recovery TUI tests."""

from __future__ import annotations

import time
from pathlib import Path

from textual.widgets import DataTable

from opsboard.services.board_files import init_board
from opsboard.tui.app import OpsboardApp

FROZEN = "2026-06-01T09:30:00+08:00"
SIZE = (120, 40)


def make_board(path: Path) -> Path:
    init_board(path, user="ana", name="Spring shop", year=2026)
    return path


def record_notes(app: OpsboardApp) -> list[tuple[str, str]]:
    """Every notification the app shows, as (message, severity)."""
    notes: list[tuple[str, str]] = []
    show = app.notify

    def notify(message: str, **kwargs) -> None:
        notes.append((message, kwargs.get("severity", "information")))
        show(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return notes


async def wait_until(pilot, condition, timeout: float = 3.0) -> float:
    """Poll in steps of 0.1 s until `condition()`; the seconds it took.
    Fails after `timeout`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not seen within {timeout} s")
        await pilot.pause(0.1)
    return time.monotonic() - start


def checklist_rows(app: OpsboardApp) -> dict[str, str]:
    """item id → its status mark as shown."""
    table = app.screen.query_one("#items", DataTable)
    return {str(row.key.value): str(table.get_row(row.key)[0]) for row in table.ordered_rows}


def cursor_item(app: OpsboardApp) -> str:
    table = app.screen.query_one("#items", DataTable)
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
