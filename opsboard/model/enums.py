"""The domain's fixed vocabularies, and the board file's schema version.

Plain Python (no pydantic): the first screen is drawn from these before the
models have loaded."""

from __future__ import annotations

from enum import StrEnum

from opsboard.i18n import lazy_pgettext

SCHEMA_VERSION = 2
"""Bump with a migration step in opsboard/store/migrations.py."""


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

# in the interface language when read (str(...)): the columns, exports and CLI show these
TASK_STATUS_LABELS: dict[TaskStatus, str] = {
    TaskStatus.TODO: lazy_pgettext("task status", "To do"),
    TaskStatus.DOING: lazy_pgettext("task status", "Doing"),
    TaskStatus.BLOCKED: lazy_pgettext("task status", "Blocked"),
    TaskStatus.DONE: lazy_pgettext("task status", "Done"),
}


class Language(StrEnum):
    EN = "en"
    ZH = "zh"


class OpKind(StrEnum):
    ADD = "add"  # a new document
    SET = "set"  # some fields of one document
    DELETE = "delete"  # one document
    REPLACE = "replace"  # many documents at once (an import); logged as a summary


class Table(StrEnum):
    META = "meta"
    DEPARTMENTS = "departments"
    CHECKLIST = "checklist"
    TASKS = "tasks"
    TARGETS = "targets"
    ACTUALS = "actuals"
    STANDUPS = "standups"
    PEOPLE = "people"  # the roster; a board without the table has no one on it
