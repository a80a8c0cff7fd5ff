"""What the store writes: documents checked against their model, in the file's form.

A document its model refuses would make its whole table unreadable for every
teammate, so it is refused before the save. Values are kept as the file gives
them back (dates as ISO strings, defaults filled in), so comparing what a user
saw with what the file holds never trips over `date(...)` vs `"2026-05-01"`,
or over a field the file leaves out and the model fills in.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from opsboard import model as models
from opsboard.i18n import _
from opsboard.model import Table
from opsboard.model.validation_messages import field_refusal

from .errors import BoardError

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound="BaseModel")

# table → the name of its model in opsboard.model (names, not classes: a class
# would load pydantic when this module loads, before the first screen)
MODEL_NAMES: dict[Table, str] = {
    Table.DEPARTMENTS: "Department",
    Table.CHECKLIST: "ChecklistItem",
    Table.TASKS: "Task",
    Table.TARGETS: "TargetPlan",
    Table.ACTUALS: "DailyMetric",
    Table.STANDUPS: "StandupRecord",
    Table.PEOPLE: "Person",
}


ACTIVITY = "activity"  # the activity log's table (its entries are not a `Table`)


class InvalidDocument(ValueError):
    """A stored document its model refuses; the message is one line: field and reason."""


def board_problems(data: dict[str, dict[str, Any]], *, first_only: bool = False) -> list[str]:
    """Every document of a parsed board checked against its model (the board
    settings and the activity log too): one line per document refused."""
    problems = []
    meta = data.get(Table.META.value, {}).get("meta")
    try:
        validate(models.BoardMeta, meta)
    except InvalidDocument as error:
        problems.append(_("board settings: {problem}").format(problem=error))
    problem = revision_problem(meta)
    if problem:
        problems.append(problem)
    for table, name in (*MODEL_NAMES.items(), (ACTIVITY, "ActivityEntry")):
        if first_only and problems:
            break
        model = getattr(models, name)
        for doc_id, doc in data.get(str(table), {}).items():
            try:
                validate(model, doc)
            except InvalidDocument as error:
                problems.append(document_problem(table, doc_id, error))
                if first_only:
                    break
    return problems


def revision_problem(meta: Any) -> str | None:
    """The save counter kept in the board settings (beside the model's
    fields) must be a whole number ≥ 0; what is wrong with it, or None."""
    revision = meta.get("revision", 0) if isinstance(meta, dict) else 0
    if isinstance(revision, int) and not isinstance(revision, bool) and revision >= 0:
        return None
    shown = str(revision)[:40]
    return _("board settings: revision: '{value}' is not a whole number").format(value=shown)


def table_model(table: Table | str) -> type[BaseModel] | None:
    """The model of a table's documents (the meta table's too); None for a table without one."""
    name = "BoardMeta" if table == Table.META else MODEL_NAMES.get(table)  # type: ignore[call-overload]
    return getattr(models, name) if name else None


def validate(model: type[M], doc: Any) -> M:
    """`model.model_validate(doc)`; InvalidDocument saying which field, when it fails."""
    from pydantic import ValidationError

    try:
        return model.model_validate(doc)
    except ValidationError as error:
        raise InvalidDocument(first_error(error)) from None


def jsonable(value: Any) -> Any:
    """`value` as it reads back from the file."""
    return orjson.loads(orjson.dumps(value))


def first_error(error: ValidationError) -> str:
    """The first field refused and why, in one line of the interface language."""
    return field_refusal(error.errors()[0])


def document_problem(table: Table | str, doc_id: str, problem: object) -> str:
    """ "table 'tasks', document 't-1': due: …" — where in the file, then what."""
    return _("table '{table}', document '{doc_id}': {problem}").format(table=table, doc_id=doc_id, problem=problem)


def checked_doc(path: Path, table: Table, doc_id: str, doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` as the file will hold it: the model's full form (defaults filled
    in, control characters replaced) plus any fields the model does not know.
    BoardError, before anything is saved, when the model refuses it."""
    doc = jsonable(doc)
    model = table_model(table)
    if model is None:
        return doc
    try:
        validated = validate(model, doc)
    except InvalidDocument as error:
        raise BoardError(
            _("{path}: {problem}; nothing was saved").format(path=path, problem=document_problem(table, doc_id, error))
        ) from None
    return {**doc, **validated.model_dump(mode="json")}


def model_view(table: Table, doc: dict[str, Any]) -> dict[str, Any]:
    """A stored document as its model reads it (a field the file leaves out
    has the model's default); as stored when it does not validate."""
    model = table_model(table)
    if model is None:
        return doc
    try:
        return {**doc, **validate(model, doc).model_dump(mode="json")}
    except InvalidDocument:
        return doc
