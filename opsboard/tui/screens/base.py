"""What every view shares: the header and footer, export with `x`, and a
redraw when another process saved the board."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.screen import Screen

from opsboard.i18n import _, _l
from opsboard.model.clock import today
from opsboard.store import BoardDamagedError, BoardStore

from ..messages import BoardReloaded

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from ..app import OpsboardApp


class ViewScreen(Screen[None]):
    VIEW_NAME: ClassVar[str] = ""  # as in `opsboard export --view NAME`
    VIEW_TITLE: ClassVar[object] = ""  # a lazy string (_l): the view's name in the interface language
    # actions that change the board: a read-only board leaves them out of the footer and the keys
    EDIT_ACTIONS: ClassVar[frozenset[str]] = frozenset()

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "export", _l("Export"), id="view.export"),
    ]

    @property
    def ops_app(self) -> OpsboardApp:
        return self.app  # type: ignore[return-value]

    def _compositor_refresh(self) -> None:
        """Textual draws the first view while the app's start-up batch is
        open, and drops the drawing (nothing is written in a batch): 8-10 ms
        of the start for nothing, and the next frame after the batch then
        held only the widgets changed since. Until the app's first message
        (OpsboardApp._paint_first_frame) a view draws nothing in a batch:
        what it would have drawn stays to be drawn, whole, when the batch
        ends."""
        app = self.app
        if app._batch_count and not getattr(app, "first_frame_painted", True):
            return
        super()._compositor_refresh()

    @property
    def store(self) -> BoardStore:
        return self.ops_app.store

    @property
    def ready_for_keys(self) -> bool:
        """Whether keys typed now can act (tui/key_order.py holds them until
        then): a view that works its figures out in a thread says no until
        it has them."""
        return True

    def footer_offers(self, action: str) -> bool:
        """Whether the footer shows a key: a read-only board's footer offers no
        edits (the keys still answer, saying why nothing is saved)."""
        return not (action in self.EDIT_ACTIONS and self.store.read_only)

    def reload(self) -> None:
        """Redraw from the store (another process saved). Override."""

    def redraw(self) -> bool:
        """reload(); a document the models refuse (a task's status `review`,
        hand-edited) ends the app with the error, as the check after the
        first frame does, so `opsboard` offers recovery: no traceback.
        False then."""
        try:
            self.reload()
        except Exception as error:
            if self.made_ahead:  # nobody has seen it yet: its first visit draws it again and meets this there
                self._drawn, self._draw_failed = None, True
                return False
            if isinstance(error, BoardDamagedError):
                self.ops_app.exit(error)
                return False
            raise
        self._drawn, self._draw_failed = self._board_state(), False
        return True

    # -- coming back to a view: redraw and restyle only when something changed --
    made_ahead = False  # made in the background (tui/preparing.py) and not yet shown
    _draw_failed = False
    _drawn: tuple[int, object] | None = None  # the board in memory (its generation) and the day when it last drew
    _styled: tuple[object, ...] | None = None  # what its styles depend on, as they were when it was last on screen

    def on_mount(self) -> None:
        """(After the view's own on_mount, which drew it.)"""
        if not self._draw_failed:
            self._drawn = self._board_state()
        self.keep_styles()  # just styled as it mounted: Textual's first ScreenResume need not restyle it all again
        # Styled by the stylesheet as it is now. Textual marks a screen it
        # makes before mounting it as never styled, and re-parses the whole
        # app's CSS the first time it comes back to it (45 ms, view 1).
        self._css_update_count = self.app._css_update_count

    def _board_state(self) -> tuple[int, object]:
        return (self.store.generation, today())

    def board_changed_since_drawn(self) -> bool:
        """Whether the board changed in memory (a save, ours or a teammate's
        read from the file) or the day turned since this view last drew:
        only then does coming back to it redraw it."""
        return self._drawn is None or self._drawn != self._board_state()

    def _styles_state(self) -> tuple[object, ...]:
        return (self.app._css_update_count, self.app.theme, self.app.app_focus)

    def keep_styles(self) -> None:
        """Its styles are current now (it was just made, or is being left)."""
        self._styled = self._styles_state()

    def notify(
        self, message: str, *, title: str = "", severity: SeverityLevel = "information", timeout: float | None = None, markup: bool = True
    ) -> None:
        """A view made ahead (tui/preparing.py) that has something to say
        (a plan it cannot read, say) says it when first shown, not over the
        view the user is reading; once, however often it met it meanwhile."""
        if not self.made_ahead:
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        held = (message, title, severity, timeout, markup)
        if held not in self._held_notices:
            self._held_notices = [*self._held_notices, held]

    _held_notices: list[tuple[str, str, SeverityLevel, float | None, bool]] = []  # replaced, never changed in place: shared empty default

    @on(events.ScreenSuspend)
    def _left(self) -> None:
        self.keep_styles()

    @on(events.ScreenResume)
    def _back(self, event: events.ScreenResume) -> None:
        """Textual restyles every widget of a screen it shows again (30 ms for
        view 1); not needed when nothing its styles depend on changed."""
        self.made_ahead = False
        held, self._held_notices = self._held_notices, []
        for message, title, severity, timeout, markup in held:
            self.notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
        if self._styled is not None and self._styled == self._styles_state():
            event.refresh_styles = False

    def on_board_reloaded(self, message: BoardReloaded) -> None:
        self.redraw()

    def export_name(self) -> str:
        """Which export `x` writes (a view may pick a narrower report)."""
        return self.VIEW_NAME

    def export_includes_archived(self) -> bool:
        """Whether `x` exports the archived done cards too (view 2 when its filter searches them)."""
        return False

    def action_export(self) -> None:
        """`x`: the view in a format of services/export_formats.py, into the
        folder this person exported to last (else the board's)."""
        from opsboard.services.export import default_export_path
        from opsboard.services.export_formats import formats_for
        from opsboard.services.spreadsheet import write_view_export

        from ..modals.export_path import asking_before_replacing, export_path_form  # form widgets load on first use

        view = self.export_name()
        title = str(self.VIEW_TITLE).lower()

        def done(written: Path) -> None:
            self.ops_app.remember_export_folder(written)
            self.notify(_("Exported {view} to {path}").format(view=title, path=written), timeout=6, markup=False)

        write = asking_before_replacing(
            lambda path, fmt="md", force=False: write_view_export(
                self.store, view, fmt, path, force=force, include_archived=self.export_includes_archived()
            ),
            done,
        )
        default = str(default_export_path(self.store, view, folder=self.ops_app.export_folder()))
        self.app.push_screen(export_path_form(title, default, write, formats=formats_for(view)))
