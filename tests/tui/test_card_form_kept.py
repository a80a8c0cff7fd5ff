"""Issue 17: the card form (and the activity view) is made once (ahead, in a terminal) and opened
again filled anew, not composed at each `a` or `e` (50–60 ms of CPU on the
five-year board). Opened again it must be as a new one: its fields as the
task or the new task has them, no message left from before, the first field
focused, its label in view, esc cancelling, ctrl+s saving, undo history of
the notes gone."""

from __future__ import annotations

from pathlib import Path

from boards_app import board, make_app  # noqa: F401
from test_boards_view import open_design, saved
from test_views_prepared import prepared, preparing_app
from textual.containers import VerticalScroll
from textual.widgets import Input, Select, Static, TextArea

from opsboard.tui.modals.form import FormScreen
from opsboard.tui.screens.activity import ActivityScreen
from opsboard.tui.screens.boards import BoardsScreen


def messages(form: FormScreen) -> list[str]:
    return [str(s.render()) for s in form.query(".field-error").results(Static) if not s.has_class("-empty")]


async def test_the_form_opened_again_is_as_new(board: Path) -> None:
    async with make_app(board).run_test(size=(80, 24)) as pilot:
        screen = await open_design(pilot)
        await pilot.press("a")
        await pilot.pause()
        first = pilot.app.screen
        assert isinstance(first, FormScreen)
        await pilot.press(*"Half-typed")
        first.query_one("#field-due", Input).value = "2026-02-30"
        first.query_one("#field-priority", Select).value = "1"
        first.query_one("#field-notes", TextArea).load_text("a note")
        first.query_one("#field-notes", TextArea).insert(" more")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(messages(first)) == 1  # the due date refused
        await pilot.press("escape")  # something was typed: it asks
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.screen is screen
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        form = pilot.app.screen
        assert form is first  # the same form, filled anew
        assert form.values() == {"title": "", "owner": "", "due": "", "priority": "3", "tags": "", "checklist_item": "", "notes": ""}
        assert messages(form) == []
        assert form.focused is form.query_one("#field-title", Input)
        assert form.query_one(VerticalScroll).scroll_y == 0  # the first label in view
        notes = form.query_one("#field-notes", TextArea)
        notes.undo()
        assert notes.text == ""  # nothing of the last opening to undo back to
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert pilot.app.screen is screen
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Second try", "ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is screen
    assert [t.title for t in saved(board).tasks() if t.title in ("Second try", "Half-typed")] == ["Second try"]


async def test_edit_fills_the_kept_form_with_each_card(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        titles = []
        for _ in range(2):
            task = screen.current_task()
            await pilot.press("e")
            await pilot.pause()
            form = pilot.app.screen
            assert isinstance(form, FormScreen)
            values = form.values()
            assert values["title"] == task.title and values["department"] == "design"
            assert values["owner"] == (task.owner or "") and values["priority"] == str(task.priority)
            assert str(form.query_one(".form-title", Static).render()) == f"Edit · {task.title}"
            titles.append(task.title)
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.screen is screen
            await pilot.press("j")
        assert titles[0] != titles[1]


async def test_the_new_task_form_is_made_ahead_in_a_terminal(board: Path) -> None:
    app = preparing_app(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        ahead = [s for s in app._installed_screens.values() if isinstance(s, FormScreen)]
        assert len(ahead) == 1 and ahead[0].is_mounted
        [activity] = [s for s in app._installed_screens.values() if isinstance(s, ActivityScreen)]
        assert activity.is_mounted and not activity.is_active
        await pilot.press("A")  # the activity view made ahead too: shown, not made
        await pilot.pause()
        assert app.screen is activity
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_design(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert form is ahead[0]
        assert str(form.query_one(".form-title", Static).render()) == "New task for Design"
        assert form.focused is form.query_one("#field-title", Input)
        assert form.query_one(VerticalScroll).region.x > 0  # laid out as a dialog, centred
        await pilot.press(*"Made ahead", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen and isinstance(screen, BoardsScreen)
    assert [t.department for t in saved(board).tasks() if t.title == "Made ahead"] == ["design"]


async def test_typing_in_the_edit_form_adds_to_the_title_it_does_not_replace_it(board: Path) -> None:
    """`e` then a few keys: the title as it was with those keys after it, each
    time the kept form is opened; the title is not selected to be typed over."""
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        screen = await open_design(pilot)
        for _ in range(2):
            task = screen.current_task()
            await pilot.press("e")
            await pilot.pause()
            assert pilot.app.screen.query_one("#field-title", Input).selected_text == ""
            await pilot.press(*" v2", "ctrl+s")
            await pilot.pause()
            assert pilot.app.screen is screen
            assert next(t.title for t in saved(board).tasks() if t.id == task.id) == task.title + " v2"
