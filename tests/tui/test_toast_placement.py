"""Issue 18 case 14: notices show at the top right, under the header, not over
view 3's summary lines or a form's Save and Cancel buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_targets_view import make_board, open_targets
from textual.widgets import Static
from textual.widgets._toast import Toast, ToastRack

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp


def toasts_on(screen) -> list[Toast]:
    """Toasts are system widgets: a query from the screen does not see them."""
    return list(screen.get_child_by_type(ToastRack).query(Toast))


def overlaps(a, b) -> bool:
    return bool(a.region.intersection(b.region).area)


async def test_a_notice_keeps_off_the_summary_and_the_form_buttons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2025-06-15T09:00:00+08:00")
    app = OpsboardApp(BoardStore(make_board(tmp_path), user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_targets(pilot)
        app.notify("Exported targets to /tmp/a-rather-long-path/targets-2025.md", timeout=5)
        for _ in range(5):
            await pilot.pause(0.05)
        [toast] = toasts_on(screen)
        assert toast.region.y <= 3  # at the top, under the header
        assert not overlaps(toast, screen.query_one("#deviation", Static))
        await pilot.press("e")  # the plan form
        await pilot.pause()
        form = app.screen
        app.notify("Saved", timeout=5)
        for _ in range(5):
            await pilot.pause(0.05)
        toasts = toasts_on(form)
        assert toasts
        for button in form.query("#form-buttons Button"):
            assert not any(overlaps(t, button) for t in toasts)
