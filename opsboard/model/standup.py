"""A finished daily stand-up, kept as a record."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .base import Record
from .text import Line, Text


class DepartmentNotes(Record):
    """What was said for one department (id: the department id)."""

    notes: list[Text] = Field(default_factory=list)
    decisions: list[Text] = Field(default_factory=list)
    seconds: float = 0.0


class StandupRecord(Record):
    started_at: datetime
    finished_at: datetime | None = None
    run_by: Line = ""
    departments: list[DepartmentNotes] = Field(default_factory=list)
    decisions: list[Text] = Field(default_factory=list)

    @property
    def duration_seconds(self) -> float:
        if self.finished_at is None:
            return 0.0
        return (self.finished_at - self.started_at).total_seconds()
