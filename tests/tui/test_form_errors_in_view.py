"""Issue 18 case 3: the plan form opens with its first label in view, shows
every error at once, and scrolls the erring field (label, box and message)
into view — the last field's message used to fall below the fold, so ctrl+s
seemed to do nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_targets_view import make_board, open_targets
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.modals.form import FormScreen


def inside(widget, scroll) -> bool:
    return scroll.region.y <= widget.region.y and widget.region.bottom <= scroll.region.bottom and widget.region.height > 0


async def test_plan_form_errors_show_at_once_and_in_view_at_80x24(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2025-06-15T09:00:00+08:00")
    path = make_board(tmp_path)
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_targets(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        scroll = form.query_one(VerticalScroll)
        assert inside(form.query(Label)[0], scroll)  # "Annual sales target" shows on open
        form.query_one("#field-campaigns", Input).value = "618 sale, 2025-06-01, 2025-05-01, 60%, design"  # ends before it starts
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        message = form.query_one("#error-campaigns", Static)
        assert str(message.render()) and inside(message, scroll)  # the last field's message, on screen
        form.query_one("#field-conversion", Input).value = "300%"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert str(form.query_one("#error-conversion", Static).render())  # both at once
        assert str(form.query_one("#error-campaigns", Static).render())
        assert inside(form.query_one("#error-conversion", Static), scroll)


async def test_an_error_without_a_field_of_its_own_names_its_subject() -> None:
    from textual.app import App

    from opsboard.tui.modals.form import FORM_ERROR, FormField

    form = FormScreen("Plan", [FormField("annual_target", "Annual sales target", "1m")], lambda values: None)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(form)

    async with Host().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form.show_errors({"conversion": "is a rate between 0 and 1 (0.03 = 3 %)", FORM_ERROR: "could not save"})
        await pilot.pause()
        shown = str(form.query_one(f"#error-{FORM_ERROR}", Static).render())
        assert shown == "conversion: is a rate between 0 and 1 (0.03 = 3 %)\ncould not save"


async def test_the_task_form_opens_with_its_first_label_in_view(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Focusing the first field scrolled its label ('Title') away at 80×24."""
    from boards_fixture import NOW
    from boards_fixture import make_board as make_boards_board

    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_boards_board(path)
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "enter", "a")  # Design: a new task
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        scroll = form.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0  # the form is taller than the window
        assert inside(form.query(Label)[0], scroll) and str(form.query(Label)[0].render()) == "Title"
