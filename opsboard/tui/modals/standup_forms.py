"""The stand-up's small forms: a note for a department, finishing with the
team's decisions, and the timebox. The first field has the focus, so the
lead can type as soon as the form opens."""

from __future__ import annotations

from opsboard.i18n import _, _l

from .form import FormField, FormScreen, Submit

NOTE_KINDS = [(_l("Note"), "note"), (_l("Decision"), "decision")]  # read when the form opens


class StandupForm(FormScreen):
    AUTO_FOCUS = "Input, TextArea, Select"
    CSS_PATH = ["form.tcss", "standup_forms.tcss"]  # the form's, then its own


def note_form(department: str, submit: Submit) -> StandupForm:
    """Enter saves; the kind makes it a decision instead of a note."""
    fields = [
        FormField("note", _("Note"), placeholder=_("what was said or agreed")),
        FormField("kind", _("Kind"), "note", kind="select", options=[(str(label), kind) for label, kind in NOTE_KINDS]),
    ]
    return StandupForm(_("Note for {department}").format(department=department), fields, submit)


def finish_form(submit: Submit) -> StandupForm:
    field = FormField("decisions", _("Decisions for the whole team (one per line, optional)"), kind="textarea")
    return StandupForm(_("Finish the stand-up (ctrl+s)"), [field], submit)


def timebox_form(minutes: str, submit: Submit) -> StandupForm:
    field = FormField("minutes", _("Minutes per department (e.g. 2, 1.5 or 90s)"), minutes)
    return StandupForm(_("Timebox"), [field], submit)


def export_form(default_path: str, write, *, offered: bool = False) -> StandupForm:
    """Where to write the stand-up's Markdown; `write(path) -> error or None`.
    `offered`: shown after finishing (esc is "not now"); asked for with x, esc cancels."""

    def submit(values: dict[str, str]) -> dict[str, str] | None:
        path = values["path"].strip()
        if not path:
            return {"path": _("give a file name")}
        error = write(path)
        return {"path": error} if error else None

    field = FormField("path", _("File"), default_path, placeholder=_("path/to/file.md"), typed_over=True)
    title = _("Export the stand-up to Markdown (esc: not now)") if offered else _("Export the stand-up to Markdown")
    return StandupForm(title, [field], submit)
