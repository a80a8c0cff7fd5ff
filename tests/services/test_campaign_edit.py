"""Issue 15 item 1: a campaign is edited in place — its phases, uplift,
budget, platform, owner or name — checked as adding one is, keeping its id,
one saved change of the plan (a version, an activity entry) that leaves the
targets of the days already elapsed as they were."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from opsboard.i18n import set_language
from opsboard.logic.day_targets import daily_targets
from opsboard.services.activity import activity_rows
from opsboard.services.board_files import init_board
from opsboard.services.campaigns import add_campaign, edit_campaign
from opsboard.services.errors import FieldErrors, NeedsConfirmation
from opsboard.services.target_plan import plan_versions, set_assumptions
from opsboard.store import BoardStore


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-01T09:00:00+08:00")
    board = init_board(tmp_path / "b.json", user="ana", name="Tea Shop", year=2026)
    set_assumptions(board, annual_target="3,650,000", seasonality=",".join(["1"] * 12))
    add_campaign(board, preset="双11", platform="tmall")
    add_campaign(board, name="Shop birthday", phases=["正式:04-04:04-04:3"], uplift="80%")
    return board


def test_an_edit_changes_the_campaign_in_place_and_keeps_its_id(store):
    before = store.plan().campaigns[0]
    edited = edit_campaign(
        store,
        "双十一",
        phases=["预售:10-20:10-31:0.5", "main:11-11:11-11:4"],
        uplift="200%",
        budget="80,000",
        department="design",
        platform="jd",
    )
    assert edited.id == before.id and edited.name == "双11"
    assert [(p.kind.value, p.start, p.end, p.weight) for p in edited.phases] == [
        ("presale", date(2026, 10, 20), date(2026, 10, 31), 0.5),
        ("main", date(2026, 11, 11), date(2026, 11, 11), 4.0),
    ]
    assert (edited.uplift, edited.budget, edited.department, edited.platform) == (2.0, 80_000, "design", "jd")
    assert [c.name for c in store.plan().campaigns] == ["双11", "Shop birthday"]  # the other untouched, the order kept
    renamed = edit_campaign(store, "双11", rename="  Double   11 ")
    assert (renamed.id, renamed.name, renamed.uplift) == (before.id, "Double 11", 2.0)


def test_an_edit_in_november_leaves_january_to_november_alone(store, monkeypatch):
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-12T10:00:00+08:00")
    before = daily_targets(store.plan())
    edit_campaign(store, "双11", phases=["main:11-11:11-20:2"], uplift="250%")
    after = daily_targets(store.plan())
    assert after.targets[:315] == before.targets[:315]  # 1 Jan – 11 Nov as they were
    assert after.between(date(2026, 1, 1), date(2026, 11, 11)) == before.between(date(2026, 1, 1), date(2026, 11, 11))
    assert after.on(date(2026, 11, 15)) > before.on(date(2026, 11, 15))
    assert round(after.between(date(2026, 1, 1), date(2026, 12, 31))) == 3_650_000
    plan = store.plan()
    assert (plan.effective_from, len(plan.kept), plan.change) == (date(2026, 11, 12), 315, "campaigns")
    assert [v.change for v in plan_versions(store)] == ["created", "campaigns", "campaigns"]  # the plan before the edit kept


def test_an_edit_is_worded_in_the_activity_log_in_both_languages(store, monkeypatch):
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-15T09:30:00+08:00")
    edit_campaign(store, "双11", uplift="120%")
    edit_campaign(store, "Shop birthday", rename="店庆")
    renamed, edited = activity_rows(store, limit=2)
    assert edited.text.startswith("ana changed the campaign 双11 in the target plan; the days before")
    assert renamed.text.startswith("ana changed the campaign 店庆 (was Shop birthday) in the target plan")
    set_language("zh")
    try:
        renamed, edited = activity_rows(store, limit=2)
        assert edited.text.startswith("ana 修改了目标计划中的活动 双11；")
        assert renamed.text.startswith("ana 修改了目标计划中的活动 店庆（原名 Shop birthday）")
    finally:
        set_language("en")


def test_an_unknown_campaign_is_one_clear_error_and_nothing_saved(store):
    saved = store.path.read_bytes()
    with pytest.raises(FieldErrors) as refused:
        edit_campaign(store, "双12", uplift="10%")
    assert refused.value.errors == {"campaign": "no campaign named 双12 (campaigns: 双11, Shop birthday)"}
    assert store.path.read_bytes() == saved


def test_an_edit_is_checked_as_an_add_is_and_nothing_saved(store):
    saved = store.path.read_bytes()
    for changes, field, words in (
        ({"phases": ["正式:13-01:13-02"]}, "phase", "'13-01' is not a date"),
        ({"phases": ["main:2027-01-02:2027-01-05"]}, "phase", "not inside the plan year 2026"),
        ({"uplift": "-5%"}, "uplift", "is not a percentage"),
        ({"budget": "lots"}, "budget", ""),
        ({"department": "Nowhere"}, "department", "Nowhere"),
        ({"platform": "amazon"}, "platform", "'amazon' is not a platform"),
        ({"rename": "Shop Birthday"}, "name", "already has a campaign named Shop Birthday"),
        ({"rename": "  "}, "name", "needs a name"),
    ):
        with pytest.raises(FieldErrors) as refused:
            edit_campaign(store, "双11", **changes)
        assert not isinstance(refused.value, NeedsConfirmation)
        assert field in refused.value.errors and words in refused.value.errors[field], (changes, refused.value.errors)
    with pytest.raises(NeedsConfirmation, match=r"an uplift above 300% \(双11 \+500%\)"):
        edit_campaign(store, "双11", uplift="500%")
    assert store.path.read_bytes() == saved
    assert edit_campaign(store, "双11", uplift="500%", confirmed=True).uplift == 5.0


def test_an_edit_that_changes_nothing_saves_nothing(store):
    saved = store.path.read_bytes()
    edit_campaign(store, "双11", uplift="150%")  # the preset's own uplift
    assert store.path.read_bytes() == saved


def test_an_edit_over_a_teammates_change_of_the_campaigns_is_a_conflict_not_overwritten(store) -> None:
    """Two apps on one board: the edit form was opened before a teammate
    changed the same campaign; saving it asks instead of overwriting."""
    from opsboard.store import ConflictError

    seen = store.plan()
    edit_campaign(store, "双11", uplift="70%")  # a teammate, first
    with pytest.raises(ConflictError):
        edit_campaign(store, "双11", uplift="90%", seen=seen)
    assert store.plan().campaigns[0].uplift == pytest.approx(0.7)


def test_the_conflict_names_the_plans_field_in_the_readers_words(store) -> None:
    """The conflict dialog over a campaign edit says 活动 / campaigns, not the stored key."""
    from opsboard.model import Table
    from opsboard.store import ConflictError
    from opsboard.tui.modals.conflict import conflict_view

    seen = store.plan()
    edit_campaign(store, "双11", uplift="70%")
    with pytest.raises(ConflictError) as caught:
        edit_campaign(store, "双11", uplift="90%", seen=seen)
    set_language("zh")
    try:
        assert conflict_view(store, caught.value, Table.TARGETS).field == "活动"
    finally:
        set_language("en")
