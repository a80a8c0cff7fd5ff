"""Applying one operation to a TinyDB table, inside the store's transaction,
and the activity entry that records it (who, when, before → after)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opsboard import model as models
from opsboard.i18n import _
from opsboard.model import OpKind
from opsboard.model.ids import new_id

from .doc_table import DocTable, keyed
from .documents import checked_doc, jsonable, model_view
from .errors import BoardError, ConflictError, NotFoundError

if TYPE_CHECKING:
    from opsboard.model import ActivityEntry, Operation

Values = dict[str, Any]


def apply_operation(table: DocTable, op: Operation, *, path: Path, user: str, stamp: datetime, revision: int) -> ActivityEntry:
    """Change `table` as `op` asks; raises (and changes nothing the
    transaction keeps) when it cannot."""
    stamp_fields = {"updated_at": stamp.isoformat(), "updated_by": user}
    after = jsonable(op.after)
    before: Values | None = None
    if op.kind is OpKind.ADD:
        after = _add(table, op, after, stamp_fields, path)
    elif op.kind is OpKind.SET:
        before, after = _set(table, op, after, stamp_fields, path)
    elif op.kind is OpKind.DELETE:
        before, after = dict(_current(table, op)), {}
        table.remove(doc_ids=[op.doc_id])
    elif op.kind is OpKind.REPLACE:
        after = _replace(table, op, path)
    return models.ActivityEntry(
        id=new_id("a"),
        at=stamp,
        by=user,
        kind=op.kind,
        table=op.table,
        doc_id=op.doc_id,
        label=op.label,
        before=before,
        after=after,
        summary=op.summary,
        revision=revision,
        undoes=op.undoes,
    )


def _add(table: DocTable, op: Operation, after: Values, stamp_fields: Values, path: Path) -> Values:
    if not op.doc_id or str(after.setdefault("id", op.doc_id)) != op.doc_id:
        raise BoardError(_("{path}: an added document needs a doc_id equal to its id; nothing was saved").format(path=path))
    if table.contains(doc_id=op.doc_id):
        raise BoardError(_("'{doc_id}' is already on the board").format(doc_id=op.doc_id))
    doc = checked_doc(path, op.table, op.doc_id, {**after, **stamp_fields})
    table.insert(keyed(doc, op.doc_id))
    return {field: doc[field] for field in {**after, **stamp_fields}}


def _set(table: DocTable, op: Operation, after: Values, stamp_fields: Values, path: Path) -> tuple[Values, Values]:
    """Only a field that holds neither what the user saw nor what they set
    was changed by someone else since: that is the one conflict."""
    current = _current(table, op)
    view = model_view(op.table, current)
    for field, seen in jsonable(op.before or {}).items():
        theirs = view.get(field)
        if field in after and theirs != seen and theirs != after[field]:
            raise ConflictError(op.doc_id, field, seen, theirs, after[field], current.get("updated_by", ""), op)
    doc = checked_doc(path, op.table, op.doc_id, {**current, **after, **stamp_fields})
    before = {field: view.get(field) for field in after}
    after = {field: doc[field] for field in after}
    table.update({**after, **{field: doc[field] for field in stamp_fields}}, doc_ids=[op.doc_id])
    return before, after


def _replace(table: DocTable, op: Operation, path: Path) -> Values:
    """Many documents at once (an import): same ids are replaced."""
    docs = [checked_doc(path, op.table, str(doc.get("id", "")), doc) for doc in op.docs]
    if any("id" not in doc for doc in docs):
        raise BoardError(_("{path}: every replaced document needs an id; nothing was saved").format(path=path))
    existing = [doc_id for doc_id in (str(doc["id"]) for doc in docs) if table.contains(doc_id=doc_id)]
    if existing:
        table.remove(doc_ids=existing)
    table.insert_multiple(keyed(doc, str(doc["id"])) for doc in docs)
    return {"count": len(docs), "replaced": len(existing)}


def _current(table: DocTable, op: Operation) -> Values:
    current = table.get(doc_id=op.doc_id)
    if current is None:
        raise NotFoundError(_("'{doc_id}' is no longer on the board (deleted by someone else?)").format(doc_id=op.doc_id))
    return dict(current)
