"""The one error an import raises: every bad line, or one problem with the file."""

from __future__ import annotations

MESSAGE_LINES = 50  # bad rows spelled out in the message (all are in .errors)


class ActualsImportError(ValueError):
    """The file cannot be imported. `errors` holds (line number, reason) for
    every bad row (or one entry for a problem with the whole file)."""

    def __init__(self, message: str, errors: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.errors: list[tuple[int, str]] = list(errors or [])


def bad_rows_error(name: str, errors: list[tuple[int, str]], where: str = "line") -> ActualsImportError:
    """Every bad row listed (the message capped at MESSAGE_LINES), nothing imported."""
    listed = [f"{where} {number}: {reason}" for number, reason in errors[:MESSAGE_LINES]]
    if len(errors) > MESSAGE_LINES:
        listed.append(f"… and {len(errors) - MESSAGE_LINES} more bad rows")
    rows = "row" if len(errors) == 1 else "rows"
    return ActualsImportError(f"{name}: {len(errors)} bad {rows}, nothing imported:\n" + "\n".join(listed), errors)
