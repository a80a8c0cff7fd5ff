"""Ask where to write a Markdown export (a sensible default filled in)."""

from __future__ import annotations

from opsboard.i18n import _

from .form import FormField, FormScreen


def export_path_form(view_title: str, default_path: str, write) -> FormScreen:
    """`write(path) -> error message or None`."""

    def submit(values: dict[str, str]) -> dict[str, str] | None:
        path = values["path"].strip()
        if not path:
            return {"path": _("give a file name")}
        error = write(path)
        return {"path": error} if error else None

    return FormScreen(
        _("Export {view} to Markdown").format(view=view_title),
        [FormField("path", _("File"), default_path, placeholder=_("path/to/file.md"))],
        submit,
    )
