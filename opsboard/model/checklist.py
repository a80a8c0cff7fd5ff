"""Checklist items: the operations playbook for each phase."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from .base import Record
from .enums import ItemStatus, Phase
from .text import Line, RequiredLine, Text


class ChecklistItem(Record):
    phase: Phase
    code: RequiredLine = Field(max_length=8)  # "A", "B", "1" as in the playbook
    title: RequiredLine
    detail: Text = ""  # why it matters, for a new team member
    department: str  # a Department id
    status: ItemStatus = ItemStatus.OPEN
    owner: Line = ""
    due: date | None = None
    notes: Text = ""
    done_at: datetime | None = None
    done_by: Line = ""
    order: int = 0

    def is_overdue(self, today: date) -> bool:
        return self.status is ItemStatus.OPEN and self.due is not None and self.due < today
