"""Finding a department by what a user types: 'design', 'Customer Service', '客服部'."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from opsboard.i18n import _
from opsboard.model.cleaning import line_field, trimmed
from opsboard.model.enums import Table
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


def listed_departments(store: BoardStore) -> list[tuple[str, str, int]]:
    """Each department's id, name and order, in board order, as the models
    give them (`store.departments()`, which this is for `task list`): read
    from the stored documents when every one is as the store writes it, its
    text already clean (pydantic not loaded: `task list --json` over the
    archive starts a tenth of a second sooner), else from the models, which
    read it or say what is wrong, as before."""
    try:
        found = [_as_stored(doc) for doc in store.raw(Table.DEPARTMENTS).values()]
    except (KeyError, ValueError, TypeError, AttributeError):
        return [(d.id, d.name, d.order) for d in store.departments()]
    return sorted(found, key=lambda department: department[2])


# A time as the store writes it, that Python reads as pydantic does (else the models decide)
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?(Z|[+-][0-9]{2}:[0-9]{2})?")
_FIELDS = {"id", "updated_at", "updated_by", "name", "order", "standup_order"}


def _as_stored(doc: dict[str, Any]) -> tuple[str, str, int]:
    """(id, name, order) of a department document the model keeps as it is;
    ValueError (or KeyError, TypeError) for any other."""
    department, name, by, order = doc["id"], doc["name"], doc.get("updated_by", ""), doc.get("order", 0)
    at, standup = doc.get("updated_at"), doc.get("standup_order")
    if not doc.keys() <= _FIELDS or type(order) is not int or (standup is not None and type(standup) is not int):
        raise TypeError(doc)  # a bool, a float, a number as text, a field more: the model's to read
    if trimmed(department) != department or not name or line_field(name) != name or line_field(by) != by:
        raise ValueError(doc)  # text the model cleans
    if at is not None and not (isinstance(at, str) and _TIME.fullmatch(at) and datetime.fromisoformat(at)):
        raise ValueError(doc)
    return department, name, order
