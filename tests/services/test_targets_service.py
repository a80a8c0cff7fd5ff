"""The targets service worked by hand.

Plan: 1,200,000 for 2025, flat: 100,000 a month at 2 % conversion and 250
order value → 400 orders and 20,000 UV a month; half of it paid at 2 a click
→ 20,000 ad spend a month, 240,000 a year. Budget 200,000: 40,000 over,
factor 1.2 → conversion 2.4 %, order value 300, or a budget of 240,000.

January: 31 days × (400 UV, 8 orders, 2,000) = 12,400 UV, 248 orders, 62,000:
gap −38,000, all traffic ((12,400 − 20,000) × 2 % × 250); UV 38 % under plan.
February: 28 days × (1,000 UV, 14 orders, 3,500) = 28,000 UV, 392 orders,
98,000: gap −2,000 = traffic +34,000, conversion −36,000 (1.4 % vs 2 %, 30 %
under plan), order value 0 — Shapley with order value on plan: each lever's
change × the other at the mean of plan and actual (8,000 × 250 × 1.7 % and
−0.6 % × 250 × 24,000).
Year to date: 160,000 of 200,000 (80 %), conversion 640 / 40,400 = 1.584 %,
21 % under plan; forecast 160,000 + 1,000,000 × 0.8 = 960,000.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from opsboard.model import OpKind, Table, TaskStatus
from opsboard.services.actuals import import_actuals, import_actuals_counted
from opsboard.services.board_files import init_board
from opsboard.services.errors import FieldErrors, InputError
from opsboard.services.targets import (
    assumption_texts,
    create_corrective_task,
    month_deviation,
    set_assumptions,
    set_target,
    targets_export,
    targets_view,
    use_last_year_seasonality,
    ytd_deviation,
)
from opsboard.store import BoardStore, ConflictError

FROZEN = "2026-01-15T09:00:00+00:00"
HEADER = "date,channel,pv,uv,orders,revenue,ad_spend\n"


def rows(first: date, days: int, uv: int, orders: int, revenue: float, channel: str = "Tmall") -> str:
    return "".join(f"{first + timedelta(n)},{channel},{uv * 3},{uv},{orders},{revenue},{uv / 2}\n" for n in range(days))


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    return init_board(tmp_path / "b.json", user="ana", name="Tea Shop", year=2025)


@pytest.fixture
def planned(store: BoardStore) -> BoardStore:
    set_target(
        store,
        annual="1,200,000",
        year="2025",
        budget="200k",
        conversion="2%",
        order_value="250",
        paid_share="50%",
        cost_per_click="2",
        seasonality=",".join(["1"] * 12),
    )
    return store


@pytest.fixture
def with_actuals(planned: BoardStore, tmp_path: Path) -> BoardStore:
    csv = tmp_path / "jan-feb.csv"
    csv.write_text(HEADER + rows(date(2025, 1, 1), 31, 400, 8, 2000) + rows(date(2025, 2, 1), 28, 1000, 14, 3500))
    assert import_actuals(planned, csv) == 59
    return planned


def test_the_first_set_adds_the_plan_then_sets_only_what_changed(store: BoardStore):
    plan = set_target(store, annual="12,000,000", year="2025")
    assert (plan.annual_target, plan.year, plan.currency, plan.conversion[0]) == (12_000_000, 2025, "CNY", 0.03)
    plan = set_target(store, budget="1.5m", conversion="2.8%")
    assert plan.promotion_budget == 1_500_000 and plan.conversion == [0.028] * 12
    adds = [e for e in store.activity() if e.table is Table.TARGETS]
    # the plan, then the change and the plan as it was, kept as a version
    assert [e.kind for e in adds] == [OpKind.ADD, OpKind.SET, OpKind.ADD]
    assert adds[2].doc_id.startswith("plan-v") and adds[2].after["saved_by"] == "ana"
    assert adds[1].before == {"promotion_budget": 0.0, "conversion": [0.03] * 12, "change": "created"}
    change = "promotion_budget, conversion"  # ids, worded when shown
    assert adds[1].after == {"promotion_budget": 1_500_000.0, "conversion": [0.028] * 12, "change": change}


def test_unchanged_values_save_nothing(planned: BoardStore):
    revision = planned.revision
    set_assumptions(planned, **assumption_texts(planned.plan(), planned.meta()))
    assert planned.revision == revision


def test_bad_values_are_refused_field_by_field_and_nothing_is_saved(planned: BoardStore):
    before = planned.path.read_bytes()
    with pytest.raises(FieldErrors) as caught:
        set_assumptions(planned, conversion="3", promotion_budget="-5000", year="20x5", order_value="1,2,3")
    errors = caught.value.errors
    assert errors["conversion"].startswith("is a rate between 0 and 1 (0.03 = 3 %)")
    assert "300 %" in errors["conversion"]
    assert errors["promotion_budget"] == "must not be negative (got -5000)"
    assert errors["year"] == "'20x5' is not a plan year (2000-2100)"
    assert "not 3" in errors["order_value"]
    with pytest.raises(FieldErrors) as caught:
        set_assumptions(planned, conversion="300%", channels="Tmall=70%, JD=20%")
    assert caught.value.errors["conversion"].endswith("; 300% is more than 100%")
    assert caught.value.errors["channels"] == "the shares add up to 90.0%, not 100%"
    assert planned.path.read_bytes() == before


def test_no_plan_needs_the_annual_target_first(store: BoardStore):
    with pytest.raises(FieldErrors) as caught:
        set_assumptions(store, conversion="3%")
    assert "annual_target" in caught.value.errors
    assert store.plan() is None


def test_a_teammates_save_of_the_same_field_is_a_conflict(planned: BoardStore):
    seen = planned.plan()
    set_assumptions(planned, promotion_budget="300000")  # someone else, first
    with pytest.raises(ConflictError):
        set_assumptions(planned, seen=seen, promotion_budget="250000")
    assert planned.plan().promotion_budget == 300_000


def test_twelve_monthly_values_and_channels_keep_their_ids(planned: BoardStore):
    values = "255,255,255,255,255,265,250,250,250,250,270,1,262"
    plan = set_assumptions(planned, order_value=values.replace(",1,262", ",1262"), channels="Tmall=0.7, 抖音=30%")
    assert plan.order_value[-1] == 1262 and plan.order_value[5] == 265
    tmall_id = plan.channels[0].id
    plan = set_assumptions(planned, channels="tmall=60%, 抖音=40%")
    assert plan.channels[0].id == tmall_id and [c.share for c in plan.channels] == [0.6, 0.4]
    assert assumption_texts(plan, planned.meta())["channels"] == "tmall=60%, 抖音=40%"


def test_the_view_in_one_call(with_actuals: BoardStore):
    view = targets_view(with_actuals)
    assert [m.target for m in view.breakdown.months] == [100_000.0] * 12
    assert view.breakdown.months[0].uv == pytest.approx(20_000) and view.breakdown.months[0].orders == pytest.approx(400)
    assert view.breakdown.year_total.ad_spend == pytest.approx(240_000)
    assert view.balance.over_budget and view.balance.shortfall == pytest.approx(40_000)
    conversion, order_value, budget = view.balance.levers
    assert conversion.needed == pytest.approx(0.024) and order_value.needed == pytest.approx(300)
    assert budget.needed == pytest.approx(240_000)
    january, february = view.pva.months
    assert (january.actual, january.gap) == (62_000, -38_000)
    assert february.effects.traffic == pytest.approx(34_000) and february.effects.conversion == pytest.approx(-36_000)
    assert view.pva.forecast == pytest.approx(960_000)
    assert view.title == "Tea Shop — Targets"
    assert view.actual(3) is None


def test_deviations_name_the_lever_and_how_far_under_plan(with_actuals: BoardStore):
    view = targets_view(with_actuals)
    january = month_deviation(2025, view.actual(1))
    assert (january.lever, january.department, january.words) == ("traffic", "marketing", "traffic 38% under plan")
    assert january.effect == pytest.approx(-38_000)
    february = month_deviation(2025, view.actual(2))
    assert (february.lever, february.department) == ("conversion", "customer_service")
    assert february.change == pytest.approx(-0.3) and february.words == "conversion 30% under plan"
    ytd = ytd_deviation(view.pva)
    assert ytd.lever == "conversion" and ytd.change == pytest.approx(640 / 40_400 / 0.02 - 1)
    assert ytd.words == "conversion 21% under plan" and ytd.period == "2025 year-to-date"


def test_the_corrective_task_goes_to_the_levers_department_linked_to_the_month(with_actuals: BoardStore):
    task = create_corrective_task(with_actuals, 1)
    assert task.title == "Close the 2025-01 gap: traffic 38% under plan"
    assert (task.department, task.month, task.priority, task.status) == ("marketing", 1, 1, TaskStatus.TODO)
    assert "gap −38,000 CNY" in task.notes and "traffic −38,000" in task.notes  # the app's minus (issue 13)
    assert "-" not in task.notes.replace("2025-01", "")  # no ASCII hyphen for a negative amount
    ytd = create_corrective_task(with_actuals)
    assert ytd.title == "Close the 2025 year-to-date gap: conversion 21% under plan"
    assert (ytd.department, ytd.month) == ("customer_service", 2)
    assert "Also answering for conversion: Design." in ytd.notes
    with pytest.raises(InputError, match="already on the Marketing board"):
        create_corrective_task(with_actuals, 1)
    with pytest.raises(InputError, match="Mar 2025 has no actuals yet"):
        create_corrective_task(with_actuals, 3)


def test_a_month_on_plan_has_no_corrective_task(planned: BoardStore, tmp_path: Path):
    csv = tmp_path / "on-plan.csv"
    # 31 days × 20,000 / 31 UV is not whole: 700 UV, 14 orders, 3,500 a day is 108,500, above plan.
    csv.write_text(HEADER + rows(date(2025, 1, 1), 31, 700, 14, 3500))
    import_actuals(planned, csv)
    with pytest.raises(InputError, match=r"Jan 2025 is ahead of plan \(108%\): no gap to close"):
        create_corrective_task(planned, 1)


def test_a_month_ahead_of_plan_has_no_gap_to_close(planned: BoardStore, tmp_path: Path):
    csv = tmp_path / "ahead.csv"
    # 31 × (1,000 UV, 18 orders, 4,600) = 142,600: ahead, though conversion (1.8 %) lags by 10 %.
    csv.write_text(HEADER + rows(date(2025, 1, 1), 31, 1000, 18, 4600))
    import_actuals(planned, csv)
    row = targets_view(planned).actual(1)
    assert row.effects.conversion < 0
    assert month_deviation(2025, row) is None  # ahead of plan: no lever to act on
    with pytest.raises(InputError, match=r"Jan 2025 is ahead of plan \(143%\): no gap to close"):
        create_corrective_task(planned, 1)


def test_no_plan_and_no_actuals_are_said_plainly(store: BoardStore):
    with pytest.raises(InputError, match="no plan yet"):
        create_corrective_task(store, 1)
    assert "No plan yet: `opsboard target set BOARD --annual AMOUNT`" in targets_export(store)
    set_target(store, annual="1000000")
    with pytest.raises(InputError, match="no actuals for 2025 yet"):
        create_corrective_task(store)


def test_import_counts_new_and_replaced_rows_and_is_idempotent(planned: BoardStore, tmp_path: Path):
    csv = tmp_path / "jan.csv"
    csv.write_text(HEADER + rows(date(2025, 1, 1), 31, 400, 8, 2000))
    first = import_actuals_counted(planned, csv)
    assert (first.rows, first.new, first.replaced, first.first_day, first.last_day) == (31, 31, 0, "2025-01-01", "2025-01-31")
    actuals = sorted(planned.actuals(), key=lambda m: m.date)
    again = import_actuals_counted(planned, csv)
    assert (again.new, again.replaced) == (0, 31)
    assert sorted(planned.actuals(), key=lambda m: m.date) == actuals
    assert planned.activity()[-1].summary == "imported 31 rows from jan.csv"


def test_a_bad_row_imports_nothing_and_names_every_line(planned: BoardStore, tmp_path: Path):
    csv = tmp_path / "bad.csv"
    csv.write_text(HEADER + rows(date(2025, 1, 1), 3, 400, 8, 2000) + "2025-02-30,Tmall,1,1,0,0,0\n" + "2025-01-05,Tmall,10,20,1,5,0\n")
    before = planned.path.read_bytes()
    with pytest.raises(InputError) as caught:
        import_actuals(planned, csv)
    message = str(caught.value)
    assert "2 bad rows, nothing imported" in message
    assert "line 5: date (2025-02-30) is not a calendar day" in message
    assert "line 6:" in message and "uv (20) is more than pv (10)" in message
    assert planned.path.read_bytes() == before


def test_seasonality_from_last_years_actuals(planned: BoardStore, tmp_path: Path):
    with pytest.raises(FieldErrors, match="no full year of actuals for 2024"):
        use_last_year_seasonality(planned)
    csv = tmp_path / "2024.csv"
    text = HEADER
    day = date(2024, 1, 1)
    while day.year == 2024:  # revenue 100 a day, 300 a day in November
        text += f"{day},,30,10,1,{300 if day.month == 11 else 100},0\n"
        day += timedelta(1)
    csv.write_text(text)
    import_actuals(planned, csv)
    plan = use_last_year_seasonality(planned)
    total = 366 * 100 + 30 * 200
    assert plan.seasonality[10] == pytest.approx(9_000 / total) and plan.seasonality[1] == pytest.approx(2_900 / total)
    assert set_target(planned, seasonality_from_actuals=True).seasonality == plan.seasonality


def test_importing_the_service_does_not_import_pandas():
    code = "import sys, opsboard.services.targets, opsboard.services.actuals; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_campaigns_raise_their_days_and_keep_their_ids(planned: BoardStore):
    plan = set_assumptions(planned, campaigns="Double 11, 2025-11-01, 2025-11-30, 50%, BD; 618, 2025-06-01, 2025-06-18, 1")
    double11, six18 = plan.campaigns
    assert (double11.department, double11.uplift, six18.department, six18.uplift) == ("bd", 0.5, "marketing", 1.0)
    # November weighs 1.5, June 1 + 18/30: the year's weights 10 + 1.5 + 1.6 = 13.1.
    targets = [m.target for m in targets_view(planned).breakdown.months]
    assert targets[10] == round(1_200_000 * 1.5 / 13.1) and sum(targets) == 1_200_000
    texts = assumption_texts(plan, planned.meta())
    assert texts["campaigns"] == "Double 11, 2025-11-01, 2025-11-30, 50%, bd; 618, 2025-06-01, 2025-06-18, 100%, marketing"
    again = set_assumptions(planned, campaigns=texts["campaigns"].replace("50%", "80%"))
    assert again.campaigns[0].id == double11.id and again.campaigns[0].uplift == 0.8
    with pytest.raises(FieldErrors) as caught:
        set_assumptions(planned, campaigns="Gala, 2025-05-01, 2025-05-03, 10%, Finance")
    assert caught.value.errors["campaigns"].startswith("unknown department 'Finance' (valid: ")
    with pytest.raises(FieldErrors, match="ends \\(2025-05-01\\) before it starts"):
        set_assumptions(planned, campaigns="Gala, 2025-05-03, 2025-05-01, 10%")
