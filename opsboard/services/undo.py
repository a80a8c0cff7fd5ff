"""Undo and redo of the user's own changes, read from the activity log in the
file (so they survive a restart and work the same in every opsboard open on
the board).

The unit is one save (the entries of one revision). Undo applies the inverse
operation and records it with `undoes` = the entry it reverses; redo is the
undo of an undo. A SET is reversed with `before` = the value we set, so if
someone changed that field since, the store reports a conflict instead of
overwriting their value. Someone else's later change to the same item stops
the undo with their name: nothing is undone behind anyone's back. That
refusal is said once: the next undo goes on with the user's earlier changes.

The oldest entries move to the activity archive beside the board; when an
entry in the board undoes one that moved there, the archive is read too, so
an undone change is never taken for a new one (and re-applied).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import orjson

from opsboard.i18n import _
from opsboard.model import ActivityEntry, Operation, OpKind, Table
from opsboard.store import BoardStore, ConflictError, NotFoundError, activity_archive_path
from opsboard.store.archiving import ARCHIVE_KEY, EDIT, MOVE, RETURN, archive_direction

from .activity import describe, doc_title, field_word, format_value, original_change
from .errors import InputError

Group = list[ActivityEntry]  # the entries of one save

# Per open board: the saves whose undo (or redo) was refused, by their first
# entry's id. Skipped from then on, so one override does not block every
# earlier change; the app keeps one store while it runs.
_refused: WeakKeyDictionary[BoardStore, set[str]] = WeakKeyDictionary()
# Per open board: the archive as last read (its inode and size, its entries).
_archives: WeakKeyDictionary[BoardStore, tuple[tuple[int, int], list[ActivityEntry]]] = WeakKeyDictionary()


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


def _log(store: BoardStore, user: str) -> list[ActivityEntry]:
    """The activity log, oldest first: the board's (validated: a malformed
    entry is a BoardDamagedError naming it), and the archive's in front when
    one of the user's entries in the board undoes an entry that moved there."""
    board = store.activity()
    ids = {entry.id for entry in board}
    if any(entry.undoes and entry.undoes not in ids for entry in board if entry.by == user):
        return [*_archived(store), *board]
    return board


def _archived(store: BoardStore) -> list[ActivityEntry]:
    """The archive's entries; a torn or malformed line is skipped (the board
    keeps every entry it has not yet moved, so nothing is lost from undo)."""
    path = activity_archive_path(store.path)
    try:
        st = os.stat(path)
    except OSError:
        return []
    key = (st.st_ino, st.st_size)
    cached = _archives.get(store)
    if cached is not None and cached[0] == key:
        return cached[1]
    entries = []
    try:
        with open(path, "rb") as archive:
            for line in archive:
                try:
                    entries.append(ActivityEntry.model_validate(orjson.loads(line)))
                except ValueError:  # orjson's and pydantic's errors are ValueErrors
                    continue
    except OSError:
        return []
    _archives[store] = (key, entries)
    return entries


def history(store: BoardStore, user: str | None = None) -> History:
    """Replay the user's saves in order: a change goes on the undo stack (and
    empties the redo stack), an undo moves its save to the redo stack, a redo
    moves it back. Saves whose undo was refused once are left out."""
    user = user or store.user
    groups: list[Group] = []
    for entry in _log(store, user):
        if entry.by != user:
            continue
        if groups and groups[-1][0].revision == entry.revision:
            groups[-1].append(entry)
        else:
            groups.append([entry])
    refused = _refused.get(store, set())

    def top(stack: list[Group]) -> int | None:
        """Where the last save not refused is (a refused one stays below it)."""
        return next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0].id not in refused), None)

    undo: list[Group] = []
    redo: list[Group] = []
    for group in groups:
        targets = {entry.undoes for entry in group}
        last_undo, last_redo = top(undo), top(redo)
        if last_undo is not None and targets == {entry.id for entry in undo[last_undo]}:
            undo.pop(last_undo)
            redo.append(group)
        elif last_redo is not None and targets == {entry.id for entry in redo[last_redo]}:
            redo.pop(last_redo)
            undo.append(group)
        else:
            undo.append(group)
            redo.clear()
    return History([g for g in undo if g[0].id not in refused], [g for g in redo if g[0].id not in refused])


def undo_last(store: BoardStore) -> UndoResult:
    """Undo the user's own last change. UndoRefused says why when it cannot."""
    stack = history(store).undo
    if not stack:
        raise UndoRefused(_("nothing of yours to undo on this board"))
    return _reverse(store, stack[-1], "undo")


def redo_last(store: BoardStore) -> UndoResult:
    """Redo the change the user last undid."""
    stack = history(store).redo
    if not stack:
        raise UndoRefused(_("nothing to redo"))
    return _reverse(store, stack[-1], "redo")


def _reverse(store: BoardStore, group: Group, label: str) -> UndoResult:
    try:
        return _apply_reverse(store, group, label)
    except UndoRefused as refused:
        # said once; the next undo goes on with the change before this one
        _refused.setdefault(store, set()).add(group[0].id)
        if label == "undo":
            raise UndoRefused(_("{reason} — the next undo goes on with your earlier changes").format(reason=refused)) from None
        raise UndoRefused(str(refused)) from None


