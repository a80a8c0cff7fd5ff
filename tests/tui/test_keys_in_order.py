"""Keys typed faster than the app answers all take effect, in order: a
terminal delivers `2 1` or `2 j j enter` in one read, before view 2 is built
(tui/key_order.py). Each burst here is sent the way a terminal sends it: all
keys into the app's queue at once, no pause between them."""

from __future__ import annotations

import shutil
from pathlib import Path

from boards_app import board, make_app  # noqa: F401
from textual import events
from textual.pilot import Pilot

from opsboard.tui.modals.task_details import TaskDetailsScreen

CHARACTERS = {"enter": "\r", "escape": "\x1b", "space": " "}


async def burst(pilot: Pilot, *keys: str) -> None:
    """The keys as one terminal read, then until the app has applied them all:
    none still in its queue (a busy app may not have read them yet: "none
    held" alone was true then), none held by the key order, the last one
    gone through."""
    app = pilot.app
    sent = [events.Key(key, CHARACTERS.get(key, key)) for key in keys]
    for key in sent:
        app.post_message(key)

    def applied() -> bool:
        queued = app._message_queue.values  # Textual's own queue
        if any(message is key for message in queued for key in sent):
            return False
        order = getattr(app, "key_order", None)
        return order is None or (not order.held and order._settled())  # the last one handled, or stopped by its widget

    for _ in range(APPLY_WAIT * 100):  # a condition, not a time: the limit is only against a hang
        await pilot.pause(0.01)
        if applied():
            break
    await pilot.pause()


APPLY_WAIT = 60  # seconds at most for a burst to be applied (a loaded machine)


async def test_two_then_one_at_once_ends_on_view_1(board: Path) -> None:
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "2", "1")
        assert pilot.app.current_mode == "checklists"
        assert pilot.app.screen.query_one("#items").has_focus  # view 1's list, ready for the next key


async def test_keys_after_a_switch_go_to_the_new_view_in_order(board: Path) -> None:
    """`2 j j enter`: view 2, two rows down the overview, open that department."""
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view_1 = pilot.app.screen.query_one("#items")
        row_before = view_1.cursor_row
        await burst(pilot, "2", "j", "j", "enter")
        screen = pilot.app.screen
        assert pilot.app.current_mode == "boards"
        assert view_1.cursor_row == row_before  # no `j` went to view 1's list
        third = [s.department.id for s in screen.summaries][2]
        assert screen.department == third


async def test_a_burst_does_what_the_same_keys_typed_slowly_do(board: Path) -> None:
    keys = ("2", "right_square_bracket", "l", "enter")
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)  # one at a time, each waited for
        slow = (pilot.app.current_mode, pilot.app.screen.__class__, pilot.app.screen.card.id)
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, *keys)
        fast = (pilot.app.current_mode, pilot.app.screen.__class__, pilot.app.screen.card.id)
    assert slow[1] is TaskDetailsScreen
    assert fast == slow


async def test_keys_sent_before_the_first_frame_wait_for_it(board: Path) -> None:
    """Typed while the app is still starting (view 1 not yet built, the board
    not yet checked): applied once it is, in order."""
    app = make_app(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "3", "1", "2", "j", "enter")
        assert app.current_mode == "boards"
        screen = app.screen
        assert screen.department == [s.department.id for s in screen.summaries][1]


async def test_a_view_switch_need_not_wait_for_a_views_figures(tmp_path: Path, monkeypatch) -> None:
    """View 4 prepares its reports in a thread (pandas first: seconds, cold).
    `4 1` goes back to view 1 at once; `4 d` waits for the reports, then
    shows them by day."""
    from opsboard.services.board_files import DEMO_BOARD
    from opsboard.tui.screens.review import ReviewScreen

    demo = tmp_path / "demo.json"
    shutil.copyfile(DEMO_BOARD, demo)
    monkeypatch.setattr(ReviewScreen, "ready_for_keys", property(lambda screen: screen.source is not None and not held[0]))
    held = [True]  # the reports "not in yet" until the test says
    async with make_app(demo).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "4", "1")
        assert pilot.app.current_mode == "checklists"
        pilot.app.post_message(events.Key("4", "4"))
        pilot.app.post_message(events.Key("d", "d"))
        await pilot.pause(0.3)
        review = pilot.app.screen
        assert isinstance(review, ReviewScreen) and review.period == "month"  # `d` waits
        held[0] = False
        await burst(pilot)
        assert review.period == "day"
