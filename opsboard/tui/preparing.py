"""Views ready before they are asked for: after the first frame, while the
user reads it, the app prepares the other views in the background, so the
first visit to any of them shows it at once, as a later visit does.

In order, each step a short slice of the UI thread, a timer apart (the app
draws and answers keys between them: a key waits at most one slice; while
the user is typing, the slices wait for a pause):

1. a thread imports every view's module (widgets, services, models), and
   those of the screens a key opens over a view (help, the card form and
   details, the palette: AHEAD), so the UI thread does not wait for imports;
2. the stylesheets of all of them are read together: one parse of the app's
   CSS instead of one per view or dialog at its first opening (each
   restyled the whole app: 20–40 ms of the first `A`, `?` or `a`);
   then the activity log is validated, a few hundred entries a slice (the
   first `u` read all of a full log's);
3. view by view, in key order: the tasks it shows are validated a few
   hundred at a time (view 2's 10,000), then its screen is made and mounted
   as its mode's screen, not shown; laid out and drawn once off screen (a
   few rows of a widget a slice), so its first visit only composes it.
   Views 3–5 work their figures out in a thread as they mount; once those
   are in they are drawn again.

What a step made is frozen out of the garbage collector's full walks at
once (`OpsboardApp.keep_loaded`): such a walk inside a step took 25–50 ms.

Once they are prepared, views a save changed while they were hidden (the
user's own on another view, or a teammate's) are brought up to date in the
user's pauses, the same way and a slice at a time: redrawn from the store,
their figures awaited, laid out and drawn off screen; so their next visit
only composes them, as when nothing changed (view 5's first visit after
saves on views 1 and 2 redrew it: 30–60 ms of a key). The view on screen is
not touched, and a key pressed meanwhile stops the slices until the next
pause. What they make is not frozen: it replaces what the view showed.

A view asked for before its turn is made then, as before (its import waits
for the thread's, if under way), and keys typed meanwhile wait for it
(`key_order.py`). A view that cannot draw off screen waits for its first
visit to say why (`ViewScreen.redraw`)."""

from __future__ import annotations

import importlib
import inspect
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual._path import _css_path_type_as_list
from textual.geometry import Region

from .kept_screens import hidden_kept
from .views import VIEWS, View

if TYPE_CHECKING:
    from textual.screen import Screen

    from .app import OpsboardApp

SLICE_SECONDS = 0.008  # of validation, or of drawing ahead, per slice
PRE_RENDER_ROWS = 4  # a widget's rows drawn ahead at a time
GAP_SECONDS = 0.004  # between slices: the app draws and answers keys
WAIT_SECONDS = 0.05  # between looks while waiting for the import thread or a view's figures
TYPING_PAUSE = 0.25  # seconds without a key before the next slice (a view's mount is one of 20–80 ms)
CATCH_UP_EVERY = 0.25  # seconds between looks for hidden views a save changed, once all are prepared
MOUNT_WAIT = 5.0  # seconds at most for a view's mount before the next view's turn
SETTLE_WAIT = 30.0  # seconds at most for a view's figures (pandas loads first)
# Screens a key opens over a view, imported and their stylesheets read with the views'.
AHEAD: tuple[str, ...] = (
    "opsboard.tui.modals.help:HelpScreen",
    "opsboard.tui.modals.task_form:ReasonForm",
    "opsboard.tui.modals.task_details:TaskDetailsScreen",
    "opsboard.tui.modals.confirm:ConfirmScreen",
    "opsboard.tui.modals.standup_forms:StandupForm",
    "opsboard.tui.modals.standup_history:StandupHistoryScreen",
    "opsboard.tui.palette:OpsCommandPalette",
)
# Modules a key imports at its first press, imported with the views' (undo: 3 ms of the first `u`).
MODULES_AHEAD: tuple[str, ...] = ("opsboard.services.undo",)
# Dialogs made (and mounted, laid out) ahead, each by a function of the app
# that makes it: their first opening only fills them.
MADE_AHEAD: tuple[str, ...] = ("opsboard.tui.modals.task_form:make_ahead", "opsboard.tui.screens.activity:make_ahead")
# The tables a view reads as it opens, validated ahead (the others are small);
# each is also the BoardStore method that reads it.
TABLES: dict[str, tuple[str, ...]] = {"boards": ("tasks",), "standup": ("tasks",)}
# Tables a key reads whatever the view, validated ahead before the views':
# the activity log, which undo reads (a full log took 23 ms of the first `u`).
KEY_TABLES: tuple[str, ...] = ("activity",)


