"""The one error an import raises: every bad line, or one problem with the file."""

from __future__ import annotations

from opsboard.i18n import _, ngettext

MESSAGE_LINES = 50  # bad rows spelled out in the message (all are in .errors)


class ActualsImportError(ValueError):
    """The file cannot be imported. `errors` holds (line number, reason) for
    every bad row (or one entry for a problem with the whole file).
    `in_dialog`: the message as the import dialog says it, when its advice
    differs from the command line's (its column pickers, not --map)."""

    def __init__(self, message: str, errors: list[tuple[int, str]] | None = None, in_dialog: str | None = None) -> None:
        super().__init__(message)
        self.errors: list[tuple[int, str]] = list(errors or [])
        self.in_dialog = in_dialog or message


def bad_rows_error(name: str, errors: list[tuple[int, str]], where: str = "line") -> ActualsImportError:
    """Every bad row listed (the message capped at MESSAGE_LINES), nothing imported."""
    each = _("line {n}: {reason}") if where == "line" else _("row {n}: {reason}")
    listed = [each.format(n=number, reason=reason) for number, reason in errors[:MESSAGE_LINES]]
    if len(errors) > MESSAGE_LINES:
        listed.append(_("… and {n} more bad rows").format(n=len(errors) - MESSAGE_LINES))
    first = ngettext("{name}: {n} bad row, nothing imported:", "{name}: {n} bad rows, nothing imported:", len(errors))
    return ActualsImportError(first.format(name=name, n=len(errors)) + "\n" + "\n".join(listed), errors)
