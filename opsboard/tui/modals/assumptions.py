"""The target plan's assumptions as a form (view 3's `e`).

Fields are shown as a user types them (rates as 2.8%, amounts with
separators, one value or twelve); only the fields the user changed are sent
to the service, which checks them all and says what is wrong per field — a
conversion of 300 % or a negative budget stays in the form with its message.
An unusual value (an uplift above 300 %) is said under its field; saving the
same values again confirms it (`confirming`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from opsboard.i18n import _
from opsboard.services.errors import NeedsConfirmation
from opsboard.services.targets import FIELDS

from .form import FormField, FormScreen, Submit


def assumptions_form(title: str, texts: dict[str, str], save: Submit, *, new_plan: bool = False) -> FormScreen:
    """A FormScreen over FIELDS starting from `texts`. `save(changed)` (a
    form submit: errors per field, or None) is called with the changed
    fields (all of them for a new plan); the form closes once it saves."""
    fields = [
        FormField(name, str(label), texts.get(name, ""), placeholder=_("e.g. 12,000,000") if name == "annual_target" else "")
        for name, label in FIELDS.items()
    ]

    def submit(values: dict[str, str]) -> dict[str, str] | None:
        changed = {name: value for name, value in values.items() if new_plan or value != texts.get(name, "")}
        if not changed:
            return None
        return save(changed)

    return FormScreen(title, fields, submit)


def confirming(change: Callable[[dict[str, str], bool], Any]) -> Callable[[dict[str, str]], Any]:
    """`change(values, confirmed)` for a form's save: an unusual value (an
    uplift above 300 %) is said under its field, and saving the same values
    again confirms it."""
    asked: list[dict[str, str]] = []

    def save(values: dict[str, str]) -> Any:
        try:
            return change(values, bool(asked) and asked[-1] == values)
        except NeedsConfirmation as error:
            asked.append(dict(values))
            raise NeedsConfirmation(
                {field: _("{message} (ctrl+s again)").format(message=message) for field, message in error.errors.items()}
            ) from None

    return save
