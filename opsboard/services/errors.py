"""Bad input from a user, as one line that says what and what is valid."""

from __future__ import annotations

from opsboard.store import BoardError


class InputError(BoardError):
    """The user asked for something invalid; nothing was changed."""


class FieldErrors(InputError):
    """Validation messages per form field, for a form to show inline."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
