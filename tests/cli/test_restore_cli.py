"""`opsboard restore BOARD [--backup N]`: list the backups, restore one, keep the current file aside."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from opsboard.cli import main
from opsboard.services.board_files import init_board
from opsboard.services.recovery import backups_report, newest_good_backup, open_read_only_copy, restore_backup
from opsboard.services.tasks import add_task
from opsboard.store import BoardReadOnlyError, BoardStore, list_backups

FROZEN = "2026-06-01T09:30:00+08:00"


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Created, then three tasks added one save each: backups 1–3 hold 2, 1 and 0 tasks."""
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = tmp_path / "b.json"
    store = init_board(path, user="ana", name="Spring shop", year=2026)
    for title in ("Photos", "Banner", "Coupons"):
        add_task(store, department="design", title=title)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def titles(path: Path) -> list[str]:
    return sorted(doc["title"] for doc in orjson.loads(path.read_bytes())["tasks"].values())


def test_without_backup_it_lists_number_time_size_parses_and_tasks(board: Path, capsys) -> None:
    (board.parent / "b.json.backups" / "2.json").write_bytes(b'{"meta": {"meta": {')  # a damaged one
    code, out, err = run(capsys, "restore", str(board))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Backups of {board} (1 is the newest):"
    assert lines[1].split() == ["N", "saved", "size", "good", "tasks", "revision"]
    rows = [line.split() for line in lines[3:6]]
    assert [row[0] for row in rows] == ["1", "2", "3"]
    assert rows[0][-3:] == ["yes", "2", "2"]  # parses, 2 tasks, revision 2
    assert rows[1][3:5] == ["19", "B"]
    assert lines[4].rstrip().endswith("no: not valid JSON at line 1, column 20")
    assert rows[2][-3:] == ["yes", "0", "0"]
    size = (board.parent / "b.json.backups" / "1.json").stat().st_size
    assert f"{size / 1024:.1f} KB" in lines[3]
    assert lines[-1] == f"Restore one with: opsboard restore {board} --backup N (or --backup yesterday, --backup YYYY-MM-DD)"


def test_restore_puts_the_backup_back_and_keeps_the_current_file_aside(board: Path, capsys) -> None:
    current = board.read_bytes()
    backup = (board.parent / "b.json.backups" / "2.json").read_bytes()
    listed = [(b.number, b.size) for b in list_backups(board)]
    code, out, err = run(capsys, "restore", str(board), "--backup", "2")
    assert (code, err) == (0, "")
    aside = board.parent / "b.json.before-restore-20260601-093000"
    assert out == (
        f"Restored {board} from backup 2 (saved {list_backups(board)[1].saved_at:%Y-%m-%d %H:%M:%S}, 1 task); "
        f"the file it replaced is kept as {aside}\n"
    )
    assert board.read_bytes() == backup
    assert aside.read_bytes() == current
    assert titles(board) == ["Photos"]
    assert [(b.number, b.size) for b in list_backups(board)] == listed  # nothing deleted or rotated


def test_a_second_restore_in_the_same_second_keeps_both_files_aside(board: Path) -> None:
    first = restore_backup(board, 1)
    second = restore_backup(board, 3)
    assert first.kept_aside != second.kept_aside
    assert second.kept_aside is not None and second.kept_aside.name == "b.json.before-restore-20260601-093000-2"
    assert titles(board) == []


def test_a_board_cut_in_half_is_restored_to_the_last_good_version(board: Path, capsys) -> None:
    good = board.read_bytes()
    board.write_bytes(good[: len(good) // 2])
    code, _, err = run(capsys, "check", str(board))
    assert code == 1 and "damaged board file" in err
    add_not_saved = run(capsys, "task", "add", str(board), "--dept", "design", "--title", "Lost?")
    assert add_not_saved[0] == 1
    code, out, _ = run(capsys, "restore", str(board), "--backup", "1")
    assert code == 0
    code, out, _ = run(capsys, "check", str(board))
    assert code == 0 and "2 tasks" in out  # backup 1: the file before the last save
    assert titles(board) == ["Banner", "Photos"]


def test_restoring_a_damaged_or_missing_backup_exits_1_and_changes_nothing(board: Path, capsys) -> None:
    (board.parent / "b.json.backups" / "3.json").write_bytes(b"")
    before = board.read_bytes()
    code, out, err = run(capsys, "restore", str(board), "--backup", "3")
    assert (code, out) == (1, "")
    assert err == f"opsboard: {board}: backup 3 is damaged too (the file is empty); choose another\n"
    code, out, err = run(capsys, "restore", str(board), "--backup", "7")
    assert (code, out) == (1, "")
    assert err == f"opsboard: {board}: no backup 7 (there are: 1, 2, 3)\n"
    assert board.read_bytes() == before
    assert not list(board.parent.glob("*.before-restore-*"))


def test_a_board_never_saved_has_no_backups(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    path = tmp_path / "new.json"
    init_board(path, user="ana", year=2026)
    code, out, err = run(capsys, "restore", str(path))
    assert (code, out, err) == (0, f"{path}: no backups yet (one is kept at each save)\n", "")
    code, out, err = run(capsys, "restore", str(path), "--backup", "1")
    assert code == 1 and err == f"opsboard: {path}: no backups to restore (they are made at each save)\n"


def test_restore_keeps_the_boards_mode(board: Path) -> None:
    os.chmod(board, 0o660)
    restore_backup(board, 1)
    assert board.stat().st_mode & 0o777 == 0o660


def test_the_newest_good_backup_is_the_default(board: Path) -> None:
    (board.parent / "b.json.backups" / "1.json").write_bytes(b"\0\0\0")
    assert newest_good_backup(board).number == 2
    result = restore_backup(board)
    assert result.backup.number == 2
    assert titles(board) == ["Photos"]
    assert [b.good for b in backups_report(board)] == [False, True, True]


def test_a_read_only_copy_opens_the_newest_good_backup_and_refuses_changes(board: Path) -> None:
    board.write_bytes(b"{ cut")
    store = open_read_only_copy(board, user="lin")
    assert store.path.parent != board.parent
    assert sorted(t.title for t in store.tasks()) == ["Banner", "Photos"]
    assert store.read_only_reason.startswith(f"a copy of backup 1 of {board}")
    with pytest.raises(BoardReadOnlyError, match="nothing was saved"):
        add_task(store, department="design", title="Not saved")
    assert board.read_bytes() == b"{ cut"
    assert BoardStore(store.path, user="x").tasks() != []  # the copy itself is intact
