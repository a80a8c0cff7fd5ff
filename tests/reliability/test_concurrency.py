"""Several processes saving one board at once: nobody's change is lost, a
dead process's lock never blocks, a live one's times out with its name."""

from __future__ import annotations

import os
import signal
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest

from opsboard.model import BoardMeta, Department, Operation, OpKind, Table
from opsboard.store import BoardLockedError, BoardStore
from opsboard.store import storage as storage_module
from opsboard.store.lock import BoardLock, lock_path


def make_board(path: Path) -> None:
    BoardStore.create(path, user="ana", meta=BoardMeta(name="Busy shop", year=2026), departments=[Department(id="ops", name="Operations")])


def add(task_id: str) -> Operation:
    return Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id=task_id, after={"department": "ops", "title": task_id})


def fork(target: Callable[..., None], *args: object) -> int:
    """Run `target` in a forked child that exits 0 when it returned."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            target(*args)
            code = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(code)  # never return into pytest
    return pid


def exit_code(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


class Rounds:
    """Lock-step rounds: each round every writer saves once, all released at
    the same moment, so they fight for the lock and each finds the board
    changed by the others since it last read it."""

    def __init__(self, writers: int) -> None:
        self.go = [os.pipe() for _ in range(writers)]
        self.done = os.pipe()

    def child(self, k: int) -> tuple[int, int]:
        for n, (read_end, write_end) in enumerate(self.go):
            os.close(write_end)
            if n != k:
                os.close(read_end)
        os.close(self.done[0])
        return self.go[k][0], self.done[1]

    def run(self, rounds: int) -> None:
        for read_end, _ in self.go:
            os.close(read_end)
        os.close(self.done[1])
        for _ in range(rounds):
            for _, write_end in self.go:
                os.write(write_end, b"g")
            for _ in self.go:
                assert os.read(self.done[0], 1) == b"d", "a writer failed"
        for _, write_end in self.go:
            os.close(write_end)
        os.close(self.done[0])


FIELDS = ["owner", "blocked_reason", "tags", "notes"]


def field_value(k: int, n: int) -> object:
    return [f"w{k}-{n}"] if FIELDS[k] == "tags" else f"w{k}-{n}"


def add_and_set(board: Path, k: int, rounds: Rounds) -> None:
    """Each round: add a task and move this writer's own field of the shared task."""
    go, done = rounds.child(k)
    store = BoardStore(board, user=f"w{k}")
    seen: object = [] if FIELDS[k] == "tags" else ""
    n = 0
    while os.read(go, 1) == b"g":
        value = field_value(k, n)
        store.apply(add(f"w{k}-{n}"))
        store.apply(Operation(kind=OpKind.SET, table=Table.TASKS, doc_id="shared", after={FIELDS[k]: value}, before={FIELDS[k]: seen}))
        seen = value
        n += 1
        os.write(done, b"d")


def save_at_once(tmp_path: Path, writers: int, count: int) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    BoardStore(board, user="ana").apply(add("shared"))
    rounds = Rounds(writers)
    pids = [fork(add_and_set, board, k, rounds) for k in range(writers)]
    rounds.run(count)
    assert [exit_code(pid) for pid in pids] == [0] * writers
    store = BoardStore(board, user="checker")
    assert {t.id for t in store.tasks()} == {"shared"} | {f"w{k}-{n}" for k in range(writers) for n in range(count)}
    shared = store.task("shared")
    for k in range(writers):
        assert getattr(shared, FIELDS[k]) == field_value(k, count - 1)
    assert store.revision == 1 + 2 * writers * count
    log = store.activity()
    assert [e.revision for e in log] == list(range(1, store.revision + 1))
    # every round holds every writer's two saves: they really saved at once
    per_round = 2 * writers
    for r in range(count):
        chunk = log[1 + r * per_round : 1 + (r + 1) * per_round]
        assert sorted(e.by for e in chunk) == sorted(f"w{k}" for k in range(writers) for _ in range(2))


