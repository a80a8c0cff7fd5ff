"""The activity log in words: who changed what, when, before → after.

`describe` is the one place a change is worded, so the live-refresh notice
("lin moved 'Book 618 ad slots' to Blocked") and the activity view agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from opsboard import model as models  # pydantic loads on first use, not with this module
from opsboard.i18n import _, _l, lazy_pgettext, ngettext, pgettext
from opsboard.i18n.formats import number
from opsboard.model import TASK_STATUS_LABELS, OpKind, Table, TaskStatus
from opsboard.model.labels import PLAN_FIELD_WORDS
from opsboard.store import BoardStore
from opsboard.store.archiving import EDIT, MOVE, RETURN, archive_direction

from .plan_change_words import plan_change, plan_phrase

if TYPE_CHECKING:
    from opsboard.model import ActivityEntry

ACTIVITY = "activity"  # the store's table of entries

# Fields the store or a status change fills in by itself: not worth a word.
_BOOKKEEPING = {"updated_at", "updated_by", "created_at", "created_by", "done_at", "done_by", "blocked_since", "id"}
_TABLE_WORDS = {
    Table.META: _l("the board settings"),
    Table.DEPARTMENTS: _l("department"),
    Table.TARGETS: _l("the target plan"),
    Table.ACTUALS: _l("daily metrics"),
    Table.STANDUPS: _l("a stand-up record"),
}
# what a user reads first in "before → after"; other fields keep their order after these
_FIRST = ("status", "title", "owner", "due", "priority")
_ITEM_STATUS_WORDS = {"done": _l("marked {what} done"), "open": _l("reopened {what}"), "skipped": _l("marked {what} not applicable")}


def _table_word(table: Table) -> str:
    return str(_TABLE_WORDS.get(table, str(table)))


@dataclass(frozen=True)
class ActivityRow:
    """One line of the activity view."""

    entry: ActivityEntry
    text: str  # describe(entry): who and what, one sentence in the interface language
    what: str  # what_changed(entry): the change alone, for the view's "what" column beside "who"
    change: str  # "status: To do → Blocked; owner: — → chen"
    department: str | None  # department id of the task or checklist item, if any


# -- reading the log cheaply -----------------------------------------------------


def entries_since(store: BoardStore, revision: int) -> list[ActivityEntry]:
    """Entries saved after `revision`, oldest first. Walks the log from its
    newest end, so it costs the new entries, not the whole history."""
    newer = []
    for doc in reversed(list(store.raw(ACTIVITY).values())):
        entry = readable_entry(doc)
        if entry is None:
            continue  # not one this opsboard can read: not announced
        if entry.revision <= revision:
            break
        newer.append(entry)
    newer.reverse()
    return newer


def newest_revision_logged(store: BoardStore) -> int:
    log = store.raw(ACTIVITY)
    if not log:
        return 0
    return int(next(reversed(log.values())).get("revision", 0))


def change_notice(entries: Iterable[ActivityEntry], store: BoardStore, *, limit: int = 3) -> str:
    """A short notice of others' changes: up to `limit` lines, then "and N more"."""
    entries = list(entries)
    lines = [describe(entry, store) for entry in entries[-limit:]]
    if len(entries) > limit:
        lines.insert(0, _("{count} changes, the latest:").format(count=len(entries)))  # never 1: more than `limit`
    return "\n".join(lines)


# -- wording -----------------------------------------------------------------------


def doc_title(store: BoardStore, table: Table, doc_id: str, *docs: dict[str, Any] | None) -> str:
    """How a user recognises a document: a task's title, a checklist item's
    `code · title`. Looks in the given docs (the entry's before/after) first,
    then the board as it is now."""
    found: dict[str, Any] = {}
    for doc in (*docs, store.raw(table).get(doc_id)):
        if doc:
            found = {**doc, **found}  # earlier docs win
    if not (found.get("title") or found.get("name")):
        found = {**_last_known(store, table, doc_id), **found}
    title = found.get("title") or found.get("name") or doc_id
    if table is Table.CHECKLIST and found.get("code"):
        return f"{found['code']} · {title}"
    return str(title)


