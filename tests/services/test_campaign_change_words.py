"""A campaign changed in place is shown by what changed, with its values:
'Double 11: uplift +150% → +45%', not the plan's campaigns by name on both
sides ('618, Double 11, Double 12 → 618, Double 11, Double 12'), in the
activity view and in the conflict dialog's three sides."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsboard.i18n import set_language
from opsboard.i18n.widths import cut_to_cells
from opsboard.model import Table
from opsboard.services.activity import activity_rows
from opsboard.services.board_files import init_board
from opsboard.services.campaign_change_words import campaign_sides, edited_campaigns
from opsboard.services.campaigns import add_campaign, edit_campaign
from opsboard.services.target_plan import set_assumptions
from opsboard.store import BoardStore, ConflictError


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-01T09:00:00+08:00")
    board = init_board(tmp_path / "b.json", user="ana", name="Tea Shop", year=2026)
    set_assumptions(board, annual_target="3,650,000", seasonality=",".join(["1"] * 12))
    add_campaign(board, preset="618", platform="jd")
    add_campaign(board, name="Double 11", phases=["main:11-01:11-11"], uplift="30%", platform="tmall")
    add_campaign(board, preset="双12", platform="tmall")
    return board


def newest_change(store: BoardStore) -> str:
    return activity_rows(store)[0].change


def test_an_uplift_and_budget_edit_reads_with_both_values_and_no_other_campaign(store) -> None:
    edit_campaign(store, "Double 11", uplift="45%", budget="80,000")
    change = newest_change(store)
    assert change.startswith("Double 11: uplift +30% → +45%, budget 0 → 80,000")
    assert "618" not in change and "双12" not in change


def test_phases_platform_and_department_edits_show_the_changed_values(store) -> None:
    edit_campaign(store, "Double 11", phases=["warmup:10-25:10-31:0.5", "main:11-01:11-11"], platform="jd", department="design")
    change = newest_change(store)
    # the phases, the longest, last: a cut to the width takes them first
    assert change.startswith("Double 11: platform Tmall → JD, department Marketing → Design, phases — → Warm-up 10-25–10-31 ×0.5;")


def test_a_rename_names_the_old_and_new_name(store) -> None:
    edit_campaign(store, "Double 11", rename="双11")
    assert newest_change(store).startswith("双11: name Double 11 → 双11")


def test_the_chinese_wording_comes_from_the_catalogue(store) -> None:
    edit_campaign(store, "Double 11", uplift="45%", budget="80,000")
    set_language("zh")
    try:
        change = newest_change(store)
    finally:
        set_language("en")
    assert change.startswith("Double 11：提升 +30% → +45%，预算 0 → 80,000")


def test_a_shape_taken_again_is_not_a_change_of_the_other_campaigns() -> None:
    """Saving the campaigns takes each one's shape again from last year's
    actuals: the campaigns whose shape alone changed are not named."""
    before = [
        {"id": "a", "name": "618", "phases": [{"kind": "main", "start": "2026-06-18", "end": "2026-06-18"}], "uplift": 0.5, "shape": [1.0]},
        {"id": "b", "name": "Double 11", "phases": [], "uplift": 0.3, "shape": []},
    ]
    after = [{**before[0], "shape": [1.2]}, {**before[1], "uplift": 0.45, "shape": [0.9]}]
    assert edited_campaigns(before, after, str) == ["Double 11: uplift +30% → +45%"]


def test_the_conflict_sides_show_each_sides_value_of_what_differs(store) -> None:
    seen = store.plan()
    edit_campaign(store, "Double 11", uplift="70%")  # a teammate, first
    with pytest.raises(ConflictError) as caught:
        edit_campaign(store, "Double 11", uplift="90%", budget="5,000", seen=seen)
    error = caught.value
    assert campaign_sides([error.seen, error.theirs, error.mine], str) == [
        "Double 11: uplift +30%, budget 0",
        "Double 11: uplift +70%, budget 0",
        "Double 11: uplift +90%, budget 5,000",
    ]
    assert Table.TARGETS  # the plan's conflict: see tests/tui/test_campaign_conflict.py for the dialog


def test_a_campaign_only_on_one_side_says_so() -> None:
    one = {"id": "a", "name": "618", "phases": [], "uplift": 0.5}
    assert campaign_sides([[one], [], [one]], str) == ["618: uplift +50%", "618: not in the plan", "618: uplift +50%"]


def test_a_long_side_is_cut_by_terminal_columns() -> None:
    assert cut_to_cells("双11：提升 +30%", 8) == "双11：…"
    assert cut_to_cells("Double 11", 9) == "Double 11"
    assert cut_to_cells("Double 11", 8) == "Double …"


def test_a_hand_edited_campaign_is_worded_without_a_crash_or_a_phantom_change() -> None:
    """null where the model has a default (platform, department, phases) is no change."""
    saved = [{"id": "a", "name": "X", "uplift": 0.3, "phases": []}]
    edited = [{"id": "a", "name": "X", "uplift": "lots", "phases": None, "platform": None, "department": None}]
    assert edited_campaigns(saved, edited, str) == ["X: uplift +30% → lots"]
    assert campaign_sides([edited, saved, saved], str) == ["X: uplift lots", "X: uplift +30%", "X: uplift +30%"]
