"""A fixed board for the stand-up view's tests: Monday 15 June 2026, 09:30
(UTC+8), no stand-up recorded yet, so "done since" counts from Friday 12 June.

    Design:      Retouch hero images (doing, due 10 Jun: overdue), Shoot
                 detail photos (to do, due today), Size chart (to do, due
                 Thu 18 Jun), Home page banner (done Fri 16:00)
    Marketing:   Book 618 ad slots (blocked "budget not approved" since Fri
                 10:00), Keyword bids review (doing)
    Customer Service: Reply templates for 618 (doing)
    the rest:    nothing
A plan for 2026 and 1–14 June metrics at 92% of the planned visitors, with
conversion and order value as planned: marketing reads "UV 8% under plan".
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from opsboard.logic.targets import monthly_breakdown
from opsboard.model import DailyMetric, Operation, OpKind, Table, TargetPlan
from opsboard.services.board_files import init_board
from opsboard.services.tasks import add_task, update_task

MONDAY = "2026-06-15T09:30:00+08:00"


def build_board(path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Writes the board; returns task title → id. Leaves the clock on MONDAY."""
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-12T09:00:00+08:00")
    store = init_board(path, user="lin", name="Linen & Loom", year=2026)
    ids: dict[str, str] = {}

    def add(dept: str, title: str, **fields) -> str:
        ids[title] = add_task(store, department=dept, title=title, **fields).id
        return ids[title]

    update_task(store, add("design", "Retouch hero images", owner="chen", due="2026-06-10", priority=1), status="doing")
    add("design", "Shoot detail photos", owner="chen", due="2026-06-15")
    add("design", "Size chart", owner="mei", due="2026-06-18")
    banner = add("design", "Home page banner", owner="chen")
    add("marketing", "Keyword bids review", owner="lin")
    update_task(store, ids["Keyword bids review"], status="doing")
    slots = add("marketing", "Book 618 ad slots", owner="lin", priority=1)
    update_task(store, add("customer_service", "Reply templates for 618", owner="wu"), status="doing")
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-12T10:00:00+08:00")
    update_task(store, slots, status="blocked", reason="budget not approved")
    monkeypatch.setenv("OPSBOARD_NOW", "2026-06-12T16:00:00+08:00")
    update_task(store, banner, status="done")

    plan = TargetPlan(year=2026, annual_target=12_000_000)
    store.apply(Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id="plan", after=plan.to_doc(), label="add"))
    june = monthly_breakdown(plan).months[5]
    daily_uv = round(june.uv / 30 * 0.92)  # type: ignore[operator]
    metrics = []
    for n in range(14):
        orders = round(daily_uv * june.conversion)
        metrics.append(
            DailyMetric(
                date=date(2026, 6, 1) + timedelta(n),
                channel="Tmall",
                pv=daily_uv * 3,
                uv=daily_uv,
                orders=orders,
                revenue=orders * june.order_value,
                ad_spend=0,
            )
        )
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.ACTUALS, docs=[m.to_doc() | {"id": m.id} for m in metrics]))
    monkeypatch.setenv("OPSBOARD_NOW", MONDAY)
    return ids
