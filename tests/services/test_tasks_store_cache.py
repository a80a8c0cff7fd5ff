"""What keeps the boards instant at 10,000 tasks: after a change the store
validates only the tasks that changed and hands out the same objects for the
others; clean text passes the model's text check without the slow path."""

from __future__ import annotations

from pathlib import Path

import pytest
from boards_fixture import NOW, make_board
from hypothesis import given
from hypothesis import strategies as st

from opsboard.model.cleaning import _CONTROL, REPLACEMENT, clean_line, clean_text
from opsboard.services.tasks import add_task, delete_task, edit_task, move_task
from opsboard.store import BoardStore


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    return make_board(tmp_path / "b.json")


def by_id(store: BoardStore) -> dict:
    return {t.id: t for t in store.tasks()}


def test_our_change_revalidates_only_the_changed_task(store: BoardStore) -> None:
    before = by_id(store)
    move_task(store, "t-d1", 1)
    after = by_id(store)
    assert after["t-d1"] is not before["t-d1"] and after["t-d1"].status.value == "doing"
    assert all(after[i] is before[i] for i in before if i != "t-d1")
    assert list(after) == list(before)  # board order kept


def test_added_and_deleted_tasks_show_at_once(store: BoardStore) -> None:
    before = by_id(store)
    new = add_task(store, department="design", title="Brand new")
    delete_task(store, "t-d3")
    after = by_id(store)
    assert set(after) == set(before) - {"t-d3"} | {new.id}
    assert after[new.id].title == "Brand new" and after["t-d1"] is before["t-d1"]


def test_another_processs_save_reuses_the_unchanged_tasks(store: BoardStore) -> None:
    before = by_id(store)
    edit_task(BoardStore(store.path, user="lin"), "t-d2", owner="lin")
    assert store.refresh()
    after = by_id(store)
    assert after["t-d2"].owner == "lin" and after["t-d2"] is not before["t-d2"]
    assert all(after[i] is before[i] for i in before if i != "t-d2")


def test_a_save_after_another_processs_save_sees_both(store: BoardStore) -> None:
    by_id(store)  # cached
    edit_task(BoardStore(store.path, user="lin"), "t-d2", owner="lin")
    edit_task(store, "t-d1", owner="tao")  # reloads the file first, then saves
    after = by_id(store)
    assert (after["t-d1"].owner, after["t-d2"].owner) == ("tao", "lin")
    fresh = by_id(BoardStore(store.path, user="x"))
    assert {i: t.model_dump() for i, t in after.items()} == {i: t.model_dump() for i, t in fresh.items()}


def slow_clean_line(value: str) -> str:
    return " ".join(_CONTROL.sub(REPLACEMENT, value.replace("\r\n", "\n")).split())


@given(st.text())
def test_clean_line_fast_path_changes_nothing(value: str) -> None:
    assert clean_line(value) == slow_clean_line(value)
    assert clean_text(value) == _CONTROL.sub(REPLACEMENT, value.replace("\r\n", "\n"))


@pytest.mark.parametrize("value", ["a  b", " a", "a ", "a\tb", "a\x1bb", "a\u00a0b", "a\u2028b", "line\r\nnext"])
def test_clean_line_slow_path_still_cleans(value: str) -> None:
    assert clean_line(value) == slow_clean_line(value)
