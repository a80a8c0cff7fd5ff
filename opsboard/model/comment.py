"""A comment in a task's thread: who, when, what."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from opsboard.i18n import _

from .text import Line, Text


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError(_("a comment needs some text"))
    return value


class Comment(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, defer_build=True)

    at: datetime
    by: Line = ""
    text: Annotated[Text, AfterValidator(_non_empty)]