def _apply_reverse(store: BoardStore, group: Group, label: str) -> UndoResult:
    undo = label == "undo"
    first = describe(original_change(group[0], store), store)  # "Redid: lin marked 'X' done", not "… reopened 'X' (undo)"
    for entry in group:
        if entry.kind is OpKind.REPLACE and archive_direction(entry.kind, entry.table, entry.after) is None:
            message = (
                _("cannot undo your last change ({change}): an import is not undone; import the old file again")
                if undo
                else _("cannot redo your last change ({change}): an import is not undone; import the old file again")
            )
            raise UndoRefused(message.format(change=first))
    later = _changed_since_by_others(store, group)
    if later is not None:
        message = _("not undone: {later} after your change ({change})") if undo else _("not redone: {later} after your change ({change})")
        raise UndoRefused(message.format(later=describe(later, store), change=first))
    ops = [op for entry in reversed(group) for op in _inverse_ops(store, entry, label)]
    # archived tasks' lines are appended as their op applies: last, so a refusal of any
    # other op (a conflict) leaves the archive as it was, as the change itself did
    ops.sort(key=lambda op: archive_direction(op.kind, op.table, op.after) == EDIT)
    try:
        entries = store.apply(*ops)
    except ConflictError as error:
        table = next((e.table for e in group if e.doc_id == error.doc_id), group[0].table)
        title = doc_title(store, table, error.doc_id)
        message = (
            _("not undone: {who} changed {field} of '{title}' to {value} after your change")
            if undo
            else _("not redone: {who} changed {field} of '{title}' to {value} after your change")
        )
        raise UndoRefused(
            message.format(
                who=error.by or _("someone else"),
                field=field_word(error.field),
                title=title,
                value=format_value(error.field, error.theirs, table),
            )
        ) from None
    except NotFoundError:
        title = doc_title(store, group[0].table, group[0].doc_id, group[0].after, group[0].before)
        message = _("not undone: '{title}' is no longer on the board") if undo else _("not redone: '{title}' is no longer on the board")
        raise UndoRefused(message.format(title=title)) from None
    if len(group) > 1:
        message = _("Undid: {change} (and {count} more)") if undo else _("Redid: {change} (and {count} more)")
    else:
        message = _("Undid: {change}") if undo else _("Redid: {change}")
    return UndoResult(entries, message.format(change=first, count=len(group) - 1))


def _inverse_ops(store: BoardStore, entry: ActivityEntry, label: str) -> list[Operation]:
    """The operations that take `entry` back. Archived tasks changed where
    they lay (a person renamed) that a teammate brought back to the board
    since get their values back there, each a SET against the value the
    change gave it: a teammate's own change of that field meanwhile is a
    conflict that the undo names, not an overwrite."""
    if archive_direction(entry.kind, entry.table, entry.after) != EDIT:
        return [_inverse(entry, label)]
    before: dict[str, Any] = dict((entry.before or {}).get("tasks") or {})
    after: dict[str, Any] = entry.after.get("tasks") or {}
    on_board = store.raw(Table.TASKS)
    back = [task_id for task_id in before if task_id in on_board]
    ops = [
        Operation(
            kind=OpKind.SET,
            table=Table.TASKS,
            doc_id=task_id,
            after=dict(before[task_id]),
            before=dict(after.get(task_id) or {}),
            label=label,
            undoes=entry.id,
        )
        for task_id in back
    ]
    still = {task_id: values for task_id, values in before.items() if task_id not in on_board}
    if still or not ops:
        ops.append(
            Operation(
                kind=OpKind.REPLACE,
                table=entry.table,
                doc_id=entry.doc_id,
                label=label,
                undoes=entry.id,
                after={ARCHIVE_KEY: EDIT, "tasks": still},
            )
        )
    return ops


def _inverse(entry: ActivityEntry, label: str) -> Operation:
    common: dict[str, Any] = {"table": entry.table, "doc_id": entry.doc_id, "label": label, "undoes": entry.id}
    direction = archive_direction(entry.kind, entry.table, entry.after)
    if direction == MOVE:  # the tasks it moved that are still archived come back
        return Operation(kind=OpKind.REPLACE, after={ARCHIVE_KEY: RETURN}, **common)
    if direction == RETURN:  # those tasks move to the archive again
        return Operation(kind=OpKind.REPLACE, after={ARCHIVE_KEY: MOVE, "ids": list(entry.after.get("ids") or [])}, **common)
    if direction == EDIT:  # the archived tasks get their values back
        return Operation(kind=OpKind.REPLACE, after={ARCHIVE_KEY: EDIT, "tasks": dict((entry.before or {}).get("tasks") or {})}, **common)
    if entry.kind is OpKind.SET:
        # `before` = what we set: if someone changed it since, that is a conflict, not an overwrite
        return Operation(kind=OpKind.SET, after=dict(entry.before or {}), before=dict(entry.after), **common)
    if entry.kind is OpKind.ADD:
        return Operation(kind=OpKind.DELETE, **common)
    if entry.kind is OpKind.DELETE:
        return Operation(kind=OpKind.ADD, after=dict(entry.before or {}), **common)
    raise UndoRefused(_("an import cannot be undone"))


def _changed_since_by_others(store: BoardStore, group: Group) -> ActivityEntry | None:
    """The first later entry by someone else that touched what `group` changed
    (for a SET: the same fields; otherwise: the same document)."""
    user = group[0].by
    revision = group[0].revision
    touched = {(e.table, e.doc_id): (set(e.after) if e.kind is OpKind.SET else None) for e in group}
    for e in group:  # archived tasks changed where they lie: each task's own fields
        if archive_direction(e.kind, e.table, e.after) == EDIT:
            del touched[(e.table, e.doc_id)]
            touched.update(((e.table, task_id), set(fields)) for task_id, fields in (e.after.get("tasks") or {}).items())
    log = _log(store, user)
    if log and log[0].revision > revision:  # the group itself is in the archive
        log = [*_archived(store), *log]
    for entry in log:
        if entry.revision <= revision or entry.by == user:
            continue
        key = (entry.table, entry.doc_id)
        if key not in touched:
            continue
        fields = touched[key]
        if fields is None or entry.kind is not OpKind.SET or fields & set(entry.after) - {"updated_at", "updated_by"}:
            return entry
    return None
