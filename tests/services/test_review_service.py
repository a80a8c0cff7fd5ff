"""The review service: view 4's export, the review items' reports and the
targets they share with the targets view — checked against hand sums."""

from __future__ import annotations

import calendar
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from gfm import tables

from opsboard.logic.breakdown import monthly_targets
from opsboard.model import Campaign, DailyMetric, Operation, OpKind, Table, TargetPlan
from opsboard.services.board_files import init_board
from opsboard.services.export import export_view
from opsboard.services.review import (
    load_review,
    review_export,
    review_item_export,
    review_item_report_name,
    write_review_item_export,
)
from opsboard.store import BoardStore

FROZEN = "2026-01-15T09:00:00+00:00"


def year_of_metrics(year: int = 2025) -> list[DailyMetric]:
    """Every day of the year, two channels. Tmall: pv 120, uv 40 + month,
    orders 4, revenue 100 × month + day of month, ad spend 10. JD: pv 30,
    uv 10, orders 1, revenue 50, no ad spend."""
    rows = []
    day = date(year, 1, 1)
    while day.year == year:
        rows.append(
            DailyMetric(date=day, channel="Tmall", pv=120, uv=40 + day.month, orders=4, revenue=100 * day.month + day.day, ad_spend=10)
        )
        rows.append(DailyMetric(date=day, channel="JD", pv=30, uv=10, orders=1, revenue=50))
        day += timedelta(days=1)
    return rows


def put_actuals(store: BoardStore, metrics: list[DailyMetric]) -> None:
    docs = [m.to_doc() | {"id": m.id} for m in metrics]
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs, summary="test metrics"))


def put_plan(store: BoardStore, plan: TargetPlan) -> None:
    store.apply(Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id=plan.id, after=plan.to_doc()))


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BoardStore:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    return init_board(tmp_path / "shop.json", user="ana", name="Tea | Shop", year=2025)


@pytest.fixture
def full_year(board: BoardStore) -> BoardStore:
    put_actuals(board, year_of_metrics())
    return board


def number(cell: str) -> float:
    return float(cell.replace(",", ""))


def hand_month_revenue(month: int) -> int:
    # Tmall: Σ(100·m + d) over the month's days = 100·m·D + D(D+1)/2; JD: 50·D.
    d = calendar.monthrange(2025, month)[1]
    return 100 * month * d + d * (d + 1) // 2 + 50 * d


def test_full_year_gives_twelve_months_and_53_weeks(full_year: BoardStore):
    markdown = review_export(full_year)
    monthly, weekly = tables(markdown)
    header = monthly[0]
    assert header[:5] == ["Month", "PV", "UV", "PV/UV", "UV growth %"]
    months = monthly[1:-1]
    assert [row[0] for row in months] == [f"2025-{m:02d}" for m in range(1, 13)]
    assert monthly[-1][0] == "Total 2025"
    col = {name: i for i, name in enumerate(header)}
    for m, row in enumerate(months, start=1):
        days = calendar.monthrange(2025, m)[1]
        assert number(row[col["Revenue"]]) == hand_month_revenue(m)
        assert number(row[col["UV"]]) == (50 + m) * days
    # By hand: January 3,100 + 496 + 1,550; February 5,600 + 406 + 1,400.
    assert months[0][col["Revenue"]] == "5,146"
    assert months[1][col["Revenue"]] == "7,406"
    # UV: January 51 × 31 = 1,581, February 52 × 28 = 1,456 → −7.9 %.
    assert months[0][col["UV growth %"]] == "n/a"
    assert months[1][col["UV growth %"]] == "−7.9%"
    assert number(monthly[-1][col["Revenue"]]) == sum(hand_month_revenue(m) for m in range(1, 13))

    # 2025-W01 starts on 2024-12-30, 31 December 2025 falls in 2026-W01: 53 weeks.
    weeks = weekly[1:-1]
    assert len(weeks) == 53
    wcol = {name: i for i, name in enumerate(weekly[0])}
    assert weeks[0][:2] == ["2025-W01 (5 of 7 days)", "2024-12-30"]
    assert weeks[-1][:2] == ["2026-W01 (3 of 7 days)", "2025-12-29"]
    # W01 holds 1–5 January: Tmall 5 × 100 + (1+…+5) = 515, JD 250; UV 5 × 51.
    assert weeks[0][wcol["Revenue"]] == "765"
    assert weeks[0][wcol["UV"]] == "255"
    # 2025-W02 (6–12 Jan): Tmall 700 + (6+…+12) = 763, JD 350 → 1,113; growth against the
    # partial W01 per day of data: UV 357 / 7 = 51 a day against 255 / 5 = 51.
    assert weeks[1][wcol["Revenue"]] == "1,113"
    assert weeks[1][wcol["UV growth %"]] == "0.0%‡"  # per day of data, marked: not +40.0 % (357 against 255: 7 days against 5)
    assert sum(number(row[wcol["Revenue"]]) for row in weeks) == sum(hand_month_revenue(m) for m in range(1, 13))
    assert "Tea \\| Shop — Review" in markdown  # board name escaped in the title
    assert "Amounts in CNY." in markdown


