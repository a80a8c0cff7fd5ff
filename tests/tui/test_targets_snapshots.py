"""Pictures of view 3 on a fixed board and a frozen clock, at 120×40 and 80×24.
Update the baselines with `pytest tests/tui/test_targets_snapshots.py --snapshot-update`
after checking the new pictures by eye."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from opsboard.model import Campaign, Channel, DailyMetric, Operation, OpKind, Table, TargetPlan
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.targets import TargetsScreen

FROZEN = "2025-09-21T09:00:00+08:00"


def metrics_2025() -> list[DailyMetric]:
    """1 January – 20 September 2025 for Tmall and JD; integer arithmetic so
    every run draws the same board. Traffic sags in June, conversion in August."""
    rows = []
    day = date(2025, 1, 1)
    while day <= date(2025, 9, 20):
        wobble = (day.toordinal() * 37) % 200
        uv = 2_200 + 5 * wobble + (0 if day.month == 6 else 500)
        per_thousand = 24 if day.month == 8 else 31  # orders per 1,000 UV
        orders = uv * per_thousand // 1000
        rows.append(DailyMetric(date=day, channel="Tmall", pv=3 * uv, uv=uv, orders=orders, revenue=orders * 252, ad_spend=uv // 3))
        rows.append(DailyMetric(date=day, channel="JD", pv=uv // 2, uv=uv // 4, orders=orders // 4, revenue=orders // 4 * 240))
        day += timedelta(days=1)
    return rows


def make_app(folder: Path, language: str | None = None) -> OpsboardApp:
    """`language`: "zh" for a board made in Chinese (its departments 市场部…; the app speaks it)."""
    path = folder / "shop.json"
    store = init_board(path, user="ana", name="Tea Shop", year=2025, language=language)
    plan = TargetPlan(
        year=2025,
        annual_target=12_000_000,
        conversion=[0.03] * 12,
        order_value=[250.0] * 12,
        paid_share=[0.45] * 12,
        cost_per_click=[1.8] * 5 + [2.4] + [1.8] * 4 + [2.6, 2.2],
        promotion_budget=1_000_000,
        orders_per_agent_day=120,
        channels=[Channel(id="tmall", name="Tmall", share=0.8), Channel(id="jd", name="JD [outlet]", share=0.2)],
        campaigns=[Campaign(id="c-618", name="618 [mid-year]", start=date(2025, 6, 1), end=date(2025, 6, 18), uplift=0.5)],
    )
    store.apply(Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id="plan", after=plan.to_doc()))
    docs = [m.to_doc() | {"id": m.id} for m in metrics_2025()]
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs, summary="snapshot metrics"))
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    return app


def open_targets(*keys: str):
    async def run(pilot) -> None:
        await pilot.press("3")
        for _ in range(100):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            screen = pilot.app.screen
            if isinstance(screen, TargetsScreen) and screen.view is not None and screen.view.actuals_ready:
                break
        else:
            raise AssertionError("view 3 did not load")
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_months_table_chart_and_deviations_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=open_targets())


def test_months_august_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_targets("k"))


def test_chart_tab_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_targets("l"))


def test_budget_tab_over_budget_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=open_targets("l", "l", "l"))


def test_channels_and_departments_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_targets("l", "l"))


def test_no_color_80x24(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_targets())


# The Chinese interface (a board made in Chinese): every heading, figure and
# sentence in Chinese, amounts in 万/亿 where the columns are narrow, wide
# characters aligned and never cut.


def test_chinese_months_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path, "zh"), terminal_size=(120, 40), run_before=open_targets())


def test_chinese_months_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path, "zh"), terminal_size=(80, 24), run_before=open_targets())


def test_chinese_channels_and_departments_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path, "zh"), terminal_size=(80, 24), run_before=open_targets("l", "l"))


def test_chinese_budget_tab_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path, "zh"), terminal_size=(120, 40), run_before=open_targets("l", "l", "l"))
