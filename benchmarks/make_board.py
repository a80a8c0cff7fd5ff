"""Write a realistic board of N tasks, for benchmarks and for trying the views at scale.

    python benchmarks/make_board.py --tasks 10000 big.json [--seed 7]
    python benchmarks/make_board.py --tasks 100000 --done 95000 five-years.json
    python benchmarks/make_board.py --tasks 100000 --done 95000 --history five-years.json

The tasks are spread over every department and status, with owners, due
dates around today, tags and priorities; blocked ones carry a reason and
about a third serve a checklist item. They go in as one REPLACE operation,
so 10,000 tasks take one save, not 10,000.

`--done N`: exactly N of them done, finished over five years and all but the
last few weeks' past the archive age, so the board's first save moves them
to its archive (the board as written still holds them all, as an old board
does before it migrates). Without it about a third are done, and the
board's archive age is 0 (never), so the 10,000-task benchmarks measure
10,000 live tasks.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))  # board_history beside it

from opsboard.model import Operation, OpKind, Table, Task, TaskStatus
from opsboard.model.clock import now
from opsboard.services.board_files import init_board
from opsboard.store.archiving import DAYS_FIELD

OWNERS = {
    "design": ("chen", "mei", "tao"),
    "marketing": ("wang", "jun", "yan"),
    "customer_service": ("zhao", "fang", "ling", "qing"),
    "product_development": ("zhou", "bo"),
    "hr": ("he",),
    "bd": ("sun", "kai"),
    "data_analysis": ("liu", "xin"),
    "operations": ("lin", "hui"),
    "store_admin": ("xu", "ping"),
}
WORK = {
    "design": ("Retouch photos for", "Banner for", "Detail page layout for", "Home page module for", "Shoot"),
    "marketing": ("Keyword bids for", "Gift plan for", "Soft-marketing article on", "Affiliate offer for", "Ad placements for"),
    "customer_service": ("Quick replies for", "Staff the peak of", "Member message about", "Returns process for"),
    "product_development": ("Stock check for", "Sample review of", "Supplier quote for", "New style brief for"),
    "hr": ("Hire for", "Assessment criteria for", "Training on", "Work standards for"),
    "bd": ("Register for", "Venue slot for", "Reseller terms for", "Partner call about"),
    "data_analysis": ("Traffic report on", "Conversion check of", "Weekly report on", "Price tracking of"),
    "operations": ("Budget for", "Run sheet for", "Resource plan for", "Review of"),
    "store_admin": ("List", "Coupons for", "Shipping template for", "Complaint about copies of"),
}
SUBJECTS = (
    "linen shirts",
    "the duvet cover",
    "Double 12",
    "618",
    "Double 11",
    "the spring range",
    "winter coats",
    "bedding sets",
    "the New Year sale",
    "Douyin live",
    "JD store",
    "member day",
    "summer dresses",
    "kids' line",
)
TAGS = ("double11", "double12", "618", "cny", "photos", "ppc", "crm", "supply", "staffing", "listing", "budget", "review")
BLOCKED_REASONS = (
    "budget not approved",
    "waiting for the supplier's quote",
    "headcount not approved",
    "design department at capacity",
    "waiting for the marketplace's reply",
)
# to do, doing, blocked, done: a board mid-year
STATUS_WEIGHTS = ((TaskStatus.TODO, 0.35), (TaskStatus.DOING, 0.2), (TaskStatus.BLOCKED, 0.08), (TaskStatus.DONE, 0.37))


def task_docs(count: int, checklist_ids: list[str], seed: int = 7, done: int | None = None) -> list[dict]:
    """`count` task documents, the same for the same seed; `done`: exactly
    that many done, finished over five years (the rest open)."""
    rng = random.Random(seed)
    stamp = now()
    departments = list(OWNERS)
    statuses = [s for s, _ in STATUS_WEIGHTS]
    weights = [w for _, w in STATUS_WEIGHTS]
    open_weights = weights[:-1]
    done_ids = set(rng.sample(range(count), done)) if done is not None else set()
    docs = []
    for n in range(count):
        department = departments[n % len(departments)]
        if done is None:
            status = rng.choices(statuses, weights)[0]
            created = stamp - timedelta(days=rng.randint(1, 300), minutes=rng.randint(0, 600))
        elif n in done_ids:
            status = TaskStatus.DONE
            created = stamp - timedelta(days=rng.randint(21, 5 * 365), minutes=rng.randint(0, 600))
        else:
            status = rng.choices(statuses[:-1], open_weights)[0]
            created = stamp - timedelta(days=rng.randint(1, 300), minutes=rng.randint(0, 600))
        blocked = status is TaskStatus.BLOCKED
        task = Task(
            id=f"t-b{n:07d}",
            department=department,
            title=f"{rng.choice(WORK[department])} {rng.choice(SUBJECTS)}",
            status=status,
            blocked_reason=rng.choice(BLOCKED_REASONS) if blocked else "",
            blocked_since=created + timedelta(days=1) if blocked else None,
            priority=rng.choices((1, 2, 3, 4), (0.1, 0.3, 0.45, 0.15))[0],
            owner=rng.choice(OWNERS[department]),
            due=(stamp + timedelta(days=rng.randint(-40, 60))).date() if rng.random() < 0.8 else None,
            tags=rng.sample(TAGS, rng.randint(0, 2)),
            checklist_item=rng.choice(checklist_ids) if rng.random() < 0.3 else None,
            rank=float(n),
            created_at=created,
            created_by=rng.choice(OWNERS["operations"]),
            done_at=min(created + timedelta(days=rng.randint(1, 20)), stamp) if status is TaskStatus.DONE else None,
        )
        docs.append(task.to_doc())
    return docs


def make_board(path: str | Path, tasks: int, seed: int = 7, user: str = "bench", done: int | None = None, history: bool = False) -> Path:
    """A new board at `path` (which must not exist) with `tasks` tasks (`done`
    of them done and mostly past the archive age; `history`: five years of
    use; see the module's doc)."""
    if history:
        from board_history import make_history_board

        return make_history_board(Path(path), task_docs, tasks, seed=seed, done=done)
    store = init_board(path, user=user, name=f"Benchmark board ({tasks:,} tasks)")
    checklist_ids = [item.id for item in store.checklist()]
    docs = task_docs(tasks, checklist_ids, seed, done)
    ops = [Operation(kind=OpKind.REPLACE, table=Table.TASKS, docs=docs, summary=f"{tasks} benchmark tasks")]
    if done is None:  # 10,000 live tasks, as the older benchmarks measure them
        ops.append(Operation(kind=OpKind.SET, table=Table.META, doc_id="meta", after={DAYS_FIELD: 0}, label="settings"))
    store.apply(*ops)  # the tasks it adds are not archived by the save that adds them
    return store.path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, required=True, help="how many tasks")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same tasks)")
    parser.add_argument("--done", type=int, help="exactly this many done, over five years (the first save archives most)")
    parser.add_argument("--history", action="store_true", help="five years of use: a full activity log, comments, stand-ups, metrics")
    parser.add_argument("path", help="the board file to write (must not exist)")
    args = parser.parse_args(argv)
    if args.tasks < 0:
        parser.error("--tasks must be 0 or more")
    if args.done is not None and not 0 <= args.done <= args.tasks:
        parser.error("--done must be between 0 and --tasks")
    if Path(args.path).exists():
        print(f"make_board: {args.path} already exists", file=sys.stderr)
        return 1
    path = make_board(args.path, args.tasks, args.seed, done=args.done, history=args.history)
    done = f", {args.done:,} done" if args.done is not None else ""
    history = ", five years of history" if args.history else ""
    print(f"Wrote {path}: {args.tasks:,} tasks{done}{history}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