def _last_known(store: BoardStore, table: Table, doc_id: str) -> dict[str, Any]:
    """A deleted document as the log last shows it (its delete keeps it whole)."""
    for doc in reversed(list(store.raw(ACTIVITY).values())):
        if doc.get("doc_id") == doc_id and doc.get("table") == table.value:
            whole = doc.get("before") if doc.get("kind") == OpKind.DELETE else doc.get("after")
            if whole and (whole.get("title") or whole.get("name")):
                return dict(whole)
    return {}


def deleted_by(store: BoardStore, table: Table, doc_id: str) -> str:
    """Who deleted a document, as the log in the board says ('' when it does not)."""
    for doc in reversed(list(store.raw(ACTIVITY).values())):
        if isinstance(doc, dict) and doc.get("doc_id") == doc_id and doc.get("table") == table.value:
            return str(doc.get("by", "")) if doc.get("kind") == OpKind.DELETE else ""
    return ""


def _department(store: BoardStore, entry: ActivityEntry) -> str | None:
    if entry.table not in (Table.TASKS, Table.CHECKLIST):
        return None
    for doc in (entry.after, entry.before, store.raw(entry.table).get(entry.doc_id)):
        if doc and doc.get("department"):
            return str(doc["department"])
    return None


def _department_name(store: BoardStore, dept_id: str | None) -> str:
    if not dept_id:
        return ""
    return str(store.raw(Table.DEPARTMENTS).get(dept_id, {}).get("name", dept_id))


# a checklist item's status in before → after (English keeps the stored words)
_ITEM_STATUS_WORDS_SHORT = {
    "open": lazy_pgettext("checklist item status", "open"),
    "done": lazy_pgettext("checklist item status", "done"),
    "skipped": lazy_pgettext("checklist item status", "skipped"),
}


def _value_words(store: BoardStore | None, field: str, value: object, before: object = None) -> str:
    """A task's or an item's department and checklist item by the names a
    reader knows them by, not their ids; of a comment thread, what was added."""
    if field == "comments":
        earlier = before if isinstance(before, list) else []
        added = [c for c in value if isinstance(c, dict) and c not in earlier] if isinstance(value, list) else []
        said = [_("{text} — {who}").format(text=" ".join(str(c.get("text", "")).split()), who=c.get("by") or "?") for c in added]
        return format_value(field, _("; ").join(said))
    if not value or store is None:
        return format_value(field, value)
    if field == "department":
        return format_value(field, _department_name(store, str(value)))
    return format_value(field, doc_title(store, Table.CHECKLIST, str(value)))


