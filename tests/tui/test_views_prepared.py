"""Views ready before they are asked for (tui/preparing.py): just after the
first frame the app makes and mounts views 2–5 in the background, so a first
visit shows a view that is already built; one asked for before its turn is
made then and is the same; a prepared view that missed a teammate's save
redraws when shown; the stand-up's clock starts when it is first on screen."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from boards_app import board, make_app  # noqa: F401
from test_keys_in_order import burst
from textual.pilot import Pilot

from opsboard.services.tasks import add_task
from opsboard.store import BoardDamagedError, BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.boards import BoardsScreen
from opsboard.tui.widgets.board_overview import BoardOverview

MODES = ("checklists", "boards", "targets", "review", "standup")


def preparing_app(path: Path) -> OpsboardApp:
    app = make_app(path)
    app.prepare_views = True  # as in a terminal (headless runs leave it off)
    return app


async def prepared(pilot: Pilot) -> None:
    app = pilot.app
    for _ in range(3000):
        if app.preparer.finished:  # type: ignore[attr-defined]
            break
        await asyncio.sleep(0.01)
    assert app.preparer.finished, "the views were not prepared within 30 s"  # type: ignore[attr-defined]
    await pilot.pause()


def overview_counts(screen: BoardsScreen) -> dict[str, str]:
    """Department → its To do count, as the overview shows them."""
    table = screen.query_one(BoardOverview)
    return {str(table.get_row_at(row)[0]).strip(): str(table.get_row_at(row)[1]).strip() for row in range(table.row_count)}


async def test_every_view_is_built_before_it_is_asked_for(board: Path) -> None:
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        app = pilot.app
        built = {mode: app._screen_stacks[mode][0] for mode in MODES}
        assert all(screen.is_mounted for screen in built.values())
        assert app.current_mode == "checklists"  # still view 1: nothing was shown
        await pilot.press("2")
        assert app.screen is built["boards"]  # the prepared screen, not a new one
        assert overview_counts(app.screen)["Design"] == "3"


async def test_a_view_asked_for_while_the_others_are_prepared_is_right(board: Path) -> None:
    """`2 j j enter` straight after the first frame, while the app is still
    preparing the views: view 2 is made then, once, and the keys act on it."""
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await burst(pilot, "2", "j", "j", "enter")
        app = pilot.app
        screen = app.screen
        assert isinstance(screen, BoardsScreen)
        assert screen.department == [s.department.id for s in screen.summaries][2]
        await prepared(pilot)
        assert [len(app._screen_stacks[mode]) for mode in MODES] == [1] * 5
        assert app._screen_stacks["boards"][0] is screen
        await burst(pilot, "3", "1", "4", "5", "2")
        assert app.screen is screen and screen.department == [s.department.id for s in screen.summaries][2]


async def test_a_prepared_view_shows_a_teammates_save_made_while_it_was_hidden(board: Path) -> None:
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        teammate = BoardStore(board, user="wang")
        add_task(teammate, department="design", title="Teammate's task")
        pilot.app.check_for_changes()  # the app's once-a-second look at the file
        await pilot.press("2")
        assert overview_counts(pilot.app.screen)["Design"] == "4"


async def test_a_view_shown_again_without_a_change_is_not_redrawn(board: Path) -> None:
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        await pilot.press("2")
        screen = pilot.app.screen
        drawn = []
        screen.reload = lambda: drawn.append(1)  # type: ignore[method-assign]
        await pilot.press("1", "2")
        assert drawn == []


async def test_the_stand_up_clock_starts_when_the_view_is_first_shown(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Made in the background a minute and a half before anyone looks at it,
    view 5 still shows the whole timebox for the first department."""
    clock = [datetime.fromisoformat("2026-03-02T09:30:00+08:00")]
    monkeypatch.setattr("opsboard.tui.widgets.standup_timer.now", lambda: clock[0])
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        clock[0] += timedelta(seconds=90)
        await pilot.press("5")
        timer = pilot.app.screen.query_one("#timer")
        timer.tick()  # as its once-a-second interval does
        assert str(timer.render()).startswith("2:00 left · total 0:00")


