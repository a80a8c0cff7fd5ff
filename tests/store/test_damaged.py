"""A damaged or hand-broken board file: one clear line naming the file, the
place and the backup to restore; the file itself is never written over."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from store_helpers import add_task, make_board, set_task

from opsboard.store import BoardDamagedError, BoardError, BoardStore, list_backups, newest_good_backup
from opsboard.store.backups import backup_path


@pytest.fixture
def saved_board(board: Path) -> Path:
    """A board saved three times: backups 1-3 exist and are good."""
    store = BoardStore(board, user="ana")
    store.apply(add_task("t-1", "Shoot product photos"))
    store.apply(add_task("t-2", "Write the launch mail"))
    store.apply(set_task("t-1", {"owner": "kim"}))
    return board


def damage(path: Path, raw: bytes) -> tuple[bytes, int]:
    path.write_bytes(raw)
    return raw, path.stat().st_mtime_ns


def open_damaged(path: Path) -> BoardDamagedError:
    with pytest.raises(BoardDamagedError) as caught:
        BoardStore(path, user="ana")
    return caught.value


def assert_one_clear_line(error: BoardError, path: Path, where: str, backup: Path | None) -> None:
    text = str(error)
    assert "\n" not in text and "\r" not in text
    assert text.startswith(f"{path}: damaged board file ({where}); ")
    assert error.path == path
    assert error.where == where
    assert error.backup == backup
    if backup is None:
        assert text.endswith("no good backup was found")
    else:
        assert text.endswith(f"(newest backup: {backup})")
        assert f"opsboard restore {path}" in text


def test_a_file_cut_in_half(saved_board: Path) -> None:
    whole = saved_board.read_bytes()
    half = whole[: len(whole) // 2]
    kept = damage(saved_board, half)
    error = open_damaged(saved_board)
    assert_one_clear_line(error, saved_board, f"not valid JSON at line 1, column {len(half) + 1}", backup_path(saved_board, 1))
    assert (saved_board.read_bytes(), saved_board.stat().st_mtime_ns) == kept


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not valid JSON at line 1, column 1"),
        (b"\x00" * 4096, "not valid JSON at line 1, column 1"),
        (b"", "the file is empty"),
        (b" \n\t\n", "the file is empty"),
        (b'{"meta": {"meta": {"schema_version": 1}},\n "tasks": {"t-1": {"title": "x",}}}', "not valid JSON at line 2, column 32"),
        (b"[1, 2, 3]", "the top level is not an object of tables"),
        (b'"a board"', "the top level is not an object of tables"),
        (b'{"meta": {"meta": {"schema_version": 1}}, "tasks": [1, 2]}', "table 'tasks' is not an object"),
        (b'{"meta": {"meta": {"schema_version": 1}}, "tasks": {"t-1": "x"}}', "table 'tasks', document 't-1' is not an object"),
        (b'{"tasks": {}}', "the board settings (table 'meta') are missing"),
        (b'{"meta": {}, "tasks": {}}', "the board settings (table 'meta') are missing"),
        (b'{"meta": {"meta": {"schema_version": "1"}}}', "the board settings have no whole-number schema_version"),
    ],
    ids=[
        "garbage",
        "nul-filled",
        "empty",
        "whitespace",
        "trailing-comma",
        "list",
        "string",
        "table-list",
        "doc-string",
        "no-meta",
        "empty-meta",
        "version-text",
    ],
)
def test_damaged_files_are_one_clear_line_and_left_alone(saved_board: Path, raw: bytes, where: str) -> None:
    kept = damage(saved_board, raw)
    good_backups = [b.path.read_bytes() for b in list_backups(saved_board)]
    error = open_damaged(saved_board)
    assert_one_clear_line(error, saved_board, where, backup_path(saved_board, 1))
    assert (saved_board.read_bytes(), saved_board.stat().st_mtime_ns) == kept
    assert [b.path.read_bytes() for b in list_backups(saved_board)] == good_backups


def test_without_backups_the_message_says_so(board: Path) -> None:
    kept = damage(board, b"{")
    error = open_damaged(board)
    assert_one_clear_line(error, board, "not valid JSON at line 1, column 2", None)
    assert (board.read_bytes(), board.stat().st_mtime_ns) == kept


def test_damaged_backups_are_skipped_for_the_newest_good_one(saved_board: Path) -> None:
    backup_path(saved_board, 1).write_bytes(b"\x00" * 10)
    damage(saved_board, b"nonsense")
    error = open_damaged(saved_board)
    assert error.backup == backup_path(saved_board, 2)
    assert newest_good_backup(saved_board) == backup_path(saved_board, 2)


def test_a_file_damaged_while_open_is_not_saved_over(saved_board: Path) -> None:
    store = BoardStore(saved_board, user="ana")
    assert len(store.tasks()) == 2
    backups_before = [b.path.read_bytes() for b in list_backups(saved_board)]
    kept = damage(saved_board, saved_board.read_bytes()[:100])
    with pytest.raises(BoardDamagedError):
        store.apply(add_task("t-3"))
    with pytest.raises(BoardDamagedError):
        store.refresh()
    with pytest.raises(BoardDamagedError):
        store.tasks()
    assert (saved_board.read_bytes(), saved_board.stat().st_mtime_ns) == kept
    assert [b.path.read_bytes() for b in list_backups(saved_board)] == backups_before
    assert not list(saved_board.parent.glob(".b.json.*.tmp"))


def test_restoring_the_named_backup_gives_a_working_board(saved_board: Path) -> None:
    damage(saved_board, b"\x00" * 100)
    error = open_damaged(saved_board)
    assert error.backup is not None
    saved_board.write_bytes(error.backup.read_bytes())
    store = BoardStore(saved_board, user="ana")
    assert sorted(t.id for t in store.tasks()) == ["t-1", "t-2"]  # backup 1: the file before the last save
    assert store.task("t-1").owner == ""


# -- hand-broken documents: the file parses, a document does not validate ----------


def edit(path: Path, change) -> tuple[bytes, int]:
    data = orjson.loads(path.read_bytes())
    change(data)
    return damage(path, orjson.dumps(data))


def test_a_hand_broken_task_names_table_document_and_field(saved_board: Path) -> None:
    kept = edit(saved_board, lambda d: d["tasks"]["t-2"].update(priority=9))
    store = BoardStore(saved_board, user="ana")
    with pytest.raises(BoardDamagedError) as caught:
        store.tasks()
    assert_one_clear_line(
        caught.value,
        saved_board,
        "table 'tasks', document 't-2': priority: must be 4 or less",
        backup_path(saved_board, 1),
    )
    assert store.departments()[0].id == "design"  # the other tables still read
    assert (saved_board.read_bytes(), saved_board.stat().st_mtime_ns) == kept


def test_hand_broken_board_settings_are_a_damaged_board(saved_board: Path) -> None:
    edit(saved_board, lambda d: d["meta"]["meta"].update(year="next year"))
    with pytest.raises(BoardDamagedError) as caught:
        BoardStore(saved_board, user="ana").meta()
    assert caught.value.where.startswith("board settings: year: ")
    assert "\n" not in str(caught.value)


def test_hand_broken_activity_is_a_damaged_board(saved_board: Path) -> None:
    def break_first_entry(data: dict) -> None:
        first = next(iter(data["activity"].values()))
        first["at"] = "yesterday-ish"

    edit(saved_board, break_first_entry)
    with pytest.raises(BoardDamagedError) as caught:
        BoardStore(saved_board, user="ana").activity()
    assert caught.value.where.startswith("table 'activity', document ")


def test_validate_all_lists_every_problem(saved_board: Path) -> None:
    def break_two(data: dict) -> None:
        data["tasks"]["t-1"]["title"] = ""
        data["departments"]["ops"]["order"] = "first"

    edit(saved_board, break_two)
    problems = BoardStore(saved_board, user="ana").validate_all()
    assert problems == [
        "table 'departments', document 'ops': order: 'first' is not a whole number",
        "table 'tasks', document 't-1': title: must not be empty",
    ]


# -- not a board at all ------------------------------------------------------------


def test_a_missing_board_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BoardError) as caught:
        BoardStore(tmp_path / "nope.json", user="ana")
    assert str(caught.value).startswith(f"{tmp_path / 'nope.json'}: no such board")


def test_a_folder_given_as_the_board_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "b.json"
    folder.mkdir()
    with pytest.raises(BoardError) as caught:
        BoardStore(folder, user="ana")
    assert str(caught.value) == f"{folder}: is a folder, not a board file; nothing was read"


def test_create_next_to_a_damaged_file_does_not_touch_it(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    kept = damage(path, b"\x00\x00")
    with pytest.raises(BoardError):
        make_board(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == kept
