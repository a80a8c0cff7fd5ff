"""The roster: adding, renaming (tasks follow, one save, one undo), the
per-person load, and `owner:me`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from boards_fixture import NOW, make_board

from opsboard.services.errors import InputError
from opsboard.services.people import add_person, find_person, owner_names, people_load, rename_person
from opsboard.services.task_filter import parse_filter
from opsboard.services.tasks import list_tasks
from opsboard.services.undo import undo_last
from opsboard.store import BoardStore


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", NOW)
    path = tmp_path / "b.json"
    make_board(path)
    return BoardStore(path, user="ana")


def test_a_board_without_a_roster_has_no_one(store: BoardStore) -> None:
    assert store.raw("people") == {} and store.people() == []
    assert store.validate_all() == []


def test_add_keeps_name_display_and_department(store: BoardStore) -> None:
    add_person(store, "mei", display_name="Mei  Lin", department="Design")
    again = BoardStore(store.path, user="reader")
    [mei] = again.people()
    assert (mei.name, mei.display_name, mei.department) == ("mei", "Mei Lin", "design")
    assert find_person(again, "mei lin") == mei
    assert owner_names(again) == ["mei"]


@pytest.mark.parametrize(
    ("name", "dept", "message"),
    [("MEI", None, "'mei' is already on the roster"), ("  ", None, "a person needs a name"), ("li", "nowhere", "unknown department")],
)
def test_add_refuses_bad_input_and_saves_nothing(store: BoardStore, name: str, dept: str | None, message: str) -> None:
    add_person(store, "mei")
    revision = store.revision
    with pytest.raises(InputError, match=message):
        add_person(store, name, department=dept)
    assert store.revision == revision and [p.name for p in store.people()] == ["mei"]


def test_rename_moves_their_tasks_in_one_save_and_one_undo(store: BoardStore) -> None:
    add_person(store, "mei", display_name="Mei Lin")
    mine = {t.id for t in store.tasks() if t.owner == "mei"}
    assert mine
    revision = store.revision
    person, moved = rename_person(store, "Mei Lin", "meilin")
    assert (person.name, moved) == ("meilin", len(mine))
    assert store.revision == revision + 1  # one save
    again = BoardStore(store.path, user="reader")
    assert {t.id for t in again.tasks() if t.owner == "meilin"} == mine
    assert not [t for t in again.tasks() if t.owner == "mei"]
    undo_last(store)
    again = BoardStore(store.path, user="reader")
    assert {t.id for t in again.tasks() if t.owner == "mei"} == mine and [p.name for p in again.people()] == ["mei"]


def test_rename_refuses_an_unknown_or_taken_name(store: BoardStore) -> None:
    add_person(store, "mei")
    add_person(store, "tao")
    with pytest.raises(InputError, match="no one called 'ghost'"):
        rename_person(store, "ghost", "x")
    with pytest.raises(InputError, match="'tao' is already on the roster"):
        rename_person(store, "mei", "Tao")


def test_people_load_counts_open_overdue_and_due_today(store: BoardStore) -> None:
    add_person(store, "mei")
    add_person(store, "nobody")
    day = date(2026, 3, 2)
    loads = {load.person.name: load for load in people_load(store.people(), store.tasks(), day)}
    tasks = [t for t in store.tasks() if t.owner.casefold() == "mei"]
    assert loads["mei"].open == sum(1 for t in tasks if t.status.value != "done")
    assert loads["mei"].overdue == sum(1 for t in tasks if t.is_overdue(day)) > 0
    assert (loads["nobody"].open, loads["nobody"].overdue) == (0, 0)


def test_owner_me_is_the_current_user(store: BoardStore) -> None:
    as_mei = BoardStore(store.path, user="mei")
    assert {t.id for t in list_tasks(as_mei, filter="owner:me")} == {t.id for t in store.tasks() if t.owner == "mei"}
    assert parse_filter("owner:me").values("owner") == ("me",)  # no user known: a person called "me"
    assert parse_filter("owner:ME", me="Tao").values("owner") == ("tao",)
