"""OpsboardApp: the shell around the five views (keys 1–5)."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from opsboard.i18n import _, _l, use_board_language
from opsboard.model.clock import now
from opsboard.services.settings import save_settings
from opsboard.store import BoardDamagedError, BoardError, BoardStore, rows
from opsboard.store.storage import file_identity

from .collecting import IdleCollector
from .first_archive import archive_in_background, needs_first_archive
from .kept_screens import keep, kept
from .key_order import KeyOrder
from .keymap import load_keymap
from .line_breaks import keep_punctuation_off_line_starts
from .messages import BoardReloaded
from .preparing import ViewPreparer
from .saving import Saves
from .sixteen_colours import SIXTEEN_COLOURS, has_sixteen_colours
from .terminal import watch_terminal
from .translated_bindings import translate_bindings
from .views import BY_NAME, VIEWS, modes
from .wide_characters import keep_wide_characters_whole
from .widgets.quiet_header import header_title, saved_label

translate_bindings()
keep_wide_characters_whole()  # Chinese under a notice over a dialog (Textual #6357)
keep_punctuation_off_line_starts()  # no wrapped line starts with 、 or ，

if TYPE_CHECKING:
    from opsboard.services.settings import PersonalSettings

REFRESH_SECONDS = 1.0  # how often we stat the board for another process's save


def _palette(name: str):
    """A palette provider, imported when the palette first opens."""
    from . import palette

    return getattr(palette, name)


class OpsboardApp(App[BoardDamagedError | None]):
    """Runs until quit: None; or, when its check just after the first frame
    finds a damaged document, the error (the caller offers recovery)."""

    # The other views are prepared just after the first frame (tui/preparing.py);
    # None: in a terminal, not in a headless run (tests and scripts set it to ask).
    prepare_views: bool | None = None

    CSS_PATH = "app.tcss"
    TITLE = "opsboard"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar = App.COMMANDS | {lambda: _palette("ViewActions"), lambda: _palette("Departments"), lambda: _palette("TaskSearch")}

    MODES: ClassVar = modes()
    DEFAULT_MODE = "checklists"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(view.binding() for view in VIEWS if view.mode),
        Binding("u", "undo", _l("Undo"), id="app.undo", show=False),
        Binding("ctrl+r", "redo", _l("Redo"), id="app.redo", show=False),
        *(view.binding() for view in VIEWS if not view.mode),
        Binding("question_mark", "toggle_help", _l("Help"), id="app.help"),
        Binding("q", "quit", _l("Quit"), id="app.quit"),
    ]

    def __init__(self, store: BoardStore, notice: str | None = None, personal: PersonalSettings | None = None) -> None:
        """`personal`: what this person had last time (theme, view,
        department), kept up to date and saved when the app ends; None
        (tests, scripts): nothing is remembered."""
        self.personal = personal
        self.settings_problem: str | None = None  # a failed save of them, for the command line to say
        if personal is not None and personal.view in BY_NAME and BY_NAME[personal.view].mode:
            self.DEFAULT_MODE = personal.view  # type: ignore[misc]  # the first frame is the view they left
        super().__init__()
        self.store = store
        try:
            use_board_language(rows.board_language(store))  # unless --ui-lang / OPSBOARD_LANG chose
        except BoardError:
            pass
        self.saves = Saves(self)  # every change from every view saves through it
        self.key_order = KeyOrder(self)  # keys typed while a view loads wait for it, in order
        self.preparer = ViewPreparer(self)
        self.collector = IdleCollector(self)  # full garbage collections in the pauses between keys
        self.startup_notice = notice
        # The user's keys before the first screen is made, so its first
        # frame (and footer) already has them.
        self.user_keymap, self._keymap_problem = load_keymap()
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        self.seen_revision = 0  # others' changes up to here have been announced
        self._unreadable: tuple | None = None  # (identity,) of a broken or missing file already reported
        self.first_frame_painted = False  # (screens/base.py: nothing drawn to be dropped before it)
        try:
            self.refresh_title()  # now, so the header has it in the first frame
        except BoardError:  # _check_board, just after the first frame, says what is wrong
            self.refresh_title_unreadable()
        self.keep_loaded()
        self._collections_paused = not gc.isenabled()  # by `opsboard` until the first frame

    def collect_again(self) -> None:
        """The first frame is up: what it made stays (frozen) and the garbage
        collector, paused by the command line for the start, runs again."""
        if self._collections_paused:
            self._collections_paused = False
            self.keep_loaded()
            gc.enable()

    def keep_loaded(self) -> None:
        """What is loaded by now (the modules, the parsed board: 150,000
        objects on a 10,000-task board; later a view's models) lives as long
        as the app. Frozen, the garbage collector stops walking it on every
        full collection: one fell in the first frame (about 20 ms), another in
        a key press on view 2 (100 ms). Thawed on exit."""
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # what was frozen may be garbage once the app is gone
        if self.personal is not None:
            self.personal.theme, self.personal.view = self.theme, self.current_mode
            self.settings_problem = save_settings(self.personal)
        self.key_order.stop()
        self.preparer.stop()
        self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        """Keys one at a time, in order, each once its screen is ready (tui/key_order.py)."""
        if not isinstance(event, events.Key):
            await super().on_event(event)
            return
        bubbled = event.is_forwarded  # back up from the widget it was handed to
        if not bubbled and not self.key_order.admit(event):
            return  # it waits its turn
        await super().on_event(event)
        self.key_order.went_through(event, bubbled=bubbled)

    # -- start ---------------------------------------------------------------
    def _load_screen_css(self, screen: Screen) -> None:
        """As Textual's, but a screen's new CSS file is parsed alone: Textual
        parses the whole stylesheet again from scratch for it (for view 1, a
        tenth of the time to the first frame). The rest is as parsed, with
        the same variables: the theme's changes go through refresh_css."""
        if screen.CSS:  # (none of ours: their CSS is in files)
            super()._load_screen_css(screen)
            return
        added = False
        for path in screen.css_path:
            if not self.stylesheet.has_source(str(path), ""):
                self.stylesheet.read(path)
                added = True
        if added:
            self.stylesheet.parse()  # its cache keeps every source already parsed
            self.stylesheet.update(self)

    def on_mount(self) -> None:
        if self.uses_sixteen_colours():  # the terminal decides first
            self.register_theme(SIXTEEN_COLOURS)
            self.theme = SIXTEEN_COLOURS.name
        elif self.personal is not None and self.personal.theme in self.available_themes:
            self.theme = self.personal.theme
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="warning", timeout=8, markup=False)
        self.seen_revision = self.store.revision
        if self.startup_notice:
            self.notify(self.startup_notice, timeout=6, markup=False)  # it names the board's file
        if self.store.read_only:
            self.notify(_("Read-only: {reason}").format(reason=self.store.read_only_reason), severity="warning", timeout=10, markup=False)
        self.set_interval(REFRESH_SECONDS, self.check_for_changes, name="board-refresh")
        watch_terminal(self)  # a closed terminal ends the app, also without a SIGHUP
        self.call_later(self._paint_first_frame)

    def _paint_first_frame(self) -> None:
        """Textual lays the first view out while the app's start-up batch is
        still open (on_mount yields to the screen's task) and would draw it
        only to drop the drawing: nothing is written in a batch. The
        terminal then showed a few widgets, and the whole screen only at a
        later full repaint, 20-40 ms on, after the board check. So views draw
        nothing in that batch (screens/base.py) and, the batch over, the
        whole screen is written at once. This runs as the app's first
        message: from now on, views draw as usual; the board is checked
        once the first frame is on the terminal."""
        self.first_frame_painted = True
        self.call_after_refresh(self._check_board)

    def uses_sixteen_colours(self) -> bool:
        """A terminal of 16 colours (not a headless run: tests and snapshots keep one theme)."""
        return not self.is_headless and has_sixteen_colours(self.console.color_system)

    def _check_board(self) -> None:
        """Check the documents the first screen shows against the models, now
        that it is up: drawing it did not wait for them (opsboard/store/rows.py).
        A hand-broken one ends the app with the error, and `opsboard` offers
        recovery. (The tasks: view 2 checks them when it opens.)"""
        self.collect_again()
        self.collector.start()
        try:
            rows.check_against_models(self.store)
        except BoardDamagedError as error:
            self.exit(error)
            return
        self._remind()
        if self.user_keymap:
            self._check_keymap()
        if self.prepare_views or (self.prepare_views is None and not self.is_headless):
            self.preparer.start()
        if needs_first_archive(self):  # 95,000 done tasks to move: not on a key's save
            archive_in_background(self)

    def _check_keymap(self) -> None:
        """One warning per unknown id and per key bound twice in one place
        (reading every view's bindings: only for those with a keymap, and
        after the first frame)."""
        from .key_ids import keymap_problems

        for problem in keymap_problems(self.user_keymap):
            self.notify(problem, severity="warning", timeout=12, markup=False)

    def _remind(self) -> None:
        """One notice with what is the user's today: overdue and due today."""
        from opsboard.services.digest import opening_reminder

        text = opening_reminder(self.store, self.store.user).text
        if text:
            self.notify(text, title=_("Your tasks"), timeout=10, markup=False)

    def refresh_title(self) -> None:
        self.title = rows.board_name(self.store)
        saved = self.saves.waiting_state() or (_("read-only") if self.store.read_only else saved_label(rows.last_saved(self.store), now()))
        self.sub_title = f"{self.store.user} · {saved}"

    def format_title(self, title: str, sub_title: str) -> Content:
        return header_title(title, sub_title, self.size.width)

    def on_resize(self) -> None:
        """The header's name is cut to the width: cut it again (once the new size is set)."""
        self.set_timer(1 / 60, self._fit_header_title)

    def _fit_header_title(self) -> None:
        for header in self.screen.query(Header):
            header.query_one(HeaderTitle).update(header.format_title())

    # -- views ---------------------------------------------------------------
    def action_view(self, name: str) -> None:
        view = BY_NAME.get(name)
        if view is not None and not view.mode:
            if not isinstance(self.screen, view.screen_class()):  # pushed once, not on top of itself
                screen = kept(self, ("view", name))  # made once and opened again (the activity view)
                if screen is not None:
                    screen.reopen()  # type: ignore[attr-defined]
                else:
                    screen = view.make_screen()
                    if hasattr(screen, "reopen"):
                        keep(self, ("view", name), screen)
                self.push_screen(screen)
        elif view is not None and self.current_mode != name:
            stack = self._screen_stacks.get(name)
            self._showing_built_view = bool(stack) and stack[-1].is_mounted  # type: ignore[index]
            try:
                self.switch_mode(name)
            finally:
                self._showing_built_view = False
            if stack and getattr(self.screen, "board_changed_since_drawn", lambda: True)():
                self.screen.post_message(BoardReloaded())  # it missed saves made while it was hidden

    _showing_built_view = False

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's switch_mode holds the screen back 50 ms to hide a view
        still being built; a view already built (made ahead by
        tui/preparing.py, or shown before) is drawn at the next frame."""
        if not self._showing_built_view:
            super().delay_update(delay)

    def action_toggle_help(self) -> None:
        from .modals.help import HelpScreen, key_lines  # loads on first use

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        view, everywhere = key_lines(self.screen)
        self.push_screen(HelpScreen(getattr(self.screen, "VIEW_TITLE", ""), view, everywhere))

    # -- saving and reloading -------------------------------------------------
    def show_disk_state(self) -> None:
        """After a refused save: the header and the views as the file is."""
        try:
            self.refresh_title()
        except BoardError:
            self.refresh_title_unreadable()
            return
        self.reload_views()

    def refresh_title_unreadable(self) -> None:
        problem = _("cannot read the file")
        self.sub_title = f"{self.store.user} · {problem}"

    def reload_views(self) -> None:
        """Every screen in the stack redraws from the store (the view under a
        dialog too)."""
        for screen in self.screen_stack:
            screen.post_message(BoardReloaded())

    def announce_changes(self) -> None:
        """A short notice of what others saved since we last looked."""
        try:
            revision = self.store.revision
        except BoardError:
            return  # check_for_changes reports an unreadable file
        if revision < self.seen_revision:
            self.notify(
                _("The board on disk went back to revision {revision} (restored from a backup?)").format(revision=revision),
                severity="warning",
                timeout=8,
            )
        elif revision > self.seen_revision:
            from opsboard.services.activity import change_notice, entries_since  # loaded with the first save, not at start

            others = [e for e in entries_since(self.store, self.seen_revision) if e.by != self.store.user]
            if others:
                self.notify(change_notice(others, self.store), timeout=6, markup=False)
        self.seen_revision = revision

    def check_for_changes(self) -> None:
        """A stat per tick; a reload only when another process saved."""
        try:
            if not self.store.changed_on_disk():
                return
            if self._unreadable is not None and self._unreadable == (file_identity(self.store.path),):
                return  # the same broken (or missing) file we already reported: no re-parse
            self.store.refresh()
            rows.check_against_models(self.store)  # a hand-broken document shows here
        except BoardError as error:
            self._unreadable = (file_identity(self.store.path),)
            self.refresh_title_unreadable()
            self.notify(_("{error}. You see the last good state.").format(error=error), severity="error", timeout=12, markup=False)
            return
        self._unreadable = None
        self.refresh_title()
        self.reload_views()
        self.announce_changes()

    # -- undo / redo: the user's own changes, from the activity log in the file --
    def action_undo(self) -> None:
        from opsboard.services.undo import undo_last

        self._history_step(undo_last)

    def action_redo(self) -> None:
        from opsboard.services.undo import redo_last

        self._history_step(redo_last)

    def _history_step(self, step) -> None:
        from opsboard.services.undo import UndoRefused

        try:
            result = self.saves.run(step, self.store, reraise=(UndoRefused,))
        except UndoRefused as refused:
            message = str(refused)
            self.notify(message[:1].upper() + message[1:], severity="warning", timeout=8, markup=False)
            return
        if result is not None:
            self.notify(result.message, timeout=5, markup=False)
            self.reload_views()

    # -- failures no view handled ------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """A view that meets a document the models refuse (a task's status
        `review`, hand-edited or from a newer opsboard) ends the app with the
        error, as the check after the first frame does: `opsboard` offers
        recovery instead of a traceback. Anything else is Textual's."""
        damaged = _damage_in(error)
        if damaged is not None:
            self.exit(damaged)
            return
        super()._handle_exception(error)

    # -- command palette: every action of every view, departments, tasks (tui/palette.py) --
    def action_command_palette(self) -> None:
        """ctrl+p: Textual's palette, its prompt in the interface language."""
        from .palette import open_palette

        if self.use_command_palette:
            open_palette(self)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own (theme, keys, quit…) in our words; the views' actions come from tui/palette.py."""
        for command in super().get_system_commands(screen):  # Textual's: words from our catalogue
            if command.callback == self.action_show_help_panel:  # "Keys": opsboard's help, as ? opens it, not Textual's defaults
                yield SystemCommand(
                    _(command.title), _("Every key of this view and of the app, and what the marks mean"), self.action_toggle_help
                )
                continue
            yield command._replace(title=_(command.title), help=_(command.help))

    def search_themes(self) -> None:
        """Textual's theme picker (the palette's 'Theme' command), its search box in our words."""
        palette = _palette("OpsCommandPalette")  # its 'no matches' in our words too
        self.push_screen(palette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def run_in_view(self, view: str | None, action: str) -> None:
        """A palette choice: switch to `view` when needed, then run `action` there
        (None: an app action)."""
        if view is None:
            self.call_later(self.run_action, action)
            return
        if self.current_mode != view:
            self.action_view(view)
        self.call_after_refresh(lambda: self.screen.run_action(action))

    # -- exports: the folder a person chose is the next default (services/settings.py) --
    def export_folder(self) -> str | None:
        return self.personal.export_folder if self.personal is not None else None

    def remember_export_folder(self, written: Path) -> None:
        """The folder of an export just written: the default next time (the
        board's own folder: forgotten, it is the default anyway)."""
        if self.personal is not None:
            folder = written.resolve().parent
            self.personal.export_folder = None if folder == self.store.path.resolve().parent else str(folder)

    def open_department(self, department: str) -> None:
        self.action_view("boards")
        self.call_after_refresh(lambda: self.screen.open_department(department))  # type: ignore[attr-defined]

    def open_task(self, task_id: str) -> None:
        self.action_view("boards")
        self.call_after_refresh(lambda: self.screen.show_task(task_id))  # type: ignore[attr-defined]


def _damage_in(error: BaseException | None) -> BoardDamagedError | None:
    """The BoardDamagedError behind `error` (Textual may wrap it, e.g. in a
    MountError), if any."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, BoardDamagedError):
            return error
        error = error.__cause__ or error.__context__
        seen += 1
    return None
