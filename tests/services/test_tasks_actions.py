"""Task actions: each one saved as one operation, read back from the file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.model import Operation, OpKind, Table, TaskStatus
from opsboard.services.errors import FieldErrors, InputError
from opsboard.services.tasks import (
    add_task,
    delete_task,
    edit_task,
    list_tasks,
    move_task,
    parse_status,
    parse_tags,
    reorder_task,
    update_task,
)
from opsboard.store import BoardStore, ConflictError


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    return make_board(tmp_path / "b.json")


def reopen(store: BoardStore) -> BoardStore:
    return BoardStore(store.path, user="someone")


def column(store: BoardStore, department: str, status: str) -> list[str]:
    return [t.id for t in list_tasks(store, dept=department, status=status)]


def test_add_task_saves_a_card_in_to_do_by_priority(store: BoardStore) -> None:
    task = add_task(
        store,
        department="Design",
        title="  Retouch   banner ",
        owner="lin",
        due="2026-03-05",
        priority="P2",
        tags="photos, #618, photos",
        checklist_item="launch-b",
    )
    saved = reopen(store).task(task.id)
    assert (saved.department, saved.title, saved.status, saved.owner) == ("design", "Retouch banner", TaskStatus.TODO, "lin")
    assert (saved.due, saved.priority, saved.tags, saved.checklist_item) == (date(2026, 3, 5), 2, ["photos", "618"], "launch-b")
    assert saved.created_by == "ana" and saved.created_at == datetime.fromisoformat(NOW)
    assert column(reopen(store), "design", "todo") == ["t-d1", "t-d2", task.id, "t-d3"]  # a P2: above the P3
    assert 2.0 < saved.rank < 3.0
    assert reopen(store).activity()[-1].label == "add"


def test_add_task_names_every_bad_field_and_saves_nothing(store: BoardStore) -> None:
    revision = store.revision
    with pytest.raises(FieldErrors) as caught:
        add_task(store, department="Desgin", title=" ", due="2026-02-30", priority="P7", checklist_item="nope")
    errors = caught.value.errors
    assert set(errors) == {"department", "title", "due", "priority", "checklist_item"}
    assert errors["department"].startswith("unknown department 'Desgin' (valid: Design, Marketing,")
    assert "YYYY-MM-DD" in errors["due"]
    assert "1-4 or P1-P4" in errors["priority"]
    assert reopen(store).revision == revision


def test_move_through_the_columns_sets_and_clears_blocked_and_done(store: BoardStore) -> None:
    task = move_task(store, "t-d3", 1)
    assert task.status is TaskStatus.DOING
    assert column(store, "design", "doing") == ["t-d3", "t-d4"]  # a moved card goes on top

    with pytest.raises(FieldErrors) as caught:
        move_task(store, "t-d3", 1)
    assert set(caught.value.errors) == {"reason"}
    assert reopen(store).task("t-d3").status is TaskStatus.DOING

    blocked = move_task(store, "t-d3", 1, reason="  waiting for   photos ")
    saved = reopen(store).task("t-d3")
    assert (saved.status, saved.blocked_reason) == (TaskStatus.BLOCKED, "waiting for photos")
    assert saved.blocked_since == datetime.fromisoformat(NOW)
    assert reopen(store).activity()[-1].label == "block"

    done = move_task(store, "t-d3", 1, seen=blocked)
    saved = reopen(store).task("t-d3")
    assert (saved.status, saved.blocked_reason, saved.blocked_since) == (TaskStatus.DONE, "", None)
    assert saved.done_at == datetime.fromisoformat(NOW)

    assert move_task(store, "t-d3", 1, seen=done).status is TaskStatus.DONE  # the last column: stays
    back = move_task(store, "t-d3", -1, reason="still no photos", seen=done)
    assert back.status is TaskStatus.BLOCKED and back.done_at is None


def test_a_reason_without_blocked_is_refused(store: BoardStore) -> None:
    with pytest.raises(FieldErrors) as caught:
        update_task(store, "t-d1", reason="because")
    assert "only a blocked task has a reason" in caught.value.errors["reason"]
    changed = update_task(store, "t-d5", reason="samples lost in transit")  # a blocked card: new reason
    assert reopen(store).task("t-d5").blocked_reason == "samples lost in transit"
    assert changed.status is TaskStatus.BLOCKED


def test_change_records_what_the_user_saw_and_catches_a_conflict(store: BoardStore) -> None:
    seen = store.task("t-d1")
    other = BoardStore(store.path, user="lin")
    edit_task(other, "t-d1", owner="lin")
    with pytest.raises(ConflictError):
        edit_task(store, "t-d1", owner="tao", seen=seen)
    assert reopen(store).task("t-d1").owner == "lin"
    entry = reopen(store).activity()[-1]
    assert (entry.by, entry.before, entry.after) == ("lin", {"owner": "mei"}, {"owner": "lin"})


def test_edit_changes_only_what_differs(store: BoardStore) -> None:
    revision = store.revision
    task = store.task("t-d1")
    edit_task(store, "t-d1", title=task.title, owner="mei", due="2026-03-01", priority="1", tags="photos", notes="")
    assert reopen(store).revision == revision  # nothing changed, nothing saved
    edit_task(store, "t-d1", due="", department="marketing", notes="hero shots first")
    saved = reopen(store).task("t-d1")
    assert (saved.due, saved.department, saved.notes) == (None, "marketing", "hero shots first")
    assert column(store, "marketing", "todo") == ["t-d1"]


def test_reorder_within_a_column_and_past_hidden_cards(store: BoardStore) -> None:
    reorder_task(store, "t-d1", 1)
    assert column(reopen(store), "design", "todo") == ["t-d2", "t-d1", "t-d3"]
    reorder_task(store, "t-d3", -1)
    assert column(reopen(store), "design", "todo") == ["t-d2", "t-d3", "t-d1"]
    assert reorder_task(store, "t-d2", -1).id == "t-d2"  # already on top: unchanged
    assert column(reopen(store), "design", "todo") == ["t-d2", "t-d3", "t-d1"]
    # a filter shows only t-d2 and t-d1: moving t-d1 up passes t-d2 (and hidden t-d3)
    reorder_task(store, "t-d1", -1, among=["t-d2", "t-d1"])
    assert column(reopen(store), "design", "todo") == ["t-d1", "t-d2", "t-d3"]


def test_reorder_renumbers_a_column_whose_ranks_tie(store: BoardStore) -> None:
    store.apply(*[Operation(kind=OpKind.SET, table=Table.TASKS, doc_id=i, after={"rank": 0.0}) for i in ("t-d1", "t-d2", "t-d3")])
    before = column(store, "design", "todo")  # ties: by age, then id
    assert before == ["t-d1", "t-d2", "t-d3"]
    reorder_task(store, "t-d3", -1)
    assert column(reopen(store), "design", "todo") == ["t-d1", "t-d3", "t-d2"]


def test_delete_removes_the_card_and_says_an_unknown_id(store: BoardStore) -> None:
    deleted = delete_task(store, "t-d3")
    assert deleted.title == "Detail page layout"
    assert "t-d3" not in {t.id for t in reopen(store).tasks()}
    with pytest.raises(InputError, match="no task with id 't-d3'"):
        delete_task(store, "t-d3")


def test_list_tasks_by_department_status_and_filter(store: BoardStore) -> None:
    assert [t.id for t in list_tasks(store, status="Blocked")] == ["t-d5", "t-m2"]
    assert [t.id for t in list_tasks(store, dept="customer service")] == ["t-c1"]
    assert [t.id for t in list_tasks(store, filter="owner:mei")] == ["t-d1", "t-d5"]
    assert [t.id for t in list_tasks(store, filter="due:overdue")] == ["t-d1", "t-m1"]
    with pytest.raises(InputError, match=r"unknown status 'later' \(valid: todo, doing, blocked, done\)"):
        list_tasks(store, status="later")


def test_parse_status_and_tags() -> None:
    assert parse_status("To Do") is TaskStatus.TODO
    assert parse_status("DONE") is TaskStatus.DONE
    assert parse_tags("a, #b  c,a") == ["a", "b", "c"]