def format_value(field: str, value: object, table: Table = Table.TASKS, limit: int | None = 40) -> str:
    """A stored value as the views show it (a task's status by its column);
    a plan's or a stand-up's parts in words, never as Python's dict syntax;
    cut to `limit` characters (None: whole)."""
    if value is None or value == "" or value == []:
        return "—"
    if field == "status" and table is Table.TASKS and value in TaskStatus._value2member_map_:
        return str(TASK_STATUS_LABELS[TaskStatus(str(value))])
    if field == "status" and table is Table.CHECKLIST and value in _ITEM_STATUS_WORDS_SHORT:
        return str(_ITEM_STATUS_WORDS_SHORT[str(value)])
    if field == "priority":
        return f"P{value}"
    text = " ".join(_plain(value).split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def _said(text: object, by: object) -> str:
    """'banner by Friday — chen': what someone said, as the stand-up shows it."""
    return f"{text} — {by}" if by else str(text)


def _plain(value: object) -> str:
    """'618 (c-618)', '0.03 ×12', 'hello — chen' — a part of a document as a reader names it."""
    if isinstance(value, dict):
        name = value.get("name") or value.get("title")
        if name:
            return str(name)
        if isinstance(value.get("text"), str):  # a comment: what was said and who said it, not its time stamp
            return _said(value["text"], value.get("by"))
        if "notes" in value or "decisions" in value:  # a department's part of a stand-up record
            by = {field: list(value.get(f"{field}_by") or []) for field in ("notes", "decisions")}
            said = [
                _("Decision: {said}").format(said=_said(text, by["decisions"][n] if n < len(by["decisions"]) else ""))
                for n, text in enumerate(value.get("decisions") or [])
            ]
            said += [_said(text, by["notes"][n] if n < len(by["notes"]) else "") for n, text in enumerate(value.get("notes") or [])]
            return "; ".join(said) or "—"
        shown = [
            f"{field_word(key)}: {_plain(v)}" for key, v in value.items() if key not in _BOOKKEEPING and v not in (None, "", [], {}, 0, 0.0)
        ]
        return "; ".join(shown) or str(value.get("id", "—"))
    if isinstance(value, list):
        if len(value) > 2 and all(v == value[0] for v in value) and not isinstance(value[0], (dict, list)):
            return f"{_plain(value[0])} ×{len(value)}"
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)  # 150,000 as the views show amounts; a year stays 2026
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) >= 100 else f"{value:g}"  # 255.50; a rate as 0.028
    if isinstance(value, str) and _STAMP.fullmatch(value):  # a stored moment ('finished_at') as the views show one
        try:
            return when(datetime.fromisoformat(value))
        except ValueError:  # the shape of one, not a real moment (a hand edit): shown as stored
            pass
    return str(value)


_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?")


def _changed_parts(before: object, after: object) -> tuple[list[Any], list[Any]]:
    """Of two lists of documents with ids, the ones that differ (before's, after's)."""
    if not (isinstance(before, list) and isinstance(after, list)):
        return [], []
    if not all(isinstance(d, dict) and "id" in d for d in [*before, *after]):
        return [], []
    old = {d["id"]: d for d in before}
    new = {d["id"]: d for d in after}
    return (
        [d for key, d in old.items() if new.get(key) != d],
        [d for key, d in new.items() if old.get(key) != d],
    )


def _standup_phrase(store: BoardStore, entry: ActivityEntry) -> str | None:
    """'added a stand-up note for Design' rather than 'changed a stand-up record (departments)'."""
    after = entry.after
    if "finished_at" in after and after["finished_at"]:
        return _("finished the stand-up")
    old, new = _changed_parts((entry.before or {}).get("departments", []), after.get("departments", []))
    if not new:
        return None
    was = {d["id"]: d for d in old}
    phrases = []
    for part in new:
        name = _department_name(store, str(part["id"]))
        before = was.get(part["id"], {})
        if len(part.get("decisions") or []) > len(before.get("decisions") or []):
            phrases.append(_("added a stand-up decision for {department}").format(department=name))
        elif len(part.get("notes") or []) > len(before.get("notes") or []):
            phrases.append(_("added a stand-up note for {department}").format(department=name))
        else:
            phrases.append(_("updated the stand-up for {department}").format(department=name))
    return _("; ").join(phrases)


