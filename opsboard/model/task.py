"""Tasks on the department boards."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator, Field

from opsboard.i18n import _

from .base import Record
from .comment import Comment
from .enums import TaskStatus
from .text import Line, RequiredLine, Text


def parse_priority(value: object) -> object:
    """Accept 1–4 or P1–P4 (1 is highest)."""
    if isinstance(value, str):
        text = value.strip().upper()
        if text.startswith("P"):
            text = text[1:]
        if not text.isdigit():
            raise ValueError(_("priority is 1-4 or P1-P4"))
        return int(text)
    return value


Priority = Annotated[int, BeforeValidator(parse_priority), Field(ge=1, le=4)]


class Task(Record):
    department: str  # a Department id
    title: RequiredLine
    status: TaskStatus = TaskStatus.TODO
    blocked_reason: Line = ""
    blocked_since: datetime | None = None
    priority: Priority = 3
    owner: Line = ""
    due: date | None = None
    tags: list[Line] = Field(default_factory=list)
    checklist_item: str | None = None  # a ChecklistItem id this task serves
    notes: Text = ""
    rank: float = 0.0  # order within its column, smaller first
    month: int | None = Field(default=None, ge=1, le=12)  # target month a corrective task serves
    created_at: datetime | None = None
    created_by: Line = ""
    done_at: datetime | None = None
    comments: list[Comment] = Field(default_factory=list)  # the thread, oldest first

    def is_overdue(self, today: date) -> bool:
        return self.status is not TaskStatus.DONE and self.due is not None and self.due < today

    def is_due_today(self, today: date) -> bool:
        return self.status is not TaskStatus.DONE and self.due == today
