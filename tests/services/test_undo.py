"""Undo/redo of the user's own changes, read from the activity log in the file."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from opsboard.model import Operation, OpKind, Table, TaskStatus
from opsboard.services import undo
from opsboard.services.board_files import init_board
from opsboard.services.checklists import toggle_item
from opsboard.services.tasks import add_task, delete_task, move_task, update_task
from opsboard.services.undo import UndoRefused, history, redo_last, undo_last
from opsboard.store import BoardStore


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-01T09:30:00+08:00")
    path = tmp_path / "b.json"
    init_board(path, user="ana", name="Spring shop", year=2026)
    return path


@pytest.fixture
def lin(board: Path) -> BoardStore:
    return BoardStore(board, user="lin")


@pytest.fixture
def chen(board: Path) -> BoardStore:
    return BoardStore(board, user="chen")


def on_disk(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


def test_undo_sets_the_field_back_and_redo_sets_it_again(lin: BoardStore) -> None:
    task = add_task(lin, department="marketing", title="Book 618 ad slots")
    [moved] = lin.apply(
        Operation(
            kind=OpKind.SET,
            table=Table.TASKS,
            doc_id=task.id,
            after={"status": "blocked", "blocked_reason": "budget"},
            before={"status": "todo", "blocked_reason": ""},
            label="move",
        )
    )
    result = undo_last(lin)
    assert result.message == "Undid: lin moved 'Book 618 ad slots' to Blocked"
    assert (lin.task(task.id).status, lin.task(task.id).blocked_reason) == (TaskStatus.TODO, "")
    [entry] = result.entries
    assert (entry.undoes, entry.label, entry.by) == (moved.id, "undo", "lin")
    assert entry.after == {"status": "todo", "blocked_reason": ""}

    again = redo_last(lin)
    assert again.message == "Redid: lin moved 'Book 618 ad slots' to Blocked"  # the change redone, as it was made
    assert (lin.task(task.id).status, lin.task(task.id).blocked_reason) == (TaskStatus.BLOCKED, "budget")
    assert again.entries[0].undoes == entry.id
    assert again.entries[0].label == "redo"


def test_undo_walks_back_through_the_users_changes_and_redo_forward(lin: BoardStore) -> None:
    task = add_task(lin, department="design", title="Retouch hero images")
    update_task(lin, task.id, owner="mei")
    update_task(lin, task.id, priority=1)
    undo_last(lin)
    assert (lin.task(task.id).owner, lin.task(task.id).priority) == ("mei", 3)
    undo_last(lin)
    assert (lin.task(task.id).owner, lin.task(task.id).priority) == ("", 3)
    undo_last(lin)  # the add itself: the card goes
    assert [t.id for t in lin.tasks()] == []
    with pytest.raises(UndoRefused, match="nothing of yours to undo"):
        undo_last(lin)
    redo_last(lin)
    assert lin.task(task.id).title == "Retouch hero images"
    redo_last(lin)
    redo_last(lin)
    assert (lin.task(task.id).owner, lin.task(task.id).priority) == ("mei", 1)
    with pytest.raises(UndoRefused, match="nothing to redo"):
        redo_last(lin)


def test_a_new_change_after_an_undo_empties_the_redo_stack(lin: BoardStore) -> None:
    task = add_task(lin, department="design", title="Banner")
    update_task(lin, task.id, owner="mei")
    undo_last(lin)
    assert len(history(lin).redo) == 1
    update_task(lin, task.id, due="2026-07-01")
    assert history(lin).redo == []
    with pytest.raises(UndoRefused, match="nothing to redo"):
        redo_last(lin)


def test_undo_of_a_delete_brings_the_whole_card_back(lin: BoardStore) -> None:
    task = add_task(lin, department="design", title="Banner", owner="mei", tags="618, hero", due="2026-06-05")
    delete_task(lin, task.id)
    undo_last(lin)
    back = lin.task(task.id)
    assert (back.title, back.owner, back.tags, back.due.isoformat(), back.department) == (
        "Banner",
        "mei",
        ["618", "hero"],
        "2026-06-05",
        "design",
    )


def test_undo_takes_the_users_own_change_not_a_newer_one_by_someone_else(lin: BoardStore, chen: BoardStore) -> None:
    mine = add_task(lin, department="design", title="Photos")
    theirs = add_task(chen, department="marketing", title="Ads")
    update_task(lin, mine.id, owner="mei")
    update_task(chen, theirs.id, owner="zoe")
    result = undo_last(lin)
    assert result.message == "Undid: lin assigned 'Photos' to mei"
    assert lin.task(mine.id).owner == ""
    assert lin.task(theirs.id).owner == "zoe"


def test_undo_stops_and_names_who_changed_the_same_field_since(board: Path, lin: BoardStore, chen: BoardStore) -> None:
    task = add_task(lin, department="marketing", title="Book 618 ad slots")
    move_task(lin, task.id, 1)  # lin: To do → Doing
    chen.refresh()
    move_task(chen, task.id, 1, reason="no budget yet")  # chen: Doing → Blocked
    revision = on_disk(board)["meta"]["meta"]["revision"]
    with pytest.raises(UndoRefused) as refused:
        undo_last(lin)
    assert str(refused.value) == (
        "not undone: chen moved 'Book 618 ad slots' to Blocked after your change (lin moved 'Book 618 ad slots' to Doing)"
        " — the next undo goes on with your earlier changes"
    )
    assert on_disk(board)["meta"]["meta"]["revision"] == revision  # nothing saved
    assert lin.task(task.id).status is TaskStatus.BLOCKED


def test_undo_keeps_someone_elses_change_to_another_field(lin: BoardStore, chen: BoardStore) -> None:
    task = add_task(lin, department="design", title="Photos")
    update_task(lin, task.id, owner="mei")
    chen.refresh()
    update_task(chen, task.id, due="2026-06-20")
    undo_last(lin)
    lin.refresh()
    assert (lin.task(task.id).owner, lin.task(task.id).due.isoformat()) == ("", "2026-06-20")


def test_undo_of_an_add_stops_when_someone_else_changed_the_card(lin: BoardStore, chen: BoardStore) -> None:
    task = add_task(lin, department="design", title="Photos")
    chen.refresh()
    update_task(chen, task.id, owner="zoe")
    with pytest.raises(UndoRefused, match="^not undone: chen assigned 'Photos' to zoe after your change"):
        undo_last(lin)
    assert lin.task(task.id).owner == "zoe"


def test_a_change_that_slips_past_the_log_check_is_a_conflict_not_an_overwrite(
    lin: BoardStore, chen: BoardStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = add_task(lin, department="design", title="Photos")
    update_task(lin, task.id, owner="mei")
    chen.refresh()
    update_task(chen, task.id, owner="zoe")
    # as if chen saved between the log check and the save
    monkeypatch.setattr(undo, "_changed_since_by_others", lambda store, group: None)
    with pytest.raises(UndoRefused, match="^not undone: chen changed owner of 'Photos' to zoe after your change — the next undo"):
        undo_last(lin)
    assert lin.task(task.id).owner == "zoe"


def test_an_import_is_not_undone(lin: BoardStore) -> None:
    docs = [{"id": "2026-05-01|", "date": "2026-05-01", "pv": 100, "uv": 50, "orders": 2, "revenue": 400}]
    lin.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs, summary="imported 1 day of metrics"))
    with pytest.raises(UndoRefused, match="cannot undo your last change \\(lin imported 1 day of metrics\\)"):
        undo_last(lin)
    assert len(lin.actuals()) == 1


def test_undo_and_redo_survive_a_restart(board: Path) -> None:
    first = BoardStore(board, user="lin")
    toggle_item(first, "launch-b")
    del first
    second = BoardStore(board, user="lin")  # a new session on the same file
    assert undo_last(second).message == "Undid: lin marked 'B · Shoot and retouch the product photos' done"
    third = BoardStore(board, user="lin")
    assert third.item("launch-b").status.value == "open"
    redo_last(third)
    assert BoardStore(board, user="lin").item("launch-b").status.value == "done"


def test_a_save_of_several_entries_is_undone_as_one(lin: BoardStore) -> None:
    a = add_task(lin, department="design", title="A")
    b = add_task(lin, department="design", title="B")
    lin.apply(
        Operation(kind=OpKind.SET, table=Table.TASKS, doc_id=a.id, after={"owner": "mei"}, before={"owner": ""}),
        Operation(kind=OpKind.SET, table=Table.TASKS, doc_id=b.id, after={"owner": "zoe"}, before={"owner": ""}),
    )
    assert len(history(lin).undo[-1]) == 2
    result = undo_last(lin)
    assert result.message == "Undid: lin assigned 'A' to mei (and 1 more)"
    assert [(t.title, t.owner) for t in sorted(lin.tasks(), key=lambda t: t.title)] == [("A", ""), ("B", "")]
    assert {e.revision for e in result.entries} == {lin.revision}
    redo_last(lin)
    assert [(t.title, t.owner) for t in sorted(lin.tasks(), key=lambda t: t.title)] == [("A", "mei"), ("B", "zoe")]


def test_another_users_undo_stack_is_their_own(lin: BoardStore, chen: BoardStore) -> None:
    task = add_task(lin, department="design", title="Photos")
    chen.refresh()
    with pytest.raises(UndoRefused, match="nothing of yours to undo"):
        undo_last(chen)
    assert lin.task(task.id).title == "Photos"


# -- issue 11, case 7: across the archive, and after a refusal -------------------
def test_an_undone_change_moved_to_the_archive_is_not_applied_again(board: Path, lin: BoardStore, chen: BoardStore, monkeypatch) -> None:
    from opsboard.store import board_store as board_store_module

    monkeypatch.setattr(board_store_module, "ACTIVITY_CAP", 5)
    monkeypatch.setattr(board_store_module, "ACTIVITY_TRIM", 1)
    task = add_task(lin, department="design", title="Banner")
    update_task(lin, task.id, owner="mei")
    assert undo_last(lin).message == "Undid: lin assigned 'Banner' to mei"
    for title in ("A", "B", "C", "D"):
        add_task(chen, department="design", title=title)
    archived = [orjson.loads(line) for line in board.with_name("b.json.activity.jsonl").read_bytes().splitlines()]
    assert [entry["label"] for entry in archived][:2] == ["add", "edit"]  # the change left the board, its undo did not
    assert all(entry["undoes"] is None for entry in archived)
    result = undo_last(lin)  # the add before it, not the owner change again
    assert result.message == "Undid: lin added 'Banner' to Design"
    assert task.id not in on_disk(board)["tasks"]
    assert redo_last(lin).message.startswith("Redid: ")
    assert on_disk(board)["tasks"][task.id]["owner"] == ""


def test_a_refused_undo_is_said_once_and_the_next_undo_goes_on_with_earlier_changes(board: Path, lin: BoardStore, chen: BoardStore) -> None:
    first = add_task(chen, department="design", title="Banner")
    second = add_task(chen, department="design", title="Photos")
    update_task(lin, first.id, title="Banner v2")
    update_task(lin, second.id, owner="mei")
    update_task(chen, second.id, owner="chen")  # chen overrides lin's last change
    with pytest.raises(UndoRefused, match="chen assigned 'Photos' to chen after your change") as refused:
        undo_last(lin)
    assert "the next undo goes on with your earlier changes" in str(refused.value)
    assert undo_last(lin).message.startswith("Undid: lin ")
    assert on_disk(board)["tasks"][first.id]["title"] == "Banner"
    assert on_disk(board)["tasks"][second.id]["owner"] == "chen"
    assert redo_last(lin).message.startswith("Redid: ")
    assert on_disk(board)["tasks"][first.id]["title"] == "Banner v2"