def _set_phrase(store: BoardStore, entry: ActivityEntry, what: str) -> str:
    fields = [f for f in entry.after if f not in _BOOKKEEPING]
    after = entry.after
    if entry.table is Table.TARGETS and entry.doc_id == "plan":
        return plan_phrase(entry, _BOOKKEEPING)
    if entry.table is Table.STANDUPS:
        phrase = _standup_phrase(store, entry)
        if phrase:
            return phrase
    if entry.table is Table.PEOPLE and "name" in fields:  # a rename (the display name with it or not)
        old = (entry.before or {}).get("name") or what
        return _("renamed {old} to {new} on the roster").format(old=old, new=after["name"])
    if entry.table is Table.CHECKLIST and "status" in after:
        template = str(_ITEM_STATUS_WORDS.get(str(after["status"]), _("changed the status of {what}")))
        return template.format(what=what)
    if entry.table is Table.TASKS:
        if "status" in after:
            return _("moved {what} to {column}").format(what=what, column=format_value("status", after["status"]))
        if fields == ["rank"]:
            return _("reordered {what}").format(what=what)
        if fields == ["comments"]:
            return _("commented on {what}").format(what=what)
        if fields == ["owner"]:
            if after["owner"]:
                return _("assigned {what} to {owner}").format(what=what, owner=after["owner"])
            return _("unassigned {what}").format(what=what)
        if fields == ["due"]:
            if after["due"]:
                return _("set {what} due {date}").format(what=what, date=after["due"])
            return _("cleared the due date of {what}").format(what=what)
        if fields == ["priority"]:
            return _("set {what} to {priority}").format(what=what, priority=format_value("priority", after["priority"]))
        if fields == ["title"]:
            old = (entry.before or {}).get("title") or what
            return _("renamed '{old}' to '{new}'").format(old=old, new=after["title"])
    if entry.table in (Table.TASKS, Table.CHECKLIST):
        if fields:
            return _("edited {what} ({fields})").format(what=what, fields=field_words(fields))
        return _("edited {what}").format(what=what)
    if fields:
        return _("changed {what} ({fields})").format(what=_table_word(entry.table), fields=field_words(fields))
    return _("changed {what}").format(what=_table_word(entry.table))


def original_change(entry: ActivityEntry, store: BoardStore) -> ActivityEntry:
    """The change an undo or redo goes back to (through undo of redo of …),
    as its author made it; the entry itself when the log no longer has it."""
    log = store.raw(ACTIVITY)
    seen = 0
    while entry.label in ("undo", "redo") and entry.undoes and seen < 100:
        doc = log.get(entry.undoes)
        if doc is None:
            break
        entry, seen = models.ActivityEntry.model_validate(doc), seen + 1
    return entry


# an import's stored summary ("imported 990 rows from sales.csv", written in
# English) is read back to be worded in the reader's language
_IMPORTED = re.compile(r"imported ([0-9][0-9,]*) (?:rows?|days of store metrics) from (.+)", re.S)


def _import_phrase(summary: str) -> str:
    found = _IMPORTED.fullmatch(summary)
    if found is None:
        return summary
    n = int(found.group(1).replace(",", ""))
    return ngettext("imported {n} row from {file}", "imported {n} rows from {file}", n).format(n=f"{n:,}", file=found.group(2))


def describe(entry: ActivityEntry, store: BoardStore) -> str:
    """One line: who did what, in the product's words."""
    return _("{who} {change}").format(who=entry.by, change=what_changed(entry, store))


