"""A writer that holds the lock, stalls (SIGSTOP) and resumes after the lock
file was removed and someone else saved must not write over that save: the
board's identity is checked again just before the final rename, and the
stale writer reloads and applies its change again (issue 11, case 4)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from opsboard.model import Operation, OpKind, Table
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore

ROOT = Path(__file__).resolve().parents[2]

# The writer stops itself (SIGSTOP) inside a save, with the lock held: before
# it rotates the backups ("rotate"), once the new board is in its temp file
# and only the rename is left ("fsync"), or just after the rename ("renamed":
# its next save must not take the save made meanwhile for its own). Then it
# saves once more.
STALLING_WRITER = """
import os, signal, sys
from pathlib import Path
from opsboard.model import Operation, OpKind, Table
from opsboard.store import BoardStore, atomic, backups

board, ready, where = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
store = BoardStore(board, user="ana")
store.tasks()
owner, name = {"fsync": (os, "fsync"), "rotate": (backups, "rotate"), "renamed": (atomic, "fsync_folder")}[where]
real = getattr(owner, name)
def stall_once(arg):
    setattr(owner, name, real)
    real(arg)
    ready.touch()
    os.kill(os.getpid(), signal.SIGSTOP)
setattr(owner, name, stall_once)
doc = {"id": "t-ana", "department": "design", "title": "Ana's change"}
store.apply(Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id="t-ana", after=doc))
doc = {"id": "t-ana-2", "department": "design", "title": "Ana's next change"}
store.apply(Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id="t-ana-2", after=doc))
print("saved")
"""


def wait_for(path: Path, process: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"the writer did not reach its stall: {process.communicate()}")
        time.sleep(0.02)


@pytest.mark.parametrize("where", ["rotate", "fsync", "renamed"])
def test_a_resumed_stalled_writer_does_not_overwrite_a_save_made_meanwhile(tmp_path: Path, monkeypatch, where: str) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-01T09:30:00+08:00")
    board = tmp_path / "b.json"
    init_board(board, user="ana", name="Spring shop", year=2026)
    ready = tmp_path / "stalled"
    writer = subprocess.Popen(
        [sys.executable, "-c", STALLING_WRITER, str(board), str(ready), where],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(ready, writer)
        os.unlink(board.with_name("b.json.lock"))  # someone "cleans up" the lock of a stuck process
        doc = {"id": "t-ben", "department": "design", "title": "Ben's change"}
        BoardStore(board, user="ben", lock_timeout=5).apply(Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id="t-ben", after=doc))
        os.kill(writer.pid, signal.SIGCONT)
        out, err = writer.communicate(timeout=30)
    finally:
        if writer.poll() is None:
            os.kill(writer.pid, signal.SIGCONT)
            writer.kill()
    assert (writer.returncode, out) == (0, "saved\n"), err
    tasks = orjson.loads(board.read_bytes())["tasks"]
    assert sorted(tasks) == ["t-ana", "t-ana-2", "t-ben"]  # Ben's save kept, Ana's applied on top of it
