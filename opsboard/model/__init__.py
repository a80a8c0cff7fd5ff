"""pydantic models and enums of the board: no I/O, no UI.

The enums load at once; a model loads (and pydantic with it, about a tenth of
a second) the first time its name is used. The first screen is drawn before
that: see `opsboard/store/rows.py`.
"""

from importlib import import_module
from typing import TYPE_CHECKING

from .enums import PHASES, SCHEMA_VERSION, TASK_COLUMNS, TASK_STATUS_LABELS, ItemStatus, Language, OpKind, Phase, Table, TaskStatus

# model name → the module that defines it
_MODELS = {
    "ActivityEntry": "activity",
    "Operation": "activity",
    "ALL_CHANNELS": "actuals",
    "DailyMetric": "actuals",
    "BoardMeta": "board",
    "Department": "board",
    "ChecklistItem": "checklist",
    "Comment": "comment",
    "Person": "people",
    "DepartmentNotes": "standup",
    "StandupRecord": "standup",
    "DEFAULT_SEASONALITY": "targets",
    "Campaign": "targets",
    "CampaignPhase": "campaigns",
    "PhaseKind": "campaigns",
    "PHASE_WORDS": "campaigns",
    "Channel": "targets",
    "TargetPlan": "targets",
    "Task": "task",
}


def __getattr__(name: str) -> object:
    module = _MODELS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


if TYPE_CHECKING:
    from .activity import ActivityEntry, Operation
    from .actuals import ALL_CHANNELS, DailyMetric
    from .board import BoardMeta, Department
    from .campaigns import PHASE_WORDS, CampaignPhase, PhaseKind
    from .checklist import ChecklistItem
    from .comment import Comment
    from .people import Person
    from .standup import DepartmentNotes, StandupRecord
    from .targets import DEFAULT_SEASONALITY, Campaign, Channel, TargetPlan
    from .task import Task

__all__ = [
    "ALL_CHANNELS",
    "PHASE_WORDS",
    "ActivityEntry",
    "BoardMeta",
    "Campaign",
    "CampaignPhase",
    "Channel",
    "ChecklistItem",
    "Comment",
    "DEFAULT_SEASONALITY",
    "DailyMetric",
    "Department",
    "DepartmentNotes",
    "ItemStatus",
    "Language",
    "OpKind",
    "Operation",
    "PHASES",
    "Person",
    "Phase",
    "PhaseKind",
    "SCHEMA_VERSION",
    "StandupRecord",
    "TASK_COLUMNS",
    "TASK_STATUS_LABELS",
    "Table",
    "TargetPlan",
    "Task",
    "TaskStatus",
]
