"""Shared by the board-file tests: a small board and the operations they apply."""

from __future__ import annotations

from pathlib import Path

from opsboard.model import BoardMeta, Department, Operation, OpKind, Table
from opsboard.store import BoardStore

FROZEN = "2026-03-02T09:30:00+08:00"


def make_board(path: Path, user: str = "ana") -> BoardStore:
    return BoardStore.create(
        path,
        user=user,
        meta=BoardMeta(name="Spring shop", year=2026),
        departments=[Department(id="design", name="Design", order=1), Department(id="ops", name="Operations", order=2)],
    )


def add_task(task_id: str, title: str = "Shoot product photos", **fields: object) -> Operation:
    doc = {"id": task_id, "department": "design", "title": title, **fields}
    return Operation(kind=OpKind.ADD, table=Table.TASKS, doc_id=task_id, after=doc)


def set_task(task_id: str, after: dict, before: dict | None = None) -> Operation:
    return Operation(kind=OpKind.SET, table=Table.TASKS, doc_id=task_id, after=after, before=before)
