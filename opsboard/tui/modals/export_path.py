"""Ask where to write an export and, for the views that have one, in
which format (Markdown, Excel, CSV); a sensible default filled in."""

from __future__ import annotations

from opsboard.i18n import _

from .form import FormField, FormScreen

FORMATS = [("Markdown (.md)", "md"), ("Excel (.xlsx)", "xlsx"), ("CSV (.csv)", "csv")]


def export_path_form(view_title: str, default_path: str, write, *, spreadsheet: bool = False) -> FormScreen:
    """`write(path) -> error message or None`; with `spreadsheet` (xlsx and
    csv offered beside Markdown), `write(path, format)`."""

    def submit(values: dict[str, str]) -> dict[str, str] | None:
        path = values["path"].strip()
        if not path:
            return {"path": _("give a file name")}
        error = write(path, values.get("format") or "md") if spreadsheet else write(path)
        return {"path": error} if error else None

    fields = [FormField("path", _("File (~ is your home folder)"), default_path, placeholder=_("path/to/file.md"))]
    if spreadsheet:
        fields.append(FormField("format", _("Format"), "md", kind="select", options=FORMATS))
    return FormScreen(_("Export {view}").format(view=view_title), fields, submit)
