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
    assert newest.change == "Design: banner by Friday — lin"  # the note as said, only Design's part (not Marketing's 618)


def test_a_plan_change_shows_its_numbers_not_a_repr(store) -> None:
    set_target(store, annual="12000000")
    set_assumptions(store, conversion="3.5%")
    newest = activity_rows(store, limit=1)[0]
    assert "{" not in newest.change and "[" not in newest.change
    assert newest.change.endswith("→ 0.035 ×12")


def test_a_plan_change_says_what_changed_and_what_became_of_the_past_in_words(store, monkeypatch) -> None:
    """Issue 15: not 'changed the target plan (change, annual_target, effective_from, kept)'."""
    set_target(store, annual="12000000")
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-30T09:30:00+08:00")
    set_target(store, annual="13500000")
    newest = activity_rows(store, limit=1)[0]
    assert newest.text == "lin changed the target plan (annual target); the days before Mon 30 Nov 2026 keep their targets"
    assert newest.change == "annual target: 12,000,000 → 13,500,000; the days before Mon 30 Nov 2026 keep their targets"

    seasonality = [0.06, 0.05, 0.07, 0.07, 0.08, 0.11, 0.07, 0.07, 0.08, 0.08, 0.15, 0.11]
    set_assumptions(store, seasonality=",".join(map(str, seasonality)))
    seasonality[11] = 0.12
    set_assumptions(store, seasonality=",".join(map(str, seasonality)))
    newest = activity_rows(store, limit=1)[0]
    assert newest.change == "seasonality: Dec 0.11 → 0.12; the days before Mon 30 Nov 2026 keep their targets"

    set_assumptions(store, rebase=True, confirmed=True)
    newest = activity_rows(store, limit=1)[0]
    assert newest.text == "lin re-based the target plan: every day of the year spread again"
    for row in activity_rows(store):
        assert not any(word in row.text + row.change for word in ("effective_from", "kept", "annual_target", "change,"))


def test_a_plan_change_in_chinese(store, monkeypatch) -> None:
    from opsboard.i18n import set_language

    set_target(store, annual="12000000")
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-30T09:30:00+08:00")
    set_target(store, annual="13500000")
    set_language("zh")
    try:
        newest = activity_rows(store, limit=1)[0]
        assert newest.text.startswith("lin 修改了目标计划（年度目标）；") and newest.text.endswith("之前的日子保留原目标")
        assert newest.change.startswith("年度目标：12,000,000 → 13,500,000；")
    finally:
        set_language("en")


def test_comments_stand_ups_and_settings_read_as_said(store) -> None:
    """Not 'comments: — → at: 2026-06-15T09:30:00+08:00; by: lin;…',
    'notes: …; notes_by: lin' or 'archive_after_days: — → 45'."""
    from opsboard.services.archived_tasks import set_archive_days
    from opsboard.services.comments import add_comment
    from opsboard.services.standup_record import finish_standup
    from opsboard.services.tasks import add_task

    task = add_task(store, department="design", title="Banner")
    add_comment(store, task.id, "hero image by Wednesday")
    assert activity_rows(store, limit=1)[0].change == "comments: — → hero image by Wednesday — lin"
    record = start_standup(store)
    add_note(store, record.id, "design", "banner by Friday")
    add_note(store, record.id, "marketing", "bids under the cap", decision=True)
    # under its department, not as the record's field
    assert activity_rows(store, limit=1)[0].change == "Marketing: Decision: bids under the cap — lin"
    finish_standup(store, record.id, decisions=["ship it"])
    finished = activity_rows(store, limit=1)[0].change
    assert "banner by Friday — lin" in finished and "decisions: — → ship it" in finished
    assert not any(word in finished for word in ("notes_by", "T09:30", "+08:00", "{"))
    set_archive_days(store, 45)
    newest = activity_rows(store, limit=1)[0]
    assert newest.text == "lin changed the board settings (days before done cards move to the archive)"
    assert newest.change == "days before done cards move to the archive: — → 45"


def test_a_stand_up_note_and_a_setting_in_chinese(store) -> None:
    from opsboard.i18n import set_language
    from opsboard.services.archived_tasks import set_archive_days
    from opsboard.services.checklists import toggle_item

    toggle_item(store, "research-a")
    record = start_standup(store)
    add_note(store, record.id, "marketing", "出价不超上限", decision=True)
    set_archive_days(store, 45)
    set_language("zh")
    try:
        setting, note, _started, item = activity_rows(store, limit=4)
        assert item.change == "状态：未完成 → 已完成"  # not 'open → done' inside a Chinese row
        assert note.change.endswith("决定：出价不超上限 — lin")
        assert setting.change == "已完成卡片归档前的天数：— → 45" and "archive_after_days" not in setting.text
    finally:
        set_language("en")


def test_an_edit_names_its_fields_in_chinese(store) -> None:
    """Not '编辑了“…”（owner, due）': the fields in the reader's words."""
    from opsboard.i18n import set_language
    from opsboard.services.checklists import edit_item

    edit_item(store, "research-c", owner="lin", due="2026-07-01")
    set_language("zh")
    try:
        [row] = activity_rows(store, limit=1)
        assert row.text.endswith("（负责人、截止）"), row.text  # a Chinese list takes 、
    finally:
        set_language("en")
    assert activity_rows(store, limit=1)[0].text.endswith("(owner, due)")  # English keeps the stored names


def test_a_hand_edited_moment_is_shown_as_stored_not_dropped() -> None:
    """'2026-13-45T99:99' looks like a moment but is none: the row keeps it as written."""
    from opsboard.services.activity import format_value

    assert format_value("finished_at", "2026-13-45T99:99") == "2026-13-45T99:99"
    assert format_value("finished_at", "2026-06-15T01:30:00+00:00").startswith("2026-06-15 ")


def test_a_person_added_to_the_roster_is_named_not_the_table(store) -> None:
    """Not 'added people' / '添加了people' (the stored table's name)."""
    from opsboard.i18n import set_language
    from opsboard.services.people import add_person

    add_person(store, "mei", display_name="Mei Lin")
    assert activity_rows(store, limit=1)[0].text == "lin added mei to the roster"
    set_language("zh")
    try:
        assert activity_rows(store, limit=1)[0].text == "lin 把 mei 加入名册"
    finally:
        set_language("en")
