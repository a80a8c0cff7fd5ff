"""The first keys after saves, on views prepared ahead (issue 17: every key
on a five-year board within 50 ms): view 5, made ahead and never shown,
shows at its first visit what a save on view 2 changed; a save that did not
touch the department on screen leaves its table as drawn (its rows not built
again: the lines Textual kept stay good); in a pause, a hidden view a save
changed is brought up to date, so its visit draws nothing, without touching
the view on screen or holding keys up; the first undo finds the activity log
validated."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
from standup_board import build_board
from test_keys_in_order import burst
from test_standup_view import DESIGN, rows, shown
from test_views_prepared import prepared
from textual.pilot import Pilot

from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.boards import BoardsScreen
from opsboard.tui.screens.standup import StandupScreen
from opsboard.tui.widgets.standup_agenda import AgendaTable


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("OPSBOARD_STANDUP_MINUTES", raising=False)
    path = tmp_path / "b.json"
    build_board(path, monkeypatch)
    return path


def preparing_app(path: Path) -> OpsboardApp:
    app = OpsboardApp(BoardStore(path, user="lin"))
    app.animation_level = "none"
    app.prepare_views = True  # as in a terminal
    return app


def standup_ahead(app: OpsboardApp) -> StandupScreen:
    """View 5 as made ahead, not yet shown."""
    screen = app._screen_stacks["standup"][0]
    assert isinstance(screen, StandupScreen) and not screen.shown
    return screen


async def on_board(pilot: Pilot, *keys: str) -> BoardsScreen:
    """View 2, Design's board opened from the overview, then `keys`."""
    await pilot.press("2", "enter", *keys)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BoardsScreen)
    return screen


async def test_a_card_moved_on_view_2_shows_at_view_5s_first_visit(board: Path) -> None:
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        assert rows(standup_ahead(pilot.app)) == DESIGN
        await on_board(pilot, "L")  # Shoot detail photos: To do → Doing
        await pilot.press("5")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, StandupScreen)
        assert rows(screen)[:3] == [("! Overdue", "Retouch hero images"), ("Doing", "Shoot detail photos"), ("This week", "Size chart")]
        await pilot.press("j")
        await pilot.pause()
        assert shown(screen, "#agenda-detail").startswith("Doing · Shoot detail photos · owner chen")


