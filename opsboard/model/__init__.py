"""pydantic models and enums of the board: no I/O, no UI."""

from .activity import ActivityEntry, Operation, OpKind, Table
from .actuals import ALL_CHANNELS, DailyMetric
from .board import SCHEMA_VERSION, BoardMeta, Department
from .checklist import ChecklistItem
from .enums import PHASES, TASK_COLUMNS, TASK_STATUS_LABELS, ItemStatus, Language, Phase, TaskStatus
from .standup import DepartmentNotes, StandupRecord
from .targets import DEFAULT_SEASONALITY, Campaign, Channel, TargetPlan
from .task import Task

__all__ = [
    "ALL_CHANNELS",
    "ActivityEntry",
    "BoardMeta",
    "Campaign",
    "Channel",
    "ChecklistItem",
    "DEFAULT_SEASONALITY",
    "DailyMetric",
    "Department",
    "DepartmentNotes",
    "ItemStatus",
    "Language",
    "OpKind",
    "Operation",
    "PHASES",
    "Phase",
    "SCHEMA_VERSION",
    "StandupRecord",
    "TASK_COLUMNS",
    "TASK_STATUS_LABELS",
    "Table",
    "TargetPlan",
    "Task",
    "TaskStatus",
]
