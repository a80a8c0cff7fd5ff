"""Issue 18 case 16: coming back to a department keeps the time it used; `f`
before every department was walked asks first; the export dialog opened with
`x` does not say "not now"."""

from __future__ import annotations

import pytest
from test_standup_view import board, make_app, open_standup  # noqa: F401

from opsboard.tui.modals.confirm import ConfirmScreen
from opsboard.tui.modals.form import FormScreen
from opsboard.tui.widgets.standup_timer import StandupTimer


async def test_coming_back_keeps_the_time_used(board, monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = board
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        screen = await open_standup(pilot)
        timer = screen.query_one(StandupTimer)
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:30+08:00")  # 30 s on Design
        await pilot.press("n")  # Marketing
        monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:32+08:00")
        await pilot.press("p")  # back to Design: 1:30 left, not 2:00
        await pilot.pause()
        timer.tick()
        assert screen.department.id == "design"
        assert str(timer.render()) == "1:30 left · total 0:32"
        await pilot.press("n")  # Marketing used 2 s before
        await pilot.pause()
        timer.tick()
        assert str(timer.render()) == "1:58 left · total 0:32"


async def test_f_before_the_walk_is_done_asks(board) -> None:
    path, _ = board
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        screen = await open_standup(pilot)
        await pilot.press("n", "f")  # 2 of 9
        await pilot.pause()
        question = pilot.app.screen
        assert isinstance(question, ConfirmScreen)
        assert question.question == "Finish after 2 of 9 departments?"
        await pilot.press("n")  # not yet
        await pilot.pause()
        assert pilot.app.screen is screen and screen.record is None
        await pilot.press("f", "y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, FormScreen)  # the finish form, as before


async def test_x_asks_where_without_not_now(board) -> None:
    path, _ = board
    async with make_app(path).run_test(size=(80, 24)) as pilot:
        await open_standup(pilot)
        await pilot.press("x")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        assert form.form_title == "Export the stand-up to Markdown"  # asked for: esc cancels, it is not 'not now'


async def test_an_item_done_with_d_is_listed_as_done(board) -> None:
    from test_standup_view import rows

    from opsboard.tui.widgets.standup_agenda import AgendaTable

    path, _ = board
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        screen = await open_standup(pilot)
        groups = [group for group, _ in rows(screen)]
        at = groups.index("Checklist")
        title = rows(screen)[at][1]
        screen.query_one(AgendaTable).move_cursor(row=at)
        await pilot.press("d")
        await pilot.pause()
        assert ("Done", title) in rows(screen)  # in "Done since …", as a task done with d is


def test_notes_carry_their_author(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opsboard.services.board_files import init_board
    from opsboard.services.standup_record import add_note, standup_record_export, start_standup
    from opsboard.store import BoardStore
    from opsboard.tui.widgets.standup_agenda import notes_text

    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:00+08:00")
    lin = init_board(tmp_path / "b.json", user="lin", name="Shop", year=2026)
    record = start_standup(lin)
    add_note(lin, record.id, "design", "Hero images by Wednesday")
    record = add_note(BoardStore(lin.path, user="chen"), record.id, "design", "Ship the banner", decision=True)
    [design] = record.departments
    assert str(notes_text(design)) == "Decision: Ship the banner — chen\n- Hero images by Wednesday — lin"
    markdown = standup_record_export(lin, record.id)
    assert "- Note: Hero images by Wednesday — lin" in markdown and "- **Decision:** Ship the banner — chen" in markdown
