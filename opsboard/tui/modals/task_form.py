"""The card form (add and edit) and the blocked-reason prompt, built on the
shared FormScreen so validation messages show inline under each field."""

from __future__ import annotations

from collections.abc import Sequence

from opsboard.i18n import _
from opsboard.model import ChecklistItem, Task
from opsboard.model.labels import phase_title
from opsboard.services.task_fields import TASK_FIELDS

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


def task_form(
    title: str,
    submit: Submit,
    *,
    items: Sequence[ChecklistItem],
    departments: dict[str, str] | None = None,
    task: Task | None = None,
    prefill_title: str = "",
    prefill_item: str = NO_ITEM,
    owners: Sequence[str] = (),
    department: str = "",
) -> CardForm:
    """Fields: title, owner, due, priority, tags, checklist item, notes — and
    department when `departments` (id → name) is given: last when editing,
    first when adding from the overview (which department is the question),
    on `department`. The owner completes from `owners` (the roster's names)."""
    fields = [
        FormField("title", _("Title"), task.title if task else prefill_title),
        FormField("owner", _("Owner"), task.owner if task else "", suggestions=owners),
        FormField(
            "due",
            _("Due (2026-12-01, 12-1, tomorrow, 明天, +3d…; empty for none)"),
            task.due.isoformat() if task and task.due else "",
            placeholder="YYYY-MM-DD",
        ),
        FormField("priority", _("Priority"), str(task.priority) if task else "3", kind="select", options=priority_options()),
        FormField("tags", _("Tags (comma-separated)"), ", ".join(task.tags) if task else "", placeholder=_("photos, 618")),
        FormField(
            "checklist_item",
            _("Serves checklist item"),
            (task.checklist_item or NO_ITEM) if task else prefill_item,
            kind="select",
            options=item_options(items),
        ),
    ]
    if departments:
        options = [(name, dept_id) for dept_id, name in departments.items()]
        chosen = FormField("department", _("Department"), task.department if task else department, kind="select", options=options)
        if task is None:
            fields.insert(0, chosen)
        else:
            fields.append(chosen)
    fields.append(FormField("notes", _("Notes"), task.notes if task else "", kind="textarea"))
    return CardForm(title, fields, submit)


class ReasonForm(CardForm):
    """One line to fill: the dialog is as tall as its field, not the screen."""

    DEFAULT_CSS = """
    ReasonForm VerticalScroll { height: auto; }
    """


def reason_form(task_title: str, submit: Submit, reason: str = "") -> CardForm:
    """Moving a card into Blocked asks what it waits for; `reason`: the one
    it was blocked for before (a card back from Done), offered to keep."""
    return ReasonForm(
        _("Blocked: {title}").format(title=task_title),
        [FormField("reason", _("What is it waiting for?"), reason, placeholder=_("e.g. budget not approved"))],
        submit,
    )