class ViewPreparer:
    def __init__(self, app: OpsboardApp) -> None:
        self.app = app
        self._imported: dict[str, threading.Event] = {}
        self._ahead_imported = threading.Event()
        self._steps: Iterator[float] | None = None
        self.finished = False  # every view prepared
        self._stopped = False

    def start(self) -> None:
        views = [view for view in VIEWS if view.name != self.app.current_mode]
        self._imported = {view.name: threading.Event() for view in views}
        threading.Thread(target=self._import, args=(views,), name="opsboard-prepare-views", daemon=True).start()
        self._steps = self._prepare(views)
        self.app.set_timer(GAP_SECONDS, self._step)

    def stop(self) -> None:
        self._steps = None
        self._stopped = True

    def _import(self, views: list[View]) -> None:
        for view in views:
            try:
                view.screen_class()
            except Exception:  # the view's first visit imports it again and reports it
                pass
            self._imported[view.name].set()
        for name in AHEAD:
            try:
                screen_class(name)
            except Exception:  # its first opening imports it again and reports it
                pass
        for module in MODULES_AHEAD:
            try:
                importlib.import_module(module)
            except Exception:  # the key imports it again and reports it
                pass
        try:
            self.app.store.get_ready_to_save()  # the first key that saves does not wait for imports or the digest
        except Exception:  # that save does it again and says what is wrong
            pass
        self._ahead_imported.set()

    def _step(self) -> None:
        if self._steps is None:
            return
        typing = time.monotonic() - self.app.key_order.last_key_at
        if typing < TYPING_PAUSE:  # the user is at the keys: the next slice waits for a pause
            self.app.set_timer(TYPING_PAUSE - typing, self._step)
            return
        preparing = not self.finished
        try:
            gap = next(self._steps)
        except StopIteration:
            self._steps = None
            if preparing:
                self.finished = True
                self.app.set_interval(CATCH_UP_EVERY, self._look_for_changed_views, name="opsboard-catch-up")
            return
        finally:
            # What a step made (validated tasks, a view's widgets) lives as
            # long as the app: kept out of the collector's full walks, which
            # otherwise fell inside a step (25–50 ms on a 10,000-task board).
            # (Not a catch-up's: it replaces what was drawn, which is garbage.)
            if preparing:
                self.app.keep_loaded()
        self.app.set_timer(gap, self._step)

    # -- once prepared: hidden views a save changed, brought up to date in pauses --
    def _look_for_changed_views(self) -> None:
        if self._steps is not None or self._stopped or not self.app.is_running:
            return  # slices under way, or the app closing
        if time.monotonic() - self.app.key_order.last_key_at < TYPING_PAUSE:
            return  # the user is at the keys: the next look
        changed = [
            screen
            for screen in self._hidden_views()
            if screen.board_changed_since_drawn() and not screen._draw_failed  # (one that failed waits for its visit to say why)
        ]
        if changed:
            self._steps = self._catch_up(changed)
            self._step()

    def _hidden_views(self) -> list[Any]:
        """The views made and mounted, alone in their mode and not on screen;
        and the kept screens that follow the board (the activity view, `A`)."""
        hidden = []
        for view in VIEWS:
            stack = self.app._screen_stacks.get(view.name) if view.mode else None
            if stack and len(stack) == 1 and self._hidden(stack[0]) and hasattr(stack[0], "board_changed_since_drawn"):
                hidden.append(stack[0])
        hidden += [screen for screen in hidden_kept(self.app) if hasattr(screen, "board_changed_since_drawn")]
        return hidden

    def _hidden(self, screen: Screen) -> bool:
        return screen.is_mounted and not screen.is_current  # (not current either while the app closes)

    def _catch_up(self, screens: list[Any]) -> Iterator[float]:
        """Each view redrawn as its visit would (a slice: 1–12 ms on the
        five-year board), its figures awaited, then laid out and drawn off
        screen in slices, as when it was prepared."""
        for screen in screens:
            yield GAP_SECONDS  # each view's redraw a slice of its own
            started = time.monotonic()
            while any(not worker.is_finished for worker in self.app.workers) and time.monotonic() - started < SETTLE_WAIT:
                # a view's figures still worked out in a thread (pandas holds the
                # interpreter for long stretches): a redraw now waited for it,
                # 40–110 ms of a slice of 10 ms of work
                yield WAIT_SECONDS
            if not self._hidden(screen) or not screen.board_changed_since_drawn():
                continue  # shown meanwhile (its visit redrew it), or drawn since
            screen.made_ahead = True  # drawn unseen: a problem or a notice waits for its visit (ViewScreen.redraw, notify)
            screen.redraw()
            yield GAP_SECONDS
            started = time.monotonic()
            while computing(self.app, screen) and time.monotonic() - started < SETTLE_WAIT:
                yield WAIT_SECONDS
            if not self._hidden(screen):
                continue
            lay_out(self.app, screen)
            yield GAP_SECONDS
            for _ in pre_render(screen, whole=False):  # (the whole screen took 15 ms of one slice for view 1)
                yield GAP_SECONDS

    def _prepare(self, views: list[View]) -> Iterator[float]:
        for view in views:
            while not self._imported[view.name].is_set():
                yield WAIT_SECONDS
        modes = [view for view in views if view.mode]
        screens = {view.name: view.make_screen() for view in modes if not self._has_screen(view.name)}
        yield GAP_SECONDS
        while not self._ahead_imported.is_set():
            yield WAIT_SECONDS
        css = [path for screen in screens.values() for path in screen.css_path]
        css += [path for view in views if not view.mode for path in view.css_paths()]
        css += [path for name in AHEAD for path in css_files(screen_class(name))]
        read_stylesheets(self.app, css)
        yield GAP_SECONDS
        for table in KEY_TABLES:
            while not self.app.store.validate_ahead(table, SLICE_SECONDS):
                yield GAP_SECONDS
        made = []
        for name, screen in screens.items():
            if self._has_screen(name):
                continue  # asked for meanwhile: made then
            for table in TABLES.get(name, ()):
                while not self.app.store.validate_ahead(table, SLICE_SECONDS):
                    yield GAP_SECONDS
            if self._has_screen(name):
                # Asked for while its tasks were validated (seconds on a big
                # board): the one made then is on screen; installing this one
                # over it left the user looking at a screen no longer drawn.
                continue
            made.append(screen)
            if hasattr(screen, "made_ahead"):
                screen.made_ahead = True  # a problem drawing it waits for its first visit (ViewScreen.redraw)
            install_mode(self.app, name, screen)
            started = time.monotonic()
            while not screen.is_mounted and time.monotonic() - started < MOUNT_WAIT:
                yield GAP_SECONDS
            if screen.is_mounted and not screen.is_current:
                lay_out(self.app, screen)  # its widgets sized, their resize handlers run, as if shown
                yield GAP_SECONDS
                for _ in pre_render(screen):  # each widget's lines drawn once and kept: the first visit composes them
                    yield GAP_SECONDS
                keep_styles = getattr(screen, "keep_styles", None)
                if keep_styles is not None:
                    keep_styles()  # styled as it was mounted: its first visit need not restyle it
        # Views 3–5 work their figures out in a thread: drawn again once they are in.
        for screen in made:
            started = time.monotonic()
            while computing(self.app, screen) and time.monotonic() - started < SETTLE_WAIT:
                yield WAIT_SECONDS
            yield GAP_SECONDS  # the figures' message handled
            if screen.is_mounted and not screen.is_current:
                lay_out(self.app, screen)
                yield GAP_SECONDS
                for _ in pre_render(screen):
                    yield GAP_SECONDS
        for name in MADE_AHEAD:
            yield from self._make_ahead(name)

    def _make_ahead(self, name: str) -> Iterator[float]:
        """A dialog or screen a key opens, made by the function `name` names
        (None: one is made already): mounted, styled, laid out and drawn
        once off screen, as a view is."""
        try:
            screen: Screen | None = by_name(name)(self.app)
        except Exception:  # made at its first opening, which says what is wrong
            return
        if screen is None:
            return
        started = time.monotonic()
        while not screen.is_mounted and time.monotonic() - started < MOUNT_WAIT:
            yield GAP_SECONDS
        if not screen.is_mounted or screen.is_active:
            return
        yield GAP_SECONDS
        screen.update_node_styles(animate=False)  # as its first opening would (the screen's own rules too)
        keep_styles = getattr(screen, "keep_styles", None)
        if keep_styles is not None:
            keep_styles()
        yield GAP_SECONDS
        if screen.is_active:
            return
        lay_out(self.app, screen)
        yield GAP_SECONDS
        for _ in pre_render(screen):
            yield GAP_SECONDS

    def _has_screen(self, mode: str) -> bool:
        return bool(self.app._screen_stacks.get(mode))


