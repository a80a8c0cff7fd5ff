"""The board file refuses to be destroyed: its own files are never a write
target, a symlinked board is one board, and an invalid board is never saved
over nor kept as a backup (issue 11, cases 1–3)."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest
from store_helpers import add_task, set_task

from opsboard.services.export import write_export
from opsboard.services.recovery import backups_report, newest_good_backup, restore_backup
from opsboard.store import BoardError, BoardInvalidError, BoardReadOnlyError, BoardStore, list_backups
from opsboard.store.paths import board_file_kind


def saved_twice(store: BoardStore) -> None:
    store.apply(add_task("t-1", "Photos"))
    store.apply(add_task("t-2", "Banner"))


# -- case 1: the board's own files are not export or restore targets ---------
@pytest.mark.parametrize(
    "target",
    ["b.json", "b.json.lock", "b.json.activity.jsonl", "b.json.backups/1.json", "b.json.backups/2.json", "b.json.v1.bak"],
)
def test_an_export_over_the_board_or_a_file_it_keeps_is_refused_and_changes_nothing(board: Path, store: BoardStore, target: str) -> None:
    saved_twice(store)
    (board.parent / "b.json.activity.jsonl").write_bytes(b"")
    before = {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()}
    with pytest.raises(BoardError, match="choose another file — nothing was written"):
        write_export(store, "boards", board.parent / target)
    assert {path: path.read_bytes() for path in board.parent.rglob("*") if path.is_file()} == before


def test_an_export_through_another_spelling_of_the_board_is_refused(board: Path, store: BoardStore, monkeypatch) -> None:
    saved_twice(store)
    before = board.read_bytes()
    (board.parent / "link.md").symlink_to(board)
    os.link(board, board.parent / "hard.md")
    monkeypatch.chdir(board.parent / "b.json.backups")
    for spelled in ("../b.json", str(board.parent / "link.md"), str(board.parent / "hard.md"), "./1.json"):
        with pytest.raises(BoardError, match="nothing was written"):
            write_export(store, "checklists", spelled)
    assert board.read_bytes() == before


def test_after_an_interrupted_save_the_shared_inode_of_board_and_backup_is_not_written_through(board: Path, store: BoardStore) -> None:
    saved_twice(store)
    backup = board.parent / "b.json.backups" / "1.json"
    backup.unlink()
    os.link(board, backup)  # what a save killed between rotating and renaming leaves
    before = board.read_bytes()
    assert board_file_kind(board, backup) is not None
    with pytest.raises(BoardError):
        write_export(store, "boards", backup)
    assert board.read_bytes() == before


def test_an_export_beside_the_board_under_another_name_is_written(board: Path, store: BoardStore) -> None:
    written = write_export(store, "checklists", board.parent / "b.json.md")
    assert written.read_text(encoding="utf-8").startswith("#")


def test_a_backup_opened_as_a_board_is_read_only(board: Path, store: BoardStore) -> None:
    saved_twice(store)
    backup = board.parent / "b.json.backups" / "1.json"
    before = backup.read_bytes()
    opened = BoardStore(backup, user="ana")
    assert [task.title for task in opened.tasks()] == ["Photos"]
    with pytest.raises(BoardReadOnlyError, match="keeps beside it"):
        opened.apply(add_task("t-9"))
    assert backup.read_bytes() == before
    with pytest.raises(BoardError, match="keeps beside it"):
        restore_backup(backup)


# -- case 2: a board opened through a symlink is the real board --------------
def test_a_symlinked_board_shares_one_lock_and_one_backups_folder_and_the_link_stays(
    board: Path, store: BoardStore, tmp_path: Path
) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "team.json"
    link.symlink_to(board)
    BoardStore(link, user="ben").apply(add_task("t-1", "Photos"))
    store.apply(add_task("t-2", "Banner"))
    BoardStore(link, user="ben").apply(add_task("t-3", "Coupons"))
    assert link.is_symlink() and link.resolve() == board
    assert sorted(orjson.loads(board.read_bytes())["tasks"]) == ["t-1", "t-2", "t-3"]
    assert sorted(path.name for path in other.iterdir()) == ["team.json"]  # no lock, no backups beside the link
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("b.json")) == ["b.json", "b.json.backups", "b.json.lock"]
    assert len(list_backups(board)) == 3
    restore_backup(link, 1)
    assert link.is_symlink() and sorted(orjson.loads(board.read_bytes())["tasks"]) == ["t-1", "t-2"]


# -- case 3: a board with an invalid document is not saved over --------------
def hand_break_task(board: Path, task_id: str = "t-1") -> bytes:
    data = orjson.loads(board.read_bytes())
    data["tasks"][task_id]["status"] = "review"  # a newer tool's status
    raw = orjson.dumps(data)
    board.write_bytes(raw)
    return raw


def test_an_invalid_document_blocks_every_save_and_is_never_rotated_into_the_backups(board: Path, store: BoardStore) -> None:
    saved_twice(store)
    broken = hand_break_task(board)
    backups_before = {b.number: b.path.read_bytes() for b in list_backups(board)}
    for attempt in range(6):
        with pytest.raises(BoardInvalidError) as caught:
            BoardStore(board, user="ana").apply(set_task("t-2", {"owner": f"ben{attempt}"}))
    message = str(caught.value)
    assert "table 'tasks', document 't-1': status" in message
    assert "nothing was saved" in message and f"opsboard restore {board}" in message
    assert str(board.parent / "b.json.backups" / "1.json") in message
    assert board.read_bytes() == broken
    assert {b.number: b.path.read_bytes() for b in list_backups(board)} == backups_before


def test_restore_recommends_only_a_backup_whose_documents_validate(board: Path, store: BoardStore) -> None:
    saved_twice(store)  # backups: 1 = one task, 2 = none
    backup1 = board.parent / "b.json.backups" / "1.json"
    hand_break_task(backup1)
    report = backups_report(board)
    assert [(info.number, info.good) for info in report] == [(1, False), (2, True)]
    assert "status" in report[0].problem
    assert newest_good_backup(board).number == 2
    hand_break_task(board, "t-2")
    with pytest.raises(BoardInvalidError) as caught:
        BoardStore(board, user="ana").apply(add_task("t-3"))
    assert str(board.parent / "b.json.backups" / "2.json") in str(caught.value)
    assert restore_backup(board).backup.number == 2


def test_a_new_process_trusts_only_a_board_exactly_as_a_checked_save_wrote_it(board: Path, store: BoardStore, monkeypatch) -> None:
    from opsboard.store import board_store as board_store_module

    saved_twice(store)
    validated: list[str] = []
    real = board_store_module.validate

    def counting(model, doc):
        validated.append(model.__name__)
        return real(model, doc)

    monkeypatch.setattr(board_store_module, "validate", counting)
    BoardStore(board, user="ben").apply(add_task("t-3"))
    assert "Task" not in validated  # the digest matched: the two tasks were not validated again
    data = orjson.loads(board.read_bytes())
    data["tasks"]["t-1"]["title"] = "Edited by hand"
    board.write_bytes(orjson.dumps(data))
    validated.clear()
    BoardStore(board, user="ben").apply(add_task("t-4"))
    assert validated.count("Task") >= 3  # a hand edit: every task checked again


def test_an_old_board_with_an_invalid_document_is_not_upgraded_over_nor_rotated(board: Path, store: BoardStore, monkeypatch) -> None:
    from opsboard.store import board_store as board_store_module
    from opsboard.store import migrations

    saved_twice(store)
    broken = hand_break_task(board)
    backups_before = {b.number: b.path.read_bytes() for b in list_backups(board)}
    current = board_store_module.SCHEMA_VERSION
    monkeypatch.setattr(board_store_module, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(migrations.MIGRATIONS, current, lambda data: data)
    with pytest.raises(BoardInvalidError, match="document 't-1': status"):
        BoardStore(board, user="ana")
    assert board.read_bytes() == broken
    assert {b.number: b.path.read_bytes() for b in list_backups(board)} == backups_before


def test_a_lock_file_or_activity_archive_linked_to_the_board_is_never_written_through(board: Path, store: BoardStore, monkeypatch) -> None:
    from opsboard.store import BoardWriteError
    from opsboard.store import board_store as board_store_module

    saved_twice(store)
    board.with_name("b.json.lock").unlink()
    os.link(board, board.with_name("b.json.lock"))  # sabotage, or a confused cleanup script
    BoardStore(board, user="ben").apply(add_task("t-3"))  # the lock's holder line is not written into the board
    assert sorted(orjson.loads(board.read_bytes())["tasks"]) == ["t-1", "t-2", "t-3"]
    assert all(info.good for info in backups_report(board))
    monkeypatch.setattr(board_store_module, "ACTIVITY_CAP", 1)
    monkeypatch.setattr(board_store_module, "ACTIVITY_TRIM", 0)
    os.link(board, board.with_name("b.json.activity.jsonl"))
    before = board.read_bytes()
    with pytest.raises(BoardWriteError, match="activity archive is a link to the board"):
        BoardStore(board, user="ben").apply(add_task("t-4"))
    assert board.read_bytes() == before
