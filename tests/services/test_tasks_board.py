"""What the boards show: columns with old done cards folded, the overview
counts, the filter language, checklist items' task progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.model import Operation, OpKind, Table, Task, TaskStatus
from opsboard.services.checklists import checklist_task_progress
from opsboard.services.errors import InputError
from opsboard.services.task_board import board_columns, department_overview
from opsboard.services.task_filter import TaskFilter, parse_filter
from opsboard.store import BoardStore

TODAY = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    return make_board(tmp_path / "b.json")


def ids(columns) -> dict[str, list[str]]:
    return {c.status.value: [t.id for t in c.tasks] for c in columns}


def test_columns_in_rank_order_with_old_done_folded(store: BoardStore) -> None:
    columns = board_columns(store, "design")
    assert ids(columns) == {"todo": ["t-d1", "t-d2", "t-d3"], "doing": ["t-d4"], "blocked": ["t-d5"], "done": ["t-d7", "t-d8", "t-d9"]}
    # t-d6 (2026-01-10) is past the 14 days and not among the last three finished;
    # t-d9 (2026-01-20) is past them too, but one of the last three
    assert [c.folded for c in columns] == [0, 0, 0, 1]
    assert [c.title for c in columns] == ["To do", "Doing", "Blocked", "Done"]


def test_fold_window_show_folded_and_search_find_old_done_cards(store: BoardStore) -> None:
    assert ids(board_columns(store, "design", fold_days=60))["done"] == ["t-d6", "t-d7", "t-d8", "t-d9"]
    assert ids(board_columns(store, "design", fold_days=1))["done"] == ["t-d7", "t-d8", "t-d9"]  # the last three stay
    assert ids(board_columns(store, "design", show_folded=True))["done"] == ["t-d6", "t-d7", "t-d8", "t-d9"]
    found = board_columns(store, "design", "old banner")
    assert ids(found)["done"] == ["t-d6"] and found[3].folded == 0


def test_a_board_can_set_its_own_fold_window(store: BoardStore) -> None:
    store.apply(Operation(kind=OpKind.SET, table=Table.META, doc_id="meta", after={"done_fold_days": 60}))
    assert ids(board_columns(store, "design"))["done"] == ["t-d6", "t-d7", "t-d8", "t-d9"]


def test_overview_counts_per_department(store: BoardStore) -> None:
    overview = {s.department.id: s for s in department_overview(store)}
    assert list(overview)[:3] == ["design", "marketing", "customer_service"]
    design = overview["design"]
    assert [design.counts[s] for s in TaskStatus] == [3, 1, 1, 4]
    assert (design.open, design.blocked, design.overdue, design.due_today, design.total) == (5, 1, 1, 1, 9)
    marketing = overview["marketing"]
    assert (marketing.open, marketing.blocked, marketing.overdue, marketing.due_today) == (2, 1, 1, 0)
    assert overview["bd"].total == 0
    filtered = {s.department.id: s.total for s in department_overview(store, "owner:mei")}
    assert (filtered["design"], filtered["marketing"]) == (2, 0)


def test_checklist_items_count_their_tasks(store: BoardStore) -> None:
    assert checklist_task_progress(store) == {"launch-b": (0, 1), "promotion-a": (0, 1)}


def task(**fields) -> Task:
    return Task.model_validate({"id": "t-x", "department": "design", "title": "Retouch hero images", **fields})


def test_filter_terms() -> None:
    assert parse_filter("").empty
    chosen = parse_filter('owner:"Mei" tag:#Photos p:P1 due:overdue hero')
    assert chosen == TaskFilter(("hero",), (("owner", ("mei",)), ("due", ("overdue",)), ("priority", (1,)), ("tags", ("photos",))))
    card = task(owner="mei", tags=["photos"], priority=1, due="2026-03-01")
    assert chosen.matches(card, TODAY)
    assert not chosen.matches(card.model_copy(update={"priority": 2}), TODAY)
    assert not chosen.matches(card.model_copy(update={"status": TaskStatus.DONE}), TODAY)  # done is never overdue


@pytest.mark.parametrize(
    ("text", "fields", "expected"),
    [
        ("HERO", {}, True),
        ("hero missing", {}, False),  # every word must appear
        ("samples", {"blocked_reason": "waiting for samples"}, True),
        ("10:00", {"title": "Live at 10:00"}, True),  # not a key: free text
        ("owner:me", {"owner": "mei"}, False),  # owner is the whole name
        ("owner:mei owner:tao", {"owner": "tao"}, True),  # one key twice: either
        ("due:today", {"due": "2026-03-02"}, True),
        ("due:week", {"due": "2026-03-08"}, True),
        ("due:week", {"due": "2026-03-09"}, False),
        ("due:week", {"due": "2026-03-01"}, False),
        ("due:overdue", {}, False),  # no due date
        ("p:2 p:3", {"priority": 3}, True),
    ],
)
def test_filter_matches(text: str, fields: dict, expected: bool) -> None:
    assert parse_filter(text).matches(task(**fields), TODAY) is expected


@pytest.mark.parametrize(("text", "message"), [("due:later", "due:overdue, due:today or due:week"), ("p:5", "p:1 to p:4")])
def test_filter_refuses_bad_values(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_filter(text)


def test_checklists_export_shows_each_items_task_progress(store: BoardStore) -> None:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.tasklists import tasklists_plugin

    from opsboard.services.export import export_view
    from opsboard.services.tasks import add_task, move_task

    done = add_task(store, department="design", title="Retouch the rest", checklist_item="launch-b")
    for reason in (None, "waiting for samples", None):  # to do → doing → blocked → done
        done = move_task(store, done.id, 1, reason=reason)
    assert checklist_task_progress(store) == {"launch-b": (1, 2), "promotion-a": (0, 1)}
    tokens = MarkdownIt("commonmark").use(tasklists_plugin).parse(export_view(store, "checklists"))
    items = [t.content for t in tokens if t.type == "inline" and " — " in t.content]
    with_tasks = {line.split(" — ")[0].strip(): line.rsplit(" · ", 1)[1] for line in items if "tasks" in line}
    assert with_tasks == {
        "B · Shoot and retouch the product photos": "tasks 1/2",
        "A · Run pay-per-click ads within the daily cap": "tasks 0/1",
    }
