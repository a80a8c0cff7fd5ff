"""The board's own settings and its departments."""

from __future__ import annotations

from pydantic import Field

from .base import Record
from .enums import SCHEMA_VERSION, Language
from .text import RequiredLine


class BoardMeta(Record):
    id: str = "meta"
    name: RequiredLine
    language: Language = Language.EN
    year: int = Field(ge=2000, le=2100)
    currency: RequiredLine = "CNY"
    schema_version: int = SCHEMA_VERSION


class Department(Record):
    """A department of the team; `id` is its stable key (e.g. `customer_service`)."""

    name: RequiredLine
    order: int = 0
    standup_order: int | None = None  # None: same as `order`
