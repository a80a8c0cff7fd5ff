"""What the first screen shows, read straight from the stored documents.

Loading pydantic and building the models takes about a tenth of a second,
roughly a third of a bare Textual app's whole start. View 1 (the checklists)
and the header are drawn from these plain records instead, so the board is on
screen before the models have loaded. The documents are still checked: the
app validates them against the models right after the first frame (see
`OpsboardApp._check_board`), and every save validates what it writes.

User text is cleaned exactly as the models clean it, so a hand-edited file
cannot put control characters on the screen even before that check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from opsboard.model.cleaning import clean_line, clean_text
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
            id=str(doc["id"]),
            phase=Phase(doc["phase"]),
            code=clean_line(doc["code"]),
            title=clean_line(doc["title"]),
            department=str(doc["department"]),
            status=ItemStatus(doc.get("status", ItemStatus.OPEN)),
            owner=clean_line(doc.get("owner") or ""),
            due=date.fromisoformat(due) if due else None,
            detail=clean_text(doc.get("detail") or "").strip(),
            notes=clean_text(doc.get("notes") or "").strip(),
            done_at=datetime.fromisoformat(done_at) if done_at else None,
            done_by=clean_line(doc.get("done_by") or ""),
            order=int(doc.get("order", 0)),
        )

    def is_overdue(self, today: date) -> bool:
        return self.status is ItemStatus.OPEN and self.due is not None and self.due < today


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
        return clean_line(store.raw(Table.META)["meta"]["name"])
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
        docs = sorted(store.raw(Table.DEPARTMENTS).values(), key=lambda d: int(d.get("order", 0)))
        return {str(d["id"]): clean_line(d["name"]) for d in docs}
    except _UNREADABLE:
        return {d.id: d.name for d in store.departments()}