async def test_a_hand_broken_task_waits_for_view_2_to_be_asked_for(board: Path) -> None:
    """Preparing does not end the app on a damaged task while the user reads
    view 1: view 2, when asked for, offers recovery as it always did."""
    data = json.loads(board.read_text(encoding="utf-8"))
    data["tasks"]["t-d1"]["status"] = "review"
    board.write_text(json.dumps(data), encoding="utf-8")
    app = preparing_app(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        assert app.is_running and app.current_mode == "checklists"
        await pilot.press("2")
        await pilot.pause()
    assert isinstance(app.return_value, BoardDamagedError)


async def test_a_view_that_cannot_draw_in_the_background_waits_for_its_visit(board: Path) -> None:
    """An activity entry whose time is hand-broken stops view 5 from drawing:
    made ahead, it must not end the app while the user reads view 1."""
    data = json.loads(board.read_text(encoding="utf-8"))
    newest = list(data["activity"])[-1]
    data["activity"][newest]["at"] = "yesterday"
    board.write_text(json.dumps(data), encoding="utf-8")
    app = preparing_app(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        assert app.is_running and app.current_mode == "checklists"
        assert app._screen_stacks["standup"][0].is_mounted
        await pilot.press("2")
        assert app.current_mode == "boards"


async def test_preparing_waits_while_the_user_types(board: Path) -> None:
    """A key every tenth of a second on view 1 from the first frame: no view
    is built meanwhile (each build is a slice of 20–80 ms a key would wait
    for); a pause, and they all are."""
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        for _ in range(10):
            await pilot.press("j")
            await asyncio.sleep(0.1)
            assert not app._screen_stacks.get("boards")
        await prepared(pilot)
        assert all(app._screen_stacks[mode][0].is_mounted for mode in MODES)


def notices(app: OpsboardApp, text: str) -> list[str]:
    return [n.message for n in app._notifications if text in n.message]


@pytest.mark.parametrize(("key", "mode"), [("3", "targets"), ("4", "review")])
async def test_a_plan_a_view_cannot_read_is_said_at_its_first_visit_not_over_view_1(board: Path, key: str, mode: str) -> None:
    """Views 3 and 4 prepared in the background meet a hand-broken plan:
    nothing is said while the user reads view 1; going to the view says it
    there, once."""
    data = json.loads(board.read_text(encoding="utf-8"))
    data.setdefault("targets", {})["plan"] = {"year": "next year", "annual_revenue": "lots"}
    board.write_text(json.dumps(data), encoding="utf-8")
    app = preparing_app(board)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        assert app.current_mode == "checklists"
        assert notices(app, "plan") == []
        await pilot.press(key)
        await pilot.pause()
        assert app.current_mode == mode
        assert len(notices(app, "plan")) == 1, [n.message for n in app._notifications]


def break_the_plan(board: Path) -> None:
    data = json.loads(board.read_text(encoding="utf-8"))
    data.setdefault("targets", {})["plan"] = {"year": "next year", "annual_revenue": "lots"}
    board.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("prepare", [True, False])
@pytest.mark.parametrize(("key", "then", "status"), [("3", "e", "#targets-status"), ("4", "x", "#review-status")])
async def test_a_view_that_cannot_read_the_plan_says_so_at_once_and_keys_go_through(
    board: Path, prepare: bool, key: str, then: str, status: str
) -> None:
    """No wait for figures that will never come (key_order.HOLD_LIMIT, 5 s):
    the view says why on its status line, and the next key acts on it."""
    from textual import events

    from opsboard.tui.modals.export_path import ExportForm

    break_the_plan(board)
    app = preparing_app(board) if prepare else make_app(board)
    async with app.run_test(size=(120, 40)) as pilot:
        if prepare:
            await prepared(pilot)
        await pilot.pause()
        app.post_message(events.Key(key, key))
        await pilot.pause(0.3)
        said = len(notices(app, "plan"))
        app.post_message(events.Key(then, then))
        await pilot.pause(0.3)
        view = app._screen_stacks[app.current_mode][0]
        assert "could not" in str(view.query_one(status).render()) and "plan" in str(view.query_one(status).render())
        assert not view.query_one(status.replace("status", "loading")).display
        assert not app.key_order.held
        if then == "e":  # the plan's form cannot open: the problem is said again, not a traceback
            assert len(notices(app, "plan")) == said + 1, [n.message for n in app._notifications]
        else:
            assert isinstance(app.screen, ExportForm)


async def test_keys_typed_while_a_view_is_drawn_ahead_in_slices_apply_in_order(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawing a view ahead is sliced (a few rows of a widget at a time: view
    5's 30 ms in one go kept a key waiting): keys typed between the slices
    act in order, and the view drawn ahead in slices shows as one drawn on
    its visit."""
    from opsboard.tui import preparing

    monkeypatch.setattr(preparing, "SLICE_SECONDS", 0.0)  # a slice per few rows: as many gaps as can be
    monkeypatch.setattr(preparing, "TYPING_PAUSE", 0.0)  # slices go on while keys come in
    slices: dict[str, int] = {}
    whole = preparing.pre_render

    def counted(screen):
        for step in whole(screen):
            slices[type(screen).__name__] = slices.get(type(screen).__name__, 0) + 1
            yield step

    monkeypatch.setattr(preparing, "pre_render", counted)
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        for _ in range(12_000):  # a condition, at most a minute: on a loaded machine the imports alone take seconds
            if slices or app.preparer.finished:
                break
            await asyncio.sleep(0.005)
        assert slices and not app.preparer.finished  # a view is being drawn ahead now
        await burst(pilot, "2", "j", "j", "enter")
        assert isinstance(app.screen, BoardsScreen)
        assert app.screen.department == [s.department.id for s in app.screen.summaries][2]
        await prepared(pilot)
        assert all(slices.get(view, 0) > 3 for view in ("TargetsScreen", "ReviewScreen", "StandupScreen")), slices  # not one go each
        await burst(pilot, "4")  # drawn ahead in slices
        sliced = review_shown(app)
    async with make_app(board).run_test(size=(120, 40)) as pilot:
        await burst(pilot, "4")
        assert review_shown(pilot.app) == sliced


def review_shown(app: OpsboardApp) -> tuple[str, str, list[str]]:
    """View 4 as shown: its period, its status line and its table's lines."""
    from opsboard.tui.widgets.report_table import ReportTable

    screen = app.screen
    table = screen.query_one(ReportTable)
    lines = [" ".join(str(cell) for cell in row) for row in table.rows]
    return screen.period, str(screen.query_one("#review-status").render()), lines


async def test_a_view_asked_for_while_its_tasks_are_validated_ahead_stays_on_screen(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a 100,000-task board view 2's tasks take seconds to validate ahead:
    `2` pressed meanwhile makes view 2 then. Once the validation ends, the
    view made ahead must not replace the one on screen (it did: the app
    showed view 1 still, and later keys went to a screen never drawn)."""
    app = preparing_app(board)
    validated = app.store.validate_ahead
    asked_for = asyncio.Event()
    held: list[str] = []

    def slow_validation(table: str, seconds: float) -> bool:
        held.append(table)
        return asked_for.is_set() and validated(table, seconds)  # still validating until `2` is pressed

    monkeypatch.setattr(app.store, "validate_ahead", slow_validation)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3000):  # until the preparation is in view 2's validation
            if held:
                break
            await asyncio.sleep(0.01)
        assert held, "the preparation did not reach view 2's tasks"
        await burst(pilot, "2")
        shown = app.screen
        assert isinstance(shown, BoardsScreen)
        asked_for.set()
        await prepared(pilot)
        assert app._screen_stacks["boards"] == [shown] and app.screen is shown
        assert shown.query_one(BoardOverview).region.height > 0  # laid out: what the terminal shows
        assert overview_counts(shown)["Design"] == "3"
        await burst(pilot, "j", "j", "enter")  # later keys act on it
        assert shown.department == [s.department.id for s in shown.summaries][2]
        assert app.screen is shown


def stylesheets(app: OpsboardApp) -> set[str]:
    """The app's own CSS files read into its stylesheet (not widgets' DEFAULT_CSS)."""
    return {path for path, _ in app.stylesheet.source if path.endswith(".tcss")}


async def test_dialogs_and_screens_over_a_view_open_without_reading_a_stylesheet(board: Path) -> None:
    """Issue 17: the help, the activity view, the task list, the card form
    and details have their stylesheets read with the views' in the background:
    their first opening no longer parses and applies CSS to the whole app
    (20–40 ms of the first `?`, `A` or `a`)."""
    async with preparing_app(board).run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        app = pilot.app
        sources = stylesheets(app)
        await pilot.press("question_mark")
        await pilot.press("escape", "A")
        assert type(app.screen).__name__ == "ActivityScreen"
        await pilot.press("escape", "T")
        assert type(app.screen).__name__ == "TaskListScreen"
        await pilot.press("escape", "2", "right_square_bracket", "a")
        assert type(app.screen).__name__ == "CardForm"
        await pilot.press("escape", "enter")
        assert type(app.screen).__name__ == "TaskDetailsScreen"
        await pilot.press("escape")
        assert stylesheets(app) == sources  # every one of them read ahead
