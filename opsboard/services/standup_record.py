"""The record of a stand-up: started, notes and decisions saved as they are
said (so a teammate on the same board sees them appear), finished with the
time spent per department, kept in the board and exported to Markdown.

Notes are appended, never overwritten: when someone else saved the same
record first, the note is re-applied on their version (see `_change`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from opsboard.export.standup import record_markdown
from opsboard.i18n import _
from opsboard.model import DepartmentNotes, Operation, OpKind, StandupRecord, Table
from opsboard.model.cleaning import clean_text
from opsboard.model.clock import now as clock_now
from opsboard.store import BoardError, BoardStore, ConflictError

from .departments import department_names
from .errors import FieldErrors, InputError
from .export import export_path, write_markdown
from .standup import department_agendas, standup_since, target_lever_status

RETRIES = 5  # re-applies of a note when others keep saving the same record


def find_standup(store: BoardStore, record_id: str) -> StandupRecord:
    for record in store.standups():
        if record.id == record_id:
            return record
    raise InputError(_("no stand-up '{record_id}' on this board").format(record_id=record_id))


def standup_history(store: BoardStore) -> list[StandupRecord]:
    """Every stand-up recorded on the board, newest first."""
    return sorted(store.standups(), key=lambda r: r.started_at, reverse=True)


def _local_day(moment: datetime) -> date:
    """The day `moment` falls on where the user is (the clock's time zone)."""
    return moment.astimezone(clock_now().tzinfo).date()


def current_standup(store: BoardStore, *, now: datetime | None = None) -> StandupRecord | None:
    """Today's stand-up still running (not finished), if anyone started one."""
    day = _local_day(now or clock_now())
    running = [r for r in store.standups() if r.finished_at is None and _local_day(r.started_at) == day]
    return running[-1] if running else None


def start_standup(store: BoardStore, *, started_at: datetime | None = None) -> StandupRecord:
    """Today's running stand-up, or a new one run by this user. Ids are per
    day (`su-2026-06-15`), so two people starting at once share one record."""
    existing = current_standup(store)
    if existing is not None:
        return existing
    started = started_at or clock_now()
    base = f"su-{_local_day(started).isoformat()}"
    taken = set(store.raw(Table.STANDUPS))
    record_id, n = base, 1
    while record_id in taken:  # a second stand-up the same day
        n += 1
        record_id = f"{base}-{n}"
    record = StandupRecord(id=record_id, started_at=started, run_by=store.user)
    try:
        store.apply(Operation(kind=OpKind.ADD, table=Table.STANDUPS, doc_id=record.id, after=record.to_doc(), label="stand-up"))
    except BoardError:
        store.refresh()
        existing = current_standup(store)
        if existing is None:  # not the race we allow for: say what went wrong
            raise
        return existing
    return find_standup(store, record.id)


def _change(
    store: BoardStore,
    record_id: str,
    change: Callable[[StandupRecord], dict[str, Any]],
    label: str,
    seen: Mapping[str, Any] | None = None,
) -> StandupRecord:
    """Apply `change(latest record) -> new field values`, re-reading and
    re-applying when someone else saved the record in between (notes are
    merged). `seen`: fields saved with the value the user saw instead: a
    teammate's save of one of them since is a ConflictError, asked about."""
    for _attempt in range(RETRIES):
        store.refresh()
        record = find_standup(store, record_id)
        after = change(record)
        latest = record.to_doc()
        before = {k: latest.get(k) for k in after} | {k: v for k, v in (seen or {}).items() if k in after}
        try:
            store.apply(Operation(kind=OpKind.SET, table=Table.STANDUPS, doc_id=record_id, after=after, before=before, label=label))
        except ConflictError as conflict:
            if conflict.field in (seen or {}):
                raise
            continue
        return find_standup(store, record_id)
    raise InputError(_("others kept saving this stand-up at the same moment; try again"))


def _with_department(
    record: StandupRecord, department_id: str, update: Callable[[DepartmentNotes], DepartmentNotes]
) -> list[dict[str, Any]]:
    departments = list(record.departments)
    for index, entry in enumerate(departments):
        if entry.id == department_id:
            departments[index] = update(entry)
            break
    else:
        departments.append(update(DepartmentNotes(id=department_id)))
    return [d.to_doc() for d in departments]


def add_note(store: BoardStore, record_id: str, department_id: str, text: str, *, decision: bool = False) -> StandupRecord:
    """A note (or a decision) for a department, saved at once."""
    note = clean_text(text).strip()
    if not note:
        raise FieldErrors({"note": _("write the note first")})
    if department_id not in department_names(store):
        raise InputError(_("unknown department '{department_id}'").format(department_id=department_id))
    field = "decisions" if decision else "notes"

    def change(record: StandupRecord) -> dict[str, Any]:
        def append(entry: DepartmentNotes) -> DepartmentNotes:
            said = getattr(entry, field)
            by = [*getattr(entry, f"{field}_by"), *[""] * len(said)][: len(said)]  # older notes: author unknown
            return entry.model_copy(update={field: [*said, note], f"{field}_by": [*by, store.user]})

        return {"departments": _with_department(record, department_id, append)}

    return _change(store, record_id, change, "decision" if decision else "note")


def finish_standup(
    store: BoardStore,
    record_id: str,
    *,
    seconds: Mapping[str, float] | None = None,
    decisions: Iterable[str] = (),
    seen: StandupRecord | None = None,
) -> StandupRecord:
    """Finished now: the time spent per department added, the team's
    decisions (one per entry, blank ones dropped) appended. Finished by a
    teammate meanwhile: a ConflictError on `finished_at` (the app asks whether
    to keep their finish, with these decisions added, or to finish it again).
    `seen`: the record as the user saw it (default: as it is now)."""
    shown = seen or find_standup(store, record_id)
    if shown.finished_at is not None:
        raise InputError(_("this stand-up is already finished"))
    new_decisions = [d for d in (clean_text(text).strip() for text in decisions) if d]

    def change(record: StandupRecord) -> dict[str, Any]:
        departments = {d.id: d for d in record.departments}
        for dept_id, spent in (seconds or {}).items():
            if spent > 0:
                entry = departments.get(dept_id) or DepartmentNotes(id=dept_id)
                departments[dept_id] = entry.model_copy(update={"seconds": round(entry.seconds + float(spent), 1)})
        return {
            "finished_at": clock_now().isoformat(),
            "departments": [d.to_doc() for d in departments.values()],
            "decisions": [*record.decisions, *new_decisions],
        }

    return _change(store, record_id, change, "finish", seen={"finished_at": None})  # what it was shown as


# -- Markdown -------------------------------------------------------------------------


def standup_record_export(store: BoardStore, record_id: str) -> str:
    """A stand-up as Markdown. Today's also shows what each board held (done
    since the stand-up before it, blocked, overdue, doing)."""
    record = find_standup(store, record_id)
    moment = clock_now()
    names = department_names(store)
    agendas = []
    since = ""
    if _local_day(record.started_at) == _local_day(moment):
        counted = standup_since(store, record)
        since = counted.words
        agendas = department_agendas(store, counted.at, now=moment, levers=target_lever_status(store, moment.date()))
    return record_markdown(store.meta().name, record, names, now=moment, since=since, agendas=agendas)


def default_record_path(store: BoardStore, record: StandupRecord) -> Path:
    """`<board folder>/<board>-standup-<date>.md`"""
    return store.path.with_name(f"{store.path.stem}-standup-{_local_day(record.started_at).isoformat()}.md")


def write_standup_record(store: BoardStore, record_id: str, path: str | Path | None = None, *, force: bool = False) -> Path:
    record = find_standup(store, record_id)
    target = export_path(path, default_record_path(store, record))
    return write_markdown(target, standup_record_export(store, record_id), board=store.path, force=force)
