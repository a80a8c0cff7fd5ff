"""Issue 18 case 17: the activity log's words for plan and stand-up changes
read as a lead says them, never as Python's dicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.services.activity import activity_rows
from opsboard.services.board_files import init_board
from opsboard.services.standup_record import add_note, start_standup
from opsboard.services.target_plan import set_assumptions, set_target


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:00+08:00")
    return init_board(tmp_path / "b.json", user="lin", name="Shop", year=2026)


def test_a_stand_up_note_says_which_department_and_shows_only_its_part(store) -> None:
    record = start_standup(store)
    add_note(store, record.id, "marketing", "keep the 618 bids under the cap")
    add_note(store, record.id, "design", "banner by Friday")
    newest = activity_rows(store, limit=1)[0]
    assert newest.text == "lin added a stand-up note for Design"
    assert "{" not in newest.change and "'id'" not in newest.change and "updated_at" not in newest.change
    assert newest.change.startswith("departments: — → ")  # Design had no part before
    assert "banner by Friday" in newest.change and "618" not in newest.change  # only Design's part


def test_a_plan_change_shows_its_numbers_not_a_repr(store) -> None:
    set_target(store, annual="12000000")
    set_assumptions(store, conversion="3.5%")
    newest = activity_rows(store, limit=1)[0]
    assert "{" not in newest.change and "[" not in newest.change
    assert newest.change.endswith("→ 0.035 ×12")
