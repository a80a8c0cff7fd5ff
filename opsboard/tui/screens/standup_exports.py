"""View 5's exports: `x` writes the stand-up in progress or just finished
(with its notes), or today's agenda before one is started; `H` lists past
stand-ups, any of which can be exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from opsboard.i18n import _
from opsboard.services.departments import department_names
from opsboard.services.export import default_export_path, write_export
from opsboard.services.standup_record import default_record_path, find_standup, standup_history, write_standup_record
from opsboard.store import BoardError

from ..modals.standup_forms import export_form
from ..modals.standup_history import StandupHistoryScreen

if TYPE_CHECKING:
    from opsboard.model import StandupRecord
    from opsboard.store import BoardStore

    from ..app import OpsboardApp


class RecordExports:
    """Mixed into StandupScreen (which provides the store and the record)."""

    if TYPE_CHECKING:
        store: BoardStore
        record: StandupRecord | None
        ops_app: OpsboardApp

        def notify(self, message, **kwargs) -> None: ...

    def action_history(self) -> None:
        def chosen(record_id: str | None) -> None:
            if record_id:
                self._export_record(record_id)

        history = StandupHistoryScreen(standup_history(self.store), department_names(self.store))
        self.ops_app.push_screen(history, chosen)

    def action_export(self) -> None:
        """`x`: the stand-up in progress or just finished, with its notes;
        before one is started, today's agenda."""
        if self.record is not None:
            self._export(
                lambda path: write_standup_record(self.store, self.record.id, path),  # type: ignore[union-attr]
                default_record_path(self.store, self.record),
            )
        else:
            self._export(lambda path: write_export(self.store, "standup", path), default_export_path(self.store, "standup"))

    def _export_record(self, record_id: str) -> None:
        """Offered after finishing: esc is 'not now'."""
        record = find_standup(self.store, record_id)
        self._export(lambda path: write_standup_record(self.store, record_id, path), default_record_path(self.store, record), offered=True)

    def _export(self, write: Callable[[str], Path], default: Path, *, offered: bool = False) -> None:
        def submit(path: str) -> str | None:
            try:
                written = write(path)
            except BoardError as error:
                return str(error)
            self.notify(_("Exported the stand-up to {written}").format(written=written), timeout=6, markup=False)
            return None

        self.ops_app.push_screen(export_form(str(default), submit, offered=offered))
