"""Bad input from a user, as one line that says what and what is valid."""

from __future__ import annotations

from opsboard.i18n import _
from opsboard.store import BoardError


class InputError(BoardError):
    """The user asked for something invalid; nothing was changed."""


class FieldErrors(InputError):
    """Validation messages per form field, for a form to show inline."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(_("; ").join(_("{field}: {reason}").format(field=field, reason=message) for field, message in errors.items()))


class RecordGone(InputError):
    """The task (or item) acted on is not on the board: never there, or
    deleted by someone else since it was shown. The app offers to re-create it."""


class NeedsConfirmation(FieldErrors):
    """A value that is allowed but unusual (an uplift above 300 %, a re-base
    of the whole year): saved only when the user confirms it."""