def what_changed(entry: ActivityEntry, store: BoardStore) -> str:
    """The change without who made it ("moved 'X' to Blocked"): the activity
    view shows who in a column of its own, whatever the language's word order."""
    title = doc_title(store, entry.table, entry.doc_id, entry.after, entry.before)
    what = _("'{title}'").format(title=title)
    dept = _department_name(store, _department(store, entry))
    if entry.kind is OpKind.SET:
        phrase = _set_phrase(store, entry, what)
    elif entry.kind is OpKind.ADD:
        if entry.table in (Table.TASKS, Table.CHECKLIST):
            phrase = _("added {what} to {department}").format(what=what, department=dept) if dept else _("added {what}").format(what=what)
        elif entry.table is Table.TARGETS and entry.doc_id != "plan":
            phrase = _("kept the plan before the change as a version")  # saved with each plan change
        elif entry.table is Table.PEOPLE:
            phrase = _("added {name} to the roster").format(name=(entry.after or {}).get("name") or entry.doc_id)
        else:
            phrase = _("added {what}").format(what=_table_word(entry.table))
    elif entry.kind is OpKind.DELETE:
        phrase = _("deleted {what} from {department}").format(what=what, department=dept) if dept else _("deleted {what}").format(what=what)
    elif archive_direction(entry.kind, entry.table, entry.after) == MOVE:
        count = int(entry.after.get("count", 0))
        phrase = ngettext("archived {count} done task", "archived {count} done tasks", count).format(count=number(count))
    elif archive_direction(entry.kind, entry.table, entry.after) == RETURN:
        count = int(entry.after.get("count", 0))
        phrase = ngettext("brought {count} task back from the archive", "brought {count} tasks back from the archive", count).format(
            count=number(count)
        )
    elif archive_direction(entry.kind, entry.table, entry.after) == EDIT:
        count = int(entry.after.get("count", 0))
        phrase = ngettext("changed {count} archived task", "changed {count} archived tasks", count).format(count=number(count))
    else:  # REPLACE: an import, worded by whoever made it
        count = entry.after.get("count", 0)
        phrase = _import_phrase(entry.summary) or _("imported {count} {what}").format(
            count=number(int(count)), what=_table_word(entry.table)
        )
    if entry.label == "undo":
        phrase = _("{change} (undo)").format(change=phrase)
    elif entry.label == "redo":
        phrase = _("{change} (redo)").format(change=phrase)
    return phrase


def _standup_change(entry: ActivityEntry, store: BoardStore | None) -> str | None:
    """A stand-up's change as it was said, under each department and by whom
    ("Marketing: Decision: bids under the cap — lin"), not as the record's
    fields ("departments: — → …"). A finish: when, what was said in it, and
    the team's decisions."""
    after, before = entry.after, entry.before or {}
    if after.get("finished_at"):
        finished = (field_word("finished_at"), "—", format_value("finished_at", after["finished_at"]))
        parts = [_("{field}: {old} → {new}").format(field=finished[0], old=finished[1], new=finished[2])]
        parts += _said_in(store, after.get("departments") or [], {})
        if after.get("decisions") and after.get("decisions") != before.get("decisions"):
            old, new = format_value("decisions", before.get("decisions")), format_value("decisions", after["decisions"])
            parts.append(_("{field}: {old} → {new}").format(field=field_word("decisions"), old=old, new=new))
        return _("; ").join(parts)
    old_parts, new_parts = _changed_parts(before.get("departments", []), after.get("departments", []))
    return _("; ").join(_said_in(store, new_parts, {d["id"]: d for d in old_parts})) or None


def _said_in(store: BoardStore | None, parts: list[Any], earlier: dict[str, Any]) -> list[str]:
    """Each note and decision of these departments' parts not in `earlier`'s, with who said it."""
    said: list[str] = []
    for part in parts:
        name = _department_name(store, str(part["id"])) if store is not None else str(part["id"])
        was = earlier.get(part["id"], {})
        for kind in ("decisions", "notes"):
            texts, by = list(part.get(kind) or []), list(part.get(f"{kind}_by") or [])
            for n in range(len(was.get(kind) or []), len(texts)):
                words = _said(" ".join(str(texts[n]).split()), by[n] if n < len(by) else "")
                words = _("Decision: {said}").format(said=words) if kind == "decisions" else words
                said.append(_("{department}: {note}").format(department=name, note=words))
    return said


