"""Several opsboard processes on one board, through the services and the CLI
a user runs: no change lost, a conflict only where the same field changed,
and a writer killed among others never costs anyone an acknowledged save.

(Lock-step store-level writers and kill -9 at 200 moments of a lone writer
are in test_concurrency.py and test_crash_safety.py.)
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from opsboard.cli import main
from opsboard.model import BoardMeta, Department, Operation, OpKind, Table
from opsboard.services.recovery import restore_backup
from opsboard.services.tasks import add_task, update_task
from opsboard.store import BoardStore, ConflictError

SHARED = [f"s-{n}" for n in range(8)]
FIELDS = ["owner", "notes", "priority", "due"]  # writer k changes only FIELDS[k] of the shared tasks

WORKER = r"""
import json, os, sys, time
from datetime import date, timedelta
from pathlib import Path
from opsboard.services.tasks import add_task, update_task
from opsboard.store import BoardStore, ConflictError

board, k, count, go = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
field = ["owner", "notes", "priority", "due"][k]
shared = [f"s-{n}" for n in range(8)]
store = BoardStore(board, user=f"w{k}")
while not go.exists():  # start together
    time.sleep(0.005)
last, conflicts, added = {}, 0, []
for i in range(count):
    if i % 2 == 0:
        added.append(add_task(store, department="ops", title=f"w{k}-{i}").id)
        continue
    task_id = shared[i % len(shared)]
    current = store.task(task_id)
    value = {"owner": f"w{k}-{i}", "notes": f"note w{k}-{i}", "priority": current.priority % 4 + 1,
             "due": (date(2026, 1, 1) + timedelta(days=i)).isoformat()}[field]
    try:
        update_task(store, task_id, seen=current, **{field: value})
    except ConflictError:
        conflicts += 1
        continue
    last[task_id] = value
print(json.dumps({"conflicts": conflicts, "last": last, "added": added}))
"""


def make_board(path: Path) -> None:
    store = BoardStore.create(
        path, user="ana", meta=BoardMeta(name="Busy shop", year=2026), departments=[Department(id="ops", name="Operations")]
    )
    store.apply(*[Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id=s, after={"department": "ops", "title": s}) for s in SHARED])


def run_writers(board: Path, writers: int, count: int) -> tuple[list[dict], float]:
    go = board.with_name("go")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(board), str(k), str(count), str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for k in range(writers)
    ]
    time.sleep(0.5)  # let the interpreters start, so the timing is of the saves
    start = time.monotonic()
    go.touch()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
        results.append(orjson.loads(out))
    return results, time.monotonic() - start


def check_every_change_kept(board: Path, results: list[dict], count: int) -> None:
    store = BoardStore(board, user="checker")
    writers = len(results)
    assert [r["conflicts"] for r in results] == [0] * writers  # different fields never conflict
    titles = {t.title for t in store.tasks()}
    expected_adds = {f"w{k}-{i}" for k in range(writers) for i in range(0, count, 2)}
    assert expected_adds <= titles
    assert len(store.tasks()) == len(SHARED) + len(expected_adds)
    for k, result in enumerate(results):
        for task_id, value in result["last"].items():
            got = store.task(task_id).model_dump(mode="json")[FIELDS[k]]
            assert got == value, (k, task_id)
    log = [e for e in store.activity() if e.by.startswith("w")]
    assert len(log) == writers * count  # every operation logged once
    assert sorted(e.revision for e in log) == list(range(2, 2 + writers * count))  # one save each, none lost


def test_two_processes_50_operations_each(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    results, _ = run_writers(board, writers=2, count=50)
    check_every_change_kept(board, results, 50)


@pytest.mark.slow
def test_four_processes_250_operations_each(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    results, seconds = run_writers(board, writers=4, count=250)
    check_every_change_kept(board, results, 250)
    print(f"\n4 processes x 250 operations: {seconds:.2f} s ({1000 / seconds:.0f} saves/s)")


def test_the_cli_exits_1_saying_what_conflicted(tmp_path: Path, monkeypatch, capsys) -> None:
    """chen saves the status between our `task set` reading the task and saving it."""
    board = tmp_path / "b.json"
    make_board(board)
    apply = BoardStore.apply

    def chen_first(self, *ops):
        if self.user == "lin":
            chen = BoardStore(board, user="chen")
            apply(chen, Operation(kind=OpKind.SET, table=Table.TASKS, doc_id="s-1", after={"status": "doing"}, before={"status": "todo"}))
        return apply(self, *ops)

    monkeypatch.setattr(BoardStore, "apply", chen_first)
    before_lin = board.read_bytes()
    assert main(["task", "set", str(board), "s-1", "--status", "done", "--user", "lin"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "opsboard: s-1: chen changed status to 'doing' (you saw 'todo', you set 'done'); nothing was saved\n"
    saved = orjson.loads(board.read_bytes())
    assert saved["tasks"]["s-1"]["status"] == "doing"
    assert board.read_bytes() != before_lin  # chen's save is there, ours is not
    assert [e["by"] for e in saved["activity"].values()][-1] == "chen"


def test_a_different_field_saved_meanwhile_is_merged_not_a_conflict(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    lin, chen = BoardStore(board, user="lin"), BoardStore(board, user="chen")
    seen = lin.task("s-2")
    update_task(chen, "s-2", owner="chen")
    update_task(lin, "s-2", seen=seen, due="2026-06-18")
    task = BoardStore(board, user="x").task("s-2")
    assert (task.owner, task.due.isoformat()) == ("chen", "2026-06-18")
    with pytest.raises(ConflictError):
        update_task(lin, "s-2", seen=seen, owner="lin")


def _opsboard() -> str:
    return str(Path(sys.executable).with_name("opsboard"))


@pytest.mark.slow
def test_four_shell_loops_of_task_add_leave_every_task(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    assert subprocess.run([_opsboard(), "init", str(board), "--year", "2026"], capture_output=True).returncode == 0
    loop = 'for i in $(seq 1 15); do "$0" task add "$1" --dept design --title "loop $2 task $i" --user "u$2" || exit 1; done'
    shells = [subprocess.Popen(["bash", "-c", loop, _opsboard(), str(board), str(k)], stdout=subprocess.DEVNULL) for k in range(4)]
    assert [shell.wait(timeout=600) for shell in shells] == [0] * 4
    listed = subprocess.run([_opsboard(), "task", "list", str(board), "--json"], capture_output=True, check=True)
    titles = sorted(task["title"] for task in orjson.loads(listed.stdout))
    assert titles == sorted(f"loop {k} task {i}" for k in range(4) for i in range(1, 16))


KILLABLE = r"""
import sys
from pathlib import Path
from opsboard.services.tasks import add_task
from opsboard.store import BoardStore
store = BoardStore(Path(sys.argv[1]), user=sys.argv[2])
n = 0
print("ready", flush=True)
while True:
    n += 1
    add_task(store, department="ops", title=f"{sys.argv[2]}-{n}")
    print(n, flush=True)  # acknowledged: it is on disk
