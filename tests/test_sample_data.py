"""sample_data/: the demo board `opsboard --demo` opens and its metrics CSV are
what make_sample.py builds today (rebuild with `make sample` after a schema
change), and they tell the story the demo is meant to show."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from opsboard.importers import parse_actuals_csv
from opsboard.model import ItemStatus, TaskStatus
from opsboard.services.board_files import DEMO_BOARD, check_board
from opsboard.services.checklists import phase_progress
from opsboard.store import BoardStore

SAMPLE = DEMO_BOARD.parent
CSV = SAMPLE / "store_metrics_2026.csv"
OPENED_ON = date(2026, 11, 27)  # the demo's "today"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> BoardStore:
    copy = tmp_path_factory.mktemp("demo") / "demo.json"
    shutil.copyfile(DEMO_BOARD, copy)
    return BoardStore(copy, user="reader")


def test_the_committed_sample_is_what_the_script_builds(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(SAMPLE / "make_sample.py"), "--out", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for name in ("demo_board.json", "store_metrics_2026.csv"):
        rebuilt = (tmp_path / name).read_bytes()
        assert rebuilt == (SAMPLE / name).read_bytes(), f"sample_data/{name} is out of date: run `make sample` and commit it"


def test_the_demo_board_passes_check(demo: BoardStore) -> None:
    assert check_board(demo.path, user="reader").startswith(
        f"{demo.path}: OK — 'Linen & Loom Tmall flagship', 41 tasks, 22 checklist items"
    )


def test_checklists_are_mid_year_research_done_launch_mostly_promotion_partly_review_open(demo: BoardStore) -> None:
    progress = {p.phase.value: (p.done, p.total, p.skipped) for p in phase_progress(demo)}
    assert progress == {"research": (4, 4, 0), "launch": (4, 5, 0), "promotion": (3, 8, 1), "review": (0, 4, 0)}
    items = demo.checklist()
    assert all(i.owner for i in items)
    overdue = sorted(i.id for i in items if i.is_overdue(OPENED_ON))
    upcoming = sorted(i.id for i in items if i.status is ItemStatus.OPEN and i.due and i.due >= OPENED_ON)
    assert overdue == ["launch-e", "promotion-e", "review-2"]
    assert upcoming == ["promotion-c", "promotion-g", "promotion-h", "promotion-i", "review-1", "review-3", "review-4"]


def test_tasks_cover_every_department_and_status_with_reasons_links_and_dues(demo: BoardStore) -> None:
    tasks = demo.tasks()
    assert len(tasks) == 41
    assert {t.department for t in tasks} == {d.id for d in demo.departments()}  # all nine
    assert Counter(t.status for t in tasks) == {TaskStatus.DONE: 14, TaskStatus.TODO: 12, TaskStatus.DOING: 10, TaskStatus.BLOCKED: 5}
    blocked = [t for t in tasks if t.status is TaskStatus.BLOCKED]
    assert all(t.blocked_reason and t.blocked_since for t in blocked)
    assert sum("budget not approved" in t.blocked_reason for t in blocked) == 3
    item_ids = {i.id for i in demo.checklist()}
    linked = [t.checklist_item for t in tasks if t.checklist_item]
    assert len(linked) == 28 and set(linked) <= item_ids
    assert all(t.done_at for t in tasks if t.status is TaskStatus.DONE)
    assert sorted(t.id for t in tasks if t.is_overdue(OPENED_ON)) == [
        "t-demo009",
        "t-demo010",
        "t-demo021",
        "t-demo029",
        "t-demo037",
        "t-demo039",
    ]
    assert sum(1 for t in tasks if t.status is not TaskStatus.DONE and t.due and OPENED_ON <= t.due <= OPENED_ON + timedelta(days=14)) == 15
    assert [t.id for t in tasks][:2] == ["t-demo032", "t-demo035"]  # stored in the order they were created


def test_the_target_plan(demo: BoardStore) -> None:
    plan = demo.plan()
    assert plan is not None
    assert (plan.year, plan.annual_target, plan.currency, plan.promotion_budget) == (2026, 12_000_000, "CNY", 1_500_000)
    assert [(c.name, c.share) for c in plan.channels] == [("Tmall", 0.7), ("Douyin", 0.2), ("JD", 0.1)]
    assert [(c.name, c.start, c.end, c.department) for c in plan.campaigns] == [
        ("618 mid-year sale", date(2026, 5, 20), date(2026, 6, 20), "marketing"),
        ("Double 11", date(2026, 10, 20), date(2026, 11, 13), "bd"),
        ("Double 12", date(2026, 12, 8), date(2026, 12, 14), "operations"),
    ]


def test_the_demo_campaigns_have_phases_so_each_month_peaks_on_its_big_day(demo: BoardStore) -> None:
    # Migrated single-phase campaigns spread Double 11 flat over 20 Oct – 11 Nov:
    # view 3's staffing named 11-01 as November's peak, sized like any other day.
    from opsboard.logic.staffing import peak_staffing

    plan = demo.plan()
    assert plan is not None
    double11 = next(c for c in plan.campaigns if c.name == "Double 11")
    assert [(p.kind.value, p.start, p.end, p.weight) for p in double11.phases] == [
        ("presale", date(2026, 10, 20), date(2026, 10, 31), 0.5),
        ("main", date(2026, 11, 1), date(2026, 11, 10), 1.0),
        ("main", date(2026, 11, 11), date(2026, 11, 11), 4.0),
        ("return", date(2026, 11, 12), date(2026, 11, 13), 0.5),
    ]
    peaks = {m.month: (m.peak_day, m.peak_agents, m.average_agents) for m in peak_staffing(plan)}
    assert peaks[6][0] == date(2026, 6, 18) and peaks[12][0] == date(2026, 12, 12)
    assert peaks[11] == (date(2026, 11, 11), 8, 2)  # the case: 8 agents on 11-11, 2 on the average day


def test_actuals_are_the_csv_every_day_of_three_channels(demo: BoardStore) -> None:
    stored = sorted(demo.actuals(), key=lambda m: (m.date, m.channel))
    from_csv = sorted(parse_actuals_csv(CSV.read_bytes()), key=lambda m: (m.date, m.channel))
    assert stored == from_csv
    assert len(stored) == 330 * 3
    assert (stored[0].date, stored[-1].date) == (date(2026, 1, 1), date(2026, 11, 26))
    assert {m.channel for m in stored} == {"Tmall", "Douyin", "JD"}
    assert CSV.read_text(encoding="utf-8").splitlines()[0] == "date,channel,pv,uv,orders,revenue,ad_spend"


def test_the_metrics_have_the_marketplace_seasons(demo: BoardStore) -> None:
    by_day: dict[date, float] = {}
    for metric in demo.actuals():
        by_day[metric.date] = by_day.get(metric.date, 0.0) + metric.revenue
    by_month = Counter()
    for day, revenue in by_day.items():
        by_month[day.month] += revenue
    typical = statistics.median(by_day.values())
    assert by_day[date(2026, 11, 11)] > 5 * typical  # Double 11
    assert by_day[date(2026, 6, 18)] > 3 * typical  # 618
    assert min(by_month, key=by_month.get) == 2  # Chinese New Year
    assert max(by_month, key=by_month.get) == 11
    weekend = statistics.mean(r for d, r in by_day.items() if d.weekday() >= 5 and d.month in (3, 4, 5, 8, 9))
    weekday = statistics.mean(r for d, r in by_day.items() if d.weekday() < 5 and d.month in (3, 4, 5, 8, 9))
    assert weekend > 1.05 * weekday
    year_to_date = sum(by_day.values())
    assert 9_000_000 < year_to_date < 11_000_000  # a little behind the 12 M plan, as the demo's targets view shows
