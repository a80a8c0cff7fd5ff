"""View 4, the review, driven with Pilot on small boards with hand-computed figures."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from gfm import tables

from opsboard.model import DailyMetric, Operation, OpKind, Table
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.review import ReviewScreen, reflow
from opsboard.tui.widgets.bar_chart import BarChart, bar_levels, chart_layout, window_start
from opsboard.tui.widgets.report_table import TOTAL_KEY, ReportTable, growth

FROZEN = "2026-01-15T09:00:00+00:00"


def quarter_metrics(jd: str = "JD") -> list[DailyMetric]:
    """1 January – 31 March 2025. Tmall every day: pv 120, uv 40, 2 orders,
    revenue 100, ad spend 10. JD in February only: pv 30, uv 10, 1 order, revenue 50.
    By hand: January 3,100, February 28 × 150 = 4,200, March 3,100."""
    rows = []
    day = date(2025, 1, 1)
    while day <= date(2025, 3, 31):
        rows.append(DailyMetric(date=day, channel="Tmall", pv=120, uv=40, orders=2, revenue=100, ad_spend=10))
        if day.month == 2:
            rows.append(DailyMetric(date=day, channel=jd, pv=30, uv=10, orders=1, revenue=50))
        day += timedelta(days=1)
    return rows


def put_actuals(store: BoardStore, metrics: list[DailyMetric]) -> None:
    docs = [m.to_doc() | {"id": m.id} for m in metrics]
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs))


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)


def make_app(tmp_path: Path, metrics: list[DailyMetric] | None = None, name: str = "b.json") -> OpsboardApp:
    path = tmp_path / name
    store = init_board(path, user="ana", name="Tea Shop", year=2025)
    if metrics:
        put_actuals(store, metrics)
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    return app


async def open_review(pilot) -> ReviewScreen:
    """Press 4 and wait (bounded) until the worker has prepared the metrics."""
    await pilot.press("4")
    for _ in range(200):
        screen = pilot.app.screen
        if isinstance(screen, ReviewScreen) and screen.source is not None:
            await pilot.pause()
            return screen
        await pilot.pause()
    raise AssertionError("the review did not load")


def status(screen: ReviewScreen) -> str:
    return str(screen.query_one("#review-status").render())


async def test_opens_on_the_monthly_report(tmp_path: Path, frozen):
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        table = screen.query_one(ReportTable)
        assert table.row_keys == ["2025-01", "2025-02", "2025-03", TOTAL_KEY]
        assert table.headers[:4] == ["Month", "Revenue", "Rev ±", "Rev YoY"]
        assert table.cell_text("2025-02", "revenue") == "4,200"
        assert table.cell_text("2025-02", "revenue_growth") == "+35.5%"  # 4,200 / 3,100 − 1
        assert table.cell_text("2025-03", "revenue_growth") == "−26.2%"  # 3,100 / 4,200 − 1
        assert table.cell_text("2025-02", "uv") == "1,400"  # 28 × 50
        assert table.cell_text("2025-01", "revenue_growth_yoy") == "n/a"
        assert table.cell_text("2025-02", "roi") == "15.00"  # 4,200 / 280
        assert table.cell_text(TOTAL_KEY, "revenue") == "10,400"
        assert table.cell_text(TOTAL_KEY, "revenue_growth") == ""
        assert status(screen) == "Monthly · All channels (2) · CNY · conv. & order value per order"
        assert "Best 2025-02 4,200 · worst 2025-01 3,100" in str(screen.query_one("#review-summary").render())
        revenue = screen.query_one("#revenue-chart", BarChart)
        assert revenue.values == (3100.0, 4200.0, 3100.0)
        assert revenue.selected == 2  # the cursor starts on the latest period
        assert screen.query_one("#uv-chart", BarChart).values == (1240.0, 1400.0, 1240.0)
        assert not screen.query_one("#review-loading").display


async def test_w_and_m_switch_weekly_and_monthly(tmp_path: Path, frozen):
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        table = screen.query_one(ReportTable)
        await pilot.press("w")
        assert status(screen).startswith("Weekly · ")
        # 1 January 2025 is a Wednesday: 2025-W01 runs from 30 December, 5 days of data.
        assert table.row_keys[0] == "2025-W01" and table.row_keys[-2] == "2025-W14"
        assert len(table.row_keys) == 15
        assert table.headers[:3] == ["Week", "Start", "Revenue"]
        assert table.cell_text("2025-W01", "label") == "2025-W01 (5 of 7 days)"
        assert table.cell_text("2025-W01", "start") == "2024-12-30"
        assert table.cell_text("2025-W01", "revenue") == "500"
        # 2025-W06 (3–9 Feb): 7 × 150 against W05 (27 Jan – 2 Feb: 5 × 100 + 2 × 150 = 800).
        assert table.cell_text("2025-W06", "revenue") == "1,050"
        assert table.cell_text("2025-W06", "revenue_growth") == "+31.2%"  # 31.25 %, half to even as in the export
        assert table.current_key() == "2025-W14"
        # 15 rows do not fit at 80×24: the table scrolled to the latest week and the totals.
        await pilot.pause()
        assert table.max_scroll_y > 0 and table.scroll_y == table.max_scroll_y
        shown = [table.render_line(y).text for y in range(table.scrollable_content_region.height)]
        assert any(line.startswith(" 2025-W14 (") for line in shown) and any(line.startswith(" Total ") for line in shown)
        assert screen.query_one("#revenue-chart", BarChart).labels[-1] == "2025-W14"
        await pilot.press("m")
        assert table.row_keys == ["2025-01", "2025-02", "2025-03", TOTAL_KEY]
        assert status(screen).startswith("Monthly · ")


async def test_c_cycles_through_the_channels(tmp_path: Path, frozen):
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        table = screen.query_one(ReportTable)
        await pilot.press("c")
        assert status(screen) == "Monthly · JD (1 of 2) · CNY · conv. & order value per order"
        assert table.row_keys == ["2025-02", TOTAL_KEY]
        assert table.cell_text("2025-02", "revenue") == "1,400"
        assert table.cell_text("2025-02", "roi") == "n/a"  # no ad spend
        await pilot.press("c")
        assert status(screen) == "Monthly · Tmall (2 of 2) · CNY · conv. & order value per order"
        assert table.cell_text("2025-02", "revenue") == "2,800"
        await pilot.press("w")
        assert table.cell_text("2025-W06", "revenue") == "700"
        await pilot.press("c")
        assert status(screen) == "Weekly · All channels (2) · CNY · conv. & order value per order"
        assert table.cell_text("2025-W06", "revenue") == "1,050"
        await pilot.press("C")  # back to the last channel
        assert status(screen) == "Weekly · Tmall (2 of 2) · CNY · conv. & order value per order"


async def test_cursor_moves_the_chart_selection(tmp_path: Path, frozen):
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        chart = screen.query_one("#revenue-chart", BarChart)
        await pilot.press("k")
        assert screen.query_one(ReportTable).current_key() == "2025-02"
        assert chart.selected == 1
        assert "2025-02: 4,200" in chart.render_line(0).text
        await pilot.press("G")  # the totals row: no bar selected
        assert screen.query_one(ReportTable).current_key() == TOTAL_KEY
        assert chart.selected is None
        await pilot.press("g")
        assert chart.selected == 0
        table = screen.query_one(ReportTable)
        await pilot.press("l", "l")  # two whole columns to the right: Revenue and Rev ± scroll away
        assert table.first_column == 3
        assert table.render_line(1).text.split()[:3] == ["2025-01", "n/a", "1,240"]  # Rev YoY, then UV
        await pilot.press("h")
        assert table.first_column == 2


async def test_channel_names_are_shown_literally(tmp_path: Path, frozen):
    app = make_app(tmp_path, quarter_metrics(jd="[b]JD[/b] [link=x]"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("C")  # "[" sorts after "T": the name is the second channel
        assert status(screen) == "Monthly · [b]JD[/b] [link=x] (2 of 2) · CNY · conv. & order value per order"


async def test_empty_board_says_how_to_import(tmp_path: Path, frozen):
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        empty = screen.query_one("#review-empty")
        assert empty.display and not screen.query_one("#review-body").display
        text = str(empty.render())
        # names this board's file, as view 3 does (issue 18 case 9)
        assert f"opsboard import-actuals {tmp_path / 'b.json'} FILE.csv" in " ".join(text.split())
        assert "date,channel,pv,uv,orders,revenue,ad_spend" in text
        assert status(screen) == "Review · no store metrics yet"
        assert screen.check_action("period", ("week",)) is None  # w/m/c greyed out
        await pilot.press("w")
        assert screen.period == "month"


async def test_x_exports_the_review(tmp_path: Path, frozen):
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot)
        await pilot.press("x")
        assert pilot.app.screen.query_one("#field-path").value == str(tmp_path / "b-review-2026-01-15.md")
        await pilot.press("ctrl+s")  # save to the default file name
        exported = tmp_path / "b-review-2026-01-15.md"
        assert exported.exists()
        text = exported.read_text(encoding="utf-8")
        assert text.startswith("## Tea Shop — Review\n")
        assert "| 2025-02 " in text and "4,200" in text


async def test_another_process_adding_metrics_redraws(tmp_path: Path, frozen):
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        april = [DailyMetric(date=date(2025, 4, d), channel="Tmall", pv=60, uv=20, orders=1, revenue=80) for d in range(1, 31)]
        put_actuals(BoardStore(tmp_path / "b.json", user="bo"), april)
        before = screen.source
        app.check_for_changes()
        for _ in range(200):
            if screen.source is not before:
                break
            await pilot.pause()
        await pilot.pause()
        table = screen.query_one(ReportTable)
        assert table.row_keys == ["2025-01", "2025-02", "2025-03", "2025-04", TOTAL_KEY]
        assert table.cell_text("2025-04", "revenue") == "2,400"


def test_app_start_does_not_import_pandas(tmp_path: Path):
    board = tmp_path / "b.json"
    init_board(board, user="ana", year=2025)
    code = f"""
