"""The domain's fixed vocabularies."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    RESEARCH = "research"
    LAUNCH = "launch"
    PROMOTION = "promotion"
    REVIEW = "review"


PHASES: tuple[Phase, ...] = tuple(Phase)


class ItemStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"  # not applicable to this project


class TaskStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    BLOCKED = "blocked"
    DONE = "done"


TASK_COLUMNS: tuple[TaskStatus, ...] = tuple(TaskStatus)

TASK_STATUS_LABELS: dict[TaskStatus, str] = {
    TaskStatus.TODO: "To do",
    TaskStatus.DOING: "Doing",
    TaskStatus.BLOCKED: "Blocked",
    TaskStatus.DONE: "Done",
}


class Language(StrEnum):
    EN = "en"
    ZH = "zh"
