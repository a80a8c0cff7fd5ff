"""BoardStore.validate_ahead: a table's documents validated a few at a time
ahead of their first use (the app does it in slices while the user reads view
1), giving the same models as validating them all at once, starting again when
the board changes in between, and leaving a refused document to be reported
where the table is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers import add_task, make_board, set_task

from opsboard.model import Table
from opsboard.store import BoardDamagedError, BoardStore

TASKS = 12


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "b.json"
    make_board(path).apply(*(add_task(f"t{n}", f"Task {n}") for n in range(TASKS)))
    return path


def test_slices_until_all_are_validated_then_reads_cost_nothing(board: Path) -> None:
    store = BoardStore(board, user="ana")
    slices = 1
    while not store.validate_ahead(Table.TASKS, 0.0):  # one document a slice at the least
        slices += 1
    assert slices == TASKS
    fresh = BoardStore(board, user="ana")
    assert store.tasks() == fresh.tasks()
    assert store.validate_ahead(Table.TASKS, 0.0)  # nothing left to do


def test_a_save_between_slices_starts_it_again_with_the_saved_value(board: Path) -> None:
    store = BoardStore(board, user="ana")
    for _ in range(3):
        store.validate_ahead(Table.TASKS, 0.0)
    store.apply(set_task("t0", {"title": "Renamed"}, {"title": "Task 0"}))
    while not store.validate_ahead(Table.TASKS, 0.0):
        pass
    assert store.task("t0").title == "Renamed"


def test_a_teammates_save_between_slices_is_what_is_read(board: Path) -> None:
    store = BoardStore(board, user="ana")
    store.validate_ahead(Table.TASKS, 0.0)
    BoardStore(board, user="wang").apply(set_task("t1", {"title": "Theirs"}, {"title": "Task 1"}))
    while not store.validate_ahead(Table.TASKS, 0.0):
        pass
    assert store.task("t1").title == "Theirs"


def test_a_refused_document_is_reported_where_the_tasks_are_read(board: Path) -> None:
    data = json.loads(board.read_text(encoding="utf-8"))
    data["tasks"]["t5"]["status"] = "review"  # hand-edited: no such status
    board.write_text(json.dumps(data), encoding="utf-8")
    store = BoardStore(board, user="ana")
    while not store.validate_ahead(Table.TASKS, 0.0):
        pass
    with pytest.raises(BoardDamagedError, match="t5"):
        store.tasks()
