"""Pictures of view 1 on a fixed board and a frozen clock, at 120×40 and 80×24.
Update the baselines with `pytest tests/tui/test_checklists_snapshots.py --snapshot-update`
after checking the new pictures by eye."""

from __future__ import annotations

from pathlib import Path

import pytest
from checklists_fixture import checklist_app, checklist_board  # noqa: F401


def keys(*pressed: str):
    async def run(pilot) -> None:
        await pilot.pause()
        for key in pressed:
            await pilot.press(key)
        await pilot.pause()

    return run


def test_research_120x40(snap_compare, checklist_board: Path):
    # the cursor on the overdue item, its explanation below the table
    assert snap_compare(checklist_app(checklist_board), terminal_size=(120, 40), run_before=keys("j", "j"))


def test_research_80x24(snap_compare, checklist_board: Path):
    assert snap_compare(checklist_app(checklist_board), terminal_size=(80, 24), run_before=keys("j", "j"))


def test_promotion_with_a_skipped_item_80x24(snap_compare, checklist_board: Path):
    assert snap_compare(checklist_app(checklist_board), terminal_size=(80, 24), run_before=keys("l", "l", "G"))


def test_no_color_80x24(snap_compare, checklist_board: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(checklist_app(checklist_board), terminal_size=(80, 24), run_before=keys("j", "j", "j"))
