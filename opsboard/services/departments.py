"""Finding a department by what a user types: 'design', 'Customer Service', '客服部'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opsboard.i18n import _
from opsboard.store import BoardStore

from .errors import InputError

if TYPE_CHECKING:
    from opsboard.model import Department


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def resolve_department(store: BoardStore, text: str) -> Department:
    departments = store.departments()
    wanted = _key(text)
    for department in departments:
        if wanted in (_key(department.id), _key(department.name)):
            return department
    valid = ", ".join(d.name for d in departments)
    raise InputError(_("unknown department '{name}' (valid: {valid})").format(name=text, valid=valid))


def department_names(store: BoardStore) -> dict[str, str]:
    """id → display name, in board order."""
    return {d.id: d.name for d in store.departments()}
