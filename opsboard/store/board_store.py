"""BoardStore: a board file as documents, changed only through operations.

Every change runs under the board's lock on the latest file: reload if someone
else saved, check that the fields we change still hold what the user saw,
apply, log the activity, write once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tinydb import TinyDB
from tinydb.table import Table as TinyTable

from opsboard import model as models  # the pydantic models load on first use
from opsboard.i18n import _
from opsboard.i18n.formats import os_reason
from opsboard.model import SCHEMA_VERSION, OpKind, Table, TaskStatus
from opsboard.model.clock import now
from opsboard.model.ids import new_id

from . import archive, archiving, migrations, task_archive
from .archive import activity_archive_path as activity_archive_path
from .archiving import ARCHIVE_KEY, EDIT, ITEM_COUNTS, MOVE, RETURN, archive_direction
from .atomic import keep_copy
from .doc_table import Docs, DocTable, Tables, keyed
from .documents import (
    ACTIVITY,
    MODEL_NAMES,
    InvalidDocument,
    board_problems,
    checked_doc,
    document_problem,
    revision_problem,
    table_model,
    validate,
)
from .errors import (
    BoardChangedError,
    BoardDamagedError,
    BoardError,
    BoardInvalidError,
    BoardReadOnlyError,
    BoardWriteError,
    ConflictError,
    NotFoundError,
)
from .lock import DEFAULT_TIMEOUT, BoardLock, load_for_saving
from .operations import apply_operation
from .paths import owning_board, real_board_path
from .storage import BoardStorage, newest_good_backup

ACTIVITY_CAP = 5000  # entries kept in the board; older ones go to the archive
_SAVE_ATTEMPTS = 3  # a save the board changed under is tried again on the new board
ACTIVITY_TRIM = 500  # moved at a time, so the archive is not touched every save

if TYPE_CHECKING:
    from pydantic import BaseModel

    from opsboard.model import (
        ActivityEntry,
        BoardMeta,
        ChecklistItem,
        DailyMetric,
        Department,
        Operation,
        Person,
        StandupRecord,
        TargetPlan,
        Task,
    )

M = TypeVar("M", bound="BaseModel")


class _Table(TinyTable):
    """TinyDB table keyed by our stable string ids instead of integers (which
    collide when two processes add at once)."""

    document_id_class = str  # type: ignore[assignment]  # TinyDB types it int

    def _update_table(self, updater: Callable[[Docs], None]) -> None:  # type: ignore[override]  # str ids
        """As TinyDB's, without copying the whole table twice to convert ids
        to and from strings (ours are strings already): on a 10,000-task
        board those copies were a third of the cost of saving one change."""
        tables = cast("BoardStorage", self._storage).read()
        updater(tables.setdefault(self.name, {}))
        self._storage.write(tables)
        self.clear_cache()


class _TinyDB(TinyDB):
    table_class = _Table


class BoardStore:
    def __init__(self, path: str | Path, *, user: str, lock_timeout: float = DEFAULT_TIMEOUT):
        self.path = real_board_path(path)
        self.user = user
        self.read_only_reason: str | None = None
        owner = owning_board(self.path)
        if owner is not None:  # e.g. b.json.backups/1.json: saving there would fork the board
            self.read_only_reason = _("it is a file {owner} keeps beside it, not a board to edit; see `opsboard restore {owner}`").format(
                owner=owner
            )
        self._lock = BoardLock(self.path, lock_timeout)
        self._db = _TinyDB(self.path, storage=BoardStorage)
        self._storage: BoardStorage = self._db.storage  # type: ignore[assignment]
        # table → (storage generation, validated models, the documents they came from)
        self._models: dict[Table | str, tuple[int, dict[str, Any], Docs]] = {}
        # table → (storage generation, models validated ahead so far, their documents): see validate_ahead
        self._ahead: dict[Table | str, tuple[int, dict[str, Any], Docs]] = {}
        self.last_archived = 0  # done tasks the last save moved to the archive
        self.archived_in_all = 0  # … and every save of this store (a command's notice)
        self.archive_problem: str | None = None  # why the last save could not write the archive
        self.archive_elsewhere = False  # another process is moving the done tasks (the app's first save of a big board)
        self._storage.load()
        self._check_schema()

    # -- opening -------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: str | Path,
        *,
        user: str,
        meta: BoardMeta,
        departments: Sequence[Department],
        checklist: Sequence[ChecklistItem] = (),
        tasks: Sequence[Task] = (),
    ) -> BoardStore:
        """Write a new board file (refuses to overwrite one)."""
        path = real_board_path(path)
        if path.exists():
            raise BoardError(_("{path}: a file is already there; choose another name").format(path=path))
        owner = owning_board(path)
        if owner is not None:
            raise BoardError(
                _("{path}: that name is kept for a file of the board {owner}; choose another name").format(path=path, owner=owner)
            )
        stamp = {"updated_at": now().isoformat(), "updated_by": user}
        meta = meta.model_copy(update={"schema_version": SCHEMA_VERSION})
        data: Tables = {
            Table.META.value: {"meta": {**meta.to_doc(), **stamp, "revision": 0}},
            Table.DEPARTMENTS.value: {d.id: {**d.to_doc(), **stamp} for d in departments},
            Table.CHECKLIST.value: {i.id: {**i.to_doc(), **stamp} for i in checklist},
            Table.TASKS.value: {t.id: t.to_doc() for t in tasks},
            ACTIVITY: {},
        }
        BoardStorage(path).create(data)
        return cls(path, user=user)

    def _check_schema(self) -> None:
        version = migrations.schema_version(self._storage.read())
        if self.read_only_reason:
            return
        if version > SCHEMA_VERSION:
            self.read_only_reason = _(
                "it was written by a newer opsboard (schema {version}, this one knows {known}); upgrade opsboard to edit it"
            ).format(version=version, known=SCHEMA_VERSION)
        elif version < SCHEMA_VERSION:
            self._migrate()

    def _migrate(self) -> None:
        # Under the lock and on the file as it is now: someone opening the same
        # old board a moment earlier may have migrated it already, and its
        # `.v<N>.bak` must stay the old file, not be copied over by the new one.
        with self._lock:
            self._storage.load()
            version = migrations.schema_version(self._storage.read())
            if version >= SCHEMA_VERSION:
                return
            keep = self.path.with_name(f"{self.path.name}.v{version}.bak")
            try:
                if not keep.exists():
                    keep_copy(self.path, keep)
                migrated = migrations.migrate(self._storage.read())
            except OSError as error:
                raise BoardWriteError(keep, error) from None
            except (ValueError, KeyError, TypeError) as error:
                self._storage.rollback()
                raise BoardError(
                    _("{path}: cannot upgrade this board from schema version {version} ({error})").format(
                        path=self.path, version=version, error=error
                    )
                ) from None
            problems = board_problems(migrated, first_only=True)
            if problems:  # not saved over, and so not rotated into the backups
                self._storage.rollback()
                raise BoardInvalidError(self.path, problems[0], newest_good_backup(self.path))
            self._storage.write(migrated)
            self._storage.generation += 1

    # -- reading -------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def revision(self) -> int:
        meta = self._storage.read()[Table.META]["meta"]
        problem = revision_problem(meta)
        if problem:
            raise self._damaged(problem)
        return int(meta.get("revision", 0))

    @property
    def generation(self) -> int:
        """Changes whenever the board in memory does: a save, or another
        process's save read from the file (a view drawn at one generation
        need not redraw while it stays the same)."""
        return self._storage.generation

    @property
    def lock_timeout(self) -> float:
        """Seconds a save waits for someone else's lock before BoardLockedError
        (the app waits briefly and queues the save instead of freezing)."""
        return self._lock.timeout

    @lock_timeout.setter
    def lock_timeout(self, seconds: float) -> None:
        self._lock.timeout = seconds

    def changed_on_disk(self) -> bool:
        """Cheap (one stat): has another process saved since we last read?"""
        return self._storage.changed_on_disk()

    def refresh(self) -> bool:
        """Reload if another process saved; True when something changed."""
        return self._storage.refresh()

    def raw(self, table: Table | str) -> Docs:
        """The documents of a table as stored (read-only use)."""
        return self._storage.read().get(str(table), {})

    def _all(self, table: Table | str, model: type[M]) -> dict[str, M]:
        """Validated models of a table, cached until the file or the table
        changes. Then only documents that differ from the ones last validated
        are validated again: one change (ours, or another process's) on a
        10,000-task board costs one validation, not 10,000."""
        docs = self.raw(table)
        cached = self._models.get(table)
        if cached is not None and cached[0] == self._storage.generation:
            return cached[1]
        old_models, old_docs = (cached[1], cached[2]) if cached is not None else ({}, {})
        valid: dict[str, M] = {}
        for doc_id, doc in docs.items():
            seen = old_docs.get(doc_id)
            if seen is not None and (seen is doc or seen == doc):
                valid[doc_id] = old_models[doc_id]
                continue
            try:
                valid[doc_id] = validate(model, doc)
            except InvalidDocument as error:
                raise self._damaged(document_problem(table, doc_id, error)) from None
        self._models[table] = (self._storage.generation, valid, dict(docs))
        return valid

    def validate_ahead(self, table: Table | str, seconds: float) -> bool:
        """Validate a table's documents ahead of their first use, for about
        `seconds` at a time (the app does it in slices while the user reads
        the first view, so that view 2 opens without validating 10,000 tasks
        at once); True when all are. Work done in earlier slices counts only
        while the board in memory is the same (same generation: a save or a
        reload starts it again). A document the model refuses is left to
        `_all`, which says where, when the table is used. The activity log
        too (`ACTIVITY`): the first undo read all 5,000 entries of a full log."""
        model = models.ActivityEntry if table == ACTIVITY else table_model(table)
        generation = self._storage.generation
        cached = self._models.get(table)
        if model is None or (cached is not None and cached[0] == generation):
            return True
        started = time.perf_counter()
        ahead = self._ahead.get(table)
        if ahead is None or ahead[0] != generation:
            ahead = self._ahead[table] = (generation, {}, {})
        _, valid, seen = ahead
        docs = self.raw(table)
        left = [doc_id for doc_id in docs if doc_id not in valid]
        for doc_id in left:
            try:
                valid[doc_id] = validate(model, docs[doc_id])
            except InvalidDocument:
                del self._ahead[table]
                return True
            seen[doc_id] = docs[doc_id]
            if time.perf_counter() - started > seconds and doc_id != left[-1]:
                return False  # at least one a slice, so it always gets there
        del self._ahead[table]
        self._models[table] = (generation, valid, seen)
        return True

    def _revalidate(self, ops: Sequence[Operation], generation: int, tasks: set[str] | None = None) -> None:
        """After our own save: validate again just the documents it changed
        (TinyDB changes them in place, so comparing cannot tell) and keep
        every other cached model. When the save first reloaded another
        process's changes, the comparison in `_all` sorts that out instead."""
        if self._storage.generation != generation + 1:
            return  # the save reloaded the file first: every document may differ
        touched: dict[Table | str, set[str]] = {Table.TASKS: set(tasks or ())}  # moved to or from the archive
        for op in ops:
            ids = touched.setdefault(op.table, set())
            if op.kind is OpKind.REPLACE:
                ids.update(str(doc.get("id", "")) for doc in op.docs)
                ids.update(str(task_id) for task_id in op.after.get("ids") or [])
            else:
                ids.add(op.doc_id)
        for table, (seen_generation, valid, seen) in list(self._models.items()):
            if table == ACTIVITY:  # entries are only added or removed: `_all` compares them
                self._models[table] = (-1, valid, seen)
                continue
            changed = touched.get(table)
            if seen_generation != generation:
                continue
            model = table_model(table)
            if changed and model is not None:
                docs = self.raw(table)
                try:
                    for doc_id in changed:
                        doc = docs.get(doc_id)
                        if doc is None:
                            valid.pop(doc_id, None)
                            seen.pop(doc_id, None)
                        else:
                            valid[doc_id] = validate(model, doc)
                            seen[doc_id] = doc
                except InvalidDocument:
                    del self._models[table]  # `_all` will say what is wrong
                    continue
            self._models[table] = (self._storage.generation, valid, seen)

    def _damaged(self, where: str) -> BoardDamagedError:
        return BoardDamagedError(self.path, where, newest_good_backup(self.path))

    def meta(self) -> BoardMeta:
        try:
            return validate(models.BoardMeta, self.raw(Table.META)["meta"])
        except InvalidDocument as error:
            raise self._damaged(f"board settings: {error}") from None

    def departments(self) -> list[Department]:
        return sorted(self._all(Table.DEPARTMENTS, models.Department).values(), key=lambda d: d.order)

    def checklist(self) -> list[ChecklistItem]:
        return list(self._all(Table.CHECKLIST, models.ChecklistItem).values())

    def tasks(self) -> list[Task]:
        return list(self._all(Table.TASKS, models.Task).values())

    def task(self, task_id: str) -> Task:
        found = self._all(Table.TASKS, models.Task).get(task_id)
        if found is None:
            raise NotFoundError(_("no task with id '{task_id}' on this board").format(task_id=task_id))
        return found

    def item(self, item_id: str) -> ChecklistItem:
        found = self._all(Table.CHECKLIST, models.ChecklistItem).get(item_id)
        if found is None:
            raise NotFoundError(_("no checklist item with id '{item_id}' on this board").format(item_id=item_id))
        return found

    def plan(self) -> TargetPlan | None:
        return self._all(Table.TARGETS, models.TargetPlan).get("plan")

    def actuals(self) -> list[DailyMetric]:
        return list(self._all(Table.ACTUALS, models.DailyMetric).values())

    def standups(self) -> list[StandupRecord]:
        return sorted(self._all(Table.STANDUPS, models.StandupRecord).values(), key=lambda s: s.started_at)

    def people(self) -> list[Person]:
        """The roster (empty on a board that never had one)."""
        return sorted(self._all(Table.PEOPLE, models.Person).values(), key=lambda p: p.name.casefold())

    def activity(self) -> list[ActivityEntry]:
        """The activity kept in the board, oldest first."""
        return list(self._all(ACTIVITY, models.ActivityEntry).values())

    def _refuse_invalid(self) -> None:
        """BoardInvalidError naming the document when one does not validate:
        saving over such a board would rotate it into the backups until none
        is good. Cheap: a process that checked the board before validates
        again only the documents that changed since; a new one trusts a board
        whose bytes are exactly those the last checked save wrote (their
        digest is in the lock file) — checking all 10,000 tasks of a big
        board would add half a second to every `opsboard task add`. A hand
        edit, or a save by an older or newer tool, changes the bytes: then
        every document is checked."""
        try:
            self.meta()
            self.revision  # noqa: B018 (raises when it is not a whole number)
            tables = (*MODEL_NAMES, ACTIVITY)
            if any(table not in self._models for table in tables) and self._lock.checked_digest() == self._storage.digest():
                return
            for table in MODEL_NAMES:
                self._all(table, table_model(table))  # type: ignore[arg-type]
            self.activity()
        except BoardDamagedError as error:
            raise BoardInvalidError(self.path, error.where, error.backup) from None

    def validate_all(self) -> list[str]:
        """Every document checked against its model: the problems found."""
        return board_problems(self._storage.read())

    # -- changing ------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.read_only_reason:
            raise BoardReadOnlyError(self.path, self.read_only_reason)
        with self._lock:
            self._storage.refresh()
            version = migrations.schema_version(self._storage.read())
            if version > SCHEMA_VERSION:  # a newer opsboard upgraded it since we opened it
                self.read_only_reason = _(
                    "it was upgraded by a newer opsboard (schema {version}) while open; upgrade opsboard to edit it"
                ).format(version=version)
                raise BoardReadOnlyError(self.path, self.read_only_reason)
            self._refuse_invalid()
            self._storage.begin()
            try:
                yield
                if self._storage.commit():  # a checked board with checked changes: checked
                    self._lock.record_checked(self._storage.digest())
            except BaseException:  # TinyDB changed the cached documents in place: forget them
                self._storage.rollback()
                self._models.clear()
                raise

    def get_ready_to_save(self) -> None:
        """What the first save works out before it writes, done ahead: the
        lock's and the digest's imports and the digest of the board as read
        (a 6 MB board: 10 ms; hashlib lets other threads run meanwhile). The
        app calls it in a background thread after its first frame."""
        load_for_saving()
        self._storage.digest()

    def apply(self, *ops: Operation) -> list[ActivityEntry]:
        """Apply operations as one save; returns what was logged. When the
        board changed under a save that held the lock (see BoardChangedError),
        the operations are applied again on the board as it now is: a change
        someone made meanwhile is kept, or is a ConflictError."""
        if not ops:
            return []
        for attempt in range(_SAVE_ATTEMPTS):
            try:
                return self._apply_once(ops)
            except BoardChangedError:
                if attempt == _SAVE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def _apply_once(self, ops: Sequence[Operation]) -> list[ActivityEntry]:
        self.last_archived, self.archive_problem = 0, None
        with self._transaction():
            generation = self._storage.generation  # the file as read under the lock, every document checked
            stamp = now()
            meta = self._table(Table.META.value)
            meta_doc = dict(meta.get(doc_id="meta") or {})
            revision = int(meta_doc.get("revision", 0)) + 1
            returned = self._bring_back(ops)  # tasks archived since the user saw them
            changed = {op.doc_id for op in ops if op.table is Table.TASKS} | set(returned)
            changed |= {str(doc.get("id", "")) for op in ops if op.table is Table.TASKS for doc in op.docs}
            settings = meta_doc | {k: v for op in ops if op.table is Table.META and op.kind is OpKind.SET for k, v in op.after.items()}
            days = 0 if self.archive_elsewhere else archiving.archive_days(settings)
            due = archiving.due_for_archive(self.raw(Table.TASKS), stamp, days, changed)
            archive_revision = revision
            if due:  # the move is a save of its own, just before the user's: undo takes it back second
                revision += 1
            try:
                entries = [self._apply_op(op, stamp=stamp, revision=revision, returned=returned) for op in ops]
            except ConflictError as error:
                error.operations = list(ops)
                raise
            logged = list(entries)
            if due:
                moved = self._move_out(due, stamp=stamp, revision=archive_revision, label=archiving.ARCHIVE_LABEL, automatic=True)
                if moved is not None:
                    logged.insert(0, moved)
                    self.last_archived = int(moved.after.get("count", 0))
                    self.archived_in_all += self.last_archived
            meta.update({"revision": revision}, doc_ids=["meta"])
            log = self._table(ACTIVITY)
            log.insert_multiple(keyed(e.model_dump(mode="json"), e.id) for e in logged)
            if len(log) > ACTIVITY_CAP + ACTIVITY_TRIM:
                self._archive_activity(log)
        if returned:  # after the board that has them again: killed in between, the board's copy wins
            try:
                task_archive.append_returned(self.path, returned, at=stamp.isoformat())
            except OSError as error:
                self.archive_problem = self._archive_write_problem(error)
        self._storage.generation += 1  # our own save: cached models are stale…
        self._revalidate(ops, generation, set(returned) | set(due))  # …except those it did not touch
        return entries

    def archive_due(self) -> int:
        """A save of its own that only moves the done tasks past the archive
        age (`opsboard archive BOARD --now`; the app runs it in another
        process for a board that never archived: 95,000 tasks take seconds).
        The same order as any save's move: the archive appended and fsynced,
        then the board without them. How many moved."""
        self.last_archived, self.archive_problem = 0, None
        with self._transaction():
            stamp = now()
            meta = self._table(Table.META.value)
            meta_doc = dict(meta.get(doc_id="meta") or {})
            due = archiving.due_for_archive(self.raw(Table.TASKS), stamp, archiving.archive_days(meta_doc))
            if not due:
                return 0  # nothing changed: nothing written
            revision = int(meta_doc.get("revision", 0)) + 1
            moved = self._move_out(due, stamp=stamp, revision=revision, label=archiving.ARCHIVE_LABEL, automatic=True)
            if moved is None:
                return 0  # the archive could not be written (archive_problem): the board stays as it was
            meta.update({"revision": revision}, doc_ids=["meta"])
            log = self._table(ACTIVITY)
            log.insert_multiple([keyed(moved.model_dump(mode="json"), moved.id)])
            if len(log) > ACTIVITY_CAP + ACTIVITY_TRIM:
                self._archive_activity(log)
        self._storage.generation += 1
        self._models.clear()
        self.last_archived = int(moved.after.get("count", 0))
        self.archived_in_all += self.last_archived
        return self.last_archived

    def _apply_op(self, op: Operation, *, stamp: datetime, revision: int, returned: list[str]) -> ActivityEntry:
        direction = archive_direction(op.kind, op.table, op.after)
        if direction == RETURN:
            return self._return_moved_by(op, stamp=stamp, revision=revision, returned=returned)
        if direction == EDIT:
            return self._edit_archived(op, stamp=stamp, revision=revision)
        if direction == MOVE:
            wanted = [str(task_id) for task_id in op.after.get("ids") or []]
            moved = self._move_out(wanted, stamp=stamp, revision=revision, label=op.label, undoes=op.undoes)
            assert moved is not None  # asked for by the user: a failed write raised
            return moved
        return apply_operation(self._table(op.table.value), op, path=self.path, user=self.user, stamp=stamp, revision=revision)

    # -- the archive of done tasks (task_archive.py, archiving.py) -------------
    @property
    def archive_path(self) -> Path:
        return task_archive.task_archive_path(self.path)

    def archived(self) -> task_archive.ArchiveContents:
        """The archive's tasks (raw lines, parsed when asked for), without
        those also on the board: a task in both files is the board's."""
        contents = task_archive.read_archive(self.path)
        on_board = self.raw(Table.TASKS)
        if not any(task_id in on_board for task_id in contents.lines):
            return contents
        kept = {k: v for k, v in contents.lines.items() if k not in on_board}
        return task_archive.ArchiveContents(kept, contents.problems)

    def archived_item_counts(self, counted: str = ITEM_COUNTS) -> dict[str, int]:
        """Checklist item id → its done tasks in the archive, as the board
        keeps count (view 1's "tasks 2/3" without reading the archive);
        `counted`: archiving.DEPARTMENT_COUNTS or OWNER_COUNTS for those."""
        counts = self.raw(Table.META).get("meta", {}).get(counted)
        if not isinstance(counts, dict):
            return {}
        return {str(k): v for k, v in counts.items() if isinstance(v, int) and not isinstance(v, bool) and v > 0}

    def archive_days(self) -> int:
        return archiving.archive_days(self.raw(Table.META).get("meta", {}))

    def _archive_write_problem(self, error: OSError) -> str:
        return _("{path}: the archive of done tasks could not be written ({error}); done tasks stay on the board").format(
            path=self.archive_path, error=os_reason(error)
        )

    def _bring_back(self, ops: Sequence[Operation]) -> list[str]:
        """A change or delete of a task that a save archived since the user
        saw it: the task comes back to the board first (as archived), so the
        change applies as to any task, conflicts included."""
        tasks = self.raw(Table.TASKS)
        wanted = [op.doc_id for op in ops if op.table is Table.TASKS and op.kind in (OpKind.SET, OpKind.DELETE) and op.doc_id not in tasks]
        if not wanted or not self.archive_path.exists():
            return []
        contents = task_archive.read_archive(self.path)
        docs = [doc for doc in (contents.doc(task_id) for task_id in dict.fromkeys(wanted)) if doc is not None]
        if docs:
            self._table(Table.TASKS.value).insert_multiple(keyed(doc, str(doc["id"])) for doc in docs)
            self._count_items(docs, -1)
        return [str(doc["id"]) for doc in docs]

    def _count_items(self, docs: Sequence[dict[str, Any]], sign: int) -> None:
        meta = self._table(Table.META.value)
        meta.update(archiving.count_archived(dict(meta.get(doc_id="meta") or {}), docs, sign), doc_ids=["meta"])

    def _move_out(
        self, ids: Sequence[str], *, stamp: datetime, revision: int, label: str, undoes: str | None = None, automatic: bool = False
    ) -> ActivityEntry | None:
        """Move done tasks to the archive: appended (fsynced) before the board
        without them is saved. An automatic move that cannot write the archive
        leaves them on the board (None, and `archive_problem` says why)."""
        tasks = self.raw(Table.TASKS)
        docs = [dict(tasks[task_id]) for task_id in ids if task_id in tasks and tasks[task_id].get("status") == TaskStatus.DONE.value]
        entry_id = new_id("a")
        try:
            task_archive.append_moved(self.path, docs, entry=entry_id, at=stamp.isoformat(), by=self.user)
        except OSError as error:
            if automatic:
                self.archive_problem = self._archive_write_problem(error)
                return None
            raise BoardWriteError(self.archive_path, error) from None
        self._table(Table.TASKS.value).remove(doc_ids=[str(doc["id"]) for doc in docs])
        self._count_items(docs, 1)
        return models.ActivityEntry(
            id=entry_id,
            at=stamp,
            by=self.user,
            kind=OpKind.REPLACE,
            table=Table.TASKS,
            label=label,
            after={ARCHIVE_KEY: MOVE, "count": len(docs)},
            revision=revision,
            undoes=undoes,
        )

    def _return_moved_by(self, op: Operation, *, stamp: datetime, revision: int, returned: list[str]) -> ActivityEntry:
        """Undo of a move: the tasks it moved that are still archived come
        back, stamped now (so they stay the archive age before moving again)."""
        contents = self.archived()
        ids = contents.moved_by(op.undoes or "")
        docs = [doc for doc in (contents.doc(task_id) for task_id in ids) if doc is not None]
        fresh = [{**doc, "updated_at": stamp.isoformat(), "updated_by": self.user} for doc in docs]
        self._table(Table.TASKS.value).insert_multiple(keyed(doc, str(doc["id"])) for doc in fresh)
        self._count_items(docs, -1)
        returned.extend(str(doc["id"]) for doc in docs)
        return models.ActivityEntry(
            id=new_id("a"),
            at=stamp,
            by=self.user,
            kind=OpKind.REPLACE,
            table=Table.TASKS,
            label=op.label,
            after={ARCHIVE_KEY: RETURN, "count": len(docs), "ids": [str(doc["id"]) for doc in docs]},
            revision=revision,
            undoes=op.undoes,
        )

    def _edit_archived(self, op: Operation, *, stamp: datetime, revision: int) -> ActivityEntry:
        """Fields of archived tasks changed where they lie (`after["tasks"]`:
        id → new values), their lines appended before the board is saved;
        tasks back on the board meanwhile are left to the board's own ops."""
        contents = self.archived()
        wanted: dict[str, Any] = op.after.get("tasks") or {}
        records, before, after = [], {}, {}
        for task_id, fields in wanted.items():
            record = contents.record(str(task_id))
            if record is None or not isinstance(fields, dict):
                continue
            old = record["task"]
            try:  # as the board would hold it (control characters replaced)
                new = checked_doc(self.path, Table.TASKS, str(task_id), {**old, **fields})
            except BoardError:
                continue  # a hand-broken archived task is left as it is
            before[task_id] = {k: old.get(k) for k in fields}
            after[task_id] = {k: new.get(k) for k in fields}
            records.append({**record, "task": new})
        try:
            task_archive.append_changed(self.path, records)
        except OSError as error:
            raise BoardWriteError(self.archive_path, error) from None
        self._count_items([r["task"] for r in records], 1)  # the counts follow an owner's new name
        self._count_items([{**r["task"], **before[r["id"]]} for r in records], -1)
        return models.ActivityEntry(
            id=new_id("a"),
            at=stamp,
            by=self.user,
            kind=OpKind.REPLACE,
            table=Table.TASKS,
            label=op.label,
            before={"tasks": before},
            after={ARCHIVE_KEY: EDIT, "count": len(records), "tasks": after},
            revision=revision,
            undoes=op.undoes,
        )

    def _table(self, name: str) -> DocTable:
        return cast(DocTable, self._db.table(name))

    def _archive_activity(self, log: DocTable) -> None:
        """Move the oldest entries to `<board>.activity.jsonl`, so a save's cost
        tracks the board, not its history."""
        docs = self.raw(ACTIVITY)
        oldest = list(docs)[: len(docs) - ACTIVITY_CAP]
        try:
            archive.append_entries(self.path, [docs[doc_id] for doc_id in oldest])
        except OSError as error:
            raise BoardWriteError(activity_archive_path(self.path), error) from None
        log.remove(doc_ids=oldest)
