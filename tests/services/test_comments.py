"""A task's comment thread: author and time from the store, two people
commenting at once both kept, and the card's history from the activity log."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.services.comments import add_comment, task_history
from opsboard.services.errors import FieldErrors
from opsboard.services.task_board import boards_export
from opsboard.services.tasks import list_tasks, update_task
from opsboard.services.undo import undo_last
from opsboard.store import BoardStore


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return BoardStore(path, user="ana")


def test_a_comment_keeps_author_time_and_text(store: BoardStore) -> None:
    add_comment(store, "t-d1", "  Samples arrive\nFriday  ")
    [comment] = BoardStore(store.path, user="reader").task("t-d1").comments
    assert (comment.by, comment.at.isoformat(), comment.text) == ("ana", NOW, "Samples arrive\nFriday")


@pytest.mark.parametrize(("text", "message"), [("   ", "needs some text"), ("x" * 4001, "at most 4000")])
def test_an_empty_or_huge_comment_is_refused_and_nothing_saved(store: BoardStore, text: str, message: str) -> None:
    revision = store.revision
    with pytest.raises(FieldErrors, match=message):
        add_comment(store, "t-d1", text)
    assert store.revision == revision


def test_two_people_commenting_at_once_both_keep_theirs(store: BoardStore) -> None:
    other = BoardStore(store.path, user="mei")
    store.task("t-d1")  # ana's copy is loaded before mei saves
    add_comment(other, "t-d1", "from mei")
    add_comment(store, "t-d1", "from ana")
    thread = BoardStore(store.path, user="reader").task("t-d1").comments
    assert [(c.by, c.text) for c in thread] == [("mei", "from mei"), ("ana", "from ana")]


def test_comments_are_searchable_undoable_and_in_the_history(store: BoardStore) -> None:
    update_task(store, "t-d1", owner="lin")
    add_comment(store, "t-d1", "Ask the supplier")
    assert [t.id for t in list_tasks(store, filter="supplier")] == ["t-d1"]
    assert [h.text for h in task_history(store, "t-d1")] == [
        "ana assigned 'Retouch hero images' to lin",
        "ana commented on 'Retouch hero images'",
    ]
    assert task_history(store, "t-d1")[-1].by == "ana"
    undo_last(store)
    assert BoardStore(store.path, user="reader").task("t-d1").comments == []


def test_the_boards_export_has_each_thread_escaped(store: BoardStore) -> None:
    add_comment(store, "t-d1", "Use the *new* [logo](http://x)")
    text = boards_export(store)
    assert "### Comments (1)" in text
    assert "- **Retouch hero images** (t-d1)\n  - ana, 2026-03-02 09:30: Use the \\*new\\* \\[logo\\](http://x)" in text