def test_best_and_worst_month_named(full_year: BoardStore):
    markdown = review_export(full_year)
    # December: 37,200 + 496 + 1,550; January has the least (100 per day).
    assert "Best month: 2025-12, revenue 39,246 CNY" in markdown
    assert "Worst month: 2025-01, revenue 5,146 CNY" in markdown
    assert hand_month_revenue(12) == 39_246


def test_empty_board_export_says_how_to_import(board: BoardStore):
    markdown = export_view(board, "review")
    assert "No store metrics yet" in markdown
    assert "opsboard import-actuals BOARD FILE.csv" in markdown
    assert "date,channel,pv,uv,orders,revenue,ad_spend" in markdown
    assert tables(markdown) == []


def test_review_items_export_their_reports(full_year: BoardStore, tmp_path: Path):
    name, traffic = review_item_export(full_year, "review-1")
    assert name == "traffic"
    monthly = tables(traffic)[0]
    assert monthly[0] == ["Month", "PV", "PV growth %", "PV growth YoY", "UV", "UV growth %", "UV growth YoY", "PV/UV"]
    assert monthly[1][:2] == ["2025-01", "4,650"]  # 150 pv × 31 days
    name, sales = review_item_export(full_year, "review-2")
    assert name == "sales"
    assert tables(sales)[0][0][:3] == ["Month", "Revenue", "Revenue growth %"]
    assert tables(sales)[0][2][:3] == ["2025-02", "7,406", "+43.9%"]  # 7,406 / 5,146 − 1
    assert review_item_export(full_year, "review-3") is None
    assert review_item_report_name("review-2") == "sales" and review_item_report_name(None) is None

    written = write_review_item_export(full_year, "review-1")
    assert written == tmp_path / "shop-traffic-2026-01-15.md"
    assert written.read_text(encoding="utf-8") == traffic
    chosen = write_review_item_export(full_year, "review-2", tmp_path / "sales.md")
    assert chosen.read_text(encoding="utf-8") == sales
    assert write_review_item_export(full_year, "launch-A", tmp_path / "x.md") is None
    assert not (tmp_path / "x.md").exists()


def test_review_targets_match_the_targets_view(full_year: BoardStore):
    """A campaign raises its month in the breakdown; the review's attainment
    uses the same monthly targets (whole units, summing to the annual target)."""
    plan = TargetPlan(
        year=2025,
        annual_target=1_000_000,
        campaigns=[Campaign(id="d11", name="Double 11", start=date(2025, 11, 1), end=date(2025, 11, 15), uplift=0.6)],
    )
    put_plan(full_year, plan)
    source = load_review(full_year)
    rows = source.report("month").rows
    expected = monthly_targets(plan)
    assert [row.target for row in rows] == pytest.approx(expected)
    # By hand: November's weight 0.15 × (1 + 0.6 × 15/30) = 0.195 of a total 1.045.
    assert rows[10].target == pytest.approx(1_000_000 * 0.195 / 1.045, abs=1)
    assert rows[10].attainment == pytest.approx(hand_month_revenue(11) / expected[10])
    assert sum(row.target for row in rows) == 1_000_000
    markdown = review_export(full_year)
    assert "Attainment" in tables(markdown)[0][0]


def test_switching_reports_is_cached(full_year: BoardStore):
    source = load_review(full_year)
    assert source.channels == ("JD", "Tmall")
    jd = source.report("week", "JD")
    assert jd is source.report("week", "JD")
    assert jd.rows[1].revenue == 350.0
    assert source.title() == "Tea | Shop — Review" and source.currency == "CNY"


def test_importing_the_service_does_not_import_pandas():
    code = "import sys, opsboard.services.review; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
