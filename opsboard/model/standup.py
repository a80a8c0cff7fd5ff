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
    # who said each note and decision, in the same order ("" where not known:
    # records from before authors were kept)
    notes_by: list[Line] = Field(default_factory=list)
    decisions_by: list[Line] = Field(default_factory=list)
    seconds: float = 0.0

    def said(self, field: str) -> list[tuple[str, str]]:
        """(text, who) of the notes or the decisions."""
        texts, by = getattr(self, field), getattr(self, f"{field}_by")
        return [(text, by[n] if n < len(by) else "") for n, text in enumerate(texts)]


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
