"""BoardStore: operations, the activity log, merging, backups, archive, migrations."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime
from pathlib import Path

import orjson
import pytest
from store_helpers import FROZEN, add_task, make_board, set_task

from opsboard.model import SCHEMA_VERSION, Operation, OpKind, Table, Task, TaskStatus
from opsboard.store import (
    BoardError,
    BoardReadOnlyError,
    BoardStore,
    BoardWriteError,
    ConflictError,
    NotFoundError,
    activity_archive_path,
    list_backups,
    migrations,
)
from opsboard.store import backups as backups_module
from opsboard.store import board_store as board_store_module
from opsboard.store import storage as storage_module
from opsboard.store.backups import backup_path


def on_disk(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


# -- create / open -------------------------------------------------------------


def test_create_writes_meta_departments_and_revision_zero(board: Path) -> None:
    store = BoardStore(board, user="ben")
    assert store.meta().name == "Spring shop"
    assert store.meta().year == 2026
    assert [d.id for d in store.departments()] == ["design", "ops"]
    assert store.revision == 0
    assert store.tasks() == []
    assert store.activity() == []
    assert store.read_only_reason is None
    assert on_disk(board)["meta"]["meta"]["schema_version"] == SCHEMA_VERSION


def test_create_refuses_to_overwrite(board: Path) -> None:
    before = board.read_bytes()
    with pytest.raises(BoardError, match="already there"):
        make_board(board)
    assert board.read_bytes() == before


# -- the four operations and their activity --------------------------------------


def test_add_stores_the_task_stamped_and_logs_who_when_after(store: BoardStore, board: Path) -> None:
    [entry] = store.apply(add_task("t-1", "Shoot photos", priority=2))
    task = store.task("t-1")
    assert task.title == "Shoot photos"
    assert task.priority == 2
    assert task.updated_by == "ana"
    assert task.updated_at == datetime.fromisoformat(FROZEN)
    assert entry.by == "ana"
    assert entry.at == datetime.fromisoformat(FROZEN)
    assert (entry.kind, entry.table, entry.doc_id) == (OpKind.ADD, Table.TASKS, "t-1")
    assert entry.before is None
    assert entry.after["title"] == "Shoot photos"
    assert entry.revision == 1
    # and it is what another reader of the file sees
    other = BoardStore(board, user="ben")
    assert other.task("t-1").title == "Shoot photos"
    assert [e.id for e in other.activity()] == [entry.id]


def test_set_logs_the_old_and_new_values(store: BoardStore) -> None:
    store.apply(add_task("t-1", owner="ana"))
    [entry] = store.apply(set_task("t-1", {"status": "doing", "owner": "ben"}, {"status": "todo", "owner": "ana"}))
    assert entry.kind is OpKind.SET
    assert entry.before == {"status": "todo", "owner": "ana"}
    assert entry.after == {"status": "doing", "owner": "ben"}
    task = store.task("t-1")
    assert (task.status, task.owner) == (TaskStatus.DOING, "ben")
    assert task.title == "Shoot product photos"  # fields not set are kept


def test_delete_logs_the_whole_document_and_removes_it(store: BoardStore) -> None:
    store.apply(add_task("t-1", "Old banner"), add_task("t-2", "Keep me"))
    [entry] = store.apply(Operation(kind=OpKind.DELETE, table=Table.TASKS, doc_id="t-1"))
    assert entry.before is not None and entry.before["title"] == "Old banner"
    assert entry.after == {}
    assert [t.id for t in store.tasks()] == ["t-2"]
    with pytest.raises(NotFoundError):
        store.task("t-1")


def test_replace_puts_many_documents_and_logs_a_summary(store: BoardStore) -> None:
    store.apply(add_task("t-1", "First title"))
    docs = [
        {"id": "t-1", "department": "ops", "title": "Replaced"},
        {"id": "t-9", "department": "ops", "title": "Imported"},
    ]
    [entry] = store.apply(Operation(kind=OpKind.REPLACE, table=Table.TASKS, docs=docs, summary="import 2 tasks"))
    assert entry.after == {"count": 2, "replaced": 1}
    assert entry.summary == "import 2 tasks"
    assert {t.id: t.title for t in store.tasks()} == {"t-1": "Replaced", "t-9": "Imported"}


def test_revision_counts_saves_not_operations(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1"))
    entries = store.apply(add_task("t-2"), add_task("t-3"))
    store.apply(set_task("t-1", {"owner": "kim"}))
    assert store.revision == 3
    assert [e.revision for e in entries] == [2, 2]
    assert on_disk(board)["meta"]["meta"]["revision"] == 3
    assert [e.revision for e in store.activity()] == [1, 2, 2, 3]


def test_apply_of_nothing_does_not_save(store: BoardStore, board: Path) -> None:
    before = snapshot(board)
    assert store.apply() == []
    assert snapshot(board) == before


def test_adding_an_id_twice_is_refused_and_nothing_saved(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1"))
    before = snapshot(board)
    with pytest.raises(BoardError, match="already on the board"):
        store.apply(add_task("t-2"), add_task("t-1"))
    assert snapshot(board) == before
    assert [t.id for t in store.tasks()] == ["t-1"]  # t-2 rolled back with it


# -- merging two people's saves ------------------------------------------------


def test_same_field_changed_by_someone_else_is_a_conflict_and_nothing_saved(board: Path) -> None:
    mine = BoardStore(board, user="ana")
    mine.apply(add_task("t-1"))
    theirs = BoardStore(board, user="ben")
    theirs.apply(set_task("t-1", {"status": "doing"}, {"status": "todo"}))
    before = snapshot(board)
    with pytest.raises(ConflictError) as caught:
        mine.apply(set_task("t-1", {"status": "blocked"}, {"status": "todo"}))
    error = caught.value
    assert (error.field, error.seen, error.theirs, error.mine, error.by) == ("status", "todo", "doing", "blocked", "ben")
    assert "ben changed status" in str(error) and "\n" not in str(error)
    assert snapshot(board) == before
    assert mine.task("t-1").status is TaskStatus.DOING
    assert mine.revision == 2


def test_both_setting_the_same_value_is_not_a_conflict(board: Path) -> None:
    mine = BoardStore(board, user="ana")
    mine.apply(add_task("t-1"))
    BoardStore(board, user="ben").apply(set_task("t-1", {"status": "done"}, {"status": "todo"}))
    mine.apply(set_task("t-1", {"status": "done"}, {"status": "todo"}))
    assert mine.task("t-1").status is TaskStatus.DONE
    assert mine.revision == 3


def test_different_fields_changed_by_two_people_are_both_kept(board: Path) -> None:
    mine = BoardStore(board, user="ana")
    mine.apply(add_task("t-1"))
    assert mine.task("t-1").owner == ""  # mine has read (and cached) the task
    theirs = BoardStore(board, user="ben")
    theirs.apply(set_task("t-1", {"owner": "ben"}, {"owner": ""}))
    mine.apply(set_task("t-1", {"status": "doing"}, {"status": "todo"}))
    for reader in (mine, theirs, BoardStore(board, user="kim")):
        task = reader.task("t-1")
        assert (task.owner, task.status) == ("ben", TaskStatus.DOING)
    assert on_disk(board)["meta"]["meta"]["revision"] == 3


def test_two_stores_adding_keep_both_tasks(board: Path) -> None:
    one, two = BoardStore(board, user="ana"), BoardStore(board, user="ben")
    one.tasks(), two.tasks()
    one.apply(add_task("t-a"))
    two.apply(add_task("t-b"))
    one.apply(add_task("t-c"))
    assert sorted(t.id for t in BoardStore(board, user="kim").tasks()) == ["t-a", "t-b", "t-c"]


def test_a_date_value_and_its_string_compare_equal_in_the_conflict_check(board: Path) -> None:
    mine = BoardStore(board, user="ana")
    mine.apply(add_task("t-1"))
    mine.apply(set_task("t-1", {"due": date(2026, 5, 1)}, {"due": None}))
    # another person saw the due date as the model shows it, and changes it
    theirs = BoardStore(board, user="ben")
    theirs.apply(set_task("t-1", {"due": date(2026, 6, 1)}, {"due": date(2026, 5, 1)}))
    mine.apply(set_task("t-1", {"owner": "ana"}, {"owner": ""}))
    assert mine.task("t-1").due == date(2026, 6, 1)
    assert on_disk(board)["tasks"]["t-1"]["due"] == "2026-06-01"


def test_missing_ids_raise_not_found_and_save_nothing(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1"))
    before = snapshot(board)
    with pytest.raises(NotFoundError, match="t-404"):
        store.task("t-404")
    with pytest.raises(NotFoundError, match="t-404"):
        store.apply(set_task("t-404", {"owner": "x"}))
    with pytest.raises(NotFoundError, match="t-404"):
        store.apply(Operation(kind=OpKind.DELETE, table=Table.TASKS, doc_id="t-404"))
    assert snapshot(board) == before


def test_deleted_by_someone_else_then_set_is_not_found(board: Path) -> None:
    mine = BoardStore(board, user="ana")
    mine.apply(add_task("t-1"))
    BoardStore(board, user="ben").apply(Operation(kind=OpKind.DELETE, table=Table.TASKS, doc_id="t-1"))
    with pytest.raises(NotFoundError, match="no longer on the board"):
        mine.apply(set_task("t-1", {"owner": "ana"}))


# -- reading what others saved -------------------------------------------------


def test_cached_models_are_refreshed_after_another_save(board: Path) -> None:
    mine = BoardStore(board, user="ana")
    mine.apply(add_task("t-1", "Before"))
    assert mine.task("t-1").title == "Before"
    assert mine.changed_on_disk() is False
    assert mine.refresh() is False
    BoardStore(board, user="ben").apply(set_task("t-1", {"title": "After"}), add_task("t-2"))
    assert mine.changed_on_disk() is True
    assert mine.refresh() is True
    assert mine.changed_on_disk() is False
    assert mine.task("t-1").title == "After"
    assert sorted(t.id for t in mine.tasks()) == ["t-1", "t-2"]
    assert mine.revision == 2


def test_a_save_by_another_process_is_seen(board: Path) -> None:
    mine = BoardStore(board, user="ana")
    mine.apply(add_task("t-1", "Before"))
    assert mine.task("t-1").title == "Before"
    pid = os.fork()
    if pid == 0:  # another process: ben renames the task
        code = 1
        try:
            BoardStore(board, user="ben").apply(set_task("t-1", {"title": "After"}, {"title": "Before"}))
            code = 0
        finally:
            os._exit(code)
    assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
    assert mine.changed_on_disk() is True
    assert mine.refresh() is True
    assert mine.task("t-1").title == "After"
    assert mine.task("t-1").updated_by == "ben"
    assert mine.revision == 2


def test_own_save_is_seen_without_refresh(store: BoardStore) -> None:
    store.apply(add_task("t-1", "Before"))
    assert store.task("t-1").title == "Before"
    store.apply(set_task("t-1", {"title": "After"}))
    assert store.task("t-1").title == "After"
    assert store.changed_on_disk() is False


# -- backups ---------------------------------------------------------------------


def test_backups_rotate_keep_five_and_hold_the_previous_files(store: BoardStore, board: Path) -> None:
    versions = [board.read_bytes()]
    for n in range(7):
        store.apply(add_task(f"t-{n}"))
        versions.append(board.read_bytes())
    found = list_backups(board)
    assert [b.number for b in found] == [1, 2, 3, 4, 5]
    assert sorted(p.name for p in backup_path(board, 1).parent.iterdir() if p.name != "daily") == [
        f"{n}.json" for n in range(1, 6)
    ]  # beside the day snapshots
    # backup n holds the file as it was n saves ago
    for n in range(1, 6):
        assert backup_path(board, n).read_bytes() == versions[-1 - n]
    assert on_disk(backup_path(board, 1))["meta"]["meta"]["revision"] == 6


def test_a_failed_operation_does_not_rotate_backups(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1"))
    first = backup_path(board, 1).read_bytes()
    with pytest.raises(NotFoundError):
        store.apply(set_task("t-404", {"owner": "x"}))
    assert [b.number for b in list_backups(board)] == [1]
    assert backup_path(board, 1).read_bytes() == first


def disk_full(path: Path, payload: bytes, *_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_saves_failing_after_the_rotation_keep_board_and_backups(store: BoardStore, board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    versions = [board.read_bytes()]
    for n in range(3):
        store.apply(add_task(f"t-{n}"))
        versions.append(board.read_bytes())
    real_write = storage_module.atomic_write
    monkeypatch.setattr(storage_module, "atomic_write", disk_full)
    for _ in range(7):  # more failed saves than backups kept
        with pytest.raises(BoardWriteError, match="No space left on device"):
            store.apply(add_task("t-lost"))
    # the first failed save kept the board as backup 1; the others did not rotate
    assert board.read_bytes() == versions[-1]
    assert [b.path.read_bytes() for b in list_backups(board)] == versions[::-1]
    monkeypatch.setattr(storage_module, "atomic_write", real_write)
    store.apply(add_task("t-kept"))
    assert [b.path.read_bytes() for b in list_backups(board)] == versions[::-1]
    assert sorted(t.id for t in BoardStore(board, user="ben").tasks()) == ["t-0", "t-1", "t-2", "t-kept"]


def test_backups_are_copied_where_hard_links_are_refused(store: BoardStore, board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(backups_module.os, "link", no_links)
    versions = [board.read_bytes()]
    for n in range(3):
        store.apply(add_task(f"t-{n}"))
        versions.append(board.read_bytes())
    monkeypatch.setattr(storage_module, "atomic_write", disk_full)
    for _ in range(6):
        with pytest.raises(BoardWriteError):
            store.apply(add_task("t-lost"))
    assert board.read_bytes() == versions[-1]
    assert [b.path.read_bytes() for b in list_backups(board)] == versions[::-1]
    assert backup_path(board, 1).stat().st_ino != board.stat().st_ino


# -- the activity archive --------------------------------------------------------


def test_activity_over_the_cap_moves_oldest_to_the_archive_in_order(
    store: BoardStore, board: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(board_store_module, "ACTIVITY_CAP", 3)
    monkeypatch.setattr(board_store_module, "ACTIVITY_TRIM", 2)
    archive = activity_archive_path(board)
    assert archive.name == "b.json.activity.jsonl"
    added = [store.apply(add_task(f"t-{n}"))[0] for n in range(1, 6)]
    assert not archive.exists()  # 5 entries: not over cap + trim yet
    added.append(store.apply(add_task("t-6"))[0])
    assert [e.doc_id for e in store.activity()] == ["t-4", "t-5", "t-6"]
    lines = [orjson.loads(line) for line in archive.read_bytes().splitlines()]
    assert [d["doc_id"] for d in lines] == ["t-1", "t-2", "t-3"]
    assert [d["id"] for d in lines] == [e.id for e in added[:3]]
    for n in range(7, 10):
        store.apply(add_task(f"t-{n}"))
    lines = [orjson.loads(line) for line in archive.read_bytes().splitlines()]
    assert [d["doc_id"] for d in lines] == [f"t-{n}" for n in range(1, 7)]
    assert [e.doc_id for e in BoardStore(board, user="ben").activity()] == ["t-7", "t-8", "t-9"]
    assert len(store.tasks()) == 9  # the tasks themselves all stay


# -- schema versions -------------------------------------------------------------


def rename_owner_to_assignee(data: dict) -> dict:
    for doc in data.get("tasks", {}).values():
        doc["owner"] = doc.pop("assignee", "")
    return data


def test_migrate_runs_the_steps_from_the_files_version() -> None:
    data = {"meta": {"meta": {"schema_version": 0}}, "tasks": {"t-1": {"assignee": "kim"}}}
    result = migrations.migrate(data, {0: rename_owner_to_assignee}, target=1)
    assert result["tasks"]["t-1"] == {"owner": "kim"}
    assert result["meta"]["meta"]["schema_version"] == 1
    steps = {0: lambda d: {**d, "x": {}}, 1: lambda d: {**d, "y": {}}}
    two = migrations.migrate({"meta": {"meta": {"schema_version": 0}}}, steps, target=2)
    assert (set(two), two["meta"]["meta"]["schema_version"]) == ({"meta", "x", "y"}, 2)
    with pytest.raises(ValueError, match="no migration from schema version 0"):
        migrations.migrate({"meta": {"meta": {"schema_version": 0}}}, {}, target=1)


def write_version(board: Path, version: int, **task: object) -> bytes:
    data = on_disk(board)
    data["meta"]["meta"]["schema_version"] = version
    if task:
        data["tasks"][str(task["id"])] = task
    raw = orjson.dumps(data)
    board.write_bytes(raw)
    return raw


def test_an_older_file_is_backed_up_then_migrated(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, 0: rename_owner_to_assignee})
    old = write_version(board, 0, id="t-1", department="design", title="Old task", assignee="kim")
    store = BoardStore(board, user="ana")
    assert Path(f"{board}.v0.bak").read_bytes() == old
    assert store.read_only_reason is None
    assert store.task("t-1").owner == "kim"
    assert on_disk(board)["meta"]["meta"]["schema_version"] == SCHEMA_VERSION
    assert "assignee" not in on_disk(board)["tasks"]["t-1"]
    # opening again neither migrates nor overwrites the kept copy
    BoardStore(board, user="ben")
    assert Path(f"{board}.v0.bak").read_bytes() == old


def test_a_missing_migration_is_a_clear_error_and_the_file_is_kept(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    write_version(board, 0)
    before = snapshot(board)
    with pytest.raises(BoardError) as caught:
        BoardStore(board, user="ana")
    assert str(caught.value).startswith(f"{board}: ")
    assert "schema version 0" in str(caught.value)
    assert snapshot(board) == before


def test_a_newer_file_opens_read_only_and_is_never_written(board: Path) -> None:
    store = BoardStore(board, user="ana")
    store.apply(add_task("t-1"))
    write_version(board, 99)
    before = snapshot(board)
    newer = BoardStore(board, user="ana")
    assert newer.read_only
    assert "schema 99" in (newer.read_only_reason or "")
    assert [t.id for t in newer.tasks()] == ["t-1"]  # still readable
    with pytest.raises(BoardReadOnlyError) as caught:
        newer.apply(set_task("t-1", {"owner": "x"}))
    assert "read-only" in str(caught.value) and "\n" not in str(caught.value)
    assert snapshot(board) == before
    assert not Path(f"{board}.v1.bak").exists()


def test_a_file_that_becomes_newer_while_open_is_not_written(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1"))
    write_version(board, SCHEMA_VERSION + 1)  # a newer opsboard migrated it meanwhile
    before = snapshot(board)
    with pytest.raises(BoardReadOnlyError):
        store.apply(set_task("t-1", {"owner": "x"}))
    assert snapshot(board) == before
    assert store.read_only


# -- user text -------------------------------------------------------------------


def test_control_characters_in_a_title_are_replaced() -> None:
    task = Task(id="t-1", department="design", title="Ship\x1b[31m now\x07\x9b")
    assert task.title == "Ship\ufffd[31m now\ufffd\ufffd"
    assert Task(id="t-2", department="design", title="two\nlines\there").title == "two lines here"


def test_control_characters_stored_through_the_board_are_replaced_on_read(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1", "Evil\x1b]0;pwned\x07title"))
    for reader in (store, BoardStore(board, user="ben")):
        assert "\x1b" not in reader.task("t-1").title
        assert "\x07" not in reader.task("t-1").title


def test_the_file_is_plain_json_with_string_ids(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1"))
    data = on_disk(board)
    assert set(data) >= {"meta", "departments", "checklist", "tasks", "activity"}
    assert list(data["tasks"]) == ["t-1"]
    assert data["tasks"]["t-1"]["id"] == "t-1"


# -- documents are checked before they are saved ---------------------------------


def test_a_document_its_model_refuses_is_not_saved(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1"))
    before = snapshot(board)
    with pytest.raises(BoardError, match=r"document 't-2': title: .*nothing was saved"):
        store.apply(add_task("t-2", title="   "))
    with pytest.raises(BoardError, match=r"document 't-1': priority"):
        store.apply(set_task("t-1", {"priority": 9}))
    with pytest.raises(BoardError, match="doc_id"):
        store.apply(Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id="", after={"department": "ops", "title": "x"}))
    assert snapshot(board) == before
    assert [t.id for t in BoardStore(board, user="ben").tasks()] == ["t-1"]


def test_added_documents_are_stored_whole_and_clean(store: BoardStore, board: Path) -> None:
    store.apply(add_task("t-1", "  Evil\x1b[2J  title ", priority="P1"))
    doc = on_disk(board)["tasks"]["t-1"]
    assert doc["title"] == "Evil\ufffd[2J title"
    assert (doc["priority"], doc["status"], doc["owner"], doc["tags"]) == (1, "todo", "", [])
    assert (doc["updated_by"], doc["updated_at"]) == ("ana", FROZEN)


def test_undo_data_holds_the_models_values_for_fields_the_file_left_out(store: BoardStore, board: Path) -> None:
    data = on_disk(board)
    data["tasks"]["t-1"] = {"id": "t-1", "department": "ops", "title": "Written by hand"}  # no status, no owner
    board.write_bytes(orjson.dumps(data))
    [entry] = store.apply(set_task("t-1", {"status": "doing", "owner": "kim"}, {"status": "todo", "owner": ""}))
    assert entry.before == {"status": "todo", "owner": ""}
    assert store.task("t-1").status is TaskStatus.DOING


def test_two_people_opening_an_old_board_at_once_keep_the_old_copy(board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def step(data: dict) -> dict:
        calls.append(1)
        return rename_owner_to_assignee(data)

    monkeypatch.setattr(migrations, "MIGRATIONS", {**migrations.MIGRATIONS, 0: step})
    old = write_version(board, 0, id="t-1", department="design", title="Old task", assignee="kim")
    real = BoardStore._migrate

    def ben_migrates_first(self: BoardStore, *args: object) -> None:
        # ana saw version 0; before she takes the lock, ben opens and migrates
        monkeypatch.setattr(BoardStore, "_migrate", real)
        BoardStore(board, user="ben")
        real(self, *args)

    monkeypatch.setattr(BoardStore, "_migrate", ben_migrates_first)
    store = BoardStore(board, user="ana")
    assert Path(f"{board}.v0.bak").read_bytes() == old
    assert calls == [1]
    assert store.task("t-1").owner == "kim"


def archive_ids(board: Path) -> list[str]:
    return [orjson.loads(line)["doc_id"] for line in activity_archive_path(board).read_bytes().splitlines()]


def test_a_save_failing_after_archiving_does_not_archive_twice(store: BoardStore, board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(board_store_module, "ACTIVITY_CAP", 2)
    monkeypatch.setattr(board_store_module, "ACTIVITY_TRIM", 1)
    for n in range(1, 4):
        store.apply(add_task(f"t-{n}"))
    real_write = storage_module.atomic_write
    monkeypatch.setattr(storage_module, "atomic_write", disk_full)
    with pytest.raises(BoardWriteError):
        store.apply(add_task("t-4"))  # t-1, t-2 went to the archive; the board kept them
    assert archive_ids(board) == ["t-1", "t-2"]
    assert [e.doc_id for e in store.activity()] == ["t-1", "t-2", "t-3"]
    monkeypatch.setattr(storage_module, "atomic_write", real_write)
    store.apply(add_task("t-4"))
    assert archive_ids(board) == ["t-1", "t-2"]
    assert [e.doc_id for e in store.activity()] == ["t-3", "t-4"]


def test_a_torn_last_archive_line_is_cut_before_appending(store: BoardStore, board: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(board_store_module, "ACTIVITY_CAP", 2)
    monkeypatch.setattr(board_store_module, "ACTIVITY_TRIM", 1)
    for n in range(1, 5):
        store.apply(add_task(f"t-{n}"))  # the fourth save moves t-1, t-2
    archive = activity_archive_path(board)
    whole = archive.read_bytes()
    assert archive_ids(board) == ["t-1", "t-2"]
    # a writer killed mid-append (its board save never happened) left half a line
    archive.write_bytes(whole + b'{"id": "a-torn", "doc_id": "t-')
    store.apply(add_task("t-5"))
    store.apply(add_task("t-6"))
    assert archive.read_bytes().startswith(whole)
    assert archive_ids(board) == ["t-1", "t-2", "t-3", "t-4"]