def describe_change(entry: ActivityEntry, store: BoardStore | None = None) -> str:
    """Before → after, field by field (bookkeeping fields left out)."""
    if entry.kind is OpKind.SET and entry.table is Table.STANDUPS:
        said = _standup_change(entry, store)
        if said:
            return said
    if entry.kind is OpKind.SET:
        before = entry.before or {}
        fields = sorted((f for f in entry.after if f not in _BOOKKEEPING), key=lambda f: _FIRST.index(f) if f in _FIRST else len(_FIRST))
        if fields == ["rank"]:
            return _("order in the column")

        def pair(field: str, old: object, new: object) -> tuple[str, str]:
            if field in ("department", "checklist_item", "comments") and entry.table in (Table.TASKS, Table.CHECKLIST):
                return _value_words(store, field, old), _value_words(store, field, new, old)
            changed_old, changed_new = _changed_parts(old, new)
            if changed_old or changed_new:  # of a list of parts (campaigns, departments): only those that changed
                old, new = changed_old, changed_new
            return format_value(field, old, entry.table), format_value(field, new, entry.table)

        if entry.table is Table.TARGETS and entry.doc_id == "plan":
            return _("; ").join(plan_change(entry, _BOOKKEEPING, pair, lambda dept: _department_name(store, dept) if store else dept))
        parts = []
        for field in fields:
            if field == "rank":  # where a moved card lands: noise beside its new column
                continue
            old, new = pair(field, before.get(field), entry.after[field])
            parts.append(_("{field}: {old} → {new}").format(field=field_word(field), old=old, new=new))
        return _("; ").join(parts)
    if entry.kind is OpKind.ADD:
        return pgettext("change", "new")
    if entry.kind is OpKind.DELETE:
        return pgettext("change", "deleted")
    direction = archive_direction(entry.kind, entry.table, entry.after)
    if direction == EDIT:
        return _archived_change(entry)
    if direction is not None:
        count = int(entry.after.get("count", 0))
        if direction == MOVE:
            return ngettext("{count} task to the archive", "{count} tasks to the archive", count).format(count=number(count))
        return ngettext("{count} task back from the archive", "{count} tasks back from the archive", count).format(count=number(count))
    return _("{count} documents ({replaced} replaced)").format(
        count=number(int(entry.after.get("count", 0))), replaced=number(int(entry.after.get("replaced", 0)))
    )


def _archived_change(entry: ActivityEntry) -> str:
    """'owner: mei → meilin (3 archived tasks)': the first task's fields, which
    a rename gives every task alike."""
    count = int(entry.after.get("count", 0))
    changed: dict[str, dict[str, object]] = entry.after.get("tasks") or {}
    was: dict[str, dict[str, object]] = (entry.before or {}).get("tasks") or {}
    first = next(iter(changed), "")
    old = was.get(first, {})
    parts = [
        f"{field_word(field)}: {format_value(field, old.get(field), entry.table)} → {format_value(field, new, entry.table)}"
        for field, new in changed.get(first, {}).items()
    ]
    return ngettext("{changes} ({count} archived task)", "{changes} ({count} archived tasks)", count).format(
        changes=_("; ").join(parts), count=number(count)
    )


# a document's fields in the interface language (English keeps the stored names)
_FIELD_WORDS = {
    "comments": lazy_pgettext("field", "comments"),
    "rank": lazy_pgettext("field", "rank"),
    "month": lazy_pgettext("field", "month"),
    "detail": lazy_pgettext("field", "detail"),
    "code": lazy_pgettext("field", "code"),
    "phase": lazy_pgettext("field", "phase"),
    "name": lazy_pgettext("field", "name"),
    "order": lazy_pgettext("field", "order"),
    "standup_order": lazy_pgettext("field", "standup_order"),
    "display_name": lazy_pgettext("field", "display_name"),
    "language": lazy_pgettext("field", "language"),
    "year": lazy_pgettext("field", "year"),
    "currency": lazy_pgettext("field", "currency"),
    "started_at": lazy_pgettext("field", "started_at"),
    "finished_at": lazy_pgettext("field", "finished_at"),
    "run_by": lazy_pgettext("field", "run_by"),
    "departments": lazy_pgettext("field", "departments"),
    "decisions": lazy_pgettext("field", "decisions"),
    "seconds": lazy_pgettext("field", "seconds"),
    "text": lazy_pgettext("field", "text"),
    "status": lazy_pgettext("field", "status"),
    "title": lazy_pgettext("field", "title"),
    "owner": lazy_pgettext("field", "owner"),
    "due": lazy_pgettext("field", "due"),
    "priority": lazy_pgettext("field", "priority"),
    "tags": lazy_pgettext("field", "tags"),
    "notes": lazy_pgettext("field", "notes"),
    "department": lazy_pgettext("field", "department"),
    "blocked_reason": lazy_pgettext("field", "blocked_reason"),
    "checklist_item": lazy_pgettext("field", "checklist_item"),
    # the board's settings (Z in view 2): their stored names mean nothing to a lead
    "done_fold_days": _l("days before done cards fold"),
    "archive_after_days": _l("days before done cards move to the archive"),
}


