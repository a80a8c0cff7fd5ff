"""Ask where to write an export and, for the views that have more than one
format (services/export_formats.py), in which; a sensible default filled in.
An existing file is never replaced without asking: the dialog says it is
there, and saving again with the same name replaces it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual.widgets import Input, Select

from opsboard.i18n import _
from opsboard.services.export import ExportExists
from opsboard.services.export_formats import BY_NAME, ExportFormat
from opsboard.store import BoardError

from .form import FormField, FormScreen


def asking_before_replacing(write: Callable[..., Path | None], done: Callable[[Path], None]) -> Callable[..., str | None]:
    """`write(path, *rest, force=...) -> Path` as a dialog's submit: the
    problem as a line under the field, or None once written (then `done`).
    A file already there is said; the same answer again replaces it."""
    asked: set[tuple[str, ...]] = set()

    def attempt(path: str, *rest: str) -> str | None:
        answer = (path, *rest)
        try:
            written = write(path, *rest, force=answer in asked)
        except ExportExists as exists:
            asked.add(answer)
            return _("{path} already exists: save again to replace it").format(path=exists.target)
        except BoardError as error:
            return str(error)
        if written is not None:  # None: there was nothing to write
            done(written)
        return None

    return attempt


class ExportForm(FormScreen):
    """The export dialog: choosing a format puts its suffix on the file name."""

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "field-format" or not isinstance(event.value, str):
            return
        box = self.query_one("#field-path", Input)
        path = Path(box.value.strip())
        chosen = BY_NAME.get(event.value)
        if chosen is not None and path.suffix.lower() in {fmt.suffix for fmt in BY_NAME.values()}:
            box.value = str(path.with_suffix(chosen.suffix))


def export_path_form(
    view_title: str, default_path: str, write: Callable[..., str | None], *, formats: Sequence[ExportFormat] = ()
) -> FormScreen:
    """`write(path) -> error message or None`; with more than one of
    `formats`, a choice of them and `write(path, format_name)`."""
    choose = len(formats) > 1

    def submit(values: dict[str, str]) -> dict[str, str] | None:
        path = values["path"].strip()
        if not path:
            return {"path": _("give a file name")}
        error = write(path, values.get("format") or formats[0].name) if choose else write(path)
        return {"path": error} if error else None

    fields = [FormField("path", _("File (~ is your home folder)"), default_path, placeholder=_("path/to/file.md"), typed_over=True)]
    if choose:
        options = [(str(fmt.label), fmt.name) for fmt in formats]
        fields.append(FormField("format", _("Format"), formats[0].name, kind="select", options=options))
    return ExportForm(_("Export {view}").format(view=view_title), fields, submit)
