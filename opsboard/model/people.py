"""The board's roster: the people tasks are given to."""

from __future__ import annotations

from .base import Record
from .text import Line, RequiredLine


class Person(Record):
    """A teammate. `name` is what a task's owner holds (short, e.g. `wang`);
    `display_name` what the screens show beside it (`Wang Fang`)."""

    name: RequiredLine
    display_name: Line = ""
    department: str | None = None  # a Department id

    @property
    def shown(self) -> str:
        return self.display_name or self.name