import sys
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp

async def check(pilot):
    await pilot.pause()
    assert pilot.app.screen.query_one("#items").row_count > 0
    print("pandas" in sys.modules, flush=True)
    pilot.app.exit()

OpsboardApp(BoardStore({str(board)!r}, user="ana")).run(headless=True, size=(80, 24), auto_pilot=check)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr[-2000:]


def test_growth_text_reads_without_colour():
    assert growth(0.125) == "+12.5%"
    assert growth(-0.03) == "−3.0%"
    assert growth(0.0004) == "0.0%"
    assert growth(None) == "n/a"


def test_chart_fits_and_follows_the_selection():
    assert chart_layout(12, 78) == (5, 1, 12)  # slot of 6: bars of 5 and a gap
    assert chart_layout(36, 78) == (1, 1, 36)
    assert chart_layout(157, 78) == (1, 0, 78)  # three years of weeks: a window of 78
    assert window_start(157, 156, 78, 157) == 79  # opens on the latest weeks
    assert window_start(79, 10, 78, 157) == 10  # moving back scrolls the window
    assert window_start(10, 50, 78, 157) == 10
    assert bar_levels([0, 50, 100, 0.01], 3) == [0, 12, 24, 1]


def test_reflow_keeps_commands_apart():
    text = "Import them:\n\n    opsboard import-actuals B F\n\nthe columns are\nlisted here.\n    date,pv"
    assert reflow(text) == "Import them:\n\n    opsboard import-actuals B F\n\nthe columns are listed here.\n    date,pv"


