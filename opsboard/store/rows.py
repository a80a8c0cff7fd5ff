"""What the first screen shows, read straight from the stored documents.

Loading pydantic and building the models takes about a tenth of a second,
roughly a third of a bare Textual app's whole start. View 1 (the checklists)
and the header are drawn from these plain records instead, so the board is on
screen before the models have loaded. The documents are still checked: the
app validates them against the models right after the first frame (see
`OpsboardApp._check_board`), and every save validates what it writes.

A row is the models' projection of its document: its fields are the
model's fields, and its text goes through the very functions the models'
types use (`model/cleaning.py`), so a hand-edited file shows the same text
here as everywhere else (tests/store/test_rows.py holds them equal). A value
in any form but the one the store writes goes to the models instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from opsboard.model.cleaning import line_field, text_field, trimmed
from opsboard.model.enums import ItemStatus, Phase, Table

if TYPE_CHECKING:
    from .board_store import BoardStore


@dataclass(frozen=True, slots=True)
class ChecklistRow:
    """A checklist item as view 1 draws it (the fields of `ChecklistItem` it shows)."""

    id: str
    phase: Phase
    code: str
    title: str
    department: str
    status: ItemStatus = ItemStatus.OPEN
    owner: str = ""
    due: date | None = None
    detail: str = ""
    notes: str = ""
    done_at: datetime | None = None
    done_by: str = ""
    order: int = 0

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ChecklistRow:
        """KeyError, ValueError or TypeError when the document is not a readable item."""
        due, done_at = doc.get("due"), doc.get("done_at")
        return cls(
            id=trimmed(doc["id"]),
            phase=Phase(doc["phase"]),
            code=line_field(doc["code"]),
            title=line_field(doc["title"]),
            department=trimmed(doc["department"]),
            status=ItemStatus(doc.get("status", ItemStatus.OPEN)),
            owner=line_field(doc.get("owner", "")),
            due=None if due is None else date.fromisoformat(_stored(_DATE, due)),
            detail=text_field(doc.get("detail", "")),
            notes=text_field(doc.get("notes", "")),
            done_at=None if done_at is None else datetime.fromisoformat(_stored(_DATETIME, done_at)),
            done_by=line_field(doc.get("done_by", "")),
            order=_stored_int(doc.get("order", 0)),
        )

    def is_overdue(self, today: date) -> bool:
        return self.status is ItemStatus.OPEN and self.due is not None and self.due < today


# Dates and numbers only in the forms the store writes (model_dump's JSON):
# Python's fromisoformat and int() accept others that pydantic reads
# differently or refuses (`20260101`, `2026-W01`, " 3").
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})?")


def _stored(form: re.Pattern[str], value: object) -> str:
    if not isinstance(value, str) or not form.fullmatch(value):
        raise ValueError(value)  # caught below: the models then say what is wrong
    return value


def _stored_int(value: object) -> int:
    if type(value) is not int:  # not bool, float or str: the models read those
        raise TypeError(value)  # caught below, as above
    return value


# A document these plain readers cannot read goes to the models instead: they
# either read it (pydantic accepts a few more forms, e.g. a date as a number)
# or raise BoardDamagedError saying which field is wrong.
_UNREADABLE = (KeyError, ValueError, TypeError, AttributeError)
_ROW_FIELDS = ChecklistRow.__slots__


def checklist_rows(store: BoardStore) -> list[ChecklistRow]:
    try:
        return [ChecklistRow.from_doc(doc) for doc in store.raw(Table.CHECKLIST).values()]
    except _UNREADABLE:
        return [ChecklistRow(**{name: getattr(item, name) for name in _ROW_FIELDS}) for item in store.checklist()]


def board_name(store: BoardStore) -> str:
    try:
        return line_field(store.raw(Table.META)["meta"]["name"])
    except _UNREADABLE:
        return store.meta().name


def check_against_models(store: BoardStore) -> None:
    """Validate the documents these rows read (board settings, departments,
    checklist) with the models; BoardDamagedError naming the field when one
    is refused. Not the tasks: 10,000 of them take longer than the whole start."""
    store.meta()
    store.departments()
    store.checklist()


def board_language(store: BoardStore) -> str:
    """'en' or 'zh' (anything else reads as English, as the labels do)."""
    meta = store.raw(Table.META).get("meta")
    return str(meta.get("language", "en")) if isinstance(meta, dict) else "en"


def department_names(store: BoardStore) -> dict[str, str]:
    """Department id → display name, in board order."""
    try:
        docs = sorted(store.raw(Table.DEPARTMENTS).values(), key=lambda d: _stored_int(d.get("order", 0)))
        return {trimmed(d["id"]): line_field(d["name"]) for d in docs}
    except _UNREADABLE:
        return {d.id: d.name for d in store.departments()}


def last_saved(store: BoardStore) -> datetime | None:
    """When the board was last saved: its newest activity entry (the log is
    kept in order), else the board's own stamp; None when neither reads."""
    log = store.raw("activity")
    newest = next(reversed(log.values()), None) if log else None
    stamp = (newest or {}).get("at") or store.raw(Table.META).get("meta", {}).get("updated_at")
    try:
        return datetime.fromisoformat(stamp) if isinstance(stamp, str) else None
    except ValueError:
        return None
