"""Pictures of view 4 on a fixed board and a frozen clock, at 120×40 and 80×24.
Update the baselines with `pytest tests/tui/test_review_snapshots.py --snapshot-update`
after checking the new pictures by eye."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from opsboard.model import Channel, DailyMetric, Operation, OpKind, Table, TargetPlan
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore
from opsboard.tui.app import OpsboardApp
from opsboard.tui.screens.review import ReviewScreen

FROZEN = "2026-01-15T09:00:00+00:00"


def year_2025() -> list[DailyMetric]:
    """Every day of 2025 for Tmall and Douyin, with a November peak; figures
    from integer arithmetic so every run draws the same board."""
    rows = []
    day = date(2025, 1, 1)
    while day.year == 2025:
        wobble = (day.toordinal() * 37) % 300
        peak = 3 if day.month == 11 and day.day <= 11 else 1
        uv = (800 + wobble + 40 * day.month) * peak
        rows.append(DailyMetric(date=day, channel="Tmall", pv=3 * uv, uv=uv, orders=uv // 30, revenue=uv // 30 * 250, ad_spend=uv // 4))
        small = 300 + wobble // 2
        rows.append(
            DailyMetric(date=day, channel="Douyin", pv=2 * small, uv=small, orders=small // 50, revenue=small // 50 * 180, ad_spend=0)
        )
        day += timedelta(days=1)
    return rows


def make_app(folder: Path, metrics: bool = True, language: str | None = None) -> OpsboardApp:
    """`language`: "zh" for a board made in Chinese (the app speaks it)."""
    path = folder / "shop.json"
    store = init_board(path, user="ana", name="Tea Shop", year=2025, language=language)
    if metrics:
        docs = [m.to_doc() | {"id": m.id} for m in year_2025()]
        store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=docs))
        plan = TargetPlan(
            year=2025,
            annual_target=9_000_000,
            channels=[Channel(id="tmall", name="Tmall", share=0.8), Channel(id="douyin", name="Douyin", share=0.2)],
        )
        store.apply(Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id="plan", after=plan.to_doc()))
    app = OpsboardApp(BoardStore(path, user="ana"))
    app.animation_level = "none"
    return app


def open_review(*keys: str):
    async def run(pilot) -> None:
        await pilot.press("4")
        for _ in range(200):
            screen = pilot.app.screen
            if isinstance(screen, ReviewScreen) and screen.source is not None:
                break
            await pilot.pause()
        else:
            raise AssertionError("the review did not load")
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPSBOARD_NOW", FROZEN)
    monkeypatch.delenv("NO_COLOR", raising=False)


def test_monthly_with_targets_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=open_review())


def test_weekly_one_channel_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_review("w", "c", "k", "k"))


def test_weekly_all_channels_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path), terminal_size=(120, 40), run_before=open_review("w"))


def test_empty_board_80x24(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)  # the import command names the board as typed here: shop.json
    assert snap_compare(make_app(tmp_path, metrics=False), terminal_size=(80, 24), run_before=open_review())


def test_no_color_80x24(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_review())


# The Chinese interface (a board made in Chinese): headings, status, charts'
# month labels and the summary in Chinese, wide headings aligned.


def test_chinese_monthly_with_targets_120x40(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path, language="zh"), terminal_size=(120, 40), run_before=open_review())


def test_chinese_weekly_one_channel_80x24(snap_compare, tmp_path: Path):
    assert snap_compare(make_app(tmp_path, language="zh"), terminal_size=(80, 24), run_before=open_review("w", "c", "k", "k"))


def test_chinese_empty_board_80x24(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    assert snap_compare(make_app(tmp_path, metrics=False, language="zh"), terminal_size=(80, 24), run_before=open_review())
