"""People and the archive of done tasks (issue 16, part 2): renaming a person
renames the owner of their archived tasks too, one undo takes both back, and
the board keeps the archive's done counts per department and per owner."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from store_helpers import add_task, set_task

from opsboard.services import undo
from opsboard.services.activity import describe, describe_change
from opsboard.services.people import add_person, rename_person
from opsboard.store import BoardStore

LATER = "2026-05-02T09:30:00+08:00"  # two months after the frozen clock: past the 30 days


def meta(board: Path) -> dict:
    return orjson.loads(board.read_bytes())["meta"]["meta"]


def archived_owners(board: Path) -> dict[str, str]:
    """Task id → owner, by the archive's last line about each task."""
    where: dict[str, str] = {}
    for line in board.with_name(board.name + ".archive.jsonl").read_bytes().splitlines():
        record = orjson.loads(line)
        if record["kind"] == "moved":
            where[record["id"]] = record["task"]["owner"]
        else:
            where.pop(record["id"], None)
    return where


def done(task_id: str, owner: str, department: str = "design"):
    return add_task(task_id, f"Done {task_id}", status="done", done_at="2026-01-05T10:00:00+08:00", owner=owner, department=department)


@pytest.fixture
def archived(board: Path, store: BoardStore, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    """mei owns two archived tasks (one written 'Mei') and an open one; lin one archived task."""
    add_person(store, "mei", department="design")
    store.apply(done("t-a", "mei"), done("t-b", "Mei", "ops"), done("t-c", "lin"), add_task("t-open", owner="mei"))
    monkeypatch.setenv("OPSBOARD_NOW", LATER)
    store = BoardStore(board, user="ana")
    store.apply(set_task("t-open", {"priority": 2}))  # this save archives the three done tasks
    assert archived_owners(board) == {"t-a": "mei", "t-b": "Mei", "t-c": "lin"}
    return store


def test_the_board_counts_archived_done_tasks_per_department_and_owner(board: Path, archived: BoardStore) -> None:
    assert meta(board)["archived_done_by_department"] == {"design": 2, "ops": 1}
    assert meta(board)["archived_done_by_owner"] == {"mei": 2, "lin": 1}  # case folded, as the roster matches
    undo.undo_last(archived)  # the priority
    undo.undo_last(archived)  # the move: the tasks come back, the counts go
    assert not meta(board).get("archived_done_by_department") and not meta(board).get("archived_done_by_owner")


def test_rename_renames_the_owner_of_archived_tasks_and_one_undo_takes_it_back(board: Path, archived: BoardStore) -> None:
    person, moved = rename_person(archived, "mei", "meilin")
    assert (person.name, moved) == ("meilin", 3)  # the open task and the two archived ones
    # the saved files: the board's task and the archive's lines
    assert orjson.loads(board.read_bytes())["tasks"]["t-open"]["owner"] == "meilin"
    assert archived_owners(board) == {"t-a": "meilin", "t-b": "meilin", "t-c": "lin"}
    assert meta(board)["archived_done_by_owner"] == {"meilin": 2, "lin": 1}
    reader = BoardStore(board, user="chen")
    assert sorted(reader.archived().lines) == ["t-a", "t-b", "t-c"]  # still archived, not brought back
    assert set(orjson.loads(board.read_bytes())["tasks"]) == {"t-open"}
    entry = archived.activity()[-1]
    assert describe(entry, archived) == "ana changed 2 archived tasks"
    assert describe_change(entry) == "owner: mei → meilin (2 archived tasks)"

    result = undo.undo_last(archived)
    assert result.message.startswith("Undid: ")
    assert orjson.loads(board.read_bytes())["tasks"]["t-open"]["owner"] == "mei"
    assert archived_owners(board) == {"t-a": "mei", "t-b": "Mei", "t-c": "lin"}  # each as it was written
    assert meta(board)["archived_done_by_owner"] == {"mei": 2, "lin": 1}
    assert [p.name for p in BoardStore(board, user="chen").people()] == ["mei"]

    undo.redo_last(archived)
    assert archived_owners(board) == {"t-a": "meilin", "t-b": "meilin", "t-c": "lin"}


def test_an_archived_task_brought_back_after_the_rename_keeps_its_new_owner(board: Path, archived: BoardStore) -> None:
    rename_person(archived, "mei", "meilin")
    archived.apply(set_task("t-a", {"title": "Done, checked"}))  # a change brings it back to the board
    assert orjson.loads(board.read_bytes())["tasks"]["t-a"]["owner"] == "meilin"


def test_a_board_without_an_archive_renames_as_before(board: Path, store: BoardStore) -> None:
    add_person(store, "mei")
    store.apply(add_task("t-1", owner="mei"))
    assert rename_person(store, "mei", "meilin")[1] == 1
    assert not board.with_name(board.name + ".archive.jsonl").exists()


def test_a_new_name_with_control_characters_is_saved_clean_in_both_files(board: Path, archived: BoardStore) -> None:
    person, moved = rename_person(archived, "mei", "mei\x1b[31m  lin")
    assert (person.name, moved) == ("mei\ufffd[31m lin", 3)  # what is printed is what is saved
    assert archived_owners(board)["t-a"] == "mei\ufffd[31m lin"
    assert orjson.loads(board.read_bytes())["tasks"]["t-open"]["owner"] == "mei\ufffd[31m lin"
    assert b"\\u001b" not in board.with_name(board.name + ".archive.jsonl").read_bytes()


def test_undo_of_a_rename_restores_an_archived_task_a_teammate_brought_back_since(board: Path, archived: BoardStore) -> None:
    """The task back on the board is no longer in the archive: the undo gives it
    its owner back there, as it does the tasks still archived."""
    rename_person(archived, "mei", "meilin")
    chen = BoardStore(board, user="chen")
    chen.apply(set_task("t-a", {"title": "Done, checked"}))  # brings it back to the board
    assert set(orjson.loads(board.read_bytes())["tasks"]) == {"t-open", "t-a"}

    result = undo.undo_last(archived)
    assert result.message.startswith("Undid: ")
    tasks = orjson.loads(board.read_bytes())["tasks"]
    assert (tasks["t-a"]["owner"], tasks["t-a"]["title"]) == ("mei", "Done, checked")  # chen's title kept
    assert tasks["t-open"]["owner"] == "mei"
    assert archived_owners(board) == {"t-b": "Mei", "t-c": "lin"}  # t-a is the board's now
    assert meta(board)["archived_done_by_owner"] == {"mei": 1, "lin": 1}
    assert [p.name for p in BoardStore(board, user="chen").people()] == ["mei"]

    undo.redo_last(archived)
    assert orjson.loads(board.read_bytes())["tasks"]["t-a"]["owner"] == "meilin"
    assert archived_owners(board) == {"t-b": "meilin", "t-c": "lin"}


def test_undo_of_a_rename_says_so_when_a_teammate_gave_the_task_brought_back_another_owner(board: Path, archived: BoardStore) -> None:
    rename_person(archived, "mei", "meilin")
    BoardStore(board, user="chen").apply(set_task("t-a", {"owner": "lin"}))
    with pytest.raises(undo.UndoRefused, match=r"^not undone: chen assigned 'Done t-a' to lin after your change"):
        undo.undo_last(archived)
    assert orjson.loads(board.read_bytes())["tasks"]["t-a"]["owner"] == "lin"  # nothing changed
    assert archived_owners(board) == {"t-b": "meilin", "t-c": "lin"}
