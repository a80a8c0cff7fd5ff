"""Common base for everything saved in a board."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from .text import Line


class Record(BaseModel):
    """A document in the board: a stable string id and who touched it last."""

    # defer_build: a model's validator is built on first use, not at import;
    # opening the app builds only the few models the first screen needs.
    model_config = ConfigDict(extra="ignore", validate_assignment=True, str_strip_whitespace=True, allow_inf_nan=False, defer_build=True)

    id: str
    updated_at: datetime | None = None
    updated_by: Line = ""

    def to_doc(self) -> dict[str, Any]:
        """The JSON-ready dict stored in the board file."""
        return self.model_dump(mode="json")
