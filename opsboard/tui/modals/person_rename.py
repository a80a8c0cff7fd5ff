"""Renaming a person from view 2's overview (`R` on their row): a form with
their name and display name as they are, its refusals under the fields,
then a question saying how many tasks change owner, on the board and in
the archive, before the one save that `u` takes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text

from opsboard.i18n import _, ngettext
from opsboard.i18n.formats import number
from opsboard.model import Person
from opsboard.services.errors import InputError
from opsboard.services.people import RenamePreview, find_person, rename_person, rename_preview

from .confirm import ConfirmScreen
from .form import FORM_ERROR, PENDING, FormField, FormScreen, Values

if TYPE_CHECKING:
    from ..app import OpsboardApp


def rename_question(preview: RenamePreview) -> ConfirmScreen:
    """'Rename mei to meilin?' and what changes with it."""
    person, changes = preview.person, preview.changes
    new = changes.get("name", person.name)
    if "name" in changes:
        title = _("Rename {old} to {new}?").format(old=person.name, new=new)
        # one sentence per count: each takes its own plural form
        lines = [
            ngettext("{count} task on the board changes owner.", "{count} tasks on the board change owner.", preview.live).format(
                count=number(preview.live)
            ),
            ngettext("{count} archived done task changes owner.", "{count} archived done tasks change owner.", preview.archived).format(
                count=number(preview.archived)
            ),
        ]
    else:
        title = _("Change the display name of {name}?").format(name=person.name)
        lines = [_("No task changes owner.")]
    if "display_name" in changes:
        shown = changes["display_name"] or _("(none)")
        lines.append(_("Display name: {old} → {new}").format(old=person.display_name or _("(none)"), new=shown))
    lines.append(_("One save: u takes it back."))
    return ConfirmScreen(title, Text("\n".join(lines)), confirm_label=_("Rename"))


def rename_form(app: OpsboardApp, person: Person, renamed: Callable[[Person | None, int], None]) -> FormScreen:
    """The form; `renamed(person as saved, tasks changed)` after the save
    (None, 0 when it was saved from a conflict dialog)."""
    store = app.store

    def change(values: Values) -> tuple[Person, int]:
        return rename_person(store, person.name, values["name"], display_name=values["display_name"])

    save = app.saves.form_submit(change, saved=lambda result: renamed(*result) if result else renamed(None, 0))

    def submit(values: Values) -> dict[str, str] | None:
        try:
            preview = rename_preview(store, person.name, values["name"], display_name=values["display_name"])
        except InputError as error:
            if find_person(store, person.name) is None:  # a teammate renamed them meanwhile
                return {
                    FORM_ERROR: _("{name} is no longer on the roster: someone renamed them since (esc closes)").format(name=person.name)
                }
            return {"name": str(error)}
        if not preview.changes:
            return None  # as it was: nothing to save, the form closes
        form = app.screen

        def answer(yes: bool | None) -> None:
            if not yes:
                return  # back in the form, as typed
            errors = save(values)
            if errors is PENDING:
                return
            if errors and isinstance(form, FormScreen):
                form.show_errors(errors)
            elif isinstance(form, FormScreen):
                form.dismiss(values)

        app.push_screen(rename_question(preview), answer)
        return PENDING

    fields = [
        FormField("name", _("Name (what a task's owner holds)"), person.name),
        FormField("display_name", _("Display name (optional)"), person.display_name),
    ]
    return FormScreen(_("Rename {person}").format(person=person.shown), fields, submit)