def test_two_processes_saving_at_once_keep_every_change(tmp_path: Path) -> None:
    save_at_once(tmp_path, writers=2, count=25)


@pytest.mark.slow
def test_four_processes_saving_at_once_keep_every_change(tmp_path: Path) -> None:
    save_at_once(tmp_path, writers=4, count=30)


# -- the lock ----------------------------------------------------------------------


def hold_lock(board: Path, signal_fd: int, release_fd: int | None) -> None:
    """Take the board's lock, say so, then hang until released (or die holding it)."""
    with BoardLock(board, timeout=5):
        os.write(signal_fd, b"locked\n")
        if release_fd is None:
            os._exit(0)  # dies holding the lock, no release
        os.read(release_fd, 1)


def test_a_lock_left_by_a_dead_process_does_not_block(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    ready_r, ready_w = os.pipe()
    pid = fork(hold_lock, board, ready_w, None)
    os.close(ready_w)
    assert os.read(ready_r, 16) == b"locked\n"
    assert exit_code(pid) == 0
    assert lock_path(board).exists()  # the file stays; the flock died with its holder
    store = BoardStore(board, user="ana", lock_timeout=0.5)
    store.apply(add("t-1"))
    assert [t.id for t in BoardStore(board, user="ben").tasks()] == ["t-1"]


def hang_mid_save(board: Path, signal_fd: int) -> None:
    def stuck(path: Path, payload: bytes, *_: object) -> None:
        os.write(signal_fd, b"saving\n")
        signal.pause()  # until SIGKILL

    storage_module.atomic_write = stuck  # type: ignore[assignment]  # a forked child: nobody else sees this
    BoardStore(board, user="crasher").apply(add("t-never"))


def test_a_process_killed_mid_save_leaves_lock_and_board_usable(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    before = board.read_bytes()
    ready_r, ready_w = os.pipe()
    pid = fork(hang_mid_save, board, ready_w)
    os.close(ready_w)
    assert os.read(ready_r, 16) == b"saving\n"  # it holds the lock, inside the save
    os.kill(pid, signal.SIGKILL)
    assert exit_code(pid) == -signal.SIGKILL
    assert board.read_bytes() == before
    BoardStore(board, user="ana", lock_timeout=0.5).apply(add("t-1"))
    assert [t.id for t in BoardStore(board, user="ben").tasks()] == ["t-1"]


def test_a_lock_held_by_a_live_process_times_out_naming_it(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    store = BoardStore(board, user="ana", lock_timeout=0.5)
    store.apply(add("t-1"))
    ready_r, ready_w = os.pipe()
    release_r, release_w = os.pipe()
    pid = fork(hold_lock, board, ready_w, release_r)
    os.close(ready_w)
    os.close(release_r)
    try:
        assert os.read(ready_r, 16) == b"locked\n"
        before = (board.read_bytes(), board.stat().st_mtime_ns)
        with pytest.raises(BoardLockedError) as caught:
            store.apply(add("t-2"))
        message = str(caught.value)
        assert message.startswith(f"{board}: still locked after 0.5s by ")
        assert f"(pid {pid} on " in message
        assert message.endswith("; nothing was saved")
        assert "\n" not in message
        assert caught.value.holder.split(" (pid")[0] != ""
        assert (board.read_bytes(), board.stat().st_mtime_ns) == before
        assert [t.id for t in store.tasks()] == ["t-1"]
    finally:
        os.write(release_w, b"r")
        os.close(release_w)
    assert exit_code(pid) == 0
    store.apply(add("t-2"))  # released: saving works again
    assert sorted(t.id for t in BoardStore(board, user="ben").tasks()) == ["t-1", "t-2"]


def test_the_holder_named_is_one_clean_line(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    lock_path(board).write_text("mallory\x1b]0;owned\x07 (pid 1)\nsecond line\n")
    assert BoardLock(board).holder() == "mallory\ufffd]0;owned\ufffd (pid 1)"