async def export_from_checklist(pilot, item_id: str) -> str:
    """In view 1, put the cursor on a review item, press x and accept the default file."""
    screen = pilot.app.screen
    for _ in range(3):
        await pilot.press("l")  # research → launch → promotion → review
    await pilot.pause()
    while screen.current_item_id() != item_id:
        await pilot.press("j")
    await pilot.press("x")
    path = pilot.app.screen.query_one("#field-path").value
    await pilot.press("ctrl+s")
    await pilot.pause()
    return path


async def test_x_on_a_review_item_exports_its_report(tmp_path: Path, frozen):
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(120, 40)) as pilot:
        path = await export_from_checklist(pilot, "review-1")
        assert path == str(tmp_path / "b-traffic-2026-01-15.md")
        traffic = Path(path).read_text(encoding="utf-8")
        assert traffic.startswith("## Tea Shop — Traffic, PV and UV\n")
        rows = tables(traffic)[0]
        assert rows[0][:3] == ["Month", "PV", "PV growth %"]
        assert rows[2][:2] == ["2025-02", "4,200"]  # 28 × (120 + 30) pv

        await pilot.press("j")  # review-2: the sales reports
        await pilot.press("x")
        sales_path = pilot.app.screen.query_one("#field-path").value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert sales_path == str(tmp_path / "b-sales-2026-01-15.md")
        sales = Path(sales_path).read_text(encoding="utf-8")
        assert sales.startswith("## Tea Shop — Sales reports\n")
        rows = tables(sales)[0]
        assert rows[0][:3] == ["Month", "Revenue", "Revenue growth %"]
        assert rows[2][:3] == ["2025-02", "4,200", "+35.5%"]

        await pilot.press("j")  # review-3 archives no report: x exports the checklists
        await pilot.press("x")
        assert pilot.app.screen.query_one("#field-path").value == str(tmp_path / "b-checklists-2026-01-15.md")
        await pilot.press("escape")


async def test_a_failure_while_preparing_is_shown_not_raised(tmp_path: Path, frozen, monkeypatch: pytest.MonkeyPatch):
    def broken(inputs):
        raise ImportError("No module named 'pandas'")

    monkeypatch.setattr("opsboard.tui.screens.review.prepare_review", broken)
    app = make_app(tmp_path, quarter_metrics())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        screen = pilot.app.screen
        for _ in range(100):
            if "could not" in status(screen):
                break
            await pilot.pause()
        assert status(screen) == "Review · could not prepare the reports (ImportError: No module named 'pandas')"
        assert not screen.query_one("#review-loading").display
        assert app.is_running