# -- Textual's screen modes, without showing the screen ----------------------
def screen_class(name: str) -> type[Screen]:
    """A screen class by "module:Class" (imported if need be)."""
    screen: type[Screen] = by_name(name)
    return screen


def by_name(name: str) -> Any:
    """What "module:attribute" names (imported if need be)."""
    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)


def css_files(screen: type[Screen]) -> list[Path]:
    """A screen class's CSS files, as Textual resolves them when it is made
    (textual._path._make_path_object_relative), so the app knows them read."""
    if screen.CSS_PATH is None:
        return []  # its CSS is DEFAULT_CSS, read with the class
    base = Path(getattr(screen, "_BASE_PATH", None) or inspect.getfile(screen))
    return [Path(path) if Path(path).is_absolute() else (base.parent / path).resolve() for path in _css_path_type_as_list(screen.CSS_PATH)]


def read_stylesheets(app: OpsboardApp, paths: Iterable[str | Path]) -> None:
    """These CSS files into the app's stylesheet at once: one update of the
    app's styles, not one per view or dialog at its first opening."""
    stylesheet = app.stylesheet
    added = False
    for path in paths:
        if not stylesheet.has_source(str(path), ""):
            stylesheet.read(path)
            added = True
    if added:
        stylesheet.parse()  # the new files only: its cache keeps the rest
        stylesheet.update(app)


