"""benchmarks/make_board.py --history (issue 17): the board of a team after
five years, made through the services: it opens and validates, holds exactly
the tasks asked for, and has what such a board has — a full activity log (and
its archive), comment threads, a stand-up record for the working days, a plan
with campaigns and years of daily metrics."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from opsboard.store import BoardStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_a_five_year_board(tmp_path: Path) -> None:
    board = tmp_path / "five-years.json"
    maker = [sys.executable, str(ROOT / "benchmarks" / "make_board.py"), "--tasks", "2000", "--done", "1800", "--history", str(board)]
    subprocess.run(maker, check=True, capture_output=True, timeout=300)
    store = BoardStore(board, user="bench")
    assert store.validate_all() == []
    tasks = store.tasks()
    assert len(tasks) == 2000 and sum(task.status.value == "done" for task in tasks) == 1800
    assert 5000 <= len(store.activity()) <= 5500  # full, as the store keeps it
    archived = board.with_name(board.name + ".activity.jsonl").read_bytes().splitlines()
    assert len(archived) > 100 and all(orjson.loads(line)["id"] for line in archived)
    labels = {entry.label for entry in store.activity()}
    assert {"add", "move", "edit", "comment", "note", "finish"} <= labels
    assert sum(1 for task in tasks if task.comments) > 100
    assert len(store.standups()) > 1000  # five years of working days
    plan = store.plan()
    assert plan is not None and plan.campaigns
    years = {metric.date.year for metric in store.actuals()}
    assert len(years) >= 5
