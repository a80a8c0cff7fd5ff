"""Undo and redo of the user's own changes, read from the activity log in the
file (so they survive a restart and work the same in every opsboard open on
the board).

The unit is one save (the entries of one revision). Undo applies the inverse
operation and records it with `undoes` = the entry it reverses; redo is the
undo of an undo. A SET is reversed with `before` = the value we set, so if
someone changed that field since, the store reports a conflict instead of
overwriting their value. Someone else's later change to the same item stops
the undo with their name: nothing is undone behind anyone's back.
"""

from __future__ import annotations

from dataclasses import dataclass

from opsboard.model import ActivityEntry, Operation, OpKind
from opsboard.store import BoardStore, ConflictError, NotFoundError

from .activity import ACTIVITY, describe, doc_title, format_value
from .errors import InputError

Group = list[ActivityEntry]  # the entries of one save


class UndoRefused(InputError):
    """Nothing was undone (or redone); the message says why."""


@dataclass(frozen=True)
class History:
    undo: list[Group]  # oldest first: undo takes the last
    redo: list[Group]


@dataclass(frozen=True)
class UndoResult:
    entries: list[ActivityEntry]  # what was logged for the undo/redo
    message: str  # "Undid: lin moved 'X' to Blocked"


def history(store: BoardStore, user: str | None = None) -> History:
    """Replay the user's saves in order: a change goes on the undo stack (and
    empties the redo stack), an undo moves its save to the redo stack, a redo
    moves it back."""
    user = user or store.user
    groups: list[Group] = []
    for doc in store.raw(ACTIVITY).values():
        if doc.get("by") != user:
            continue
        entry = ActivityEntry.model_validate(doc)
        if groups and groups[-1][0].revision == entry.revision:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    undo: list[Group] = []
    redo: list[Group] = []
    for group in groups:
        targets = {entry.undoes for entry in group}
        if undo and targets == {entry.id for entry in undo[-1]}:
            undo.pop()
            redo.append(group)
        elif redo and targets == {entry.id for entry in redo[-1]}:
            redo.pop()
            undo.append(group)
        else:
            undo.append(group)
            redo.clear()
    return History(undo, redo)


def undo_last(store: BoardStore) -> UndoResult:
    """Undo the user's own last change. UndoRefused says why when it cannot."""
    stack = history(store).undo
    if not stack:
        raise UndoRefused("nothing of yours to undo on this board")
    return _reverse(store, stack[-1], "undo")


def redo_last(store: BoardStore) -> UndoResult:
    """Redo the change the user last undid."""
    stack = history(store).redo
    if not stack:
        raise UndoRefused("nothing to redo")
    return _reverse(store, stack[-1], "redo")


def _reverse(store: BoardStore, group: Group, label: str) -> UndoResult:
    verb = "undo" if label == "undo" else "redo"
    first = describe(group[0], store)
    for entry in group:
        if entry.kind is OpKind.REPLACE:
            raise UndoRefused(f"cannot {verb} your last change ({first}): an import is not undone; import the old file again")
    later = _changed_since_by_others(store, group)
    if later is not None:
        raise UndoRefused(f"not {verb}ne: {describe(later, store)} after your change ({first})")
    ops = [_inverse(entry, label) for entry in reversed(group)]
    try:
        entries = store.apply(*ops)
    except ConflictError as error:
        table = next((e.table for e in group if e.doc_id == error.doc_id), group[0].table)
        title = doc_title(store, table, error.doc_id)
        raise UndoRefused(
            f"not {verb}ne: {error.by or 'someone else'} changed {error.field} of '{title}' to "
            f"{format_value(error.field, error.theirs, table)} after your change"
        ) from None
    except NotFoundError:
        title = doc_title(store, group[0].table, group[0].doc_id, group[0].after, group[0].before)
        raise UndoRefused(f"not {verb}ne: '{title}' is no longer on the board") from None
    done = "Undid" if label == "undo" else "Redid"
    more = f" (and {len(group) - 1} more)" if len(group) > 1 else ""
    return UndoResult(entries, f"{done}: {first}{more}")


def _inverse(entry: ActivityEntry, label: str) -> Operation:
    common = {"table": entry.table, "doc_id": entry.doc_id, "label": label, "undoes": entry.id}
    if entry.kind is OpKind.SET:
        # `before` = what we set: if someone changed it since, that is a conflict, not an overwrite
        return Operation(kind=OpKind.SET, after=dict(entry.before or {}), before=dict(entry.after), **common)
    if entry.kind is OpKind.ADD:
        return Operation(kind=OpKind.DELETE, **common)
    if entry.kind is OpKind.DELETE:
        return Operation(kind=OpKind.ADD, after=dict(entry.before or {}), **common)
    raise UndoRefused("an import cannot be undone")


def _changed_since_by_others(store: BoardStore, group: Group) -> ActivityEntry | None:
    """The first later entry by someone else that touched what `group` changed
    (for a SET: the same fields; otherwise: the same document)."""
    user = group[0].by
    revision = group[0].revision
    # keyed as the raw log spells them
    touched = {(e.table.value, e.doc_id): (set(e.after) if e.kind is OpKind.SET else None) for e in group}
    for doc in store.raw(ACTIVITY).values():
        if int(doc.get("revision", 0)) <= revision or doc.get("by") == user:
            continue
        key = (doc.get("table"), doc.get("doc_id"))
        if key not in touched:
            continue
        fields = touched[key]
        if fields is None or doc.get("kind") != OpKind.SET or fields & set(doc.get("after", {})) - {"updated_at", "updated_by"}:
            return ActivityEntry.model_validate(doc)
    return None
