"""The app freezes what it has loaded while it runs (the garbage collector
then skips the parsed board) and thaws it when it ends, so nothing it froze
outlives it."""

from __future__ import annotations

import gc
from pathlib import Path

from checklists_fixture import checklist_app, checklist_board  # noqa: F401


async def test_the_heap_is_frozen_while_the_app_runs_and_thawed_after(checklist_board: Path) -> None:
    gc.unfreeze()
    app = checklist_app(checklist_board)
    assert gc.get_freeze_count() > 1000  # the modules and the parsed board at least
    async with app.run_test() as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 1000
    assert gc.get_freeze_count() == 0


async def test_the_collector_paused_for_the_start_runs_again_once_view_1_is_drawn(checklist_board: Path) -> None:
    """`opsboard` pauses garbage collection for its start (cli.main); the app
    turns it back on just after the first frame, for good."""
    gc.disable()
    try:
        app = checklist_app(checklist_board)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert app.screen.query_one("#items").row_count > 0
    finally:
        gc.enable()


def test_the_command_line_leaves_the_collector_on_when_the_app_cannot_open(tmp_path: Path) -> None:
    from opsboard.cli import main

    assert main([str(tmp_path / "missing-folder" / "board.json")]) == 1
    assert gc.isenabled()


async def test_opening_the_app_never_parses_the_whole_stylesheet_again(checklist_board: Path, monkeypatch) -> None:
    """Textual parses the whole stylesheet from scratch for each screen's CSS
    file it meets and for each screen it makes for a mode (a tenth of the
    time to view 1's first frame); the app parses each file once, and a
    first visit to another view adds only that view's file."""
    from textual.css.stylesheet import Stylesheet

    from_scratch = []
    reparse = Stylesheet.reparse

    def counted(stylesheet: Stylesheet) -> None:
        from_scratch.append(1)
        reparse(stylesheet)

    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = checklist_app(checklist_board)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert from_scratch == []
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.query("#overview") and from_scratch == []


async def test_the_first_frame_written_is_the_whole_screen_and_none_is_drawn_to_be_dropped(checklist_board: Path, monkeypatch) -> None:
    """Textual lays view 1 out while the app's start-up batch is still open
    and drops what it draws then (nothing is written during a batch); the
    terminal showed only a few widgets until a later full repaint, 20-40 ms
    on. The app now draws nothing in that batch and writes the whole screen
    as soon as it ends, before the board is checked."""
    from textual.app import App

    from opsboard.tui.app import OpsboardApp

    written: list[tuple[int, str, bool]] = []  # (the batch depth, the update's kind, the board checked by then)
    checked: list[bool] = []
    display, check = App._display, OpsboardApp._check_board

    def spy(self: App, screen, renderable) -> None:
        if renderable is not None:
            written.append((self._batch_count, type(renderable).__name__, bool(checked)))
        display(self, screen, renderable)

    def check_spy(self: OpsboardApp) -> None:
        checked.append(True)
        check(self)

    monkeypatch.setattr(App, "_display", spy)
    monkeypatch.setattr(OpsboardApp, "_check_board", check_spy)
    app = checklist_app(checklist_board)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    assert not [kind for depth, kind, _ in written if depth], "a frame was drawn in the start-up batch, to be dropped"
    _depth, first_kind, after_the_check = written[0]
    assert first_kind == "LayoutUpdate"  # the whole screen, not a few widgets' chops
    assert not after_the_check
    assert checked  # and the board was checked after it
