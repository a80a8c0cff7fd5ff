"""The past stays as it was: a plan changed on 12 November keeps the targets of
1 January – 11 November; the plan before is kept as a version (who, when,
what changed); re-basing the whole year asks first; an uplift above 300 %
asks first; a campaign outside the plan year, a conversion or order value of
0 are refused with the field named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from opsboard.logic.day_targets import daily_targets
from opsboard.services.board_files import init_board
from opsboard.services.campaigns import add_campaign, remove_campaign
from opsboard.services.errors import FieldErrors, NeedsConfirmation
from opsboard.services.target_plan import plan_versions, rebase_plan, set_assumptions
from opsboard.store import BoardStore


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", "2026-03-01T09:00:00+08:00")
    board = init_board(tmp_path / "b.json", user="ana", name="Tea Shop", year=2026)
    set_assumptions(board, annual_target="3,650,000", seasonality=",".join(["1"] * 12))
    return board


def test_a_december_campaign_added_in_november_leaves_january_to_november_alone(store, monkeypatch):
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-12T10:00:00+08:00")
    before = daily_targets(store.plan())
    elapsed = (date(2026, 1, 1), date(2026, 11, 11))
    add_campaign(store, preset="双12", platform="tmall", uplift="200%")
    after = daily_targets(store.plan())
    assert after.between(*elapsed) == before.between(*elapsed)
    assert after.targets[:315] == before.targets[:315]
    assert after.between(date(2026, 1, 1), date(2026, 12, 31)) == 3_650_000
    assert after.on(date(2026, 12, 12)) > before.on(date(2026, 12, 12))
    plan = store.plan()
    assert (plan.effective_from, len(plan.kept), plan.change) == (date(2026, 11, 12), 315, "campaigns")
    # the plan before is a version: who saved it, when, what it changed
    [first] = plan_versions(store)
    assert (first.saved_by, first.change, first.campaigns) == ("ana", "created", [])
    assert first.saved_at.date() == date(2026, 3, 1)


def test_rebasing_the_whole_year_asks_first_then_moves_every_day(store, monkeypatch):
    monkeypatch.setenv("OPSBOARD_NOW", "2026-11-12T10:00:00+08:00")
    add_campaign(store, preset="双12", uplift="200%")
    kept = daily_targets(store.plan())
    with pytest.raises(NeedsConfirmation) as asked:
        rebase_plan(store)
    assert "315 days already elapsed" in asked.value.errors["rebase"]
    assert daily_targets(store.plan()) == kept  # nothing saved
    rebase_plan(store, confirmed=True)
    plan = store.plan()
    assert (plan.effective_from, plan.kept, plan.change) == (None, [], "rebased")
    assert daily_targets(plan).on(date(2026, 1, 5)) < kept.on(date(2026, 1, 5))  # 双12 now takes its share of January too
    assert len(plan_versions(store)) == 2


def test_uplift_above_300_percent_needs_confirming(store):
    with pytest.raises(NeedsConfirmation, match=r"an uplift above 300% \(双11 \+500%\)"):
        add_campaign(store, preset="双11", uplift="500%")
    assert store.plan().campaigns == []
    add_campaign(store, preset="双11", uplift="500%", confirmed=True)
    assert store.plan().campaigns[0].uplift == 5.0


def test_bad_figures_are_refused_with_the_field_named(store):
    saved = store.path.read_bytes()
    for fields, field, words in (
        ({"conversion": "0%"}, "conversion", "must be more than 0"),
        ({"order_value": "0"}, "order_value", "must be more than 0"),
        ({"annual_target": "-5"}, "annual_target", "must not be negative"),
        ({"campaigns": "Black Friday, 2025-11-28, 2025-11-30, 50%"}, "campaigns", "not inside the plan year 2026"),
    ):
        with pytest.raises(FieldErrors) as refused:
            set_assumptions(store, **fields)
        assert field in refused.value.errors and words in refused.value.errors[field]
    with pytest.raises(FieldErrors, match="not inside the plan year"):
        add_campaign(store, name="Late", phases=["main:2027-01-02:2027-01-05"], uplift="20%")
    with pytest.raises(FieldErrors) as refused:
        add_campaign(store, preset="Black Friday")
    assert "presets: 年货节, 38节, 618, 99划算节, 双11, 双12" in refused.value.errors["preset"]
    assert store.path.read_bytes() == saved


def test_campaigns_added_and_removed_by_name(store):
    campaign = add_campaign(store, preset="618", platform="jd", budget="50,000", department="design")
    assert (campaign.name, campaign.platform, campaign.department, campaign.budget) == ("618", "jd", "design", 50_000)
    assert [p.kind.value for p in campaign.phases] == ["warmup", "main", "main", "return"]
    own = add_campaign(store, name="Shop birthday", phases=["预热:04-01:04-03:0.5", "正式:04-04:04-04:3"], uplift="80%")
    assert (own.start, own.end) == (date(2026, 4, 1), date(2026, 4, 4))
    remove_campaign(store, "618")
    assert [c.name for c in store.plan().campaigns] == ["Shop birthday"]
    with pytest.raises(FieldErrors, match="no campaign named 双11"):
        remove_campaign(store, "双11")


def test_last_years_weekday_pattern_shapes_the_days_when_the_board_has_it(tmp_path: Path, monkeypatch):
    from datetime import timedelta

    from opsboard.services.actuals import import_actuals

    monkeypatch.setenv("OPSBOARD_NOW", "2026-01-02T09:00:00+08:00")
    board = init_board(tmp_path / "w.json", user="ana", name="Tea Shop", year=2026)
    lines = ["date,channel,pv,uv,orders,revenue,ad_spend"]
    day = date(2025, 1, 1)
    while day.year == 2025:
        revenue = 2_000 if day.weekday() >= 5 else 1_000  # weekends sell twice a weekday
        lines.append(f"{day},Tmall,300,100,5,{revenue},0")
        day += timedelta(days=1)
    csv = tmp_path / "2025.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_actuals(board, csv)
    plan = set_assumptions(board, annual_target="3,650,000", seasonality=",".join(["1"] * 12))
    assert plan.weekday_pattern is not None
    assert plan.weekday_pattern[5] == pytest.approx(2 * plan.weekday_pattern[0], rel=0.01)
    days = daily_targets(plan)
    assert days.on(date(2026, 6, 6)) == pytest.approx(2 * days.on(date(2026, 6, 8)), rel=0.01)  # a Saturday, a Monday
    assert days.month(6) == pytest.approx(3_650_000 / 12, abs=1)  # the month's size is seasonality's alone


def test_a_campaign_added_takes_last_years_run_of_it_day_by_day(tmp_path: Path, monkeypatch):
    """Issue 15: last year's 双11 day k shapes this year's 双11 day k (logic/last_year_shape)."""
    from datetime import timedelta

    from opsboard.services.actuals import import_actuals

    monkeypatch.setenv("OPSBOARD_NOW", "2026-01-02T09:00:00+08:00")
    board = init_board(tmp_path / "c.json", user="ana", name="Tea Shop", year=2026)
    lines = ["date,channel,pv,uv,orders,revenue,ad_spend"]
    day = date(2025, 1, 1)
    while day.year == 2025:
        # Tmall's 双11 2025 preset: 预售 from 20 October, whose first day (the deposit day) sells 40,000
        revenue = 40_000 if day == date(2025, 10, 20) else 20_000 if date(2025, 10, 21) <= day <= date(2025, 10, 31) else 10_000
        lines.append(f"{day},Tmall,300,100,5,{revenue},0")
        day += timedelta(days=1)
    csv = tmp_path / "2025.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_actuals(board, csv)
    set_assumptions(board, annual_target="3,650,000", seasonality=",".join(["1"] * 12))
    add_campaign(board, preset="双11", platform="tmall", uplift="150%")
    plan = board.plan()
    [double11] = plan.campaigns
    # 2026's 预售 starts on 20 October too: its 12 days follow 2025's (40,000 and 11 × 20,000, mean 21,667)
    assert double11.shape[:12] == [pytest.approx(40 / (260 / 12), abs=1e-4)] + [pytest.approx(20 / (260 / 12), abs=1e-4)] * 11
    days = daily_targets(plan)
    assert days.on(date(2026, 10, 20)) > days.on(date(2026, 10, 21))
    assert plan.weekday_pattern == [1.0] * 7  # last year's campaign days left out of it
