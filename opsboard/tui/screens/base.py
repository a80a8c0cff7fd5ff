"""What every view shares: the header and footer, export with `x`, and a
redraw when another process saved the board."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from opsboard.i18n import _, _l
from opsboard.services.export import default_export_path
from opsboard.store import BoardDamagedError, BoardError, BoardStore

from ..messages import BoardReloaded

if TYPE_CHECKING:
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
        except BoardDamagedError as error:
            self.ops_app.exit(error)
            return False
        return True

    def on_board_reloaded(self, message: BoardReloaded) -> None:
        self.redraw()

    def export_name(self) -> str:
        """Which export `x` writes (a view may pick a narrower report)."""
        return self.VIEW_NAME

    def action_export(self) -> None:
        from opsboard.services.spreadsheet import SPREADSHEET_VIEWS, ExportExists, write_view_export

        from ..modals.export_path import export_path_form  # form widgets load on first use

        view = self.export_name()
        default = str(default_export_path(self.store, view))
        asked: list[tuple[str, str]] = []  # (path, format) the user was told exists

        def write(path: str, fmt: str = "md") -> str | None:
            try:
                written = write_view_export(self.store, view, fmt, path, force=(path, fmt) in asked)
            except ExportExists as exists:
                asked.append((path, fmt))
                return f"{exists.target} already exists: save again to replace it"
            except BoardError as error:
                return str(error)
            self.notify(_("Exported {view} to {path}").format(view=str(self.VIEW_TITLE).lower(), path=written), timeout=6, markup=False)
            return None

        form = export_path_form(str(self.VIEW_TITLE).lower(), default, write, spreadsheet=view in SPREADSHEET_VIEWS)
        self.app.push_screen(form)
