"""Operations: every change to a board is one, and the activity log keeps them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .enums import OpKind, Table


class Operation(BaseModel):
    """One change, as asked for. `before` holds the values the user saw: if the
    file has another value there now, someone else changed the same field."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    kind: OpKind
    table: Table
    doc_id: str = ""
    after: dict[str, Any] = Field(default_factory=dict)  # ADD: the document; SET: the new values
    before: dict[str, Any] | None = None  # SET: the values seen; DELETE: the document seen
    docs: list[dict[str, Any]] = Field(default_factory=list)  # REPLACE: documents to put
    summary: str = ""  # REPLACE (and any op): a human line for the activity view
    label: str = ""  # e.g. "move", "toggle": how the activity view words it
    undoes: str | None = None  # the activity entry this operation reverses


class ActivityEntry(BaseModel):
    """An applied operation: who, when, what, before → after."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    id: str
    at: datetime
    by: str
    kind: OpKind
    table: Table
    doc_id: str = ""
    label: str = ""
    before: dict[str, Any] | None = None
    after: dict[str, Any] = Field(default_factory=dict)
    summary: str = ""
    revision: int = 0
    undoes: str | None = None  # the entry this one undid
