"""What the store writes: documents checked against their model, in the file's form.

A document its model refuses would make its whole table unreadable for every
teammate, so it is refused before the save. Values are kept as the file gives
them back (dates as ISO strings, defaults filled in), so comparing what a user
saw with what the file holds never trips over `date(...)` vs `"2026-05-01"`,
or over a field the file leaves out and the model fills in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ValidationError

from opsboard.model import BoardMeta, ChecklistItem, DailyMetric, Department, StandupRecord, Table, TargetPlan, Task

from .errors import BoardError

MODELS: dict[Table, type[BaseModel]] = {
    Table.DEPARTMENTS: Department,
    Table.CHECKLIST: ChecklistItem,
    Table.TASKS: Task,
    Table.TARGETS: TargetPlan,
    Table.ACTUALS: DailyMetric,
    Table.STANDUPS: StandupRecord,
}
_CHECKED: dict[Table, type[BaseModel]] = {**MODELS, Table.META: BoardMeta}


def jsonable(value: Any) -> Any:
    """`value` as it reads back from the file."""
    return orjson.loads(orjson.dumps(value))


def first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "value"
    return " ".join(f"{where}: {first['msg']}".split())  # one line, whatever the validator said


def checked_doc(path: Path, table: Table, doc_id: str, doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` as the file will hold it: the model's full form (defaults filled
    in, control characters replaced) plus any fields the model does not know.
    BoardError, before anything is saved, when the model refuses it."""
    doc = jsonable(doc)
    model = _CHECKED.get(table)
    if model is None:
        return doc
    try:
        validated = model.model_validate(doc)
    except ValidationError as error:
        raise BoardError(
            f"{path}: table '{table}', document '{doc_id}': {first_error(error)}; nothing was saved"
        ) from None
    return {**doc, **validated.model_dump(mode="json")}


def model_view(table: Table, doc: dict[str, Any]) -> dict[str, Any]:
    """A stored document as its model reads it (a field the file leaves out
    has the model's default); as stored when it does not validate."""
    model = _CHECKED.get(table)
    if model is None:
        return doc
    try:
        return {**doc, **model.model_validate(doc).model_dump(mode="json")}
    except ValidationError:
        return doc
