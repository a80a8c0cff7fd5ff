"""Build sample_data/: the demo board `opsboard --demo` opens and its store metrics CSV.

    python sample_data/make_sample.py        (or: make sample)

The demo is an apparel brand's Tmall flagship store in its first year:
research done, launch nearly done, promotion under way, review ahead; about
forty tasks over all departments; a 12 million CNY target and daily metrics
up to 26 November 2026. The board is built only through the public services
and store operations, so rebuilding it after a schema change keeps it valid.
The team is on the board's roster. Each change is applied at the moment it
happened in the story (OPSBOARD_NOW), so the activity log reads like the
year, and the output is the same bytes on every run.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sys
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import orjson

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing

from demo_metrics import daily_metrics
from demo_tasks import CHECKLIST, TASKS

import opsboard.model.ids as ids
from opsboard.logic.campaign_calendar import campaign_preset
from opsboard.model import Campaign, Channel, Operation, OpKind, Person, Table, TargetPlan, Task
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore
from opsboard.store.archiving import DAYS_FIELD

BOARD = HERE / "demo_board.json"
METRICS_CSV = HERE / "store_metrics_2026.csv"
CHINA = timezone(timedelta(hours=8))
LEAD = "lin"  # the operations lead
FIRST_DAY, LAST_DAY = date(2026, 1, 1), date(2026, 11, 26)


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), CHINA)


def frozen(moment: datetime) -> None:
    """Every timestamp the store writes from here on is `moment`."""
    os.environ["OPSBOARD_NOW"] = moment.isoformat()


def target_plan() -> TargetPlan:
    return TargetPlan(
        year=2026,
        annual_target=12_000_000,
        currency="CNY",
        conversion=[0.028] * 5 + [0.032] + [0.028] * 4 + [0.034, 0.031],
        order_value=[255.0] * 5 + [265.0] + [250.0] * 4 + [270.0, 262.0],
        paid_share=[0.42] * 12,
        cost_per_click=[1.35] * 5 + [1.7] + [1.35] * 4 + [1.9, 1.6],
        new_products=[6, 2, 14, 10, 8, 12, 6, 8, 16, 12, 10, 6],
        channels=[
            Channel(id="tmall", name="Tmall", share=0.7),
            Channel(id="douyin", name="Douyin", share=0.2),
            Channel(id="jd", name="JD", share=0.1),
        ],
        promotion_budget=1_500_000,
        orders_per_agent_day=160,
        # The presets' phases at Tmall's dates (presale, the main days, the
        # peak day weighted above them, the return days), on every channel:
        # the day curve peaks on 6-18, 11-11 and 12-12 as the store's sales do.
        campaigns=[
            preset_campaign("c-618", "618", "618 mid-year sale", 0.6, "marketing"),
            preset_campaign("c-double11", "双11", "Double 11", 1.2, "bd"),
            preset_campaign("c-double12", "双12", "Double 12", 0.5, "operations"),
        ],
        notes="Year one of the flagship store; Douyin opened in January",
    )


def preset_campaign(campaign_id: str, preset: str, name: str, uplift: float, department: str) -> Campaign:
    """A campaign with the phases of a preset at Tmall's dates for 2026."""
    doc = campaign_preset(preset, "tmall", 2026).to_doc()
    return Campaign.model_validate(doc | {"id": campaign_id, "name": name, "platform": "", "uplift": uplift, "department": department})


def checklist_ops() -> list[tuple[datetime, str, Operation]]:
    """(when, who, change) for each checklist item the team has worked on."""
    changes = []
    for item_id, status, owner, due, when, notes in CHECKLIST:
        after: dict = {"owner": owner, "due": due.isoformat() if due else None}
        if notes:
            after["notes"] = notes
        moment = at(when, 17, 30)
        if status == "done":
            after |= {"status": "done", "done_at": moment.isoformat(), "done_by": owner}
        elif status == "skipped":
            after["status"] = "skipped"
        op = Operation(kind=OpKind.SET, table=Table.CHECKLIST, doc_id=item_id, after=after, label="edit")
        changes.append((moment, owner, op))
    return changes


def task_ops() -> list[tuple[datetime, str, Operation]]:
    """(when, who, change): each task added as it stands today, on the day it was created."""
    changes = []
    ranks: dict[tuple[str, str], int] = {}
    for n, spec in enumerate(TASKS, start=1):
        task_id = f"t-demo{n:03d}"
        created = at(spec.created, 9, 15 + n % 40)
        rank = ranks[(spec.department, spec.status)] = ranks.get((spec.department, spec.status), 0) + 1
        task = Task(
            id=task_id,
            department=spec.department,
            title=spec.title,
            status=spec.status,
            blocked_reason=spec.blocked_reason,
            blocked_since=at(spec.blocked_since, 11) if spec.blocked_since else None,
            priority=spec.priority,
            owner=spec.owner,
            due=spec.due,
            tags=list(spec.tags),
            checklist_item=spec.checklist_item,
            notes=spec.notes,
            rank=float(rank),
            created_at=created,
            created_by=LEAD if n % 3 else spec.owner,
            done_at=at(spec.done, 16) if spec.done else None,
        )
        op = Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id=task_id, after=task.to_doc(), label="add")
        changes.append((created, task.created_by, op))
    return changes


