"""A fixed board for the boards view's tests and snapshots: the English
template's departments and checklists, and thirteen tasks with fixed ids, on a
frozen clock (2026-03-02 09:30 +08:00)."""

from __future__ import annotations

from pathlib import Path

import orjson

from opsboard.model import Operation, OpKind, Table, Task
from opsboard.services.board_files import init_board
from opsboard.store import BoardStore

NOW = "2026-03-02T09:30:00+08:00"
CREATED = "2026-02-01T10:00:00+08:00"

TASKS = [
    # Design: an overdue P1, one due today with markup-like text, a plain one; doing; blocked; four done,
    # the oldest (t-d6) past the fold window and not among the last three finished
    dict(
        id="t-d1",
        department="design",
        title="Retouch hero images",
        priority=1,
        owner="mei",
        due="2026-03-01",
        tags=["photos"],
        checklist_item="launch-b",
        rank=1.0,
    ),
    dict(id="t-d2", department="design", title="Banner [bold]spring[/] sale", priority=2, owner="tao", due="2026-03-02", rank=2.0),
    dict(id="t-d3", department="design", title="Detail page layout", priority=3, rank=3.0),
    dict(id="t-d4", department="design", title="Home page module", status="doing", priority=2, owner="chen", due="2026-03-10", rank=1.0),
    dict(
        id="t-d5",
        department="design",
        title="Shoot linen shirts",
        status="blocked",
        owner="mei",
        blocked_reason="waiting for samples",
        blocked_since="2026-02-25T10:00:00+08:00",
        rank=1.0,
    ),
    dict(id="t-d6", department="design", title="Old banner", status="done", done_at="2026-01-10T10:00:00+08:00", rank=1.0),
    dict(id="t-d7", department="design", title="Logo refresh", status="done", owner="tao", done_at="2026-02-28T10:00:00+08:00", rank=2.0),
    dict(id="t-d8", department="design", title="Size chart", status="done", done_at="2026-02-20T10:00:00+08:00", rank=3.0),
    dict(id="t-d9", department="design", title="New Year banner", status="done", done_at="2026-01-20T10:00:00+08:00", rank=4.0),
    # Marketing: an overdue doing card and a blocked one
    dict(
        id="t-m1",
        department="marketing",
        title="Keyword bids for 618",
        status="doing",
        priority=1,
        owner="wang",
        due="2026-02-20",
        tags=["ppc", "618"],
        checklist_item="promotion-a",
        rank=1.0,
    ),
    dict(
        id="t-m2",
        department="marketing",
        title="Gift plan",
        status="blocked",
        blocked_reason="budget not approved",
        blocked_since="2026-02-27T10:00:00+08:00",
        rank=1.0,
    ),
    dict(id="t-c1", department="customer_service", title="Quick replies for Double 11", owner="zhao", rank=1.0),
    dict(id="t-h1", department="hr", title="Hire two agents", status="done", done_at="2026-03-01T10:00:00+08:00", rank=1.0),
]


def make_board(path: Path, user: str = "ana") -> BoardStore:
    """Needs OPSBOARD_NOW=NOW set (the board's year and stamps come from it)."""
    store = init_board(path, user=user, name="Spring shop")
    docs = [Task.model_validate({"created_at": CREATED, "created_by": "ana", **fields}).to_doc() for fields in TASKS]
    store.apply(Operation(kind=OpKind.REPLACE, table=Table.TASKS, docs=docs, summary="test tasks"))
    # archive age 0 (never), set as a hand edit would, so the activity stays as it was: the
    # fold tests keep their old done cards on the board (tests/store/test_task_archive.py moves them)
    data = orjson.loads(path.read_bytes())
    data["meta"]["meta"]["archive_after_days"] = 0
    path.write_bytes(orjson.dumps(data))
    return BoardStore(path, user=user)
