"""User text as the models validate it: single lines and free text, cleaned
of control characters (see cleaning.py)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from .cleaning import REPLACEMENT, clean_line, clean_text

__all__ = ["REPLACEMENT", "Line", "RequiredLine", "Text", "clean_line", "clean_text"]


def _strip_none(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


Line = Annotated[str, AfterValidator(clean_line)]
"""A single line of user text (title, owner, tag)."""

RequiredLine = Annotated[str, AfterValidator(clean_line), AfterValidator(_non_empty)]
"""A single line of user text that must not be empty."""

Text = Annotated[str, BeforeValidator(_strip_none), AfterValidator(clean_text)]
"""Free text with lines (notes, details)."""