# The team on the board's roster (what owner fields complete from and the
# overview's per-person rows): name as the tasks hold it, display name, department.
ROSTER = [
    ("lin", "Lin Jing", "operations"),
    ("chen", "Chen Yu", "design"),
    ("wang", "Wang Fang", "marketing"),
    ("zhao", "Zhao Lei", "customer_service"),
    ("zhou", "Zhou Min", "product_development"),
    ("he", "He Ping", "hr"),
    ("sun", "Sun Hao", "bd"),
    ("liu", "Liu Yang", "data_analysis"),
    ("xu", "Xu Li", "store_admin"),
]


def roster_ops() -> list[Operation]:
    """The lead puts the team on the roster, in one save."""
    return [
        Operation(
            kind=OpKind.ADD,
            table=Table.PEOPLE,
            doc_id=f"p-{name}",
            after=Person(id=f"p-{name}", name=name, display_name=display, department=department).to_doc(),
            label="add",
        )
        for name, display, department in ROSTER
    ]


def archive_setting(path: Path, days: int | None) -> None:
    """The board's archive age set as a hand edit would, outside the story:
    the story is replayed with the archive off (its done tasks stay on the
    board, as a team's board before the archive was), and the demo board
    keeps the default, so a user's first save in the demo archives them."""
    data = orjson.loads(path.read_bytes())
    meta = data["meta"]["meta"]
    if days is None:
        meta.pop(DAYS_FIELD, None)
    else:
        meta[DAYS_FIELD] = days
    path.write_bytes(orjson.dumps(data))


def build(path: Path) -> list:
    """The demo board at `path` (which must not exist); returns its daily metrics."""
    frozen(at(date(2026, 1, 5), 9))
    store = init_board(path, user=LEAD, language="en", name="Linen & Loom Tmall flagship", year=2026)
    archive_setting(path, 0)
    plan = target_plan()
    changes = [
        (at(date(2026, 1, 16), 15), LEAD, Operation(kind=OpKind.ADD, table=Table.TARGETS, doc_id="plan", after=plan.to_doc(), label="add"))
    ]
    changes += checklist_ops() + task_ops()
    for moment, who, op in sorted(changes, key=lambda change: change[0]):
        frozen(moment)
        store.user = who
        store.apply(op)
    frozen(at(LAST_DAY + timedelta(days=1), 8, 30))
    store.user = LEAD
    store.apply(*roster_ops())
    metrics = daily_metrics(plan, FIRST_DAY, LAST_DAY)
    frozen(at(LAST_DAY + timedelta(days=1), 8, 40))
    store.user = "liu"
    docs = [{**metric.to_doc(), "id": metric.id} for metric in metrics]
    store.apply(
        Operation(
            kind=OpKind.REPLACE,
            table=Table.ACTUALS,
            docs=docs,
            summary=f"imported {len(docs)} days of store metrics from {METRICS_CSV.name}",
            label="import",
        )
    )
    archive_setting(path, None)
    return metrics


def write_csv(path: Path, metrics: list) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["date", "channel", "pv", "uv", "orders", "revenue", "ad_spend"])
        for m in metrics:
            writer.writerow([m.date.isoformat(), m.channel, m.pv, m.uv, m.orders, f"{m.revenue:.2f}", f"{m.ad_spend:.2f}"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the demo board and its store metrics CSV.")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: sample_data/)")
    out = parser.parse_args(argv).out
    board, metrics_csv = out / BOARD.name, out / METRICS_CSV.name
    # Activity entries get random ids by design; a seeded source makes the
    # sample the same bytes on every run, so a rebuild shows no false diff.
    ids.source = random.Random(2026)
    with tempfile.TemporaryDirectory(prefix="opsboard-sample-") as folder:
        # Built aside: the store leaves backups and a lock file next to a board.
        scratch = Path(folder) / BOARD.name
        metrics = build(scratch)
        problems = BoardStore(scratch, user=LEAD).validate_all()
        if problems:
            sys.exit(f"the demo board does not validate: {problems[0]}")
        shutil.copyfile(scratch, board)
    write_csv(metrics_csv, metrics)
    print(f"Wrote {board} and {metrics_csv} ({len(metrics)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