def no_catch_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pause is long enough to bring hidden views up to date (a loaded machine's test may pause for seconds)."""
    from opsboard.tui import preparing

    monkeypatch.setattr(preparing, "TYPING_PAUSE", 3600.0)


async def test_a_save_on_another_department_leaves_view_5s_table_as_drawn(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        no_catch_up(monkeypatch)  # the visit redraws it
        standup = standup_ahead(pilot.app)
        table = standup.query_one(AgendaTable)
        cleared: list[bool] = []
        clear = table.clear
        table.clear = lambda columns=False: cleared.append(columns) or clear(columns)  # type: ignore[method-assign]
        # Marketing's board: Book 618 ad slots, Blocked → Doing
        await on_board(pilot, "right_square_bracket", "l", "H")
        assert standup.board_changed_since_drawn()
        await pilot.press("5")
        await pilot.pause()
        assert pilot.app.screen is standup
        assert rows(standup) == DESIGN
        assert cleared == []  # the same rows: not built again
        await pilot.press("n")
        await pilot.pause()
        assert shown(standup, "#walk-position").startswith("Stand-up 2/9 · Marketing")
        assert rows(standup)[:2] == [("Doing", "Book 618 ad slots"), ("Doing", "Keyword bids review")]
        assert cleared == [False]  # Marketing's rows are others: built anew, in the same columns


async def test_the_first_undo_finds_the_activity_log_validated(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Validated while the user read view 1 (a full log's 5,000 entries took
    23 ms of the first `u`, under a profiler), and undo's module imported;
    the undo then undoes."""
    monkeypatch.delitem(sys.modules, "opsboard.services.undo", raising=False)  # as in a new process
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        store = pilot.app.store
        assert "opsboard.services.undo" in sys.modules  # imported with the views, not by the first u
        generation, validated, _docs = store._models["activity"]
        assert generation == store._storage.generation and len(validated) == len(store.raw("activity"))
        await on_board(pilot, "L")
        await pilot.press("u")
        await pilot.pause()
    task = next(t for t in BoardStore(board, user="reader").tasks() if t.title == "Shoot detail photos")
    assert task.status.value == "todo"


async def caught_up(pilot: Pilot, screen: StandupScreen) -> None:
    """Until the app, in a pause, has brought the hidden view up to date (at most a minute: a loaded machine)."""
    app = pilot.app
    for _ in range(6000):
        if not screen.board_changed_since_drawn() and app.preparer._steps is None:
            break
        await asyncio.sleep(0.01)
    assert not screen.board_changed_since_drawn(), "the hidden view was not brought up to date in a pause"
    await pilot.pause()


def counting_reloads(screen) -> list[int]:
    """A list that grows by one at each reload of `screen` from now on."""
    drawn: list[int] = []
    reload = screen.reload
    screen.reload = lambda: drawn.append(1) or reload()
    return drawn


async def after_looks(app: OpsboardApp, count: int) -> None:
    """Until the preparer has looked for changed hidden views `count` times
    more (a look that finds the user typing, or slices under way, does not count)."""
    looked: list[int] = []
    hidden_views = app.preparer._hidden_views
    app.preparer._hidden_views = lambda: looked.append(1) or hidden_views()  # type: ignore[method-assign]
    try:
        for _ in range(1000):
            if len(looked) >= count:
                return
            await asyncio.sleep(0.01)
        raise AssertionError(f"the preparer looked {len(looked)} times, not {count}")
    finally:
        del app.preparer._hidden_views


async def test_in_a_pause_view_5_is_brought_up_to_date_and_its_visit_draws_nothing(board: Path) -> None:
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        standup = standup_ahead(pilot.app)
        await on_board(pilot, "L")  # Shoot detail photos: To do → Doing
        await caught_up(pilot, standup)
        assert not standup.shown and rows(standup)[1] == ("Doing", "Shoot detail photos")  # hidden, drawn anew
        drawn = counting_reloads(standup)
        await pilot.press("5")
        await pilot.pause()
        assert pilot.app.screen is standup and drawn == []  # its visit only shows it
        assert rows(standup)[:2] == [("! Overdue", "Retouch hero images"), ("Doing", "Shoot detail photos")]
        assert shown(standup, "#walk-position").startswith("Stand-up 1/9 · Design")


async def test_a_catch_up_in_a_pause_leaves_the_view_on_screen_as_it_was(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opsboard.tui import preparing

    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        standup = standup_ahead(pilot.app)
        no_catch_up(monkeypatch)
        boards = await on_board(pilot, "L")
        await pilot.pause(0.05)
        before = pilot.app.export_screenshot()
        assert standup.board_changed_since_drawn()
        monkeypatch.setattr(preparing, "TYPING_PAUSE", 0.25)  # now the pause
        await caught_up(pilot, standup)
        assert pilot.app.screen is boards
        assert pilot.app.export_screenshot() == before


async def test_keys_typed_while_a_hidden_view_is_brought_up_to_date_apply_in_order(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The catch-up's slices go on while keys come in (no pause asked for, a
    slice per few rows): the keys act in order, on the views they reach."""
    from opsboard.tui import preparing

    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        standup = standup_ahead(pilot.app)
        monkeypatch.setattr(preparing, "SLICE_SECONDS", 0.0)
        monkeypatch.setattr(preparing, "TYPING_PAUSE", 0.0)
        slices: list[str] = []
        whole = preparing.pre_render

        def counted(screen, **how):
            for step in whole(screen, **how):
                slices.append(type(screen).__name__)
                yield step

        monkeypatch.setattr(preparing, "pre_render", counted)
        await on_board(pilot, "L")  # Shoot detail photos: To do → Doing
        for _ in range(6000):
            if "StandupScreen" in slices:
                break
            await asyncio.sleep(0.005)
        assert "StandupScreen" in slices  # view 5 is being drawn off screen now
        await burst(pilot, "5", "n", "n", "p")
        assert pilot.app.screen is standup
        assert shown(standup, "#walk-position").startswith("Stand-up 2/9 · Marketing")
        await burst(pilot, "p")
        assert rows(standup)[:2] == [("! Overdue", "Retouch hero images"), ("Doing", "Shoot detail photos")]


async def test_a_view_that_cannot_draw_is_left_for_its_visit_not_drawn_in_every_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hand-broken task (status `review`) stops views 2 and 5 from drawing:
    made ahead, they wait for their visit to say so (the app offers
    recovery then), and the pauses do not try them again and again."""
    import json

    from boards_fixture import NOW, make_board

    from opsboard.store import BoardDamagedError
    from opsboard.tui import preparing

    monkeypatch.setattr(preparing, "CATCH_UP_EVERY", 0.02)
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tasks"]["t-d1"]["status"] = "review"
    path.write_text(json.dumps(data), encoding="utf-8")
    app = preparing_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        drawn: list[str] = []
        for mode in ("boards", "standup"):
            screen = app._screen_stacks[mode][0]
            assert screen._draw_failed
            screen.reload = lambda mode=mode: drawn.append(mode)  # type: ignore[method-assign]
        await after_looks(app, 3)
        assert drawn == [] and app.is_running and app.current_mode == "checklists"
        del app._screen_stacks["boards"][0].reload  # its own again, for its visit
        await pilot.press("2")
        await pilot.pause()
    assert isinstance(app.return_value, BoardDamagedError)


async def test_in_a_pause_the_kept_activity_view_words_the_new_change_and_a_shows_it_at_once(board: Path) -> None:
    """The activity view (`A`, made ahead and kept) a save changed while it was
    hidden is worded and drawn again in a pause: `A` then only shows it, the
    save at the top; a filter left set last time is cleared as at any opening."""
    from textual.widgets import Select

    from opsboard.tui.screens.activity import ActivityScreen

    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        await pilot.press("A")
        await pilot.pause()
        activity = pilot.app.screen
        assert isinstance(activity, ActivityScreen)
        people = activity.query_one("#person", Select)
        people.value = next(value for _label, value in people._options if value is not Select.NULL)  # a filter, then left
        await pilot.pause()
        await pilot.press("escape")
        await on_board(pilot, "L")  # Shoot detail photos: To do → Doing
        await caught_up(pilot, activity)  # type: ignore[arg-type]
        assert pilot.app.screen is not activity
        drawn = counting_reloads(activity)
        await pilot.press("A")
        await pilot.pause()
        assert pilot.app.screen is activity and drawn == []  # its opening only shows it
        assert people.value is Select.NULL
        newest = activity.query_one("#activity").get_row_at(0)
        assert str(newest[1]) == "lin" and "Shoot detail photos" in str(newest[2]) and "Doing" in str(newest[2])


async def test_a_catch_up_waits_for_figures_worked_out_in_a_thread(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hidden view is not redrawn while a thread works figures out (pandas
    holds the interpreter for long stretches: a redraw of 10 ms of work
    waited 40–110 ms for it, and a key with it); it is once the thread is done."""
    import threading
    import time

    from opsboard.tui import preparing

    monkeypatch.setattr(preparing, "TYPING_PAUSE", 0.0)
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        standup = standup_ahead(pilot.app)
        drawn = counting_reloads(standup)
        release = threading.Event()
        pilot.app.run_worker(lambda: release.wait(10), thread=True, name="figures")
        await on_board(pilot, "L")  # Shoot detail photos: To do → Doing
        started = time.monotonic()
        while time.monotonic() - started < 3 * preparing.CATCH_UP_EVERY:
            await asyncio.sleep(0.02)
        assert drawn == [] and standup.board_changed_since_drawn()  # held back while the thread works
        release.set()
        await caught_up(pilot, standup)
        assert drawn == [1] and rows(standup)[1] == ("Doing", "Shoot detail photos")


async def test_the_kept_activity_view_is_drawn_ahead_once_all_its_pages_are_in(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A log longer than the first page: the catch-up waits for the pages
    added after it before drawing the view off screen (a row added after
    would drop every line drawn), so `A` shows what was drawn."""
    from opsboard.services.tasks import add_task
    from opsboard.tui import preparing
    from opsboard.tui.screens.activity import ROW_LIMIT, ActivityScreen

    store = BoardStore(board, user="lin")
    for n in range(ROW_LIMIT):
        add_task(store, department="design", title=f"Card {n}")
    drawn_at: list[int] = []  # the activity table's update count when drawn ahead
    pre_render = preparing.pre_render

    def noted(screen, **how):
        if isinstance(screen, ActivityScreen):
            drawn_at.append(screen.query_one("#activity")._update_count)
        yield from pre_render(screen, **how)

    monkeypatch.setattr(preparing, "pre_render", noted)
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        await pilot.press("A")
        await pilot.pause()
        activity = pilot.app.screen
        assert isinstance(activity, ActivityScreen)
        await pilot.press("escape")
        await on_board(pilot, "L")
        drawn_at.clear()
        await caught_up(pilot, activity)  # type: ignore[arg-type]
        table = activity.query_one("#activity")
        assert not activity.settling() and table.row_count == ROW_LIMIT
        assert drawn_at == [table._update_count]  # drawn once, after its last row went in
        await pilot.press("A")
        await pilot.pause()
        assert pilot.app.screen is activity and table._update_count == drawn_at[0]  # shown as drawn ahead
