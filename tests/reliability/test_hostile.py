"""A hostile disk and folder: full, read-only, unreadable, shared by a team,
littered with a crashed writer's temp files. Every failure is one clear line
and the board on disk stays the last good one.

Permission checks mean nothing to root, so as root the "other person" is a
forked child that drops to nobody (uid/gid 65534) — forked, not exec'd, as
the interpreter may live where nobody cannot read it.
"""

from __future__ import annotations

import os
import pickle
import resource
import shutil
import signal
import stat
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest

from opsboard.model import BoardMeta, Department, Operation, OpKind, Table
from opsboard.store import BoardError, BoardStore, activity_archive_path, list_backups
from opsboard.store import board_store as board_store_module
from opsboard.store.backups import backup_folder, backup_path
from opsboard.store.lock import lock_path

NOBODY = 65534
IS_ROOT = os.geteuid() == 0


def make_board(path: Path) -> BoardStore:
    return BoardStore.create(
        path, user="ana", meta=BoardMeta(name="Team shop", year=2026), departments=[Department(id="ops", name="Operations")]
    )


def add(task_id: str, notes: str = "") -> Operation:
    return Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id=task_id, after={"department": "ops", "title": task_id, "notes": notes})


def in_child(fn: Callable[[], object], *, as_user: int | None = None) -> object:
    """Run `fn` in a forked child (optionally as another user); its return
    value or ("raised", class name, message) comes back pickled."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            if as_user is not None:
                os.setgroups([as_user])
                os.setgid(as_user)
                os.setuid(as_user)
            try:
                result: object = fn()
            except BaseException as error:
                result = ("raised", type(error).__name__, str(error))
            os.write(write_end, pickle.dumps(result))
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        raw = pipe.read()
    os.waitpid(pid, 0)
    assert raw, "the child died without an answer"
    return pickle.loads(raw)


def other_person() -> int | None:
    """Who plays the teammate: nobody when we are root, else ourselves."""
    return NOBODY if IS_ROOT else None


@pytest.fixture
def open_dir() -> Iterator[Path]:
    """A folder under /tmp that nobody can reach (tmp_path's parents are 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="opsboard-hostile-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def state(path: Path) -> tuple[bytes, int, int]:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_ino


def temps(board: Path) -> list[str]:
    return sorted(p.name for p in board.parent.glob(f".{board.name}.*.tmp"))


def assert_write_error(result: object, board: Path, reason: str) -> str:
    assert isinstance(result, tuple) and result[:2] == ("raised", "BoardWriteError"), result
    message = result[2]
    assert message.startswith(f"{board}: could not save ({reason}")
    assert message.endswith("; the board on disk is unchanged")
    assert "\n" not in message
    return message


# -- a full disk -------------------------------------------------------------------


def test_a_full_disk_is_a_write_error_and_the_board_stays(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    store = make_board(board)
    store.apply(add("t-1"))
    store.apply(add("t-2"))
    before = state(board)
    older_backups = [b.path.read_bytes() for b in list_backups(board)]

    def save_on_a_full_disk() -> list[object]:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
        limit = board.stat().st_size + 200
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
        results: list[object] = []
        for n in range(7):  # more failed saves than backups are kept
            try:
                BoardStore(board, user="ana").apply(add(f"big-{n}", notes="x" * 4000))
                results.append("saved")
            except BoardError as error:
                results.append(("raised", type(error).__name__, str(error)))
        return results

    results = in_child(save_on_a_full_disk)
    assert isinstance(results, list) and len(results) == 7
    for result in results:
        assert_write_error(result, board, "File too large")
    assert state(board) == before
    assert temps(board) == []  # the half-written temp files were removed
    # the first failed save kept the board as backup 1; the older ones are intact
    assert [b.path.read_bytes() for b in list_backups(board)] == [before[0], *older_backups]
    after = BoardStore(board, user="ana")
    assert sorted(t.id for t in after.tasks()) == ["t-1", "t-2"]
    after.apply(add("t-3"))  # room again: saving works
    assert after.revision == 3


# -- permissions ---------------------------------------------------------------------


def test_a_read_only_folder_is_a_clear_write_error(open_dir: Path) -> None:
    board = open_dir / "b.json"
    make_board(board).apply(add("t-1"))  # the lock file and backups exist now
    open_dir.chmod(0o555)
    before = state(board)
    result = in_child(lambda: BoardStore(board, user="kim").apply(add("t-2")), as_user=other_person())
    assert_write_error(result, board, "Permission denied")
    assert state(board) == before
    assert sorted(t.id for t in BoardStore(board, user="ana").tasks()) == ["t-1"]


def test_a_read_only_folder_before_any_lock_file_is_a_clear_write_error(open_dir: Path) -> None:
    board = open_dir / "b.json"
    make_board(board)
    assert not lock_path(board).exists()
    open_dir.chmod(0o555)
    before = state(board)
    result = in_child(lambda: BoardStore(board, user="kim").apply(add("t-2")), as_user=other_person())
    message = assert_write_error(result, board, "Permission denied")
    assert str(lock_path(board)) in message  # says which file it could not make
    assert state(board) == before


def test_a_board_the_user_cannot_read_is_a_clear_error(open_dir: Path) -> None:
    board = open_dir / "b.json"
    make_board(board)
    board.chmod(0o000 if not IS_ROOT else 0o600)
    result = in_child(lambda: BoardStore(board, user="kim").tasks(), as_user=other_person())
    assert result == ("raised", "InputFileError", f"{board}: cannot read the board (Permission denied)")


def test_a_group_writable_board_stays_group_writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(board_store_module, "ACTIVITY_CAP", 1)
    monkeypatch.setattr(board_store_module, "ACTIVITY_TRIM", 1)
    board = tmp_path / "b.json"
    old_umask = os.umask(0o022)
    try:
        store = make_board(board)
        board.chmod(0o664)
        for n in range(3):
            store.apply(add(f"t-{n}"))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(board.stat().st_mode) == 0o664
    assert stat.S_IMODE(backup_path(board, 1).stat().st_mode) == 0o664
    # what a teammate needs to save too: the lock, the backups, the archive
    assert stat.S_IMODE(lock_path(board).stat().st_mode) == 0o664
    assert stat.S_IMODE(backup_folder(board).stat().st_mode) == 0o775
    assert stat.S_IMODE(activity_archive_path(board).stat().st_mode) == 0o664


def test_a_private_board_keeps_its_files_private(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    old_umask = os.umask(0o022)
    try:
        store = make_board(board)
        board.chmod(0o600)
        store.apply(add("t-1"))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(board.stat().st_mode) == 0o600
    assert stat.S_IMODE(lock_path(board).stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_folder(board).stat().st_mode) == 0o700


@pytest.mark.skipif(not IS_ROOT, reason="needs a second user: run as root to fork one")
def test_two_people_in_one_group_both_save_a_team_board(open_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ana (root here) and kim (nobody) share group 65534 and a setgid folder."""
    monkeypatch.setattr(board_store_module, "ACTIVITY_CAP", 1)
    monkeypatch.setattr(board_store_module, "ACTIVITY_TRIM", 1)
    team = open_dir / "team"
    team.mkdir()
    os.chown(team, 0, NOBODY)
    team.chmod(0o2775)
    board = team / "b.json"
    old_umask = os.umask(0o022)
    try:
        store = make_board(board)
        board.chmod(0o664)
        for n in (1, 2, 3):
            store.apply(add(f"ana-{n}"))  # ana's lock file, backups folder and archive exist now

        def kim_saves_twice() -> str:
            kim = BoardStore(board, user="kim")
            kim.apply(add("kim-1"))
            kim.apply(add("kim-2"))  # rotates ana's backups, appends to ana's archive
            return "saved"

        assert in_child(kim_saves_twice, as_user=NOBODY) == "saved"
        store.apply(add("ana-4"))
    finally:
        os.umask(old_umask)
    assert sorted(t.id for t in BoardStore(board, user="ana").tasks()) == ["ana-1", "ana-2", "ana-3", "ana-4", "kim-1", "kim-2"]
    st = board.stat()
    assert (stat.S_IMODE(st.st_mode), st.st_gid) == (0o664, NOBODY)
    archived = [orjson.loads(line)["doc_id"] for line in activity_archive_path(board).read_bytes().splitlines()]
    assert archived == ["ana-1", "ana-2", "ana-3", "kim-1"]
    assert [b.number for b in list_backups(board)] == [1, 2, 3, 4, 5]


# -- a crashed writer's leftovers ------------------------------------------------------


def test_temp_files_left_by_a_crash_are_removed_on_the_next_save(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    store = make_board(board)
    ours = [f".b.json.{suffix}.tmp" for suffix in ("k2j4h5g6", "a_b0c9zz")]
    others = [
        ".b.json.old.json.k2j4h5g6.tmp",  # the temp of another board, b.json.old.json, mid-save
        ".c.json.k2j4h5g6.tmp",
        "b.json.tmp",
    ]
    for name in ours + others:
        (tmp_path / name).write_bytes(b'{"half": ')
    store.apply(add("t-1"))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == sorted(others)
    assert [t.id for t in BoardStore(board, user="ben").tasks()] == ["t-1"]