def field_word(field: str) -> str:
    """A field in the reader's words: a task's, an item's, a record's, else the plan's."""
    return str(_FIELD_WORDS.get(field) or PLAN_FIELD_WORDS.get(field, field))


def field_words(fields: Iterable[str]) -> str:
    """'owner, due' / '负责人、截止'."""
    return _(", ").join(field_word(field) for field in fields)


# -- the activity view ---------------------------------------------------------------


def readable_entry(doc: object) -> ActivityEntry | None:
    """An entry of the log as a model; None when this opsboard cannot read it
    (hand-edited, or written by a newer one)."""
    try:
        return models.ActivityEntry.model_validate(doc)
    except ValueError:  # pydantic's ValidationError
        return None


def activity_rows(
    store: BoardStore,
    *,
    person: str | None = None,
    department: str | None = None,
    limit: int = 500,
    unreadable: list[str] | None = None,
) -> list[ActivityRow]:
    """Newest first, filtered by who made the change and by department id.
    An entry that cannot be read or worded is left out; its id goes to
    `unreadable`, for the view to say so."""
    rows = iter_activity_rows(store, person=person, department=department, unreadable=unreadable)
    return [row for row, _n in zip(rows, range(limit), strict=False)]


def iter_activity_rows(
    store: BoardStore,
    *,
    person: str | None = None,
    department: str | None = None,
    unreadable: list[str] | None = None,
) -> Iterator[ActivityRow]:
    """As `activity_rows`, one row at a time: each entry is read and worded
    only when asked for (the activity view shows the newest screenful first,
    out of a log of 5,000)."""
    for doc in reversed(list(store.raw(ACTIVITY).values())):
        if not isinstance(doc, dict) or (person and doc.get("by") != person):
            continue
        entry = readable_entry(doc)
        if entry is not None and entry.table is Table.TARGETS and entry.doc_id != "plan" and entry.kind is not OpKind.SET:
            continue  # an earlier plan kept as a version: part of the plan change listed beside it
        try:
            if entry is None:
                raise ValueError(doc.get("id"))
            dept = _department(store, entry)
            if department and dept != department:
                continue  # not worded: the view of one department passes over thousands
            what = what_changed(entry, store)
            row = ActivityRow(entry, _("{who} {change}").format(who=entry.by, change=what), what, describe_change(entry, store), dept)
        except (ValueError, TypeError, KeyError, AttributeError):  # values of a shape the wording does not expect
            if unreadable is not None:
                unreadable.append(str(doc.get("id", "?")))
            continue
        yield row


def people(store: BoardStore) -> list[str]:
    """Everyone who has changed the board (as far as the log in the file goes)."""
    return sorted({str(doc.get("by", "")) for doc in store.raw(ACTIVITY).values()} - {""})


def when(at: datetime, *, year: bool = True) -> str:
    """In the reader's local time."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M" if year else "%m-%d %H:%M")


def last_blocked_reason(store: BoardStore, task_id: str) -> str:
    """The reason a task was last blocked for ('' if never, or if the log no
    longer reaches back that far): offered again when it goes back to Blocked."""
    for doc in reversed(list(store.raw(ACTIVITY).values())):
        if doc.get("doc_id") != task_id or doc.get("table") != Table.TASKS.value:
            continue
        for side in ("after", "before"):
            reason = (doc.get(side) or {}).get("blocked_reason")
            if reason:
                return str(reason)
    return ""