def install_mode(app: OpsboardApp, mode: str, screen: Screen) -> None:
    """As Textual's App._init_mode, minus showing it: the screen is mounted
    as the mode's base screen and is shown by `switch_mode`. Its styles are
    those of the stylesheet now (read_stylesheets), so the switch need not
    refresh the whole app's CSS."""
    app._get_screen(screen)  # registers it: compose and mount run as messages
    app._screen_stacks[mode] = [screen]
    screen._screen_resized(app.size)
    screen._css_update_count = app._css_update_count


def lay_out(app: OpsboardApp, screen: Screen) -> None:
    """The layout Textual does when a screen is first shown, done while it is
    hidden (Textual draws only the screen on top): widgets get their sizes
    and their Resize events now, so the first visit only draws."""
    screen._refresh_layout(app.size)


def pre_render(screen: Screen, *, whole: bool = True) -> Iterator[None]:
    """Draw the hidden screen once, for nothing: Textual keeps each widget's
    rendered lines until it changes, so the first visit only composes them
    (20 ms less for view 2). Showing it repaints the whole screen anyway.
    In slices (a yield after about SLICE_SECONDS): widget by widget, a few
    rows at a time (view 5's 30 ms in one go kept a key waiting), then the
    whole screen from the lines kept, in a slice of its own (5–15 ms; not
    when `whole` is False)."""
    started = time.perf_counter()
    for widget, (region, clip) in list(screen._compositor.visible_widgets.items()):
        shown = region.intersection(clip)
        for top in range(0, shown.height, PRE_RENDER_ROWS):
            if not widget.is_mounted or screen.is_current or not screen.is_mounted:
                return  # shown meanwhile (drawn for real) or gone
            rows = Region(shown.x - region.x, shown.y - region.y + top, shown.width, min(PRE_RENDER_ROWS, shown.height - top))
            try:
                widget.render_lines(rows)
            except Exception:  # laid out again between slices, or cannot draw: its first visit draws it (and says why)
                return
            if time.perf_counter() - started > SLICE_SECONDS:
                yield
                started = time.perf_counter()
    if not whole:
        return
    if screen.is_mounted and not screen.is_current:
        yield  # the whole screen from the lines kept: a slice of its own
    if screen.is_mounted and not screen.is_current:
        screen._compositor.render_full_update()


def computing(app: OpsboardApp, screen: Screen) -> bool:
    """A worker of the screen's is still working its figures out (one that
    could not read its inputs started none: nothing to wait for), or the
    screen is still adding rows a page at a time (`settling`: the activity
    view); lines drawn before its last row went in would be drawn again."""
    settling = getattr(screen, "settling", None)
    return any(worker.node is screen and not worker.is_finished for worker in app.workers) or bool(settling and settling())
