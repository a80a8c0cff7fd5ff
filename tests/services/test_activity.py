"""The activity log in words: the live-refresh notice and the activity view."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.services import activity
from opsboard.services.board_files import init_board
from opsboard.services.checklists import edit_item, skip_item, toggle_item
from opsboard.services.tasks import add_task, delete_task, move_task, update_task
from opsboard.store import BoardStore


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-01T09:30:00+08:00")
    path = tmp_path / "b.json"
    init_board(path, user="ana", name="Spring shop", year=2026)
    return path


def words(store: BoardStore, since: int = 0) -> list[str]:
    return [activity.describe(e, store) for e in activity.entries_since(store, since)]


def test_task_changes_are_worded_with_who_and_the_title(board: Path) -> None:
    lin = BoardStore(board, user="lin")
    said: list[str] = []

    def change(action, *args, **kwargs) -> None:
        # worded right after the save, as the live notice does
        seen = lin.revision
        action(lin, *args, **kwargs)
        said.extend(words(lin, seen))

    change(add_task, department="marketing", title="Book 618 ad slots")
    task_id = lin.tasks()[0].id
    change(move_task, task_id, 1)  # To do → Doing
    change(move_task, task_id, 1, reason="waiting for the budget")  # Doing → Blocked
    change(update_task, task_id, owner="chen")
    change(update_task, task_id, owner="")
    change(update_task, task_id, due="2026-06-10")
    change(update_task, task_id, priority="P1")
    change(update_task, task_id, title="Book 618 and 11.11 ad slots")
    change(update_task, task_id, notes="ask BD", tags="618")
    change(delete_task, task_id)
    assert said == [
        "lin added 'Book 618 ad slots' to Marketing",
        "lin moved 'Book 618 ad slots' to Doing",
        "lin moved 'Book 618 ad slots' to Blocked",
        "lin assigned 'Book 618 ad slots' to chen",
        "lin unassigned 'Book 618 ad slots'",
        "lin set 'Book 618 ad slots' due 2026-06-10",
        "lin set 'Book 618 ad slots' to P1",
        "lin renamed 'Book 618 ad slots' to 'Book 618 and 11.11 ad slots'",
        "lin edited 'Book 618 and 11.11 ad slots' (notes, tags)",
        "lin deleted 'Book 618 and 11.11 ad slots' from Marketing",
    ]
    # later, even after the delete, an old entry names the card as it was last known
    assert words(lin)[-9] == "lin moved 'Book 618 and 11.11 ad slots' to Doing"


def test_checklist_changes_name_the_item_by_code_and_title(board: Path) -> None:
    chen = BoardStore(board, user="chen")
    toggle_item(chen, "launch-b")
    toggle_item(chen, "launch-b")
    skip_item(chen, "promotion-e")
    edit_item(chen, "launch-a", owner="mei", notes="dark theme")
    assert words(chen) == [
        "chen marked 'B · Shoot and retouch the product photos' done",
        "chen reopened 'B · Shoot and retouch the product photos'",
        "chen marked 'E · " + chen.item("promotion-e").title + "' not applicable",
        "chen edited 'A · Design the store home page' (owner, notes)",
    ]


def test_entries_since_reads_only_newer_revisions_and_in_order(board: Path) -> None:
    store = BoardStore(board, user="lin")
    a = add_task(store, department="design", title="One")
    b = add_task(store, department="design", title="Two")
    move_task(store, a.id, 1)
    assert [e.revision for e in activity.entries_since(store, 1)] == [2, 3]
    assert [e.doc_id for e in activity.entries_since(store, 1)] == [b.id, a.id]
    assert activity.entries_since(store, 3) == []
    assert activity.newest_revision_logged(store) == 3


def test_change_notice_keeps_the_latest_three_and_counts_the_rest(board: Path) -> None:
    store = BoardStore(board, user="lin")
    for n in range(5):
        add_task(store, department="design", title=f"Card {n}")
    notice = activity.change_notice(activity.entries_since(store, 0), store)
    assert notice.splitlines() == [
        "5 changes, the latest:",
        "lin added 'Card 2' to Design",
        "lin added 'Card 3' to Design",
        "lin added 'Card 4' to Design",
    ]
    one = activity.change_notice(activity.entries_since(store, 4), store)
    assert one == "lin added 'Card 4' to Design"


def test_describe_change_shows_before_and_after_in_the_products_words(board: Path) -> None:
    store = BoardStore(board, user="lin")
    task = add_task(store, department="design", title="Retouch hero images", owner="mei")
    move_task(store, task.id, 1)
    update_task(store, task.id, owner="", priority=1)
    move_task(store, task.id, 1, reason="waiting for the samples")
    rows = activity.activity_rows(store)
    assert [r.change for r in rows[:4]] == [
        "status: Doing → Blocked; blocked_reason: — → waiting for the samples",  # the status first
        "owner: mei → —; priority: P3 → P1",
        "status: To do → Doing",
        "new",
    ]


def test_activity_rows_filter_by_person_and_department(board: Path) -> None:
    lin = BoardStore(board, user="lin")
    chen = BoardStore(board, user="chen")
    add_task(lin, department="design", title="Photos")
    add_task(chen, department="marketing", title="Ads")
    toggle_item(chen, "launch-b")  # a Design checklist item
    add_task(lin, department="marketing", title="Coupons")
    lin.refresh()
    assert [r.text for r in activity.activity_rows(lin)] == [
        "lin added 'Coupons' to Marketing",
        "chen marked 'B · Shoot and retouch the product photos' done",
        "chen added 'Ads' to Marketing",
        "lin added 'Photos' to Design",
    ]
    assert [r.text for r in activity.activity_rows(lin, person="chen")] == [
        "chen marked 'B · Shoot and retouch the product photos' done",
        "chen added 'Ads' to Marketing",
    ]
    assert [r.text for r in activity.activity_rows(lin, department="design")] == [
        "chen marked 'B · Shoot and retouch the product photos' done",
        "lin added 'Photos' to Design",
    ]
    assert [r.text for r in activity.activity_rows(lin, person="lin", department="marketing")] == ["lin added 'Coupons' to Marketing"]
    assert activity.people(lin) == ["chen", "lin"]
    assert len(activity.activity_rows(lin, limit=2)) == 2


def test_user_text_in_a_title_is_kept_literally(board: Path) -> None:
    store = BoardStore(board, user="lin")
    add_task(store, department="design", title="[/] [link=x]50% off[/link]")
    assert words(store) == ["lin added '[/] [link=x]50% off[/link]' to Design"]