"""


@pytest.mark.slow
def test_a_writer_killed_among_others_costs_nobody_an_acknowledged_save(tmp_path: Path) -> None:
    board = tmp_path / "b.json"
    make_board(board)
    rng = random.Random(4)
    survivors = [
        subprocess.Popen([sys.executable, "-c", KILLABLE, str(board), name], stdout=subprocess.PIPE) for name in ("keep1", "keep2")
    ]
    acknowledged_by_victims: list[str] = []
    try:
        for survivor in survivors:
            assert survivor.stdout is not None and survivor.stdout.readline() == b"ready\n"
        for round_ in range(20):
            victim = subprocess.Popen([sys.executable, "-c", KILLABLE, str(board), f"victim{round_}"], stdout=subprocess.PIPE)
            assert victim.stdout is not None and victim.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.0, 0.08))
            victim.send_signal(signal.SIGKILL)
            out = victim.stdout.read()
            victim.wait()
            acknowledged_by_victims += [f"victim{round_}-{n.decode()}" for n in out.split()]
            titles = {t.title for t in BoardStore(board, user="checker").tasks()}
            assert set(acknowledged_by_victims) <= titles
    finally:
        for survivor in survivors:
            survivor.send_signal(signal.SIGTERM)
    acknowledged: list[str] = []
    for name, survivor in zip(("keep1", "keep2"), survivors, strict=True):
        out, _ = survivor.communicate()
        acknowledged += [f"{name}-{n.decode()}" for n in out.split()]
    titles = {t.title for t in BoardStore(board, user="checker").tasks()}
    assert set(acknowledged) | set(acknowledged_by_victims) <= titles
    assert len(acknowledged) > 20  # the survivors really saved meanwhile


def test_a_restore_killed_half_way_leaves_the_old_board_or_the_backup(tmp_path: Path) -> None:
    """The swap is one atomic write under the lock: SIGKILL at any moment
    leaves either the file as it was or the backup, never a mix."""
    board = tmp_path / "b.json"
    make_board(board)
    store = BoardStore(board, user="ana")
    add_task(store, department="ops", title="after the backup")
    backup = (tmp_path / "b.json.backups" / "1.json").read_bytes()
    current = board.read_bytes()
    rng = random.Random(9)
    code = "import sys; from opsboard.services.recovery import restore_backup; restore_backup(sys.argv[1], 1)"
    for _ in range(10):
        child = subprocess.Popen([sys.executable, "-c", code, str(board)])
        time.sleep(rng.uniform(0.05, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert board.read_bytes() in (current, backup)
        BoardStore(board, user="checker")  # and it opens
        if board.read_bytes() == backup:
            board.write_bytes(current)  # back to the start for the next round
    restore_backup(board, 1)
    assert board.read_bytes() == backup
    assert os.path.exists(board)
