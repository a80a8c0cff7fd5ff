"""The card form (add and edit) and the blocked-reason prompt, built on the
shared FormScreen so validation messages show inline under each field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual._context import active_app
from textual.app import App

from opsboard.i18n import _
from opsboard.model import ChecklistItem, Task
from opsboard.model.labels import phase_title
from opsboard.services.task_fields import TASK_FIELDS

from ..kept_screens import is_kept, keep, kept
from .form import FormField, FormScreen, Submit

NO_ITEM = ""


class CardForm(FormScreen):
    """FormScreen with the first field focused, so typing goes into it (the
    scroll area around the fields would otherwise take the focus)."""

    AUTO_FOCUS = "Input, TextArea, Select"


def priority_options() -> list[tuple[str, str]]:
    return [(_("P1 (highest)"), "1")] + [(f"P{n}", str(n)) for n in range(2, 5)]


def item_options(items: Sequence[ChecklistItem]) -> list[tuple[str, str]]:
    return [(_("(none)"), NO_ITEM)] + [(f"{phase_title(i.phase).lower()} {i.code} · {i.title}", i.id) for i in items]


def task_form(title: str, submit: Submit, **fields: Any) -> CardForm:
    """The card form: `task_form_fields(**fields)`, kept (`kept_form`)."""
    return kept_form(CardForm(title, task_form_fields(**fields), submit))


def task_form_fields(
    *,
    items: Sequence[ChecklistItem],
    departments: dict[str, str] | None = None,
    task: Task | None = None,
    prefill_title: str = "",
    prefill_item: str = NO_ITEM,
    owners: Sequence[str] = (),
    department: str = "",
) -> list[FormField]:
    """The task's fields as services/task_fields.py declares them, in its
    order — and the department when `departments` (id → name) is given: last
    when editing, first when adding from the overview (which department is the
    question), on `department`. The owner completes from `owners` (the
    roster's names)."""
    new_task = {"title": prefill_title, "checklist_item": prefill_item, "department": department}
    options = {
        "priority": priority_options(),
        "checklist_item": item_options(items),
        "department": [(name, dept_id) for dept_id, name in (departments or {}).items()],
    }
    fields: list[FormField] = []
    for spec in TASK_FIELDS:
        if spec.name == "department" and not departments:
            continue
        if task is not None:
            value = spec.text(task)
        else:
            value = new_task.get(spec.name, "" if spec.default in (None, ()) else str(spec.default))
        field = FormField(
            spec.name,
            str(spec.label),
            value,
            kind=spec.form,
            options=options.get(spec.name, ()),
            placeholder=str(spec.placeholder),
            suggestions=owners if spec.name == "owner" else (),
        )
        if spec.name == "department" and task is None:
            fields.insert(0, field)
        else:
            fields.append(field)
    return fields


def kept_form(form: CardForm) -> CardForm:
    """The app's form of this one's shape (tui/kept_screens.py), filled with
    its title, fields and submit: made (and mounted) once, ahead
    (`make_ahead`) or at its first opening, then opened again instead of
    made. `form` itself when none is kept or the kept one is on screen."""
    try:
        app = active_app.get()
    except LookupError:  # not in an app (a test making one by hand)
        return form
    key = ("card-form", form.shape)
    again = kept(app, key)
    if not isinstance(again, CardForm):
        keep(app, key, form)
        return form
    again.refill(form.form_title, form.fields, form.submit)
    return again


def make_ahead(app: App) -> CardForm | None:
    """The form `a` opens on a department's board (and the stand-up's `t`),
    made and mounted without being shown (tui/preparing.py): its first
    opening only fills it."""
    form = CardForm("", task_form_fields(items=()), lambda values: None)
    if is_kept(app, ("card-form", form.shape)):
        return None  # opened already: that one is kept
    keep(app, ("card-form", form.shape), form)
    app._get_screen(form)  # registered: composed and mounted as messages
    return form


class ReasonForm(CardForm):
    """One line to fill: the dialog is as tall as its field, not the screen."""

    CSS_PATH = [*CardForm.CSS_PATH, "reason_form.tcss"]  # the form's, then its own


def reason_form(task_title: str, submit: Submit, reason: str = "") -> CardForm:
    """Moving a card into Blocked asks what it waits for; `reason`: the one
    it was blocked for before (a card back from Done), offered to keep."""
    return ReasonForm(
        _("Blocked: {title}").format(title=task_title),
        [FormField("reason", _("What is it waiting for?"), reason, placeholder=_("e.g. budget not approved"))],
        submit,
    )


def comment_form(task_title: str, submit: Submit) -> CardForm:
    """A comment on a card (its author and time are the store's)."""
    return CardForm(_("Comment · {title}").format(title=task_title), [FormField("text", _("Comment"), "", kind="textarea")], submit)
