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
        folder = self.ops_app.export_folder()
        if self.record is not None:
            record_id = self.record.id
            self._export(
                lambda path, force: write_standup_record(self.store, record_id, path, force=force),
                _in_folder(default_record_path(self.store, self.record), folder),
            )
        else:
            self._export(
                lambda path, force: write_export(self.store, "standup", path, force=force),
                default_export_path(self.store, "standup", folder=folder),
            )

    def _export_record(self, record_id: str) -> None:
        """Offered after finishing: esc is 'not now'."""
        record = find_standup(self.store, record_id)
        default = _in_folder(default_record_path(self.store, record), self.ops_app.export_folder())
        self._export(lambda path, force: write_standup_record(self.store, record_id, path, force=force), default, offered=True)

    def _export(self, write: Callable[[str, bool], Path], default: Path, *, offered: bool = False) -> None:
        from ..modals.export_path import asking_before_replacing

        def done(written: Path) -> None:
            self.ops_app.remember_export_folder(written)
            self.notify(_("Exported the stand-up to {written}").format(written=written), timeout=6, markup=False)

        submit = asking_before_replacing(lambda path, force=False: write(path, force), done)
        self.ops_app.push_screen(export_form(str(default), submit, offered=offered))


def _in_folder(default: Path, folder: str | None) -> Path:
    """The default file name in the folder this person exports to, if it is there."""
    place = Path(folder).expanduser() if folder else None
    return place / default.name if place is not None and place.is_dir() else default
